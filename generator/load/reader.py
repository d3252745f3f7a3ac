"""Reading one spec file: bounded read, encoding, format detection (YAML or JSON), and the content-addressed
cache of parsed trees.

Every problem becomes a diagnostic (code, file, JSON pointer, line:col where known) and loading stops with a
:class:`~generator.diagnostics.TypegenError`; no other exception escapes. The parsers' own rules are in
:mod:`generator.load.yaml_hardened` and :mod:`generator.load.json_strict`.

Performance: libyaml composes the node graph (the hardening lives in the resolver, which libyaml calls per
scalar) and an iterative constructor builds the tree; the cyclic garbage collector is paused while loading
(it otherwise dominates the cost of building a large tree). Parsed trees can be kept in a content-addressed
cache (``cache_dir/specs``), keyed by the bytes' SHA-256 and the loader/PyYAML/Python versions and limits.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.load.cachefile import write_atomic
from generator.load.document import MB, Document, Format, Limits, fail, gc_paused, line_col
from generator.load.json_strict import NotJson, load_json
from generator.load.yaml_hardened import load_yaml

LOADER_VERSION = "1"


# --------------------------------------------------------------------------------------------------- entry point
def load_document(path: Path, diags: Diagnostics, *, limits: Limits = Limits(),  # noqa: B008
                  cache_dir: Path | None = None) -> Document:
    """Load one YAML or JSON file into a :class:`Document`, or add an error and raise TypegenError."""
    file = str(path)
    raw = _read_bounded(path, diags, limits, file)
    digest = hashlib.sha256(raw).hexdigest()
    cache_file = _cache_path(cache_dir, digest, limits) if cache_dir is not None else None
    if cache_file is not None:
        cached = _cache_read(cache_file)
        if cached is not None:
            fmt, data = cached
            return Document(path, data, fmt, digest, raw)
    text = _decode(raw, diags, file)
    fmt = _detect_format(path, text)
    with gc_paused():
        if fmt == "json":
            try:
                data = load_json(text, diags, file, limits)
            except NotJson:
                fmt = "yaml"
                data = load_yaml(raw, diags, file, limits)
        else:
            data = load_yaml(raw, diags, file, limits)
    if cache_file is not None:
        _cache_write(cache_file, fmt, data)
    return Document(path, data, fmt, digest, raw)


def _read_bounded(path: Path, diags: Diagnostics, limits: Limits, file: str) -> bytes:
    too_large = f"input exceeds limit ({_human(limits.max_bytes)})"
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            fail(diags, "load-too-large", f"{too_large}: file is {size} bytes", file)
        with path.open("rb") as fh:
            raw = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        fail(diags, "load-io", f"cannot read file: {exc.strerror or exc}", file)
    except ValueError as exc:  # e.g. NUL in the path
        fail(diags, "load-io", f"cannot read file: {exc}", file)
    if len(raw) > limits.max_bytes:
        fail(diags, "load-too-large", too_large, file)
    return raw


def _human(n: int) -> str:
    return f"{n // MB} MB" if n % MB == 0 else f"{n} bytes"


def _decode(raw: bytes, diags: Diagnostics, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", "replace")
        fail(diags, "load-encoding", f"not valid UTF-8 at byte {exc.start}", file,
              where=line_col(prefix, len(prefix)))


def _detect_format(path: Path, text: str) -> Format:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip()[:1] == "{" else "yaml"


# --------------------------------------------------------------------------------------------------- cache
_CACHE_MAGIC = b"TGSPEC1\n"


def _cache_path(cache_dir: Path, digest: str, limits: Limits) -> Path:
    key = "|".join((LOADER_VERSION, yaml.__version__, str(yaml.__with_libyaml__), sys.version,
                    f"{limits.max_depth},{limits.max_alias_nodes}", digest))
    return cache_dir / "specs" / (hashlib.sha256(key.encode()).hexdigest() + ".marshal")


def _cache_read(cache_file: Path) -> tuple[Format, Any] | None:
    """The cached (format, tree), or None when absent or corrupt (a corrupt entry is then rewritten)."""
    try:
        blob = cache_file.read_bytes()
    except OSError:
        return None
    head = len(_CACHE_MAGIC)
    if not blob.startswith(_CACHE_MAGIC) or len(blob) < head + 17:
        return None
    fmt_byte, checksum, payload = blob[head: head + 1], blob[head + 1: head + 17], blob[head + 17:]
    if hashlib.blake2b(payload, digest_size=16).digest() != checksum or fmt_byte not in (b"y", b"j"):
        return None
    try:
        with gc_paused():
            data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return ("yaml" if fmt_byte == b"y" else "json"), data


def _cache_write(cache_file: Path, fmt: Format, data: Any) -> None:
    """Atomic write (temp file + rename); failures are ignored (the cache is an optimisation)."""
    try:
        payload = marshal.dumps(data, 4)
        blob = _CACHE_MAGIC + (b"y" if fmt == "yaml" else b"j") + hashlib.blake2b(
            payload, digest_size=16).digest() + payload
        write_atomic(cache_file, blob)
    except (OSError, ValueError):
        return


# --------------------------------------------------------------------------------------------------- JSON
