"""A printer for the small TypeScript grammar this target emits, laid out as Prettier 3.1.1 lays it out with the
SDK's settings (TS-STYLE §0: ``printWidth: 110``, single quotes, trailing commas, two-space indent), so the
generation path needs no Node.

Grammar: type expressions (names, literals, ``A | B``, ``Array<T>``, ``{ [key: string]: T }``), interface members
``key?: T;``, interfaces, type aliases, namespaces, ``export { … }`` lists, imports, and JSDoc blocks (laid out by
:mod:`.jsdoc`). Prettier's rules for them, as observed in the SDK (file:line in openai-node ``src/resources``):

- a construct that fits in 110 columns (its line's trailing ``;`` included) stays on one line;
- a union that does not fit breaks one member per line, each line starting with ``| ``: after the member's colon
  on the next line, indented one level (``images.ts:814``), after ``=`` of an alias (``completions.ts:2066``), or
  as the one argument of ``Array<…>``, closing ``>`` on its own line (``evals.ts:638``). Prettier 3.1.1 breaks
  such a union even when it would fit on the next line (3.10 does not; TS-STYLE §0);
- a union of one object literal and ``null`` "hugs" the object (Prettier's ``shouldHugType``);
- an object literal type that does not fit opens a block: ``{``, one ``[key: string]: T;`` line, ``}``;
- a type alias whose single type does not fit breaks after ``=`` (``completions.ts:2610``);
- an ``export { … }`` list that does not fit puts one specifier per line with a trailing comma.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 110
INDENT = "  "


@dataclass(frozen=True)
class Atom:
    text: str


@dataclass(frozen=True)
class Union:
    members: tuple[Expr, ...]


@dataclass(frozen=True)
class Generic:
    name: str
    arg: Expr


@dataclass(frozen=True)
class IndexSig:
    value: Expr


Expr = Atom | Union | Generic | IndexSig
NULL = Atom("null")


def flat(e: Expr) -> str:
    if isinstance(e, Atom):
        return e.text
    if isinstance(e, Union):
        return " | ".join(flat(m) for m in e.members)
    if isinstance(e, Generic):
        return f"{e.name}<{flat(e.arg)}>"
    return "{ [key: string]: " + flat(e.value) + " }"


_KEYWORDS = frozenset({"string", "number", "boolean", "unknown", "null", "true", "false", "undefined", "never"})


def _is_reference(e: Expr) -> bool:
    """A type reference (``Foo``, ``API.Foo``, ``Array<…>``) or an object literal type: what Prettier hugs."""
    if isinstance(e, IndexSig | Generic):
        return True
    text = e.text if isinstance(e, Atom) else ""
    return bool(text) and (text[0].isalpha() or text[0] in "_$") and text not in _KEYWORDS


def _hugs(e: Union) -> Expr | None:
    """Prettier's ``shouldHugType``: a union of one type reference or object type with only ``null`` besides is
    printed inline (``X | null``), ``X`` breaking inside itself (``threads.ts:1115``: ``Array<`` … ``> | null;``)."""
    others = [m for m in e.members if m != NULL]
    if len(others) == 1 and len(others) < len(e.members) and _is_reference(others[0]):
        return others[0]
    return None


def expr_lines(e: Expr, head: str, tail: str, indent: str) -> list[str]:
    """``head + e + tail`` laid out: ``head`` is the text before the type on its first line (indent included),
    ``tail`` what follows it on its last line (``;``, ``,``)."""
    one = head + flat(e) + tail
    if len(one) <= WIDTH:
        return [one]
    if isinstance(e, Union):
        hug = _hugs(e)
        if hug is not None:
            i = e.members.index(hug)
            before = "".join(flat(m) + " | " for m in e.members[:i])
            after = "".join(" | " + flat(m) for m in e.members[i + 1:])
            return expr_lines(hug, head + before, after + tail, indent)
        inner = indent + INDENT
        return [head.rstrip(), *_union_members(e, inner, tail)]
    if isinstance(e, Generic):
        if isinstance(e.arg, Union):
            inner = indent + INDENT
            if len(inner + flat(e.arg)) <= WIDTH and _hugs(e.arg) is None:  # the arguments break, the union fits
                return [head + e.name + "<", inner + flat(e.arg), indent + ">" + tail]
            return [head + e.name + "<", *_union_members(e.arg, inner, ""), indent + ">" + tail]
        lines = expr_lines(e.arg, head + e.name + "<", ">" + tail, indent)
        return lines
    if isinstance(e, IndexSig):
        inner = indent + INDENT
        return [head + "{", *expr_lines(e.value, inner + "[key: string]: ", ";", inner), indent + "}" + tail]
    return [one]


def _union_members(e: Union, indent: str, tail: str) -> list[str]:
    out: list[str] = []
    for i, m in enumerate(e.members):
        last = i == len(e.members) - 1
        out.extend(expr_lines(m, indent + "| ", tail if last else "", indent + INDENT))
    return out


# ----------------------------------------------------------------------------------------------- declarations
@dataclass
class Member:
    key: str  # already escaped (identifier or string literal)
    optional: bool
    type: Expr
    doc: list[str]  # JSDoc lines without indent (``/**``, `` * …``, `` */``), or empty


@dataclass
class Interface:
    name: str
    members: list[Member]
    extends: str = ""
    doc: list[str] | None = None
    params: tuple[str, ...] = ()  # type parameters, each written out (``P extends X | undefined = X | undefined``)


@dataclass
class TypeAlias:
    name: str
    type: Expr
    doc: list[str] | None = None
    tight: bool = False  # no blank line before it when it follows another tight alias (the streaming re-aliases)
    params: tuple[str, ...] = ()


@dataclass
class Namespace:
    name: str
    body: list[Decl]


Decl = Interface | TypeAlias | Namespace


def member_lines(m: Member, indent: str) -> list[str]:
    head = f"{indent}{m.key}{'?' if m.optional else ''}: "
    return [*(indent + line if line else line for line in m.doc), *expr_lines(m.type, head, ";", indent)]


def decl_lines(d: Decl, indent: str = "") -> list[str]:
    out = [indent + line for line in (d.doc or [])] if not isinstance(d, Namespace) else []
    if isinstance(d, Interface):
        extends = f" extends {d.extends}" if d.extends else ""
        if not d.members:
            return [*out, *_with_params(f"{indent}export interface {d.name}", d.params, f"{extends} {{}}", indent)]
        out.extend(_with_params(f"{indent}export interface {d.name}", d.params, f"{extends} {{", indent))
        for i, m in enumerate(d.members):
            if i:
                out.append("")
            out.extend(member_lines(m, indent + INDENT))
        out.append(indent + "}")
        return out
    if isinstance(d, TypeAlias):
        if d.params:
            one = f"{indent}export type {d.name}<{', '.join(d.params)}> = {flat(d.type)};"
            if len(one) <= WIDTH:
                return [*out, one]
            broken = _with_params(f"{indent}export type {d.name}", d.params, "", indent, force=True)
            return [*out, *broken[:-1], *expr_lines(d.type, broken[-1] + " = ", ";", indent)]
        head = f"{indent}export type {d.name} = "
        one = head + flat(d.type) + ";"
        if len(one) <= WIDTH:
            return [*out, one]
        if isinstance(d.type, Union) and _hugs(d.type) is None:
            return [*out, head.rstrip(), *_union_members(d.type, indent + INDENT, ";")]
        return [*out, head.rstrip(), *expr_lines(d.type, indent + INDENT, ";", indent + INDENT)]
    out.append(f"{indent}export namespace {d.name} {{")
    out.extend(body_lines(d.body, indent + INDENT))
    out.append(indent + "}")
    return out


def _with_params(head: str, params: tuple[str, ...], tail: str, indent: str, *, force: bool = False) -> list[str]:
    """``head<P, Q>tail`` on one line when it fits, else one parameter per line with a trailing comma and ``>``
    starting the last line (``audio/transcriptions.ts:659-665``: ``export interface …Base<``, the parameter,
    ``> {``)."""
    if not params:
        return [head + tail]
    one = f"{head}<{', '.join(params)}>{tail}"
    if len(one) <= WIDTH and not force:
        return [one]
    return [head + "<", *(f"{indent}{INDENT}{p}," for p in params), f"{indent}>{tail}"]


def body_lines(decls: Sequence[Decl], indent: str = "") -> list[str]:
    out: list[str] = []
    for i, d in enumerate(decls):
        previous = decls[i - 1] if i else None
        if i and not (isinstance(d, TypeAlias) and d.tight and isinstance(previous, TypeAlias) and previous.tight):
            out.append("")
        out.extend(decl_lines(d, indent))
    return out


def export_list(specifiers: Sequence[str], indent: str) -> list[str]:
    """``export { a, b };`` on one line when it fits, else one specifier per line with a trailing comma."""
    one = f"{indent}export {{ {', '.join(specifiers)} }};"
    if len(one) <= WIDTH:
        return [one]
    return [f"{indent}export {{", *(f"{indent}{INDENT}{s}," for s in specifiers), f"{indent}}};"]


def import_lines(names: Sequence[str], source: str, *, star: bool = False) -> list[str]:
    if star:
        return [f"import * as {names[0]} from {source};"]
    one = f"import {{ {', '.join(names)} }} from {source};"
    if len(one) <= WIDTH:
        return [one]
    return ["import {", *(f"{INDENT}{n}," for n in names), f"}} from {source};"]
