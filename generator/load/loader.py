"""Hardened loading of spec files (YAML or JSON) into plain data trees.

Every problem becomes a diagnostic (code, file, JSON pointer, line:col where known) and loading stops with a
:class:`~generator.diagnostics.TypegenError`; no other exception escapes.

YAML rules (a YAML 1.2 core-schema reading on top of libyaml):

* Only the core tags are accepted: ``!!str !!int !!float !!bool !!null !!map !!seq`` (explicit or implicit).
  Any other tag (``!!python/...``, ``!include``, ``!!binary``, ``!!set``, ``!!omap``, ``!!timestamp`` ...) is an
  error ``yaml-tag``; nothing is ever constructed from a tag.
* Plain scalars resolve as in YAML 1.2 core: ``true/True/TRUE/false/False/FALSE`` are booleans,
  ``null/Null/NULL/~`` and the empty scalar are null, ``[-+]?[0-9]+`` is a decimal integer (``010`` is 10),
  ``0o17`` / ``0x1F`` are octal / hex, ``1.5``, ``1e3``, ``.inf``, ``.nan`` are floats. Everything else is a
  string: ``yes/no/on/off/y/n``, sexagesimal ``1:20``, ``1_000`` and dates like ``2020-01-01`` stay strings.
* Mapping keys are always strings: a scalar key keeps its source text (``200:`` gives ``"200"``, ``true:``
  gives ``"true"``). An empty (null) key or a collection key is an error ``yaml-key``.
* Duplicate keys are an error ``duplicate-key`` (JSON too). The YAML merge key ``<<`` is supported (explicit
  keys win, then earlier merge sources win), as real specs use it with anchors.
* Anchors/aliases are materialised as independent copies under a budget (:attr:`Limits.max_alias_nodes`); a
  billion-laughs document or a recursive alias fails fast with ``yaml-alias``.
* A stream must contain exactly one document.

Performance: libyaml composes the node graph (the hardening lives in the resolver, which libyaml calls per
scalar) and an iterative constructor builds the tree; the cyclic garbage collector is paused while loading
(it otherwise dominates the cost of building a large tree). Parsed trees can be kept in a content-addressed
cache (``cache_dir/specs``), keyed by the bytes' SHA-256 and the loader/PyYAML/Python versions and limits.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.diagnostics import Diagnostics, TypegenError

LOADER_VERSION = "1"
MB = 1024 * 1024

Format = Literal["yaml", "json"]


@dataclass(frozen=True)
class Limits:
    """Resource limits applied while loading one file."""

    max_bytes: int = 20 * MB  # checked on the file size before reading
    max_depth: int = 200  # nested containers (the root mapping is depth 1)
    max_alias_nodes: int = 10_000  # collection entries materialised through YAML aliases / merge keys


# --------------------------------------------------------------------------------------------------- pointers
def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_from_tokens(tokens: list[str] | tuple[str, ...]) -> str:
    return "#" + "".join("/" + escape_token(t) for t in tokens)


def tokens_from_pointer(pointer: str) -> list[str]:
    """``#/a/b~1c`` (or ``/a/b~1c``) -> ``["a", "b/c"]``; ``#`` and ``""`` -> ``[]``."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    return [unescape_token(t) for t in body.split("/")[1:]]


