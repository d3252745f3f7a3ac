"""The scaffolding of a module under construction (definition tree, names, naming context) and the small
pure helpers of :mod:`generator.model.typetree` (field order, child order, union classification)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.load.schema import ANNOTATION_KEYS
from generator.model.ir import (
    ArrayType,
    ClassDef,
    Definition,
    Field,
    LocalRef,
    MapType,
    NamedRef,
    TypeNode,
    UnionType,
    flatten_union,
)
from generator.text import naming

JSON = Any


@dataclass
class DefNode:
    definition: Definition
    children: list[DefNode] = field(default_factory=list)

    def postorder(self) -> list[Definition]:
        out: list[Definition] = []
        for c in self.children:
            out.extend(c.postorder())
        out.append(self.definition)
        return out

    def preorder(self) -> list[Definition]:
        out: list[Definition] = [self.definition]
        for c in self.children:
            out.extend(c.preorder())
        return out


@dataclass
class ModuleScope:
    """Names and definitions of one module under construction."""

    names: set[str] = field(default_factory=set)
    # schema pointer -> name of the definition being built from it (its ancestors): a schema met again inside
    # itself is recursion and becomes a (forward) reference to that definition
    by_pointer: dict[str, str] = field(default_factory=dict)

    def claim(self, wanted: str) -> str:
        name = naming.class_name(wanted)
        candidate, n = name, 2
        while candidate in self.names:
            candidate = f"{name}{n}"
            n += 1
        self.names.add(candidate)
        return candidate


@dataclass(frozen=True)
class Ctx:
    scope: ModuleScope
    path: tuple[str, ...]  # name segments (snake or Pascal words) below the module root
    owner: DefNode
    depth: int = 0

    def name(self) -> str:
        return "".join(naming.pascal(p) for p in self.path)

    def under(self, *segments: str, owner: DefNode | None = None) -> Ctx:
        return Ctx(self.scope, self.path + segments, owner or self.owner, self.depth + 1)

    def items(self) -> Ctx:
        if not self.path:
            return Ctx(self.scope, self.path, self.owner, self.depth + 1)
        last = naming.singular_last_word(self.path[-1])
        return Ctx(self.scope, (*self.path[:-1], last), self.owner, self.depth + 1)


def _type_const(node: JSON) -> str | None:
    """The const value of an object schema's ``type`` property (``const`` or a one-value ``enum``)."""
    props = node.get("properties") if isinstance(node, Mapping) else None
    tprop = props.get("type") if isinstance(props, Mapping) else None
    if isinstance(tprop, Mapping):
        enum = tprop.get("enum")
        val = tprop.get("const", enum[0] if isinstance(enum, list) and len(enum) == 1 else None)
        if isinstance(val, str):
            return val
    return None


def _annotation_only(node: JSON) -> bool:
    """A schema that only annotates (``{nullable: true}``, ``{description: ...}``): no type of its own."""
    return isinstance(node, Mapping) and bool(node) and all(k in ANNOTATION_KEYS or k.startswith("x-") for k in node)


_TYPED_KEYS = frozenset({"type", "properties", "items", "prefixItems", "enum", "const", "$ref", "allOf", "oneOf",
                         "anyOf", "additionalProperties", "patternProperties"})


def _untyped(node: JSON) -> bool:
    """An ``allOf`` member that only annotates or constrains (``{maxLength: 16}``, ``{description: ...}``): it
    adds no type, so ``allOf: [X, {maxLength: 16}]`` is X (not an object)."""
    return isinstance(node, Mapping) and bool(node) and not any(k in node for k in _TYPED_KEYS)


def _has_record(union: UnionType) -> bool:
    return any(isinstance(m, NamedRef) and m.shape in ("object", "union") for m in flatten_union(union))


def _local_names(node: TypeNode) -> list[str]:
    if isinstance(node, LocalRef):
        return [node.name]
    if isinstance(node, UnionType):
        return [n for v in node.variants for n in _local_names(v)]
    if isinstance(node, ArrayType):
        return _local_names(node.item)
    if isinstance(node, MapType) and node.value is not None:
        return _local_names(node.value)
    return []


def order_children(owner: DefNode, fields: list[Field]) -> None:
    """Put the nested definitions in the order of the (sorted) fields that use them (STYLE §2)."""
    rank: dict[str, int] = {}
    for i, f in enumerate(fields):
        for name in _local_names(f.type):
            rank.setdefault(name, i)
    owner.children.sort(key=lambda c: rank.get(c.definition.name, len(fields)))


# Names pulled to the front of their group, in this order: ``id`` (STYLE R4.1) and ``token`` (every class with a
# ``token`` field in the OpenAI and Llama Stack SDKs has it first: ``token, bytes, logprob`` in OpenAI's
# response_output_text_param.py, ``token, logprob`` then ``bytes`` in Llama Stack's conversation_create_params.py).
_FIRST = {"id": 0, "token": 1}


def sort_fields(fields: list[Field]) -> list[Field]:
    """Required fields, then optional ones; alphabetical within each group with ``id`` and ``token`` first
    (STYLE R4.1), by the wire names in the collation order of :func:`collation_key`, as on the response side
    (no request module of the three SDKs tells the two orders apart; the response side's do)."""

    def key(f: Field) -> tuple[int, int, str, str]:
        return (0 if f.required else 1, _FIRST.get(f.name, len(_FIRST)), collation_key(f.wire_name), f.wire_name)

    return sorted(fields, key=key)


# Punctuation in the order of the Unicode collation algorithm's default table (DUCET): all of it before digits,
# digits before letters. The SDK's field order follows it, as a JavaScript `localeCompare` does: OpenAI
# admin/organization/audit_log_list_response.py lists `workload_identity_provider_mapping.created` before
# `workload_identity_provider.created` (``_`` before ``.``), where code-point order has them the other way.
_PUNCTUATION = str.maketrans({c: chr(1 + i) for i, c in enumerate(" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$")})


def collation_key(text: str) -> str:
    """A sort key that orders text as the default Unicode collation does at its first level (case ignored):
    punctuation becomes control characters in the table's order, below the digits, below the letters."""
    return text.lower().translate(_PUNCTUATION)


class FieldSource(Protocol):
    def object_fields(self, node: JSON, pointer: str, ctx: Ctx) -> tuple[list[Field], str | None]: ...


def record_root(types: FieldSource, scope: ModuleScope, name: str, node: JSON, pointer: str,
                sort: Callable[[list[Field]], list[Field]], *, open_: bool = False) -> DefNode:
    """The class a named record's module is built around, with its fields sorted by ``sort`` and its nested
    definitions in field order; shared by the request side's named models and the response side's modules."""
    scope.by_pointer[pointer] = name
    cls = ClassDef(name=name, fields=[], pointer=pointer, open=open_)
    root = DefNode(cls)
    fields, description = types.object_fields(node, pointer, Ctx(scope, (), root))
    cls.fields = sort(fields)
    order_children(root, cls.fields)
    cls.description = description
    return root
