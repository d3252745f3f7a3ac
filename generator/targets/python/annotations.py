"""Intermediate model → Python source context: annotations, imports, names and docstrings, all computed and
escaped here so the template only lays them out (STYLE §1–§5).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.model.ir import (
    NULL,
    AliasDef,
    ArrayType,
    ClassDef,
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
    flatten_union,
    strip_null,
)
from generator.targets.python.docstrings import python_docstring
from generator.text import escape

_PRIMITIVE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
TYPING = ("Dict", "List", "Union", "Iterable", "Optional", "Mapping", "Sequence")
TYPING_EXTENSIONS = ("Literal", "Required", "Annotated", "TypeAlias", "TypedDict")


@dataclass
class Imports:
    """Names a module needs, by source; relative first-party imports keyed by module path."""

    module: tuple[str, ...]
    typing: set[str] = field(default_factory=set)
    typing_extensions: set[str] = field(default_factory=set)
    local: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    datetime: set[str] = field(default_factory=set)  # `from datetime import ...` names
    datetime_module: bool = False  # `import datetime` (a field of the module is named like the class)
    # names the module defines itself: an imported name equal to one is bound under a private alias
    # (`from .key import Key as _Key`, so a nested `class Key(_Key)` does not shadow its own base)
    defined_here: frozenset[str] = frozenset()

    def add_local(self, target: tuple[str, ...], name: str) -> str:
        """Import ``name`` from ``target``; the name to write where it is used."""
        if target == self.module:
            return name
        if name in self.defined_here:
            self.local.setdefault(target, set()).add(f"{name} as _{name}")
            return f"_{name}"
        self.local.setdefault(target, set()).add(name)
        return name

    def lines(self, *, future: bool) -> list[list[str]]:
        """Import statements in groups (future, stdlib, first-party); isort length-sort order (STYLE R1.3)."""
        groups: list[list[str]] = []
        if future:
            groups.append(["from __future__ import annotations"])
        std = []
        if self.typing:
            std.append(("typing", self.typing))
        if self.datetime:
            std.append(("datetime", self.datetime))
        if self.typing_extensions:
            std.append(("typing_extensions", self.typing_extensions))
        if std or self.datetime_module:
            plain = ["import datetime"] if self.datetime_module else []  # isort: plain imports first
            groups.append(plain + [_statement(m, n) for m, n in sorted(std, key=lambda x: (len(x[0]), x[0]))])
        rel = [(relative_module(self.module, target), names) for target, names in self.local.items()]
        if rel:
            groups.append([_statement(m, n) for m, n in sorted(rel, key=lambda x: (len(x[0]), x[0]))])
        return groups


def _statement(module: str, names: set[str]) -> str:
    return f"from {module} import {', '.join(sorted(names, key=lambda n: (len(n), n)))}"


def relative_module(current: tuple[str, ...], target: tuple[str, ...]) -> str:
    """The relative import path from module ``current`` to module ``target`` (both below the package root):
    one dot for the current package, one more for each level up (STYLE R1.4)."""
    here = current[:-1]
    common = 0
    while common < len(here) and common < len(target) - 1 and here[common] == target[common]:
        common += 1
    dots = "." * (len(here) - common + 1)
    return dots + ".".join(target[common:])


class Annotator:
    """Type nodes → Python annotation strings for one module, recording the imports they need."""

    def __init__(self, imports: Imports, *, quote_locals: bool = False, defined: set[str] | None = None,
                 shadowed: frozenset[str] = frozenset(), local_aliases: dict[str, TypeNode] | None = None) -> None:
        self.imports = imports
        self.local_aliases = local_aliases or {}  # the module's own aliases, to see through `LocalRef`s
        self.shadowed = shadowed  # field names of the module: a date class of the same name is qualified
        self.quote_locals = quote_locals
        self.defined = defined  # names defined so far; runtime-evaluated values quote the others

    def _t(self, name: str) -> str:
        self.imports.typing.add(name)
        return name

    def _te(self, name: str) -> str:
        self.imports.typing_extensions.add(name)
        return name

    def annotation(self, node: TypeNode) -> str:
        if isinstance(node, UnionType):
            members = _flat_members(node)
            non_null = [m for m in members if m != NULL]
            if len(non_null) < len(members):
                if len(non_null) == 1:
                    only = self._members(non_null)
                    if len(only) == 1:  # (a date is `Union[str, datetime, None]` on the request side)
                        return f"{self._t('Optional')}[{only[0]}]"
                return f"{self._t('Union')}[{', '.join(self._union_parts(node))}, None]"
            parts = self._members(members)
            return parts[0] if len(parts) == 1 else f"{self._t('Union')}[{', '.join(parts)}]"
        if isinstance(node, Primitive):
            return _PRIMITIVE[node.kind]
        if isinstance(node, LiteralType):
            return f"{self._te('Literal')}[{', '.join(literal_value(v) for v in node.values)}]"
        if isinstance(node, ArrayType):
            return self.array(node)
        if isinstance(node, MapType):
            value = "object" if node.value is None else self.annotation(node.value)
            return f"{self._t('Dict')}[str, {value}]"
        if isinstance(node, NamedRef):
            if node.module == self.imports.module:  # a model that refers to itself: a local name
                return self.annotation(LocalRef(node.name))
            return self.imports.add_local(node.module, node.name)
        if isinstance(node, LocalRef):
            forward = self.quote_locals or (self.defined is not None and node.name not in self.defined)
            return escape.string_literal(node.name) if forward else node.name
        if isinstance(node, FileType):
            return self.imports.add_local(("_types",), "FileTypes")
        if isinstance(node, Temporal):
            parts = self.temporal_parts(node)
            return parts[0] if len(parts) == 1 else f"{self._t('Union')}[{', '.join(parts)}]"
        assert isinstance(node, Unknown)
        return "object"

    def _members(self, members: Sequence[TypeNode]) -> list[str]:
        """Union members; a date's ``str, datetime`` is spliced in (``Union[str, datetime, None]``)."""
        out: list[str] = []
        for m in members:
            for part in (self.temporal_parts(m) if isinstance(m, Temporal) else [self.annotation(m)]):
                if part not in out or (isinstance(m, LocalRef) and members.count(m) > 1):  # see _flat_members
                    out.append(part)
        return out

    def temporal_parts(self, node: Temporal) -> list[str]:
        """A date as a request value: its ISO string or a ``datetime``/``date`` object."""
        return ["str", self.temporal(node)]

    def temporal(self, node: Temporal) -> str:
        """``datetime`` / ``date`` from the ``datetime`` module; ``datetime.date`` (with ``import datetime``) when a
        field of the module has that name (OneBusAway ``date: Annotated[Union[str, datetime.date], ...]``), and then
        ``datetime.datetime`` too."""
        name = "datetime" if node.kind == "date-time" else "date"
        # `import datetime` binds the module name: then every date of the module is written through it
        if self.shadowed & {"date", "datetime"}:
            self.imports.datetime_module = True
            return f"datetime.{name}"
        self.imports.datetime.add(name)
        return name

    def _union_parts(self, node: UnionType) -> list[str]:
        """The non-null members of a nullable union, flattened, except that a nullable variant among others keeps
        its own ``Optional[X]`` (``anyOf: [{type: string, nullable: true}, array]`` → ``Union[Optional[str], …]``,
        as the SDK writes it)."""
        out: list[str] = []
        for v in node.variants:
            if isinstance(v, UnionType):
                inner = [m for m in flatten_union(v) if m != NULL]
                if len(inner) == 1 and len(node.variants) > 1 and NULL in v.variants:
                    parts = [f"{self._t('Optional')}[{self.annotation(inner[0])}]"]
                else:
                    parts = self._union_parts(v)
            else:
                parts = [] if v == NULL else self._members([v])
            out.extend(p for p in parts if p not in out)
        return out

    def array(self, node: ArrayType, *, as_list: bool = False) -> str:
        """``SequenceNotStr`` for strings and for unions with a string member (a ``str`` must not pass for a
        sequence of them: Llama Stack ``items: Required[SequenceNotStr[Item]]`` with ``Item = Union[str, ...]``,
        ``guardrails: Optional[SequenceNotStr[Guardrail]]``), ``List`` for literals (and, with ``as_list``, for
        everything else but unions of plain values: OpenAI ``GraderInputsParam = List[GraderInputsParamItem]``),
        ``Iterable`` otherwise."""
        item = node.item
        inner = self.annotation(item)
        core = strip_null(item)
        if isinstance(core, LocalRef) and core.name in self.local_aliases:  # the module's own union alias
            core = strip_null(self.local_aliases[core.name])
        if core == Primitive("string") or isinstance(core, FileType) or (
            isinstance(core, UnionType) and Primitive("string") in flatten_union(core)
            and (not as_list or all(isinstance(m, Primitive) for m in flatten_union(core)))
        ):
            return f"{self.imports.add_local(('_types',), 'SequenceNotStr')}[{inner}]"
        if as_list or isinstance(core, LiteralType) or (
                isinstance(core, NamedRef) and core.shape in ("literal", "other")):
            return f"{self._t('List')}[{inner}]"
        return f"{self._t('Iterable')}[{inner}]"

    def field(self, f: Field, *, total: bool) -> str:
        """``Required[Annotated[T, PropertyInfo(alias=..., format=...)]]``: a key renamed from its wire name keeps the
        wire name in ``PropertyInfo``, inside ``Required`` (OneBusAway ``lat_span: Required[Annotated[float,
        PropertyInfo(alias="latSpan")]]``; OpenAI ``betas: Annotated[..., PropertyInfo(alias="openai-beta")]``);
        a date is serialised as ISO 8601 (OneBusAway ``time: Annotated[Union[str, datetime],
        PropertyInfo(format="iso8601")]``)."""
        ann = self.annotation(f.type)
        info = [f"alias={escape.string_literal(f.wire_name)}"] if f.aliased else []
        if _has_temporal(f.type):
            info.append('format="iso8601"')
        if info:
            info_name = self.imports.add_local(("_utils",), "PropertyInfo")
            ann = f"{self._te('Annotated')}[{ann}, {info_name}({', '.join(info)})]"
        if f.required:  # written even in total classes, as the SDK does (STYLE R3.3 `XParamsStreaming`)
            ann = f"{self._te('Required')}[{ann}]"
        return ann


