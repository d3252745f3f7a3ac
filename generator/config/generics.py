"""A method's type parameters for targets with generic types (TypeScript): the method entry's
``typegen: {type_parameters: [...]}``, each ``{name: P, model: <config model key>, property: <name>}``.

openai-node's audio params take one by hand (TS-STYLE §7, "one hand customisation ... treat as config"):
``TranscriptionCreateParams<ResponseFormat extends AudioAPI.AudioResponseFormat | undefined = ...>``, whose
``response_format`` member is typed ``ResponseFormat`` (``audio/transcriptions.ts:659-665,819-821``), and
``TranslationCreateParams<ResponseFormat ...>``, which declares it without a member using it
(``audio/translations.ts:78``): ``property`` is optional. Python has no use for them: the Python output never
changes. Malformed entries are warned about and skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.load.schema import child

JSON = Any
Warn = Callable[[str, str, str], None]


@dataclass(frozen=True)
class TypeParameter:
    name: str  # the parameter's name (``ResponseFormat``)
    model: str  # the config key of the named model bounding it (``audio_response_format``)
    property: str | None = None  # the params member typed by the parameter, if any


def method_type_parameters(entry: Mapping[str, JSON], pointer: str, warn: Warn) -> tuple[TypeParameter, ...]:
    settings = entry.get("typegen")
    if not isinstance(settings, Mapping) or settings.get("type_parameters") is None:
        return ()
    ptr = child(pointer, "typegen", "type_parameters")
    items = settings["type_parameters"]
    if not isinstance(items, list):
        warn("config-value", "type_parameters must be a list (ignored)", ptr)
        return ()
    out: list[TypeParameter] = []
    for i, item in enumerate(items):
        name = item.get("name") if isinstance(item, Mapping) else None
        model = item.get("model") if isinstance(item, Mapping) else None
        prop = item.get("property") if isinstance(item, Mapping) else None
        if not (isinstance(name, str) and name.isidentifier() and isinstance(model, str) and model
                and (prop is None or isinstance(prop, str))):
            warn("config-value", "a type parameter needs an identifier 'name', a model key 'model' and optionally "
                 "a 'property' (ignored)", child(ptr, i))
            continue
        out.append(TypeParameter(name, model, prop))
    return tuple(out)
