"""``openapi.transformations``: rewrites of the spec applied, in config order, before generation.

Supported commands (the ones real configs use; anything else is an error, never silently skipped):

``renameValue``
    ``args: {filter: {only: [PATH, ...]}, rename: {python: {property_name: NAME}}}``. Each PATH must select a
    property schema (``$.components.schemas.X.properties.y``) or a parameter object. The Python name is recorded as
    ``x-typegen-python-name: NAME`` on the property schema (for a parameter: on its ``schema``), which the builder
    reads to emit a field whose Python name differs from its wire name. The wire name and the schema are unchanged.
    Renames for other languages are ignored. A Python name that clashes with a sibling property is an error.
``mergeObject``
    ``args: {target: [PATH, ...], object: MAPPING}``. A deep merge of ``object`` into each selected mapping: nested
    mappings are merged key by key, any other value (scalars and lists alike) in ``object`` replaces the target's.
    (The one real use adds a new schema to ``$.components.schemas``; a deep merge also gives the natural result for
    "add a property to an existing schema".)
``replaceProperties``
    ``args: {filter: {only: [PATH, ...]}, value: VALUE}``. Each selected node is replaced by a copy of ``value`` (the
    real use replaces a property's ``oneOf`` with a ``$ref``; a key-wise merge would leave the ``oneOf`` beside it).
``oneOfToAnyOf``
    No args (optionally ``target: [PATH, ...]`` to restrict it). Every ``oneOf`` keyword in a schema position becomes
    ``anyOf`` (key order kept), extension values included (they may hold schemas, e.g. Llama Stack's
    ``x-llama-stack-extra-body-params``). Names in name maps (``properties``, ``components.schemas``, ``paths``, ...)
    and data (``example(s)``, ``default``, ``enum``, ``const``) are never touched.
``extractToRefs``
    ``args: {ref: {target: PATH, name: '#/components/schemas/N'}}`` (``ref`` may also be a list). The selected
    inline schema moves to ``components.schemas.N`` (appended) and is replaced by ``{$ref: ...}``, keeping its
    ``description`` beside the ``$ref``. An existing, different ``N`` is an error.

PATH is a JSONPath evaluated with ``jsonpath-ng`` (its ``ext`` dialect: wildcards, ``..`` and filters). A PATH that
matches nothing is an error naming the transformation (``#/openapi/transformations/3``) and the path.

The input spec is never mutated: writes are copy-on-write (every mapping/list on the way to a changed node is
shallow-copied once; untouched subtrees are shared between the input and the result, so treat both as read-only).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator.config.jsonpath_tree import Context, Path, Tree, describe
from generator.config.model import Transformation, normalise_schema_ref
from generator.diagnostics import Diagnostics
from generator.text import escape

JSON = Any
PYTHON_NAME = "x-typegen-python-name"

# Keys whose value maps names to things: the names are never keywords (a property may be called "oneOf").
_NAME_MAPS = frozenset(
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "paths", "webhooks",
        "callbacks", "content", "headers", "links", "encoding", "responses", "requestBodies", "securitySchemes",
        "pathItems", "mapping", "variables", "parameters",
    }
)
# Keys whose value is data, not schemas.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


# ------------------------------------------------------------------------------------------------ public API
def apply_transformations(spec: dict[str, JSON], transformations: Sequence[Transformation], diags: Diagnostics, *,
                          config_file: str) -> dict[str, JSON]:
    """Apply the transformations in order and return the new spec (the input is not modified). Problems are
    reported to ``diags`` with the transformation's config pointer; a failing transformation is skipped and the
    others still run, so check ``diags.has_errors``."""
    tree = Tree(spec)
    for t in transformations:
        ctx = Context(tree, t, diags, config_file)
        handler = COMMANDS.get(t.command)
        if handler is None:
            ctx.error("transform-unknown", f"unknown transformation command {t.command!r} (supported: "
                      f"{', '.join(sorted(COMMANDS))})", "command")
            continue
        try:
            handler(ctx, t.args)
        except RecursionError:
            ctx.error("transform-depth", "the spec is nested too deeply to transform", "command")
    result = tree.root
    if not isinstance(result, dict):
        diags.error("transform-root", "the transformed spec is not a mapping", file=config_file)
        return spec
    return result


# ------------------------------------------------------------------------------------------------ renameValue
def _rename_value(ctx: Context, args: Mapping[str, JSON]) -> None:
    only = _filter_only(ctx, args)
    rename = args.get("rename")
    if not isinstance(rename, Mapping):
        ctx.error("transform-args", "args.rename must be a mapping of language → rename", "args", "rename")
        return
    python = rename.get("python")
    if python is None:
        return  # renames for other languages only
    name = python.get("property_name") if isinstance(python, Mapping) else None
    if not isinstance(name, str) or not escape.is_safe_identifier(name) or name in escape.RESERVED_NAMES:
        ctx.error("transform-args", "rename.python.property_name must be a valid Python identifier",
                  "args", "rename", "python")
        return
    for key in python:
        if key != "property_name":
            ctx.warning("transform-ignored", f"rename.python.{key} is not supported (ignored)",
                        "args", "rename", "python", key)
    for i, expression in enumerate(only or []):
        for path in ctx.find(expression, "args", "filter", "only", i):
            _rename_one(ctx, path, name, expression)


def _filter_only(ctx: Context, args: Mapping[str, JSON]) -> list[str] | None:
    filt = args.get("filter")
    if not isinstance(filt, Mapping) or "only" not in filt:
        ctx.error("transform-args", "args.filter.only (a list of JSONPaths) is required", "args", "filter")
        return None
    for key in filt:
        if key != "only":
            ctx.error("transform-args", f"filter.{key} is not supported", "args", "filter", key)
    return ctx.paths(filt["only"], "args", "filter", "only")


def _rename_one(ctx: Context, path: Path, name: str, expression: str) -> None:
    node = ctx.tree.get(path)
    if len(path) >= 2 and path[-2] == "properties" and isinstance(node, Mapping):
        siblings = ctx.tree.get(path[:-1])
        renamed = {k for k, v in siblings.items() if k != path[-1] and isinstance(v, Mapping)
                   and v.get(PYTHON_NAME) == name}  # a sibling renamed to the same name by this or another rename
        if (name != path[-1] and name in siblings) or renamed:
            ctx.error("transform-clash", f"Python name {name!r} for {expression!r} clashes with another property",
                      "args", "rename")
            return
        ctx.tree.set((*path, PYTHON_NAME), name)
    elif isinstance(node, Mapping) and "in" in node and "name" in node and isinstance(node.get("schema"), Mapping):
        ctx.tree.set((*path, "schema", PYTHON_NAME), name)
    else:
        ctx.error("transform-target", f"{expression!r} selects {describe(path)}, not a property schema or a "
                  "parameter", "args", "filter")


# ------------------------------------------------------------------------------------------------ mergeObject
def _merge_object(ctx: Context, args: Mapping[str, JSON]) -> None:
    targets = ctx.paths(args.get("target"), "args", "target")
    obj = args.get("object")
    if not isinstance(obj, Mapping):
        ctx.error("transform-args", "args.object must be a mapping", "args", "object")
        return
    for i, expression in enumerate(targets or []):
        for path in ctx.find(expression, "args", "target", i):
            node = ctx.tree.get(path)
            if not isinstance(node, Mapping):
                ctx.error("transform-target", f"{expression!r} selects {describe(path)}, which is not a mapping",
                          "args", "target", i)
                continue
            ctx.tree.set(path, deep_merge(node, obj))


def deep_merge(base: Mapping[str, JSON], extra: Mapping[str, JSON]) -> dict[str, JSON]:
    """A new mapping: ``base`` with ``extra`` merged in (mappings recursively; other values replaced by a copy of
    ``extra``'s). Neither argument is modified; untouched values of ``base`` are shared."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            out[key] = deep_merge(old, value)
        else:
            out[key] = copy.deepcopy(value)
    return out


# ------------------------------------------------------------------------------------------------ replaceProperties
def _replace_properties(ctx: Context, args: Mapping[str, JSON]) -> None:
    only = _filter_only(ctx, args)
    if "value" not in args:
        ctx.error("transform-args", "args.value is required", "args")
        return
    for i, expression in enumerate(only or []):
        for path in ctx.find(expression, "args", "filter", "only", i):
            if not path:
                ctx.error("transform-target", "cannot replace the whole spec", "args", "filter", "only", i)
                continue
            ctx.tree.set(path, copy.deepcopy(args["value"]))


# ------------------------------------------------------------------------------------------------ oneOfToAnyOf
def _one_of_to_any_of(ctx: Context, args: Mapping[str, JSON]) -> None:
    paths: list[Path] = [()]
    if "target" in args:
        paths = []
        for i, expression in enumerate(ctx.paths(args["target"], "args", "target") or []):
            paths.extend(ctx.find(expression, "args", "target", i))
    for key in args:
        if key != "target":
            ctx.warning("transform-ignored", f"args.{key} is not used (ignored)", "args", key)
    count = 0
    for path in paths:
        conflicts: list[str] = []
        new, n = _rename_one_of(ctx.tree.get(path), is_name_map=False, conflicts=conflicts, where=describe(path))
        for where in conflicts:
            ctx.warning("transform-conflict", f"{where} has both oneOf and anyOf; its oneOf is kept", "command")
        if n:
            ctx.tree.set(path, new)
            count += n
    if count == 0 and paths:
        ctx.warning("transform-noop", "no oneOf found; nothing changed", "command")


def _rename_one_of(node: JSON, *, is_name_map: bool, conflicts: list[str], where: str) -> tuple[JSON, int]:
    """``node`` with ``oneOf`` keys renamed (a new object only where something changed) and the rename count."""
    if isinstance(node, list):
        return _rename_in_list(node, conflicts, where)
    if not isinstance(node, Mapping):
        return node, 0
    count = 0
    changed: dict[str, JSON] = {}
    for key, value in node.items():
        if not is_name_map and key in _DATA_KEYS:
            continue
        sub_is_map = not is_name_map and key in _NAME_MAPS and isinstance(value, Mapping)
        new, n = _rename_one_of(value, is_name_map=sub_is_map, conflicts=conflicts, where=f"{where}/{key}")
        if n:
            changed[key] = new
            count += n
    rename = not is_name_map and "oneOf" in node
    if rename and "anyOf" in node:
        conflicts.append(where)
        rename = False
    if not count and not rename:
        return node, 0
    out = {("anyOf" if rename and key == "oneOf" else key): changed.get(key, value) for key, value in node.items()}
    return out, count + int(rename)


def _rename_in_list(node: list[JSON], conflicts: list[str], where: str) -> tuple[JSON, int]:
    count = 0
    items = list(node)
    for i, item in enumerate(node):
        new, n = _rename_one_of(item, is_name_map=False, conflicts=conflicts, where=f"{where}/{i}")
        if n:
            items[i] = new
            count += n
    return (items, count) if count else (node, 0)


# ------------------------------------------------------------------------------------------------ extractToRefs
def _extract_to_refs(ctx: Context, args: Mapping[str, JSON]) -> None:
    refs = args.get("ref")
    entries = refs if isinstance(refs, list) else [refs]
    for i, entry in enumerate(entries):
        where: tuple[str | int, ...] = ("args", "ref", i) if isinstance(refs, list) else ("args", "ref")
        if not isinstance(entry, Mapping) or not isinstance(entry.get("target"), str) \
                or not isinstance(entry.get("name"), str):
            ctx.error("transform-args", "args.ref needs a 'target' JSONPath and a 'name' "
                      "('#/components/schemas/Name')", *where)
            continue
        name = _component_name(entry["name"])
        if name is None:
            ctx.error("transform-args", f"ref name {entry['name']!r} must be '#/components/schemas/<Name>'",
                      *where, "name")
            continue
        _extract(ctx, entry["target"], name, where)


def _component_name(text: str) -> str | None:
    pointer = normalise_schema_ref(text)
    prefix = "#/components/schemas/"
    if pointer is None or not pointer.startswith(prefix) or "/" in pointer[len(prefix):]:
        return None
    return pointer[len(prefix):].replace("~1", "/").replace("~0", "~")


def _extract(ctx: Context, expression: str, name: str, where: tuple[str | int, ...]) -> None:
    paths = ctx.find(expression, *where, "target")
    if not paths:
        return
    nodes = [ctx.tree.get(p) for p in paths]
    if any(n != nodes[0] for n in nodes[1:]):
        ctx.error("transform-target", f"{expression!r} selects {len(nodes)} different schemas; cannot extract "
                  f"them under one name", *where, "target")
        return
    schema = nodes[0]
    if not isinstance(schema, Mapping) or not paths[0]:
        ctx.error("transform-target", f"{expression!r} does not select a schema", *where, "target")
        return
    components = ctx.tree.root.get("components") if isinstance(ctx.tree.root, Mapping) else None
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    if isinstance(schemas, Mapping) and name in schemas and schemas[name] != schema:
        ctx.error("transform-clash", f"components.schemas.{name} already exists with a different schema",
                  *where, "name")
        return
    ref: dict[str, JSON] = {"$ref": "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1")}
    if isinstance(schema.get("description"), str):
        ref["description"] = schema["description"]
    if not isinstance(components, Mapping):
        ctx.tree.set(("components",), {})
    if not isinstance(schemas, Mapping):
        ctx.tree.set(("components", "schemas"), {})
    ctx.tree.set(("components", "schemas", name), schema)
    for path in paths:
        ctx.tree.set(path, dict(ref))


COMMANDS: dict[str, Callable[[Context, Mapping[str, JSON]], None]] = {
    "renameValue": _rename_value,
    "mergeObject": _merge_object,
    "replaceProperties": _replace_properties,
    "oneOfToAnyOf": _one_of_to_any_of,
    "extractToRefs": _extract_to_refs,
}