def _has_temporal(node: TypeNode) -> bool:
    if isinstance(node, Temporal):
        return True
    if isinstance(node, UnionType):
        return any(_has_temporal(v) for v in node.variants)
    return isinstance(node, ArrayType) and _has_temporal(node.item)


@functools.lru_cache(maxsize=16384)
def _cached_docstring(text: str, link_rewrites: tuple[tuple[str, str], ...], reflow: bool) -> str | None:
    return python_docstring(text, link_rewrites=link_rewrites, reflow=reflow)


def docstring(text: str | None, link_rewrites: Sequence[tuple[str, str]], *, reflow: bool = True) -> str | None:
    """The field/class docstring literal for a description; memoised (the same schema text recurs across the
    modules of a large API). Class docstrings keep the raw line breaks after their summary (``reflow=False``),
    as the SDK's do."""
    if not text:
        return None
    return _cached_docstring(text, tuple(link_rewrites), reflow)


def literal_value(value: object) -> str:
    if isinstance(value, str):
        return escape.string_literal(value)
    if value is None or isinstance(value, bool | int):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else "None"
    raise TypeError(f"unsupported literal {value!r}")


# ----------------------------------------------------------------------------------------------- module context
@dataclass
class FieldCtx:
    key: str  # identifier (class syntax) or string literal (functional syntax)
    annotation: str
    docstring: str | None


