"""Every part of the spec read or reported (issue 10, parts 3, 4, 6), on tiny inline specs with no config:
union request bodies, ``allOf`` members defining the same property, Path Item refs, parameters of every legal
form, the schema-keyword shape check, and values that a ``Literal`` cannot hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from bounds import CpuClock

from generator.diagnostics import Diagnostics, TypegenError
from generator.load.shapes import check_schema_shapes
from generator.pipeline import Options, run


def generate(tmp_path: Path, spec: dict[str, Any], *, openapi: str = "3.1.0") -> tuple[dict[str, str], list[str]]:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump({"openapi": openapi, "info": {"title": "t", "version": "1"}, **spec}))
    diags = Diagnostics()
    try:
        result = run(Options(spec=path, out=tmp_path / "out", use_cache=False, package="pkg"), diags)
    except TypegenError as exc:
        raise AssertionError("\n".join(d.render() for d in exc.diagnostics)) from None
    return result.files, [d.render() for d in diags]


def body_op(schema: Any, **extra: Any) -> dict[str, Any]:
    return {"paths": {"/things": {"post": {"operationId": "createThing", **extra, "requestBody": {"content": {
        "application/json": {"schema": schema}}}, "responses": {"200": {"description": "ok"}}}}}}


def module(files: dict[str, str], suffix: str = "thing_create_params.py") -> str:
    return next(v for k, v in files.items() if k.endswith(suffix))


# ------------------------------------------------------------------------------------------------ part 6: values
def test_float_enum_is_widened_to_float_with_a_warning(tmp_path: Path) -> None:
    files, diags = generate(tmp_path, body_op({"type": "object", "properties": {"x": {"enum": [4.1, 4, "3_lite", 3]}}}))
    text = module(files)
    assert "x: Union[float, Literal[4, \"3_lite\", 3]]" in text
    assert any("enum-widened" in d and "/properties/x" in d for d in diags)


def test_duplicates_bools_and_const_objects(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, body_op({"type": "object", "properties": {
        "a": {"enum": ["x", "x", 1, True, 1, None]},
        "b": {"const": {"k": 1}},
        "c": {"type": "number", "enum": [1.0, 2.5]},
    }}))
    text = module(files)
    assert "a: Optional[Literal[\"x\", 1, True]]" in text
    assert "b: Dict[str, object]" in text
    assert "c: float" in text


# ------------------------------------------------------------------------------------------------ part 4: shapes
@pytest.mark.parametrize(("schema", "where", "word"), [
    ({"type": "object", "properties": {"x": {"type": "strin"}}}, "/properties/x/type", "did you mean 'string'"),
    ({"type": "objekt", "properties": {"a": {"type": "string"}}}, "/schema/type", "did you mean 'object'"),
    ({"type": "object", "required": True, "properties": {"a": {"type": "string"}}}, "/schema/required", "list"),
    ({"type": "object", "properties": ["x", "y"]}, "/schema/properties", "mapping"),
    ({"type": "object", "properties": {"x": {"oneOf": []}}}, "/properties/x/oneOf", "non-empty"),
    ({"type": "object", "properties": {"x": {"enum": "a"}}}, "/properties/x/enum", "list"),
    ({"type": "object", "properties": {"x": {"type": "array", "items": [{"type": "string"}]}}},
     "/properties/x/items", "prefixItems"),
    ({"type": "object", "properties": {"x": {"additionalProperties": "yes"}}}, "/properties/x/additionalProperties",
     "schema"),
    ({"type": "object", "properties": {"x": "string"}}, "/properties/x", "mapping"),
    ({"type": "object", "properties": None}, "/schema/properties", "not null"),
    ({"type": "object", "properties": {"x": {"type": None}}}, "/properties/x/type", "in quotes"),
    ({"type": "object", "properties": {"x": {"$ref": 5}}}, "/properties/x/$ref", "string"),
])
def test_malformed_keyword_is_one_warning_with_its_pointer(tmp_path: Path, schema: Any, where: str, word: str) -> None:
    _, diags = generate(tmp_path, body_op(schema))
    shape = [d for d in diags if "warning[schema-shape]" in d]
    assert len(shape) == 1, diags
    assert where + ":" in shape[0] and word in shape[0], shape[0]


def test_unknown_type_is_not_an_object(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, body_op({"type": "object", "properties": {"x": {"type": "strin"}, "y": {
        "type": "objekt", "properties": {"z": {"type": "string"}}}}}))
    text = module(files)
    assert "x: object" in text  # no type: any value, said with a warning
    assert "class Y(TypedDict" in text  # properties still make an object


def test_shape_check_leaves_the_input_alone_and_is_fast(shared_dir: Path) -> None:
    from generator.load.reader import load_document

    spec = {"components": {"schemas": {"A": {"type": "strin", "properties": {"b": {"oneOf": []}}}}}}
    diags = Diagnostics()
    out = check_schema_shapes(spec, diags)
    assert spec["components"]["schemas"]["A"]["type"] == "strin" and "type" not in out["components"]["schemas"]["A"]
    assert out["components"]["schemas"]["A"]["properties"]["b"] == {}
    doc = load_document(shared_dir / "openai" / "openapi.yaml", Diagnostics())
    clock = CpuClock()
    assert check_schema_shapes(doc.data, Diagnostics()) is doc.data
    assert clock.elapsed() < 0.5  # a cold run is ~7 s: the check stays within 5 %


# ------------------------------------------------------------------------------------------------ part 3: reading
def test_union_body_is_a_union_of_variant_classes_with_the_shared_params(tmp_path: Path) -> None:
    spec = {"paths": {"/zones/{zone_id}/records": {"post": {
        "operationId": "createRecord",
        "parameters": [{"name": "zone_id", "in": "path", "required": True, "schema": {"type": "string"}},
                       {"name": "dry_run", "in": "query", "schema": {"type": "boolean"}}],
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "oneOf": [
            {"$ref": "#/components/schemas/ARecord"},
            {"title": "CNAME Record", "type": "object", "required": ["target"], "properties": {
                "target": {"type": "string"}, "meta": {"type": "object", "properties": {"ttl": {"type": "integer"}}}}},
        ]}}}},
        "responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"ARecord": {"type": "object", "required": ["ip"], "properties": {
            "ip": {"type": "string"}}}}}}
    files, diags = generate(tmp_path, spec)
    text = module(files, "record_create_params.py")
    assert "body-not-object" not in "".join(diags)
    assert "RecordCreateParams: TypeAlias = Union[ARecord, CnameRecord]" in text  # all-caps words: Cname
    for cls in ("ARecord", "CnameRecord"):
        body = text.split(f"class {cls}(TypedDict, total=False):")[1].split("\nclass ")[0]
        assert "dry_run: bool" in body
    assert "ip: Required[str]" in text and "target: Required[str]" in text
    assert "class CnameRecordMeta(TypedDict" in text


def test_allof_members_redefining_a_string_enum_take_both_value_sets(tmp_path: Path) -> None:
    """openai response_computer_tool_call_output_item.py: `status` over `allOf` is the later member's values,
    then the earlier ones it lacks, with no conflict warning."""
    spec = {**body_op({"allOf": [
        {"type": "object", "properties": {"status": {"type": "string", "enum": ["in_progress", "completed"]}}},
        {"type": "object", "properties": {"status": {"$ref": "#/components/schemas/Status"}}},
    ]}), "components": {"schemas": {"Status": {"type": "string", "enum": ["completed", "failed"]}}}}
    files, diags = generate(tmp_path, spec)
    assert 'status: Literal["completed", "failed", "in_progress"]' in module(files)
    assert not any("allof-conflict" in d for d in diags)


def test_allof_members_defining_the_same_object_property_merge(tmp_path: Path) -> None:
    files, diags = generate(tmp_path, body_op({"allOf": [
        {"type": "object", "properties": {"meta": {"type": "object", "properties": {"a": {"type": "string"}}}}},
        {"type": "object", "properties": {"meta": {"type": "object", "properties": {"b": {"type": "integer"}}}}},
    ]}))
    text = module(files)
    meta = text.split("class Meta(TypedDict, total=False):")[1]
    assert "a: str" in meta and "b: int" in meta
    assert not any("allof-conflict" in d for d in diags)


def test_path_item_ref_path_parameters_and_refd_parts(tmp_path: Path) -> None:
    spec = {
        "paths": {"/things/{id}": {"$ref": "#/components/pathItems/Thing"}},
        "components": {
            "pathItems": {"Thing": {
                "parameters": [{"$ref": "#/components/parameters/Id"}, {"$ref": "#/components/parameters/Trace"}],
                "post": {"operationId": "updateThing", "parameters": [
                    {"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "string"}}}}],
                    "requestBody": {"$ref": "#/components/requestBodies/Thing"},
                    "responses": {"200": {"description": "ok"}}}}},
            "parameters": {"Id": {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                           "Trace": {"name": "x-trace", "in": "header", "schema": {"type": "string"}}},
            "requestBodies": {"Thing": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"a": {"type": "string"}}}}}}},
        }}
    files, diags = generate(tmp_path, spec)
    text = module(files, "thing_update_params.py")
    assert "a: str" in text and "filter: str" in text and "x_trace" in text
    assert any("param-content" in d and "/parameters/0" in d for d in diags)


def test_parameters_that_cannot_be_used_are_reported(tmp_path: Path) -> None:
    params = [{"name": "limit", "schema": {"type": "integer"}},
              {"name": "Authorization", "in": "header", "schema": {"type": "string"}},
              {"name": "sid", "in": "cookie", "schema": {"type": "string"}}]
    files, diags = generate(tmp_path, body_op({"type": "object", "properties": {"a": {"type": "string"}}},
                                              parameters=params))
    text = module(files)
    assert "limit" not in text and "authorization" not in text.lower() and "sid" not in text
    assert any("param-invalid" in d and "/post/parameters/0:" in d for d in diags)
    assert any("param-unsupported" in d and "/post/parameters/2:" in d for d in diags)


def test_a_run_with_no_params_module_says_why(tmp_path: Path) -> None:
    spec = {"paths": {"/ping": {"get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}},
                                "trace": {"operationId": "tr", "responses": {"200": {"description": "ok"}}}}}}
    _, diags = generate(tmp_path, spec)
    assert any("warning[no-params]" in d and "none of the 1 operations" in d for d in diags), diags
    assert any("operation-unsupported" in d and "#/paths/~1ping/trace" in d for d in diags), diags


def test_read_only_property_is_never_required(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, body_op({"type": "object", "required": ["id", "name"], "properties": {
        "id": {"type": "string", "readOnly": True}, "name": {"type": "string"}}}))
    text = module(files)
    assert "id: str" in text and "name: Required[str]" in text


def test_unsupported_media_type_and_missing_schema_are_reported(tmp_path: Path) -> None:
    spec = {"paths": {
        "/a": {"post": {"operationId": "createA", "requestBody": {"content": {"application/xml": {"schema": {
            "type": "object", "properties": {"x": {"type": "string"}}}}}}, "responses": {}}},
        "/b": {"post": {"operationId": "createB", "requestBody": {"content": {"application/json": {}}},
                        "responses": {}}},
        "/c": {"patch": {"operationId": "updateC", "requestBody": {"content": {"application/merge-patch+json": {
            "schema": {"type": "object", "properties": {"y": {"type": "string"}}}}}}, "responses": {}}},
    }}
    files, diags = generate(tmp_path, spec)
    assert any("media-unsupported" in d and "#/paths/~1a/post/requestBody/content/application~1xml:" in d
               for d in diags), diags
    assert any("body-no-schema" in d and "#/paths/~1b/post/requestBody/content/application~1json:" in d
               for d in diags), diags
    assert not any("/~1c/" in d for d in diags)
    assert "x: str" in module(files, "a_create_params.py")


def test_wrong_shaped_spec_structure_is_reported(tmp_path: Path) -> None:
    spec = {"paths": {
        "/a": {"parameters": {"name": "x"}, "post": {"operationId": "createA", "parameters": "limit",
                                                      "requestBody": "json", "responses": {}}},
        "/b": {"get": "list them", "pots": {"operationId": "typo"}},
        "/c": ["not", "an", "item"],
    }, "components": {"schemas": {"R": {"$ref": 5}}}}
    _, diags = generate(tmp_path, spec)
    text = "\n".join(diags)
    for pointer, code in (("#/paths/~1a/parameters:", "parameters-invalid"),
                          ("#/paths/~1a/post/parameters:", "parameters-invalid"),
                          ("#/paths/~1a/post/requestBody:", "body-invalid"),
                          ("#/paths/~1b/get:", "operation-invalid"),
                          ("#/paths/~1b/pots:", "path-item-key"),
                          ("#/paths/~1c:", "path-item-invalid"),
                          ("#/components/schemas/R/$ref:", "schema-shape")):
        assert any(pointer in d and f"[{code}]" in d for d in diags), (pointer, text)
    assert "Traceback" not in text


def test_streaming_method_with_a_union_body_says_it_is_not_split(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                                                        **body_op({"oneOf": [
        {"title": "A", "type": "object", "properties": {"a": {"type": "string"}, "stream": {"type": "boolean"}}},
        {"title": "B", "type": "object", "properties": {"b": {"type": "string"}, "stream": {"type": "boolean"}}},
    ]})}))
    (tmp_path / "config.yml").write_text(
        "targets: {python: {package_name: pkg}}\ntypegen: {spec: spec.yaml, out: out, support_modules: false}\n"
        "resources:\n  things:\n    methods:\n      create: {endpoint: post /things, streaming: "
        "{param_discriminator: stream}}\n")
    diags = Diagnostics()
    files = run(Options(config=tmp_path / "config.yml", use_cache=False), diags).files
    assert any(d.code == "stream-union-body" and d.pointer.startswith("#/resources/things/methods/create")
               for d in diags), [d.render() for d in diags]
    assert "ThingCreateParams: TypeAlias = Union[A, B]" in module(files)
