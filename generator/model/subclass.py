"""``allOf: [$ref Named, {...}]`` over a named record is a subclass of it listing only its own fields, on both
sides: STYLE-RESPONSES R4.1 (``class TestingCriterionEvalGraderPython(PythonGrader)`` in eval_list_response.py)
and the request side (``class TestingCriterionPython(PythonGraderParam, total=False)`` with only
``pass_threshold`` in eval_create_params.py). A field that redefines a base field with another type or
requiredness is recorded (the target marks it), the class is documented by its base's description, and its
nested classes carry its name. Which ``$ref`` is such a base is the builder's ``_base`` (the request side: a
config model of record shape; the response side: a named record's response model)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.schema import Resolve, child, merge_object
from generator.model.ir import ClassDef, Field, NamedRef
from generator.model.typescope import Ctx

JSON = Any
Fields = tuple[list[Field], str | None]


def subclass_fields(node: Mapping[str, JSON], pointer: str, ctx: Ctx, *,
                    base_of: Callable[[JSON, str], NamedRef | None],
                    plain: Callable[[Mapping[str, JSON], str, Ctx], Fields],
                    resolve: Resolve, diags: Diagnostics, file: str, redefine: bool = True) -> Fields | None:
    """The own fields and description of a subclass (``ctx.owner`` gets its base), or None when ``node`` extends
    no named record. The base member is blanked (indices kept, so every other pointer stays what the config
    may name). Without ``redefine`` (a TypedDict cannot redefine a key of its base: mypy rejects Mistral's
    ``ConversationRequest`` = ``allOf: [$ref ConversationRequestBase, {stream: ...}]`` over a base with its own
    ``stream``) a record that redefines a base property is not a subclass."""
    members = node.get("allOf")
    definition = ctx.owner.definition
    if not (isinstance(members, list) and isinstance(definition, ClassDef) and definition.extends is None):
        return None
    for i, member in enumerate(members):
        if not (isinstance(member, Mapping) and isinstance(member.get("$ref"), str)):
            continue
        blanked = [m if j != i else {} for j, m in enumerate(members)]
        if not redefine:  # checked before `base_of`, which marks the base as used
            quiet = Diagnostics()
            own = merge_object({**node, "allOf": blanked}, pointer, resolve, quiet, file).properties
            if set(own) & set(merge_object(member, child(pointer, "allOf", i), resolve, quiet, file).properties):
                continue
        base = base_of(member, child(pointer, "allOf", i))
        if base is None:
            continue
        definition.extends = base
        if not ctx.path:  # the nested classes of a subclass carry its name (`ChatCompletionStoreMessage
            ctx = Ctx(ctx.scope, (definition.name,), ctx.owner, ctx.depth)  # ContentPart`)
        fields, own_doc = plain({**node, "allOf": blanked}, pointer, ctx)
        inherited = merge_object(member, child(pointer, "allOf", i), resolve, diags, file)
        # a field the base has with another type or requiredness overrides it (`id: str` over
        # `id: Optional[str]`); the subclass is documented by its base's description
        definition.overrides = tuple(
            f.wire_name for f in fields if f.wire_name in inherited.properties and (
                (f.wire_name in inherited.required) != f.required
                or _core(inherited.properties[f.wire_name][1]) != _core(node_property(node, f.wire_name))))
        return fields, inherited.description or own_doc
    return None


def _core(schema: JSON) -> JSON:
    if isinstance(schema, Mapping):
        return {k: v for k, v in schema.items() if k not in ("description", "title", "example", "examples")}
    return schema


def node_property(node: Mapping[str, JSON], name: str) -> JSON:
    """The schema of property ``name`` in an object or its inline ``allOf`` members (not through refs)."""
    props = node.get("properties")
    if isinstance(props, Mapping) and name in props:
        return props[name]
    for m in node.get("allOf") or ():
        if isinstance(m, Mapping) and "$ref" not in m:
            found = node_property(m, name)
            if found is not None:
                return found
    return None
