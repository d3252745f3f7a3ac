"""Small schema-to-model rules measured on other teams' SDKs (Llama Stack 2026-04, OneBusAway) besides the OpenAI
one: dict keys for non-snake_case wire names, literal unions, inline sub-unions and nullable `$ref` wrappers.
Pure functions, used by :mod:`generator.model.typetree`; each documents what it decides and the evidence."""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.schema import (
    Resolve,
    child,
    description_of,
    follow_refs,
    is_null_schema,
    merge_object,
    nullable_pair,
)
from generator.model.ir import ClassDef, Definition, Field, LiteralType, LiteralValue, LocalRef, NamedRef, TypeNode
from generator.model.typescope import _annotation_only, _type_const
from generator.text import naming

JSON = Any


def python_key(wire: str) -> str:
    """The dict key of a property or parameter: a camelCase wire name gets its snake_case form, sent under the
    wire name as an alias; words split at case changes, a run of capitals is one word (OneBusAway:
    ``minutesAfter`` → ``minutes_after``, ``stopID`` → ``stop_id``, ``tripId`` → ``trip_id``; 17 of 17 params
    modules). A name that is snake_case already, or not an identifier at all (``@odata.etag``: written in the
    functional syntax under its wire name), stays as it is."""
    if not wire.isidentifier() or not wire.isascii():
        return wire
    key = naming.snake(wire)
    if key == wire or not key.isidentifier() or keyword.iskeyword(key) or key.startswith("__"):
        return wire
    return key


def keep_wire_names_on_collision(fields: list[Field]) -> None:
    """Two properties whose snake_case keys coincide (``fooBar`` and ``foo_bar``) both keep their wire names:
    one dict cannot hold the same key twice."""
    counts: dict[str, int] = {}
    for f in fields:
        counts[f.name] = counts.get(f.name, 0) + 1
    for f in fields:
        if counts[f.name] > 1 and f.aliased:
            f.name = f.wire_name


def flat_members(members: list[JSON], pointer: str, depth: int = 0) -> list[tuple[str, JSON]]:
    """The non-null members of a union, with inline sub-unions spliced in: ``anyOf: [string, oneOf: [A, B],
    array]`` has the variants ``str, A, B, array``, all named at one level (Llama Stack ``Content: TypeAlias =
    Union[str, ContentImageContentItemInput, ContentTextContentItem, Iterable[...]]`` in system_message.py,
    where we wrote a nested ``ContentImageContentItemInputTextContentItem`` union). A sub-union that is a
    ``$ref``, has properties, or is nullable itself stays one variant."""
    out: list[tuple[str, JSON]] = []
    for i, m in enumerate(members):
        if is_null_schema(m):
            continue
        ptr = child(pointer, i)
        key = next((k for k in ("oneOf", "anyOf") if isinstance(m, Mapping) and isinstance(m.get(k), list)), None)
        if key is not None and depth < 8 and not any(k in m for k in ("$ref", "properties", "allOf", "nullable")) \
                and not any(is_null_schema(s) for s in m[key]):
            out.extend(flat_members(m[key], child(ptr, key), depth + 1))
        else:
            out.append((ptr, m))
    return out


def merge_literals(variants: list[TypeNode]) -> list[TypeNode]:
    """``anyOf: [{enum: [a]}, {enum: [b]}, {const: c}]`` is one ``Literal[a, b, c]`` at the first literal's place,
    other members keep theirs (Llama Stack ``role: Required[Literal["system", "developer", "user",
    "assistant"]]``, ``detail: Literal["low", "high", "auto"]``, where we wrote a Union of one-value Literals)."""
    literals = [v for v in variants if isinstance(v, LiteralType)]
    if len(literals) < 2:
        return variants
    values: list[LiteralValue] = []
    for lit in literals:
        values.extend(v for v in lit.values if not any(type(v) is type(w) and v == w for w in values))
    out: list[TypeNode] = []
    for v in variants:
        if v is literals[0]:
            out.append(LiteralType(tuple(values)))
        elif not isinstance(v, LiteralType):
            out.append(v)
    return out


