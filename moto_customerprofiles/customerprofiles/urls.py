"""customerprofiles base URL and path."""

from .responses import CustomerProfilesResponse

url_bases = [
    r"https?://profile\.(.+)\.amazonaws\.com",
]

# The botocore model picks the operation from the method and the URI.
url_paths = {
    "{0}/.*$": CustomerProfilesResponse.dispatch,
}
