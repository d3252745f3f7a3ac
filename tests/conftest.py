"""Shared fixtures. Reference material lives in ``../shared`` (read by path, never copied); tests that need it
skip cleanly when it is absent (a user's fresh clone)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "README.md").is_file():
        pytest.skip(f"reference material not found at {SHARED} (set TYPEGEN_SHARED to point at it)")
    return SHARED
