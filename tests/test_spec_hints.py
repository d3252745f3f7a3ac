"""Names the spec gives itself and named enums reused on the response side, on one tiny inline spec (issue 11;
evidence in generator/model/sdkrules.py ``python_property_name`` and generator/model/responses.py: OpenAI
evals/run_*_response.py ``run_model_name``, responses/response_input_image_content.py ``ImageDetail``)."""

from __future__ import annotations

from typing import Any

import pytest
from ts_support import inline_run

CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests.",
          support_modules: false}
resources:
  runs:
    models:
      detail: '#/components/schemas/Detail'
      beta_detail: '#/components/schemas/BetaDetail'
    methods:
      create: post /runs
      retrieve: get /runs/{id}
"""
HINTED = {"type": "string", "x-stainless-naming": {"python": {"property_name": "run_model_name"}}}
BAD_HINT = {"type": "string", "x-stainless-naming": {"python": {"property_name": "not valid"}}}
RUN = {"type": "object", "required": ["model_name"], "properties": {
    "model_name": HINTED, "model_id": {"type": "string"}, "label": BAD_HINT,
    "detail": {"$ref": "#/components/schemas/DetailCopy"}}}
SPEC: dict[str, Any] = {
    "paths": {
        "/runs": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"model_name": HINTED}}}}}}},
        "/runs/{id}": {"get": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": RUN}}}}}},
    },
    "components": {"schemas": {
        # two config enums with the same values; a bare copy is the one closest to the module using it
        "Detail": {"type": "string", "enum": ["low", "high"]},
        "BetaDetail": {"type": "string", "enum": ["low", "high"]},
        "DetailCopy": {"type": "string", "enum": ["low", "high"]},
    }},
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return inline_run(tmp_path_factory.mktemp("py"), SPEC, CONFIG, target="python")


def test_the_spec_names_a_python_attribute(files: dict[str, str]) -> None:
    response = files["pkg/types/run_retrieve_response.py"]
    assert '    run_model_name: str = FieldInfo(alias="model_name")\n' in response
    assert '    api_model_id: Optional[str] = FieldInfo(alias="model_id", default=None)\n' in response  # the rule
    assert "    label: Optional[str] = None\n" in response  # an unusable hint is ignored
    params = files["pkg/types/run_create_params.py"]
    assert '    run_model_name: Annotated[str, PropertyInfo(alias="model_name")]\n' in params


def test_a_bare_enum_copy_is_the_config_enum_in_a_response(files: dict[str, str]) -> None:
    response = files["pkg/types/run_retrieve_response.py"]
    assert "from .detail import Detail\n" in response
    assert "    detail: Optional[Detail] = None\n" in response


def test_an_enum_taken_from_inside_a_schema_is_not_reused_in_a_response(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    # OpenAI chat_completion_modality (`ResponseModalities/anyOf/0/items`): realtime responses keep the literals
    config = CONFIG.replace("      detail: '#/components/schemas/Detail'\n",
                            "      detail: '#/components/schemas/Holder/properties/level'\n")
    schemas = {**SPEC["components"]["schemas"],
               "Holder": {"type": "object", "properties": {"level": {"type": "string", "enum": ["low", "high"]}}}}
    schemas.pop("BetaDetail")
    config = config.replace("      beta_detail: '#/components/schemas/BetaDetail'\n", "")
    files = inline_run(tmp_path_factory.mktemp("inl"), {**SPEC, "components": {"schemas": schemas}}, config,
                       target="python")
    assert '    detail: Optional[Literal["low", "high"]] = None\n' in files["pkg/types/run_retrieve_response.py"]


def test_typescript_keeps_the_wire_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    ts = inline_run(tmp_path_factory.mktemp("ts"), SPEC, CONFIG)["resources/runs.ts"]
    assert "  model_name?: string;\n" in ts
    assert "run_model_name" not in ts


def test_a_hint_pydantic_reserves_is_not_taken(tmp_path_factory: pytest.TempPathFactory) -> None:
    spec = {**SPEC, "paths": {**SPEC["paths"], "/runs/{id}": {"get": {
        **SPEC["paths"]["/runs/{id}"]["get"], "responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "a": {**HINTED, "x-stainless-naming": {"python": {"property_name": "model_a"}}},
                "b": {**HINTED, "x-stainless-naming": {"python": {"property_name": "json"}}}}}}}}}}}}}
    response = inline_run(tmp_path_factory.mktemp("rsv"), spec, CONFIG, target="python")[
        "pkg/types/run_retrieve_response.py"]
    assert "    a: Optional[str] = None\n" in response and "    b: Optional[str] = None\n" in response
