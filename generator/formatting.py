"""Check and format rendered modules: compile, restrict the top level, then black (line length 120).

A module may only contain, at its top level, imports, class definitions, assignments (plain or annotated) and a
docstring (HOSTILE §3.5): a template bug or an escaping hole that let spec text become code fails here, before
anything is written. Formatting results are cached by (unformatted text, black version).
"""

from __future__ import annotations

import ast
import hashlib
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .diagnostics import Diagnostics

LINE_LENGTH = 120
_ALLOWED = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.Assign, ast.AnnAssign)
_PARALLEL_THRESHOLD = 64


def formatter_version() -> str:
    from importlib.metadata import version

    return f"black {version('black')}"


def check_source(name: str, source: str, diags: Diagnostics) -> bool:
    try:
        tree = ast.parse(source, filename=name)
    except SyntaxError as exc:
        diags.error("internal-syntax", f"generated module does not compile: {exc.msg} (line {exc.lineno})",
                    file=name)
        return False
    for i, node in enumerate(tree.body):
        is_doc = i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        if not (is_doc or isinstance(node, _ALLOWED)):
            diags.error("internal-unsafe", f"generated module has a top-level {type(node).__name__} statement "
                        f"at line {node.lineno}", file=name)
            return False
        if isinstance(node, ast.ClassDef):
            for stmt in node.body:
                ok = isinstance(stmt, ast.AnnAssign | ast.Pass) or (
                    isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str))
                if not ok and name.endswith(("_types.py", "_utils.py")):
                    ok = True  # support modules are ours, not spec-derived
                if not ok:
                    diags.error("internal-unsafe", f"class {node.name} has a {type(stmt).__name__} statement",
                                file=name)
                    return False
    return True


def _black(source: str) -> str:
    import black

    mode = black.Mode(line_length=LINE_LENGTH)
    return black.format_str(source, mode=mode)


def _cache_key(source: str, version: str) -> str:
    return hashlib.sha256(f"{version}\0{LINE_LENGTH}\0{source}".encode()).hexdigest()


def format_sources(sources: Mapping[str, str], *, cache_dir: Path | None = None) -> dict[str, str]:
    """black-format every source; reuse cached results keyed by the unformatted text and black's version."""
    version = formatter_version()
    out: dict[str, str] = {}
    todo: dict[str, str] = {}
    store = cache_dir / "format" if cache_dir else None
    for name, src in sources.items():
        cached = _read_cache(store, _cache_key(src, version)) if store else None
        if cached is not None:
            out[name] = cached
        else:
            todo[name] = src
    if todo:
        names = list(todo)
        if len(todo) >= _PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
            with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as pool:
                results = list(pool.map(_black, [todo[n] for n in names], chunksize=16))
        else:
            results = [_black(todo[n]) for n in names]
        for name, result in zip(names, results, strict=True):
            out[name] = result
            if store:
                _write_cache(store, _cache_key(todo[name], version), result)
    return {name: out[name] for name in sources}


def _read_cache(store: Path, key: str) -> str | None:
    try:
        return (store / key[:2] / key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _write_cache(store: Path, key: str, text: str) -> None:
    target = store / key[:2] / key
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{key}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # a cache that cannot be written is only slower
