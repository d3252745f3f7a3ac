"""Unions whose every leaf is a string: when such a union is one open enum (``Literal[...]`` then ``str``) and
when a named one is spliced into its parent union. Pure functions used by :mod:`generator.model.variants`, so
both targets get the same type tree; each documents what it decides and the evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.load.schema import Resolve, child, follow_refs, is_null_schema

JSON = Any


def is_plain_string(node: JSON) -> bool:
    """``{type: string}`` with no enum, const or format: the open half of an open enum."""
    return isinstance(node, Mapping) and node.get("type") == "string" and not any(
        k in node for k in ("enum", "const", "format", "$ref", "anyOf", "oneOf", "allOf"))


OPEN_ENUM_BUDGET = 10_000
"""The most schemas one string-leaf walk visits (hostile unions of unions fan out)."""


def _string_leaves(roots: list[tuple[str, JSON]], resolve: Resolve) -> tuple[list[JSON], bool] | None:
    """The enum values of schemas (pointer, node) whose every leaf (through ``$ref``s, named or not, and unions)
    is a string, in order and without repeats, and whether a leaf is a plain string; None for any other leaf."""
    values: list[JSON] = []
    seen: set[str] = set()
    plain = False
    budget = OPEN_ENUM_BUDGET
    walked: set[str] = set()

    def walk(node: JSON, ptr: str, depth: int) -> bool:
        nonlocal plain, budget
        ptr, node = follow_refs(node, ptr, resolve)
        budget -= 1
        if depth > 8 or budget < 0 or not isinstance(node, Mapping) or "properties" in node:
            return False
        key = next((k for k in ("anyOf", "oneOf") if isinstance(node.get(k), list)), None)
        if key is not None:
            if ptr in walked:  # its leaves are counted already (had one failed, the walk would have stopped)
                return True
            walked.add(ptr)
            return all(not is_null_schema(m) and walk(m, child(ptr, key, i), depth + 1)
                       for i, m in enumerate(node[key]))
        if is_plain_string(node):
            plain = True
            return True
        enum = node.get("enum")
        if not (isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum)):
            return False
        for v in enum:
            if v not in seen:
                seen.add(v)
                values.append(v)
        return True

    return (values, plain) if all(walk(node, ptr, 0) for ptr, node in roots) else None


def _is_union(node: JSON) -> bool:
    return isinstance(node, Mapping) and any(isinstance(node.get(k), list) for k in ("anyOf", "oneOf"))


def is_string_union(node: JSON, pointer: str, resolve: Resolve) -> bool:
    """Whether a schema (through ``$ref``s) is a union whose every leaf is a string. A named one is spliced into
    a union it is a member of, its enum models kept: OpenAI ``AllModels = anyOf: [$ref ModelIdsShared, $ref
    ModelIdsResponses]`` is ``Union[str, ChatModel, Literal[<the responses-only values>]]`` in
    shared/all_models.py (and openai-node's ``AllModels``), although ``ModelIdsResponses`` is the config model
    ``ResponsesModel``."""
    return _is_union(follow_refs(node, pointer, resolve)[1]) and _string_leaves([(pointer, node)], resolve) is not None


def open_enum(members: list[JSON], pointer: str, resolve: Resolve) -> list[JSON] | None:
    """An unnamed union whose every leaf (through ``$ref``s, named or not) is a string, one member being a union
    itself, is an open enum: one ``Literal`` of every enum value in order, then ``str`` if a leaf is a plain
    string (its null members stay). The models inside dissolve. Returns those replacement members, or None.

    Evidence: OpenAI ``ModelIdsCompaction = anyOf: [$ref ModelIdsResponses, string, null]``, where
    ``ModelIdsResponses = anyOf: [$ref ModelIdsShared (anyOf: [string, $ref ChatModel]), enum]``, is
    ``Union[Literal[<ChatModel's values>, <the enum's>], str, None]`` in response_compact_params.py of both
    resources and in openai-node's ``ResponseCompactParams.model``, although ``ChatModel`` and ``ResponsesModel``
    are config models; ``$ref BetaModelIdsResponses`` (the beta twin, not a model) is ``Union[Literal[...], str]``
    in beta/response_create_params.py and beta/beta_response.py, ``str`` last. A union with no union member keeps
    its models (``$ref ModelIdsShared`` is ``Union[str, ChatModel]`` in completion_create_params.py), and so does
    a model's own schema (``ResponsesModel = Union[str, ChatModel, Literal[...]]``): the caller checks that."""
    real = [(child(pointer, i), m) for i, m in enumerate(members) if not is_null_schema(m)]
    if not any(_is_union(follow_refs(m, ptr, resolve)[1]) for ptr, m in real):
        return None
    leaves = _string_leaves(real, resolve)
    if leaves is None or not leaves[0]:
        return None
    values, plain = leaves
    out: list[JSON] = [{"type": "string", "enum": values}, *([{"type": "string"}] if plain else [])]
    return out + [m for m in members if is_null_schema(m)]
