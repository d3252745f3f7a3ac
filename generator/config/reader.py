"""A config's data checked and turned into :mod:`generator.config.model` objects. Keys that only matter to a full
SDK (readme, environments, ...) are accepted and ignored; unknown keys warn; malformed values of the keys we use
are errors. Every problem has a JSON pointer into the config and, from a file, its line."""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.config import response_settings
from generator.config.client import read_client_params
from generator.config.generics import TypeParameter, method_type_parameters
from generator.config.meaning import check_meaning
from generator.config.model import (
    DEFAULT_GENERATED_HEADER,
    HTTP_METHODS,
    SHARED,
    Config,
    Method,
    ModelSpec,
    Resource,
    Transformation,
    normalise_schema_ref,
)
from generator.config.pagination import method_pagination, read_pagination
from generator.config.targets import read_flag, read_node_name, read_targets
from generator.diagnostics import Diagnostics
from generator.load.schema import child
from generator.text import escape

JSON = Any
MAX_RESOURCE_DEPTH = 32
MAX_ENTRIES = 20_000  # resources + methods + models: bounds the work an alias bomb can cause

# Top-level keys of the commercial generator's format that do not affect request-parameter types.
IGNORED_TOP_LEVEL = frozenset(
    {
        "organization", "security", "security_schemes", "client_settings", "environments", "pagination", "readme",
        "query_settings", "codeflow", "edition", "unspecified_endpoints", "docs",
        "streaming",  # how a stream's events are read (`on_event`, Llama Stack 2026-04): the response side only
    }
)
TOP_LEVEL = frozenset({"targets", "settings", "resources", "openapi", "typegen"}) | IGNORED_TOP_LEVEL
TYPEGEN_KEYS = frozenset({"generated_header", "spec", "out", "link_rewrites", "support_modules", "response_models",
                          "out_typescript", "typescript_support_files"})
RESOURCE_KEYS = frozenset({"methods", "models", "subresources", "typegen", "standalone_api", "description"})
_ENDPOINT = re.compile(r"^\s*([A-Za-z]+)\s+(/\S*)\s*$")
_PACKAGE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Reader:
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
        config = Config(
            path=self.path,
            package_name=self.package_name(data.get("targets")),
            file_header=self.file_header(data.get("settings")),
            generated_header=self.generated_header(typegen),
            spec=self.relative_path(typegen, "spec"),
            out=self.relative_path(typegen, "out"),
            link_rewrites=self.link_rewrites(typegen.get("link_rewrites")),
            support_modules=self.flag(typegen, "support_modules"),
            resources=self.resources(data.get("resources")),
            transformations=self.transformations(data.get("openapi")),
            response_models=self.flag(typegen, "response_models"),
            unwrap_response_fields=response_settings.unwrap_fields(self, data.get("settings")),
            targets=read_targets(data.get("targets")),
            typescript_out=self.relative_path(typegen, "out_typescript"),
            typescript_support_files=read_flag(typegen, "typescript_support_files", self.error),
            pagination=read_pagination(data.get("pagination"), self.warning),
            client=read_client_params(data.get("client_settings"), self.warning),
        )
        check_meaning(config, self.warning, self.error)
        return config


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

    def flag(self, typegen: Mapping[str, JSON], key: str) -> bool:
        """A ``typegen`` switch that defaults to on (``support_modules``, ``response_models``)."""
        value = typegen.get(key, True)
        if isinstance(value, bool):
            return value
        self.error("config-type", f"typegen.{key} must be true or false, not {_type_name(value)}",
                   f"#/typegen/{key}")
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
        node_name = read_node_name(data.get("typegen"), child(pointer, "typegen"), self.error)
        return Resource(name, path, methods, models, tuple(subs), own, False, pointer, node_name)

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
        generics: tuple[TypeParameter, ...] = ()
        if isinstance(entry, Mapping):
            pagination = method_pagination(entry, pointer, self.warning)
            generics = method_type_parameters(entry, pointer, self.warning)
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
        return Method(name, parsed[0], parsed[1], streaming, path, pointer, own, pagination, generics)

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
            # `openapi_uri`: the commercial format's long form of the pointer (CONFIG.md)
            key_name = "schema" if "schema" in entry or "openapi_uri" not in entry else "openapi_uri"
            if key_name not in entry:
                self.error("config-missing", "model has no 'schema' (or 'openapi_uri')", pointer)
                return None
            schema, schema_ptr = entry[key_name], child(pointer, key_name)
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
