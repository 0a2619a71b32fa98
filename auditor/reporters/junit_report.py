"""JUnit XML, the one test-report format every CI server displays.

One test case per rule that ran on the document: a rule that found
something fails, its failure listing every finding (place, message, printed
and expected value), so a CI page shows "SUM001 failed, 3 findings" next to
the rules that passed. The severity word is the failure's ``type``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from auditor.findings.records import SEVERITY_ORDER, Finding
from auditor.findings.result import AuditResult
from auditor.meaning.layout import Layout
from auditor.reporters.labels import describe_location, labels

FAILED = {"id": "{n} temuan", "en": "{n} finding(s)"}


def _finding_text(f: Finding, lang: str, layout: Layout | None = None) -> str:
    lab = labels(lang)
    where = describe_location(f.locations[0], lang, layout=layout) if f.locations else ""
    text = f"{where}: {f.message}" if where else f.message
    if f.printed is not None:
        text += f" [{lab['printed']}: {f.printed}]"
    if f.expected is not None:
        text += f" [{lab['expected']}: {f.expected}]"
    return text


def _rule_titles(result: AuditResult) -> dict[str, str]:
    """Every rule that ran, with its title, plus any rule a finding names."""
    titles = {r.code: r.title.get(result.lang, r.title["id"]) for r in result.rules}
    for f in result.findings:
        titles.setdefault(f.rule, f.title)
    return titles


def build(result: AuditResult) -> ET.Element:
    """The ``<testsuites>`` tree: one suite for the document."""
    lang = result.lang
    by_rule: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    titles = _rule_titles(result)
    path = result.document.path
    root = ET.Element("testsuites", name="lakip-auditor")
    suite = ET.SubElement(
        root, "testsuite", name=path, tests=str(len(titles)), failures=str(len(by_rule)), errors="0", skipped="0"
    )
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="sha256", value=result.document.sha256)
    for code in sorted(titles):
        case = ET.SubElement(suite, "testcase", classname=path, name=f"{code} {titles[code]}".strip(), time="0")
        found = by_rule.get(code)
        if not found:
            continue
        worst = max((f.severity for f in found), key=SEVERITY_ORDER.__getitem__)
        failure = ET.SubElement(case, "failure", message=FAILED[lang if lang in FAILED else "id"].format(n=len(found)))
        failure.set("type", worst)
        failure.text = "\n".join(_finding_text(f, lang, result.layout) for f in found)
    root.set("tests", suite.get("tests", "0"))
    root.set("failures", suite.get("failures", "0"))
    return root


def report(result: AuditResult, out: TextIO) -> None:
    tree = ET.ElementTree(build(result))
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(out, encoding="unicode")
    out.write("\n")
