"""The README's event-trigger example is run as it is written, in both modes."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def _example_source() -> str:
    text = README.read_text()
    section = text.split("## Event trigger invocations", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's event-trigger section has no Python example"
    return match.group(1)


def test_readme_event_trigger_example_passes(
    customerprofiles_client, customerprofiles_trigger_invocations
):
    namespace: dict = {}
    exec(compile(_example_source(), str(README), "exec"), namespace)
    namespace["test_big_orders_fire_once_an_hour"](
        customerprofiles_client, customerprofiles_trigger_invocations
    )