# --------------------------------------------------------------------------------------------------- document
@dataclass(eq=False)
class Document:
    """A loaded file: its plain data tree plus what is needed to point back into the source."""

    path: Path
    data: Any
    format: Format
    sha256: str
    raw: bytes = field(default=b"", repr=False)
    _yaml_root: Node | None = field(default=None, init=False, repr=False)
    _json_index: dict[tuple[str, ...], int] | None = field(default=None, init=False, repr=False)
    _text: str | None = field(default=None, init=False, repr=False)

    @property
    def file(self) -> str:
        return str(self.path)

    def locate(self, pointer: str) -> tuple[int, int] | None:
        """1-based (line, column) of the node at ``pointer``, or None if unknown.

        Computed lazily from the raw bytes (re-composing the YAML with marks, or scanning the JSON text); the
        first call pays for one pass, later calls are lookups. Never raises."""
        if not self.raw:
            return None
        try:
            tokens = tokens_from_pointer(pointer)
            if self.format == "yaml":
                return self._locate_yaml(tokens)
            return self._locate_json(tuple(tokens))
        except Exception:
            return None

    def _locate_yaml(self, tokens: list[str]) -> tuple[int, int] | None:
        if self._yaml_root is None:
            with _gc_paused():
                self._yaml_root = _compose(self.raw)
        node = _walk_nodes(self._yaml_root, tokens)
        if node is None:
            return None
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _locate_json(self, tokens: tuple[str, ...]) -> tuple[int, int] | None:
        if self._json_index is None:
            self._text = self.raw.decode("utf-8-sig")
            index: dict[tuple[str, ...], int] = {}
            for kind, path, start, _ in _scan_json(self._text):
                if kind == "value":
                    index.setdefault(path, start)
            self._json_index = index
        pos = self._json_index.get(tokens)
        if pos is None or self._text is None:
            return None
        return _line_col(self._text, pos)


# --------------------------------------------------------------------------------------------------- errors
def _fail(diags: Diagnostics, code: str, message: str, file: str, pointer: str = "",
          where: tuple[int, int] | None = None) -> NoReturn:
    line, column = where if where is not None else (None, None)
    diags.error(code, message, file=file, pointer=pointer, line=line, column=column)
    raise TypegenError(list(diags))