def nullable_ref(schema: Mapping[str, JSON]) -> tuple[str, Mapping[str, JSON]] | None:
    """``anyOf: [{$ref: X}, null]`` (or ``oneOf``), or ``allOf: [{$ref: X}]``: the relative pointer and the ``$ref``
    member, else None. Such a wrapper is documented by X's own description, not by the wrapper's (Llama Stack
    ``system_message`` says "A system message providing instructions..." from ``SystemMessage``, not its
    wrapper's "The system message..."; OpenAI ``image_edit_params.input_fidelity`` likewise, and
    ``realtime/call_create_params.session``, an ``allOf`` wrapper: "Realtime session object configuration.")."""
    members = schema.get("allOf")
    if isinstance(members, list) and len(members) == 1 and isinstance(members[0], Mapping) \
            and isinstance(members[0].get("$ref"), str):
        return "allOf/0", members[0]
    for key in ("anyOf", "oneOf"):
        members = schema.get(key)
        pair = nullable_pair(members)
        if pair is not None and isinstance(pair[1], Mapping) and isinstance(pair[1].get("$ref"), str):
            return f"{key}/{pair[0]}", pair[1]
        # the OpenAPI 3.0 spelling `{nullable: true, anyOf: [{$ref: X}]}` is the same wrapper (chat
        # completion_create_params.py `prediction`: "Static predicted output content, ...", X's own text, not
        # the wrapper's "Configuration for a [Predicted Output]...")
        if isinstance(members, list) and len(members) == 1 and schema.get("nullable") is True \
                and isinstance(members[0], Mapping) and isinstance(members[0].get("$ref"), str):
            return f"{key}/0", members[0]
    return None


def python_property_name(schema: Mapping[str, JSON]) -> str | None:
    """The Python attribute a property's schema names for itself: ``x-stainless-naming: {python:
    {property_name: run_model_name}}`` (OpenAI evals ``per_model_usage[].model_name`` is ``run_model_name`` in
    evals/run_*_response.py, where the ``model_`` rule would give ``api_model_name``). Only a valid identifier
    that is no keyword counts."""
    naming_ = schema.get("x-stainless-naming")
    python = naming_.get("python") if isinstance(naming_, Mapping) else None
    name = python.get("property_name") if isinstance(python, Mapping) else None
    if isinstance(name, str) and name.isascii() and name.isidentifier() and not keyword.iskeyword(name) \
            and not name.startswith("__"):
        return name
    return None


def _wrapped_doc(ref: Mapping[str, JSON], target: JSON, target_ptr: str, resolve: Resolve, depth: int,
                 visited: set[tuple[str, bool]]) -> str | None:
    """The documentation of a nullable ``$ref`` wrapper ``anyOf: [{$ref: X, description: S}, null]``, in this
    order: the description of X's only non-null member when X is itself such a wrapper (evals
    run_create_params.py ``reasoning_effort``: ``ReasoningEffort`` is ``anyOf: [{enum, description: Constrains
    effort...}, null]`` and that text wins over S), then S (responses ``FunctionShellCallItemParam.status``:
    "The status of the shell call...", not ``FunctionShellCallItemStatus``'s "Status values reported for shell
    tool calls."; ``reasoning`` and ``tool_choice`` in input_token_count_params.py likewise), then X's own or
    its only member's (Llama Stack ``system_message``, which has no S)."""
    if isinstance(target, Mapping):
        for key in ("anyOf", "oneOf"):
            members = target.get(key)
            if isinstance(members, list):
                non_null = [m for m in members if not is_null_schema(m) and not _annotation_only(m)]
                if len(non_null) == 1 and len(non_null) < len(members):
                    found = description_of(non_null[0])
                    if found is not None:
                        return found
    sibling = description_of(ref)
    if sibling is not None:
        return sibling
    return describe(target, target_ptr, resolve, depth + 1, unions=False, visited=visited)


def describe(schema: JSON, pointer: str, resolve: Resolve, depth: int = 0, *, unions: bool = True,
             visited: set[tuple[str, bool]] | None = None) -> str | None:
    """A property's own description; else that of the schema it references; else, for an
    ``anyOf: [X, null]`` wrapper, that of the non-null branch (STYLE D12), which wins over the wrapper's own
    when X is a ``$ref`` (:func:`nullable_ref`) and X has a description, its own or its only non-null
    member's (OpenAI evals/run_create_params.py ``reasoning_effort``: ``anyOf: [{$ref ReasoningEffort,
    description: Optional reasoning effort parameter...}, null]`` is documented by ``ReasoningEffort``'s
    ``anyOf: [{enum, description: Constrains effort...}, null]``; ``filters: anyOf: [{$ref Filters,
    description: A filter to apply.}, null]`` keeps its own, ``Filters`` being a union without one:
    responses/file_search_tool_param.py); for a union (with ``unions``), that of the first variant that has
    one (Llama Stack ``content: anyOf: [string, oneOf: [ImageContentItem, ...]]``: "A image content item")."""
    seen = 0
    # every schema is looked at once per search: met again, it had no description the first time, or it is a
    # cycle (`criteria: allOf: [allOf: [$ref criteria]]`); hostile unions of unions fan out, and a search that
    # looked twice would take exponential time
    visited = set() if visited is None else visited
    while isinstance(schema, Mapping) and seen < 32:
        seen += 1
        if (pointer, unions) in visited:
            return None
        visited.add((pointer, unions))
        wrapped = nullable_ref(schema)
        if wrapped is not None:
            target_ptr, target = resolve(wrapped[1]["$ref"], child(pointer, *wrapped[0].split("/")))
            found = _wrapped_doc(wrapped[1], target, target_ptr, resolve, depth, visited) if depth < 8 else None
            if found is not None:
                return found
        own = description_of(schema)
        if own is not None:
            return own
        if isinstance(schema.get("$ref"), str):
            pointer, schema = resolve(schema["$ref"], pointer)
            continue
        for key in ("anyOf", "oneOf", "allOf"):
            members = schema.get(key)
            if isinstance(members, list):
                non_null = [m for m in members if not is_null_schema(m) and not _annotation_only(m)]
                if len(non_null) > 1 and key != "allOf":  # a union: its first documented variant's
                    if depth > 8 or not unions:
                        return None
                    return next((d for m in non_null if (d := describe(
                        m, child(pointer, key, members.index(m)), resolve, depth + 1, visited=visited)) is not None),
                        None)
                if len(non_null) == 1:
                    pointer, schema = child(pointer, key, members.index(non_null[0])), non_null[0]
                    break
        else:
            return None
    return None


