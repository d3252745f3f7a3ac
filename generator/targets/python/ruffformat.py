"""Format modules with ruff format, in one run of its binary for all of them (issue 15).

What it decides: the layout of every rendered module that has a line over 120 columns is ruff format's
(line length 120, Python 3.11 target, no configuration file read: ``--isolated``).

Evidence: ruff format is the SDKs' own formatter. It leaves every request and response module of the OpenAI,
Llama Stack and OneBusAway SDKs unchanged, where black changes 18 Llama Stack files (the two alias rules
emulated on top of black in :mod:`generator.targets.python.formatting`); and it leaves unchanged every module
this generator wrote with black on the whole OpenAI API (1,200 files), so both formatters give the same bytes on
everything the tests compare (``tests/test_formatting.py`` keeps checking that).

Why: black formats the ~300 over-long statements of the whole OpenAI API in about 1-2 s of a cold run, pure
Python work; ruff formats the same modules in tens of milliseconds, start-up included. The binary is the one the
``ruff`` package installed beside this interpreter (never one found on ``PATH``, whose version is unknown), and
its version is part of the cache key and the manifest. When it is missing or fails, the caller falls back to
black (:func:`format_with_ruff` returns None).

The modules are written under fixed names (``m0.py``, ``m1.py``, ...) in a fresh private temporary directory
(on ``/dev/shm`` when it exists: see :func:`_scratch_dirs`),
so no spec-derived path reaches the command line or the file system, and passed as explicit paths (ruff then
formats them whatever ``.gitignore`` or exclusion settings surround the temporary directory).
"""

from __future__ import annotations

import functools
import os
import subprocess
import tempfile
from collections.abc import Mapping

_TARGET = "py311"
_TIMEOUT_S = 120


@functools.lru_cache(maxsize=1)
def ruff_binary() -> str | None:
    """The ruff executable installed with the ``ruff`` package of this interpreter, or None."""
    if os.environ.get("TYPEGEN_FORMATTER") == "black":  # a switch for tests and for comparing the two
        return None
    try:
        from ruff import find_ruff_bin  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        path = os.fsdecode(find_ruff_bin())
    except (FileNotFoundError, OSError):
        return None
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def ruff_version() -> str | None:
    """``ruff X.Y.Z`` when the binary is usable, else None."""
    from importlib.metadata import PackageNotFoundError, version

    if ruff_binary() is None:
        return None
    try:
        return f"ruff {version('ruff')}"
    except PackageNotFoundError:
        return None


def format_with_ruff(sources: Mapping[str, str], line_length: int) -> dict[str, str] | None:
    """Every source formatted by one ruff run; None when ruff is unavailable or did not format them all."""
    binary = ruff_binary()
    if binary is None:
        return None
    if not sources:
        return {}
    for where in _scratch_dirs():
        try:
            with tempfile.TemporaryDirectory(prefix="typegen-format-", dir=where) as tmp:
                return _run(binary, sources, line_length, tmp)
        except OSError:
            continue  # a full or unwritable scratch directory: the next one, then black
    return None


def _scratch_dirs() -> list[str | None]:
    """Where the modules are written for ruff: a memory file system when there is one (the files live for tens
    of milliseconds; on a busy disk their creation and removal cost more than formatting them), else the
    default temporary directory."""
    shm = "/dev/shm"
    fast = os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK)
    return [shm, None] if fast else [None]


def _run(binary: str, sources: Mapping[str, str], line_length: int, tmp: str) -> dict[str, str] | None:
    names = list(sources)
    paths = [os.path.join(tmp, f"m{i}.py") for i in range(len(names))]
    for path, name in zip(paths, names, strict=True):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(sources[name])
    command = [binary, "format", "--isolated", "--no-cache", "--quiet", "--line-length", str(line_length),
               "--target-version", _TARGET, "--", *paths]
    try:
        run = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_S, check=False,
                             env={**os.environ, "RUFF_NO_CACHE": "true"})
    except (OSError, subprocess.SubprocessError):
        return None
    if run.returncode != 0:
        return None
    out: dict[str, str] = {}
    for path, name in zip(paths, names, strict=True):
        with open(path, encoding="utf-8", newline="") as f:
            out[name] = f.read()
    return out
