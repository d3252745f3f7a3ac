"""The fast schema-keyword check on the default path (issue 10, HOSTILE I): every keyword the builder reads is
checked for shape, once, before anything reads it.

One iterative walk over the document visits every Schema Object (by position: ``components/schemas``, every
``schema`` of a parameter, header or media type, and the subschemas below them); nothing else is looked at (no
pointer strings are built unless something is wrong). A keyword of the wrong shape is a ``warning[schema-shape]``
naming its pointer, and the keyword is dropped from a *copy* of the schema (the caller's tree is not modified),
which is the safe fallback: the builder then sees a schema without it. The checks, and what the builder would
otherwise have done:

- ``type``: a known name (``string integer number boolean array object null``) or a non-empty list of them;
  an unknown name (``strin``) is reported with the nearest known name and dropped (never a silent ``object``);
- ``required``: a list of strings (YAML's ``required: yes`` is ``true``: never ignored without a word);
- ``properties`` / ``patternProperties`` / ``$defs``: a mapping of schemas (``properties: [x, y]``);
- ``enum``: a non-empty list; ``oneOf`` / ``anyOf`` / ``allOf`` / ``prefixItems``: non-empty lists of schemas
  (a union of nothing must not reach the renderer);
- ``items``, ``additionalProperties``, ``not``, ...: a schema (a mapping, or a boolean where allowed);
- ``nullable``, ``readOnly``, ``writeOnly``, ``deprecated``: booleans; ``format``, ``title``, ``description``,
  ``$ref``: strings; ``discriminator``: a mapping.

A subschema that is not a mapping at all (``properties: {x: string}``) is reported and replaced by ``{}``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostics

JSON = Any
TYPES = ("string", "integer", "number", "boolean", "array", "object", "null")
_TYPE_SET = frozenset(TYPES)
SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
              "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema")
_BOOLS = ("nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems")
_STRINGS = ("format", "title", "description", "pattern")
# keys of non-schema objects whose values are never OpenAPI structure (examples, extensions' payloads)
_OPAQUE = frozenset({"example", "examples", "default", "enum", "const", "value", "externalValue", "info",
                     "security", "securitySchemes", "servers", "tags", "externalDocs", "links", "mapping"})
NAME_MAPS = frozenset({"paths", "webhooks", "callbacks", "responses", "content", "headers", "examples", "links",
                       "encoding", "pathItems", "requestBodies", "parameters", "securitySchemes", "variables",
                       "components"})
_Frame = tuple[Any, Any, Any]  # (parent frame or None, key in parent, node)


class _Fixes:
    """Path-copying edits of a tree: the original is never modified."""

    def __init__(self, root: JSON) -> None:
        self.root = root
        self.copies: dict[tuple[Any, ...], JSON] = {}

    def node_at(self, path: tuple[Any, ...]) -> JSON:
        """A private (copied) node at ``path``, copying its ancestors on first use."""
        if path in self.copies:
            return self.copies[path]
        if not path:
            node = self.root
        else:
            parent = self.node_at(path[:-1])
            node = parent[path[-1]]
        copied = dict(node) if isinstance(node, Mapping) else list(node)
        if path:
            self.node_at(path[:-1])[path[-1]] = copied
        else:
            self.root = copied
        self.copies[path] = copied
        return copied


def _path(frame: _Frame | None) -> tuple[Any, ...]:
    out: list[Any] = []
    while frame is not None and frame[0] is not None:
        out.append(frame[1])
        frame = frame[0]
    return tuple(reversed(out))


def _pointer(path: tuple[Any, ...]) -> str:
    return "#" + "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in path)


def check_schema_shapes(spec: JSON, diags: Diagnostics, *, file: str = "") -> JSON:
    """Report every schema keyword of the wrong shape; return the spec with those keywords dropped (a new tree
    where anything changed, else ``spec`` itself)."""
    fixes = _Fixes(spec)
    problems: list[tuple[tuple[Any, ...], str | None, str, JSON]] = []  # (schema path, key, message, replacement)
    root: _Frame = (None, None, spec)
    stack: list[tuple[_Frame, bool]] = [(root, False)]
    while stack:
        frame, is_schema = stack.pop()
        node = frame[2]
        if is_schema:
            if type(node) is not dict:
                if not isinstance(node, bool):
                    problems.append((_path(frame), None, f"a schema must be a mapping, not {_kind(node)}; "
                                     "treated as {} (any value)", {}))
                continue
            _check(node, frame, problems, stack)
        elif type(node) is dict:
            # in a mapping of user-chosen names (`components/parameters`, `paths`, `content`, ...) a key named
            # `schema` is an entry's name, not a Schema
            names = frame[1] in NAME_MAPS or (frame[0] is not None and frame[0][1] == "components")
            for key, value in node.items():
                if type(value) is not dict and type(value) is not list:
                    continue
                if (key == "schema" and not names) or (key == "schemas" and frame[1] == "components"):
                    if key == "schemas":
                        sub: _Frame = (frame, key, value)
                        if type(value) is dict:
                            stack.extend(((sub, k, v), True) for k, v in value.items())
                    else:
                        stack.append(((frame, key, value), True))
                elif key not in _OPAQUE and not (type(key) is str and key.startswith("x-")):
                    stack.append(((frame, key, value), False))
        elif type(node) is list:
            stack.extend(((frame, i, v), False) for i, v in enumerate(node) if type(v) in (dict, list))
    if not problems:
        return spec
    for path, key, message, replacement in sorted(problems, key=lambda p: (len(p[0]), p[0].__repr__(), str(p[1]))):
        pointer = _pointer(path if key is None else (*path, key))
        diags.warning("schema-shape", message, file=file, pointer=pointer)
        if key is None:
            parent = fixes.node_at(path[:-1])
            parent[path[-1]] = replacement
        else:
            target = fixes.node_at(path)
            if replacement is _DROP:
                target.pop(key, None)
            else:
                target[key] = replacement
    return fixes.root


_DROP = object()
_MISSING = object()


def _kind(value: JSON) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    return "a list" if isinstance(value, list) else "a mapping"


def _check(node: dict[str, JSON], frame: _Frame, problems: list[tuple[tuple[Any, ...], str | None, str, JSON]],
           stack: list[tuple[_Frame, bool]]) -> None:
    def bad(key: str, message: str, replacement: JSON = _DROP) -> None:
        problems.append((_path(frame), key, message, replacement))

    t = node.get("type", _MISSING)
    if t is None:
        bad("type", "'type' is null (YAML reads a bare null as no value): write 'null' in quotes for the null type; "
            "read as 'null'", "null")
    elif t is not _MISSING:
        if type(t) is str:
            if t not in _TYPE_SET:
                bad("type", f"unknown type {t[:40]!r}{_did_you_mean(t)}; the keyword is ignored")
        elif type(t) is list:
            known = [x for x in t if type(x) is str and x in _TYPE_SET]
            if not t or len(known) != len(t):
                wrong = [x for x in t if not (type(x) is str and x in _TYPE_SET)]
                detail = f"unknown type {str(wrong[0])[:40]!r}{_did_you_mean(wrong[0])}" if wrong else "empty list"
                bad("type", f"type list has {detail}; " + ("keeping " + ", ".join(known) if known
                                                            else "the keyword is ignored"), known or _DROP)
        else:
            bad("type", f"'type' must be a type name or a list of them, not {_kind(t)}; the keyword is ignored")
    req = node.get("required", _MISSING)
    if req is not _MISSING and not (type(req) is list and all(type(x) is str for x in req)):
        if type(req) is list:
            bad("required", "'required' must list property names (strings); non-strings are ignored",
                [x for x in req if type(x) is str])
        else:
            bad("required", f"'required' must be a list of property names, not {_kind(req)}; the keyword is "
                "ignored (in OpenAPI 3, list the names on the enclosing object schema)")
    enum = node.get("enum", _MISSING)
    if enum is not _MISSING and not (type(enum) is list and enum):
        bad("enum", f"'enum' must be a non-empty list, not {_kind(enum) if enum != [] else 'an empty one'}; the "
            "keyword is ignored")
    for key in _BOOLS:
        v = node.get(key)
        if v is not None and type(v) is not bool:
            bad(key, f"{key!r} must be a boolean, not {_kind(v)}; the keyword is ignored")
    for key in _STRINGS:
        v = node.get(key)
        if v is not None and type(v) is not str:
            bad(key, f"{key!r} must be a string, not {_kind(v)}; the keyword is ignored")
    ref = node.get("$ref", _MISSING)
    if ref is not _MISSING and type(ref) is not str:
        bad("$ref", f"'$ref' must be a string, not {_kind(ref)}; the keyword is ignored")
    d = node.get("discriminator")
    if d is not None and type(d) is not dict:
        bad("discriminator", f"'discriminator' must be a mapping, not {_kind(d)}; the keyword is ignored")
    for key in SCHEMA_MAPS:
        v = node.get(key, _MISSING)
        if v is _MISSING:
            continue
        if type(v) is not dict:
            bad(key, f"{key!r} must be a mapping of names to schemas, not {_kind(v)}; the keyword is ignored")
            continue
        sub: _Frame = (frame, key, v)
        stack.extend(((sub, k, s), True) for k, s in v.items())
    for key in SCHEMA_LISTS:
        v = node.get(key, _MISSING)
        if v is _MISSING:
            continue
        if type(v) is not list or not v:
            what = "an empty list" if v == [] else _kind(v)
            bad(key, f"{key!r} must be a non-empty list of schemas, not {what}; the keyword is ignored")
            continue
        sub = (frame, key, v)
        stack.extend(((sub, i, s), True) for i, s in enumerate(v))
    for key in SCHEMA_ONE:
        v = node.get(key, _MISSING)
        if v is _MISSING or isinstance(v, bool):
            continue
        if type(v) is dict:
            stack.append(((frame, key, v), True))
        elif key == "items" and type(v) is list:
            bad(key, "'items' must be one schema (a list is the old tuple form: use 'prefixItems'); the keyword "
                "is ignored")
        else:
            bad(key, f"{key!r} must be a schema, not {_kind(v)}; the keyword is ignored")


def _did_you_mean(value: JSON) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value.lower(), TYPES, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
