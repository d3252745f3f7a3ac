"""A content-addressed cache of whole runs: the formatted files and the diagnostics of a run, keyed by everything
that can change them — the spec's and the config's bytes, the generator's own source and templates, the black
version and the options. A warm ``generate`` or ``check`` with unchanged inputs skips building and rendering.

Runs that read more files than the spec and the config (``--allow-file-refs``) are not cached.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
from dataclasses import astuple
from pathlib import Path

from generator.diagnostics import Diagnostic, Level

FORMAT = 1  # bump when the entry layout changes


@functools.cache
def generator_fingerprint() -> str:
    """A hash of the generator's Python sources and templates (as installed)."""
    from generator.targets.python.render import templates_root

    h = hashlib.sha256()
    for base in (Path(__file__).resolve().parents[1], templates_root()):
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".j2") and "__pycache__" not in path.parts:
                h.update(path.relative_to(base).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def run_key(inputs: list[Path], options: tuple[object, ...], formatter: str) -> str | None:
    h = hashlib.sha256(f"{FORMAT}\0{generator_fingerprint()}\0{formatter}\0{options!r}".encode())
    for path in inputs:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        h.update(str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


def load(cache_dir: Path, key: str) -> tuple[dict[str, str], list[Diagnostic]] | None:
    try:
        entry = marshal.loads((cache_dir / "runs" / key).read_bytes())
        files, diags = entry
        return dict(files), [Diagnostic(Level(d[0]), *d[1:]) for d in diags]
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return None


def store(cache_dir: Path, key: str, files: dict[str, str], diagnostics: list[Diagnostic]) -> None:
    target = cache_dir / "runs" / key
    diags = [(d.level.value, *astuple(d)[1:]) for d in diagnostics]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{key}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((files, diags)))
        os.replace(tmp, target)
    except OSError:
        pass  # a cache that cannot be written is only slower
