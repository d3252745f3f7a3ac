"""Reading OpenAPI schema objects: ``$ref`` following, ``allOf`` merging, nullability (3.0 and 3.1 styles).

These helpers work on the raw spec tree and JSON pointers; they know nothing about the target language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostics

JSON = Any
Resolve = Callable[[str, str], tuple[str, JSON]]  # (ref, from_pointer) -> (target pointer, node)

# Keys that only annotate a schema; a `$ref` with only these beside it is still "just a reference".
ANNOTATION_KEYS = frozenset(
    {"description", "title", "default", "example", "examples", "deprecated", "readOnly", "writeOnly", "nullable",
     "externalDocs", "$comment", "summary"}
)


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def child(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)


def is_extension_free_ref(node: Mapping[str, JSON]) -> bool:
    """True for ``{$ref: ...}`` possibly with annotation siblings (description, nullable, ...)."""
    return "$ref" in node and all(k == "$ref" or k in ANNOTATION_KEYS or k.startswith("x-") for k in node)


def type_list(node: Mapping[str, JSON]) -> list[str]:
    t = node.get("type")
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def is_null_schema(node: JSON) -> bool:
    if not isinstance(node, Mapping):
        return False
    if type_list(node) == ["null"]:
        return True
    enum = node.get("enum")
    return isinstance(enum, list) and enum == [None]


@dataclass
class Merged:
    """An object schema after ``allOf`` merging: properties in first-seen order, required names, and the
    pointer each property came from."""

    properties: dict[str, tuple[str, JSON]] = field(default_factory=dict)  # name -> (pointer, schema)
    required: list[str] = field(default_factory=list)
    additional: JSON = None  # additionalProperties value if any (None: absent)
    description: str | None = None
    title: str | None = None
    nullable: bool = False
    pointers: list[str] = field(default_factory=list)


def merge_object(
    node: Mapping[str, JSON], pointer: str, resolve: Resolve, diags: Diagnostics, file: str, depth: int = 0
) -> Merged:
    """Merge an object schema with its ``allOf`` members (recursively, following refs).

    A property defined twice with different schemas keeps the later definition, with a warning naming both
    pointers (``allOf`` is an intersection; a generator cannot express conflicting types)."""
    out = Merged()
    _merge_into(out, node, pointer, resolve, diags, file, depth, seen=set())
    return out


def _merge_into(
    out: Merged, node: Mapping[str, JSON], pointer: str, resolve: Resolve, diags: Diagnostics, file: str,
    depth: int, seen: set[str],
) -> None:
    if pointer in seen or depth > 64:
        return
    seen.add(pointer)
    if "$ref" in node and isinstance(node["$ref"], str):
        target_ptr, target = resolve(node["$ref"], pointer)
        if isinstance(target, Mapping):
            _merge_into(out, target, target_ptr, resolve, diags, file, depth + 1, seen)
    for i, member in enumerate(node.get("allOf") or []):
        if isinstance(member, Mapping):
            _merge_into(out, member, child(pointer, "allOf", i), resolve, diags, file, depth + 1, seen)
    out.pointers.append(pointer)
    if isinstance(node.get("description"), str):
        out.description = node["description"]
    if isinstance(node.get("title"), str):
        out.title = node["title"]
    if node.get("nullable") is True or "null" in type_list(node):
        out.nullable = True
    props = node.get("properties")
    if isinstance(props, Mapping):
        for name, schema in props.items():
            ptr = child(pointer, "properties", name)
            if name in out.properties and _differs(out.properties[name][1], schema):
                old_ptr = out.properties[name][0]
                diags.warning(
                    "allof-conflict",
                    f"property {name!r} is defined differently in {old_ptr} and {ptr}; using the latter",
                    file=file, pointer=ptr,
                )
            out.properties[name] = (ptr, schema)
    req = node.get("required")
    if isinstance(req, list):
        for name in req:
            if isinstance(name, str) and name not in out.required:
                out.required.append(name)
    if "additionalProperties" in node:
        out.additional = node["additionalProperties"]


def _differs(a: JSON, b: JSON) -> bool:
    def strip(x: JSON) -> JSON:
        if isinstance(x, Mapping):
            return {k: v for k, v in x.items() if k not in ANNOTATION_KEYS}
        return x

    return bool(strip(a) != strip(b))


def description_of(node: JSON) -> str | None:
    if isinstance(node, Mapping):
        d = node.get("description")
        if isinstance(d, str) and d.strip():
            return d
    return None
