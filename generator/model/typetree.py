"""Schema → type tree, creating nested definitions for inline objects and unions of them.

One :class:`ModuleScope` collects the definitions of one output module as a tree (each definition owns the nested
definitions created while converting its fields), so that a renderer can emit them in post-order and list them
in pre-order (STYLE §2). Names of nested definitions come from the property path below the module's root
definition, with array items singularised and union variants suffixed (STYLE R3.2).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.schema import (
    Resolve,
    child,
    description_of,
    is_extension_free_ref,
    is_null_schema,
    merge_object,
    type_list,
)
from generator.model.budget import ConversionBudget
from generator.model.ir import (
    NULL,
    AliasDef,
    ArrayType,
    ClassDef,
    Field,
    FileType,
    LiteralType,
    LocalRef,
    MapType,
    NamedRef,
    Primitive,
    Temporal,
    TypeNode,
    UnionType,
    Unknown,
    flatten_union,
    make_nullable,
    strip_null,
)
from generator.model.literals import literal_type
from generator.model.sdkrules import (
    closest,
    deprecated_member,
    describe,
    enum_key,
    keep_wire_names_on_collision,
    note_allof_base,
    nullable_ref,
    python_key,
    python_property_name,
)
from generator.model.subclass import subclass_fields
from generator.model.typescope import (
    Ctx,
    DefNode,
    _has_record,
    _untyped,
    order_children,
    sort_fields,
)
from generator.model.variants import UnionVariants
from generator.text import naming

JSON = Any
NamedLookup = Callable[[str], TypeNode | None]

_PRIMITIVES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "null": "null"}
MAX_DEPTH = 64


def is_open_object(node: JSON) -> bool:
    """An object schema with properties that also allows any other key (``additionalProperties: true`` or ``{}``)."""
    return isinstance(node, Mapping) and bool(node.get("properties")) and node.get("additionalProperties") in (True, {})


class TypeBuilder(UnionVariants):
    """Converts schemas to type nodes. ``named`` maps a canonical schema pointer to a reference when the config
    names that schema (it is then referenced, not inlined)."""

    def __init__(self, resolve: Resolve, named: NamedLookup, diags: Diagnostics, file: str) -> None:
        self.resolve = resolve
        self.named = named
        self.diags = diags
        self.file = file
        # enum values -> (module, pointer) of the named enum models with those values
        self.named_enums: dict[tuple[tuple[str, JSON], ...], list[tuple[tuple[str, ...], str]]] = {}
        self._module: tuple[str, ...] = ()  # the module being built
        self._deep_tags = False  # naming the variants of a union with a spec `discriminator` (see `_tag`)
        self.subclasses = True  # whether a record may extend a named one (see `_base`)
        self._redefines = False  # whether a subclass may redefine a field of its base (a pydantic model may)
        self.records: dict[str, NamedRef] = {}  # named records by pointer, for ClassDef.sdk_extends (not marked used)
        self.budget = ConversionBudget()  # calls of to_type for the module being built

    @property
    def module(self) -> tuple[str, ...]:
        """The module being built; setting it starts that module's conversion budget."""
        return self._module

    @module.setter
    def module(self, path: tuple[str, ...]) -> None:
        self._module = path
        self.budget.reset()

    # ------------------------------------------------------------------------------------------ entry points
    def to_type(self, node: JSON, pointer: str, ctx: Ctx, *, top: bool = False) -> TypeNode:
        if not self.budget.spend(self.diags, self.file, pointer):
            return Unknown()
        if ctx.depth > MAX_DEPTH:
            self.diags.error("schema-too-deep", f"schema nesting deeper than {MAX_DEPTH}", file=self.file,
                             pointer=pointer)
            return Unknown()
        nullable = False
        for hop in range(10_000):  # follow `$ref` aliases iteratively: long chains must not recurse
            if not top or hop:
                ref = self.named(pointer)
                if ref is not None:
                    return make_nullable(ref) if nullable else ref
            if not isinstance(node, Mapping):
                return Unknown()
            for key in node:
                if key.startswith(("x-python", "x-py-")):  # code-bearing extensions are never emitted
                    self.diags.warning("extension-ignored", f"extension {key!r} is not supported and is ignored",
                                       file=self.file, pointer=child(pointer, key))
            nullable = nullable or node.get("nullable") is True
            target = node.get("$ref")
            if not isinstance(target, str) or "properties" in node or "allOf" in node:
                break
            pointer, node = self.resolve(target, pointer)
        t = self._convert(node, pointer, ctx)
        return make_nullable(t) if nullable else t

    def object_fields(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> tuple[list[Field], str | None]:
        """The fields of an object schema (``allOf`` merged), in spec order, and its description; a subclass of
        a named record lists only its own (:mod:`generator.model.subclass`)."""
        sub = subclass_fields(node, pointer, ctx, base_of=self._base, plain=self._plain_fields,
                              resolve=self.resolve, diags=self.diags, file=self.file, redefine=self._redefines)
        return sub if sub is not None else self._plain_fields(node, pointer, ctx)

    def _base(self, member: JSON, pointer: str) -> NamedRef | None:
        """The named record an ``allOf`` member is, when it is a plain ``$ref`` to a config model of record
        shape (the request side's subclass base)."""
        if not self.subclasses or not isinstance(member, Mapping) or not isinstance(member.get("$ref"), str) \
                or not is_extension_free_ref(member):
            return None
        target_ptr, _ = self.resolve(member["$ref"], pointer)
        ref = self.named(target_ptr)
        return ref if isinstance(ref, NamedRef) and ref.shape == "object" else None

    def _plain_fields(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> tuple[list[Field], str | None]:
        merged = merge_object(node, pointer, self.resolve, self.diags, self.file)
        fields: list[Field] = []
        for prop, (ptr, schema) in merged.properties.items():
            required = prop in merged.required and not self._read_only(schema, ptr)
            fields.append(self.field(prop, schema, ptr, ctx.under(prop), required=required))
        keep_wire_names_on_collision(fields)
        note_allof_base(node, pointer, ctx.owner.definition, self.resolve, self.records, self.diags, self.file)
        for name in merged.required:
            if name not in merged.properties and merged.properties:
                self.diags.warning("required-undefined", f"required property {name!r} is not defined",
                                   file=self.file, pointer=merged.pointers[-1] if merged.pointers else pointer)
        return fields, merged.description

    def _read_only(self, schema: JSON, pointer: str) -> bool:
        """A ``readOnly`` property is sent by the server only: a request never has to carry it, so it is never
        ``Required`` in a params type (OpenAPI: "MAY be sent as part of a response but SHOULD NOT be sent as
        part of the request"; it may still be present, so the field stays)."""
        for _ in range(16):
            if not isinstance(schema, Mapping):
                return False
            if schema.get("readOnly") is True:
                return True
            if not isinstance(schema.get("$ref"), str):
                return False
            pointer, schema = self.resolve(schema["$ref"], pointer)
        return False

    def field(self, name: str, schema: JSON, pointer: str, ctx: Ctx, *, required: bool,
              location: str = "body") -> Field:
        t = self.to_type(schema, pointer, ctx)
        description = self.description(schema, pointer)
        # a `$ref` with a description beside it: that description is the class's docstring too (Llama Stack
        # `eval_candidate: {$ref: ModelCandidate, description: The candidate to evaluate}` → class EvalCandidate
        # """The candidate to evaluate""", not ModelCandidate's own "A model candidate for evaluation.")
        # (and a nullable one: `anyOf: [{$ref: ModerationConfigParam, description: The moderation policy for the
        # response output.}, null]` → chat/completion_create_params.py `ModerationPolicyOutput`'s docstring)
        wrapped = nullable_ref(schema) if isinstance(schema, Mapping) else None
        sibling = isinstance(schema, Mapping) and description_of(
            schema if isinstance(schema.get("$ref"), str) else wrapped[1] if wrapped else None) is not None
        self._inherit_class_doc(t, ctx.owner, description, override=sibling)
        py_name = python_key(name)
        deprecated = from_spec = False
        if isinstance(schema, Mapping):
            alt = schema.get("x-stainless-param")  # every SDK's name (openai-node `betas` too)
            if isinstance(alt, str) and alt:
                py_name = alt
            python_only = schema.get("x-typegen-python-name")  # a renameValue for Python: no wire name elsewhere
            if isinstance(python_only, str) and python_only:
                py_name, from_spec = python_only, True
            hinted = python_property_name(schema)
            if hinted is not None:
                py_name, from_spec = hinted, True
            deprecated = schema.get("deprecated") is True or deprecated_member(schema)
        return Field(name=py_name, wire_name=name, type=t, required=required, description=description,
                     deprecated=deprecated, location=location,  # type: ignore[arg-type]
                     pointer=pointer, name_from_spec=from_spec)

    @staticmethod
    def _inherit_class_doc(t: TypeNode, owner: DefNode, description: str | None, *, override: bool = False) -> None:
        """An inline class with no description of its own takes its field's (the ``description`` next to an
        ``anyOf: [X, null]`` or ``$ref`` wrapper documents both, as in the SDK)."""
        ref = strip_null(t)
        if description is None or not isinstance(ref, LocalRef):
            return
        for c in owner.children:
            d = c.definition
            if isinstance(d, ClassDef) and d.name == ref.name and (d.description is None or override):
                d.description = description

    def description(self, schema: JSON, pointer: str) -> str | None:
        return describe(schema, pointer, self.resolve)

    # ------------------------------------------------------------------------------------------ conversion
    def _convert(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> TypeNode:
        ref = node.get("$ref")
        if isinstance(ref, str) and "properties" not in node and "allOf" not in node:
            target_ptr, target = self.resolve(ref, pointer)
            return self.to_type(target, target_ptr, ctx)
        if "const" in node:
            return self._literal([node["const"]], pointer)
        enum = node.get("enum")
        if isinstance(enum, list) and enum:
            # a bare copy (no title or description of its own) of a named enum is that enum (not another named one)
            bare = "title" not in node and "description" not in node
            same = closest(self.named_enums.get(enum_key(enum) or (), []), self.module) if bare else None
            named = self.named(same) if same is not None and self.named(pointer) is None else None
            if named is not None:
                return named
            t = self._literal(enum, pointer)
            return t if bare or not isinstance(t, LiteralType) else dataclasses.replace(t, documented=True)
        for key in ("anyOf", "oneOf"):
            if isinstance(node.get(key), list) and "properties" not in node:
                return self._union(node[key], child(pointer, key), ctx, pointer)
        all_of = node.get("allOf")
        if isinstance(all_of, list) and "properties" not in node and "$ref" not in node:
            real = [i for i, m in enumerate(all_of) if not _untyped(m)]
            if len(real) == 1:  # `allOf: [X, {nullable: true}]`: X with annotations
                # one level deeper: `criteria: allOf: [allOf: [$ref criteria]]` is a cycle that must end
                t = self.to_type(all_of[real[0]], child(pointer, "allOf", real[0]), ctx.under())
                nullable = any(isinstance(m, Mapping) and m.get("nullable") is True for m in all_of)
                return make_nullable(t) if nullable else t
        types = type_list(node)
        non_null = [t for t in types if t != "null"]
        if len(non_null) > 1:
            members = tuple(self._typed(dict(node, type=t), pointer, ctx) for t in non_null)
            out: TypeNode = UnionType(members)
        elif non_null:
            out = self._typed(node, pointer, ctx, non_null[0])
        elif "properties" in node or "allOf" in node or "additionalProperties" in node or isinstance(ref, str):
            out = self._typed(node, pointer, ctx, "object")
        elif "items" in node:
            out = self._typed(node, pointer, ctx, "array")
        elif types == ["null"]:
            return NULL
        else:
            return Unknown()
        return make_nullable(out) if "null" in types else out

    def _typed(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx, kind: str | None = None) -> TypeNode:
        kind = kind or (type_list(node) or ["object"])[0]
        if kind == "array":
            items = node.get("items")
            if items is None and isinstance(node.get("prefixItems"), list):
                return ArrayType(UnionType(tuple(
                    self.to_type(s, child(pointer, "prefixItems", i), ctx.items())
                    for i, s in enumerate(node["prefixItems"])
                )))
            return ArrayType(self.to_type(items, child(pointer, "items"), ctx.items()) if items is not None
                             else Unknown())
        if kind == "object":
            return self._object(node, pointer, ctx)
        if kind == "string" and node.get("format") == "binary":
            return FileType()
        if kind == "string" and node.get("format") in ("date-time", "date"):
            return Temporal(node["format"])
        if kind in _PRIMITIVES:
            return Primitive(kind)  # type: ignore[arg-type]
        return Unknown()

    def _object(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> TypeNode:
        has_props = (isinstance(node.get("properties"), Mapping) and bool(node["properties"])) or "allOf" in node \
            or "$ref" in node
        if not has_props:
            # `additionalProperties: {schema}` -> Dict[str, T]; `true` / `{}` -> Dict[str, object]; a bare
            # `{type: object}` says nothing about its keys -> object (as the SDK writes them)
            ap = node.get("additionalProperties")
            if isinstance(ap, Mapping) and ap:
                # the values are named after the property itself, no `Item` segment (Llama Stack
                # `scoring_params: Dict[str, ScoringParams]`)
                values = Ctx(ctx.scope, ctx.path, ctx.owner, ctx.depth + 1)
                return MapType(self.to_type(ap, child(pointer, "additionalProperties"), values))
            return MapType(None) if ap is True or ap == {} else Unknown()
        scope = ctx.scope
        if pointer in scope.by_pointer:
            return LocalRef(scope.by_pointer[pointer])
        name = scope.claim(ctx.name() or "Model")
        scope.by_pointer[pointer] = name
        cls = ClassDef(name=name, fields=[], pointer=pointer, segment=ctx.path[-1] if ctx.path else "",
                       deprecated=node.get("deprecated") is True, open=is_open_object(node))
        dn = DefNode(cls)
        ctx.owner.children.append(dn)
        try:
            fields, description = self.object_fields(node, pointer, Ctx(scope, ctx.path, dn, ctx.depth + 1))
        finally:
            del scope.by_pointer[pointer]  # each use site gets its own class; only recursion reuses one
        cls.fields = sort_fields(fields)
        order_children(dn, cls.fields)
        cls.description = description
        if node.get("additionalProperties") is True or node.get("additionalProperties") == {}:
            cls.extra_items = Unknown()  # open to any other key (PEP 728)
        return LocalRef(name)

    def alias_type(self, node: JSON, pointer: str, ctx: Ctx) -> TypeNode:
        """The type of a named alias at the root of its module: a union's inline variants are named after the
        variant alone (``ctx.path`` is empty) and belong to the alias (``ctx.owner``). An alias that would be
        itself (``A: anyOf: [$ref A, null]``) is a cycle: a warning, and no type (``A = "A"`` resolves to
        nothing)."""
        t = self._alias_type(node, pointer, ctx)
        own = self.named(pointer)
        if own is not None and strip_null(t) == strip_null(own):
            self.diags.warning("alias-cycle", "this schema is only a reference to itself; it is typed as any value",
                               file=self.file, pointer=pointer)
            return Unknown()
        return t

    def _alias_type(self, node: JSON, pointer: str, ctx: Ctx) -> TypeNode:
        if isinstance(node, Mapping):
            for key in ("anyOf", "oneOf"):
                members = node.get(key)
                if isinstance(members, list) and "properties" not in node:
                    nullable = any(is_null_schema(m) for m in members) or node.get("nullable") is True
                    real = [(i, m) for i, m in enumerate(members) if not is_null_schema(m)]
                    if len(real) == 1 and isinstance(real[0][1], Mapping) and (
                            "anyOf" in real[0][1] or "oneOf" in real[0][1]):  # `anyOf: [oneOf: [...], null]`
                        inner = self._alias_type(real[0][1], child(pointer, key, real[0][0]), ctx)
                        return make_nullable(inner) if nullable else inner
                    variants = self._variants(members, child(pointer, key), ctx, ctx.owner)
                    if not variants:  # `anyOf: [null, null]`
                        return NULL
                    t: TypeNode = variants[0] if len(variants) == 1 else UnionType(tuple(variants))
                    return make_nullable(t) if nullable else t
            items = self._array_item_union(node, pointer, ctx)
            if items is not None:
                return items
        return self.to_type(node, pointer, ctx, top=True)

    def _array_item_union(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> TypeNode | None:
        """A module that is an array of a union (``List[X]``) defines the union ``X`` locally, as the SDK does
        (even when ``X`` is a named type elsewhere): named after the item's named type (variants unprefixed:
        responses/computer_action_list_param.py ``ComputerActionParam``, ``Click``... when the config names
        ``ComputerAction``), else ``<Module>Item`` with the module name's last word singular (variants
        prefixed): graders/grader_inputs_param.py ``GraderInputsParamItem``, ``GraderInputsParamItemOutputText``
        and its response twin ``GraderInputItem`` (``$ref EvalItemContentItem``, no model)."""
        items = node.get("items")
        if "items" not in node or not isinstance(items, Mapping) or not isinstance(ctx.owner.definition, AliasDef):
            return None
        items_ptr = child(pointer, "items")
        target_ptr, target = items_ptr, items
        path: tuple[str, ...]
        if isinstance(items.get("$ref"), str) and "properties" not in items:
            target_ptr, target = self.resolve(items["$ref"], items_ptr)
            named = self.named(target_ptr)
            if isinstance(named, NamedRef):
                wanted, path = named.name, ()
            else:
                wanted = naming.singular_last_word(ctx.owner.definition.name) + "Item"
                path = (wanted,)
        else:
            wanted = naming.singular_last_word(ctx.owner.definition.name) + "Item"
            path = (wanted,)
        if not isinstance(target, Mapping) or not any(isinstance(target.get(k), list) for k in ("anyOf", "oneOf")):
            return None
        alias_node = DefNode(AliasDef(name=ctx.scope.claim(wanted), type=Unknown(), pointer=target_ptr))
        t = self.alias_type(target, target_ptr, Ctx(ctx.scope, path, alias_node, ctx.depth + 1))
        union = strip_null(t)
        if not isinstance(union, UnionType) or (not alias_node.children and not _has_record(union)):
            ctx.scope.names.discard(alias_node.definition.name)
            return None  # a union of plain values stays inline
        assert isinstance(alias_node.definition, AliasDef)
        alias_node.definition.type = t
        ctx.owner.children.append(alias_node)
        return ArrayType(LocalRef(alias_node.definition.name))

    def _union(self, members: list[JSON], pointer: str, ctx: Ctx, owner_pointer: str) -> TypeNode:
        nullable = any(is_null_schema(m) for m in members)
        alias_node = DefNode(AliasDef(name="", type=Unknown(), pointer=owner_pointer))
        variants = self._variants(members, pointer, ctx, alias_node)
        if not variants:  # `anyOf: [null, null]`: nothing but null
            return NULL
        if Primitive("number") in variants and Primitive("integer") in variants:
            # `int` is a `float` already (PEP 484 numeric tower): the OpenAI SDK writes `Union[str, bool, float]`
            # for `anyOf: [string, integer, boolean, number]` (chatkit_workflow.py, chat_session_workflow_param.py)
            variants = [v for v in variants if v != Primitive("integer")]
        union: TypeNode = variants[0] if len(variants) == 1 else UnionType(tuple(variants))
        if isinstance(union, UnionType) and (any(isinstance(m, LocalRef) for m in flatten_union(union))
                                             or _has_record(union)):
            # a union of records (inline classes or named TypedDicts) is a named module-level alias; records
            # only inside a variant (`Union[str, Iterable[Part]]`) leave the union inline
            assert isinstance(alias_node.definition, AliasDef)
            alias_node.definition.name = ctx.scope.claim(ctx.name() or "Union")
            alias_node.definition.type = UnionType(flatten_union(union))
            ctx.owner.children.append(alias_node)
            union = LocalRef(alias_node.definition.name)
        elif alias_node.children:
            ctx.owner.children.extend(alias_node.children)
        return make_nullable(union) if nullable else union

    def _literal(self, values: list[JSON], pointer: str) -> TypeNode:
        return literal_type(values, pointer, self.diags, self.file)

