"""Check and format rendered modules: compile, restrict the top level, then ruff format (line length 120).

A module may only contain, at its top level, imports, class definitions, assignments (plain or annotated) and a
docstring (HOSTILE §3.5): a template bug or an escaping hole that let spec text become code fails here, before
anything is written.

Formatting: a module whose lines all fit is already in the formatter's layout and is left alone; the others go
to ruff format in one run (:mod:`generator.targets.python.ruffformat`, the SDKs' formatter). Without a usable
ruff binary, black formats them, with the two rules where ruff and black differ applied on top (below), and its
results are cached by (unformatted text, black version).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics
from generator.targets.python.ruffformat import format_with_ruff, ruff_version

LINE_LENGTH = 120
_ALLOWED = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.Assign, ast.AnnAssign)
_PARALLEL_THRESHOLD = 64


def formatter_version() -> str:
    """The formatter that lays out this run's modules (part of the cache key and of the manifest)."""
    return ruff_version() or black_version()


def check_formatter(diags: Diagnostics) -> None:
    """An error when neither the ruff binary nor black can format the Python output (an install without the
    project's dependencies): one line that names the fix, before anything is read or written."""
    if ruff_version() is not None:
        return
    from importlib.util import find_spec

    if find_spec("black") is None:
        diags.error("formatter-missing", "neither the ruff binary nor black is available to format the Python "
                    "output: install them with `pip install 'ruff>=0.9' 'black>=24.1'` (the project's dependencies)")


def black_version() -> str:
    from importlib.metadata import version

    return f"black {version('black')} + unparenthesised aliases"


def check_source(name: str, source: str, diags: Diagnostics) -> bool:
    return parse_checked(name, source, diags) is not None


def parse_checked(name: str, source: str, diags: Diagnostics) -> ast.Module | None:
    """The module's syntax tree when it compiles and holds only what generated code may hold; else None, with the
    error in ``diags``. (The tree is handed to :func:`format_sources`, which then need not parse it again.)"""
    try:
        tree = ast.parse(source, filename=name)
    except SyntaxError as exc:
        diags.error("internal-syntax", f"generated module does not compile: {exc.msg} (line {exc.lineno})",
                    file=name)
        return None
    for i, node in enumerate(tree.body):
        is_doc = i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        if not (is_doc or isinstance(node, _ALLOWED)):
            diags.error("internal-unsafe", f"generated module has a top-level {type(node).__name__} statement "
                        f"at line {node.lineno}", file=name)
            return None
        if isinstance(node, ast.ClassDef):
            for stmt in node.body:
                ok = isinstance(stmt, ast.AnnAssign | ast.Pass) or (
                    isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)) or _is_model_stub(stmt)
                if not ok and name.endswith(("_types.py", "_utils.py", "_models.py")):
                    ok = True  # support modules are ours, not spec-derived
                if not ok:
                    diags.error("internal-unsafe", f"class {node.name} has a {type(stmt).__name__} statement",
                                file=name)
                    return None
    return tree


def _is_model_stub(stmt: ast.stmt) -> bool:
    """The two fixed statements a response model class may hold besides fields (STYLE-RESPONSES R4.5):
    ``__test__ = False``, and the extra-properties stub ``if TYPE_CHECKING: __pydantic_extra__: ...; def
    __getattr__(self, attr: str) -> T: ... else: __pydantic_extra__: ...``. Anything else is still refused."""
    if isinstance(stmt, ast.Assign):
        return (len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == "__test__"
                and isinstance(stmt.value, ast.Constant) and stmt.value.value is False)
    if not (isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Name) and stmt.test.id == "TYPE_CHECKING"):
        return False

    def extra(s: ast.stmt) -> bool:
        return isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id == "__pydantic_extra__"

    def getattr_stub(s: ast.stmt) -> bool:
        return (isinstance(s, ast.FunctionDef) and s.name == "__getattr__" and not s.decorator_list
                and len(s.body) == 1 and isinstance(s.body[0], ast.Expr)
                and isinstance(s.body[0].value, ast.Constant) and s.body[0].value.value is Ellipsis)

    return all(extra(s) or getattr_stub(s) for s in stmt.body) and all(extra(s) for s in stmt.orelse)


