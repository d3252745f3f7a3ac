"""The intermediate model: language-neutral, plain dataclasses, no template or Python-syntax strings.

operations → params modules → definitions (classes and aliases) → fields with a type tree and descriptions.
Names here are *target* names already chosen by the builder (class names, module paths); how they are spelled
in a given language's syntax (quoting, escaping, annotations) is the renderer's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal as _Lit

from generator.config.generics import TypeParameter as TypeParameter
from generator.config.pagination import PageScheme as PageScheme

PrimitiveKind = _Lit["string", "integer", "number", "boolean", "null"]
LiteralValue = str | int | float | bool | None
ParamLocation = _Lit["body", "query", "path", "header"]
# request side: params / param / alias / shared_param / shared_alias; response side (issue 13): model / shared_model
ModuleKind = _Lit["params", "param", "alias", "shared_param", "shared_alias", "model", "shared_model"]
RESPONSE_KINDS = ("model", "shared_model")


# ----------------------------------------------------------------------------------------------- type tree
@dataclass(frozen=True)
class Primitive:
    kind: PrimitiveKind


@dataclass(frozen=True)
class LiteralType:
    """An enum or const: the values in spec order, no dedup or sort."""

    values: tuple[LiteralValue, ...]
    # the enum schema has a title or description of its own: it is no bare copy of a named enum (enumcover.py);
    # not part of the type's identity
    documented: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class ArrayType:
    item: TypeNode


@dataclass(frozen=True)
class MapType:
    """An object with only additionalProperties (``value=None``: free-form, values unknown)."""

    value: TypeNode | None


@dataclass(frozen=True)
class UnionType:
    variants: tuple[TypeNode, ...]


NamedShape = _Lit["object", "union", "literal", "map", "array", "other"]


@dataclass(frozen=True)
class NamedRef:
    """A reference to a named type defined in another module (a config model).

    ``shape`` tells what the named type is (a record, a union, an enum/literal alias, a map, anything else), which
    some targets need to pick a container type (e.g. Python's ``List[Alias]`` vs ``Iterable[Record]``)."""

    module: tuple[str, ...]  # path parts below the package root, e.g. ("types", "chat_model")
    name: str
    shape: NamedShape = "object"


@dataclass(frozen=True)
class LocalRef:
    """A reference to a class or alias defined in the same module (nested inline object or union)."""

    name: str


@dataclass(frozen=True)
class FileType:
    """Binary content (``format: binary`` in a multipart body)."""


@dataclass(frozen=True)
class Temporal:
    """A string holding an ISO 8601 date-time (``format: date-time``) or date (``format: date``): SDKs accept the
    string or the language's date value and serialise the latter (OneBusAway ``time`` / ``date`` params)."""

    kind: _Lit["date-time", "date"]


@dataclass(frozen=True)
class Unknown:
    """Anything: an empty schema or one the generator cannot express."""


TypeNode = (Primitive | LiteralType | ArrayType | MapType | UnionType | NamedRef | LocalRef | FileType | Temporal
            | Unknown)

NULL = Primitive("null")


def is_nullable(node: TypeNode) -> bool:
    return node == NULL or (isinstance(node, UnionType) and any(is_nullable(v) for v in node.variants))


def strip_null(node: TypeNode) -> TypeNode:
    """The type without its ``null`` members (unions are flattened; a single survivor is unwrapped)."""
    if not isinstance(node, UnionType):
        return node
    kept = tuple(v for v in flatten_union(node) if v != NULL)
    if not kept:
        return NULL
    return kept[0] if len(kept) == 1 else UnionType(kept)


def flatten_union(node: UnionType) -> tuple[TypeNode, ...]:
    out: list[TypeNode] = []
    for v in node.variants:
        members = flatten_union(v) if isinstance(v, UnionType) else (v,)
        for m in members:
            if m not in out:
                out.append(m)
    return tuple(out)


def make_nullable(node: TypeNode) -> TypeNode:
    if is_nullable(node):
        return node
    if isinstance(node, UnionType):
        return UnionType((*flatten_union(node), NULL))
    return UnionType((node, NULL))


# ----------------------------------------------------------------------------------------------- definitions
@dataclass
class Field:
    name: str  # the name in the target language's dict (usually equals wire_name)
    wire_name: str  # the key on the wire
    type: TypeNode
    required: bool
    description: str | None = None
    deprecated: bool = False
    location: ParamLocation = "body"
    pointer: str = ""  # JSON pointer of the property's schema, for diagnostics
    # a path/query/header parameter's own ``description`` (``description`` above is its schema's for path and
    # header params); a target that documents parameters on the params type itself may prefer it
    parameter_description: str | None = None
    # the spec names the Python attribute itself (``x-stainless-naming: {python: {property_name: ...}}``): a
    # target takes ``name`` as it is, with no renaming rule of its own
    name_from_spec: bool = False

    @property
    def nullable(self) -> bool:
        return is_nullable(self.type)

    @property
    def aliased(self) -> bool:
        return self.name != self.wire_name


@dataclass
class ClassDef:
    """A record type (a TypedDict on the request side, a model class on the response side)."""

    name: str
    fields: list[Field]
    description: str | None = None
    total: bool = False
    bases: tuple[str, ...] = ()
    pointer: str = ""
    # the value type of keys beyond the fields (``additionalProperties`` next to ``properties``); None: closed.
    # Request side: ``extra_items=`` of the TypedDict (PEP 728); response side: the extra-properties stub (R4.5).
    extra_items: TypeNode | None = None
    # response side: the named record this one extends (``allOf: [$ref Base, {...}]``: only own fields listed),
    # and the wire names of fields that redefine a base field with another type
    extends: NamedRef | None = None
    overrides: tuple[str, ...] = ()
    # the last segment of the property path the name was made from (``"input"`` for ``ModerationPolicyInput``, the
    # variant name for a union variant): a target that nests definitions in namespaces names them by it alone
    segment: str = ""
    deprecated: bool = False  # the schema says ``deprecated: true``
    open: bool = False  # the schema has properties and allows any other key (``additionalProperties: true``)
    # a union variant's name under both OpenAI SDKs' rule when it differs from ``segment`` (sdkrules
    # .explicit_tags); the TypeScript target names the variant's interface by it, Python keeps ``segment``
    sdk_segment: str = ""
    # `allOf: [$ref R, {...}]` with R a named record (sdkrules.note_allof_base): R, and the wire names of its fields;
    # the TypeScript target declares `interface X extends R { own fields }`, Python lists every field
    sdk_extends: NamedRef | None = None
    sdk_inherited: tuple[str, ...] = ()


@dataclass
class AliasDef:
    """A named alias for a type (a union of variants, an enum, ...)."""

    name: str
    type: TypeNode
    description: str | None = None
    annotated: bool = True  # ``X: TypeAlias = ...``; the streaming union is written without annotation
    pointer: str = ""
    discriminator: str | None = None  # a union's variant-selecting property (response side, R6.1)


Definition = ClassDef | AliasDef


@dataclass(frozen=True)
class StreamingSplit:
    """The Base / NonStreaming / Streaming triple of a streaming method, named explicitly."""

    discriminator: str  # the body property that selects streaming, e.g. "stream"
    base: str
    non_streaming: str
    streaming: str
    union: str


@dataclass
class Module:
    """One output module: its definitions in definition order, and its public names in ``__all__`` order."""

    path: tuple[str, ...]  # below the package root, without extension: ("types", "pet_create_params")
    kind: ModuleKind
    definitions: list[Definition]
    exports: list[str]
    main_name: str
    streaming: StreamingSplit | None = None
    # params of a method whose only parameters are path parameters (or none): the method's own arguments. A
    # target that writes one params type per method keeps it (openai-node's `RunRetrieveParams { thread_id }`);
    # the Python SDKs pass them as arguments and have no module for it (Llama Stack 2026-04: 9 methods)
    path_only: bool = False

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


@dataclass
class Param:
    name: str
    location: ParamLocation
    required: bool
    pointer: str = ""


@dataclass
class Operation:
    http_method: str
    path: str
    resource: tuple[str, ...]  # e.g. ("beta", "threads", "runs")
    method_name: str
    operation_id: str | None
    params: list[Param] = field(default_factory=list)
    streaming: bool = False
    params_module: tuple[str, ...] | None = None  # None when the method takes no params
    # what the method returns (response side): a named model or the method's own response module; ``page``
    # when that is the item of a page the SDK wraps (``data`` of a list response)
    response: NamedRef | None = None
    response_page: bool = False
    # the top-level property names of the success (2xx) JSON response object, in spec order: lets a target
    # recognise a paginated list (``data`` + ``has_more`` ...) without knowing the response types
    response_properties: tuple[str, ...] = ()
    # the config's page scheme for the method (``Method.pagination``: a name, ``""`` for none, None: not said)
    pagination: str | None = None
    # the params type's generic parameters, for targets that have them (config/generics.py; TypeScript)
    type_parameters: tuple[TypeParameter, ...] = ()

    @property
    def endpoint(self) -> str:
        return f"{self.http_method} {self.path}"


@dataclass(frozen=True)
class ModelInfo:
    """A named model of the config, as a target that places models by resource needs it."""

    key: str  # the config key (``chat_completion_audio``)
    schema_pointer: str
    class_name_override: str | None
    modules: tuple[tuple[str, ...], ...]  # the module paths the builder may give it (object / alias placement)
    pointer: str  # the model's pointer in the config (unique)


@dataclass(frozen=True)
class ResourceInfo:
    """One resource of the config's tree (depth-first, a resource before its subresources): what a target that
    lays files out by resource (TypeScript: ``resources/a/b.ts``) needs besides the modules."""

    path: tuple[str, ...]  # () for ``$shared``
    shared: bool
    has_subresources: bool
    methods: tuple[str, ...]  # method names in config order
    models: tuple[ModelInfo, ...]
    type_prefix: str | None = None  # the config's ``typegen.node_name``: a params name prefix no rule gives


@dataclass
class Project:
    package: str
    # the comment above the generated code: blocks of text lines (without ``#``), in order, one blank line between
    # blocks (the licence block of ``settings.file_header``, then the generator's line: the Llama Stack SDK's files
    # start with the commented Meta notice, a blank line, then the generator's line)
    header_blocks: list[tuple[str, ...]]
    operations: list[Operation]
    modules: list[Module]
    support: bool = False  # emit the target's support modules so the output imports on its own
    resources: list[ResourceInfo] = field(default_factory=list)
    page_schemes: tuple[PageScheme, ...] = ()  # the config's ``pagination:`` section
