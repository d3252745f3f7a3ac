"""The named models of a config (``resources.*.models``): which schemas they name, their shape (record, alias,
enum), nullability through a ``$ref``, and their own ``*_param`` / type modules. Part of
:class:`~generator.model.build.ProjectBuilder` (a mixin, so the builder reads as the pipeline of one run).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.config import placement
from generator.config.model import Config, ModelSpec, iter_models
from generator.diagnostics import Diagnostics
from generator.load.document import tokens_from_pointer
from generator.load.resolver import Resolver
from generator.load.schema import child, is_null_schema, type_list
from generator.model.ir import (
    AliasDef,
    Module,
    ModuleKind,
    NamedRef,
    NamedShape,
    Primitive,
    strip_null,
)
from generator.model.sdkrules import enum_key, non_null_member
from generator.model.typescope import Ctx, DefNode, ModuleScope, record_root, sort_fields
from generator.model.typetree import TypeBuilder, is_open_object

JSON = Any


@dataclass
class NamedModel:
    spec: ModelSpec
    pointer: str
    ref: NamedRef
    kind: ModuleKind
    nullable: bool = False


class NamedModels:
    """The named-model half of the project builder; the attributes are the builder's."""

    spec: Mapping[str, JSON]
    config: Config
    diags: Diagnostics
    file: str
    resolver: Resolver
    models: dict[str, NamedModel]
    types: TypeBuilder

    # ------------------------------------------------------------------------------------------ named models
    def _register_models(self) -> None:
        for spec in iter_models(self.config):
            if not _exists(self.spec, spec.schema_pointer):  # configs outlive specs: like a missing endpoint
                self.diags.warning("model-missing", f"schema {spec.schema_pointer} of model {spec.key!r} is not in "
                                   "the spec; skipped", file=str(self.config.path), pointer=spec.pointer)
                continue
            try:
                pointer, node = self.resolver.resolve(spec.schema_pointer, from_pointer=spec.pointer)
            except KeyError:
                continue  # the resolver reported it
            # a schema named twice keeps its first entry, except that a `$shared` entry takes it over from a
            # resource's (the OpenAI SDK's ChatModel lives in shared/chat_model.py although `chat` lists it first)
            if pointer in self.models and not (spec.shared and not self.models[pointer].spec.shared):
                other = self.models[pointer].spec
                self.diags.warning("model-duplicate", f"schema {pointer} is named twice ({other.key!r} and "
                                   f"{spec.key!r}); using {other.key!r}", file=str(self.config.path),
                                   pointer=spec.pointer)
                continue
            shape = self._shape(node, pointer)
            kind_name = "alias" if shape == "literal" or (shape == "other" and not self._union(node, pointer)) \
                else "object"
            module, name = placement.model_placement(spec, kind=kind_name)  # type: ignore[arg-type]
            kind: ModuleKind
            if spec.shared:
                kind = "shared_alias" if kind_name == "alias" else "shared_param"
            else:
                kind = "alias" if kind_name == "alias" else "param"
            self.models[pointer] = NamedModel(spec, pointer, NamedRef(module, name, shape), kind,
                                              self._nullable(node, pointer))
            key = enum_key(node.get("enum")) if shape == "literal" and isinstance(node, Mapping) else None
            if key is not None:
                self.types.named_enums.setdefault(key, []).append((module, pointer))

    def _nullable(self, node: JSON, pointer: str) -> bool:
        pointer, node = self.resolver.deref(node, pointer)
        if not isinstance(node, Mapping):
            return False
        if node.get("nullable") is True or "null" in type_list(node) or None in (node.get("enum") or ()):
            return True
        return any(is_null_schema(m) for key in ("anyOf", "oneOf") for m in (node.get(key) or ()))

    def _union(self, node: JSON, pointer: str) -> bool:
        """Whether a named schema is a union of two or more non-null members. Only a pure literal (an enum) or a
        plain scalar alias has one module for both sides; a union of scalars and literals has a request twin
        like a record: the OpenAI SDK's ``video_model.py`` / ``video_model_param.py`` (``VideoModelParam =
        Union[str, Literal["sora-2", ...]]``) and ``shared/responses_model.py`` / ``shared_params/
        responses_model.py``, while the enums ``ImageModel``, ``AudioModel``, ``FilePurpose`` have no
        ``_param`` module."""
        pointer, node = self.resolver.deref(node, pointer)
        if not isinstance(node, Mapping):
            return False
        for key in ("anyOf", "oneOf"):
            members = node.get(key)
            if isinstance(members, list) and sum(1 for m in members if not is_null_schema(m)) > 1:
                return True
        return False

    def _shape(self, node: JSON, pointer: str, depth: int = 0, memo: dict[str, NamedShape] | None = None) -> NamedShape:
        if not isinstance(node, Mapping) or depth > 16:
            return "other"
        if isinstance(node.get("$ref"), str) and "properties" not in node:
            ptr, target = self.resolver.resolve(node["$ref"], from_pointer=pointer)
            # each schema's shape is worked out once: a union of unions that fans out stays linear
            memo = {} if memo is None else memo
            if ptr not in memo:
                memo[ptr] = self._shape(target, ptr, depth + 1, memo)
            return memo[ptr]
        if "enum" in node or "const" in node:
            return "literal"
        for key in ("anyOf", "oneOf"):
            members = node.get(key)
            if isinstance(members, list):
                shapes = [self._shape(m, child(pointer, key, i), depth + 1, memo) for i, m in enumerate(members)
                          if not is_null_schema(m)]
                if len(shapes) == 1:
                    return shapes[0]
                if any(s in ("object", "union", "map") for s in shapes):
                    return "union"
                return "literal" if all(s == "literal" for s in shapes) else "other"
        types = [t for t in type_list(node) if t != "null"]
        if "properties" in node or "allOf" in node:
            return "object"
        if types[:1] == ["array"] or (not types and "items" in node):
            items = self._shape(node.get("items"), child(pointer, "items"), depth + 1, memo)
            return "array" if items in ("object", "union", "map", "array") else "other"
        if types[:1] == ["object"] or (not types and "additionalProperties" in node):
            return "map"
        return "other"

    def _model_module(self, model: NamedModel) -> Module:
        pointer = model.pointer
        self.types.module = model.ref.module
        _, node = self.resolver.resolve(pointer, from_pointer=model.spec.pointer)
        name = model.ref.name
        scope = ModuleScope()
        scope.names.add(name)
        shape = model.ref.shape
        if shape == "object":
            scope.by_pointer[pointer] = name
            inner = non_null_member(node, pointer)
            if inner is not None:  # `anyOf: [{type: object, ...}, null]`: the record is the object
                pointer, node = inner
            root = record_root(self.types, scope, name, node, pointer, sort_fields, open_=is_open_object(node))
        else:
            alias = AliasDef(name=name, type=Primitive("null"), pointer=pointer,
                             description=self.types.description(node, pointer))
            root = DefNode(alias)
            ctx = Ctx(scope, (), root)
            alias.type = self.types.alias_type(node, pointer, ctx)
            if shape != "literal":  # the use sites say Optional[...]; record aliases are not nullable themselves
                alias.type = strip_null(alias.type)
        definitions = root.postorder()
        exports = [d.name for d in root.preorder()]
        return Module(model.ref.module, model.kind, definitions, exports, name)


def _exists(root: JSON, pointer: str) -> bool:
    node = root
    for token in tokens_from_pointer(pointer):
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def _describe(owner: DefNode, name: str, text: str) -> None:
    for node in owner.children:
        d = node.definition
        if d.name == name and d.description is None:
            d.description = text


def _is_object(node: Mapping[str, JSON]) -> bool:
    return "properties" in node or "allOf" in node or "object" in type_list(node)


def shared_literal_twin(module: Module) -> Module | None:
    """The ``shared_params/`` copy of a ``$shared`` literal alias that requests reach. The OpenAI SDK writes
    ``shared_params/chat_model.py`` and ``shared_params/reasoning_effort.py`` beside ``shared/`` (the same alias,
    with ``from __future__ import annotations``), although its params modules import the literal from
    ``shared/`` (``from ..shared.chat_model import ChatModel``); a ``$shared`` model no request reaches has no
    ``shared_params/`` module (``shared/all_models.py``, ``shared/error_object.py``). The union and record
    models already have their request twin there (:meth:`NamedModels._union`)."""
    if module.kind != "shared_alias" or len(module.path) < 2 or module.path[-2] != "shared":
        return None
    return replace(module, path=(*module.path[:-2], "shared_params", module.path[-1]), kind="shared_param")
