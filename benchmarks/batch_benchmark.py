"""Benchmark ``audit batch``: 20 corpus-derived PDFs on a local Dask cluster of 2 workers.

The documents are page ranges of the real reports in ../shared/corpus (cut
with qpdf), so they are real layouts of different sizes. Measured in one run:

- the baseline: each document audited by ``audit --format json``, one after
  another;
- ``audit batch --scheduler local -j 2`` over the same documents, whose
  per-document JSON must equal the baseline's byte for byte;
- the rerun of the same batch, which must reuse every result.

Figures are printed as ratios to the baseline's wall time.

    python benchmarks/batch_benchmark.py [--documents 20]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def derived_documents(folder: Path, count: int, span: int = 12) -> list[Path]:
    """``count`` PDFs of up to ``span`` pages cut from the corpus reports in turn
    (numbered: once a report's pages are used up it is cut again from page 1,
    and the second cut must not overwrite the first)."""
    sources = sorted(CORPUS.glob("*.pdf"))
    pages = {s: int(_pdfinfo(s)["Pages"]) for s in sources}
    docs: list[Path] = []
    start = dict.fromkeys(sources, 1)
    while len(docs) < count:
        for source in sources:
            first = start[source]
            if first > pages[source]:
                first = start[source] = 1
            last = min(pages[source], first + span - 1)
            out = folder / f"{len(docs) + 1:02d}-{source.stem}-p{first}-{last}.pdf"
            subprocess.run(["qpdf", str(source), "--pages", str(source), f"{first}-{last}", "--", str(out)],
                           check=True)  # fmt: skip
            docs.append(out)
            start[source] = last + 1
            if len(docs) == count:
                break
    return docs


def _pdfinfo(path: Path) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in text.splitlines() if ":" in line)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20)
    args = parser.parse_args()
    if not shutil.which("qpdf") or not CORPUS.is_dir():
        print("needs qpdf and ../shared/corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        docs = derived_documents(folder, args.documents)
        t0 = time.perf_counter()
        single = {d.stem: _audit(d) for d in docs}
        baseline = time.perf_counter() - t0
        batch = [sys.executable, "-m", "auditor", "batch", str(folder), "-o", str(Path(tmp) / "out"),
                 "--scheduler", "local", "-j", "2", "-q"]  # fmt: skip
        t0 = time.perf_counter()
        subprocess.run(batch, check=False)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run(batch, check=False)
        rerun = time.perf_counter() - t0
        summary = json.loads((Path(tmp) / "out" / "summary.json").read_text(encoding="utf-8"))
        differ = [
            d.stem for d in docs if (Path(tmp) / "out" / f"{d.stem}.json").read_text(encoding="utf-8") != single[d.stem]
        ]
        same = len(docs) - len(differ)
        for stem in differ:
            print(
                f"{stem}: {_difference(single[stem], (Path(tmp) / 'out' / f'{stem}.json').read_text(encoding='utf-8'))}"
            )
        reused = subprocess.run([*batch[:-1]], capture_output=True, text=True, check=False).stderr
    print(f"documents: {len(docs)}; results identical to single runs: {same}/{len(docs)}")
    print(f"statuses: {summary['totals']['status']}" + (f"; different: {', '.join(differ)}" if differ else ""))
    print(f"progress lines of a third run saying the result was reused: {reused.count('reused')}/{len(docs)}")
    print(f"baseline (one after another): {baseline:.1f} s = 1.00")
    print(f"batch on a local Dask cluster, 2 workers: {first / baseline:.2f}")
    print(f"rerun (every result reused): {rerun / baseline:.3f}")
    return 0


def _difference(single: str, batched: str) -> str:
    """Which findings one output has and the other lacks (a page past its
    time limit on a loaded machine is one cause)."""
    try:
        one, two = (json.loads(text) for text in (single, batched))
    except ValueError:
        return "an output is not JSON"

    def keys(payload: dict) -> set[str]:
        return {f"{f['rule']}:{f['message'][:80]}" for f in payload.get("findings", [])}

    return f"single only {sorted(keys(one) - keys(two))}; batch only {sorted(keys(two) - keys(one))}"


def _audit(document: Path) -> str:
    cmd = [sys.executable, "-m", "auditor", str(document), "--format", "json", "--fail-on", "never"]
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


if __name__ == "__main__":
    sys.exit(main())
