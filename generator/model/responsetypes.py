"""Schema → type tree for response models: the request side's :class:`TypeBuilder` with the additions a response
model needs (``../shared/docs/STYLE-RESPONSES.md``, R-numbers):

- ``allOf: [$ref Named, {...}]`` over a named record is a subclass listing only its own fields (R4.1); a field
  that redefines a base field with another type or requiredness is recorded (the target marks it), the class is
  documented by its base's description, and its nested classes carry its name;
- an object with both ``properties`` and ``additionalProperties`` keeps its extra keys, typed (R4.5);
- a union with a spec ``discriminator`` whose variants all carry that property as a one-value const records it
  (R6.1); its variants are named after their value of that property; a nullable union alias keeps ``None``;
- an ``allOf`` merged into one class is documented by its own description or its inline members' only, never by
  a ``$ref``'d member's (``responses/response_function_tool_call_output_item.py``, ``response_input_message_item.py``
  have no class docstring although ``FunctionToolCallOutput`` and ``InputMessage`` have descriptions);
- members that are themselves unnamed unions are flattened into the parent union (R6.2);
- a list of a named union is ``List[Named]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.load.document import unescape_token
from generator.load.resolver import RefError
from generator.load.schema import (
    child,
    discriminator_property,
    escape_pointer_token,
    follow_refs,
    is_extension_free_ref,
    is_null_schema,
    merge_object,
    nullable_pair,
    type_list,
)
from generator.model.ir import (
    AliasDef,
    ClassDef,
    LocalRef,
    NamedRef,
    Primitive,
    TypeNode,
    UnionType,
    Unknown,
    make_nullable,
    strip_null,
)
from generator.model.sdkrules import flat_members, non_null_member
from generator.model.typescope import Ctx, DefNode
from generator.model.typetree import TypeBuilder
from generator.model.variants import variant_hint
from generator.text import naming

JSON = Any


class ResponseTypes(TypeBuilder):
    """Schema → type tree for response models (see the module docstring for what differs)."""

    records: dict[str, NamedRef]  # canonical pointer -> response ref of the named records (subclass bases)
    _repeated: dict[str, list[TypeNode]]  # union pointer -> its variants, when one comes twice

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._repeated = {}
        self._redefines = True  # R4.1: a redefined field is marked `# type: ignore`

    def object_fields(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> tuple[list[Any], str | None]:
        """A subclass lists only its own fields (:mod:`generator.model.subclass`, R4.1); a merged ``allOf`` is
        documented by its inline members only."""
        definition = ctx.owner.definition
        plain = not (isinstance(definition, ClassDef) and definition.extends is not None)
        fields, doc = super().object_fields(node, pointer, ctx)
        members = node.get("allOf")
        subclassed = plain and isinstance(definition, ClassDef) and definition.extends is not None
        if not subclassed and isinstance(members, list) and not isinstance(node.get("description"), str):
            doc = _inline_description(members)
        return self._open(node, pointer, ctx, (fields, doc))

    def _open(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx,
              result: tuple[list[Any], str | None]) -> tuple[list[Any], str | None]:
        """An object with both ``properties`` and ``additionalProperties`` keeps the extra keys, typed (R4.5)."""
        definition = ctx.owner.definition
        if result[0] and isinstance(definition, ClassDef):
            extra = merge_object(node, pointer, self.resolve, self.diags, self.file).additional
            if extra is True or extra == {}:
                definition.extra_items = Unknown()
            elif isinstance(extra, Mapping):
                definition.extra_items = self.to_type(extra, child(pointer, "additionalProperties"),
                                                     ctx.under("additional_property"))
        return result

    def _base(self, member: JSON, pointer: str) -> NamedRef | None:
        if not isinstance(member, Mapping) or not isinstance(member.get("$ref"), str):
            return None
        if not is_extension_free_ref(member):
            return None
        target_ptr, _ = self.resolve(member["$ref"], pointer)
        if target_ptr not in self.records:
            return None
        ref = self.named(target_ptr)  # marks the base as used
        return ref if isinstance(ref, NamedRef) else None

    def _convert(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> TypeNode:
        t = super()._convert(node, pointer, ctx)
        alias = _local_alias(ctx.owner, strip_null(t))
        if alias is not None and alias.pointer == pointer:
            alias.discriminator = self.discriminator(node, pointer)
        return t

    def _union(self, members: list[JSON], pointer: str, ctx: Ctx, owner_pointer: str) -> TypeNode:
        """A nullable union alias keeps ``None`` as its last member (``Caller: TypeAlias = Union[CallerDirect,
        CallerProgram, None]``); its fields still say ``Optional[Caller]``."""
        t = super()._union(members, pointer, ctx, owner_pointer)
        core = strip_null(t)
        alias = _local_alias(ctx.owner, core)
        repeated = self._repeated.pop(pointer, None)
        if alias is not None and repeated is not None and isinstance(alias.type, UnionType) \
                and not any(isinstance(v, UnionType) for v in repeated):
            alias.type = UnionType(tuple(repeated))  # the repeated variant stays where the spec repeats it
        if alias is not None and core != t:
            alias.type = make_nullable(alias.type)
        return t

    def _typed(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx, kind: str | None = None) -> TypeNode:
        """``format: date`` is a plain ``str`` in a response model (R5.4: ``model.py`` ``shutdown_date:
        Optional[str]``); a request still takes ``Union[str, date]``."""
        if (kind or (type_list(node) or [""])[0]) == "string" and node.get("format") == "date":
            return Primitive("string")
        return super()._typed(node, pointer, ctx, kind)

    def description(self, schema: JSON, pointer: str) -> str | None:
        """``anyOf: [{$ref: Object, description}, null]`` without a description of its own is documented by the
        text beside the ``$ref`` (``video.py`` ``error``: "Error payload that explains why generation failed");
        the request side's rule (the target's text, STYLE D12) stays for everything else."""
        for key in ("anyOf", "oneOf"):
            pair = nullable_pair(schema.get(key)) if isinstance(schema, Mapping) and "description" not in schema \
                else None
            if pair is not None:
                ref = pair[1]
                text = ref.get("description") if isinstance(ref, Mapping) and "$ref" in ref else None
                if isinstance(text, str) and text.strip() and isinstance(ref, Mapping):
                    _, target = self.resolve(ref["$ref"], pointer)
                    if isinstance(target, Mapping) and ("properties" in target or target.get("type") == "object"):
                        return text
        return super().description(schema, pointer)

    def _variants(self, members: list[JSON], pointer: str, ctx: Ctx, owner: DefNode) -> list[TypeNode]:
        """Variants of a union with a spec ``discriminator`` are named after their value of that property
        (``object: organization.usage.completions.result`` → ``...OrganizationUsageCompletionsResult``,
        ``type: mcp`` → ``Mcp``), even a ``$ref`` variant with a title of its own (OpenAI's ``title: Token Usage``
        → ``UsageTokens`` in audio/transcription.py). A discriminator that spells its ``mapping`` is the
        exception: a variant the mapping points at is named after that schema (Llama Stack's ``uri:
        '#/components/schemas/URIDataSource'`` → ``SourceUriDataSource`` in beta/dataset_register_response.py,
        ``OpenAIResponseMessage-Output`` → ``OpenAIResponseMessageOutput`` in conversations/item_get_response.py,
        while its unmapped ``tool_calls`` union keeps ``ToolCallFunction``). The request side's rules name the
        others."""
        parent_ptr = pointer.rsplit("/", 1)[0]
        try:
            _, parent = self.resolve(parent_ptr, parent_ptr)
        except (KeyError, RefError):
            parent = None
        prop = discriminator_property(parent)
        if prop is not None and not all(is_null_schema(m) or self._may_carry(m, child(pointer, i), prop)
                                        for i, m in enumerate(members)):
            # a member with no such property (an enum): no tag names, as on the request side (variants.py;
            # OpenAI responses/response.py `ToolChoiceSpecificProgrammaticToolCallingParam` beside the enum
            # ToolChoiceOptions, not `ToolChoiceProgrammaticToolCalling`)
            prop = None
        saved, self._tag_property = getattr(self, "_tag_property", None), prop
        try:
            variants = super()._variants(members, pointer, ctx, owner)
        finally:
            self._tag_property = saved
        if len(set(variants)) < len(variants):
            self._repeated[pointer] = variants
        return variants

    def _may_carry(self, node: JSON, pointer: str, prop: str) -> bool:
        """Whether a variant may carry the discriminator property: an object that has it, or a composition."""
        _, node = follow_refs(node, pointer, self.resolve, 8)
        if not isinstance(node, Mapping):
            return False
        props = node.get("properties")
        return (isinstance(props, Mapping) and prop in props) or any(
            isinstance(node.get(k), list) for k in ("allOf", "anyOf", "oneOf"))

    def _mapped_name(self, member: JSON, pointer: str) -> str | None:
        """The schema name of a variant that the ``discriminator.mapping`` of the union listing it points at
        (also when that union was spliced into an outer one: ``Input`` of response_list_response.py)."""
        chain: list[str] = []
        node: JSON = member
        try:
            for _ in range(8):
                if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and "properties" not in node):
                    break
                chain.append(pointer)
                pointer, node = self.resolve(node["$ref"], pointer)
            if not pointer.startswith("#/components/schemas/") or pointer.count("/") != 3:
                return None
            for listed in chain:
                head, key, _ = [*listed.rsplit("/", 2), "", ""][:3]
                if key not in ("oneOf", "anyOf"):
                    continue
                _, union = self.resolve(head, head)
                disc = union.get("discriminator") if isinstance(union, Mapping) else None
                mapping = disc.get("mapping") if isinstance(disc, Mapping) else None
                for value in mapping.values() if isinstance(mapping, Mapping) else ():
                    if not isinstance(value, str):
                        continue
                    if not value.startswith("#"):  # OpenAPI allows a bare schema name: `cat: Cat`
                        value = "#/components/schemas/" + escape_pointer_token(value)
                    if self.resolve(value, head)[0] == pointer:
                        return unescape_token(pointer.rsplit("/", 1)[1])
        except (KeyError, RefError):
            return None
        return None

    def _repeat_key(self, member: JSON, pointer: str) -> str | None:
        """A union that lists one schema twice names one class and lists it twice (Llama Stack's ``input`` items
        repeat ``$ref OpenAIResponseMessage-Output``: ``InputOpenAIResponseMessageOutput`` comes twice in
        ``Input: TypeAlias = Union[...]`` of response_list_response.py, with one class)."""
        if not (isinstance(member, Mapping) and isinstance(member.get("$ref"), str)):
            return None
        try:
            return follow_refs(member, pointer, self.resolve, 8)[0]
        except (KeyError, RefError):
            return None

    def _kept(self, pointer: str) -> bool:
        return pointer in self.records

    def _variant_name(self, member: JSON, pointer: str, index: int, used: set[str], discriminated: bool) -> str:
        prop = getattr(self, "_tag_property", None)
        mapped = variant_hint(member, self._target(member, pointer)) or self._mapped_name(member, pointer)
        if mapped is not None:
            name = naming.pascal(mapped)
            if name and name not in used:
                used.add(name)
                return name
        if prop is not None:
            target = self._target(member, pointer)
            props = target.get("properties") if isinstance(target, Mapping) else None
            schema = props.get(prop) if isinstance(props, Mapping) else None
            tag = _const_value(schema)
            name = naming.pascal(tag) if tag is not None else ""
            if name and name not in used:
                used.add(name)
                return name
        return super()._variant_name(member, pointer, index, used, discriminated)

    def _array_item_union(self, node: Mapping[str, JSON], pointer: str, ctx: Ctx) -> TypeNode | None:
        """A list of a named union is ``List[Named]`` in a response module (``ResponseInput: TypeAlias =
        List[ResponseInputItem]``): only an unnamed item union is defined locally."""
        items = node.get("items")
        target_ptr = child(pointer, "items")
        if isinstance(items, Mapping) and isinstance(items.get("$ref"), str) and "properties" not in items:
            target_ptr, _ = self.resolve(items["$ref"], target_ptr)
        if target_ptr in self.records or self.named(target_ptr) is not None:
            return None
        return super()._array_item_union(node, pointer, ctx)

    def discriminator(self, node: JSON, pointer: str) -> str | None:
        """``discriminator.propertyName`` of a union whose non-null variants all carry that property as a
        one-value const (R6.1: otherwise the SDK writes a plain ``Union``)."""
        if not isinstance(node, Mapping):
            return None
        for key in ("anyOf", "oneOf"):  # `anyOf: [<discriminated union>, null]`
            members = node.get(key)
            if "discriminator" not in node and isinstance(members, list):
                real = [(i, m) for i, m in enumerate(members) if not is_null_schema(m)]
                if len(real) == 1 and len(members) > 1:
                    ptr, target = child(pointer, key, real[0][0]), real[0][1]
                    if isinstance(target, Mapping) and isinstance(target.get("$ref"), str):
                        ptr, target = self.resolve(target["$ref"], ptr)
                    return self.discriminator(target, ptr)
        prop = discriminator_property(node)
        if prop is None:
            return None
        for key in ("oneOf", "anyOf"):
            members = node.get(key)
            if isinstance(members, list) and members:
                # over the variants as written: a sub-union discriminated by the same property is spliced
                # (variants.py `_flatten`; responses/response_input_item.py lists `Item`'s variants)
                flat = flat_members(self._flatten(members, child(pointer, key)), child(pointer, key))
                ok = all(self._const_property(m, ptr, prop) for ptr, m in flat)
                return prop if ok else None
        return None

    def _const_property(self, member: JSON, pointer: str, prop: str) -> bool:
        if not isinstance(member, Mapping):
            return False
        merged = merge_object(member, pointer, self.resolve, self.diags, self.file)
        entry = merged.properties.get(prop)
        schema = entry[1] if entry else None
        if not isinstance(schema, Mapping):
            return False
        # a nullable const counts (response_input_item.py: `ItemReference`'s `type: Optional[Literal[
        # "item_reference"]]` in a discriminated union)
        schema = (non_null_member(schema, pointer) or (pointer, schema))[1]
        enum = schema.get("enum")
        return "const" in schema or (isinstance(enum, list) and len(enum) == 1)



def _const_value(schema: JSON) -> str | None:
    if not isinstance(schema, Mapping):
        return None
    enum = schema.get("enum")
    value = schema.get("const", enum[0] if isinstance(enum, list) and len(enum) == 1 else None)
    return value if isinstance(value, str) else None


def _local_alias(owner: DefNode, t: TypeNode) -> AliasDef | None:
    if isinstance(t, LocalRef):
        for c in owner.children:
            if isinstance(c.definition, AliasDef) and c.definition.name == t.name:
                return c.definition
    return None


def _inline_description(members: list[JSON]) -> str | None:
    """The description an ``allOf`` takes from its members: the last inline (not ``$ref``) member's."""
    found = None
    for member in members:
        if isinstance(member, Mapping) and "$ref" not in member and isinstance(member.get("description"), str):
            found = member["description"]
    return found
