"""The HTML report parsed back (every finding, nothing fetched from the
network) and rendered in headless Chromium where it is installed."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from auditor.findings.result import AuditResult
from auditor.reporters import html_report
from tests.test_annotate_pdf import example_result
from tests.test_outputs import audited

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Parts(HTMLParser):
    """Every element with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(result: AuditResult) -> str:
    buf = io.StringIO()
    html_report.report(result, buf)
    return buf.getvalue()


def parsed(text: str) -> _Parts:
    parts = _Parts()
    parts.feed(text)
    return parts


def _check(result: AuditResult, text: str) -> _Parts:
    parts = parsed(text)
    articles = [a for tag, a in parts.elements if tag == "article"]
    assert [(a["data-rule"], a["data-severity"]) for a in articles] == [(f.rule, f.severity) for f in result.findings]
    body = " ".join(parts.text)
    for f in result.findings:
        assert f.message in body
    for tag, attrs in parts.elements:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith(("data:", "#")), (tag, name, value[:60])
        assert tag != "link", "no external style sheet"
    return parts


def test_every_finding_is_there_and_nothing_is_fetched() -> None:
    result = example_result()
    parts = _check(result, rendered(result))
    images = [a["src"] for tag, a in parts.elements if tag == "img"]
    assert len(images) == sum(1 for f in result.findings if f.locations and f.locations[0].bbox)
    picture = Image.open(io.BytesIO(base64.b64decode(images[0].split(",", 1)[1])))
    assert picture.width > 400 and picture.height > 50


def test_the_crop_outlines_the_cell_in_the_severity_colour() -> None:
    result = example_result()
    images = [a["src"] for tag, a in parsed(rendered(result)).elements if tag == "img"]
    picture = Image.open(io.BytesIO(base64.b64decode(images[0].split(",", 1)[1]))).convert("RGB")
    red = sum(n for n, (r, g, b) in picture.getcolors(maxcolors=1 << 20) or [] if r > 180 and g < 60 and b < 60)
    assert red > 50  # the outline of the checked cell (an error)


def test_filters_name_every_rule_and_severity() -> None:
    result = example_result()
    parts = parsed(rendered(result))
    options = {a["value"] for tag, a in parts.elements if tag == "option"}
    assert options == {"", *(f.rule for f in result.findings)}
    assert {a["data-severity"] for tag, a in parts.elements if tag == "input"} == {"error", "warning", "info"}


def test_english_labels() -> None:
    result = example_result()
    en = AuditResult(document=result.document, findings=result.findings, lang="en", rules=result.rules)
    text = rendered(en)
    assert "Audit report" in text and "lang='en'" in text


def test_a_text_export_has_no_pictures(corpus_dir: Path) -> None:
    result = audited(corpus_dir / "kemensos-lakip-2018.md")
    parts = _check(result, rendered(result))
    assert not [a for tag, a in parts.elements if tag == "img"]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_renders_the_report(tmp_path: Path) -> None:
    result = example_result()
    page = tmp_path / "report.html"
    page.write_text(rendered(result), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400"]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    parts = _check(result, dom)
    # the script ran: the count of findings shown was filled in by it, every article visible
    shown = dom.split('id="shown">', 1)[1].split("<", 1)[0]
    assert shown == str(len(result.findings))
    assert not [a for tag, a in parts.elements if tag == "article" and "hidden" in a]
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    colours = image.resize((110, 140)).getcolors(maxcolors=100000) or []
    assert image.size == (1100, 1400) and len(colours) > 20  # a page was drawn, not a blank window
