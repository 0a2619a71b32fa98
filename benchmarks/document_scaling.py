"""Benchmark: the document-level checks stay near-linear in the report's length.

A text export is repeated K times, each copy with its years shifted by its
number of copies times 100 (2018 becomes 2118, 2218 ...) and its labels
suffixed, so that copies neither merge as cross-references nor share a
report year; the document-level engines (those that read the whole
document: cross-references, narrative claims, counts, citations ...) are
timed on one copy and on K copies, each engine apart. A ratio near K is
linear; the slowest engines are listed, to find a step that rescans the
document per sentence.

    python benchmarks/document_scaling.py [TEXT_EXPORT] [--copies 8] [--repeat 1]

Without arguments it measures ../shared/corpus/kemensos-lakip-2018.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.audit import load_ruleset, table_views  # noqa: E402
from auditor.checks.registry import BY_NAME  # noqa: E402
from auditor.checks.run import Run  # noqa: E402
from auditor.meaning.context import DocContext  # noqa: E402
from auditor.readers import read_document  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "kemensos-lakip-2018.md"
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def copy_of(text: str, k: int) -> str:
    """Copy ``k`` of the report: years moved by 100 k, headings and captions marked."""
    if k == 0:
        return text
    moved = _YEAR.sub(lambda m: str(int(m.group(1)) + 100 * k), text)
    return re.sub(r"^(#+ .*|Tabel [\w.]+)", lambda m: f"{m.group(1)} ({k})", moved, flags=re.MULTILINE)


def document_seconds(path: Path, repeat: int) -> dict[str, float]:
    """CPU seconds of each document engine (best of ``repeat``), the shared
    context (sentences, indexes) built fresh for each run."""
    ruleset = load_ruleset()
    doc = read_document(path)
    views = table_views(doc, ruleset)
    rules = [r for r in ruleset.rules if BY_NAME.get(r.engine) and BY_NAME[r.engine].scope == "document"]
    best: dict[str, float] = {}
    for _ in range(repeat):
        run = Run(lang="id", ruleset=ruleset, context=DocContext(doc, ruleset.vocabulary, views))
        start = time.process_time()
        _ = run.context.sentences
        got = {"(sentences)": time.process_time() - start}
        for rule in rules:
            start = time.process_time()
            list(BY_NAME[rule.engine].check(rule, run))  # type: ignore[call-arg]
            got[rule.code] = time.process_time() - start
        best = {k: min(v, best.get(k, v)) for k, v in got.items()}
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "one.md", Path(tmp) / "many.md"
        one.write_text(text, encoding="utf-8")
        many.write_text("\n\n".join(copy_of(text, k) for k in range(args.copies)), encoding="utf-8")
        small, large = document_seconds(one, args.repeat), document_seconds(many, args.repeat)
    total_small, total_large = sum(small.values()), sum(large.values())
    print(f"{args.text.name}: document checks {total_small:.2f} s; x{args.copies}: {total_large:.2f} s")
    print(f"ratio {total_large / max(total_small, 1e-9):.1f} (linear would be {args.copies})")
    print("slowest on the long report (seconds, ratio):")
    for code in sorted(large, key=large.get, reverse=True)[:8]:
        print(f"  {code:12} {large[code]:7.2f}  x{large[code] / max(small.get(code, 0.0), 1e-3):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
