"""``python -m tests.fuzz``: a fuzz batch over the corpus, with a report.

Exit status 0 when every case passes (see :mod:`tests.fuzz.runner`), 1 when
one fails; the report goes to standard output.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.fuzz.mutate import build_cases, make_seeds
from tests.fuzz.runner import REPO, run_case, summary

CORPUS = REPO.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=150, help="number of cases (default 150)")
    parser.add_argument("--start", type=int, default=0, help="first case number (to run a long batch in chunks)")
    parser.add_argument("--seed", type=int, default=1, help="run seed: same seed, same cases")
    parser.add_argument("--timeout", type=float, default=60.0, help="CPU seconds per case before it counts as a hang")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of PDFs to mutate")
    parser.add_argument("--work", type=Path, help="keep the cases in this folder (default: a temporary one)")
    parser.add_argument("--only", help="only cases whose name contains this text")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        seeds = make_seeds(args.corpus, work / "seeds")
        if not seeds:
            print(f"no PDF seeds in {args.corpus}", file=sys.stderr)
            return 2
        report = REPO / "fixtures" / "examples" / "broken-report-ruled.pdf"
        cases = build_cases(seeds, report, work / "cases", args.cases, args.seed, args.start)
        cases = [c for c in cases if not args.only or args.only in c.name]
        outcomes = []
        for case in cases:
            outcome = run_case(case, args.timeout)
            outcomes.append(outcome)
            print(
                f"{case.name}: exit {outcome.exit_code} in {outcome.seconds:.1f} s ({outcome.cpu_seconds:.1f} s CPU)",
                flush=True,
            )
        print(summary(outcomes))
    return 1 if any(o.problem for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
