"""DocContext.context_year: the year of the nearest accepted heading before a place."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import load_ruleset
from auditor.meaning.context import DocContext, line_order
from auditor.readers.text_export import read_text_export

TEXT = """# LAPORAN KINERJA TAHUN 2022

Pendahuluan laporan.

# BAB II PERJANJIAN KINERJA TAHUN 2023

Target tahun depan.

# BAB III CAPAIAN KINERJA TAHUN 2015

Capaian tahun ini.

# BAB IV PENUTUP

Penutup.
"""


def test_context_year_follows_headings_next_to_the_report_year(tmp_path: Path) -> None:
    doc = read_text_export(tmp_path / "r.md", TEXT, "0")
    ctx = DocContext(doc, load_ruleset().vocabulary, [])
    years = {ln.text: ctx.context_year(line_order(ln)) for ln in doc.lines if not ln.text.startswith("#")}
    assert ctx.report_year == 2022
    assert years["Pendahuluan laporan."] == 2022
    assert years["Target tahun depan."] == 2023  # next to the report year: a section about it
    # 2015 is too far from 2022 to be the section's year: the last accepted one stays
    assert years["Capaian tahun ini."] == 2023
    assert years["Penutup."] == 2023
