"""Benchmark: the import cost of ``audit --help``, and that it loads no GX.

Runs ``audit --help`` in fresh interpreters (``python -X importtime``) from a
checkout and reports the median wall time, the cumulative import time of
``auditor.cli`` and whether ``great_expectations`` or pandas was loaded.
Compare two checkouts (before and after a change) in the same run, on the
same machine:

    python benchmarks/import_cost.py [CHECKOUT ...] [--repeat 9]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import sys\nfrom auditor.cli import main\nsys.argv=['audit','--help']\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print('HEAVY', sorted({m.split('.')[0] for m in sys.modules} & {'great_expectations', 'pandas'}), file=sys.stderr)\n"
)


def measure(checkout: Path, repeat: int) -> tuple[float, float, str]:
    """(median wall seconds, median cumulative import seconds of auditor.cli, heavy modules loaded)."""
    walls, imports, heavy = [], [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", PROBE], cwd=checkout, capture_output=True, text=True, check=True
        )
        walls.append(time.perf_counter() - start)
        m = re.search(r"import time:\s+\d+\s+\|\s+(\d+)\s+\|\s+auditor\.cli$", done.stderr, re.MULTILINE)
        imports.append(int(m.group(1)) / 1e6 if m else float("nan"))
        heavy = next(line for line in done.stderr.splitlines() if line.startswith("HEAVY"))
    return statistics.median(walls), statistics.median(imports), heavy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    for checkout in args.checkouts:
        wall, cli, heavy = measure(checkout.resolve(), args.repeat)
        print(f"{checkout}: audit --help {wall * 1000:.0f} ms, import auditor.cli {cli * 1000:.0f} ms, {heavy}")


if __name__ == "__main__":
    main()