def _short_pointer(pointer: str, limit: int = 80) -> str:
    return pointer if len(pointer) <= limit else pointer[:limit] + "…"


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Building a big tree triggers many useless cyclic-GC passes; pause the collector meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --------------------------------------------------------------------------------------------------- entry point
def load_document(path: Path, diags: Diagnostics, *, limits: Limits = Limits(),
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
    with _gc_paused():
        if fmt == "json":
            try:
                data = _load_json(text, diags, file, limits)
            except _NotJson:
                fmt = "yaml"
                data = _load_yaml(raw, diags, file, limits)
        else:
            data = _load_yaml(raw, diags, file, limits)
    if cache_file is not None:
        _cache_write(cache_file, fmt, data)
    return Document(path, data, fmt, digest, raw)


def _read_bounded(path: Path, diags: Diagnostics, limits: Limits, file: str) -> bytes:
    too_large = f"input exceeds limit ({_human(limits.max_bytes)})"
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            _fail(diags, "load-too-large", f"{too_large}: file is {size} bytes", file)
        with path.open("rb") as fh:
            raw = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        _fail(diags, "load-io", f"cannot read file: {exc.strerror or exc}", file)
    except ValueError as exc:  # e.g. NUL in the path
        _fail(diags, "load-io", f"cannot read file: {exc}", file)
    if len(raw) > limits.max_bytes:
        _fail(diags, "load-too-large", too_large, file)
    return raw


def _human(n: int) -> str:
    return f"{n // MB} MB" if n % MB == 0 else f"{n} bytes"


def _decode(raw: bytes, diags: Diagnostics, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", "replace")
        _fail(diags, "load-encoding", f"not valid UTF-8 at byte {exc.start}", file,
              where=_line_col(prefix, len(prefix)))


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
        with _gc_paused():
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
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, cache_file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return


# --------------------------------------------------------------------------------------------------- JSON
class _NotJson(Exception):
    """Raised when a file was only *guessed* to be JSON and does not parse as JSON."""


class _DuplicateKey(Exception):
    pass


class _BadConstant(Exception):
    pass


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise _DuplicateKey
    return d


def _reject_constant(name: str) -> NoReturn:
    raise _BadConstant(name)


def _load_json(text: str, diags: Diagnostics, file: str, limits: Limits) -> Any:
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if not file.lower().endswith(".json"):
            raise _NotJson from exc
        _fail(diags, "json-syntax", f"invalid JSON: {exc.msg}", file, where=(exc.lineno, exc.colno))
    except _DuplicateKey:
        _json_scan_error(text, diags, file, "dup", limits)
    except _BadConstant:
        _json_scan_error(text, diags, file, "constant", limits)
    except RecursionError:
        _json_scan_error(text, diags, file, "deep", limits)
    except ValueError as exc:  # integer string conversion limit (sys.get_int_max_str_digits)
        _json_scan_error(text, diags, file, "bigint", limits, str(exc))
    if isinstance(data, (dict, list)):
        deep = _find_too_deep(data, limits.max_depth)
        if deep is not None:
            _json_scan_error(text, diags, file, "deep", limits)
    return data


def _json_scan_error(text: str, diags: Diagnostics, file: str, what: str, limits: Limits,
                     detail: str = "") -> NoReturn:
    """Find the first offending token with the position-tracking scanner and report it."""
    max_digits = sys.get_int_max_str_digits() or 10**9
    try:
        for kind, path, pos, token in _scan_json(text):
            pointer = pointer_from_tokens(path)
            where = _line_col(text, pos)
            if what == "dup" and kind == "dup":
                _fail(diags, "duplicate-key", f"duplicate key {token!r}", file, pointer, where)
            if kind != "value":
                continue
            if what == "constant" and token.lstrip("-") in ("NaN", "Infinity"):
                _fail(diags, "json-constant", f"{token} is not valid JSON", file, pointer, where)
            if what == "bigint" and token[:1] in "-0123456789" and sum(c.isdigit() for c in token) > max_digits:
                _fail(diags, "number-too-large", f"number has more than {max_digits} digits", file, pointer,
                      where)
            if what == "deep" and token in "{[" and len(path) + 1 > limits.max_depth:
                _fail(diags, "nesting-too-deep", f"nesting deeper than {limits.max_depth} (at "
                      f"{_short_pointer(pointer)})", file, pointer, where)
    except (IndexError, AttributeError, ValueError):
        pass
    message = {"dup": "duplicate key", "constant": "NaN/Infinity are not valid JSON",
               "deep": f"nesting deeper than {limits.max_depth}"}.get(what, detail or "invalid JSON")
    _fail(diags, "json-syntax" if what == "bigint" else f"json-{what}", message, file)


_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null|NaN|-?Infinity")
_ScanEvent = tuple[str, tuple[str, ...], int, str]


def _ws(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return m.end() if m is not None else pos


def _match_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    m = pattern.match(text, pos)
    if m is None:
        raise ValueError(f"unexpected JSON text at {pos}")
    return m.end()


def _scan_json(text: str) -> Iterator[_ScanEvent]:
    """Position-tracking scan of a JSON text (error and locate paths only; iterative, any depth).

    Yields ``("value", path, pos, token)`` at the start of every value (token: ``{``, ``[``, ``"`` or the
    scalar text) and ``("dup", path, pos, key)`` for a key repeated in its object."""
    path: list[str] = []
    frames: list[list[Any]] = []  # [is_object, seen keys | index]
    pos = _ws(text, 0)
    while True:
        c = text[pos]
        if c in "{[":
            yield "value", tuple(path), pos, c
            pos = _ws(text, pos + 1)
            if text[pos] == ("}" if c == "{" else "]"):
                pos += 1
            elif c == "{":
                frames.append([True, set()])
                pos = yield from _scan_key(text, pos, path, frames[-1][1])
                continue
            else:
                frames.append([False, 0])
                path.append("0")
                continue
        elif c == '"':
            yield "value", tuple(path), pos, c
            pos = _match_end(_STRING, text, pos)
        else:
            end = _match_end(_SCALAR, text, pos)
            yield "value", tuple(path), pos, text[pos:end]
            pos = end
        while True:  # after a complete value: next sibling or close containers
            pos = _ws(text, pos)
            if not frames:
                return
            frame = frames[-1]
            path.pop()
            if text[pos] == ",":
                pos = _ws(text, pos + 1)
                if frame[0]:
                    pos = yield from _scan_key(text, pos, path, frame[1])
                else:
                    frame[1] += 1
                    path.append(str(frame[1]))
                break
            pos += 1
            frames.pop()


def _scan_key(text: str, pos: int, path: list[str], seen: set[str]) -> Generator[_ScanEvent, None, int]:
    end = _match_end(_STRING, text, pos)
    key = json.loads(text[pos:end])
    if key in seen:
        yield "dup", (*path, key), pos, key
    seen.add(key)
    path.append(key)
    return _ws(text, _ws(text, end) + 1)  # skip the ':'


def _find_too_deep(tree: Any, max_depth: int) -> list[str] | None:
    """Tokens of the first container nested deeper than ``max_depth`` (iterative), or None."""
    stack: list[tuple[Any, int]] = [(tree, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > max_depth:
            return _path_to(tree, node)
        values = node.values() if type(node) is dict else node
        for v in values:
            if type(v) is dict or type(v) is list:
                push((v, depth + 1))
    return None


def _path_to(tree: Any, target: Any) -> list[str] | None:
    frames: list[tuple[Any, tuple[str, ...]]] = [(tree, ())]
    while frames:
        node, path = frames.pop()
        if node is target:
            return list(path)
        items = node.items() if type(node) is dict else enumerate(node)
        for k, v in items:
            if type(v) is dict or type(v) is list:
                frames.append((v, (*path, str(k))))
    return None


# --------------------------------------------------------------------------------------------------- YAML
_T = "tag:yaml.org,2002:"
STR_TAG, INT_TAG, FLOAT_TAG = _T + "str", _T + "int", _T + "float"
BOOL_TAG, NULL_TAG, MAP_TAG, SEQ_TAG, MERGE_TAG = _T + "bool", _T + "null", _T + "map", _T + "seq", _T + "merge"
_SCALAR_TAGS = frozenset({STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG})

_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"null", "Null", "NULL", "~", ""})
_FLOAT_WORDS = {".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
                "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
                "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
                ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan")}
_WORD_TAGS: dict[str, str] = {
    **dict.fromkeys(_BOOLS, BOOL_TAG), **dict.fromkeys(_NULLS, NULL_TAG), **dict.fromkeys(_FLOAT_WORDS, FLOAT_TAG),
    "<<": MERGE_TAG,
}
_MAYBE_TYPED = frozenset("-+.0123456789~nNtTfF<")
_INT_RE = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+").fullmatch
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?").fullmatch

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class HardenedLoader(_BaseLoader):  # type: ignore[misc]
    """libyaml parser/composer with a YAML 1.2 core-schema resolver. Only :meth:`get_single_node` is used:
    the tree is built by :func:`_construct`, never by PyYAML's constructors."""

    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0] and value is not None and (not value or value[0] in _MAYBE_TYPED):
                tag = _WORD_TAGS.get(value)
                if tag is not None:
                    return tag
                if _INT_RE(value):
                    return INT_TAG
                if _FLOAT_RE(value):
                    return FLOAT_TAG
            return STR_TAG
        return MAP_TAG if kind is MappingNode else SEQ_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def _compose(raw: bytes) -> Node | None:
    loader = HardenedLoader(raw)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


class _NodeError(Exception):
    def __init__(self, code: str, message: str, node: Node) -> None:
        super().__init__(message)
        self.code, self.message, self.node = code, message, node


def _load_yaml(raw: bytes, diags: Diagnostics, file: str, limits: Limits) -> Any:
    try:
        root = _compose(raw)
    except yaml.MarkedYAMLError as exc:
        _yaml_syntax_error(exc, diags, file, raw, limits)
    except yaml.reader.ReaderError as exc:
        text = raw.decode("utf-8-sig")
        _fail(diags, "yaml-syntax", f"invalid YAML: {exc.reason} ({exc.character!r})", file,
              where=_line_col(text, min(exc.position, len(text))))
    except yaml.YAMLError as exc:
        _fail(diags, "yaml-syntax", f"invalid YAML: {exc}", file)
    except RecursionError:  # only possible with the pure-Python fallback composer
        _fail(diags, "nesting-too-deep", "nesting too deep", file)
    if root is None:
        _fail(diags, "load-empty", "document is empty", file)
    try:
        return _construct(root, limits)
    except _NodeError as exc:
        path = _node_path(root, exc.node)
        mark = exc.node.start_mark
        pointer = pointer_from_tokens(path) if path is not None else ""
        message = exc.message + (f" (at {_short_pointer(pointer)})" if exc.code == "nesting-too-deep" else "")
        _fail(diags, exc.code, message, file, pointer, (mark.line + 1, mark.column + 1))


def _yaml_syntax_error(exc: yaml.MarkedYAMLError, diags: Diagnostics, file: str, raw: bytes,
                       limits: Limits) -> NoReturn:
    mark = exc.problem_mark or exc.context_mark
    where = (mark.line + 1, mark.column + 1) if mark is not None else None
    problem = exc.problem or exc.context or "invalid YAML"
    if "maximum nesting depth" in problem:  # libyaml stops at 1000 levels; find the first level over our limit
        deep = _yaml_deep_pointer(raw, limits.max_depth)
        if deep is not None:
            pointer, where = deep
            message = f"nesting deeper than {limits.max_depth} (at {_short_pointer(pointer)})"
            _fail(diags, "nesting-too-deep", message, file, pointer, where)
        _fail(diags, "nesting-too-deep", f"nesting deeper than {limits.max_depth}", file, where=where)
    if "expected a single document" in (exc.context or "") + problem:
        _fail(diags, "yaml-multi-doc", "expected a single document in the stream, found another document", file,
              where=where)
    text = " ".join(p for p in (exc.context, exc.problem) if p)
    _fail(diags, "yaml-syntax", f"invalid YAML: {text or problem}", file, where=where)


def _yaml_deep_pointer(raw: bytes, max_depth: int) -> tuple[str, tuple[int, int]] | None:
    """Pointer and position of the first collection nested deeper than ``max_depth``, from the event stream
    (used when libyaml itself refuses the nesting, so no node graph exists)."""
    frames: list[list[Any]] = []  # [is_mapping, expecting_key, key | index]
    try:
        for event in yaml.parse(raw, Loader=HardenedLoader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frames.pop()
                _advance(frames)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if frames and frames[-1][0] and frames[-1][1]:  # a mapping key
                if not isinstance(event, yaml.ScalarEvent):
                    return None
                frames[-1][1], frames[-1][2] = False, event.value
                continue
            if isinstance(event, yaml.CollectionStartEvent):
                if len(frames) + 1 > max_depth:
                    tokens = [str(f[2]) for f in frames]
                    mark = event.start_mark
                    where = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
                    return pointer_from_tokens(tokens), where
                is_map = isinstance(event, yaml.MappingStartEvent)
                frames.append([is_map, is_map, 0])
            else:
                _advance(frames)
    except yaml.YAMLError:
        return None
    return None


def _advance(frames: list[list[Any]]) -> None:
    if frames:
        top = frames[-1]
        if top[0]:
            top[1] = True
        else:
            top[2] += 1


def _scalar(node: ScalarNode) -> Any:
    """Value of a scalar whose tag is not ``!!str`` (implicitly resolved or explicit core tag)."""
    tag, v = node.tag, node.value
    try:
        if tag == INT_TAG:
            if v[:2] == "0o":
                return int(v[2:], 8)
            if v[:2] == "0x":
                return int(v[2:], 16)
            if _INT_RE(v) is None:
                raise ValueError(v)
            return int(v)
        if tag == FLOAT_TAG:
            word = _FLOAT_WORDS.get(v)
            if word is not None:
                return word
            if _FLOAT_RE(v) is None:
                raise ValueError(v)
            return float(v)
        if tag == BOOL_TAG:
            return _BOOLS[v]
        if tag == NULL_TAG:
            if v not in _NULLS:
                raise ValueError(v)
            return None
        if tag == STR_TAG:
            return v
    except ValueError as exc:
        if "digits" in str(exc):
            raise _NodeError("number-too-large", f"integer has more than {sys.get_int_max_str_digits()} digits",
                             node) from None
        raise _NodeError("yaml-value", f"invalid {_short(tag)} value {v[:40]!r}", node) from None
    except KeyError:
        raise _NodeError("yaml-value", f"invalid {_short(tag)} value {v[:40]!r}", node) from None
    raise _NodeError("yaml-tag", f"unsupported YAML tag {_short(tag)}", node)


def _short(tag: str) -> str:
    return "!!" + tag[len(_T):] if tag.startswith(_T) else tag


def _key(knode: Node) -> str:
    tag = knode.tag
    if tag not in _SCALAR_TAGS and tag not in (MAP_TAG, SEQ_TAG):
        raise _NodeError("yaml-tag", f"unsupported YAML tag {_short(tag)}", knode)
    if type(knode) is not ScalarNode or tag not in _SCALAR_TAGS:
        raise _NodeError("yaml-key", "mapping key must be a scalar", knode)
    if knode.value == "" and tag == NULL_TAG:
        raise _NodeError("yaml-key", "empty (null) mapping key", knode)
    return knode.value  # type: ignore[no-any-return]


class _Builder:
    """Iterative tree construction from a composed node graph (no recursion, depth and alias budgets)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.seen: set[int] = set()
        self.alias_nodes = 0
        self.stack: list[tuple[Node, Any, int]] = []

    def charge(self, node: Node, count: int) -> None:
        self.alias_nodes += count
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise _NodeError("yaml-alias", f"YAML aliases expand to more than {self.limits.max_alias_nodes} nodes "
                             "(anchor/alias budget exceeded)", node)

    def run(self, root: Node) -> Any:
        if type(root) is ScalarNode:
            return root.value if root.tag == STR_TAG else _scalar(root)
        top: Any = {} if type(root) is MappingNode else []
        stack = self.stack
        stack.append((root, top, 1))
        pop, seen, max_depth = stack.pop, self.seen, self.limits.max_depth
        while stack:
            node, out, depth = pop()
            ident = id(node)
            if depth > max_depth:
                if ident in seen:
                    raise _NodeError("yaml-alias", "recursive YAML alias (an anchor used inside itself)", node)
                raise _NodeError("nesting-too-deep", f"nesting deeper than {max_depth}", node)
            if ident in seen:
                self.charge(node, len(node.value) + 1)
            else:
                seen.add(ident)
            if type(out) is dict:
                if node.tag != MAP_TAG:
                    raise _NodeError("yaml-tag", f"unsupported YAML tag {_short(node.tag)}", node)
                self.fill_mapping(node, out, depth)
            else:
                if node.tag != SEQ_TAG:
                    raise _NodeError("yaml-tag", f"unsupported YAML tag {_short(node.tag)}", node)
                self.fill_sequence(node, out, depth)
        return top

    def child(self, v: Node, depth: int) -> Any:
        t = type(v)
        if isinstance(v, ScalarNode):
            return v.value if v.tag == STR_TAG else _scalar(v)
        c: Any = {} if t is MappingNode else []
        self.stack.append((v, c, depth + 1))
        return c

    def fill_sequence(self, node: Node, out: list[Any], depth: int) -> None:
        push, app = self.stack.append, out.append
        for v in node.value:
            t = type(v)
            if t is ScalarNode:
                app(v.value if v.tag == STR_TAG else _scalar(v))
            else:
                c: Any = {} if t is MappingNode else []
                app(c)
                push((v, c, depth + 1))

    def fill_mapping(self, node: Node, out: dict[str, Any], depth: int) -> None:
        push = self.stack.append
        merges: list[Node] | None = None
        for k, v in node.value:
            if k.tag == STR_TAG and type(k) is ScalarNode:
                key = k.value
            elif k.tag == MERGE_TAG and type(k) is ScalarNode:
                merges = [*(merges or []), v]
                continue
            else:
                key = _key(k)
            if key in out:
                raise _NodeError("duplicate-key", f"duplicate key {key!r}", k)
            t = type(v)
            if t is ScalarNode:
                out[key] = v.value if v.tag == STR_TAG else _scalar(v)
            else:
                c: Any = {} if t is MappingNode else []
                out[key] = c
                push((v, c, depth + 1))
        if merges:
            self.merge(node, out, merges, depth)

    def merge(self, node: Node, out: dict[str, Any], merges: list[Node], depth: int) -> None:
        """YAML merge keys: explicit keys win, then earlier sources; merged keys come first (as in PyYAML)."""
        merged: dict[str, Any] = {}
        for k, v in self.merge_pairs(node, merges):
            key = _key(k)
            if key not in out and key not in merged:
                merged[key] = self.child(v, depth)
        own = dict(out)
        out.clear()
        out.update(merged)
        out.update(own)

    def merge_pairs(self, node: Node, merges: list[Node]) -> list[tuple[Node, Node]]:
        pairs: list[tuple[Node, Node]] = []
        todo: list[tuple[Node, int]] = [(m, 0) for m in merges]
        while todo:
            src, level = todo.pop(0)
            if level > 20:
                raise _NodeError("yaml-alias", "YAML merge keys nested too deeply", node)
            sources = src.value if type(src) is SequenceNode else [src]
            for s in sources:
                if type(s) is not MappingNode:
                    raise _NodeError("yaml-merge", "merge key '<<' needs a mapping or a list of mappings", s)
                self.charge(s, len(s.value) + 1)
                for k, v in s.value:
                    if k.tag == MERGE_TAG and type(k) is ScalarNode:
                        todo.append((v, level + 1))
                    else:
                        pairs.append((k, v))
        return pairs


def _construct(root: Node, limits: Limits) -> Any:
    return _Builder(limits).run(root)


def _node_path(root: Node, target: Node) -> list[str] | None:
    """Tokens of the first path from ``root`` to ``target`` (iterative; aliases visited once)."""
    frames: list[tuple[Node, tuple[str, ...]]] = [(root, ())]
    visited: set[int] = set()
    while frames:
        node, path = frames.pop()
        if node is target:
            return list(path)
        if id(node) in visited:
            continue
        visited.add(id(node))
        if type(node) is MappingNode:
            for k, v in reversed(node.value):
                key = str(k.value) if type(k) is ScalarNode else "?"
                if k is target:
                    return [*path, key]
                frames.append((v, (*path, key)))
        elif type(node) is SequenceNode:
            for i in range(len(node.value) - 1, -1, -1):
                frames.append((node.value[i], (*path, str(i))))
    return None


def _walk_nodes(root: Node | None, tokens: list[str]) -> Node | None:
    node = root
    for token in tokens:
        if type(node) is MappingNode:
            node = next((v for k, v in reversed(node.value) if type(k) is ScalarNode and k.value == token), None)
        elif type(node) is SequenceNode and token.isdigit() and int(token) < len(node.value):
            node = node.value[int(token)]
        else:
            return None
    return node
