"""Strict JSON loading: duplicate keys, non-standard constants (NaN, Infinity), huge numbers and deep nesting are
errors with a pointer and line:col; a file only *guessed* to be JSON falls back to YAML.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Generator, Iterator
from typing import Any, NoReturn

from generator.diagnostics import Diagnostics
from generator.load.document import Limits, fail, line_col, pointer_from_tokens, short_pointer


class NotJson(Exception):
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


def load_json(text: str, diags: Diagnostics, file: str, limits: Limits) -> Any:
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if not file.lower().endswith(".json"):
            raise NotJson from exc
        fail(diags, "json-syntax", f"invalid JSON: {exc.msg}", file, where=(exc.lineno, exc.colno))
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
        for kind, path, pos, token in scan_json(text):
            pointer = pointer_from_tokens(path)
            where = line_col(text, pos)
            if what == "dup" and kind == "dup":
                fail(diags, "duplicate-key", f"duplicate key {token!r}", file, pointer, where)
            if kind != "value":
                continue
            if what == "constant" and token.lstrip("-") in ("NaN", "Infinity"):
                fail(diags, "json-constant", f"{token} is not valid JSON", file, pointer, where)
            if what == "bigint" and token[:1] in "-0123456789" and sum(c.isdigit() for c in token) > max_digits:
                fail(diags, "number-too-large", f"number has more than {max_digits} digits", file, pointer,
                      where)
            if what == "deep" and token in "{[" and len(path) + 1 > limits.max_depth:
                fail(diags, "nesting-too-deep", f"nesting deeper than {limits.max_depth} (at "
                      f"{short_pointer(pointer)})", file, pointer, where)
    except (IndexError, AttributeError, ValueError):
        pass
    message = {"dup": "duplicate key", "constant": "NaN/Infinity are not valid JSON",
               "deep": f"nesting deeper than {limits.max_depth}"}.get(what, detail or "invalid JSON")
    fail(diags, "json-syntax" if what == "bigint" else f"json-{what}", message, file)


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


def scan_json(text: str) -> Iterator[_ScanEvent]:
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
