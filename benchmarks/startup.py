"""Start-up costs, each measured in fresh processes, side by side in one run.

- import: ``import moto_customerprofiles`` on top of ``import boto3, moto``, against
  moto's own import time (``-X importtime``'s cumulative microseconds, bytecode cached
  as users have it: PYTHONDONTWRITEBYTECODE is dropped for the child processes).
- mock_aws: one ``with mock_aws(): pass`` with the plugin loaded and used once, against
  the same with only a native service (emr-containers) used once.

Processes alternate (A, B, A, B, ...); import times are medians, the mock_aws figures
the fastest process of each side (the least disturbed by other load). No assertions.

    python benchmarks/startup.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

IMPORT = "import boto3, moto\nimport moto_customerprofiles\n"
MOCK = """
import os, time
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
import boto3
from moto import mock_aws
if {plugin}:
    import moto_customerprofiles
    service, call = "customer-profiles", "list_domains"
else:
    service, call = "emr-containers", "list_virtual_clusters"
with mock_aws():
    getattr(boto3.client(service, region_name="us-east-1"), call)()
rounds = []
for _ in range(5):
    started = time.perf_counter()
    for _ in range({count}):
        with mock_aws():
            pass
    rounds.append((time.perf_counter() - started) / {count})
print(min(rounds))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["TEST_SERVER_MODE"] = "false"
    return env


def _run(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=_env(),
    )


def _import_times() -> tuple[float, float]:
    """(moto's import, our package's import) in seconds, from one process."""
    stderr = _run(IMPORT, "-X", "importtime").stderr
    times = {}
    for line in stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() in ("moto", "moto_customerprofiles"):
            times[parts[2].strip()] = int(parts[1]) / 1e6
    return times["moto"], times["moto_customerprofiles"]


def _mock_cycle(plugin: bool, count: int) -> float:
    return float(_run(MOCK.format(plugin=plugin, count=count)).stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer processes")
    args = parser.parse_args(argv)
    processes = 5 if args.quick else 15
    _run(IMPORT)  # write the bytecode caches first

    moto_times, ours = [], []
    for _ in range(processes):
        moto_time, our_time = _import_times()
        moto_times.append(moto_time)
        ours.append(our_time)
    moto_median, our_median = statistics.median(moto_times), statistics.median(ours)
    print(
        f"import moto_customerprofiles: {our_median * 1e3:.1f} ms over "
        f"import boto3, moto ({moto_median * 1e3:.1f} ms for moto): "
        f"{our_median / moto_median:.1%} of moto's import ({processes} processes)"
    )

    with_plugin, without = [], []
    for _ in range(max(3, processes // 2)):
        with_plugin.append(_mock_cycle(True, 20))
        without.append(_mock_cycle(False, 20))
    a, b = min(with_plugin), min(without)
    print(
        f"mock_aws() start/stop: {a * 1e3:.2f} ms with the plugin, {b * 1e3:.2f} ms "
        f"without: {a / b:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
