"""Params families (TS-STYLE §3, §7): one method's params module → the declarations of its family.

- F1: members in the intermediate model's order (path, required A–Z, optional query, optional body, headers).
- F5 pagination: a paginated list method's params extend the page scheme's params base and leave out
  ``after`` / ``limit`` (``runs.ts:899``). The config names the scheme (``pagination: conversation_cursor_page``
  → ``ConversationCursorPageParams``; ``paginated: false`` for none); otherwise a GET with optional ``after`` and
  ``limit`` query params whose response has ``data`` + ``has_more`` is a cursor page, ``NextCursorPage`` when the
  response names the next cursor ``next``, else ``CursorPage`` (openai-node ``core/pagination.ts``: 24 + 9 of the
  50 paginated families; the 17 ``ConversationCursorPage`` ones look the same from the spec and need the config).
- F7: when the members of the family's interface come from more than one location, every member's doc starts
  with ``Path param: `` / ``Query param: `` / ``Body param: `` / ``Header param: ``; the streaming children
  inherit the family's choice.
- §7 streaming: ``type P = PNonStreaming | PStreaming`` first; ``PBase`` holds every member, ``stream`` included
  as ``boolean`` (``| null`` when the NonStreaming one is nullable) in its A–Z place among the optional body
  members; ``namespace P`` holds the nested types then the two re-aliases through the file's self alias;
  ``PNonStreaming`` (``stream?: false``) and ``PStreaming`` (``stream: true``) extend ``PBase``, each repeating
  the ``[k: string]: unknown;`` of an open params type (llama-stack-client ``chat/completions.ts``,
  ``responses/responses.ts``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.model.ir import (
    ClassDef,
    Field,
    LiteralType,
    Module,
    Operation,
    PageScheme,
    Primitive,
    UnionType,
    is_nullable,
)
from generator.targets.typescript.lower import Lowerer, open_members
from generator.targets.typescript.printer import Atom, Decl, Interface, TypeAlias, Union
from generator.text import escape, naming

# Without a `pagination:` section: the cursor pages of openai-node's core/pagination.ts (NextCursorPage reads
# `next`, CursorPage the last item's id; both take `after` and `limit`).
DEFAULT_SCHEMES = (
    PageScheme("next_cursor_page", (("after", "string"), ("limit", "integer")), ("data", "has_more", "next")),
    PageScheme("cursor_page", (("after", "string"), ("limit", "integer")), ("data", "has_more")),
)


@dataclass(frozen=True)
class Page:
    base: str  # the params interface a paginated method's params extend
    scheme: PageScheme


def page_base(scheme: PageScheme) -> str:
    return escape.ts_type_name(naming.pascal(scheme.name) + "Params")


def page_kind(op: Operation | None, fields: list[Field], schemes: tuple[PageScheme, ...]) -> Page | None:
    """The page scheme of a method: the one the config names, else the most specific scheme whose request params
    are all optional query params of the method and whose response fields the response has."""
    known = schemes or DEFAULT_SCHEMES
    if op is not None and op.pagination is not None:
        named = next((sc for sc in known if sc.name == op.pagination), None)
        if not op.pagination:
            return None
        scheme = named or PageScheme(op.pagination, DEFAULT_SCHEMES[-1].request, ())
        return Page(page_base(scheme), scheme)
    if op is None or op.http_method != "get":
        return None
    query = {f.name for f in fields if f.location == "query" and not f.required}
    props = set(op.response_properties)
    matches = [sc for sc in known if sc.request and {n for n, _ in sc.request} <= query and set(sc.response) <= props]
    if not matches:
        return None
    scheme = max(matches, key=lambda sc: len(sc.response))  # first of the most specific (max keeps the first)
    return Page(page_base(scheme), scheme)


@dataclass(frozen=True)
class Generic:
    """A type parameter of a params family (config ``typegen.type_parameters``): declared on the family's types
    as ``P extends <bound> | undefined = <bound> | undefined``, typing the member the config's ``property``
    names; the Streaming interface extends the bare Base (openai-node ``audio/transcriptions.ts:659-665,819-835``)."""

    name: str
    bound: str  # the bounding model as written from the file (``AudioAPI.AudioResponseFormat``)
    member: str | None  # the params member it types

    @property
    def declaration(self) -> str:
        return f"{self.name} extends {self.bound} | undefined = {self.bound} | undefined"


@dataclass
class Family:
    name: str
    decls: list[Decl]
    exports: list[str]  # the names the declare-namespace block lists
    page: Page | None = None


def family(module: Module, name: str, self_alias: str, op: Operation | None, low: Lowerer,
           schemes: tuple[PageScheme, ...] = (), generics: tuple[Generic, ...] = ()) -> Family:
    split = module.streaming
    main = module.definitions[0]
    assert isinstance(main, ClassDef)
    fields = list(main.fields)
    page = page_kind(op, fields, schemes)
    if page is not None:  # the page params come from the base (after, limit: runs.ts:899)
        inherited = {n for n, _ in page.scheme.request}
        fields = [f for f in fields if not (f.name in inherited and f.location == "query")]
    stream: Field | None = None
    if split is not None:
        ns_def = next(d for d in module.definitions if isinstance(d, ClassDef) and d.name == split.non_streaming)
        ns_field = ns_def.fields[0]
        stream_type = UnionType((Primitive("boolean"), Primitive("null"))) if is_nullable(ns_field.type) \
            else Primitive("boolean")
        stream = replace(ns_field, type=stream_type, required=False)
        fields = _insert(fields, stream)
    prefixed = len({f.location for f in fields}) > 1
    owner = (name,)
    members = [*low.members(fields, owner, prefixed=prefixed), *open_members(main)]
    typed = {g.member: g.name for g in generics if g.member}
    members = [replace(m, type=Atom(typed.get(f.wire_name) or typed[f.name])) if {f.name, f.wire_name} & set(typed)
               else m for f, m in zip(fields, members, strict=False)] + members[len(fields):]
    params = tuple(g.declaration for g in generics)
    args = f"<{', '.join(g.name for g in generics)}>" if generics else ""
    extends = page.base if page else ""
    if split is None:
        return Family(name, [Interface(name, members, extends, params=params), *low.namespace(owner)], [name], page)
    assert stream is not None
    base, non_streaming, streaming = name + "Base", name + "NonStreaming", name + "Streaming"
    re_aliases: list[Decl] = [TypeAlias(n, Atom(f"{self_alias}.{n}"), tight=True) for n in (non_streaming, streaming)]
    false_type = LiteralType((False,))
    ns_member = low.member(stream, owner, prefixed=prefixed,
                           type_=low.expr(UnionType((false_type, Primitive("null"))) if is_nullable(stream.type)
                                          else false_type, owner))
    s_member = low.member(replace(stream, required=True), owner, prefixed=prefixed, type_=Atom("true"))
    decls: list[Decl] = [  # type parameters: on the alias, Base and NonStreaming, not Streaming (generics.py)
        TypeAlias(name, Union((Atom(non_streaming + args), Atom(streaming))), params=params),
        Interface(base, members, extends, params=params),
        *low.namespace(owner, re_aliases),
        Interface(non_streaming, [ns_member, *open_members(main)], base + args, params=params),
        Interface(streaming, [s_member, *open_members(main)], base),
    ]
    return Family(name, decls, [name, non_streaming, streaming], page)


def _insert(fields: list[Field], stream: Field) -> list[Field]:
    """``stream`` in its A–Z place among the optional body members (after them when it sorts last)."""
    out = list(fields)
    body = [i for i, f in enumerate(out) if f.location == "body" and not f.required]
    for i in body:
        if out[i].name > stream.name:
            out.insert(i, stream)
            return out
    at = body[-1] + 1 if body else next((i for i, f in enumerate(out) if f.location == "header"), len(out))
    out.insert(at, stream)
    return out
