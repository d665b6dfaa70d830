"""Plug the customerprofiles subpackage into moto, once, on import.

moto has no plugin mechanism (getmoto/moto#7126): it finds a service by a URL pattern in
``moto.backend_index.backend_url_patterns`` and imports its backends from
``moto.<service>``. Both are provided here; see DESIGN-NOTES for why each step is needed.
"""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from types import ModuleType

SERVICE_KEY = "customerprofiles"
URL_PATTERN = re.compile(r"https?://profile\.(.+)\.amazonaws\.com")
# The moto releases the package is tested with (pyproject.toml's requirement).
TESTED_MOTO = (5, 2)
TESTED_MOTO_RANGE = ">=5.2,<5.3"
_version_warned: list[bool] = [False]


class UntestedMotoVersionWarning(UserWarning):
    """The installed moto is outside the releases this package is tested with."""


def check_moto_version() -> None:
    """Warn, once per process, when the installed moto is not a 5.2.x release.

    moto has no plugin interface: this package leans on moto internals that change
    between minor releases (see ``customerprofiles/compat.py``), so another release may
    fail in ways that do not point here.
    """
    import moto

    installed = str(getattr(moto, "__version__", "unknown"))
    match = re.match(r"(\d+)\.(\d+)", installed)
    if match and (int(match[1]), int(match[2])) == TESTED_MOTO:
        return
    if _version_warned[0]:
        return
    _version_warned[0] = True
    warnings.warn(
        f"moto-customerprofiles is tested with moto{TESTED_MOTO_RANGE}, but moto "
        f"{installed} is installed: Customer Profiles requests may fail. Install a "
        f"tested release: pip install 'moto[server]{TESTED_MOTO_RANGE}'",
        UntestedMotoVersionWarning,
        stacklevel=3,
    )


def register() -> None:
    """Idempotent: a second call changes nothing but what moto loaded meanwhile
    (its server modules, whose HTTP errors become JSON)."""
    check_moto_version()
    from moto import backend_index

    package = importlib.import_module("moto_customerprofiles.customerprofiles")
    _alias(package)

    patterns = backend_index.backend_url_patterns
    if not any(key == SERVICE_KEY for key, _ in patterns):
        # Mutate in place: moto's server and proxy hold references to this list.
        patterns.append((SERVICE_KEY, URL_PATTERN))

    _serve_moto_api_routes(package.__name__)
    compat = importlib.import_module(f"{package.__name__}.compat")
    compat.forget_cloudformation_lookups()
    compat.list_response_methods_once()
    tagging_api = importlib.import_module(f"{package.__name__}.tagging_api")
    if tagging_api.SUPPORTED:
        compat.report_tagging_api_failures_per_arn(tagging_api.failure_info)
    compat.answer_http_errors_in_json(SERVICE_KEY)


# What moto and its servers look up: the backends, the URLs (and with them the
# responses), our /moto-api/ routes, and the CloudFormation resource types.
_ENTRY_MODULES = ("models", "urls", "moto_api", "cloudformation", "compat")


def _alias(package: ModuleType) -> None:
    """Make ``moto.customerprofiles[.x.y]`` the very modules of our subpackage.

    The entry modules import every other module they need; the loaded modules are then
    aliased (no walk of the package's files, which costs more than the imports).
    """
    sys.modules.setdefault(f"moto.{SERVICE_KEY}", package)
    for name in _ENTRY_MODULES:
        importlib.import_module(f"{package.__name__}.{name}")
    prefix = f"{package.__name__}."
    for name, module in list(sys.modules.items()):
        if name.startswith(prefix):
            sys.modules.setdefault(f"moto.{SERVICE_KEY}.{name[len(prefix) :]}", module)


def _serve_moto_api_routes(package_name: str) -> None:
    """Add our routes to moto's /moto-api/: trigger invocations, the clock,
    predicted intents and recommendations."""
    api = importlib.import_module(f"{package_name}.moto_api")
    compat = importlib.import_module(f"{package_name}.compat")
    compat.add_moto_api_routes(
        {
            api.TRIGGER_INVOCATIONS_PATH: api.trigger_invocations_response,
            api.CLOCK_PATH: api.clock_response,
            api.PREDICTED_INTENTS_PATH: api.predicted_intents_response,
            api.RECOMMENDATIONS_PATH: api.recommendations_response,
            api.DETECTED_OBJECT_TYPES_PATH: api.detected_object_types_response,
            api.SEGMENT_MEMBERS_PATH: api.segment_members_response,
            api.ML_MATCHES_PATH: api.ml_matches_response,
            api.WORKFLOW_RECORDS_PATH: api.workflow_records_response,
        }
    )
