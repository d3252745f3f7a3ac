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


def is_component_schema(pointer: str) -> bool:
    """``#/components/schemas/<Name>``: a schema of its own, not one inside another."""
    return pointer.startswith("#/components/schemas/") and pointer.count("/") == 3


def discriminator_property(node: JSON) -> str | None:
    """``discriminator.propertyName`` of a schema, when it has one."""
    disc = node.get("discriminator") if isinstance(node, Mapping) else None
    prop = disc.get("propertyName") if isinstance(disc, Mapping) else None
    return prop if isinstance(prop, str) else None


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


def nullable_pair(members: JSON) -> tuple[int, JSON] | None:
    """The other member of ``[X, null]`` (either order) and its index; None for any other list (``[null, null]``
    included)."""
    if isinstance(members, list) and len(members) == 2 and sum(1 for m in members if is_null_schema(m)) == 1:
        i = 0 if is_null_schema(members[1]) else 1
        return i, members[i]
    return None


def merge_object(
    node: Mapping[str, JSON], pointer: str, resolve: Resolve, diags: Diagnostics, file: str, depth: int = 0
) -> Merged:
    """Merge an object schema with its ``allOf`` members (recursively, following refs).

    A property defined twice as objects keeps the properties of both (:func:`_both`); defined twice with other
    different schemas, it keeps the later definition, with a warning naming both pointers (``allOf`` is an
    intersection; a generator cannot express conflicting types)."""
    out = Merged()
    _merge_into(out, node, pointer, resolve, diags, file, depth, seen=set(), active=[])
    return out


def _merge_into(
    out: Merged, node: Mapping[str, JSON], pointer: str, resolve: Resolve, diags: Diagnostics, file: str,
    depth: int, seen: set[str], active: list[str],
) -> None:
    # a merged pair (_both) shares the pointer of its last member; a spec's own `x-typegen-merged-from` is data
    origins = node.get(MERGED_FROM) if isinstance(node, _MergedPair) else None
    if isinstance(origins, list):
        if depth > 64:
            return
    elif pointer in active:  # `A: allOf: [$ref B]`, `B: allOf: [$ref A]`: A includes itself, which adds nothing
        cycle = " → ".join([*active[active.index(pointer):], pointer])
        diags.warning("allof-cycle", f"schema includes itself through allOf/$ref ({cycle}); the inclusion adds "
                      "nothing and is ignored", file=file, pointer=pointer)
        return
    elif pointer in seen or depth > 64:
        return
    else:
        seen.add(pointer)
    if isinstance(origins, list):  # its pointer is its last member's: that member is not a cycle
        _merge_body(out, node, pointer, resolve, diags, file, depth, seen, active, origins)
        return
    active.append(pointer)
    try:
        _merge_body(out, node, pointer, resolve, diags, file, depth, seen, active, origins)
    finally:
        active.pop()


def _merge_body(
    out: Merged, node: Mapping[str, JSON], pointer: str, resolve: Resolve, diags: Diagnostics, file: str,
    depth: int, seen: set[str], active: list[str], origins: JSON,
) -> None:
    if "$ref" in node and isinstance(node["$ref"], str):
        target_ptr, target = resolve(node["$ref"], pointer)
        if isinstance(target, Mapping):
            _merge_into(out, target, target_ptr, resolve, diags, file, depth + 1, seen, active)
    for i, member in enumerate(node.get("allOf") or []):
        if isinstance(member, Mapping):
            member_ptr = origins[i] if isinstance(origins, list) and i < len(origins) else child(pointer, "allOf", i)
            _merge_into(out, member, member_ptr, resolve, diags, file, depth + 1, seen, active)
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
                old_ptr, old = out.properties[name]
                if _object_like(old, old_ptr, resolve) and _object_like(schema, ptr, resolve):
                    out.properties[name] = (ptr, _both(old, old_ptr, schema, ptr))
                    continue
                merged = _enum_union(old, old_ptr, schema, ptr, resolve)
                if merged is not None:
                    out.properties[name] = (ptr, merged)
                    continue
                if _nullable_of(old, schema):
                    continue  # `anyOf: [X, null]` restated as X: the nullable one stays (see _nullable_of)
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


