"""Zero-config: infer a Stainless-format config from a spec (``typegen init``, and ``generate`` without a config).

- resources: the operation's first tag, else the first path segment; literal path segments that follow a path
  parameter nest a subresource (``/owners/{id}/pets`` → ``owners.pets``);
- method names: the ``operationId`` in snake_case without the resource's words (``listPetsByOwner`` on ``pets`` →
  ``list_by_owner``), else verb + path shape (``get /pets`` → ``list``, ``get /pets/{id}`` → ``retrieve``,
  ``post`` → ``create``, ``put``/``patch`` → ``update``, ``delete`` → ``delete``);
- streaming: a method whose JSON body has a boolean ``stream`` property gets the Base/NonStreaming/Streaming split;
- models: component schemas referenced (directly) from two or more operations, placed on the resource that uses
  them or, when used by several resources, on ``$shared``.

Names are sanitised through :mod:`generator.text.escape`; collisions are settled in sorted order (``_2``, ``_3``) with
a warning naming both, so the result does not depend on the order of the spec's mappings.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.config.files import config_from_data
from generator.config.model import Config
from generator.diagnostics import Diagnostics
from generator.load.schema import child
from generator.text import escape, naming

JSON = Any
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
_PARAM = re.compile(r"^\{[^{}]+\}$")
_REF = "#/components/schemas/"
VERBS = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}


def infer_config(spec: Path, diags: Diagnostics, *, package: str | None = None) -> Config:
    from generator.load.reader import load_document

    doc = load_document(spec, diags)
    diags.raise_if_errors()
    data = infer_config_data(doc.data, diags, spec=spec, package=package)
    config = config_from_data(data, Path.cwd() / "typegen.inferred.yml", diags)
    diags.raise_if_errors()
    return config


def init_command(spec: Path, package: str | None, diags: Diagnostics) -> int:
    from generator.load.reader import load_document

    doc = load_document(spec, diags)
    diags.raise_if_errors()
    data = infer_config_data(doc.data, diags, spec=spec, package=package)
    config_from_data(data, spec, diags)  # the printed config must itself be valid
    diags.raise_if_errors()
    sys.stdout.write("# Inferred by `typegen init` from " + " ".join(escape.comment_lines(str(spec)))[2:] + "\n")
    sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=False, width=120))
    return 0


def infer_config_data(document: JSON, diags: Diagnostics, *, spec: Path | None = None,
                      package: str | None = None) -> dict[str, JSON]:
    """The config (as plain data, in Stainless format) for a parsed spec."""
    file = str(spec) if spec else ""
    ops = list(_operations(document))
    tree: dict[tuple[str, ...], dict[str, JSON]] = {}
    claimed: dict[tuple[str, ...], dict[str, str]] = {}  # resource -> method name -> operation pointer
    for pointer, http, path, op in sorted(ops, key=lambda o: o[0]):
        resource = _resource(op, path)
        name = _method_name(op, http, path, resource)
        names = claimed.setdefault(resource, {})
        final, n = name, 2
        while final in names:
            final = f"{name}_{n}"
            n += 1
        if final != name:
            diags.warning("init-name-collision", f"method name {name!r} of {'.'.join(resource)} is taken by "
                          f"{names[name]}; using {final!r}", file=file, pointer=pointer)
        names[final] = pointer
        entry: JSON = f"{http} {path}"
        if _has_stream_flag(document, op):
            entry = {"endpoint": entry, "streaming": {"param_discriminator": "stream"}}
        tree.setdefault(resource, {})[final] = entry
    models = _models(document, ops)
    resources: dict[str, JSON] = {}
    for resource in sorted(tree):
        node = _node(resources, resource)
        node["methods"] = dict(sorted(tree[resource].items()))
    for schema, users in sorted(models.items()):
        owner = next(iter(users)) if len(users) == 1 else ("$shared",)
        node = _node(resources, owner)
        key = escape.module_name(schema, fallback="model")
        node.setdefault("models", {})[key] = _REF + schema.replace("~", "~0").replace("/", "~1")
    info = document.get("info") if isinstance(document, Mapping) else None
    title = info.get("title") if isinstance(info, Mapping) else None
    pkg = escape.module_name(package or (title if isinstance(title, str) else "") or "client", fallback="client")
    out: dict[str, JSON] = {"targets": {"python": {"package_name": pkg}}}
    if spec is not None:
        out["typegen"] = {"spec": str(spec)}
    out["resources"] = resources
    return out


def _operations(document: JSON) -> Iterator[tuple[str, str, str, Mapping[str, JSON]]]:
    paths = document.get("paths") if isinstance(document, Mapping) else None
    if not isinstance(paths, Mapping):
        return
    for path, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        for http in HTTP_METHODS:
            op = item.get(http)
            if isinstance(op, Mapping):
                yield child("#/paths", path, http), http, path, op


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _resource(op: Mapping[str, JSON], path: str) -> tuple[str, ...]:
    tags = op.get("tags")
    segments = _segments(path)
    first = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else None
    literal = [s for s in segments if not _PARAM.match(s)]
    root = first or (literal[0] if literal else "root")
    out = [_resource_name(root)]
    after_param = False
    for seg in segments[1:] if not first else segments:
        if _PARAM.match(seg):
            after_param = True
        elif after_param:
            out.append(_resource_name(seg))
            after_param = False
    return tuple(dict.fromkeys(out))  # a tag equal to a nested segment is not repeated


def _resource_name(text: str) -> str:
    return escape.module_name(text, fallback="resource")


def _method_name(op: Mapping[str, JSON], http: str, path: str, resource: tuple[str, ...]) -> str:
    op_id = op.get("operationId")
    if isinstance(op_id, str):
        drop = {w for r in resource for part in r.split("_") for w in (part, naming.singular(part))}
        words = [w for w in naming.snake(op_id).split("_") if w and w not in drop]
        if words:
            return escape.module_name("_".join(words), fallback="method")
    if http == "get":
        return "retrieve" if _PARAM.match(_segments(path)[-1] if _segments(path) else "") else "list"
    return VERBS.get(http, http)


def _has_stream_flag(document: JSON, op: Mapping[str, JSON]) -> bool:
    body = op.get("requestBody")
    content = body.get("content") if isinstance(body, Mapping) else None
    media = content.get("application/json") if isinstance(content, Mapping) else None
    schema = media.get("schema") if isinstance(media, Mapping) else None
    schema = _deref(document, schema)
    props = schema.get("properties") if isinstance(schema, Mapping) else None
    stream = _deref(document, props.get("stream")) if isinstance(props, Mapping) else None
    if not isinstance(stream, Mapping):
        return False
    t = stream.get("type")
    return t == "boolean" or (isinstance(t, list) and "boolean" in t)


def _deref(document: JSON, node: JSON) -> JSON:
    for _ in range(16):
        if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(_REF)):
            return node
        name = node["$ref"][len(_REF):].replace("~1", "/").replace("~0", "~")
        schemas = document.get("components", {}).get("schemas", {}) if isinstance(document, Mapping) else {}
        node = schemas.get(name) if isinstance(schemas, Mapping) else None
    return node


def _models(document: JSON, ops: list[tuple[str, str, str, Mapping[str, JSON]]]) -> dict[str, set[tuple[str, ...]]]:
    """Component schemas referenced from two or more operations -> the resources using them."""
    used_by: dict[str, set[str]] = {}
    resources: dict[str, set[tuple[str, ...]]] = {}
    for pointer, _http, path, op in ops:
        for ref in _refs(op):
            used_by.setdefault(ref, set()).add(pointer)
            resources.setdefault(ref, set()).add(_resource(op, path))
    return {name: resources[name] for name, users in used_by.items() if len(users) >= 2}


def _refs(node: JSON) -> Iterator[str]:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Mapping):
            ref = n.get("$ref")
            if isinstance(ref, str) and ref.startswith(_REF) and "/" not in ref[len(_REF):]:
                yield ref[len(_REF):].replace("~1", "/").replace("~0", "~")
            stack.extend(v for k, v in n.items() if k != "responses")
        elif isinstance(n, list):
            stack.extend(n)


def _node(resources: dict[str, JSON], path: tuple[str, ...]) -> dict[str, JSON]:
    node: dict[str, JSON] = resources.setdefault(path[0], {})
    for name in path[1:]:
        node = node.setdefault("subresources", {}).setdefault(name, {})
    return node
