"""The response side of the model: what comes back from each method, from the same model of types as the
request side (issue 13; ``../shared/docs/STYLE-RESPONSES.md``, cited as R-numbers below).

- **Method responses (R7.1).** A method's 2xx JSON response that is a config model is referenced; anything else
  becomes the method's own module ``<singular>_<method>_response`` / ``<Singular><Method>Response``, a full copy
  even when the spec ``$ref``\\ s a shared component (``UsageResponse`` has 11 copies in the OpenAI SDK). A page
  (an object whose ``data`` array sits next to ``has_more`` or an ``object`` tag: the SDK wraps it in its page
  class) contributes its item instead: ``container_list_response.py`` is the item of ``ContainerList``.
- **Named models (R7.2, R7.3).** Every config model reached from a response (a method's response under any media
  type, a webhook payload, or through another response model) gets a response module: key ``k`` → ``k.py`` /
  ``Pascal(k)`` next to the request twin ``k_param.py`` (``$shared``: ``types/shared/k.py``). Literal and scalar
  aliases have one module for both sides. A schema named by several entries is written once, under the last
  entry; each earlier entry becomes a re-export ``Earlier = Last`` (R9), which replaces the request side's copy
  of a ``$shared`` literal (``chat/chat_completion_reasoning_effort.py``).
- **Types (R4.1, R6.1).** :class:`ResponseTypes` is the request side's :class:`TypeBuilder` with two additions a
  response model needs: ``allOf: [$ref Named, {...}]`` is a subclass of the named model listing only its own
  fields, and a union with a spec ``discriminator`` whose variants all carry that property as a one-value const
  records it (a target may use it to pick the variant).

The request side is not touched: its registry, reachability and modules are computed first and stay as they
are; this side only adds modules (kind ``model`` / ``shared_model``) the request side does not emit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.config import placement
from generator.config.model import Method, ModelSpec, iter_methods, iter_models
from generator.load.resolver import RefError
from generator.load.schema import child, is_component_schema, is_extension_free_ref
from generator.model import responseshape
from generator.model.ir import (
    AliasDef,
    ClassDef,
    Field,
    Module,
    NamedRef,
    NamedShape,
    Operation,
    Primitive,
    TypeNode,
    UnionType,
    make_nullable,
    strip_null,
)
from generator.model.responsetypes import ResponseTypes
from generator.model.typescope import Ctx, DefNode, ModuleScope, collation_key, order_children, record_root

if TYPE_CHECKING:
    from generator.model.build import ProjectBuilder
    from generator.model.named import NamedModel

JSON = Any
RESPONSE_MEDIA = "application/json"


@dataclass
class ResponseModel:
    model: NamedModel  # the request side's registration (nullability, shape)
    spec: ModelSpec  # the entry that owns the response module
    ref: NamedRef
    reexports: list[ModelSpec]


class ResponseSide:
    """Builds the response modules of a project after its request side (``builder``) was built."""

    def __init__(self, builder: ProjectBuilder) -> None:
        self.b = builder
        self.models: dict[str, ResponseModel] = {}
        self.method_refs: dict[str, NamedRef] = {}  # unwrapped response fields -> the method's module
        self.used: list[str] = []
        self.types = ResponseTypes(builder._resolve, self._named, builder.diags, builder.file)
        self.types.records = {}
        # a bare copy of a config enum is that enum here too (responses/response_input_image_content.py:
        # `detail: Optional[ImageDetail]` for `$ref DetailEnum`, ImageDetail's values), when the enum is a schema
        # of its own: realtime/realtime_session_create_request.py keeps `List[Literal["text", "audio"]]` although
        # chat_completion_modality (`ResponseModalities/anyOf/0/items`) has those values
        self.types.named_enums = {key: found for key, candidates in builder.types.named_enums.items()
                                  if (found := [c for c in candidates if is_component_schema(c[1])])}
        self.replaced: set[tuple[str, ...]] = set()  # request-side literal modules that became re-exports

    # ------------------------------------------------------------------------------------------ registry
    def _register(self) -> None:
        entries: dict[str, list[ModelSpec]] = {}
        from generator.model.named import _exists

        for spec in iter_models(self.b.config):
            if not _exists(self.b.spec, spec.schema_pointer):
                continue  # reported by the request side
            try:
                pointer, _ = self.b.resolver.resolve(spec.schema_pointer, from_pointer=spec.pointer)
            except (KeyError, RefError):
                continue
            entries.setdefault(pointer, []).append(spec)
        for pointer, model in self.b.models.items():
            specs = entries.get(pointer) or [model.spec]
            # several entries, one schema: the last entry has the module, the earlier ones re-export it (R9)
            ref = response_ref(specs[-1], model.ref.shape)
            self.models[pointer] = ResponseModel(model, specs[-1], ref, specs[:-1])
            if ref.shape == "object":
                self.types.records[pointer] = ref

    def _named(self, pointer: str) -> TypeNode | None:
        entry = self.models.get(pointer)
        if entry is None:
            return self.method_refs.get(pointer)
        if pointer not in self.used:
            self.used.append(pointer)
        return make_nullable(entry.ref) if entry.model.nullable else entry.ref

    # ------------------------------------------------------------------------------------------ build
    def build(self, taken: set[tuple[str, ...]], operations: list[Operation]) -> list[Module]:
        """The response modules; ``taken`` holds the request side's module paths (alias modules serve both).
        Each operation learns what it returns (:attr:`Operation.response`)."""
        self._register()
        modules: list[Module] = []
        by_method = {(op.resource, op.method_name): op for op in operations}
        for method in iter_methods(self.b.config):
            try:
                module = self._method(method, by_method.get((method.resource_path, method.name)))
            except RefError:
                continue
            if module is not None:
                modules.append(module)
        self._webhooks()
        # then the models nothing reaches (events of a websocket API, the spec's literal aliases): a config model
        # has a response module unless it is reached from requests only (R7.3)
        # a `$shared` model always has its `shared/` module, even when only requests reach it (Llama Stack
        # shared/system_message.py and shared/sampling_params.py, reached from `BenchmarkConfig` params only)
        unreached = [p for p, e in self.models.items() if p not in self.b.used or e.spec.shared]
        literal_reexports: set[tuple[str, ...]] = set()
        i = 0
        while i < len(self.used) or unreached:  # grows while modules are built
            if i == len(self.used):
                pointer = unreached.pop(0)
                if pointer not in self.used:
                    self.used.append(pointer)
                continue
            entry = self.models[self.used[i]]
            i += 1
            for spec in entry.reexports:
                modules.append(self._reexport(entry, spec))
                if entry.ref.shape == "literal" and entry.spec.shared and modules[-1].main_name != entry.ref.name:
                    # the SDK writes `ChatCompletionReasoningEffort = ReasoningEffort` for both sides over a
                    # `$shared` literal (chat/chat_completion_reasoning_effort.py), not a second copy of it
                    literal_reexports.add(modules[-1].path)
            if entry.ref.module not in taken:
                try:
                    modules.append(self._model_module(entry))
                except RefError:
                    continue
        out: list[Module] = []
        claimed: set[tuple[str, ...]] = set()
        for m in modules:  # one module per path: the first claim wins, the others are reported
            if m.path in taken and m.path not in literal_reexports:
                continue  # a module both sides share (a literal alias) is the request side's
            if m.path in taken:  # ...unless the SDK writes it as a re-export of the entry that owns it (R9)
                self.replaced.add(m.path)
            if m.path in claimed:
                self.b.diags.warning("response-module-collision", f"response module {'/'.join(m.path)}.py is "
                                     "claimed twice; keeping the first", file=str(self.b.config.path))
                continue
            claimed.add(m.path)
            out.append(m)
        return out

    def _method(self, method: Method, operation: Operation | None) -> Module | None:
        op_pointer = child("#/paths", method.path, method.http_method)
        paths = self.b.spec.get("paths")
        item = paths.get(method.path) if isinstance(paths, Mapping) else None
        op = item.get(method.http_method) if isinstance(item, Mapping) else None
        if not isinstance(op, Mapping):
            return None  # reported by the request side
        found = self._response_schema(op, op_pointer)
        if found is None:
            return None
        sptr, schema = found
        pointer, node = self.b.resolver.deref(schema, sptr)
        unwrapped = responseshape.unwrap(node, pointer, self.b.config.unwrap_response_fields)
        if unwrapped is not None:  # `{data: [...]}` returns its `data` (settings.unwrap_response_fields)
            sptr, schema = unwrapped
            pointer, node = self.b.resolver.deref(schema, sptr)
        page = False
        ref = self._named_chain(schema, sptr)
        if ref is None and unwrapped is None:
            names = self._request_names(item, op, op_pointer)
            # a scheme pages a method that takes its request params (Llama Stack's `post .../items` returns the
            # same `ConversationItemList` as its paged `get`, but takes no `after`/`limit`: a plain response)
            schemes = tuple(s.response for s in self.b.config.pagination
                            if s.response and all(name in names for name, _ in s.request))
            configured = any(s.response for s in self.b.config.pagination)
            item_found = None if configured and not schemes else responseshape.page_item(node, pointer, method, schemes,
                                                                               responseshape.query_names(op))
            if item_found is not None:
                page = True
                sptr, schema = item_found
                pointer, node = self.b.resolver.deref(schema, sptr)
                ref = self._named_chain(schema, sptr)
        module = None
        if ref is None:
            path, name = placement.response_module(method)
            module = self._module(path, "model", name, node, pointer)
            ref = NamedRef(path, name, self.b._shape(node, pointer))
            if unwrapped is not None:  # the wrapper model's field is this module's type (`data: ModelListResponse`)
                self.method_refs.setdefault(sptr, ref)
        if operation is not None:
            operation.response, operation.response_page = ref, page
        return module

    def _request_names(self, item: JSON, op: Mapping[str, JSON], op_pointer: str) -> set[str]:
        """The names an operation takes: its (and its path's) parameters and its JSON body's properties."""
        names: set[str] = set()
        path_ptr = op_pointer.rsplit("/", 1)[0]
        for owner, ptr in ((item, path_ptr), (op, op_pointer)):
            params = owner.get("parameters") if isinstance(owner, Mapping) else None
            for i, p in enumerate(params if isinstance(params, list) else ()):
                _, node = self.b.resolver.deref(p, child(ptr, "parameters", i))
                if isinstance(node, Mapping) and isinstance(node.get("name"), str):
                    names.add(node["name"])
        body_ptr, body = self.b.resolver.deref(op.get("requestBody"), child(op_pointer, "requestBody"))
        content = body.get("content") if isinstance(body, Mapping) else None
        media = content.get("application/json") if isinstance(content, Mapping) else None
        if isinstance(media, Mapping) and isinstance(media.get("schema"), Mapping):
            _, schema = self.b.resolver.deref(media["schema"], child(body_ptr, "content", "application/json",
                                                                     "schema"))
            props = schema.get("properties") if isinstance(schema, Mapping) else None
            names.update(str(k) for k in (props if isinstance(props, Mapping) else ()))
        return names

    def _response_schema(self, op: Mapping[str, JSON], op_pointer: str) -> tuple[str, JSON] | None:
        """The schema of the first 2xx JSON response; the other media types of every 2xx response (event
        streams) only mark the named models they reach."""
        responses = op.get("responses")
        if not isinstance(responses, Mapping):
            return None
        found: tuple[str, JSON] | None = None
        for code in sorted(str(c) for c in responses):
            if not code.startswith("2"):
                continue
            rptr = child(op_pointer, "responses", code)
            response = responses.get(code, responses.get(int(code) if code.isdigit() else code))
            if isinstance(response, Mapping) and isinstance(response.get("$ref"), str):
                rptr, response = self.b.resolver.resolve(response["$ref"], from_pointer=rptr)
            content = response.get("content") if isinstance(response, Mapping) else None
            if not isinstance(content, Mapping):
                continue
            for media, entry in content.items():
                if not isinstance(entry, Mapping) or "schema" not in entry:
                    continue
                sptr = child(rptr, "content", media, "schema")
                if media == RESPONSE_MEDIA and found is None:
                    found = (sptr, entry["schema"])
                else:
                    self._mark(entry["schema"], sptr)
        return found

    def _webhooks(self) -> None:
        """Webhook payloads (OpenAPI 3.1 ``webhooks``) are responses too: the named models they reach."""
        hooks = self.b.spec.get("webhooks")
        if not isinstance(hooks, Mapping):
            return
        for name, item in hooks.items():
            if not isinstance(item, Mapping):
                continue
            for verb, op in item.items():
                body = op.get("requestBody") if isinstance(op, Mapping) else None
                content = body.get("content") if isinstance(body, Mapping) else None
                if isinstance(content, Mapping):
                    for media, entry in content.items():
                        if isinstance(entry, Mapping) and "schema" in entry:
                            ptr = child("#/webhooks", name, verb, "requestBody", "content", media, "schema")
                            self._mark(entry["schema"], ptr)

    def _mark(self, schema: JSON, pointer: str) -> None:
        """Mark the named models a schema reaches without emitting anything for the schema itself."""
        scope = ModuleScope()
        try:
            self.types.to_type(schema, pointer, Ctx(scope, ("Unused",), DefNode(AliasDef("Unused", Primitive("null")))))
        except RefError:
            return

    def _named_chain(self, schema: JSON, pointer: str) -> NamedRef | None:
        """The named model a schema is, following ``$ref`` aliases (marks it used)."""
        for _ in range(64):
            ref = self._named(pointer)
            if isinstance(ref, NamedRef):
                return ref
            if ref is not None:  # a nullable named model
                core = strip_null(ref)
                return core if isinstance(core, NamedRef) else None
            if not isinstance(schema, Mapping) or not isinstance(schema.get("$ref"), str):
                return None
            if not is_extension_free_ref(schema):
                return None
            pointer, schema = self.b.resolver.resolve(schema["$ref"], from_pointer=pointer)
        return None

    # ------------------------------------------------------------------------------------------ modules
    def _model_module(self, entry: ResponseModel) -> Module:
        model = entry.model
        _, node = self.b.resolver.resolve(model.pointer, from_pointer=model.spec.pointer)
        kind = "shared_model" if entry.spec.shared else "model"
        pointer = model.pointer
        if entry.ref.shape in ("object", "map"):
            pointer, node = responseshape.non_null_member(node, pointer)
        return self._module(entry.ref.module, kind, entry.ref.name, node, pointer, entry.ref.shape)

    def _module(self, path: tuple[str, ...], kind: str, name: str, node: JSON, pointer: str,
                shape: str | None = None) -> Module:
        shape = shape or self.b._shape(node, pointer)
        self.types.module = path  # the named enum closest to it (sdkrules.closest)
        scope = ModuleScope()
        scope.names.add(name)
        if shape == "object":
            root = record_root(self.types, scope, name, node, pointer, sort_response_fields)
        else:
            alias = AliasDef(name=name, type=Primitive("null"), pointer=pointer,
                             description=self.types.description(node, pointer))
            root = DefNode(alias)
            # an array module names its inline item `<Name>Item` (`InferenceRerankResponseItem`)
            naming_path = (f"{name}Item",) if isinstance(node, Mapping) and "items" in node else ()
            alias.type = self.types.alias_type(node, pointer, Ctx(scope, naming_path, root))
            if isinstance(strip_null(alias.type), UnionType):
                alias.discriminator = self.types.discriminator(node, pointer)
        _resort(root)
        definitions = root.postorder()
        exports = [d.name for d in root.preorder()]
        return Module(path, kind, definitions, exports, name)  # type: ignore[arg-type]

    def _reexport(self, entry: ResponseModel, spec: ModelSpec) -> Module:
        """``Earlier = Last`` for an earlier config entry naming the same schema (R9)."""
        ref = response_ref(spec, entry.ref.shape)
        alias = AliasDef(ref.name, entry.ref, annotated=False, pointer=entry.model.pointer)
        return Module(ref.module, "shared_model" if spec.shared else "model", [alias], [ref.name], ref.name)


def response_ref(spec: ModelSpec, shape: NamedShape) -> NamedRef:
    """Where a named model's response module lives (R7.2): ``k.py`` / ``Pascal(k)`` beside the ``k_param.py``
    twin (``$shared``: ``types/shared/k.py``), the module a literal alias already has. A class-name override
    written for the request twin (``...Param``) names the response model without that suffix."""
    module, name = placement.model_placement(spec, kind="alias")
    if spec.class_name_override and name.endswith("Param") and len(name) > len("Param"):
        name = name[: -len("Param")]
    return NamedRef(module, name, shape)


def sort_response_fields(fields: list[Field]) -> list[Field]:
    """Required fields, then optional ones; A–Z regardless of case within each group (OneBusAway's ``stops``
    before ``stopTimes``), with ``id`` and ``token`` pulled to its front (R5.1: the 20 classes of the OpenAI SDK
    with a ``token`` field all start with it)."""

    def key(f: Field) -> tuple[int, int, str, str]:
        # by the wire name: the SDK sorts before snake-casing (``stops`` < ``stopTimes``, not ``stop_times``)
        return (0 if f.required else 1, 0 if f.name in ("id", "token") else 1, collation_key(f.wire_name),
                f.wire_name)

    return sorted(fields, key=key)


def _resort(node: DefNode) -> None:
    """Apply :func:`sort_response_fields` to every class of a module (nested ones were sorted by the shared
    builder), keeping nested definitions in the order of the fields that use them."""
    for c in node.children:
        _resort(c)
    d = node.definition
    if isinstance(d, ClassDef):
        d.fields = sort_response_fields(d.fields)
        order_children(node, d.fields)
