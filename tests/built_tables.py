"""Small tables written as text rows (``"A | B | C"``), read and audited as a
text export of a report, so that the header vocabulary, row kinds and
numbers a test meets are those of a real audit.

Shared by the tests of discovered relations, column sums, closing rows and
checked relations, which each build many such tables.
"""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.findings.records import Finding
from auditor.model import Document
from auditor.readers.text_export import read_text_export

RULESET = load_ruleset()


def table_doc(rows: list[str], tmp_path: Path) -> Document:
    """A one-table report captioned "Tabel uji", one row per ``|``-separated string."""
    text = "Tabel uji\n\n" + "\n".join("\t".join(c.strip() for c in r.split("|")) for r in rows) + "\n"
    return read_text_export(tmp_path / "t.md", text, "0")


def audit_rows(rows: list[str], tmp_path: Path, codes: tuple[str, ...] = ("REL001",)) -> list[Finding]:
    """The findings of the rules ``codes`` on the table; the reading itself must warn of nothing."""
    doc = table_doc(rows, tmp_path)
    rules = [r for r in RULESET.rules if r.code in codes]
    findings = audit_document(doc, RULESET, rules, lang="en")
    assert not doc.warnings
    return findings
