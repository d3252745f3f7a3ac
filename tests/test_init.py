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
    # pets is a resource of its own, and nothing but a listing is done under an owner: the owner's method
    assert data["resources"]["owners"]["methods"] == {"list_pets": "get /owners/{owner_id}/pets"}


def test_nested_resources_from_path_structure() -> None:
    data = infer_config_data(spec({"/owners/{owner_id}/toys": {"get": op()}}), Diagnostics())
    assert data["resources"]["owners"]["subresources"]["toys"]["methods"] == {"list": "get /owners/{owner_id}/toys"}


def test_collisions_are_deterministic_and_warned() -> None:
    paths = {"/things": {"get": op("listThings")}, "/things.json": {"get": op("listThingsJson")}}
    diags = Diagnostics()
    first = infer_config_data(spec(paths), diags)
    shuffled = infer_config_data(spec(dict(reversed(list(paths.items())))), Diagnostics())
    assert first == shuffled
    assert set(first["resources"]["things"]["methods"]) == {"list", "list_json"}
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
    assert module.startswith("# File generated from an OpenAPI spec by openapi-typegen.")  # names this tool


def test_zero_config_header_names_this_tool(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec({"/pets": {"post": op("createPet", body={
        "type": "object", "properties": {"name": {"type": "string"}}})}})))
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "c")}
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--spec", "spec.yaml", "--out", "out"],
                       cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert r.returncode == 0, r.stderr
    module = (tmp_path / "out" / "pet_store_api" / "types" / "pet_create_params.py").read_text()
    assert module.splitlines()[0] == "# File generated from an OpenAPI spec by openapi-typegen. Do not edit by hand."
    assert "Stainless" not in module


def _methods(paths: dict[str, Any]) -> dict[str, str]:
    """endpoint -> ``resource.path.method`` of the inferred config."""
    out: dict[str, str] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for name, entry in node.get("methods", {}).items():
            out[entry if isinstance(entry, str) else entry["endpoint"]] = f"{prefix}.{name}"
        for sub, child in node.get("subresources", {}).items():
            walk(child, f"{prefix}.{sub}")

    for key, node in infer_config_data(spec(paths), Diagnostics())["resources"].items():
        walk(node, key)
    return out


def test_versions_prefixes_and_suffixes_are_not_resources() -> None:
    names = _methods({
        "/api/where/stops-for-route/{routeID}.json": {"get": op()},
        "/api/where/stop/{stopID}.json": {"get": op()},
        "/api/where/current-time.json": {"get": op()},
    })
    assert names == {"get /api/where/stops-for-route/{routeID}.json": "stops_for_route.list",  # filter parameter
                     "get /api/where/stop/{stopID}.json": "stop.retrieve",
                     "get /api/where/current-time.json": "current_time.retrieve"}  # a singular noun
    names = _methods({"/v1/batches": {"get": op("list_batches_v1_batches_get")},
                      "/v1alpha/eval/jobs": {"post": op()}, "/v2beta/datasets/{dataset_id}": {"delete": op()}})
    assert names == {"get /v1/batches": "batches.list", "post /v1alpha/eval/jobs": "alpha.eval.jobs.create",
                     "delete /v2beta/datasets/{dataset_id}": "beta.datasets.delete"}


def test_rest_names_actions_and_nesting() -> None:
    names = _methods({
        "/chat/completions": {"get": op(), "post": op()},
        "/chat/completions/{completion_id}": {"get": op(), "post": op(), "delete": op()},
        "/batches/{batch_id}/cancel": {"post": op("cancelBatch")},
        "/scoring/score-batch": {"post": op()},
        "/threads/{thread_id}/runs": {"get": op(), "post": op()},
        "/projects/{project_id}/data_retention": {"get": op(), "post": op()},
    })
    assert names == {
        "get /chat/completions": "chat.completions.list", "post /chat/completions": "chat.completions.create",
        "get /chat/completions/{completion_id}": "chat.completions.retrieve",
        "post /chat/completions/{completion_id}": "chat.completions.update",
        "delete /chat/completions/{completion_id}": "chat.completions.delete",
        "post /batches/{batch_id}/cancel": "batches.cancel", "post /scoring/score-batch": "scoring.score_batch",
        "get /threads/{thread_id}/runs": "threads.runs.list", "post /threads/{thread_id}/runs": "threads.runs.create",
        "get /projects/{project_id}/data_retention": "projects.data_retention.retrieve",  # a singleton
        "post /projects/{project_id}/data_retention": "projects.data_retention.update"}


def test_namespaces_from_flags_and_groups() -> None:
    admin = {"responses": {"200": {"description": "ok"}}, "x-meta": {"group": "administration"}}
    names = _methods({
        "/organization/users": {"get": admin},
        "/organization/costs": {"get": op()},  # the same resource tree as an admin operation
        "/responses?beta=true": {"post": op()},
        "/threads": {"post": {"responses": {"200": {"description": "ok"}}, "x-meta": {"beta": True}}},
    })
    assert names == {"get /organization/users": "admin.organization.users.list",
                     "get /organization/costs": "admin.organization.costs.list",
                     "post /responses?beta=true": "beta.responses.create", "post /threads": "beta.threads.create"}


def test_verb_pairs_tags_and_parameter_owners() -> None:
    names = _methods({
        "/shields": {"post": op("registerShield")},
        "/shields/{shield_id}": {"delete": op("unregisterShield"), "get": op()},
        "/health": {"get": op(tags=["Inspect"])},
        "/inspect/routes": {"get": op(tags=["Inspect"])},
        "/datasets/{dataset_id}": {"get": op()},
        "/datasetio/iterrows/{dataset_id}": {"get": op()},
    })
    assert names["post /shields"] == "shields.register"
    assert names["delete /shields/{shield_id}"] == "shields.unregister"
    assert names["get /health"] == "inspect.health"
    assert names["get /datasetio/iterrows/{dataset_id}"] == "datasets.iterrows"


def test_inferred_package_name_never_shadows_the_standard_library() -> None:
    doc = dict(spec({"/pets": {"get": op()}}), info={"title": "Calendar", "version": "1"})
    diags = Diagnostics()
    data = infer_config_data(doc, diags)
    assert data["targets"]["python"]["package_name"] == "calendar_client"
