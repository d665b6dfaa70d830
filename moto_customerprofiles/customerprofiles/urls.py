"""customerprofiles base URL and path."""

from .responses import CustomerProfilesResponse

url_bases = [
    r"https?://profile\.(.+)\.amazonaws\.com",
]

# The botocore model picks the operation from the method and the URI. The route is a
# named regex (not "/.*", which the server turns into a path converter that refuses a
# newline) so that every path reaches the response and gets a modelled answer.
url_paths = {
    r"{0}/(?P<route>[\s\S]*)$": CustomerProfilesResponse.dispatch,
}