# A trailing pragma comment does not count toward the line length (as in ruff format, which the SDKs use):
# `__pydantic_extra__: ... = FieldInfo(init=False)  # pyright: ignore[...]` stays on one line.
_PRAGMA = re.compile(r"\s+# (?:pyright|type|noqa|pylint|mypy):[^\n]*$")


def _width(line: str) -> int:
    return len(_PRAGMA.sub("", line)) if "# " in line else len(line)


def is_black_stable(source: str) -> bool:
    """True when black has nothing to do: the templates emit black's layout (blank lines, quotes, spacing), so
    only lines longer than the limit need black's bracket splitting. ``tests/test_formatting.py`` checks this
    claim against black on every module of the default and the OpenAI outputs."""
    return all(_width(line) <= LINE_LENGTH for line in source.splitlines()) and source.endswith("\n")


# black splits `Name: TypeAlias = Union[...]` as `Name: (\n    TypeAlias\n) = Union[...]` when the name alone
# overflows the line; the SDKs' own formatter (ruff format, which leaves every request module of the OpenAI, Llama
# Stack and OneBusAway SDKs unchanged, where black changes 18 Llama Stack files) never parenthesises the
# annotation: Llama Stack `conversation_create_params.py` and its 331-character alias names.
_PARENTHESISED_ALIAS = re.compile(r"^(\w+): \(\n    TypeAlias\n\) = ", re.MULTILINE)


# black also wraps the value of `Name: TypeAlias = Annotated[...]` in parentheses when `Name: TypeAlias =
# Annotated[` alone overflows; ruff format splits at the value's own last bracket whatever the head's length
# (Llama Stack response_object_stream.py, 324-character alias names; no SDK module has `TypeAlias = (`).
_PARENTHESISED_VALUE = re.compile(r"^(\w+): TypeAlias = \(\n((?:    .*\n|\n)+?)\)\n", re.MULTILINE)
_HEAD = len(": TypeAlias = ")


def _black(source: str) -> str:
    import black
    from black.mode import TargetVersion

    mode = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY311})
    out = _PARENTHESISED_ALIAS.sub(r"\1: TypeAlias = ", black.format_str(source, mode=mode))
    return _PARENTHESISED_VALUE.sub(lambda m: _unparenthesised(m, mode), out) if ": TypeAlias = (\n" in out else out


def _unparenthesised(match: re.Match[str], mode: Any) -> str:
    """The value split as with a stand-in name short enough for the head to fit (the line still overflows)."""
    import black

    value = " ".join(line.strip() for line in match[2].splitlines() if line.strip())
    bracket = next((i for i, ch in enumerate(value) if ch in "[("), -1)
    stand_in = "_" * max(1, LINE_LENGTH - _HEAD - bracket - 1)
    again = black.format_str(f"{stand_in}: TypeAlias = {value}\n", mode=replace(mode, magic_trailing_comma=False))
    if bracket < 0 or not again.startswith(f"{stand_in}: TypeAlias = {value[:bracket + 1]}\n"):
        return match[0]
    return match[1] + again[len(stand_in):]


def _cache_key(source: str, version: str) -> str:
    return hashlib.sha256(f"{version}\0{LINE_LENGTH}\0{source}".encode()).hexdigest()


def format_sources(sources: Mapping[str, str], *, cache_dir: Path | None = None,
                   trees: Mapping[str, ast.Module] | None = None) -> dict[str, str]:
    """Every source formatted. Modules whose lines all fit are already in the formatter's layout; the others are
    formatted by one ruff run, or, without ruff, by black (:func:`black_format_sources`)."""
    out = {name: src for name, src in sources.items() if is_black_stable(src)}
    todo = {name: src for name, src in sources.items() if name not in out}
    formatted = format_with_ruff(todo, LINE_LENGTH) if todo else {}
    if formatted is None:
        formatted = black_format_sources(todo, cache_dir=cache_dir, trees=trees)
    out.update(formatted)
    return {name: out[name] for name in sources}


