"""Union variants of the type tree: which members a union has (unnamed sub-unions spliced in) and what each
variant is called (its ``type`` tag in a discriminated union, else its own title, component name, title...).
A mixin of :class:`~generator.model.typetree.TypeBuilder`, kept apart to keep that module small."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from generator.load.schema import (
    Resolve,
    child,
    discriminator_property,
    follow_refs,
    is_component_schema,
    is_extension_free_ref,
    is_null_schema,
)
from generator.model.ir import TypeNode
from generator.model.openenums import is_string_union, open_enum
from generator.model.sdkrules import explicit_tags, flat_members, merge_literals, note_variant_site, tag_name
from generator.model.typescope import Ctx, DefNode, _type_const
from generator.text import naming

JSON = Any


def union_members(node: JSON, discriminated_by: str | None = None) -> tuple[str, list[JSON]] | None:
    """The members of an unnamed union schema (no properties) and their key. A union with a spec
    ``discriminator`` has them only for a parent union discriminated by the same property
    (``discriminated_by``): see :meth:`UnionVariants._flatten`."""
    if isinstance(node, Mapping) and "properties" not in node and (
            "discriminator" not in node or discriminator_property(node) == (discriminated_by or object())):
        for key in ("anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                return key, node[key]
    return None


def variant_hint(member: JSON, target: JSON) -> str | None:
    """The spec's own name for a union variant, beside the ``$ref`` or on the schema; it comes before every
    other candidate on both sides (OpenAI beta/assistant_stream_event.py: ``$ref ErrorEvent`` +
    ``x-stainless-variantName: error_event`` → ``ErrorEvent``, where the ``event`` tag would give ``Error``)."""
    for holder in (member, target):
        hint = holder.get("x-stainless-variantName") if isinstance(holder, Mapping) else None
        if isinstance(hint, str) and hint.strip():
            return hint
    return None


class UnionVariants:
    """The variant half of the type builder; the attributes are the builder's."""

    resolve: Resolve
    named: Callable[[str], TypeNode | None]
    _deep_tags: bool

    if TYPE_CHECKING:
        def to_type(self, node: JSON, pointer: str, ctx: Ctx, *, top: bool = False) -> TypeNode: ...

    def _kept(self, pointer: str) -> bool:
        """Whether a union schema stays one variant of a union it is a member of (see :meth:`_flatten`)."""
        return False

    def _flatten(self, members: list[JSON], pointer: str, depth: int = 0, disc: str | None = None,
                 spliced: set[str] | None = None) -> list[JSON]:
        """Members that are themselves unnamed unions (``anyOf: [$ref EvalItemContentItem (anyOf [...]),
        $ref GraderInputs]``) contribute their members, on both sides: STYLE-RESPONSES R6.2, and the request's
        eval_create_params.py ``TestingCriterionLabelModelInputEvalItemContent = Union[str,
        ResponseInputTextParam, ...OutputText, ...InputImage, ResponseInputAudioParam, GraderInputsParam]``
        (three ``graders/*_param.py`` modules likewise). A named model stays one variant, unless it is a union of
        strings (:func:`openenums.is_string_union`). Each flattened member becomes a ``$ref`` to its own pointer,
        so its name and named-model lookups are those of the original schema. An unnamed union of strings holding
        a union is an open enum instead (:func:`openenums.open_enum`)."""
        out: list[JSON] = []
        if depth == 0:
            try:
                disc = discriminator_property(self.resolve(pointer.rsplit("/", 1)[0], pointer)[1])
            except KeyError:  # RefError is one
                disc = None
        if depth == 0 and self.named(pointer.rsplit("/", 1)[0]) is None:
            replaced = open_enum(members, pointer, self.resolve)
            if replaced is not None:
                return replaced
        for i, m in enumerate(members):
            ptr, target = child(pointer, i), m
            if isinstance(m, Mapping) and isinstance(m.get("$ref"), str) and is_extension_free_ref(
                    {k: v for k, v in m.items() if k != "type"}):
                ptr, target = self.resolve(m["$ref"], ptr)
            inner = union_members(target, disc)
            final_ptr, final = follow_refs(target, ptr, self.resolve)
            if union_members(final, disc) is not None:
                # a sub-union met again adds nothing: taking each once keeps a union of unions linear (hostile
                # specs fan out: `U0 = anyOf: [$ref U1, $ref U1, ...]`, `U1 = anyOf: [$ref U2, ...]`, ...)
                spliced = set() if spliced is None else spliced
                if final_ptr in spliced:
                    continue
                spliced.add(final_ptr)
            kept = self.named(ptr) is not None and not is_string_union(target, ptr, self.resolve)
            if inner is None or depth > 8 or kept or self._kept(ptr):
                out.append(m)
                continue
            key, items = inner
            wrapped = [x if is_null_schema(x) else {"$ref": child(ptr, key, j)} for j, x in enumerate(items)]
            out.extend(self._flatten(wrapped, child(ptr, key), depth + 1, disc, spliced))
        return out

    def _variants(self, members: list[JSON], pointer: str, ctx: Ctx, owner: DefNode) -> list[TypeNode]:
        indexed = flat_members(self._flatten(members, pointer), pointer)
        if len(indexed) == 1:
            ptr, m = indexed[0]
            return [self.to_type(m, ptr, ctx)]
        parent_ptr = pointer.rsplit("/", 1)[0]
        try:
            _, parent = self.resolve(parent_ptr, parent_ptr)
        except KeyError:  # RefError is one
            parent = None
        disc = parent.get("discriminator") if isinstance(parent, Mapping) else None
        saved, self._deep_tags = self._deep_tags, isinstance(disc, Mapping)
        try:
            # a discriminator that spells its `mapping` names its variants after their schemas, as on the response
            # side (responsetypes.py): the Llama Stack `OpenAIResponseTool` union (2026-04 SDK
            # `ToolOpenAIResponseInputToolFileSearch`, the variant titles say the same)
            return self._named_variants(indexed, pointer, ctx, owner,
                                        tags=not (isinstance(disc, Mapping) and "mapping" in disc))
        finally:
            self._deep_tags = saved

    def _named_variants(self, indexed: list[tuple[str, JSON]], pointer: str, ctx: Ctx, owner: DefNode, *,
                        tags: bool = True) -> list[TypeNode]:
        used: set[str] = set()
        out: list[TypeNode] = []
        seen: dict[str, TypeNode] = {}
        # a spec `discriminator` over objects that all carry `type` (its values one or several: OpenAI `Tool`'s
        # WebSearchTool has two): each variant with a one-value tag is named by it (tool_param.py `Mcp`); a union
        # with a member that is no such object is not (response_create_params.py `ToolChoice` lists the enum
        # ToolChoiceOptions: `ToolChoiceSpecificProgrammaticToolCallingParam`, not `...ProgrammaticToolCalling`)
        discriminated = tags and self._deep_tags and all(self._carries_tag(m, ptr) for ptr, m in indexed)
        # the name both OpenAI SDKs give (`sdk_segment`, read by the TypeScript target: sdkrules.explicit_tags)
        sdk_tags, sdk_used = explicit_tags(pointer, indexed, self.resolve), set[str]()
        for n, (ptr, m) in enumerate(indexed):
            key = self._repeat_key(m, ptr)
            if key is not None and key in seen:
                out.append(seen[key])
                continue
            # a variant that is a named model is written by its own name and claims none of the union's
            # (response_input_item_param.py: `EasyInputMessageParam` beside the spliced `Message`, both tagged
            # `message`)
            named = self._is_named(m, ptr)
            suffix = self._variant_name(m, ptr, n, set(used) if named else used, discriminated)
            vctx = Ctx(ctx.scope, (*ctx.path, suffix), owner, ctx.depth + 1)
            out.append(self.to_type(m, ptr, vctx))
            taken = set(sdk_used) if named else sdk_used
            sdk = (sdk_tags and tag_name(m, ptr, self.resolve, taken)) or self._variant_name(m, ptr, n, taken,
                                                                                            sdk_tags)
            note_variant_site(m, out[-1], [c.definition for c in owner.children], sdk)
            if key is not None:
                seen[key] = out[-1]
        return merge_literals(out)

    def _is_named(self, member: JSON, pointer: str) -> bool:
        return self.named(follow_refs(member, pointer, self.resolve, 8)[0]) is not None

    def _repeat_key(self, member: JSON, pointer: str) -> str | None:
        """A key under which a variant that comes back in the same union reuses the first one's type (no key on
        the request side: every variant is its own)."""
        return None

    def _variant_name(self, member: JSON, pointer: str, index: int, used: set[str], discriminated: bool) -> str:
        target = member
        # a `$ref` variant's own title (beside the `$ref`) names it before anything else: Llama Stack writes
        # `- $ref: '#/components/schemas/LLMAsJudgeScoringFnParams'` + `title: LLMAsJudgeScoringFnParams` and its SDK
        # names the variant `...LlmAsJudgeScoringFnParams`, not after its `type` tag; OpenAI's bare `$ref`
        # variants keep their tag names (`Click`, `DoubleClick` in beta_computer_action_param.py)
        own_title = member.get("title") if isinstance(member, Mapping) and isinstance(member.get("$ref"), str) else None
        pointer, target = follow_refs(target, pointer, self.resolve, 8)
        candidates: list[str] = []
        hint = variant_hint(member, target)
        if hint is not None:
            candidates.append(hint)
        # variants of a union discriminated by a const `type` are named by that value (STYLE R3.2) when the
        # union says so with a spec `discriminator` (`_deep_tags`); others by their title, then their component
        # name. Without the keyword the OpenAI SDK keeps the titles although every variant has a `type` const:
        # evals/run_create_params.py `DataSourceCreateEvalResponsesRunDataSource` (not `DataSourceResponses`),
        # eval_list_response.py `TestingCriterionEvalGraderPython`, beta/threads/message.py; Llama Stack 2026-04
        # likewise (`...OpenAIResponseOutputMessageWebSearchToolCall` in response_create_params.py)
        tag = self._tag(target, pointer)
        if isinstance(own_title, str):
            candidates.append(own_title)
        if tag is not None and discriminated:
            candidates.append(tag)
        if isinstance(target, Mapping) and isinstance(target.get("title"), str):
            candidates.append(target["title"])
        if is_component_schema(pointer):
            candidates.append(pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~"))
        if tag is not None:
            candidates.append(tag)
        props = target.get("properties") if isinstance(target, Mapping) else None
        if isinstance(props, Mapping) and len(props) == 1:  # an untitled one-key record: by its key (`VoiceID`)
            candidates.append(next(iter(props)))
        for c in candidates:
            name = naming.pascal(c)
            if name and name not in used:
                used.add(name)
                return name
        name = f"UnionMember{index}"
        used.add(name)
        return name

    def _carries_tag(self, node: JSON, pointer: str, depth: int = 0) -> bool:
        """Whether a variant is an object with a ``type`` property (any values; through ``allOf``)."""
        pointer, node = follow_refs(node, pointer, self.resolve, 8)
        if not isinstance(node, Mapping):
            return False
        props = node.get("properties")
        if isinstance(props, Mapping) and isinstance(props.get("type"), Mapping):
            return True
        members = node.get("allOf")
        return isinstance(members, list) and depth < 8 and any(
            self._carries_tag(m, child(pointer, "allOf", i), depth + 1) for i, m in enumerate(members))

    def _tag(self, node: JSON, pointer: str, depth: int = 0) -> str | None:
        """The const ``type`` tag of a variant; in a union with a spec ``discriminator`` also one that comes from
        an ``allOf`` member. The OpenAI SDK names ``EvalGraderPython`` (``allOf: [$ref GraderPython,
        {pass_threshold}]``, ``type: python`` in the base) by its tag in the request's discriminated
        ``testing_criteria`` union, like its other variants (eval_create_params.py ``TestingCriterionPython``,
        ``TestingCriterionLabelModel``), while the same variants of the response's union without a
        ``discriminator`` keep their schema names (eval_list_response.py ``TestingCriterionEvalGraderPython``)."""
        pointer, node = follow_refs(node, pointer, self.resolve, 8)
        tag = _type_const(node)
        members = node.get("allOf") if isinstance(node, Mapping) else None
        if tag is None and self._deep_tags and isinstance(members, list) and depth < 8:
            for i, m in enumerate(members):
                tag = self._tag(m, child(pointer, "allOf", i), depth + 1)
                if tag is not None:
                    break
        return tag

    def _target(self, node: JSON, pointer: str) -> JSON:
        return follow_refs(node, pointer, self.resolve, 8)[1]