@dataclass
class DefCtx:
    kind: str  # "class" | "functional" | "alias" | "assign"
    name: str
    gap: int = 2  # blank lines before the definition
    bases: str = ""
    docstring: str | None = None
    fields: list[FieldCtx] = field(default_factory=list)
    value: str = ""
    comment: str = ""  # after the colon of the class line
    extra: str = ""  # model classes: the value type of the extra-properties stub (R4.5 of STYLE-RESPONSES)
    test_guard: bool = False  # model classes: ``__test__ = False`` (a ``Test...`` subclass)


@dataclass
class ModuleCtx:
    header: list[str]
    import_groups: list[list[str]]
    exports: str
    definitions: list[DefCtx]


# PEP 263: a comment in the first two lines of a file that matches this declares the file's encoding
_CODING = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def comment_block(blocks: Sequence[Sequence[str]]) -> list[str]:
    """The header comment's lines: each block's lines commented (an empty line is a bare ``#``), one blank line
    between blocks. A header whose first two lines read as an encoding declaration (``settings.file_header:
    "coding: ascii"``) would make Python decode the module with that codec, or refuse an unknown one: such a
    header gets a ``# -*- coding: utf-8 -*-`` line before it (the first declaration wins; the text stays)."""
    out: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            out.append("")
        out.extend(line for text in block for line in escape.comment_lines(text))
    if any(_CODING.match(line) for line in out[:2]):
        out.insert(0, "# -*- coding: utf-8 -*-")
    return out


