"""Benchmark: does an audit stay flat in the page count?

Builds PDFs of N pages by repeating a corpus report's pages (``qpdf
--pages``), audits each in a fresh process (``python -m auditor FILE
--format json``) and reports, in the same run, CPU seconds per page (the
process and its page workers) and the peak resident memory of the whole
process tree (its proportional set size, sampled every 50 ms, the
workers' memory added to the parent's). Flat means: seconds per page of the longest document within 1.1
of the shortest one's, and peak memory bounded (issue 12: under 200 MB at
400 pages). CPU, not wall time: the machine may be shared.

    python benchmarks/scale_benchmark.py [--source PDF] [--pages 50 400] [--reader pdfium]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def repeated_pdf(source: Path, pages: int, out: Path) -> Path:
    """``pages`` pages cycling through ``source``'s pages, in order."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(source)
    n = len(doc)
    doc.close()
    ranges = []
    left = pages
    while left > 0:
        take = min(n, left)
        ranges += [str(source), f"1-{take}"]
        left -= take
    subprocess.run(["qpdf", "--empty", "--pages", *ranges, "--", str(out)], check=True)
    return out


def _tree_memory(proc: psutil.Process) -> int:
    """Bytes of memory ``proc`` and all its descendants hold now: their
    proportional set size (a page shared by a forked worker and its parent
    counted once between them), resident size where PSS is not available."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            continue
    return total


def audit_cost(path: Path, reader: str, ocr: str) -> tuple[float, float]:
    """CPU seconds and peak tree memory (MB) of one audit in a fresh process."""
    cmd = [sys.executable, "-m", "auditor", str(path), "--reader", reader, "--ocr", ocr, "--format", "json"]
    before = os.times()
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, _tree_memory(proc))
        time.sleep(0.05)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return cpu, peak / (1024 * 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=CORPUS / "jombang-inspektorat-lkjip-2022.pdf")
    parser.add_argument("--pages", type=int, nargs="+", default=[50, 400])
    parser.add_argument("--reader", default="pdfium")
    parser.add_argument("--ocr", default="off", help="OCR mode of the audits (off: the reader alone)")
    args = parser.parse_args()
    print(f"{'pages':>5} {'cpu s':>8} {'s/page':>7} {'ratio':>6} {'peak MB':>8}")
    first: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.pages:
            pdf = repeated_pdf(args.source, n, Path(tmp) / f"repeat-{n}.pdf")
            cpu, peak = audit_cost(pdf, args.reader, args.ocr)
            per_page = cpu / n
            first = first or per_page
            print(f"{n:5d} {cpu:8.2f} {per_page:7.3f} {per_page / first:6.2f} {peak:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
