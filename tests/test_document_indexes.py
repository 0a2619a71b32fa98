"""The document-wide indexes give what a rescan of the whole document gives,
and a json audit starts without the workbook library.

The indexes (a section's tables, the quantities of one row or one column)
replace walks over every table or quantity per sentence or per copy; each is
compared here with that walk on a real report.
"""

from __future__ import annotations

import bisect
import subprocess
import sys
from pathlib import Path

from auditor.audit import load_ruleset, table_views
from auditor.checks.crossref import _state
from auditor.checks.run import Run
from auditor.meaning.context import DocContext, table_order
from tests.corpus_cache import read_cached

ROOT = Path(__file__).resolve().parents[1]


def _run(path: Path) -> Run:
    ruleset = load_ruleset()
    doc = read_cached(path)
    views = table_views(doc, ruleset)
    return Run(lang="id", ruleset=ruleset, context=DocContext(doc, ruleset.vocabulary, views))


def _rescanned(ctx: DocContext, order: tuple[float, float, float]) -> list[object]:
    """The tables a sentence at ``order`` looks at, by a walk over every table:
    those after it, then those before it nearest first, in its own section."""
    section = sum(1 for start in ctx.section_starts if start <= order)
    after = [v for v in ctx.views if table_order(v) > order]
    before = [v for v in ctx.views if table_order(v) < order][::-1]
    return [v for v in [*after, *before] if sum(1 for s in ctx.section_starts if s <= table_order(v)) == section]


def _indexed(ctx: DocContext, order: tuple[float, float, float]) -> list[object]:
    own = ctx.section_tables.get(bisect.bisect_right(ctx.section_starts, order), [])
    return [v for o, v in own if o > order] + [v for o, v in own if o < order][::-1]


def test_section_tables_are_the_rescan_of_every_table(corpus_dir: Path) -> None:
    ctx = _run(corpus_dir / "kemensos-lakip-2018.md").context
    assert ctx.section_tables, "the export has tables in its sections"
    for sentence in ctx.sentences:
        assert _indexed(ctx, sentence.order) == _rescanned(ctx, sentence.order)


def test_quantities_by_row_and_origin_are_the_rescan(corpus_dir: Path) -> None:
    run = _run(corpus_dir / "kemensos-lakip-2018.md")
    rule = run.ruleset.get("XRF001")
    assert rule is not None
    state = _state(run, rule)
    assert state.quantities
    for q in state.quantities:
        row = [o for o in state.quantities if o.row_key == q.row_key and o.year == q.year]
        assert state.by_row[(q.row_key, q.year)] == row
        assert state.by_origin[q.origin] == [o for o in state.quantities if o.origin == q.origin]


def test_a_json_audit_does_not_import_openpyxl(corpus_dir: Path, tmp_path: Path) -> None:
    """openpyxl (and numpy under it) is the workbook reporter's alone."""
    out = tmp_path / "out.json"
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['audit', {str(corpus_dir / 'kemensos-lakip-2018.md')!r}, '--format', 'json',"
        f" '-o', {str(out)!r}, '--fail-on', 'never']\n"
        "try:\n    runpy.run_module('auditor', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'numpy')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert out.stat().st_size > 0
    assert done.stdout.strip() == "[]"
