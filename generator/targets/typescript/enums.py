"""Inline string enums written as a config-named enum model in the TypeScript target.

- **Open enums** (``anyOf: [string, enum]``): the literals are documentation only, any string is accepted. When a
  config-named enum model holds every one of them, openai-node writes that model instead of the literals:
  ``model?: (string & {}) | ImageModel | null`` for ``anyOf: [string, {enum: [dall-e-2]}]`` (images.ts
  ``ImageCreateVariationParams``, where ImageModel has eight values), ``(string & {}) | AudioModel`` for
  ``whisper-1`` (audio/translations.ts). The accepted type is unchanged; the smallest such model wins, the
  first in config order on a tie.
- **Closed enums** stay inline unless equal to a named one (the model's ``enum_key`` rule): a subset changes
  the accepted values, and openai-node does both with leading values of a named enum (``UploadCreateParams
  .purpose``, four of FilePurpose's six: ``FilesAPI.FilePurpose``; ``TranslationCreateParams.response_format``,
  five of AudioResponseFormat's six: inline), so nothing in the spec decides it.

The Python target does not apply these (its output is held byte-identical to the current goldens).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.ir import AliasDef, LiteralType, NamedRef, Project


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
