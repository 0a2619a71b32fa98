"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


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