def module_context(module: Module, header: Sequence[Sequence[str]],
                   link_rewrites: Sequence[tuple[str, str]]) -> ModuleCtx:
    imports = Imports(module.path, defined_here=frozenset(d.name for d in module.definitions))
    shadowed = frozenset(f.name for d in module.definitions if isinstance(d, ClassDef) for f in d.fields)
    aliases = {d.name: d.type for d in module.definitions if isinstance(d, AliasDef)}
    defs: list[DefCtx] = []
    defined: set[str] = set()
    for d in module.definitions:
        if isinstance(d, ClassDef):
            defs.append(_class_ctx(d, imports, link_rewrites, Annotator(imports, shadowed=shadowed,
                                                                         local_aliases=aliases)))
        else:  # a module-level alias is evaluated at import time: forward references are quoted
            defs.append(_alias_ctx(d, Annotator(imports, defined=defined, shadowed=shadowed, local_aliases=aliases),
                                   root=d.name == module.main_name))
        defined.add(d.name)
    previous = "assign"  # the ``__all__`` assignment
    for dc in defs:  # two blank lines around classes, one between assignments (black/ruff layout)
        dc.gap = 1 if dc.kind in ("alias", "assign", "functional") and previous != "class" else 2
        previous = dc.kind
    future = module.kind not in ("alias", "shared_alias")
    exports = "[" + ", ".join(escape.string_literal(n) for n in module.exports) + "]"
    return ModuleCtx(
        header=comment_block(header),
        import_groups=imports.lines(future=future),
        exports=exports,
        definitions=defs,
    )


def _class_ctx(d: ClassDef, imports: Imports, link_rewrites: Sequence[tuple[str, str]], base: Annotator) -> DefCtx:
    functional = not all(escape.is_safe_identifier(f.name) for f in d.fields) or len(
        {f.name for f in d.fields}) != len(d.fields)
    annot = Annotator(imports, quote_locals=functional, shadowed=base.shadowed, local_aliases=base.local_aliases)
    bases = [escape.identifier(b) for b in d.bases] or [annot._te("TypedDict")]
    if d.extends is not None:  # a subclass of a named record lists only its own fields (model/subclass.py)
        bases = [imports.add_local(d.extends.module, d.extends.name)]
    total = "" if d.total else ", total=False"
    comment = ""
    if d.extra_items is not None:
        # PEP 728, which type checkers do not all know yet (Llama Stack 2026-04: `class
        # MessageOpenAIAssistantMessageParamInput(TypedDict, total=False, extra_items=object):  # type: ignore[call-arg]`)
        total += f", extra_items={annot.annotation(d.extra_items)}"
        comment = "  # type: ignore[call-arg]"
    fields = []
    for f in d.fields:
        key = escape.string_literal(f.name) if functional else f.name
        doc = None if functional else docstring(f.description, link_rewrites)
        fields.append(FieldCtx(key, annot.field(f, total=d.total), doc))
    if functional:
        annot._te("TypedDict")
        return DefCtx("functional", escape.identifier(d.name), bases="" if d.total else "total=False", fields=fields)
    doc = docstring(d.description, link_rewrites, reflow=False)
    return DefCtx("class", escape.identifier(d.name), bases=", ".join(bases) + total, docstring=doc, fields=fields,
                  comment=comment)


def _alias_ctx(d: AliasDef, annotator: Annotator, *, root: bool = False) -> DefCtx:
    imports = annotator.imports
    if root and isinstance(d.type, ArrayType):
        # a module whose type is an array says `List[X]` where a field would say `Iterable[X]` (as the SDK does)
        value = annotator.array(d.type, as_list=True)
    else:
        value = annotator.annotation(d.type)
    if d.annotated:
        imports.typing_extensions.add("TypeAlias")
        return DefCtx("alias", escape.identifier(d.name), value=value)
    return DefCtx("assign", escape.identifier(d.name), value=value)


def _flat_members(node: UnionType) -> list[TypeNode]:
    """The members of a union, nested unions spliced in, each once, except a class of the module that the
    model lists twice: the response side repeats a variant where the spec repeats its schema
    (``InputOpenAIResponseMessageOutput`` twice in Llama Stack's ``Input: TypeAlias = Union[...]``)."""
    repeated = {v for v in node.variants if isinstance(v, LocalRef) and node.variants.count(v) > 1}
    if not repeated:
        return list(flatten_union(node))
    out: list[TypeNode] = []
    for m in node.variants:
        for x in flatten_union(m) if isinstance(m, UnionType) else (m,):
            if x not in out or (x in repeated and m is x):
                out.append(x)
    return out
