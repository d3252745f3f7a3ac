"""`typegen init` and zero-config generation on tiny specs: naming rules, collisions, streaming, models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.config.infer import infer_config_data
from generator.diagnostics import Diagnostics

ROOT = Path(__file__).resolve().parent.parent


def op(op_id: str | None = None, tags: list[str] | None = None, body: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"responses": {"200": {"description": "ok"}}}
    if op_id:
        out["operationId"] = op_id
    if tags:
        out["tags"] = tags
    if body:
        out["requestBody"] = {"content": {"application/json": {"schema": body}}}
    return out


def spec(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "Pet Store API", "version": "1"}, "paths": paths,
            "components": {"schemas": schemas or {}}}


def test_method_names_from_operation_ids_and_verbs() -> None:
    doc = spec({
        "/pets": {"get": op(), "post": op("createPet")},
        "/pets/{id}": {"get": op(), "delete": op(), "patch": op()},
        "/owners/{owner_id}/pets": {"get": op("listPetsByOwner", tags=["pets"])},
    })
    data = infer_config_data(doc, Diagnostics())
    assert data["targets"]["python"]["package_name"] == "pet_store_api"
    methods = data["resources"]["pets"]["methods"]
    assert methods["list"] == "get /pets"
    assert methods["create"] == "post /pets"
    assert methods["retrieve"] == "get /pets/{id}"
    assert methods["delete"] == "delete /pets/{id}"
    assert methods["update"] == "patch /pets/{id}"
    assert methods["list_by_owner"] == "get /owners/{owner_id}/pets"


def test_nested_resources_from_path_structure() -> None:
    data = infer_config_data(spec({"/owners/{owner_id}/toys": {"get": op()}}), Diagnostics())
    assert data["resources"]["owners"]["subresources"]["toys"]["methods"] == {"list": "get /owners/{owner_id}/toys"}


def test_collisions_are_deterministic_and_warned() -> None:
    paths = {"/a": {"get": op("listThings", tags=["things"])}, "/b": {"get": op("listThings", tags=["things"])}}
    diags = Diagnostics()
    first = infer_config_data(spec(paths), diags)
    shuffled = infer_config_data(spec(dict(reversed(list(paths.items())))), Diagnostics())
    assert first == shuffled
    assert set(first["resources"]["things"]["methods"]) == {"list", "list_2"}
    assert any(d.code == "init-name-collision" for d in diags)


def test_streaming_and_shared_models() -> None:
    pet = {"$ref": "#/components/schemas/Pet"}
    body = {"type": "object", "properties": {"stream": {"type": "boolean"}, "pet": pet}}
    doc = spec({"/pets": {"post": op("createPet", body=body)},
                "/stores": {"post": op("createStore", body={"$ref": "#/components/schemas/Pet"})}},
               {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}})
    data = infer_config_data(doc, Diagnostics())
    create = data["resources"]["pets"]["methods"]["create"]
    assert create == {"endpoint": "post /pets", "streaming": {"param_discriminator": "stream"}}
    assert data["resources"]["$shared"]["models"] == {"pet": "#/components/schemas/Pet"}


def test_init_output_generates_cleanly(tmp_path: Path) -> None:
    body = {"type": "object", "required": ["from"], "properties": {
        "from": {"type": "string"}, "files[0]": {"type": "string"}, "name": {"type": "string"}}}
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec({"/pets": {"post": op("createPet", body=body)}})))
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "c")}
    r = subprocess.run([sys.executable, "-m", "generator.cli", "init", "--spec", "spec.yaml"], cwd=tmp_path,
                       capture_output=True, text=True, env=env, check=False)
    assert r.returncode == 0, r.stderr
    (tmp_path / "typegen.yml").write_text(r.stdout)
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--config", "typegen.yml", "--out", "out"],
                       cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert r.returncode == 0, r.stderr
    module = (tmp_path / "out" / "pet_store_api" / "types" / "pet_create_params.py").read_text()
    assert '"from": Required[str],' in module and '"files[0]": str,' in module
