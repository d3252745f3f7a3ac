"""The Stainless-compatible config (``openapi.stainless.yml``) → typed, frozen objects (``docs/CONFIG.md``).

:func:`load_config` reads the YAML file and returns a :class:`Config`. It never raises for a bad config: every
problem goes to the :class:`~generator.diagnostics.Diagnostics` collector with a JSON pointer into the config (and
the line, which the YAML composer gives for free), and the caller checks ``diags.has_errors``. Keys that only
matter to a full SDK (pagination, readme, client settings, ...) are accepted and ignored; unknown keys get a
warning; malformed values of the keys we use are errors.

:func:`find_config` reads ``[tool.typegen] config = "..."`` from the nearest ``pyproject.toml``.
"""

from __future__ import annotations

import keyword
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.config.pagination import PageScheme, read_pagination
from generator.diagnostics import Diagnostics
from generator.load.schema import child, escape_pointer_token
from generator.text import escape

JSON = Any

# A Stainless-format config without `typegen.generated_header` gets the line the commercial generator writes, so
# that such a config reproduces the SDK it was written for byte for byte (set the key to name this tool instead).
DEFAULT_GENERATED_HEADER = "File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details."
SHARED = "$shared"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
MAX_CONFIG_BYTES = 5 * 1024 * 1024
MAX_YAML_DEPTH = 200
MAX_RESOURCE_DEPTH = 32
MAX_ENTRIES = 20_000  # resources + methods + models: bounds the work an alias bomb can cause

# Top-level keys of the commercial generator's format that do not affect request-parameter types.
IGNORED_TOP_LEVEL = frozenset(
    {
        "organization", "security", "security_schemes", "client_settings", "environments", "pagination", "readme",
        "query_settings", "codeflow", "edition", "unspecified_endpoints", "docs",
    }
)
TOP_LEVEL = frozenset({"targets", "settings", "resources", "openapi", "typegen"}) | IGNORED_TOP_LEVEL
TYPEGEN_KEYS = frozenset({"generated_header", "spec", "out", "link_rewrites", "support_modules", "out_typescript",
                          "typescript_support_files"})
# `targets:` keys naming the TypeScript target (the commercial generator's configs say `node`)
TYPESCRIPT_TARGETS = ("node", "typescript")
RESOURCE_KEYS = frozenset({"methods", "models", "subresources", "typegen", "standalone_api", "description"})
# Sections whose duplicate keys change our output (errors); duplicates elsewhere are only warnings.
_RELEVANT_SECTIONS = ("#/resources", "#/typegen", "#/openapi", "#/targets/python", "#/settings/file_header")
_ENDPOINT = re.compile(r"^\s*([A-Za-z]+)\s+(/\S*)\s*$")
_PACKAGE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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
    targets: tuple[str, ...] = ("python",)  # the targets the config names (``python``, ``typescript``)
    typescript_out: Path | None = None  # ``typegen.out_typescript``: the TypeScript target's output directory
    typescript_support_files: bool = True  # ``typegen.typescript_support_files``: emit core/uploads.ts etc.
    pagination: tuple[PageScheme, ...] = ()  # the ``pagination:`` section's page schemes (pagination.py)


# ------------------------------------------------------------------------------------------------ public API
def load_config(path: Path, diags: Diagnostics) -> Config:
    """Read and check a config file. Problems are reported to ``diags``; the result is best effort (e.g. an
    empty ``package_name`` when it is missing), so check ``diags.has_errors`` before using it."""
    loaded = _load_yaml(path, diags)
    if loaded is None:
        return _empty_config(path)
    data, lines = loaded
    reader = _Reader(path, diags, lines)
    if not isinstance(data, Mapping):
        reader.error("config-not-mapping", "the config must be a YAML mapping", "#")
        return _empty_config(path)
    return reader.config(data)


def config_from_data(data: Mapping[str, JSON], path: Path, diags: Diagnostics) -> Config:
    """A config from already-parsed data (e.g. one inferred by ``typegen init``), checked like a file's;
    ``path`` names it in diagnostics and anchors its relative paths."""
    return _Reader(path, diags, {}).config(data)


