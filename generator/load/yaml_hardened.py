"""The hardened YAML loader (a YAML 1.2 core-schema reading on top of libyaml).

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
"""

from __future__ import annotations

import re
import sys
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.diagnostics import Diagnostics
from generator.load.document import Limits, fail, line_col, pointer_from_tokens, short_pointer

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


def load_yaml(raw: bytes, diags: Diagnostics, file: str, limits: Limits) -> Any:
    try:
        root = _compose(raw)
    except yaml.MarkedYAMLError as exc:
        _yaml_syntax_error(exc, diags, file, raw, limits)
    except yaml.reader.ReaderError as exc:
        text = raw.decode("utf-8-sig")
        fail(diags, "yaml-syntax", f"invalid YAML: {exc.reason} ({exc.character!r})", file,
              where=line_col(text, min(exc.position, len(text))))
    except yaml.YAMLError as exc:
        fail(diags, "yaml-syntax", f"invalid YAML: {exc}", file)
    except RecursionError:  # only possible with the pure-Python fallback composer
        fail(diags, "nesting-too-deep", "nesting too deep", file)
    if root is None:
        fail(diags, "load-empty", "document is empty", file)
    try:
        return _construct(root, limits)
    except _NodeError as exc:
        path = _node_path(root, exc.node)
        mark = exc.node.start_mark
        pointer = pointer_from_tokens(path) if path is not None else ""
        message = exc.message + (f" (at {short_pointer(pointer)})" if exc.code == "nesting-too-deep" else "")
        fail(diags, exc.code, message, file, pointer, (mark.line + 1, mark.column + 1))


def _yaml_syntax_error(exc: yaml.MarkedYAMLError, diags: Diagnostics, file: str, raw: bytes,
                       limits: Limits) -> NoReturn:
    mark = exc.problem_mark or exc.context_mark
    where = (mark.line + 1, mark.column + 1) if mark is not None else None
    problem = exc.problem or exc.context or "invalid YAML"
    if "maximum nesting depth" in problem:  # libyaml stops at 1000 levels; find the first level over our limit
        deep = _yaml_deep_pointer(raw, limits.max_depth)
        if deep is not None:
            pointer, where = deep
            message = f"nesting deeper than {limits.max_depth} (at {short_pointer(pointer)})"
            fail(diags, "nesting-too-deep", message, file, pointer, where)
        fail(diags, "nesting-too-deep", f"nesting deeper than {limits.max_depth}", file, where=where)
    if "expected a single document" in (exc.context or "") + problem:
        fail(diags, "yaml-multi-doc", "expected a single document in the stream, found another document", file,
              where=where)
    text = " ".join(p for p in (exc.context, exc.problem) if p)
    fail(diags, "yaml-syntax", f"invalid YAML: {text or problem}", file, where=where)


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


def walk_nodes(root: Node | None, tokens: list[str]) -> Node | None:
    node = root
    for token in tokens:
        if type(node) is MappingNode:
            node = next((v for k, v in reversed(node.value) if type(k) is ScalarNode and k.value == token), None)
        elif type(node) is SequenceNode and token.isdigit() and int(token) < len(node.value):
            node = node.value[int(token)]
        else:
            return None
    return node
