"""Extraction oracle: the PDF reader must give back the tables that were printed.

Each source (the synthetic report, the real Kemensos text export) is rendered
to a PDF in each layout (ruled Word-export look, borderless designer look) by
``fixtures/render_pdf.py``, read back with ``auditor.readers.read_document``
and compared cell by cell with the source tables; see
``fixtures/oracle_report.py`` for what counts as a match. Run with ``-s`` to
see the accuracy figures; ``python fixtures/oracle_report.py SOURCE.md``
lists the mismatching cells.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from oracle_report import OracleResult, compare, run_oracle, source_tables, summary_line

from tests.corpus_cache import read_cached

ROOT = Path(__file__).resolve().parents[1]
MIN_ACCURACY = 0.99
SYNTHETIC = ROOT / "fixtures" / "synthetic" / "consistent-report.md"
CORPUS_FILE = "kemensos-lakip-2018.md"
LAYOUTS = ("ruled", "borderless")


@pytest.fixture(scope="module")
def oracle_cache() -> dict[tuple[str, str], OracleResult]:
    """Rendered-and-read results, computed once per (source, layout) per module.

    Rendering and reading the ~40-page corpus twice is the slow part.
    """
    return {}


def _result(
    cache: dict[tuple[str, str], OracleResult],
    tmp_path_factory: pytest.TempPathFactory,
    source: Path,
    layout: str,
) -> OracleResult:
    key = (str(source), layout)
    if key not in cache:
        out = tmp_path_factory.mktemp("oracle") / f"{source.stem}-{layout}.pdf"
        cache[key] = run_oracle(source.read_text(encoding="utf-8"), out, layout)
    return cache[key]


def _check(result: OracleResult, label: str) -> None:
    print("\n" + summary_line(label, result))
    worst = sorted((s for s in result.scores if s.mismatches), key=lambda s: s.accuracy)
    for s in worst[:5]:
        first = s.mismatches[0]
        print(
            f"  table {s.source.index + 1} (line {s.source.line}): {s.accuracy:.3f}, "
            f"e.g. r{first.row} c{first.col} expected {first.expected!r} got {first.got!r}"
        )
    accuracy = result.accuracy
    assert accuracy >= MIN_ACCURACY, (
        f"{label}: cell accuracy {accuracy:.4f} < {MIN_ACCURACY}; "
        f"run `python fixtures/oracle_report.py` on the source for the failing cells"
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_synthetic_report_round_trips(
    layout: str,
    oracle_cache: dict[tuple[str, str], OracleResult],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    result = _result(oracle_cache, tmp_path_factory, SYNTHETIC, layout)
    _check(result, f"synthetic/{SYNTHETIC.name} [{layout}]")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_corpus_report_round_trips(
    layout: str,
    corpus_dir: Path,
    rendered_pdf: Callable[[Path, str], Path],
) -> None:
    """The corpus report's PDF is the session's shared rendering (other
    modules audit the same file), read once for the session."""
    source = corpus_dir / CORPUS_FILE
    if not source.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{source} is missing under CI")
        pytest.skip(f"{source} not in the corpus")
    result = compare(source_tables(source.read_text(encoding="utf-8")), read_cached(rendered_pdf(source, layout)))
    _check(result, f"corpus/{CORPUS_FILE} [{layout}]")


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    """Same source, same bytes: the committed example PDFs stay reproducible."""
    from render_pdf import render

    text = SYNTHETIC.read_text(encoding="utf-8")
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(text, a, "borderless")
    render(text, b, "borderless")
    assert a.read_bytes() == b.read_bytes()
