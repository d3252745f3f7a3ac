"""openapi.transformations: one test per command on a tiny spec, the error cases, and the real Llama Stack config."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config.files import load_config
from generator.config.model import Transformation
from generator.config.transforms import PYTHON_NAME, apply_transformations, deep_merge
from generator.diagnostics import Diagnostic, Diagnostics, Level

JSON = Any


def spec() -> dict[str, JSON]:
    return {
        "openapi": "3.1.0",
        "paths": {
            "/pets": {
                "get": {
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": {"description": "ok"}},
                },
            },
        },
        "components": {
            "schemas": {
                "Pet": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "model_kind": {"$ref": "#/components/schemas/Kind", "description": "The kind."},
                        "owner": {
                            "oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Owner"}],
                            "description": "Owner id or owner.",
                        },
                        "oneOf": {"type": "string", "enum": ["oneOf"], "default": {"oneOf": 1}},
                    },
                },
                "Owner": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Kind": {"type": "string", "enum": ["cat", "dog"]},
            },
        },
    }


def run(transforms: list[dict[str, JSON]], document: dict[str, JSON] | None = None,
        ) -> tuple[dict[str, JSON], dict[str, JSON], Diagnostics]:
    original = document if document is not None else spec()
    frozen = copy.deepcopy(original)
    items = [Transformation(i, t["command"], t.get("args", {}), t.get("reason"), f"#/openapi/transformations/{i}")
             for i, t in enumerate(transforms)]
    diags = Diagnostics()
    out = apply_transformations(original, items, diags, config_file="acme.stainless.yml")
    assert original == frozen, "the input spec was modified"
    return original, out, diags


def only_error(diags: Diagnostics) -> Diagnostic:
    found = [d for d in diags if d.level is Level.ERROR]
    assert len(found) == 1, [d.render() for d in diags]
    return found[0]


def schemas(doc: dict[str, JSON]) -> dict[str, JSON]:
    result: dict[str, JSON] = doc["components"]["schemas"]
    return result


# ------------------------------------------------------------------------------------------------ renameValue
def test_rename_value_records_the_python_name() -> None:
    original, out, diags = run([{
        "command": "renameValue",
        "args": {"filter": {"only": ["$.components.schemas.Pet.properties.model_kind"]},
                 "rename": {"python": {"property_name": "kind"}, "node": {"property_name": "kindNode"}}},
    }])
    assert list(diags) == []
    prop = schemas(out)["Pet"]["properties"]["model_kind"]
    assert prop == {"$ref": "#/components/schemas/Kind", "description": "The kind.", PYTHON_NAME: "kind"}
    assert list(schemas(out)["Pet"]["properties"]) == list(schemas(original)["Pet"]["properties"])  # wire names
    # copy-on-write: untouched subtrees are shared, touched ones are new
    assert schemas(out)["Owner"] is schemas(original)["Owner"]
    assert out["paths"] is original["paths"]
    assert schemas(out)["Pet"] is not schemas(original)["Pet"]


def test_rename_value_on_a_parameter() -> None:
    _, out, diags = run([{
        "command": "renameValue",
        "args": {"filter": {"only": ["$.paths['/pets'].get.parameters[?(@.name == 'limit')]"]},
                 "rename": {"python": {"property_name": "max_items"}}},
    }])
    assert list(diags) == []
    assert out["paths"]["/pets"]["get"]["parameters"][0]["schema"] == {"type": "integer", PYTHON_NAME: "max_items"}


@pytest.mark.parametrize(
    ("args", "code", "pointer"),
    [
        ({"filter": {"only": ["$.components.schemas.Pet.properties.name"]},
          "rename": {"python": {"property_name": "owner"}}}, "transform-clash", "args/rename"),
        ({"filter": {"only": ["$.components.schemas.Pet"]}, "rename": {"python": {"property_name": "p"}}},
         "transform-target", "args/filter"),
        ({"filter": {"only": ["$.components.schemas.Pet.properties.name"]},
          "rename": {"python": {"property_name": "not valid"}}}, "transform-args", "args/rename/python"),
        ({"filter": {"only": []}, "rename": {"python": {"property_name": "x"}}}, "transform-args",
         "args/filter/only"),
        ({"rename": {"python": {"property_name": "x"}}}, "transform-args", "args/filter"),
    ],
)
def test_rename_value_errors(args: dict[str, JSON], code: str, pointer: str) -> None:
    _, _, diags = run([{"command": "renameValue", "args": args}])
    err = only_error(diags)
    assert (err.code, err.pointer) == (code, f"#/openapi/transformations/0/{pointer}")
    assert err.file == "acme.stainless.yml" and err.message.startswith("renameValue: ")


# ------------------------------------------------------------------------------------------------ mergeObject
def test_merge_object_adds_and_deep_merges() -> None:
    original, out, diags = run([{
        "command": "mergeObject",
        "args": {"target": ["$.components.schemas"],
                 "object": {"ReturnType": {"type": "object", "properties": {"type": {"enum": ["a", "b"]}}},
                            "Owner": {"properties": {"email": {"type": "string"}}, "required": ["id"]}}},
    }])
    assert list(diags) == []
    s = schemas(out)
    assert list(s) == ["Pet", "Owner", "Kind", "ReturnType"]
    assert s["ReturnType"] == {"type": "object", "properties": {"type": {"enum": ["a", "b"]}}}
    assert s["Owner"] == {"type": "object", "properties": {"id": {"type": "string"}, "email": {"type": "string"}},
                          "required": ["id"]}
    assert s["Pet"] is schemas(original)["Pet"]


def test_merge_object_with_wildcard_target() -> None:
    _, out, diags = run([{
        "command": "mergeObject",
        "args": {"target": "$.components.schemas[*]", "object": {"x-checked": True}},
    }])
    assert list(diags) == []
    assert all(s["x-checked"] is True for s in schemas(out).values())


def test_deep_merge_replaces_lists_and_scalars() -> None:
    base = {"a": {"b": [1, 2], "c": 1}, "d": "x"}
    assert deep_merge(base, {"a": {"b": [3]}, "d": {"e": 1}}) == {"a": {"b": [3], "c": 1}, "d": {"e": 1}}
    assert base == {"a": {"b": [1, 2], "c": 1}, "d": "x"}


def test_merge_object_into_a_non_mapping_is_an_error() -> None:
    _, _, diags = run([{"command": "mergeObject",
                        "args": {"target": ["$.components.schemas.Kind.enum"], "object": {"a": 1}}}])
    assert only_error(diags).pointer == "#/openapi/transformations/0/args/target/0"


# ------------------------------------------------------------------------------------------------ replaceProperties
def test_replace_properties_replaces_the_node() -> None:
    value = {"$ref": "#/components/schemas/Owner"}
    _, out, diags = run([{
        "command": "replaceProperties",
        "args": {"filter": {"only": ["$.components.schemas.Pet.properties.owner",
                                     "$.components.schemas.Pet.properties.name"]}, "value": value},
    }])
    assert list(diags) == []
    props = schemas(out)["Pet"]["properties"]
    assert props["owner"] == props["name"] == value
    assert props["owner"] is not props["name"] and props["owner"] is not value
    assert list(props) == ["name", "model_kind", "owner", "oneOf"]


def test_replace_properties_needs_a_value() -> None:
    _, _, diags = run([{"command": "replaceProperties",
                        "args": {"filter": {"only": ["$.components.schemas.Pet"]}}}])
    assert only_error(diags).code == "transform-args"


# ------------------------------------------------------------------------------------------------ oneOfToAnyOf
def test_one_of_to_any_of() -> None:
    original, out, diags = run([{"command": "oneOfToAnyOf", "reason": "Prism"}])
    assert list(diags) == []
    props = schemas(out)["Pet"]["properties"]
    assert list(props["owner"]) == ["anyOf", "description"]
    assert props["owner"]["anyOf"] == schemas(original)["Pet"]["properties"]["owner"]["oneOf"]
    # a property called "oneOf" and data values are left alone
    assert props["oneOf"] == {"type": "string", "enum": ["oneOf"], "default": {"oneOf": 1}}
    assert schemas(out)["Owner"] is schemas(original)["Owner"]
    assert out["paths"] is original["paths"]


def test_one_of_to_any_of_restricted_and_conflicts() -> None:
    doc = spec()
    doc["components"]["schemas"]["Both"] = {"oneOf": [{"type": "string"}], "anyOf": [{"type": "integer"}]}
    doc["components"]["schemas"]["Other"] = {"oneOf": [{"type": "string"}]}
    _, out, diags = run([{"command": "oneOfToAnyOf", "args": {"target": ["$.components.schemas.Both",
                                                                         "$.components.schemas.Other"]}}], doc)
    assert [d.code for d in diags] == ["transform-conflict"]
    assert "oneOf" in schemas(out)["Both"] and "anyOf" in schemas(out)["Other"]
    assert "oneOf" in schemas(out)["Pet"]["properties"]["owner"]


def test_one_of_to_any_of_without_one_of_warns() -> None:
    _, _, diags = run([{"command": "oneOfToAnyOf"}], {"openapi": "3.1.0", "paths": {}})
    assert [(d.level, d.code) for d in diags] == [(Level.WARNING, "transform-noop")]


# ------------------------------------------------------------------------------------------------ extractToRefs
def test_extract_to_refs() -> None:
    original, out, diags = run([{
        "command": "extractToRefs",
        "args": {"ref": {"target": "$.components.schemas.Pet.properties.owner",
                         "name": "#/components/schemas/OwnerOrId"}},
    }])
    assert list(diags) == []
    s = schemas(out)
    assert s["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/OwnerOrId",
                                               "description": "Owner id or owner."}
    assert s["OwnerOrId"] == schemas(original)["Pet"]["properties"]["owner"]
    assert list(s)[-1] == "OwnerOrId"


def test_extract_to_refs_list_form_and_bare_name() -> None:
    _, out, diags = run([{
        "command": "extractToRefs",
        "args": {"ref": [{"target": "$.components.schemas.Owner.properties.id", "name": "OwnerId"}]},
    }])
    assert list(diags) == []
    assert schemas(out)["Owner"]["properties"]["id"] == {"$ref": "#/components/schemas/OwnerId"}
    assert schemas(out)["OwnerId"] == {"type": "string"}


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        ({"target": "$.components.schemas.Pet.properties.owner", "name": "#/components/schemas/Kind"},
         "transform-clash"),
        ({"target": "$.components.schemas.Pet.properties.owner", "name": "#/definitions/X"}, "transform-args"),
        ({"target": "$.components.schemas.Pet.properties.owner"}, "transform-args"),
        ({"target": "$.components.schemas.Pet.properties[*]", "name": "X"}, "transform-target"),
    ],
)
def test_extract_to_refs_errors(ref: dict[str, JSON], code: str) -> None:
    _, _, diags = run([{"command": "extractToRefs", "args": {"ref": ref}}])
    assert only_error(diags).code == code


# ------------------------------------------------------------------------------------------------ general errors
def test_target_matching_nothing_names_the_index_and_path() -> None:
    _, _, diags = run([
        {"command": "oneOfToAnyOf"},
        {"command": "replaceProperties",
         "args": {"filter": {"only": ["$.components.schemas.Nope.properties.x"]}, "value": {}}},
    ])
    err = only_error(diags)
    assert err.code == "transform-no-match"
    assert err.pointer == "#/openapi/transformations/1/args/filter/only/0"
    assert "$.components.schemas.Nope.properties.x" in err.message


def test_unknown_command_is_an_error_and_the_rest_still_runs() -> None:
    _, out, diags = run([{"command": "frobnicate", "args": {}}, {"command": "oneOfToAnyOf"}])
    err = only_error(diags)
    assert (err.code, err.pointer) == ("transform-unknown", "#/openapi/transformations/0/command")
    assert "frobnicate" in err.message and "oneOfToAnyOf" in err.message
    assert "anyOf" in schemas(out)["Pet"]["properties"]["owner"]


def test_invalid_jsonpath() -> None:
    _, _, diags = run([{"command": "mergeObject", "args": {"target": ["$.a["], "object": {}}}])
    assert only_error(diags).code == "transform-path"


def test_no_transformations_returns_the_input() -> None:
    original, out, diags = run([])
    assert out is original and list(diags) == []


# ------------------------------------------------------------------------------------------------ real config
def test_llama_stack_transformations(shared_dir: Path) -> None:
    diags = Diagnostics()
    config = load_config(shared_dir / "llama-stack" / "openapi.stainless.yml", diags)
    with open(shared_dir / "llama-stack" / "openapi.yml", encoding="utf-8") as fh:
        document = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    before = json.dumps(document, sort_keys=True)
    out = apply_transformations(document, config.transformations, diags, config_file=str(config.path))
    assert list(diags) == []
    assert json.dumps(document, sort_keys=True) == before
    s = out["components"]["schemas"]
    assert s["InferenceStep"]["properties"]["model_response"][PYTHON_NAME] == "inference_model_response"
    assert s["ReturnType"]["required"] == ["type"]
    assert s["ScoringFn"]["properties"]["return_type"] == {"$ref": "#/components/schemas/ReturnType"}
    assert s["RegisterScoringFunctionRequest"]["properties"]["return_type"] == {
        "$ref": "#/components/schemas/ReturnType"}
    assert s["ToolCallDelta"]["properties"]["tool_call"]["$ref"] == "#/components/schemas/ToolCallOrString"
    assert s["ToolCallOrString"]["anyOf"][0] == {"type": "string"}
    text = json.dumps(out)
    assert '"oneOf"' not in text
