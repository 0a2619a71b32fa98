"""Benchmark: how long an audit takes, as a ratio to a baseline measured in
the same run on the same machine.

The baseline is the least any PDF-reading auditor must do: open the PDF with
pdfplumber and extract the words of every page (for a text export: read it
into the document model). The audit ratio says what
table finding, semantics and all rules cost on top of that; ratios, unlike
seconds, compare across machines and runs.

    python benchmarks/benchmark.py [PDF_OR_TEXT ...] [--repeat 3]

Without arguments it measures the shipped examples and, when present, the
real reports in ../shared/corpus/.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.audit import audit_document, load_ruleset  # noqa: E402
from auditor.readers import read_document  # noqa: E402


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def baseline(path: Path) -> None:
    """PDF: pdfplumber's words of every page. Text export: reading it into
    the document model (there is no cheaper honest floor for text)."""
    if path.suffix.lower() != ".pdf":
        read_document(path)
        return
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()


def audit(path: Path) -> tuple[int, int]:
    rules = load_ruleset()
    doc = read_document(path)
    findings = audit_document(doc, rules, rules.rules)
    return len(doc.pages) or 0, len(findings)


def default_inputs() -> list[Path]:
    paths = sorted((ROOT / "fixtures" / "examples").glob("*.pdf"))
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        paths += sorted(corpus.glob("*.pdf")) + sorted(corpus.glob("*.md"))
    return [p for p in paths if p.name.lower() != "readme.md"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    inputs = args.inputs or default_inputs()
    print(f"{'document':45} {'pages':>5} {'baseline s':>10} {'audit s':>8} {'ratio':>6} {'s/page':>7}")
    ratios = []
    for path in inputs:
        base = _best(lambda p=path: baseline(p), args.repeat)
        pages, _ = audit(path)
        full = _best(lambda p=path: audit(p), args.repeat)
        ratio = full / base if base else float("nan")
        ratios.append(ratio)
        per_page = f"{full / pages:7.3f}" if pages else "      -"
        print(f"{path.name[:45]:45} {pages:5d} {base:10.3f} {full:8.3f} {ratio:6.2f} {per_page}")
    if ratios:
        print(f"median audit/baseline ratio: {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
