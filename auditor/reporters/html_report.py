"""One self-contained HTML file for the reviewer: a summary, filters by
severity and rule, and every finding with a picture of its cells.

Nothing is fetched from the network: the style and the few lines of script
are inline and the pictures are ``data:`` URIs, so the file can be mailed or
archived with the working paper and opens the same offline years later.
"""

from __future__ import annotations

import html
from typing import TextIO

from auditor.findings.records import Finding
from auditor.findings.result import AuditResult
from auditor.reporters.labels import describe_location, labels, page_label, summary_line
from auditor.reporters.worksheet import SEVERITY_WORDS, rule_counts

WORDS = {
    "id": {
        "title": "Laporan audit", "summary": "Ringkasan", "filters": "Saring", "all_rules": "Semua aturan",
        "shown": "temuan ditampilkan", "count": "Jumlah", "no_image": "Tanpa gambar halaman",
    },
    "en": {
        "title": "Audit report", "summary": "Summary", "filters": "Filter", "all_rules": "All rules",
        "shown": "findings shown", "count": "Count", "no_image": "No page image",
    },
}  # fmt: skip

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em;color:#222}
h1{font-size:1.4em}h2{border-bottom:2px solid #ccc;margin-top:1.6em}h3{color:#555;font-size:1em}
table.counts{border-collapse:collapse;margin:.5em 0}table.counts td,table.counts th{border:1px solid #ccc;padding:2px 8px}
#filters{position:sticky;top:0;background:#f7f7f7;padding:.5em;border:1px solid #ddd;z-index:1}
#filters label{margin-right:1em}
article.finding{border-left:6px solid #888;margin:.8em 0;padding:.4em .8em;background:#fafafa}
article.error{border-color:#d00}article.warning{border-color:#eb8200}article.info{border-color:#1e64ff}
.badge{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:.85em}
.error .badge{background:#d00}.warning .badge{background:#eb8200}.info .badge{background:#1e64ff}
.where{color:#555}.figures code{background:#eee;padding:0 3px}
figure{margin:.4em 0}figure img{max-width:100%;border:1px solid #ccc}
ul.inputs{margin:.2em 0;color:#444;font-size:.92em}
"""

SCRIPT = """
function applyFilters(){
  var sev={};document.querySelectorAll('#filters input[data-severity]').forEach(function(b){sev[b.dataset.severity]=b.checked;});
  var rule=document.getElementById('rule-filter').value, shown=0;
  document.querySelectorAll('article.finding').forEach(function(a){
    var on=sev[a.dataset.severity]&&(rule===''||rule===a.dataset.rule);a.hidden=!on;if(on){shown++;}});
  document.querySelectorAll('section.page,section.chapter').forEach(function(s){
    s.hidden=!s.querySelector('article.finding:not([hidden])');});
  document.getElementById('shown').textContent=shown;
}
document.querySelectorAll('#filters input,#filters select').forEach(function(e){e.addEventListener('change',applyFilters);});
applyFilters();
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _summary(result: AuditResult, lang: str) -> str:
    words, sev = WORDS[lang], SEVERITY_WORDS[lang]
    rows = "".join(f"<tr><th>{_e(sev[k])}</th><td>{v}</td></tr>" for k, v in result.summary.items())
    rules = "".join(
        f"<tr><td><code>{_e(code)}</code></td><td>{_e(title)}</td><td>{n}</td></tr>"
        for code, title, n in rule_counts(result)
    )
    doc = result.document
    pages = f" · {doc.page_count} PDF" if doc.page_count else ""
    return (
        f"<section id='summary'><h2>{words['summary']}</h2>"
        f"<p>{_e(doc.path)}{pages} · SHA-256 <code>{_e(doc.sha256)}</code></p>"
        f"<p class='total'>{_e(summary_line(result.summary))}</p>"
        f"<table class='counts'>{rows}</table><table class='counts'>{rules}</table></section>"
    )


def _filters(result: AuditResult, lang: str) -> str:
    words, sev = WORDS[lang], SEVERITY_WORDS[lang]
    boxes = "".join(f"<label><input type='checkbox' data-severity='{k}' checked> {_e(sev[k])}</label>" for k in sev)
    options = "".join(f"<option value='{_e(code)}'>{_e(code)} ({n})</option>" for code, _, n in rule_counts(result))
    return (
        f"<nav id='filters'><strong>{words['filters']}:</strong> {boxes}"
        f"<select id='rule-filter'><option value=''>{words['all_rules']}</option>{options}</select> "
        f"<span id='shown'>{len(result.findings)}</span> {words['shown']}</nav>"
    )


def _finding(n: int, f: Finding, result: AuditResult, picture: str | None) -> str:
    lang, lab = result.lang, labels(result.lang)
    where = describe_location(f.locations[0], lang, layout=result.layout) if f.locations else ""
    figures = ""
    if f.printed is not None:
        figures += f"{lab['printed']}: <code>{_e(f.printed)}</code> "
    if f.expected is not None:
        figures += f"{lab['expected']}: <code>{_e(f.expected)}</code>"
    inputs = "".join(
        f"<li>{_e(describe_location(loc, lang, layout=result.layout))}: <code>{_e(loc.text)}</code></li>"
        for loc in f.locations[1:]
    )
    image = (
        f"<figure><img alt='{_e(where)}' src='{picture}'></figure>"
        if picture
        else f"<p class='no-image'>{WORDS[lang]['no_image']}</p>"
    )
    return (
        f"<article class='finding {f.severity}' id='f{n}' data-severity='{f.severity}' data-rule='{_e(f.rule)}'>"
        f"<p><span class='badge'>{_e(SEVERITY_WORDS[lang][f.severity])}</span> <strong>{n}. "
        f"<code>{_e(f.rule)}</code></strong> {_e(f.title)}</p>"
        f"<p class='where'>{_e(where)}</p><p class='message'>{_e(f.message)}</p>"
        f"<p class='figures'>{figures}</p>{f'<ul class=inputs>{inputs}</ul>' if inputs else ''}{image}</article>"
    )


def _pictures(result: AuditResult) -> dict[int, str | None]:
    """A crop per finding (by position in the report), when the document is a PDF."""
    if result.document.kind != "pdf":
        return {}
    from pypdfium2 import PdfiumError

    from auditor.reporters.page_crops import PageCropper

    try:
        cropper = PageCropper(result.document.path)
    except (OSError, PdfiumError):  # the file moved or pdfium refuses it: the text still stands
        return {}
    try:
        return {i: cropper.crop(f) for i, f in enumerate(result.findings)}
    finally:
        cropper.close()


def report(result: AuditResult, out: TextIO) -> None:
    lang = result.lang if result.lang in WORDS else "id"
    lab = labels(lang)
    pictures = _pictures(result)
    index = {id(f): i for i, f in enumerate(result.findings)}
    title = f"{WORDS[lang]['title']}: {result.document.path}"
    out.write(f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'><title>{_e(title)}</title>")
    out.write(f"<style>{STYLE}</style></head><body><h1>{_e(title)}</h1>")
    out.write(_summary(result, lang) + _filters(result, lang) + "<main>")
    if not result.findings:
        out.write(f"<p>{lab['no_findings']}</p>")
    chapter: str | None = ""
    for group in result.groups:
        if group.chapter != chapter:
            out.write("</section>" if chapter != "" else "")
            chapter = group.chapter
            out.write(f"<section class='chapter'><h2>{_e(chapter or lab['front_matter'])}</h2>")
        heading = page_label(group.page, lang, result.layout) if group.page is not None else lab["no_page"]
        out.write(f"<section class='page'><h3>{_e(heading)}</h3>")
        for f in group.findings:
            i = index[id(f)]
            out.write(_finding(i + 1, f, result, pictures.get(i)))
        out.write("</section>")
    out.write("</section>" if chapter != "" else "")
    if result.warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in result.warnings)
        out.write(f"<section id='warnings'><h2>{lab['warnings']}</h2><ul>{items}</ul></section>")
    out.write(f"</main><script>{SCRIPT}</script></body></html>\n")
