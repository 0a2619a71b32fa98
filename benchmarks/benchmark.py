"""Benchmark: how much CPU an audit takes, as ratios to two baselines
measured in the same run on the same machine.

The baselines are what a PDF-reading auditor would do without us:

- *plumber*: a plain pdfplumber pass, the characters and ``extract_tables``
  of every page (what a hand-written pdfplumber script costs);
- *pdfium*: a pypdfium2 pass reading every character with its box (the
  floor of reading the text layer at all).

For a text export both baselines are reading it into the document model
(there is no cheaper honest floor for text). The audit is measured once per
reader (``--reader``), in CPU seconds of this process and its page workers;
ratios, unlike seconds, compare across machines and runs. The baselines and
the audits take turns, run by run, and each keeps its least CPU.

    python benchmarks/benchmark.py [PDF_OR_TEXT ...] [--repeat 3] [--reader pdfplumber] [--ocr off]

The audit runs as shipped (``--ocr auto``: tables printed as images are
read by Tesseract, whose CPU is counted); ``--ocr off`` measures the reader
and the rules alone.

Without arguments it measures the shipped examples and, when present, the
real reports in ../shared/corpus/.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
from pathlib import Path

import pdfplumber
import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.audit import audit_document, load_ruleset  # noqa: E402
from auditor.readers import read_document  # noqa: E402
from auditor.readers.limits import DEFAULT_LIMITS, READERS  # noqa: E402
from auditor.readers.ocr.settings import OcrSettings  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and its finished children (page workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _cpu_of(fn) -> float:
    """The CPU seconds ``fn()`` takes."""
    t0 = _cpu()
    fn()
    return _cpu() - t0


def _interleaved(runs: dict[str, object], repeat: int) -> dict[str, float]:
    """The least CPU of ``repeat`` runs of each function in ``runs``, the
    functions taking turns: a machine that gets busier or quieter during
    the measure then weighs on the baselines and the audit alike, where
    measuring each in a block of its own let the ratio move by a third."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            times[name].append(_cpu_of(fn))
    return {name: min(values) for name, values in times.items()}


def plumber_pass(path: Path) -> None:
    """Baseline 1: pdfplumber's characters and ``extract_tables`` on every page."""
    if path.suffix.lower() != ".pdf":
        read_document(path)
        return
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            _ = page.chars
            page.extract_tables()
            page.close()


def pdfium_pass(path: Path) -> None:
    """Baseline 2: pypdfium2 reading every character with its box."""
    if path.suffix.lower() != ".pdf":
        read_document(path)
        return
    pdf = pypdfium2.PdfDocument(path)
    try:
        for page in pdf:
            text = page.get_textpage()
            for i in range(text.count_chars()):
                text.get_text_range(i, 1)
                text.get_charbox(i)
            text.close()
            page.close()
    finally:
        pdf.close()


def audit(path: Path, reader: str, ocr: str = "auto") -> tuple[int, int]:
    rules = load_ruleset()
    doc = read_document(path, dataclasses.replace(DEFAULT_LIMITS, reader=reader), ocr=OcrSettings(mode=ocr))
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
    parser.add_argument("--reader", choices=READERS, action="append", help="reader(s) to audit with (default: all)")
    parser.add_argument(
        "--ocr", choices=("auto", "off"), default="auto", help="OCR of the audits (off: the reader alone; default auto)"
    )
    args = parser.parse_args()
    inputs = args.inputs or default_inputs()
    readers = args.reader or list(READERS)
    print(
        f"{'document':40} {'pages':>5} {'plumber s':>9} {'pdfium s':>8} {'reader':>10} "
        f"{'audit s':>8} {'/plumber':>8} {'/pdfium':>7} {'s/page':>7}"
    )
    ratios: dict[str, list[float]] = {r: [] for r in readers}
    for path in inputs:
        # the baselines are keyed apart from the readers: one reader is "pdfium"
        runs = {"pass:plumber": lambda p=path: plumber_pass(p), "pass:pdfium": lambda p=path: pdfium_pass(p)}
        for reader in readers:
            runs[f"audit:{reader}"] = lambda p=path, r=reader: audit(p, r, args.ocr)
        pages = {reader: audit(path, reader, args.ocr)[0] for reader in readers}
        best = _interleaved(runs, args.repeat)
        plumber, pdfium = best["pass:plumber"], best["pass:pdfium"]
        for reader in readers:
            full = best[f"audit:{reader}"]
            to_plumber = full / plumber if plumber else float("nan")
            to_pdfium = full / pdfium if pdfium else float("nan")
            ratios[reader].append(to_plumber)
            per_page = f"{full / pages[reader]:7.3f}" if pages[reader] else "      -"
            print(
                f"{path.name[:40]:40} {pages[reader]:5d} {plumber:9.3f} {pdfium:8.3f} {reader:>10} "
                f"{full:8.3f} {to_plumber:8.2f} {to_pdfium:7.1f} {per_page}"
            )
    for reader, values in ratios.items():
        if values:
            print(f"{reader}: median audit/plumber-pass ratio {statistics.median(values):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