def find_config(start: Path, diags: Diagnostics | None = None) -> Path | None:
    """The config named by ``[tool.typegen] config`` in the nearest ``pyproject.toml`` at or above ``start``,
    resolved relative to that pyproject. The nearest pyproject decides: ``None`` if it has no such key (or if
    there is no pyproject at all). A malformed pyproject or value is reported to ``diags`` when given."""
    start = start.absolute()
    for folder in [start, *start.parents] if start.is_dir() else list(start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            return _config_from_pyproject(pyproject, diags)
    return None


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


# ------------------------------------------------------------------------------------------------ loading
def _empty_config(path: Path) -> Config:
    return Config(path, "", (), DEFAULT_GENERATED_HEADER, None, None, (), True, (), ())


def _load_yaml(path: Path, diags: Diagnostics) -> tuple[JSON, dict[str, int]] | None:
    """The document and a map pointer → line; ``None`` after reporting an error."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diags.error("config-unreadable", f"cannot read the config: {exc.strerror or exc}", file=file)
        return None
    if len(raw) > MAX_CONFIG_BYTES:
        diags.error("config-too-large", f"the config is larger than {MAX_CONFIG_BYTES} bytes", file=file)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diags.error("config-encoding", f"the config is not UTF-8 (byte {exc.start})", file=file)
        return None
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        lines: dict[str, int] = {}
        if node is not None:
            _index_nodes(node, "#", lines, diags, file)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        words = [w for w in (getattr(exc, "context", None), getattr(exc, "problem", None)) if isinstance(w, str)]
        diags.error("config-yaml", f"invalid YAML: {', '.join(words) or exc}", file=file,
                    line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)
        return None
    except RecursionError:
        diags.error("config-yaml", "the config is nested too deeply", file=file)
        return None
    finally:
        loader.dispose()
    return data, lines


def _index_nodes(root: yaml.Node, pointer: str, lines: dict[str, int], diags: Diagnostics, file: str) -> None:
    """Record the line of every mapping key / sequence item and report duplicate keys. Each node is visited
    once (aliases are not expanded), so an alias bomb costs nothing here."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, int]] = [(root, pointer, 0)]
    while stack:
        node, ptr, depth = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if depth > MAX_YAML_DEPTH:
            raise yaml.YAMLError(f"the config is nested deeper than {MAX_YAML_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue
                key, line = str(key_node.value), key_node.start_mark.line + 1
                sub = child(ptr, key)
                if key in first:
                    _duplicate(diags, file, sub, key, line, first[key])
                    continue
                first[key] = line
                lines[sub] = line
                stack.append((value_node, sub, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                lines[child(ptr, i)] = item.start_mark.line + 1
                stack.append((item, child(ptr, i), depth + 1))


def _duplicate(diags: Diagnostics, file: str, pointer: str, key: str, line: int, first: int) -> None:
    message = f"duplicate key {key!r} (first at line {first}); the last one wins"
    if pointer.startswith(_RELEVANT_SECTIONS):
        diags.error("config-duplicate-key", message, file=file, pointer=pointer, line=line)
    else:
        diags.warning("config-duplicate-key", message, file=file, pointer=pointer, line=line)


def _config_from_pyproject(pyproject: Path, diags: Diagnostics | None) -> Path | None:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if diags is not None:
            diags.error("pyproject-invalid", f"cannot read pyproject.toml: {exc}", file=str(pyproject))
        return None
    tool = data.get("tool")
    typegen = tool.get("typegen") if isinstance(tool, dict) else None
    if not isinstance(typegen, dict) or "config" not in typegen:
        return None
    value = typegen["config"]
    if not isinstance(value, str) or not value.strip():
        if diags is not None:
            diags.error("pyproject-invalid", "[tool.typegen] config must be a non-empty string",
                        file=str(pyproject), pointer="#/tool/typegen/config")
        return None
    return pyproject.parent / value


# ------------------------------------------------------------------------------------------------ reading
class _Reader:
    """Turns the loaded YAML data into config objects, reporting problems with pointers and lines."""

    def __init__(self, path: Path, diags: Diagnostics, lines: dict[str, int]) -> None:
        self.path = path
        self.file = str(path)
        self.diags = diags
        self.lines = lines
        self.entries = 0

    # ---------------------------------------------------------------------------------------- reporting
    def error(self, code: str, message: str, pointer: str) -> None:
        self.diags.error(code, message, file=self.file, pointer=pointer, line=self._line(pointer))

    def warning(self, code: str, message: str, pointer: str) -> None:
        self.diags.warning(code, message, file=self.file, pointer=pointer, line=self._line(pointer))

    def _line(self, pointer: str) -> int | None:
        while pointer and pointer not in self.lines:
            pointer = pointer.rpartition("/")[0]
        return self.lines.get(pointer)

    def mapping(self, value: JSON, pointer: str, what: str) -> Mapping[str, JSON]:
        """``value`` if it is a mapping with string keys, ``{}`` (after an error) otherwise; ``None`` → ``{}``."""
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.error("config-type", f"{what} must be a mapping, not {_type_name(value)}", pointer)
            return {}
        good: dict[str, JSON] = {}
        for key, item in value.items():
            if isinstance(key, str):
                good[key] = item
            else:
                self.error("config-type", f"keys of {what} must be strings, not {_type_name(key)} {key!r}",
                           child(pointer, str(key)))
        return good

    def string(self, value: JSON, pointer: str, what: str) -> str | None:
        if isinstance(value, str):
            return value
        self.error("config-type", f"{what} must be a string, not {_type_name(value)}", pointer)
        return None

    # ---------------------------------------------------------------------------------------- top level
    def config(self, data: Mapping[str, JSON]) -> Config:
        data = self.mapping(data, "#", "the config")
        for key in data:
            if key not in TOP_LEVEL:
                self.warning("config-unknown-key", f"unknown top-level key {key!r} (ignored)", child("#", key))
        typegen = self.mapping(data.get("typegen"), "#/typegen", "typegen")
        for key in typegen:
            if key not in TYPEGEN_KEYS:
                self.warning("config-unknown-key", f"unknown typegen key {key!r} (ignored)", child("#/typegen", key))
        return Config(
            path=self.path,
            package_name=self.package_name(data.get("targets")),
            file_header=self.file_header(data.get("settings")),
            generated_header=self.generated_header(typegen),
            spec=self.relative_path(typegen, "spec"),
            out=self.relative_path(typegen, "out"),
            link_rewrites=self.link_rewrites(typegen.get("link_rewrites")),
            support_modules=self.support_modules(typegen),
            resources=self.resources(data.get("resources")),
            transformations=self.transformations(data.get("openapi")),
            targets=self.targets(data.get("targets")),
            typescript_out=self.relative_path(typegen, "out_typescript"),
            typescript_support_files=self.flag(typegen, "typescript_support_files"),
            pagination=read_pagination(data.get("pagination"), self.warning),
        )

    def targets(self, targets: JSON) -> tuple[str, ...]:
        names = targets if isinstance(targets, Mapping) else {}  # a bad `targets` is reported by package_name
        out = ["python"] if "python" in names or not names else []
        if any(t in names for t in TYPESCRIPT_TARGETS):
            out.append("typescript")
        return tuple(out)

    def flag(self, typegen: Mapping[str, JSON], key: str) -> bool:
        value = typegen.get(key, True)
        if isinstance(value, bool):
            return value
        self.error("config-type", f"typegen.{key} must be true or false, not {_type_name(value)}",
                   child("#/typegen", key))
        return True

    def package_name(self, targets: JSON) -> str:
        pointer = "#/targets/python/package_name"
        python = self.mapping(self.mapping(targets, "#/targets", "targets").get("python"), "#/targets/python",
                              "targets.python")
        if "package_name" not in python:
            self.error("config-missing", "targets.python.package_name is missing", pointer)
            return ""
        name = self.string(python["package_name"], pointer, "targets.python.package_name")
        if name is None:
            return ""
        if not _PACKAGE.match(name) or keyword.iskeyword(name):
            self.error("config-value", f"package_name {name!r} is not a valid Python package name", pointer)
            return ""
        return name

    def file_header(self, settings: JSON) -> tuple[str, ...]:
        value = self.mapping(settings, "#/settings", "settings").get("file_header")
        pointer = "#/settings/file_header"
        if value is None:
            return ()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(line for v in value for line in (v.splitlines() or [""]))
        if isinstance(value, str):
            return tuple(value.rstrip("\n").splitlines())
        self.error("config-type", f"settings.file_header must be a string, not {_type_name(value)}", pointer)
        return ()

    def generated_header(self, typegen: Mapping[str, JSON]) -> str:
        if "generated_header" not in typegen:
            return DEFAULT_GENERATED_HEADER
        text = self.string(typegen["generated_header"], "#/typegen/generated_header", "typegen.generated_header")
        if text is None:
            return DEFAULT_GENERATED_HEADER
        if "\n" in text.strip("\n") or "\r" in text:
            self.error("config-value", "typegen.generated_header must be one line", "#/typegen/generated_header")
        return text.strip()

    def relative_path(self, typegen: Mapping[str, JSON], key: str) -> Path | None:
        if typegen.get(key) is None:
            return None
        text = self.string(typegen[key], child("#/typegen", key), f"typegen.{key}")
        if not text or "\x00" in text:
            if text is not None:
                self.error("config-value", f"typegen.{key} must be a non-empty path", child("#/typegen", key))
            return None
        return self.path.parent / text

    def support_modules(self, typegen: Mapping[str, JSON]) -> bool:
        value = typegen.get("support_modules", True)
        if isinstance(value, bool):
            return value
        self.error("config-type", f"typegen.support_modules must be true or false, not {_type_name(value)}",
                   "#/typegen/support_modules")
        return True

    def link_rewrites(self, value: JSON) -> tuple[tuple[str, str], ...]:
        pointer = "#/typegen/link_rewrites"
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error("config-type", f"typegen.link_rewrites must be a list, not {_type_name(value)}", pointer)
            return ()
        out: list[tuple[str, str]] = []
        for i, item in enumerate(value):
            entry = self.mapping(item, child(pointer, i), "a link rewrite")
            src, dst = entry.get("from"), entry.get("to")
            if isinstance(src, str) and src and isinstance(dst, str):
                out.append((src, dst))
            else:
                self.error("config-value", "a link rewrite needs string 'from' (non-empty) and 'to'", child(pointer, i))
        return tuple(out)

    # ---------------------------------------------------------------------------------------- transformations
    def transformations(self, openapi: JSON) -> tuple[Transformation, ...]:
        value = self.mapping(openapi, "#/openapi", "openapi").get("transformations")
        pointer = "#/openapi/transformations"
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error("config-type", f"openapi.transformations must be a list, not {_type_name(value)}", pointer)
            return ()
        out: list[Transformation] = []
        for i, item in enumerate(value):
            ptr = child(pointer, i)
            entry = self.mapping(item, ptr, "a transformation")
            command = entry.get("command")
            if not isinstance(command, str) or not command:
                self.error("config-value", "a transformation needs a 'command' string", ptr)
                continue
            args = entry.get("args", {})
            if args is None:
                args = {}
            if not isinstance(args, Mapping):
                self.error("config-type", f"transformation args must be a mapping, not {_type_name(args)}",
                           child(ptr, "args"))
                continue
            reason = entry.get("reason")
            out.append(Transformation(i, command, args, reason if isinstance(reason, str) else None, ptr,
                                      self._line(ptr)))
        return tuple(out)

    # ---------------------------------------------------------------------------------------- resources
    def resources(self, value: JSON) -> tuple[Resource, ...]:
        tree = self.mapping(value, "#/resources", "resources")
        out: list[Resource] = []
        for name, body in tree.items():
            pointer = child("#/resources", name)
            if name == SHARED:
                shared = self.shared(body, pointer)
                if shared is not None:
                    out.append(shared)
            else:
                resource = self.resource(name, body, (), pointer)
                if resource is not None:
                    out.append(resource)
        return tuple(out)

    def _count(self, pointer: str) -> bool:
        self.entries += 1
        if self.entries == MAX_ENTRIES + 1:
            self.error("config-too-large", f"more than {MAX_ENTRIES} resources, methods and models", pointer)
        return self.entries <= MAX_ENTRIES

    def _resource_name(self, name: str, pointer: str) -> bool:
        if name == SHARED:
            self.error("config-value", "'$shared' is only allowed directly under resources", pointer)
            return False
        if not name.strip() or not any(ch.isalnum() for ch in name):
            self.error("config-value", f"resource name {name!r} has no letters or digits", pointer)
            return False
        return True

    def shared(self, body: JSON, pointer: str) -> Resource | None:
        data = self.mapping(body, pointer, "the $shared resource")
        for key in data:
            if key != "models":
                self.error("config-value", f"the $shared resource can only hold models, not {key!r}",
                           child(pointer, key))
        models = self.models(data.get("models"), child(pointer, "models"), (), shared=True, own_folder=False)
        return Resource(SHARED, (), (), models, (), False, True, pointer)

    def resource(self, name: str, body: JSON, parent: tuple[str, ...], pointer: str) -> Resource | None:
        if not self._resource_name(name, pointer) or not self._count(pointer):
            return None
        path = (*parent, name)
        if len(path) > MAX_RESOURCE_DEPTH:
            self.error("config-value", f"resources are nested deeper than {MAX_RESOURCE_DEPTH} levels", pointer)
            return None
        data = self.mapping(body, pointer, f"resource {'.'.join(path)!r}")
        for key in data:
            if key not in RESOURCE_KEYS:
                self.warning("config-unknown-key", f"unknown resource key {key!r} (ignored)", child(pointer, key))
        own = self.own_folder(data.get("typegen"), child(pointer, "typegen"))
        methods = self.methods(data.get("methods"), child(pointer, "methods"), path, own)
        models = self.models(data.get("models"), child(pointer, "models"), path, shared=False, own_folder=own)
        subs_ptr = child(pointer, "subresources")
        subs: list[Resource] = []
        for sub_name, sub_body in self.mapping(data.get("subresources"), subs_ptr, "subresources").items():
            sub = self.resource(sub_name, sub_body, path, child(subs_ptr, sub_name))
            if sub is not None:
                subs.append(sub)
        sub_names = {s.name for s in subs}
        for method in methods:
            if method.name in sub_names:
                self.warning("config-name-clash", f"method {method.name!r} has the same name as a subresource of "
                             f"{'.'.join(path)!r}", method.pointer)
        node_name = self.node_name(data.get("typegen"), child(pointer, "typegen"))
        return Resource(name, path, methods, models, tuple(subs), own, False, pointer, node_name)

    def node_name(self, value: JSON, pointer: str) -> str | None:
        data = value if isinstance(value, Mapping) else {}
        name = data.get("node_name")
        if name is None:
            return None
        if not isinstance(name, str) or not escape.is_safe_identifier(name):
            self.error("config-value", f"node_name must be an identifier, not {name!r}", child(pointer, "node_name"))
            return None
        return name

    def own_folder(self, value: JSON, pointer: str) -> bool:
        data = self.mapping(value, pointer, "the resource's typegen settings")
        for key in data:
            if key not in ("types_folder", "node_name"):
                self.warning("config-unknown-key", f"unknown typegen key {key!r} (ignored)", child(pointer, key))
        folder = data.get("types_folder")
        if folder is None:
            return False
        if folder not in ("own", "parent"):
            self.error("config-value", f"types_folder must be 'own' or 'parent', not {folder!r}",
                       child(pointer, "types_folder"))
        return bool(folder == "own")

    # ---------------------------------------------------------------------------------------- methods
    def methods(self, value: JSON, pointer: str, path: tuple[str, ...], own: bool) -> tuple[Method, ...]:
        out: list[Method] = []
        for name, entry in self.mapping(value, pointer, "methods").items():
            ptr = child(pointer, name)
            if not self._count(ptr):
                break
            method = self.method(name, entry, path, own, ptr)
            if method is not None:
                out.append(method)
        return tuple(out)

    def method(self, name: str, entry: JSON, path: tuple[str, ...], own: bool, pointer: str) -> Method | None:
        if not any(ch.isalnum() for ch in name):
            self.error("config-value", f"method name {name!r} has no letters or digits", pointer)
            return None
        streaming: str | None = None
        pagination: str | None = None
        if isinstance(entry, Mapping):
            pagination = self.pagination(entry, pointer)
            kind = entry.get("type", "http")
            if kind != "http":
                self.warning("config-unsupported", f"method type {kind!r} is not supported; method skipped",
                             child(pointer, "type"))
                return None
            if "endpoint" not in entry:
                self.error("config-missing", "method has no 'endpoint'", pointer)
                return None
            streaming = self.streaming(entry.get("streaming"), child(pointer, "streaming"))
            endpoint, endpoint_ptr = entry["endpoint"], child(pointer, "endpoint")
        else:
            endpoint, endpoint_ptr = entry, pointer
        parsed = self.endpoint(endpoint, endpoint_ptr)
        if parsed is None:
            return None
        return Method(name, parsed[0], parsed[1], streaming, path, pointer, own, pagination)

    def pagination(self, entry: Mapping[str, JSON], pointer: str) -> str | None:
        if entry.get("paginated") is False:
            return ""
        scheme = entry.get("pagination")
        if scheme is None:
            return None
        if not isinstance(scheme, str) or not escape.ascii_words(scheme):  # only the TypeScript target reads it
            self.warning("config-value", f"pagination must name a page scheme, not {scheme!r} (ignored)",
                         child(pointer, "pagination"))
            return None
        return scheme

    def endpoint(self, value: JSON, pointer: str) -> tuple[str, str] | None:
        if not isinstance(value, str):
            self.error("config-type", f"an endpoint must be a string like 'post /path', not {_type_name(value)}",
                       pointer)
            return None
        match = _ENDPOINT.match(value)
        if match is None or match.group(1).lower() not in HTTP_METHODS:
            self.error("config-value", f"bad endpoint {value!r}: expected '<http method> /path' with one of "
                       f"{', '.join(sorted(HTTP_METHODS))}", pointer)
            return None
        return match.group(1).lower(), match.group(2)

    def streaming(self, value: JSON, pointer: str) -> str | None:
        data = self.mapping(value, pointer, "streaming")
        if "param_discriminator" not in data or data["param_discriminator"] is None:
            return None
        param = self.string(data["param_discriminator"], child(pointer, "param_discriminator"),
                            "streaming.param_discriminator")
        return param or None

    # ---------------------------------------------------------------------------------------- models
    def models(self, value: JSON, pointer: str, path: tuple[str, ...], *, shared: bool,
               own_folder: bool) -> tuple[ModelSpec, ...]:
        out: list[ModelSpec] = []
        for key, entry in self.mapping(value, pointer, "models").items():
            ptr = child(pointer, key)
            if not self._count(ptr):
                break
            model = self.model(key, entry, path, ptr, shared=shared, own_folder=own_folder)
            if model is not None:
                out.append(model)
        return tuple(out)

    def model(self, key: str, entry: JSON, path: tuple[str, ...], pointer: str, *, shared: bool,
              own_folder: bool) -> ModelSpec | None:
        if not any(ch.isalnum() for ch in key):
            self.error("config-value", f"model key {key!r} has no letters or digits", pointer)
            return None
        override: str | None = None
        schema, schema_ptr = entry, pointer
        if isinstance(entry, Mapping):
            if "schema" not in entry:
                self.error("config-missing", "model has no 'schema'", pointer)
                return None
            schema, schema_ptr = entry["schema"], child(pointer, "schema")
            override = self.class_name(entry.get("typegen"), child(pointer, "typegen"))
        text = self.string(schema, schema_ptr, "a model schema")
        if text is None:
            return None
        normalised = normalise_schema_ref(text)
        if normalised is None:
            self.error("config-value", f"bad model schema {text!r}: expected a component name or a local JSON "
                       "pointer ('#/components/schemas/...')", schema_ptr)
            return None
        return ModelSpec(key, normalised, override, path, shared, own_folder, pointer)

    def class_name(self, value: JSON, pointer: str) -> str | None:
        data = self.mapping(value, pointer, "the model's typegen settings")
        for key in data:
            if key != "class_name":
                self.warning("config-unknown-key", f"unknown typegen key {key!r} (ignored)", child(pointer, key))
        if data.get("class_name") is None:
            return None
        ptr = child(pointer, "class_name")
        name = self.string(data["class_name"], ptr, "typegen.class_name")
        if name is not None and (not escape.is_safe_identifier(name) or name in escape.RESERVED_NAMES):
            self.error("config-value", f"class_name {name!r} is not a valid Python identifier", ptr)
            return None
        return name


def _type_name(value: JSON) -> str:
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean", int: "an integer",
            float: "a number"}.get(type(value), type(value).__name__)
