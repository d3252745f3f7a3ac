"""Intermediate model → TypeScript declarations (TS-STYLE §2–§5, §7): one params module becomes one params family;
one named model module becomes an interface or alias with its namespace.

- Nested definitions (N3): every inline interface goes in ``export namespace <Parent>``, named by the last segment
  of its property path alone (``Moderation.Policy.Input``; Python's ``ModerationPolicyInput``), unique per
  namespace. The tree is rebuilt by walking each interface's members in order, so children come in member order,
  each interface directly followed by its own namespace (pre-order, §10).
- A reference uses the innermost enclosing namespace as qualifier (``policy?: Moderation.Policy`` inside
  ``Moderation``; ``ChatCompletionCreateParams.WebSearchOptions`` at top level).
- Unions are written inline, never as a named alias (N3 last point); a union of a string and string literals is an
  open enum, ``(string & {})`` in the string's place (§4); ``| null`` comes last (F3).
- Arrays are ``Array<T>``, maps ``{ [key: string]: T }`` (``unknown`` values when free-form), files ``Uploadable``,
  anything else ``unknown`` (§4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model.ir import (
    NULL,
    AliasDef,
    ArrayType,
    ClassDef,
    Definition,
    Field,
    FileType,
    LiteralType,
    LocalRef,
    MapType,
    Module,
    NamedRef,
    Primitive,
    Temporal,
    TypeNode,
    UnionType,
    Unknown,
)
from generator.targets.typescript.jsdoc import jsdoc_lines
from generator.targets.typescript.printer import (
    Atom,
    Decl,
    Expr,
    Generic,
    IndexSig,
    Interface,
    Member,
    Namespace,
    TypeAlias,
    Union,
    body_lines,
)
from generator.text import escape, naming
from generator.text.inline import LinkRewrites

NamedResolver = Callable[[NamedRef], str]  # a named model → its qualified name from the file being rendered
Path = tuple[str, ...]
PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean", "null": "null"}
OPEN_STRING = Atom("(string & {})")


def literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return escape.ts_string_literal(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return repr(value)
    return "number"


@dataclass
class Lowerer:
    """Lowers the definitions of one module; ``uses`` collects what the file must import (``Uploadable``)."""

    module: Module
    named: NamedResolver
    link_rewrites: LinkRewrites
    uses: set[str] = field(default_factory=set)
    available: frozenset[tuple[str, ...]] = frozenset()  # the named request models this output declares

    def __post_init__(self) -> None:
        self.defs: dict[str, Definition] = {d.name: d for d in self.module.definitions}
        self.placed: dict[str, Path] = {}
        self.children: dict[Path, list[Decl]] = {}
        self.ns_names: dict[Path, set[str]] = {}
        self.deprecated: set[str] = set()
        self.field_docs: dict[str, str] = {}  # nested class → the description of the member typed by it
        self.printed: dict[Path, list[str]] = {}  # a placed nested class → its declarations as printed

    # ------------------------------------------------------------------------------------------ declarations
    def interface(self, cls: ClassDef, name: str, owner: Path, members: list[Member], extends: str = "",
                  doc: list[str] | None = None) -> Interface:
        return Interface(name, members, extends, doc)

    def members(self, fields: list[Field], owner: Path, *, prefixed: bool = False) -> list[Member]:
        return [self.member(f, owner, prefixed=prefixed) for f in fields]

    def member(self, f: Field, owner: Path, *, prefixed: bool = False, type_: Expr | None = None) -> Member:
        prefix = f"{f.location.capitalize()} param: " if prefixed else ""
        text = (f.parameter_description or f.description) if f.location in ("path", "header") else f.description
        doc = jsdoc_lines(text, prefix=prefix, deprecated=f.deprecated, link_rewrites=self.link_rewrites)
        if f.deprecated:
            for ref in _local_names(f.type):
                self.deprecated.add(ref)
        direct = without_null(f.type)
        if isinstance(direct, LocalRef) and text:
            # a nested interface documents itself with the text of the member it types (`Moderation`,
            # `WebSearchOptions` in chat/completions/completions.ts), not with its shared schema's
            self.field_docs.setdefault(direct.name, text)
        expr = type_ if type_ is not None else self.expr(f.type, owner)
        # a Python attribute the spec names (`x-stainless-naming.python`) is no wire name
        return Member(escape.ts_property_key(f.wire_name if f.name_from_spec else f.name), not f.required, expr, doc)

    def class_decls(self, cls: ClassDef, name: str, owner: Path) -> list[Decl]:
        """``export interface <name>`` and, when it has nested types, its namespace. A subtype of a named record
        that this output declares (``ClassDef.sdk_extends``) extends it and lists its own fields only."""
        base = cls.sdk_extends if cls.sdk_extends is not None and cls.sdk_extends.module in self.available else None
        fields = [f for f in cls.fields if f.wire_name not in cls.sdk_inherited] if base else cls.fields
        members = [*self.members(fields, owner), *open_members(cls)]
        deprecated = cls.deprecated or cls.name in self.deprecated
        # the member's text; for a union variant `{$ref: X, description: D}`, D (VideoEditParams, videos.ts)
        text = self.field_docs.get(cls.name) or cls.description
        doc = jsdoc_lines(text, deprecated=deprecated, link_rewrites=self.link_rewrites)
        out: list[Decl] = [Interface(name, members, self.named(base) if base else "", doc)]
        out.extend(self.namespace(owner))
        return out

    def namespace(self, owner: Path, extra: list[Decl] | None = None) -> list[Decl]:
        body = [*self.children.get(owner, []), *(extra or [])]
        return [Namespace(owner[-1], body)] if body else []

    def alias_decls(self, alias: AliasDef, name: str) -> list[Decl]:
        owner = (name,)
        expr = self.expr(alias.type, owner)
        doc = jsdoc_lines(alias.description, link_rewrites=self.link_rewrites)
        return [TypeAlias(name, expr, doc), *self.namespace(owner)]

    # ------------------------------------------------------------------------------------------ types
    def expr(self, node: TypeNode, owner: Path) -> Expr:
        members = self._members(node, owner)
        if Atom("string") in members and _open_enum(node):
            members = [OPEN_STRING if m == Atom("string") else m for m in members]
        return members[0] if len(members) == 1 else Union(tuple(members))

    def _members(self, node: TypeNode, owner: Path) -> list[Expr]:
        out: list[Expr] = []

        def add(e: Expr) -> None:
            for m in e.members if isinstance(e, Union) else (e,):
                if m not in out:
                    out.append(m)

        if isinstance(node, UnionType):
            for v in node.variants:
                for m in self._members(v, owner):
                    add(m)
            return out
        if isinstance(node, LiteralType):
            for value in node.values:
                add(Atom(literal(value)))
            return out
        add(self._single(node, owner))
        return out

    def _single(self, node: TypeNode, owner: Path) -> Expr:
        if isinstance(node, Primitive):
            return Atom(PRIMITIVES[node.kind])
        if isinstance(node, Temporal):  # an ISO string: no `Date` even for timestamps (TS-STYLE, type mapping)
            return Atom("string")
        if isinstance(node, ArrayType):
            return Generic("Array", self.expr(node.item, owner))
        if isinstance(node, MapType):
            return IndexSig(Atom("unknown") if node.value is None else self.expr(node.value, owner))
        if isinstance(node, NamedRef):
            return Atom(self.named(node))
        if isinstance(node, FileType):
            self.uses.add("Uploadable")
            return Atom("Uploadable")
        if isinstance(node, LocalRef):
            return self._local(node.name, owner)
        assert isinstance(node, Unknown | UnionType | LiteralType)
        return Atom("unknown")

    def _local(self, name: str, owner: Path) -> Expr:
        d = self.defs.get(name)
        if d is None:
            return Atom("unknown")
        if isinstance(d, AliasDef):
            if name in self.placed:  # a recursive alias: TypeScript cannot inline it either
                return Atom("unknown")
            self.placed[name] = owner
            try:
                return self.expr(d.type, owner)
            finally:
                del self.placed[name]
        path = self.placed.get(name)
        if path is None:
            taken = self.ns_names.setdefault(owner, set())
            segment = d.sdk_segment or d.segment  # a variant: named as both OpenAI SDKs name it (sdkrules)
            base = escape.ts_type_name(naming.pascal(segment) if segment else d.name, fallback="Model")
            if base in taken and self._same_again(name, d, (*owner, base)):
                return Atom(qualify((*owner, base), owner[:-1] if owner else ()))
            candidate, n = base, 2
            while candidate in taken:
                candidate, n = f"{base}{n}", n + 1
            taken.add(candidate)
            path = (*owner, candidate)
            self.placed[name] = path
            decls = self.class_decls(d, candidate, path)
            self.printed[path] = body_lines(decls)
            self.children.setdefault(owner, []).extend(decls)
        return Atom(qualify(path, owner[:-1] if owner else ()))

    def _same_again(self, name: str, d: ClassDef, path: Path) -> bool:
        """A second definition whose declarations print exactly as those already under ``path``'s name is
        declared again under that name, as llama-stack-client does (``InferenceRerankParams
        .OpenAIChatCompletionContentPartTextParam`` twice, for ``items`` and ``query``, alpha/inference.ts:36,83):
        TypeScript merges identical interface and namespace declarations. A different one gets a numbered name."""
        if path not in self.printed:
            return False

        def below(p: Path) -> bool:
            return p[: len(path)] == path

        placed, children, ns_names, printed = dict(self.placed), self.children, self.ns_names, dict(self.printed)
        # a fresh namespace: what the first one's holds is declared again inside it
        self.placed = {k: v for k, v in placed.items() if not below(v)}
        self.children = {k: v for k, v in children.items() if not below(k)}
        self.ns_names = {k: v for k, v in ns_names.items() if not below(k)}
        self.placed[name] = path
        decls = self.class_decls(d, path[-1], path)
        same = body_lines(decls) == self.printed[path]
        new = {k: v for k, v in self.placed.items() if k not in placed}
        self.placed, self.children, self.ns_names = placed, children, ns_names
        if not same:
            self.printed = printed
        else:
            self.placed.update(new)
            self.children.setdefault(path[:-1], []).extend(decls)
        return same


def open_members(cls: ClassDef) -> list[Member]:
    """``[k: string]: unknown;`` last in an interface whose schema allows other keys (openai-node
    ``evals/runs/output-items.ts:133``; llama-stack-client ``embeddings.ts:122`` on a params interface)."""
    return [Member("[k: string]", False, Atom("unknown"), [])] if cls.open else []


def qualify(target: Path, namespace: Path) -> str:
    """``target`` as written from inside ``namespace``: the path below their common prefix, at least its last
    part."""
    common = 0
    while common < len(namespace) and common < len(target) - 1 and namespace[common] == target[common]:
        common += 1
    return ".".join(target[common:])


def _open_enum(node: TypeNode) -> bool:
    """A union of ``string`` with string literals or named literal types and nothing else (``null`` aside):
    openai-node writes ``(string & {}) | 'a' | …`` for it (27 cases), but plain ``string`` when the union also
    holds other kinds (``audio/speech.ts:62``: ``voice: string | 'alloy' | … | SpeechCreateParams.ID``)."""
    members = [m for m in _flat(node) if m != NULL]
    literal_like = [m for m in members if (isinstance(m, LiteralType) and all(isinstance(v, str) for v in m.values))
                    or (isinstance(m, NamedRef) and m.shape == "literal")]
    return bool(literal_like) and all(m == Primitive("string") or m in literal_like for m in members)


def _flat(node: TypeNode) -> list[TypeNode]:
    if isinstance(node, UnionType):
        return [m for v in node.variants for m in _flat(v)]
    return [node]


def _local_names(node: TypeNode) -> list[str]:
    if isinstance(node, LocalRef):
        return [node.name]
    if isinstance(node, UnionType):
        return [n for v in node.variants for n in _local_names(v)]
    if isinstance(node, ArrayType):
        return _local_names(node.item)
    return []


def without_null(node: TypeNode) -> TypeNode:
    if isinstance(node, UnionType):
        kept = tuple(v for v in node.variants if v != NULL)
        return kept[0] if len(kept) == 1 else UnionType(kept)
    return node
