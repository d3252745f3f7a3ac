"""The config as typed, frozen objects (``docs/CONFIG.md``): resources → methods and models, transformations, and
the settings the generator reads. :mod:`generator.config.files` loads a file, :mod:`generator.config.reader` checks
it and builds these objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config.client import ClientParams
from generator.config.generics import TypeParameter
from generator.config.pagination import PageScheme
from generator.load.schema import escape_pointer_token

JSON = Any

# A Stainless-format config without `typegen.generated_header` gets the line the commercial generator writes, so
# that such a config reproduces the SDK it was written for byte for byte (set the key to name this tool instead).
DEFAULT_GENERATED_HEADER = "File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details."
SHARED = "$shared"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@dataclass(frozen=True)
class Method:
    """One SDK method: ``resource_path`` + ``name`` ↔ ``http_method path`` (the path may carry a query such as
    ``/responses?beta=true``, exactly as it is keyed in the spec's ``paths``)."""

    name: str
    http_method: str
    path: str
    streaming_param: str | None
    resource_path: tuple[str, ...]
    pointer: str
    own_folder: bool = False  # the owning resource has ``typegen: {types_folder: own}``
    # ``pagination: <scheme>`` names the method's page scheme (``cursor_page``); ``paginated: false`` → ``""``
    # (not paginated); None: the target infers it from the response
    pagination: str | None = None
    type_parameters: tuple[TypeParameter, ...] = ()  # the params type's generic parameters (config/generics.py)

    @property
    def endpoint(self) -> str:
        return f"{self.http_method} {self.path}"


@dataclass(frozen=True)
class ModelSpec:
    """A named model: config key → schema (a JSON pointer into the spec, normalised)."""

    key: str
    schema_pointer: str
    class_name_override: str | None
    resource_path: tuple[str, ...]
    shared: bool
    own_folder: bool
    pointer: str


@dataclass(frozen=True)
class Resource:
    name: str
    path: tuple[str, ...]  # () for ``$shared``
    methods: tuple[Method, ...]
    models: tuple[ModelSpec, ...]
    subresources: tuple[Resource, ...]
    own_folder: bool
    shared: bool
    pointer: str
    node_name: str | None = None  # ``typegen: {node_name: X}``: the TypeScript params prefix (layout.py)


@dataclass(frozen=True)
class Transformation:
    """One ``openapi.transformations`` entry; ``args`` is the raw mapping (read-only by convention). The command
    and the shape of its args are checked by :mod:`generator.config.transforms`."""

    index: int
    command: str
    args: Mapping[str, JSON] = field(hash=False)
    reason: str | None
    pointer: str
    line: int | None = None


@dataclass(frozen=True)
class Config:
    path: Path
    package_name: str
    file_header: tuple[str, ...]
    generated_header: str
    spec: Path | None
    out: Path | None
    link_rewrites: tuple[tuple[str, str], ...]
    support_modules: bool
    resources: tuple[Resource, ...]
    transformations: tuple[Transformation, ...]
    response_models: bool = True  # typegen.response_models: the response side (issue 13), on unless turned off
    # ``settings.unwrap_response_fields`` (a response holding only such a field returns that field)
    unwrap_response_fields: tuple[str, ...] = ()
    targets: tuple[str, ...] = ("python",)  # the targets the config names (``python``, ``typescript``)
    typescript_out: Path | None = None  # ``typegen.out_typescript``: the TypeScript target's output directory
    typescript_support_files: bool = True  # ``typegen.typescript_support_files``: emit core/uploads.ts etc.
    # the ``pagination:`` section's page schemes (pagination.py): the request params a page takes (TypeScript's
    # page params bases) and the response fields it reads (a response with all of them is a page)
    pagination: tuple[PageScheme, ...] = ()
    # ``client_settings.opts``: what the client sends itself (client.py), never a method's param
    client: ClientParams = field(default_factory=ClientParams)


def iter_resources(config: Config) -> Iterator[Resource]:
    """Every resource, depth-first in file order (a resource before its subresources)."""
    stack = list(reversed(config.resources))
    while stack:
        resource = stack.pop()
        yield resource
        stack.extend(reversed(resource.subresources))


def iter_methods(config: Config) -> Iterator[Method]:
    for resource in iter_resources(config):
        yield from resource.methods


def iter_models(config: Config) -> Iterator[ModelSpec]:
    for resource in iter_resources(config):
        yield from resource.models


def normalise_schema_ref(text: str) -> str | None:
    """A bare component name → ``#/components/schemas/<name>``; a local JSON pointer is kept; anything else
    (external refs, empty text) → ``None``."""
    text = text.strip()
    if not text:
        return None
    if text.startswith("#"):
        return text if text == "#" or text.startswith("#/") else None
    if "#" in text or "/" in text:
        return None
    return "#/components/schemas/" + escape_pointer_token(text)


def empty_config(path: Path) -> Config:
    """The config of a file that could not be read (the errors are already reported)."""
    return Config(path, "", (), DEFAULT_GENERATED_HEADER, None, None, (), True, (), ())


def is_endpoint_path(path: str) -> bool:
    """Whether a spec path can be a method's endpoint (``'<http method> /path'``, as the config reader's endpoint
    pattern wants it): it starts with ``/`` and has no white space."""
    return re.fullmatch(r"/\S*", path) is not None
