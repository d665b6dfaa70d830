"""An in-memory mock of Amazon Connect Customer Profiles for moto.

Importing this package registers the ``customerprofiles`` service with moto, so that
``mock_aws``, ``ThreadedMotoServer`` and ``moto-customerprofiles-server`` serve it.
"""

from ._registration import register

register()

from .customerprofiles.moto_api import (  # noqa: E402
    set_clock,
    set_detected_object_types,
    set_ml_matches,
    set_predicted_intents,
    set_recommendations,
    set_segment_members,
    set_workflow_records,
    trigger_invocations,
)

__all__ = [
    "register",
    "set_clock",
    "set_detected_object_types",
    "set_ml_matches",
    "set_predicted_intents",
    "set_recommendations",
    "set_segment_members",
    "set_workflow_records",
    "trigger_invocations",
]
__version__ = "0.1.0"
