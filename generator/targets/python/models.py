"""Intermediate model → Python source context for response modules: the same definitions the request side
renders as ``TypedDict`` are rendered here as pydantic ``BaseModel`` classes, by these rules
(``../shared/docs/STYLE-RESPONSES.md``, R-numbers):

- no ``from __future__ import annotations`` (R1.2); imports in the groups stdlib, third party (``pydantic``),
  first party, isort length-sorted (R1.3); ``BaseModel`` from the package's ``_models`` (R1.4);
- a field is ``name: T`` when the spec requires it and it is not nullable, else ``name: Optional[T] = None``
  (R5.2, R5.3); arrays are always ``List[X]`` (R5.4); a ``date-time``/``date`` string is ``datetime``/``date``
  (a parsed value; the request side also takes ``str``: the SDKs' ``Union[str, datetime]`` params and
  ``created_at: datetime`` models, e.g. Anthropic's ``ModelInfo``), ``datetime.date`` where a field of the
  module is named ``date``;
- a wire name that is not a plain snake_case identifier, or one pydantic reserves (``schema``, the ``model_``
  prefix), gets a safe attribute and ``FieldInfo(alias="wire")`` (R5.6);
- an annotation naming a builtin (``object``, ``str``, ...) after a field of that name in the same class is
  written ``builtins.X`` (R5.7: the class body has shadowed the name by then);
- a union alias with a discriminator is ``Annotated[Union[...], PropertyInfo(discriminator="...")]`` (R6.1);
- a class that extends a named model subclasses it (R4.1).

Layout (``__all__`` in pre-order, definitions in post-order, docstrings) is the request side's
(:mod:`generator.targets.python.annotations`).
"""

from __future__ import annotations

import keyword
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.model.ir import (
    AliasDef,
    ArrayType,
    ClassDef,
    Field,
    MapType,
    Module,
    NamedRef,
    Primitive,
    Temporal,
    TypeNode,
    Unknown,
    make_nullable,
)
from generator.targets.python.annotations import (
    Annotator,
    DefCtx,
    FieldCtx,
    Imports,
    ModuleCtx,
    _statement,
    comment_block,
    docstring,
)
from generator.text import escape

# Attribute names pydantic's BaseModel defines (v1 names still present in v2) or reserves: a field of that name
# would shadow it, so it gets a trailing underscore and an alias (``schema`` → ``schema_``, R5.6).
PYDANTIC_RESERVED = frozenset({
    "schema", "schema_json", "json", "dict", "copy", "construct", "validate", "fields", "parse_obj", "parse_raw",
    "parse_file", "from_orm", "update_forward_refs",
})
# pydantic v2 reserves the ``model_`` prefix; the SDK writes ``api_model_*`` (``model_ids`` → ``api_model_ids``)
RESERVED_PREFIX, PREFIX_REPLACEMENT = "model_", "api_"
BUILTINS = frozenset({"object", "str", "int", "float", "bool"})


def attribute_name(wire: str) -> str:
    """The Python attribute of a response field (R5.6): the wire name when it is already a lower snake_case
    identifier, else its snake_case words; reserved names are then adjusted."""
    plain = wire.isascii() and wire.isidentifier() and wire == wire.lower() and not wire.startswith("_")
    name = wire if plain else escape.module_name(wire, fallback="field")
    if name.startswith(RESERVED_PREFIX):
        name = PREFIX_REPLACEMENT + name
    if name in PYDANTIC_RESERVED or keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def field_attribute(f: Field) -> str:
    """A response field's attribute: the name the spec gives it (``Field.name_from_spec``) unless pydantic
    reserves it, else :func:`attribute_name` of its wire name."""
    if f.name_from_spec and attribute_name(f.name) == f.name:
        return f.name
    return attribute_name(f.wire_name)


@dataclass
class ModelImports(Imports):
    """:class:`Imports` plus third-party names (``pydantic``) and plain ``import x`` statements."""

    third_party: dict[str, set[str]] = field(default_factory=dict)
    plain: set[str] = field(default_factory=set)

    def lines(self, *, future: bool) -> list[list[str]]:
        groups = super().lines(future=False)
        for group in groups:  # isort's order-by-type puts constants first: `TYPE_CHECKING, Dict, List`
            for i, statement in enumerate(group):
                if statement.startswith("from typing import ") and "TYPE_CHECKING" in self.typing:
                    rest = sorted(self.typing - {"TYPE_CHECKING"}, key=lambda n: (len(n), n))
                    group[i] = "from typing import " + ", ".join(["TYPE_CHECKING", *rest])
        has_std = bool(self.typing or self.typing_extensions)
        if self.plain:
            statements = [f"import {m}" for m in sorted(self.plain)]
            if has_std:
                groups[0] = statements + groups[0]
            else:
                groups.insert(0, statements)
                has_std = True
        if self.third_party:
            third = [_statement(m, n) for m, n in sorted(self.third_party.items())]
            groups.insert(1 if has_std else 0, third)
        return groups


