"""Stable zero-config names (issue 10, part 2): removing one operation from a spec (or, read the other way,
adding it) renames no other operation, except the members of its own collision group (which may take or give
back the plain name) and the operations whose names read the shape of the tree right where it changed: the
other verbs of its own path, of its parent path and of the paths right below it (a path's verbs tell a singleton
from a collection, ``POST /x`` and ``DELETE /x/{id}`` a verb pair), and, when it was the only operation of its
path, its siblings (whether a segment has a path below it). See :mod:`generator.config.infer_names`. Checked
on a tiny spec for every operation and on real specs for a sample of them."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

from generator.config import infer_names
from generator.config.infer import HTTP_METHODS, infer_config_data
from generator.config.infer_tree import Operation
from generator.diagnostics import Diagnostics
from generator.load.reader import load_document

SHARED = Path(os.environ.get("TYPEGEN_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
SPECS = ["corpus/oai30-petstore-expanded.yaml", "corpus/spotify-fixed.yaml", "corpus/xero-accounting.yaml",
         "corpus/discord.json", "corpus/twilio-lookups-v2.json", "corpus/mistral.yaml", "onebusaway/openapi.yml",
         "llama-stack/2026-04/openapi.yml", "openai/openapi.yaml"]
SAMPLE = 12  # operations removed per real spec


def _names(doc: Any) -> dict[str, tuple[tuple[str, ...], str]]:
    out: dict[str, tuple[tuple[str, ...], str]] = {}

    def walk(node: dict[str, Any], path: tuple[str, ...]) -> None:
        for name, entry in node.get("methods", {}).items():
            out[entry if isinstance(entry, str) else entry["endpoint"]] = (path, name)
        for sub, child in node.get("subresources", {}).items():
            walk(child, (*path, sub))

    for key, node in infer_config_data(doc, Diagnostics())["resources"].items():
        walk(node, (key,))
    return out


def _operations(doc: Any) -> list[tuple[str, str]]:
    return sorted((path, http) for path, item in doc["paths"].items() if isinstance(item, dict)
                  for http in HTTP_METHODS if isinstance(item.get(http), dict))


def _groups(doc: Any) -> dict[str, tuple[tuple[str, ...], str]]:
    ops = [Operation(f"{http} {path}", http, path, doc["paths"][path][http])
           for path, http in _operations(doc)]
    return {p: (n.resource, n.method) for p, n in infer_names.name_operations(ops).items()}


def _without(doc: Any, path: str, http: str) -> Any:
    out = copy.copy(doc)
    out["paths"] = dict(doc["paths"])
    item = dict(out["paths"][path])
    del item[http]
    out["paths"][path] = item
    return out


def assert_stable(doc: Any, removed: list[tuple[str, str]]) -> None:
    full = _names(doc)
    groups = _groups(doc)
    for path, http in removed:
        endpoint = f"{http} {path}"
        fewer = _names(_without(doc, path, http))
        alone = sum(1 for p, _ in _operations(doc) if p == path) == 1
        renamed = {e: (full[e], fewer.get(e)) for e in full if e != endpoint and fewer.get(e) != full[e]
                   and groups.get(e) != groups.get(endpoint) and not _near(e.split(" ", 1)[1], path, alone)}
        assert not renamed, f"removing {endpoint} renamed {renamed}"


def _near(other: str, path: str, alone: bool) -> bool:
    a, b = other.strip("/").split("/"), path.strip("/").split("/")
    if a == b or a[:-1] == b or b[:-1] == a:
        return True
    return alone and a[:-1] == b[:-1]


def _op(op_id: str | None = None) -> dict[str, Any]:
    return {"responses": {"200": {"description": "ok"}}, **({"operationId": op_id} if op_id else {})}


TINY = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
    "/v1/pets": {"get": _op("listPets"), "post": _op("createPet")},
    "/v1/pets.json": {"get": _op("listPetsJson")},
    "/v1/pets/{pet_id}": {"get": _op(), "delete": _op(), "patch": _op()},
    "/v1/pets/{pet_id}/cancel": {"post": _op()},
    "/v1/pets/{pet_id}/toys": {"get": _op(), "post": _op()},
    "/v1/pets/{pet_id}/toys/{toy_id}": {"get": _op("getToy"), "put": _op("getToy")},
    "/v1/owners/{owner_id}/pets": {"get": _op()},
    "/v1beta/stores": {"get": _op(), "post": _op("registerStore")},
    "/v1beta/stores/{store_id}": {"delete": _op("unregisterStore")},
    "/v1/health": {"get": _op()},
}}


def test_tiny_spec_every_operation() -> None:
    assert_stable(TINY, _operations(TINY))


def test_collision_names_depend_on_the_group_only() -> None:
    names = _names(TINY)
    # ``pets.json`` and ``pets`` would both be pets.list: the shorter path keeps the plain name
    assert names["get /v1/pets"] == (("pets",), "list")
    assert names["get /v1/pets.json"] == (("pets",), "list_json")
    shuffled = dict(TINY, paths=dict(reversed(list(TINY["paths"].items()))))
    assert _names(shuffled) == names


@pytest.mark.parametrize("name", SPECS)
def test_real_specs_sample(name: str) -> None:
    if not (SHARED / name).is_file():
        pytest.skip(f"{SHARED / name} not found (set TYPEGEN_SHARED)")
    doc = load_document(SHARED / name, Diagnostics()).data
    ops = _operations(doc)
    step = max(1, len(ops) // SAMPLE)
    assert_stable(doc, ops[::step][:SAMPLE])
