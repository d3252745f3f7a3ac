"""Path Items as the builder and the zero-config inference read them (issue 10, HOSTILE J).

- A Path Item that is a ``$ref`` (OAS 3.1 ``#/components/pathItems/X``, or any local pointer; relative files are
  bundled to local refs or copies first) is replaced by its target, the keys beside the ``$ref`` winning, so that
  everything after this step sees the operations as if they were written inline. The caller's tree is not
  modified (the ``paths`` mapping and the root are copied when anything changes).
- Keys of a Path Item that no step uses are reported with their pointer instead of being skipped without a word:
  an unknown key (``pots:``, OAS 3.2 ``query``) always, and the HTTP methods that the zero-config inference does
  not generate (``head``, ``options``, ``trace``) when ``inferred`` is true.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.document import tokens_from_pointer
from generator.load.schema import child

JSON = Any
PATH_ITEM_KEYS = frozenset({"$ref", "summary", "description", "servers", "parameters", "get", "put", "post",
                            "delete", "options", "head", "patch", "trace"})
NOT_INFERRED = ("head", "options", "trace")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_HOPS = 32


def _lookup(root: JSON, ref: str) -> JSON:
    node = root
    for token in tokens_from_pointer(ref):
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def inline_path_items(spec: JSON, diags: Diagnostics, *, file: str = "", inferred: bool = False) -> JSON:
    """``spec`` with every Path Item ``$ref`` under ``paths`` replaced by its target; unusable keys reported."""
    paths = spec.get("paths") if isinstance(spec, Mapping) else None
    if not isinstance(paths, Mapping):
        if isinstance(spec, Mapping) and paths is not None:
            diags.warning("paths-invalid", "'paths' must be a mapping of paths to Path Items; no operation is read",
                          file=file, pointer="#/paths")
        return spec
    new_paths: dict[str, JSON] | None = None
    for path, item in paths.items():
        pointer = child("#/paths", path)
        resolved = item
        hops = 0
        while isinstance(resolved, Mapping) and isinstance(resolved.get("$ref"), str) and hops < MAX_HOPS:
            ref = resolved["$ref"]
            target = _lookup(spec, ref) if ref.startswith("#") else None
            if not isinstance(target, Mapping):
                diags.warning("path-item-ref", f"Path Item $ref {ref[:200]!r} does not lead to a Path Item; the "
                              "path is skipped", file=file, pointer=pointer)
                resolved = {}
                break
            siblings = {k: v for k, v in resolved.items() if k != "$ref"}
            resolved = {**target, **siblings}
            hops += 1
        if resolved is not item:
            if new_paths is None:
                new_paths = dict(paths)
            new_paths[path] = resolved
        if isinstance(resolved, Mapping):
            _report_keys(resolved, pointer, diags, file, inferred)
        elif resolved is not None:
            diags.warning("path-item-invalid", "a Path Item must be a mapping; the path is skipped", file=file,
                          pointer=pointer)
    if new_paths is None:
        return spec
    return {**spec, "paths": new_paths}


def _report_keys(item: Mapping[str, JSON], pointer: str, diags: Diagnostics, file: str, inferred: bool) -> None:
    for key in item:
        if not isinstance(key, str) or key.startswith("x-"):
            continue
        value = item[key]
        if key in HTTP_METHODS:
            if not isinstance(value, Mapping):
                diags.warning("operation-invalid", f"the '{key}' operation must be a mapping; skipped", file=file,
                              pointer=child(pointer, key))
            elif "parameters" in value and not isinstance(value["parameters"], list):
                diags.warning("parameters-invalid", "'parameters' must be a list; ignored", file=file,
                              pointer=child(pointer, key, "parameters"))
        if key == "parameters" and not isinstance(value, list):
            diags.warning("parameters-invalid", "'parameters' must be a list; ignored", file=file,
                          pointer=child(pointer, key))
        if key not in PATH_ITEM_KEYS:
            diags.warning("path-item-key", f"unknown key {key[:60]!r} in a Path Item is ignored (operations are "
                          "get, put, post, delete, patch, head, options, trace)", file=file,
                          pointer=child(pointer, key))
        elif inferred and key in NOT_INFERRED and isinstance(value, Mapping):
            diags.warning("operation-unsupported", f"'{key}' operations get no params module without a config "
                          "(name the method in a config to generate one)", file=file, pointer=child(pointer, key))
