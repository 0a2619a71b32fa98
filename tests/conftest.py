"""Shared fixtures. The real corpus lives beside the checkout (../shared/corpus);
without it corpus tests skip, except under CI=true where its absence fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"corpus directory {CORPUS} is missing under CI")
        pytest.skip(f"corpus directory {CORPUS} not found")
    return CORPUS