class ModelAnnotator(Annotator):
    """Annotations of response modules: ``List`` for every array (R5.4), ``builtins.X`` where shadowed."""

    imports: ModelImports

    def __init__(self, imports: ModelImports, *, defined: set[str] | None = None,
                 shadowed: frozenset[str] = frozenset()) -> None:
        super().__init__(imports, defined=defined, shadowed=shadowed)
        self.class_attrs: set[str] = set()  # attributes the class body has defined so far

    def temporal_parts(self, node: Temporal) -> list[str]:
        return [self.temporal(node)]  # a parsed value (requests also take the ISO string)

    def annotation(self, node: TypeNode) -> str:
        if isinstance(node, Unknown) or (isinstance(node, Primitive) and node.kind != "null"):
            out = super().annotation(node)
            return self._builtin(out) if out in self.class_attrs else out
        if isinstance(node, MapType) and node.value is None:
            return f"{self._t('Dict')}[str, {self.annotation(Unknown())}]"
        return super().annotation(node)

    def _builtin(self, name: str) -> str:
        if name not in BUILTINS:
            return name
        self.imports.plain.add("builtins")
        return f"builtins.{name}"

    def array(self, node: ArrayType, *, as_list: bool = False) -> str:
        return f"{self._t('List')}[{self.annotation(node.item)}]"

    def model_field(self, f: Field) -> tuple[str, str]:
        """(attribute, annotation with its default)."""
        optional = not f.required or f.nullable
        ann = self.annotation(make_nullable(f.type) if optional else f.type)
        attr = field_attribute(f)
        if attr != f.wire_name:
            self.imports.third_party.setdefault("pydantic", set()).add("Field as FieldInfo")
            default = ", default=None" if optional else ""
            return attr, f"{ann} = FieldInfo(alias={escape.string_literal(f.wire_name)}{default})"
        return attr, f"{ann} = None" if optional else ann


def model_module_context(module: Module, header: Sequence[Sequence[str]], link_rewrites: Sequence[tuple[str, str]],
                         ) -> ModuleCtx:
    imports = ModelImports(module.path, defined_here=frozenset(d.name for d in module.definitions))
    # attributes named `date`/`datetime` anywhere in the module: those types are written `datetime.date`
    shadowed = frozenset(field_attribute(f) for d in module.definitions if isinstance(d, ClassDef)
                         for f in d.fields)
    defs: list[DefCtx] = []
    defined: set[str] = set()
    for d in module.definitions:
        if isinstance(d, ClassDef):
            defs.append(_class_ctx(d, imports, defined, link_rewrites, shadowed))
        else:
            defs.append(_alias_ctx(d, imports, defined, shadowed))
        defined.add(d.name)
    previous = "assign"
    for dc in defs:
        dc.gap = 1 if dc.kind in ("alias", "assign") and previous != "class" else 2
        previous = dc.kind
    return ModuleCtx(
        header=comment_block(header),
        import_groups=imports.lines(future=False),
        exports="[" + ", ".join(escape.string_literal(n) for n in module.exports) + "]",
        definitions=defs,
    )


def _class_ctx(d: ClassDef, imports: ModelImports, defined: set[str], link_rewrites: Sequence[tuple[str, str]],
               shadowed: frozenset[str]) -> DefCtx:
    annot = ModelAnnotator(imports, defined=defined, shadowed=shadowed)  # its own name is not bound in its body: quoted
    if d.extends is not None:
        base = imports.add_local(d.extends.module, d.extends.name)
    else:
        base = imports.add_local(("_models",), "BaseModel")
    fields: list[FieldCtx] = []
    for f in d.fields:
        attr, ann = annot.model_field(f)
        if f.wire_name in d.overrides:  # redefines a base field with another type (R4.1)
            ann += "  # type: ignore"
        fields.append(FieldCtx(attr, ann, docstring(f.description, link_rewrites)))
        annot.class_attrs.add(attr)
    doc = docstring(d.description, link_rewrites, reflow=False)
    extra = ""
    if d.extra_items is not None:  # the extra-properties stub (R4.5)
        extra = annot.annotation(d.extra_items)
        imports.typing.update(("TYPE_CHECKING", "Dict"))
        imports.third_party.setdefault("pydantic", set()).add("Field as FieldInfo")
    # pytest would collect a class named `Test...` from a test that imports it: the SDK opts its subclasses out
    # (`class TestingCriterionEvalGraderPython(PythonGrader): __test__ = False`, the 4 `eval_*_response.py`)
    guard = d.name.startswith("Test") and d.extends is not None
    return DefCtx("class", escape.identifier(d.name), bases=base, docstring=doc, fields=fields, extra=extra,
                  test_guard=guard)


def _alias_ctx(d: AliasDef, imports: ModelImports, defined: set[str], shadowed: frozenset[str]) -> DefCtx:
    if not d.annotated and isinstance(d.type, NamedRef) and d.type.name == d.name and len(d.type.module) > 1:
        # a re-export under the same name imports the module (root `chat_model.py`: `from .shared import
        # chat_model`, then `ChatModel = chat_model.ChatModel`), R9
        imports.local.setdefault(d.type.module[:-1], set()).add(d.type.module[-1])
        return DefCtx("assign", escape.identifier(d.name), value=f"{d.type.module[-1]}.{d.name}")
    annot = ModelAnnotator(imports, defined=defined, shadowed=shadowed)
    value = annot.annotation(d.type)
    if not d.annotated:
        return DefCtx("assign", escape.identifier(d.name), value=value)
    if d.discriminator is not None:
        info_name = imports.add_local(("_utils",), "PropertyInfo")
        value = (f"{annot._te('Annotated')}[{value}, "
                 f"{info_name}(discriminator={escape.string_literal(d.discriminator)})]")
    imports.typing_extensions.add("TypeAlias")
    return DefCtx("alias", escape.identifier(d.name), value=value)