def black_format_sources(sources: Mapping[str, str], *, cache_dir: Path | None = None,
                         trees: Mapping[str, ast.Module] | None = None) -> dict[str, str]:
    """black-format every source. Modules whose lines all fit are already in black's layout; in the others only
    the over-long one-line statements are formatted (as black formats each logical line on its own, formatting a
    statement alone gives the same text as formatting the module). Whole-module black, with results cached by
    the unformatted text and black's version, is the fallback for anything else."""
    version = black_version()
    out: dict[str, str] = {}
    todo: dict[str, str] = {}
    store = cache_dir / "format" if cache_dir else None
    for name, src in sources.items():
        if is_black_stable(src):
            out[name] = src
            continue
        fast = _format_long_statements(src, (trees or {}).get(name))
        if fast is not None:
            out[name] = fast
            continue
        cached = _read_cache(store, _cache_key(src, version)) if store else None
        if cached is not None:
            out[name] = cached
        else:
            todo[name] = src
    if todo:
        names = list(todo)
        if len(todo) >= _PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
            from concurrent.futures import ProcessPoolExecutor  # the black fallback only: not imported otherwise

            with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as pool:
                results = list(pool.map(_black, [todo[n] for n in names], chunksize=16))
        else:
            results = [_black(todo[n]) for n in names]
        for name, result in zip(names, results, strict=True):
            out[name] = result
            if store:
                _write_cache(store, _cache_key(todo[name], version), result)
    return {name: out[name] for name in sources}


def _format_long_statements(source: str, tree: ast.Module | None = None) -> str | None:
    """Format each over-long line that is a whole one-line statement at module level or in a class body;
    None when some long line is anything else (part of a docstring or of a multi-line statement)."""
    lines = source.splitlines(keepends=True)
    long = [i for i, line in enumerate(lines) if _width(line.rstrip("\n")) > LINE_LENGTH]
    if tree is None:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return None
    one_line: dict[int, int] = {}  # line number -> indent of a statement that occupies exactly that line
    in_docstring: set[int] = set()  # black re-indents docstrings but never wraps their text
    entries: set[int] = set()  # one-line entries of a functional ``TypedDict("X", {...})`` (magic trailing comma)
    headers = {node.lineno for node in tree.body if isinstance(node, ast.ClassDef)}
    for node in tree.body:
        body = node.body if isinstance(node, ast.ClassDef) else [node]
        for stmt in body:
            if stmt.end_lineno == stmt.lineno and isinstance(stmt, ast.AnnAssign | ast.Assign | ast.ImportFrom):
                one_line[stmt.lineno] = stmt.col_offset
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.end_lineno:
                in_docstring.update(range(stmt.lineno + 1, stmt.end_lineno))
            elif isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and len(stmt.value.args) == 2:
                fields = stmt.value.args[1]
                if isinstance(fields, ast.Dict) and stmt.col_offset == 0:
                    entries.update(v.lineno for k, v in zip(fields.keys, fields.values, strict=True)
                                   if k is not None and k.lineno == v.end_lineno)
    for i in long:
        if i + 1 in in_docstring:
            continue
        if i + 1 in entries and lines[i].startswith(" " * 8) and lines[i].rstrip().endswith(","):
            lines[i] = _format_entry(lines[i].strip())
            continue
        if i + 1 in headers and lines[i].rstrip().endswith(":"):
            lines[i] = _format_class_header(lines[i].strip())
            continue
        indent = one_line.get(i + 1)
        if indent not in (0, 4):
            return None
        lines[i] = _format_statement(lines[i].strip(), indent)
    return "".join(lines)


@functools.lru_cache(maxsize=4096)
def _format_class_header(header: str) -> str:
    """A long ``class X(Bases):`` line, formatted as black formats it (the body is not affected)."""
    out = _black(f"{header}\n    pass\n")
    return out[: out.rindex("    pass\n")]


@functools.lru_cache(maxsize=4096)
def _format_entry(entry: str) -> str:
    """A long ``"key": annotation,`` line of a functional TypedDict, formatted in the same nesting."""
    out = _black(f'_ = TypedDict(\n    "_",\n    {{\n        {entry}\n    }},\n)\n').splitlines(keepends=True)
    start = out.index("    {\n") + 1
    end = len(out) - 1 - out[::-1].index("    },\n")
    return "".join(out[start:end])




@functools.lru_cache(maxsize=4096)
def _format_statement(statement: str, indent: int) -> str:
    if indent == 0:
        return _black(statement + "\n")
    return _black("class _:\n    " + statement + "\n").split("\n", 1)[1]


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
