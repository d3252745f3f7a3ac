"""The config keys of targets other than Python: which targets a config names, their flags, and a resource's
TypeScript name prefix (``typegen: {node_name: X}``). Problems are reported through the reader's callback."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.load.schema import child
from generator.text import escape

JSON = Any
Report = Callable[[str, str, str], None]  # (code, message, pointer)
# `targets:` keys naming the TypeScript target (the commercial generator's configs say `node`)
TYPESCRIPT_TARGETS = ("node", "typescript")


def read_targets(targets: JSON) -> tuple[str, ...]:
    """The targets a config names, ``("python",)`` when it names none (a bad `targets` is reported elsewhere)."""
    names = targets if isinstance(targets, Mapping) else {}
    out = ["python"] if "python" in names or not names else []
    if any(t in names for t in TYPESCRIPT_TARGETS):
        out.append("typescript")
    return tuple(out)


def read_flag(typegen: Mapping[str, JSON], key: str, error: Report) -> bool:
    value = typegen.get(key, True)
    if isinstance(value, bool):
        return value
    error("config-type", f"typegen.{key} must be true or false, not {type(value).__name__}", child("#/typegen", key))
    return True


def read_node_name(value: JSON, pointer: str, error: Report) -> str | None:
    data = value if isinstance(value, Mapping) else {}
    name = data.get("node_name")
    if name is None:
        return None
    if not isinstance(name, str) or not escape.is_safe_identifier(name):
        error("config-value", f"node_name must be an identifier, not {name!r}", child(pointer, "node_name"))
        return None
    return name
