"""Inline string enums written as a config-named enum model, for every target (both OpenAI SDKs do it).

- **Open enums** (``anyOf: [string, enum]``): the literals are documentation only, any string is accepted. When a
  config-named enum model holds every one of them, both SDKs write that model instead of the literals:
  ``anyOf: [string, {enum: [dall-e-2]}]`` is ``Union[str, ImageModel, None]`` in openai-python's
  image_create_variation_params.py and ``(string & {}) | ImageModel | null`` in openai-node's images.ts
  (ImageModel has eight values); ``whisper-1`` is ``Union[str, AudioModel]`` / ``(string & {}) | AudioModel``
  (audio/translation_create_params.py, audio/translations.ts). The accepted type is unchanged; the smallest such
  model wins, the first in config order on a tie.
- **Closed enums** stay inline unless equal to a named one (the model's ``enum_key`` rule): a subset changes
  the accepted values, and both SDKs do both with leading values of a named enum (``UploadCreateParams
  .purpose``, four of FilePurpose's six: ``FilePurpose``; ``TranslationCreateParams.response_format``,
  five of AudioResponseFormat's six: inline), so nothing in the spec decides it.

:func:`cover_open_enums` applies the rule to the request modules of a project once they are built (the response
side is built after it and keeps its literals: no response module shows the rule).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator.model.ir import (
    NULL,
    AliasDef,
    ArrayType,
    ClassDef,
    LiteralType,
    MapType,
    NamedRef,
    Primitive,
    Project,
    TypeNode,
    UnionType,
)


@dataclass(frozen=True)
class NamedEnum:
    ref: NamedRef
    values: tuple[str, ...]


def named_enums(project: Project) -> tuple[NamedEnum, ...]:
    """The request-side enum models of the config (string values only), in module order."""
    out: list[NamedEnum] = []
    for m in project.modules:
        if m.kind not in ("alias", "shared_alias"):
            continue
        root = next((d for d in m.definitions if d.name == m.main_name), None)
        if isinstance(root, AliasDef) and isinstance(root.type, LiteralType) and root.type.values \
                and all(isinstance(v, str) for v in root.type.values):
            out.append(NamedEnum(NamedRef(m.path, m.main_name, "literal"), tuple(str(v) for v in root.type.values)))
    return tuple(out)


def covering_enum(values: tuple[str, ...], enums: tuple[NamedEnum, ...],
                  exclude: tuple[str, ...] = ()) -> NamedRef | None:
    """The named enum an open enum's literals are written as (see the module docstring), or None. ``exclude``:
    the module being rendered (a named enum is never written as another)."""
    wanted = set(values)
    fits = [e for e in enums if wanted and wanted <= set(e.values) and e.ref.module != exclude]
    return min(fits, key=lambda e: len(e.values)).ref if fits else None


REQUEST_KINDS = ("params", "param", "alias", "shared_param", "shared_alias")


def cover_open_enums(project: Project) -> None:
    """Rewrite, in place, every open enum of the request modules that a config-named enum covers."""
    enums = named_enums(project)
    if not enums:
        return
    for module in project.modules:
        if module.kind not in REQUEST_KINDS:
            continue
        for d in module.definitions:
            if isinstance(d, ClassDef):
                for f in d.fields:
                    f.type = _cover(f.type, enums, module.path)
                if d.extra_items is not None:
                    d.extra_items = _cover(d.extra_items, enums, module.path)
            elif isinstance(d, AliasDef):
                d.type = _cover(d.type, enums, module.path)


def _cover(node: TypeNode, enums: tuple[NamedEnum, ...], module: tuple[str, ...]) -> TypeNode:
    """``node`` with its open enum written as the named enum that holds its literals, looking into the items
    of arrays and the values of maps, also inside a union."""
    members = _flat(node)
    lits = [m for m in members if isinstance(m, LiteralType)]
    rest = [m for m in members if not isinstance(m, LiteralType)]
    # a documented enum (a title or description of its own) is no bare copy: both SDKs keep the literals of
    # the image generation tool's `model` (beta/beta_tool_param.py, responses.ts), all held by ImageModel
    if len(lits) == 1 and not lits[0].documented and Primitive("string") in rest \
            and all(isinstance(v, str) for v in lits[0].values) \
            and all(m in (Primitive("string"), NULL) for m in rest):
        ref = covering_enum(tuple(str(v) for v in lits[0].values), enums, exclude=module)
        if ref is not None:
            return UnionType(tuple(ref if isinstance(m, LiteralType) else m for m in members))
    return _inner(node, enums, module)


def _inner(node: TypeNode, enums: tuple[NamedEnum, ...], module: tuple[str, ...]) -> TypeNode:
    if isinstance(node, ArrayType):
        item = _cover(node.item, enums, module)
        return node if item is node.item else ArrayType(item)
    if isinstance(node, MapType) and node.value is not None:
        value = _cover(node.value, enums, module)
        return node if value is node.value else dataclasses.replace(node, value=value)
    if isinstance(node, UnionType):
        variants = tuple(_inner(v, enums, module) for v in node.variants)
        return node if all(a is b for a, b in zip(variants, node.variants, strict=True)) else UnionType(variants)
    return node


def _flat(node: TypeNode) -> list[TypeNode]:
    if isinstance(node, UnionType):
        return [m for v in node.variants for m in _flat(v)]
    return [node]
