"""``enum`` and ``const`` values → a type node (issue 10 part 6: every value type valid)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostics
from generator.model.ir import (
    NULL,
    ArrayType,
    LiteralType,
    LiteralValue,
    MapType,
    Primitive,
    TypeNode,
    UnionType,
    Unknown,
    make_nullable,
)

JSON = Any
MAX_ENUM = 5_000  # larger enums are widened (a Literal of 100k values helps nobody and costs seconds)
_PRIMITIVE_OF = {str: "string", int: "integer", float: "number", bool: "boolean"}


def literal_type(values: list[JSON], pointer: str, diags: Diagnostics, file: str) -> TypeNode:
    """``enum`` / ``const`` values as a literal type that every target can spell: strings, integers and
    booleans stay literal (duplicates dropped; ``1`` and ``true`` are different values); ``null`` makes the
    type nullable; a float (``4.1``, also ``4.0`` and ``.inf``) widens to ``number`` and an object or array
    value to a map / list, each with one ``enum-widened`` warning (PEP 586: a Python ``Literal`` holds no
    floats or containers, and mypy rejects ``Literal[4.1]``)."""
    if len(values) > MAX_ENUM:
        diags.warning("enum-too-large", f"enum has {len(values)} values (limit {MAX_ENUM}); the type is "
                           "widened to the values' base type", file=file, pointer=pointer)
        kinds = {_PRIMITIVE_OF.get(type(v), "object") for v in values}
        return Primitive(kinds.pop()) if len(kinds) == 1 and "object" not in kinds else Unknown()  # type: ignore[arg-type]
    simple: list[LiteralValue] = []
    seen: set[tuple[type, LiteralValue]] = set()
    members: list[TypeNode] = []
    widened: list[str] = []
    nullable = False
    for v in values:
        if v is None:
            nullable = True
        elif isinstance(v, str | bool | int):
            if (type(v), v) not in seen:
                seen.add((type(v), v))
                simple.append(v)
            if not any(isinstance(m, LiteralType) for m in members):
                members.append(LiteralType(()))  # a placeholder: the literal keeps its first position
        else:
            w: TypeNode = Primitive("number") if isinstance(v, float) else (
                MapType(None) if isinstance(v, Mapping) else ArrayType(Unknown()))
            if w not in members:
                members.append(w)
                widened.append("float" if isinstance(v, float) else "object or array")
    if widened:
        diags.warning("enum-widened", f"enum has {' and '.join(sorted(set(widened)))} values, which a "
                           "literal type cannot hold; the type is widened", file=file, pointer=pointer)
    members = [LiteralType(tuple(simple)) if isinstance(m, LiteralType) else m for m in members]
    if not members:
        return NULL
    t: TypeNode = members[0] if len(members) == 1 else UnionType(tuple(members))
    return make_nullable(t) if nullable else t