def enum_key(values: JSON) -> tuple[tuple[str, JSON], ...] | None:
    """A hashable key for an enum's values in order (None for an empty or unhashable one). An inline enum with
    the same values as a config-named enum model is that model: the OpenAI SDK writes ``List[RunStepInclude]`` in
    step_retrieve_params.py, ``Required[FilePurpose]`` in upload_create_params.py, where the spec repeats the
    named schema's enum inline."""
    if not isinstance(values, list) or not values or not all(isinstance(v, str | int | float | bool) for v in values):
        return None
    return tuple((type(v).__name__, v) for v in values)


def non_null_member(node: JSON, pointer: str) -> tuple[str, JSON] | None:
    """The one non-null member of ``anyOf: [X, null]`` (or ``oneOf``) written inline, with its pointer; None for
    anything else. A named record whose schema is such a wrapper is X's record, nullable at its use sites (OpenAI
    ``ChatCompletionStreamOptions`` and ``Prompt``: the SDK's classes have X's fields and docstring)."""
    if not isinstance(node, Mapping) or "properties" in node:
        return None
    for key in ("anyOf", "oneOf"):
        members = node.get(key)
        if isinstance(members, list):
            real = [(i, m) for i, m in enumerate(members) if not is_null_schema(m)]
            if len(real) == 1 and len(real) < len(members) and isinstance(real[0][1], Mapping) \
                    and "$ref" not in real[0][1]:
                return child(pointer, key, real[0][0]), real[0][1]
    return None


def closest(candidates: list[tuple[tuple[str, ...], str]], module: tuple[str, ...]) -> str | None:
    """The pointer of the candidate whose module shares the most folders with ``module`` (the first on a tie):
    OpenAI's ImageDetail and BetaImageDetail have the same values, responses/ modules use the first and beta/
    modules the second."""
    def shared(path: tuple[str, ...]) -> int:
        n = 0
        while n < min(len(path), len(module)) - 1 and path[n] == module[n]:
            n += 1
        return n
    best = max(candidates, key=lambda c: shared(c[0]), default=None)
    return best[1] if best is not None else None


def deprecated_member(schema: Mapping[str, JSON]) -> bool:
    """``anyOf: [X, null]`` (or ``oneOf``) whose one non-null member says ``deprecated: true``: the property is
    deprecated, as when it says so itself (the member carries the description too). openai-node writes
    ``@deprecated`` on ``Reasoning.generate_summary`` (``anyOf: [{type: string, deprecated: true, description:
    "**Deprecated:** use `summary` instead. ..."}, null]``, ``responses/input-tokens.ts``) and on
    ``ResponseCompactParams.prompt_cache_retention`` (``anyOf: [{$ref: ..., deprecated: true}, null]``)."""
    for key in ("anyOf", "oneOf"):
        members = schema.get(key)
        if isinstance(members, list):
            real = [m for m in members if not is_null_schema(m)]
            return len(real) == 1 and len(real) < len(members) and isinstance(real[0], Mapping) \
                and real[0].get("deprecated") is True
    return False


