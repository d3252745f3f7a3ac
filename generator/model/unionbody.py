"""Request bodies whose schema is a union (``oneOf`` / ``anyOf`` at the top, with or without ``type: object`` and
shared ``properties`` beside it): one params class per object variant, each carrying the method's shared
path/query/header params, and the params name as a union of them (issue 10 part 3).

This is the shape the commercial generator gives a union body in its Python SDKs (e.g. a DNS record create
whose body is one of several record kinds: ``class ARecord(TypedDict)`` with the path param first, one class
per kind, then ``RecordCreateParams: TypeAlias = Union[ARecord, ...]``); the OpenAI and Llama Stack SDKs in
``../shared`` have no union body, so the names follow this project's own variant rule
(:meth:`TypeBuilder._variant_name`: the ``type`` tag of a discriminated union, else the title, else the
component name, else ``UnionMember<N>``), and nested classes are prefixed with the variant's name.
Properties written beside the union are shared by every variant (the variant's own definition wins).
A variant that is not an object cannot be a params class: it is skipped with a warning naming its pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.schema import child, is_null_schema, type_list
from generator.model.ir import AliasDef, ClassDef, Definition, Field, LocalRef, Module, UnionType
from generator.model.typescope import Ctx, DefNode, _type_const, order_children
from generator.model.typetree import TypeBuilder

JSON = Any
UNION_KEYS = ("oneOf", "anyOf")
Deref = Callable[[JSON, str], tuple[str, JSON]]


@dataclass
class Variant:
    node: DefNode  # its ClassDef; the fields are set by the caller, with the shared params
    body: list[Field]


def is_union_body(node: JSON) -> bool:
    return isinstance(node, Mapping) and any(isinstance(node.get(k), list) and node[k] for k in UNION_KEYS)


def union_body_variants(types: TypeBuilder, deref: Deref, target: Mapping[str, JSON], target_ptr: str, ctx: Ctx,
                        diags: Diagnostics, file: str) -> list[Variant] | None:
    """The variants of a union body, or None when fewer than two are objects (the caller then reads the body as
    before: one object variant is simply the body)."""
    key = next(k for k in UNION_KEYS if isinstance(target.get(k), list) and target[k])
    members: list[tuple[int, str, JSON]] = []
    skipped: list[tuple[int, str]] = []
    for i, m in enumerate(target[key]):
        if is_null_schema(m):
            continue
        mptr, node = deref(m, child(target_ptr, key, i))
        if isinstance(node, Mapping) and _is_object(node):
            members.append((i, mptr, node))
        elif isinstance(node, Mapping) and is_union_body(node):
            skipped.append((i, "a union inside a union body is not flattened"))
        elif not (isinstance(node, Mapping) and _constraint_only(node)):  # `anyOf: [{required: [a]}, ...]`
            skipped.append((i, "this variant of the request body is not an object schema"))
    if len(members) < 2:
        return None
    for i, why in skipped:
        diags.warning("body-variant-not-object", f"{why}; no params class for it", file=file,
                      pointer=child(target_ptr, key, i))
    shared = {k: v for k, v in target.items() if k not in UNION_KEYS}
    has_shared = (isinstance(shared.get("properties"), Mapping) and bool(shared["properties"])) or "allOf" in shared
    discriminated = all(_type_const(node) is not None for _, _, node in members)
    used: set[str] = set()
    out: list[Variant] = []
    for n, (i, mptr, node) in enumerate(members):
        wanted = types._variant_name(target[key][i], child(target_ptr, key, i), n, used, discriminated)
        name = ctx.scope.claim(wanted)
        dn = DefNode(ClassDef(name=name, fields=[], pointer=mptr, description=types.description(node, mptr)))
        vctx = Ctx(ctx.scope, (name,), dn, ctx.depth + 1)
        ctx.scope.by_pointer[mptr] = name
        try:
            fields, _ = types.object_fields(node, mptr, vctx)
            if has_shared:
                own = {f.wire_name for f in fields}
                common, _ = types.object_fields(shared, target_ptr, vctx)
                fields = [*fields, *(f for f in common if f.wire_name not in own)]
        finally:
            del ctx.scope.by_pointer[mptr]
        out.append(Variant(dn, fields))
    return out


def _constraint_only(node: Mapping[str, JSON]) -> bool:
    """A member that only constrains the object beside it (``required``, ``not``, ``minProperties``): no type,
    no properties of its own."""
    return not any(k in node for k in ("type", "properties", "items", "enum", "const", "$ref", "allOf", "oneOf",
                                       "anyOf", "additionalProperties"))


def _is_object(node: Mapping[str, JSON]) -> bool:
    return "properties" in node or "allOf" in node or "object" in type_list(node)


def single_variant(target: Mapping[str, JSON], pointer: str, deref: Deref) -> tuple[str, JSON]:
    """A union body with a single object variant (``anyOf: [X, null]``, or ``properties`` beside a union of
    non-objects) is read as that object."""
    if "properties" in target:
        return pointer, target
    for key in UNION_KEYS:
        members = target.get(key)
        if isinstance(members, list):
            real = [(i, m) for i, m in enumerate(members) if not is_null_schema(m)]
            if len(real) == 1:
                return deref(real[0][1], child(pointer, key, real[0][0]))
    return pointer, target


def union_module(module_path: tuple[str, ...], class_name: str, root: DefNode, variants: list[Variant],
                 op_pointer: str, class_fields: Callable[[list[Field]], list[Field]]) -> Module:
    """Each variant class with the shared params (``class_fields`` orders them as in any params class), then
    ``<Params>: TypeAlias = Union[...]``; nested definitions of the shared params come first."""
    definitions: list[Definition] = []
    for c in root.children:
        definitions.extend(c.postorder())
    exports = [class_name, *(d.name for c in root.children for d in c.preorder())]
    for v in variants:
        cls = v.node.definition
        assert isinstance(cls, ClassDef)
        cls.fields = class_fields(v.body)
        order_children(v.node, cls.fields)
        definitions.append(cls)
        for c in v.node.children:
            definitions.extend(c.postorder())
        exports.extend(d.name for d in v.node.preorder())
    alias = AliasDef(class_name, UnionType(tuple(LocalRef(v.node.definition.name) for v in variants)),
                     pointer=op_pointer)
    definitions.append(alias)
    return Module(module_path, "params", definitions, exports, class_name)