MERGED_FROM = "x-typegen-merged-from"  # the pointers of the members of an allOf made by _both


class _MergedPair(dict[str, JSON]):
    """An ``allOf`` made by :func:`_both`: only these carry trusted ``MERGED_FROM`` pointers (a spec that writes
    the key itself once crashed the merge, or made it exponential)."""


def follow_refs(node: JSON, pointer: str, resolve: Resolve, limit: int = 16) -> tuple[str, JSON]:
    """The node a ``$ref`` chain from ``node`` (at ``pointer``) ends at, and its pointer: refs are followed
    while the node is a ``$ref`` without ``properties`` beside it, at most ``limit`` of them (a hostile chain
    stops there). Unlike :meth:`Resolver.deref` it needs only a ``resolve`` function and reports nothing."""
    for _ in range(limit):
        if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and "properties" not in node):
            break
        pointer, node = resolve(node["$ref"], pointer)
    return pointer, node


def _object_like(node: JSON, pointer: str, resolve: Resolve) -> bool:
    _, node = follow_refs(node, pointer, resolve)
    return isinstance(node, Mapping) and ("properties" in node or "allOf" in node or "object" in type_list(node))


def _both(a: JSON, a_ptr: str, b: JSON, b_ptr: str) -> dict[str, JSON]:
    """An object property defined by two ``allOf`` members is both (``allOf`` is an intersection): the
    properties of each are kept. The members keep their own pointers for diagnostics."""
    if isinstance(a, _MergedPair):
        members, origins = [*a["allOf"], b], [*a[MERGED_FROM], b_ptr]
    else:
        members, origins = [a, b], [a_ptr, b_ptr]
    out = _MergedPair({"allOf": members, MERGED_FROM: origins})
    description = next((s["description"] for s in (b, a) if isinstance(s, Mapping)
                        and isinstance(s.get("description"), str)), None)
    if description is not None:
        out["description"] = description
    return out


def _enum_values(node: JSON, pointer: str, resolve: Resolve) -> list[JSON] | None:
    for _ in range(16):
        if isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and "enum" not in node:
            pointer, node = resolve(node["$ref"], pointer)
        else:
            break
    enum = node.get("enum") if isinstance(node, Mapping) else None
    return enum if isinstance(enum, list) and type_list(node) == ["string"] else None


def _enum_union(a: JSON, a_ptr: str, b: JSON, b_ptr: str, resolve: Resolve) -> dict[str, JSON] | None:
    """A string enum property redefined by a later ``allOf`` member with other values takes both sets: the later
    values, then the earlier ones it lacks. The OpenAI SDK does so: ``ComputerToolCallOutputResource`` narrows
    ``status`` to ``ComputerCallOutputStatus`` (completed, incomplete, failed) over ``in_progress, completed,
    incomplete``, and ``response_computer_tool_call_output_item.py`` has ``Literal["completed", "incomplete",
    "failed", "in_progress"]``."""
    old, new = _enum_values(a, a_ptr, resolve), _enum_values(b, b_ptr, resolve)
    if old is None or new is None:
        return None
    out: dict[str, JSON] = {"type": "string", "enum": [*new, *(v for v in old if v not in new)]}
    description = next((s["description"] for s in (b, a) if isinstance(s, Mapping)
                        and isinstance(s.get("description"), str)), None)
    if description is not None:
        out["description"] = description
    return out


def _nullable_of(old: JSON, new: JSON) -> bool:
    """Whether ``old`` is ``anyOf``/``oneOf: [new, null]``. An ``allOf`` member that restates a nullable
    property without its ``null`` does not make it required-non-null in the SDK: OpenAI's
    ``CreateModelResponseProperties`` = ``allOf: [$ref ModelResponseProperties, {top_logprobs: integer}]``
    over ``top_logprobs: anyOf: [integer, null]`` is ``top_logprobs: Optional[int]`` in
    responses/response_create_params.py."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping) or new.get("nullable") is True \
            or "null" in type_list(new):
        return False  # a nullable restatement is the later definition as usual (chat top_logprobs' doc)
    for key in ("anyOf", "oneOf"):
        pair = nullable_pair(old.get(key))
        if pair is not None:
            return not _differs(pair[1], new)
    return False


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