def note_variant_site(member: JSON, t: TypeNode, definitions: list[Definition], sdk_segment: str) -> None:
    """What a union variant's nested class carries besides its name: its description is D for a
    variant written ``{$ref: X, description: D}`` (openai-node ``VideoEditParams.VideoReferenceInputParam``:
    "Reference to the completed video to edit.", the text beside the ``$ref``, not VideoReferenceInputParam's
    "Reference to the completed video."), and ``sdk_segment`` (:func:`explicit_tags`) when it differs."""
    if not isinstance(t, LocalRef):
        return
    for d in definitions:
        if isinstance(d, ClassDef) and d.name == t.name:
            if isinstance(member, Mapping) and isinstance(member.get("$ref"), str):
                # both SDKs (video_edit_params.py `VideoVideoReferenceInputParam`, videos.ts)
                d.description = description_of(member) or d.description
            if sdk_segment != d.segment:
                d.sdk_segment = sdk_segment


def explicit_tags(pointer: str, indexed: list[tuple[str, JSON]], resolve: Resolve) -> bool:
    """Whether both OpenAI SDKs name a union's variants by their ``type`` tag: the union (at ``pointer``, its
    ``anyOf``/``oneOf``) has a ``discriminator`` keyword and every variant a const ``type``, seen through
    ``allOf`` (openai-node and openai-python ``testing_criteria``: ``LabelModel``, ``TextSimilarity``, ``Python``,
    ``ScoreModel``, where EvalGraderTextSimilarity is ``allOf: [GraderTextSimilarity, {...}]``); a union with no
    ``discriminator`` keyword is named by titles and component names even when tagged (``data_source``:
    ``CreateEvalResponsesRunDataSource``, not ``Responses``). The Python target keeps its own rule (tags when
    every variant's own properties have one): its output is held byte-identical."""
    parent = pointer.rsplit("/", 1)[0]
    try:
        _, node = resolve(parent, parent)
    except KeyError:
        return False
    if not isinstance(node, Mapping) or not isinstance(node.get("discriminator"), Mapping):
        return False
    return all(_deep_tag(m, ptr, resolve) is not None for ptr, m in indexed)


def _deep_tag(node: JSON, pointer: str, resolve: Resolve, depth: int = 0) -> str | None:
    pointer, node = follow_refs(node, pointer, resolve)
    tag = _type_const(node) or _nullable_type_const(node)
    if tag is not None or depth > 8 or not isinstance(node, Mapping) or not isinstance(node.get("allOf"), list):
        return tag
    return next((t for i, m in enumerate(node["allOf"])
                 if (t := _deep_tag(m, child(pointer, "allOf", i), resolve, depth + 1)) is not None), None)


def _nullable_type_const(node: JSON) -> str | None:
    """The tag of a variant whose ``type`` is ``anyOf: [<const>, null]``: openai-node names the spliced
    ``ResponseInputItem`` variants by tag although ``ItemReferenceParam.type`` is nullable."""
    props = node.get("properties") if isinstance(node, Mapping) else None
    member = non_null_member(props.get("type"), "") if isinstance(props, Mapping) else None
    return _type_const({"properties": {"type": member[1]}}) if member is not None else None


def tag_name(member: JSON, pointer: str, resolve: Resolve, used: set[str]) -> str | None:
    """A variant of a union :func:`explicit_tags` holds: its tag in PascalCase (seen through ``allOf``), unless
    the ``$ref`` has a title beside it (which names it first, as for every union) or the name is taken."""
    if isinstance(member, Mapping) and isinstance(member.get("title"), str) and isinstance(member.get("$ref"), str):
        return None
    tag = _deep_tag(member, pointer, resolve)
    name = naming.pascal(tag) if tag else ""
    if not name or name in used:
        return None
    used.add(name)
    return name


def note_allof_base(node: Mapping[str, JSON], pointer: str, definition: Definition, resolve: Resolve,
                    records: Mapping[str, NamedRef], diags: Diagnostics, file: str) -> None:
    """A request-side object ``allOf: [{$ref: R}, {...own properties}]`` whose R is a config-named record: both
    OpenAI SDKs declare it as a subtype of R with only its own fields (openai-node ``TextSimilarity extends
    GraderModelsAPI.TextSimilarityGrader { pass_threshold }``, openai-python ``TestingCriterionTextSimilarity(
    TextSimilarityGraderParam)``, evals.ts / eval_create_params.py). Recorded as ``sdk_extends`` and
    ``sdk_inherited``; the Python target does not use them (its output is held byte-identical). ``records``
    are looked up without marking the model used: no module is added for it."""
    members = node.get("allOf")
    if not isinstance(definition, ClassDef) or not isinstance(members, list) or len(members) < 2:
        return
    for i, member in enumerate(members):
        if isinstance(member, Mapping) and isinstance(member.get("$ref"), str) and len(member) == 1:
            target, _ = resolve(member["$ref"], child(pointer, "allOf", i))
            if target in records:
                inherited = merge_object(member, child(pointer, "allOf", i), resolve, diags, file)
                definition.sdk_extends, definition.sdk_inherited = records[target], tuple(inherited.properties)
                return

