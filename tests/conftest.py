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


@pytest.fixture(scope="session")
def tsc() -> Path:
    """The TypeScript compiler pinned by ``tests/typescript/package-lock.json``, installed once with ``npm ci`` into
    the cache (``$XDG_CACHE_HOME/typegen/tsc-<lock hash>``); skips when node/npm are absent or npm cannot install."""
    import hashlib
    import shutil
    import subprocess
    import tempfile

    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node/npm not found: install Node.js to type-check the TypeScript output")
    src = ROOT / "tests" / "typescript"
    lock = (src / "package-lock.json").read_bytes()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "typegen"
    cache = base / f"tsc-{hashlib.sha256(lock).hexdigest()[:16]}"
    binary = cache / "node_modules" / "typescript" / "bin" / "tsc"
    if not binary.is_file():  # installed beside, then renamed: parallel test workers never see half an install
        base.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=cache.name + ".", dir=base))
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(src / name, work / name)
        r = subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=work,
                           capture_output=True, text=True, timeout=600, check=False)
        if r.returncode != 0 or not (work / binary.relative_to(cache)).is_file():
            shutil.rmtree(work, ignore_errors=True)
            pytest.skip(f"npm ci of the pinned TypeScript failed: {r.stderr.strip()[-300:]}")
        try:
            work.rename(cache)
        except OSError:  # another worker finished first
            shutil.rmtree(work, ignore_errors=True)
    return binary
