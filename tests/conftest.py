"""Shared fixtures."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.corpus_cache import SHARED_DIR_VARIABLE as SHARED_CACHE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "fixtures"
_SHARED_KEY = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """The run's folder for reads and audits the xdist workers share, made
    by the controlling process before it starts the workers (which inherit
    its environment) and removed when the run ends."""
    if "PYTEST_XDIST_WORKER" not in os.environ and SHARED_CACHE not in os.environ:
        folder = tempfile.mkdtemp(prefix="lakip-tests-")
        os.environ[SHARED_CACHE] = folder
        config.stash[_SHARED_KEY] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_SHARED_KEY, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop(SHARED_CACHE, None)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus of real reports (``../shared/corpus``).

    Skipped when absent on a developer machine; on CI (CI=true) a missing
    corpus is a failure, so the real-document tests cannot silently vanish.
    """
    if not CORPUS.is_dir():
        message = f"corpus directory not found: {CORPUS}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CORPUS


@pytest.fixture(scope="session")
def rendered_pdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path, str], Path]:
    """``rendered_pdf(source, layout)``: the PDF fixtures/render_pdf.py prints
    from the text export ``source`` in ``layout``, rendered once per session.

    Several modules check the same rendered report (the extraction oracle,
    the findings from text and from PDF); rendering is deterministic (see
    test_extraction_oracle), so they can share one file. Keyed by the
    source's content, so an edited source is rendered again.
    """
    sys.path.insert(0, str(FIXTURES))
    from render_pdf import render

    folder = tmp_path_factory.mktemp("rendered")
    done: dict[tuple[str, str], Path] = {}

    def rendered(source: Path, layout: str) -> Path:
        text = source.read_text(encoding="utf-8")
        key = (hashlib.sha256(text.encode("utf-8")).hexdigest(), layout)
        if key not in done:
            out = folder / f"{source.stem}-{key[0][:12]}-{layout}.pdf"
            render(text, out, layout)
            done[key] = out
        return done[key]

    return rendered
