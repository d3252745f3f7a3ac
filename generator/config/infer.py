"""Zero-config: infer a Stainless-format config from a spec (``typegen init``, and ``generate`` without a config).

- resources and method names: :mod:`generator.config.infer_names` (the rules, their evidence, and why names
  stay stable when the spec changes); two operations that would share a name are told apart there too, with an
  ``init-name-collision`` warning naming them;
- streaming: a method whose JSON body has a boolean ``stream`` property gets the Base/NonStreaming/Streaming split;
- models: component schemas (records, enums, unions) referred to from two or more places (operations or other
  schemas), placed on the resource whose operations reach them or, when several resources do, on ``$shared``.

Names are sanitised through :mod:`generator.text.escape`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.config import infer_names
from generator.config.files import config_from_data
from generator.config.infer_tree import Operation, settle, unique
from generator.config.meaning import OUTPUT_IMPORTS
from generator.config.model import Config, Method, is_endpoint_path
from generator.config.placement import params_module
from generator.diagnostics import Diagnostics
from generator.load.schema import child
from generator.text import escape

JSON = Any
# The header line of zero-config output names this tool: only a team's own Stainless config (without
# ``typegen.generated_header``) keeps the commercial generator's line, to reproduce the SDK it was written for.
ZERO_CONFIG_HEADER = "File generated from an OpenAPI spec by openapi-typegen. Do not edit by hand."
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
_REF = "#/components/schemas/"


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
                      package: str | None = None, trace: dict[str, list[str]] | None = None) -> dict[str, JSON]:
    """The config (as plain data, in Stainless format) for a parsed spec. ``trace``, when given, receives for
    each endpoint (``"verb path"``) the naming rules that decided it (``benchmarks/naming_score.py``)."""
    file = str(spec) if spec else ""
    ops = list(_operations(document, diags, file))
    names = infer_names.name_operations(Operation(p, h, path, op) for p, h, path, op in ops)
    by_op = {p: (h, path, op) for p, h, path, op in ops}
    groups: dict[tuple[tuple[str, ...], str], list[Operation]] = {}
    for pointer, naming_ in names.items():
        http, path, op = by_op[pointer]
        groups.setdefault((naming_.resource, naming_.method), []).append(Operation(pointer, http, path, op))
    final: dict[str, str] = {}
    for (resource, name), group in sorted(groups.items()):
        settled = {group[0].pointer: name} if len(group) == 1 else settle(resource, name, group)
        final.update(settled)
        if len(group) > 1:
            diags.warning("init-name-collision", f"{len(group)} operations would be {'.'.join((*resource, name))}: "
                          + ", ".join(f"{o.pointer} → {settled[o.pointer]}" for o in group), file=file,
                          pointer=group[0].pointer)
    _distinct_modules(names, final, by_op)
    tree: dict[tuple[str, ...], dict[str, JSON]] = {}
    for pointer in sorted(final):
        http, path, op = by_op[pointer]
        entry: JSON = f"{http} {path}"
        if _has_stream_flag(document, op):
            entry = {"endpoint": entry, "streaming": {"param_discriminator": "stream"}}
        tree.setdefault(names[pointer].resource, {})[final[pointer]] = entry
        if trace is not None:
            collided = final[pointer] != names[pointer].method
            trace[f"{http} {path}"] = [*names[pointer].rules, *(("operation-id",) if collided else ())]
    models = _models(document, ops, names)
    resources: dict[str, JSON] = {}
    for resource in sorted(tree):
        node = _node(resources, resource)
        node["methods"] = dict(sorted(tree[resource].items()))
    # a resource with sub-resources has a folder `types/<resource>/`: a model module of that path would be hidden
    # by the package (Python imports `types/x/`, not `types/x.py`), so that model key gets a `_model` suffix
    folders = {resource[:i] for resource in tree for i in range(1, len(resource))}
    for schema, users in sorted(models.items()):
        owner = next(iter(users)) if len(users) == 1 else ("$shared",)
        node = _node(resources, owner)
        key = escape.module_name(schema, fallback="model")
        while owner != ("$shared",) and ((*owner[:-1], key) in folders or key in node.get("models", {})):
            key += "_model"
        node.setdefault("models", {})[key] = _REF + schema.replace("~", "~0").replace("/", "~1")
    info = document.get("info") if isinstance(document, Mapping) else None
    title = info.get("title") if isinstance(info, Mapping) else None
    pkg = escape.module_name(package or (title if isinstance(title, str) else "") or "client", fallback="client")
    if not package and (pkg in sys.stdlib_module_names or pkg in OUTPUT_IMPORTS):
        pkg += "_client"  # a spec titled "Calendar" must not shadow the standard library (config-package-shadows-...)
    out: dict[str, JSON] = {"targets": {"python": {"package_name": pkg}}}
    out["typegen"] = {"generated_header": ZERO_CONFIG_HEADER, **({"spec": str(spec)} if spec is not None else {})}
    out["resources"] = resources
    return out


def _operations(document: JSON, diags: Diagnostics | None = None,
                file: str = "") -> Iterator[tuple[str, str, str, Mapping[str, JSON]]]:
    """The operations of the spec's paths; a path that cannot be an endpoint (``no-slash``, ``""``, white space)
    is skipped with a warning naming it in the spec (were it kept, the inferred config would refuse it)."""
    paths = document.get("paths") if isinstance(document, Mapping) else None
    if not isinstance(paths, Mapping):
        return
    for path, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        if not is_endpoint_path(path):
            if diags is not None:
                diags.warning("path-invalid", f"path {path!r} does not start with '/' or has white space; its "
                              "operations are skipped", file=file, pointer=child("#/paths", path))
            continue
        for http in HTTP_METHODS:
            op = item.get(http)
            if isinstance(op, Mapping):
                yield child("#/paths", path, http), http, path, op


def _distinct_modules(names: Mapping[str, infer_names.Naming], final: dict[str, str],
                      by_op: Mapping[str, tuple[str, str, Mapping[str, JSON]]]) -> None:
    """A settled name may still meet another method's (``list_json`` beside a natural ``list_json``), or two
    resources may place their params in one module (``items.list`` and ``item.list``): all but the operation with
    the shortest path get a short hash of their own ``verb path`` (``init-name-collision`` was said already or
    the names differ only in number)."""
    for _ in range(3):
        claims: dict[tuple[str, ...], list[str]] = {}
        for pointer, name in final.items():
            http, path, _op = by_op[pointer]
            method = Method(name, http, path, None, names[pointer].resource, pointer)
            claims.setdefault(params_module(method)[0], []).append(pointer)
            claims.setdefault(("method", *names[pointer].resource, name), []).append(pointer)
        clashes = [sorted(ps, key=lambda p: (len(by_op[p][1]), by_op[p][1], by_op[p][0]))
                   for ps in claims.values() if len(set(ps)) > 1]
        if not clashes:
            return
        for ranked in clashes:
            for pointer in ranked[1:]:
                http, path, op = by_op[pointer]
                final[pointer] = unique(final[pointer], Operation(pointer, http, path, op))


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


def _models(document: JSON, ops: list[tuple[str, str, str, Mapping[str, JSON]]],
            names: Mapping[str, infer_names.Naming]) -> dict[str, set[tuple[str, ...]]]:
    """Component schemas worth a name -> the resources whose operations reach them.

    A record, enum or union schema is a model when two or more places refer to it directly (operations or other
    schemas those operations reach): written once and imported where it is used. Inlined, it would be copied
    into every module that reaches it, and nested schemas multiply: xero's ``Invoice`` (contact, line items,
    payments, each with their own nested records) made 46,000-line params modules and a 45 MB tree when only
    schemas used by two operations were models. A schema used in one place stays inline, as people write it."""
    schemas = document.get("components", {}).get("schemas", {}) if isinstance(document, Mapping) else {}
    if not isinstance(schemas, Mapping):
        schemas = {}
    edges = {name: set(_refs(node, responses=True)) for name, node in schemas.items()}
    referrers: dict[str, set[str]] = {}
    resources: dict[str, set[tuple[str, ...]]] = {}
    reached: set[str] = set()
    for pointer, _http, _path, op in ops:
        direct = set(_refs(op, responses=True))
        for ref in direct:
            referrers.setdefault(ref, set()).add(pointer)
        stack, seen = list(direct), set(direct)
        while stack:
            name = stack.pop()
            resources.setdefault(name, set()).add(names[pointer].resource)
            for ref in edges.get(name, ()):
                if ref not in seen:
                    seen.add(ref)
                    stack.append(ref)
        reached |= seen
    for name in reached:
        for ref in edges.get(name, ()):
            referrers.setdefault(ref, set()).add("#/components/schemas/" + name)
    models = {name for name in reached if len(referrers.get(name, ())) >= 2 and _nameable(schemas.get(name))}
    # schemas that refer to each other (a cycle): one model per cycle, the others inline in it. Two models on one
    # cycle would import each other, and a module cannot import a name from a module still being initialised
    # (xero's `Contact` ↔ `ContactGroup`); with one model the cycle closes inside its own module
    for component in _cycles({name: edges.get(name, set()) & reached for name in reached}):
        keep = min(models & component, key=lambda n: (-len(referrers.get(n, ())), n), default=None)
        models -= component - {keep}
    return {name: resources[name] for name in sorted(models)}


def _cycles(graph: Mapping[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of ``graph`` with two or more nodes (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for nxt in children:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component: set[str] = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        out.append(component)
    return out


def _nameable(node: JSON) -> bool:
    """A record, an enum or a union: a type people name (a bare ``type: string`` stays where it is used)."""
    return isinstance(node, Mapping) and any(k in node for k in ("properties", "enum", "oneOf", "anyOf", "allOf"))


def _refs(node: JSON, *, responses: bool = False) -> Iterator[str]:
    """The component schemas ``node`` refers to directly (``responses``: also those of its responses)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Mapping):
            ref = n.get("$ref")
            if isinstance(ref, str) and ref.startswith(_REF) and "/" not in ref[len(_REF):]:
                yield ref[len(_REF):].replace("~1", "/").replace("~0", "~")
            stack.extend(v for k, v in n.items() if responses or k != "responses")
        elif isinstance(n, list):
            stack.extend(n)


def _node(resources: dict[str, JSON], path: tuple[str, ...]) -> dict[str, JSON]:
    node: dict[str, JSON] = resources.setdefault(path[0], {})
    for name in path[1:]:
        node = node.setdefault("subresources", {}).setdefault(name, {})
    return node
