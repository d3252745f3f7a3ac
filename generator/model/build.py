"""Spec + config → intermediate model (:class:`generator.model.ir.Project`).

For every configured method: find the operation, collect its parameters (extra path params, query, header) and
its request body's properties into one params class (STYLE §4, §6), split streaming methods into the
Base / NonStreaming / Streaming triple (STYLE R3.3), and reference the config's named models instead of inlining
them. Every named model that is referenced (transitively) gets a module of its own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from generator.config import placement
from generator.config.client import client_sent
from generator.config.model import Config, Method, iter_methods
from generator.diagnostics import Diagnostics
from generator.load.resolver import RefError, Resolver
from generator.load.schema import child
from generator.model import surface
from generator.model.enumcover import cover_open_enums
from generator.model.ir import (
    AliasDef,
    ClassDef,
    Field,
    FileType,
    LiteralType,
    LocalRef,
    Module,
    Operation,
    Param,
    Primitive,
    Project,
    StreamingSplit,
    TypeNode,
    UnionType,
    Unknown,
    is_nullable,
    make_nullable,
)
from generator.model.named import NamedModel, NamedModels, _describe, _is_object, shared_literal_twin
from generator.model.params import body_media, media_warning, report_no_params, usable_parameter
from generator.model.typescope import Ctx, DefNode, ModuleScope, order_children, sort_fields
from generator.model.typetree import TypeBuilder, is_open_object
from generator.model.unionbody import Variant, is_union_body, single_variant, union_body_variants, union_module
from generator.text import naming

JSON = Any
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BODY_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
_PATH_PARAM = re.compile(r"\{([^{}]+)\}")


class ProjectBuilder(NamedModels):
    def __init__(self, spec: Mapping[str, JSON], config: Config, diags: Diagnostics, file: str, *,
                 request_subclasses: bool = True) -> None:
        self.spec = spec
        self.config = config
        self.diags = diags
        self.file = file
        self.client_sent = client_sent(config.client, spec)  # params the client sends itself
        self.resolver = Resolver(spec, diags, file=file)
        self.models: dict[str, NamedModel] = {}
        self.used: list[str] = []
        self.types = TypeBuilder(self._resolve, self._named, diags, file)
        # a request record over `allOf: [$ref Named, {...}]` subclasses the named one (model/subclass.py); off
        # for a target that does not write the base yet (the TypeScript target: it lists every field)
        self.types.subclasses = request_subclasses

    # ------------------------------------------------------------------------------------------ plumbing
    def _resolve(self, ref: str, from_pointer: str) -> tuple[str, JSON]:
        return self.resolver.resolve(ref, from_pointer=from_pointer)

    def _named(self, pointer: str) -> TypeNode | None:
        model = self.models.get(pointer)
        if model is None:
            return None
        if pointer not in self.used:
            self.used.append(pointer)
        # a nullable named type makes its use sites nullable too (STYLE R4.2: nullability through a $ref)
        return make_nullable(model.ref) if model.nullable else model.ref

    # ------------------------------------------------------------------------------------------ build
    def build(self, *, responses: bool = True) -> Project:
        """The project; ``responses=False`` leaves out the response side (a target that renders request types
        only: its modules, what each operation returns, and the request modules it would turn into re-exports)."""
        project = self.build_requests()
        return self.with_responses(project) if responses else project

    @property
    def has_response_side(self) -> bool:
        """Whether :meth:`with_responses` adds anything: on when the config lists models (issue 13)."""
        return bool(self.config.response_models and self.models)

    def build_requests(self) -> Project:
        """The request side: every method's params module and the named models they reach."""
        self._register_models()
        self.types.records = {p: m.ref for p, m in self.models.items() if m.ref.shape == "object"}
        operations: list[Operation] = []
        modules: list[Module] = []
        for method in iter_methods(self.config):
            try:
                op, module = self._method(method)
            except RefError:
                continue  # reported by the resolver; generation stops after all methods were looked at
            if op is not None:
                operations.append(op)
            if module is not None:
                modules.append(module)
        if not modules:
            report_no_params(self.spec, len(list(iter_methods(self.config))), operations, self.diags, self.file)
        done: set[str] = set()
        i = 0
        while i < len(self.used):  # named models referenced so far, growing as their modules are built
            pointer = self.used[i]
            i += 1
            if pointer not in done:
                done.add(pointer)
                try:
                    modules.append(self._model_module(self.models[pointer]))
                except RefError:
                    continue
                twin = shared_literal_twin(modules[-1])
                if twin is not None:
                    modules.append(twin)
        project = Project(
            package=self.config.package_name,
            header_blocks=[*([self.config.file_header] if self.config.file_header else []),
                           (self.config.generated_header,)],
            operations=operations,
            modules=modules,
            support=self.config.support_modules,
            resources=surface.resources(self.config),
            page_schemes=self.config.pagination,
        )
        cover_open_enums(project)
        return project

    def with_responses(self, project: Project) -> Project:
        """``project`` (this builder's :meth:`build_requests`) with its response side: the response modules
        added, each operation told what it returns, and the request modules that become re-exports dropped.
        The request modules themselves are not changed (a target may render them meanwhile)."""
        if not self.has_response_side:
            return project
        from generator.model.responses import ResponseSide

        side = ResponseSide(self)
        response_modules = side.build({m.path for m in project.modules}, project.operations)
        modules = [m for m in project.modules if m.path not in side.replaced] + response_modules
        return dataclasses.replace(project, modules=modules)

    # ------------------------------------------------------------------------------------------ methods
    def _method(self, method: Method) -> tuple[Operation | None, Module | None]:
        paths = self.spec.get("paths")
        item = paths.get(method.path) if isinstance(paths, Mapping) else None
        op = item.get(method.http_method) if isinstance(item, Mapping) else None
        op_pointer = child("#/paths", method.path, method.http_method)
        if not isinstance(item, Mapping) or not isinstance(op, Mapping):
            self.diags.warning("endpoint-missing", f"endpoint '{method.http_method} {method.path}' of method "
                               f"{'.'.join((*method.resource_path, method.name))} is not in the spec; skipped",
                               file=str(self.config.path), pointer=method.pointer)
            return None, None
        module_path, class_name = placement.params_module(method)
        self.types.module = module_path
        operation = Operation(method.http_method, method.path, method.resource_path, method.name,
                              op.get("operationId") if isinstance(op.get("operationId"), str) else None)
        operation.response_properties = surface.response_properties(self.resolver, op, op_pointer)
        operation.pagination = method.pagination
        operation.type_parameters = method.type_parameters
        scope = ModuleScope()
        scope.names.add(class_name)
        cls = ClassDef(name=class_name, fields=[], pointer=op_pointer)
        root = DefNode(cls)
        ctx = Ctx(scope, (), root)

        path_fields, query_fields, header_fields = self._parameters(item, op, op_pointer, method, ctx, operation)
        body = self._body(op, op_pointer, ctx, scope)
        if body and isinstance(body[0], Variant):
            variants = [v for v in body if isinstance(v, Variant)]
            if method.streaming_param:
                self.diags.warning("stream-union-body", "a union request body gets no streaming split; each variant "
                                   f"keeps its {method.streaming_param!r}", file=str(self.config.path),
                                   pointer=method.pointer)
            operation.params_module = module_path
            return operation, union_module(module_path, class_name, root, variants, op_pointer, lambda body: (
                self._class_fields(path_fields, query_fields, body, header_fields)))
        body_fields = [f for f in body if isinstance(f, Field)]
        fields = self._class_fields(path_fields, query_fields, body_fields, header_fields)

        split: StreamingSplit | None = None
        stream_field: Field | None = None
        if method.streaming_param:
            stream_field = next((f for f in fields if f.wire_name == method.streaming_param), None)
            if stream_field is None:
                self.diags.warning("stream-param-missing", f"streaming method has no {method.streaming_param!r} "
                                   "parameter; generating without the streaming split",
                                   file=str(self.config.path), pointer=method.pointer)
            else:
                fields.remove(stream_field)
        if not fields and stream_field is None:
            return operation, None
        path_only = stream_field is None and all(f.location == "path" for f in fields)  # see Module.path_only
        operation.params_module = module_path
        operation.streaming = stream_field is not None
        cls.fields = fields
        order_children(root, [*fields, *([stream_field] if stream_field else [])])
        definitions: list[Any] = [cls]
        for c in root.children:
            definitions.extend(c.postorder())
        exports = [d.name for d in root.preorder()]
        if stream_field is not None:
            split = self._streaming(class_name, stream_field, scope, definitions, exports)
            cls.name = split.base
        return operation, Module(module_path, "params", definitions, exports, cls.name, split, path_only)

    def _class_fields(self, path: list[Field], query: list[Field], body: list[Field], header: list[Field]
                      ) -> list[Field]:
        """Path params, then the required query and body fields, the optional query fields, the optional body
        fields, and the headers (STYLE §4)."""
        required = sort_fields([f for f in query + body if f.required])
        optional_query = sort_fields([f for f in query if not f.required])
        optional_body = sort_fields([f for f in body if not f.required])
        return self._unique(path + required + optional_query + optional_body + header)

    def _unique(self, fields: list[Field]) -> list[Field]:
        """One field per key: a query/path/header param and a body property of the same name cannot both live in
        one dict; the first (in field order) is kept and the collision is reported with both pointers."""
        seen: dict[str, Field] = {}
        out: list[Field] = []
        for f in fields:
            first = seen.get(f.name) or seen.get(f.wire_name)
            if first is not None:
                self.diags.warning("param-collision", f"{f.location} parameter {f.wire_name!r} ({f.pointer}) has the "
                                   f"same name as the {first.location} parameter at {first.pointer}; keeping the "
                                   f"{first.location} one", file=self.file, pointer=f.pointer)
                continue
            seen[f.name] = seen[f.wire_name] = f
            out.append(f)
        return out

    def _streaming(self, class_name: str, stream: Field, scope: ModuleScope, definitions: list[Any],
                   exports: list[str]) -> StreamingSplit:
        split = StreamingSplit(stream.wire_name, scope.claim(class_name + "Base"),
                               scope.claim(class_name + "NonStreaming"), scope.claim(class_name + "Streaming"),
                               class_name)
        exports[0] = split.base
        false_type = LiteralType((False,))
        non_streaming = Field(stream.name, stream.wire_name,
                              UnionType((false_type, Primitive("null"))) if is_nullable(stream.type) else false_type,
                              required=False, description=stream.description, location=stream.location,
                              pointer=stream.pointer)
        streaming = Field(stream.name, stream.wire_name, LiteralType((True,)), required=True,
                          description=stream.description, location=stream.location, pointer=stream.pointer)
        definitions.append(ClassDef(split.non_streaming, [non_streaming], total=False, bases=(split.base,)))
        definitions.append(ClassDef(split.streaming, [streaming], total=True, bases=(split.base,)))
        definitions.append(AliasDef(split.union, UnionType((LocalRef(split.non_streaming),
                                                             LocalRef(split.streaming))), annotated=False))
        exports.extend([split.non_streaming, split.streaming])
        return split

    def _parameters(self, item: Mapping[str, JSON], op: Mapping[str, JSON], op_pointer: str, method: Method,
                    ctx: Ctx, operation: Operation) -> tuple[list[Field], list[Field], list[Field]]:
        params: dict[tuple[str, str], tuple[str, Mapping[str, JSON], JSON, str]] = {}
        item_pointer = op_pointer.rsplit("/", 1)[0]
        for base, owner in ((item_pointer, item), (op_pointer, op)):
            listed = owner.get("parameters")
            for i, p in enumerate(listed if isinstance(listed, list) else []):  # else: load/pathitems.py warned
                ptr = child(base, "parameters", i)
                if isinstance(p, Mapping) and isinstance(p.get("$ref"), str):
                    ptr, p = self.resolver.resolve(p["$ref"], from_pointer=ptr)
                usable = usable_parameter(p, ptr, self.diags, self.file)
                if usable is not None:
                    params[(p["in"], p["name"])] = (ptr, p, *usable)
        path_names = _PATH_PARAM.findall(method.path)
        positional = path_names[-1] if path_names else None
        by_loc: dict[str, list[Field]] = {"path": [], "query": [], "header": []}
        for (loc, name), (ptr, p, schema, schema_ptr) in params.items():
            if loc not in by_loc or (loc == "path" and name == positional):
                continue
            if (loc, name.lower() if loc == "header" else name) in self.client_sent:
                continue  # the client sends it (config/client.py): the API key as a query param or header
            operation.params.append(Param(name, loc, bool(p.get("required")), ptr))  # type: ignore[arg-type]
            key = name
            if loc == "query" and name.endswith("[]") and len(name) > 2:
                key = name[:-2]  # `ids[]`: the client's query serialiser writes the brackets for arrays
            f = self.types.field(key, schema, schema_ptr, ctx.under(key),
                                 required=loc == "path" or p.get("required") is True, location=loc)
            if loc == "header" and f.name == f.wire_name:
                f.name = naming.snake(name) or f.name  # `X-Trace` -> x_trace, sent under its alias
            param_doc = p.get("description") if isinstance(p.get("description"), str) else None
            if loc in ("path", "header"):
                # the parameter's own description documents the method's argument; only the schema's is kept
                f.description = self.types.description(schema, schema_ptr)
                f.parameter_description = param_doc
            elif param_doc:
                f.description = param_doc  # a query param's own description wins over its schema's
            if param_doc and isinstance(f.type, LocalRef):
                _describe(ctx.owner, f.type.name, param_doc)  # an inline object param: its class docstring
            alt = p.get("x-stainless-param")
            if isinstance(alt, str) and alt:
                f.name = alt
            by_loc[loc].append(f)
        order = {n: i for i, n in enumerate(path_names)}
        path_fields = sorted(by_loc["path"], key=lambda f: order.get(f.wire_name, len(order)))
        return path_fields, by_loc["query"], sort_fields(by_loc["header"])

    def _value_body(self, body: Mapping[str, JSON], media: str, ptr: str, schema: JSON, sptr: str, ctx: Ctx
                    ) -> list[Field]:
        """A request body that is no object (an array, a string, a number, a file) is one ``body`` param of the
        schema's type, required when the body is: the commercial generator's SDKs take such a body as the
        ``body`` argument (``body: Required[Iterable[Body]]``). A schema that says nothing of its type stays a
        warning with no param."""
        f = self.types.field("body", schema, sptr, ctx.under("body"), required=body.get("required") is True)
        if isinstance(f.type, Unknown):
            self.diags.warning("body-not-object", "request body schema has no type; no body params emitted",
                               file=self.file, pointer=sptr)
            return []
        if not isinstance(f.type, FileType):  # raw bytes are what the client sends for a binary body
            media_warning(media, ptr, BODY_TYPES, self.diags, self.file)
        if f.description is None and isinstance(body.get("description"), str):
            f.description = body["description"]
        return [f]

    def _body(self, op: Mapping[str, JSON], op_pointer: str, ctx: Ctx, scope: ModuleScope
              ) -> list[Field] | list[Variant]:
        body = op.get("requestBody")
        ptr = child(op_pointer, "requestBody")
        if isinstance(body, Mapping) and isinstance(body.get("$ref"), str):
            ptr, body = self.resolver.resolve(body["$ref"], from_pointer=ptr)
        if not isinstance(body, Mapping) or not isinstance(body.get("content"), Mapping):
            if body is not None:
                self.diags.warning("body-invalid", "a request body must be a mapping with a 'content' mapping; no "
                                   "body params emitted", file=self.file, pointer=ptr)
            return []
        media = body_media(body["content"], ptr, BODY_TYPES, self.diags, self.file)
        if media is None:
            return []
        sptr = child(ptr, "content", media, "schema")
        schema = body["content"][media]["schema"]
        target_ptr, target = sptr, schema
        if isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
            target_ptr, target = self.resolver.deref(schema, sptr)
        if is_union_body(target):
            variants = union_body_variants(self.types, self.resolver.deref, target, target_ptr, ctx, self.diags,
                                           self.file)
            if variants is not None:
                media_warning(media, ptr, BODY_TYPES, self.diags, self.file)
                return variants
            target_ptr, target = single_variant(target, target_ptr, self.resolver.deref)
        if not isinstance(target, Mapping) or not _is_object(target):
            return self._value_body(body, media, ptr, schema, sptr, ctx)
        media_warning(media, ptr, BODY_TYPES, self.diags, self.file)  # only a body that is read: not a binary one
        scope.by_pointer[target_ptr] = ctx.owner.definition.name
        if isinstance(ctx.owner.definition, ClassDef):
            ctx.owner.definition.open = is_open_object(target)
        fields, _ = self.types.object_fields(target, target_ptr, ctx)
        return fields
