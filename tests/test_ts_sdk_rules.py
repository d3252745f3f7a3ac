"""Rules both OpenAI SDKs follow that the TypeScript target applies (the Python target keeps its output as it
is), on tiny inline specs: variant names under a ``discriminator`` keyword, and ``allOf`` subtypes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ts_support import inline_run, post_body_spec

CONFIG = """
targets: {python: {package_name: pkg}, node: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests."}
resources:
  evals:
    methods:
      create: post /evals
    models: MODELS
"""


def tagged(tag: str, title: str) -> dict[str, Any]:
    return {"type": "object", "title": title, "required": ["type"],
            "properties": {"type": {"type": "string", "enum": [tag]}, "name": {"type": "string"}}}


SCHEMAS: dict[str, Any] = {
    "GraderLabel": tagged("label_model", "LabelModelGrader"),
    "GraderCheck": tagged("string_check", "StringCheckGrader"),
    "EvalGraderCheck": {"type": "object", "title": "EvalGraderCheck", "allOf": [
        {"$ref": "#/components/schemas/GraderCheck"},
        {"type": "object", "properties": {"pass_threshold": {"type": "number"}}}]},
    "SourceFile": tagged("file", "CreateEvalFileSource"),
    "SourceText": tagged("text", "CreateEvalTextSource"),
}


def evals(tmp_path: Path, body: dict[str, Any], models: str = "{}", target: str = "typescript") -> dict[str, str]:
    spec = post_body_spec("/evals", {"type": "object", "properties": body}, SCHEMAS)
    return inline_run(tmp_path, spec, CONFIG.replace("MODELS", models), target)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_variants_under_a_discriminator_keyword_are_named_by_their_tag(tmp_path: Path) -> None:
    body = {"criteria": {"anyOf": [ref("GraderLabel"), ref("EvalGraderCheck")],
                         "discriminator": {"propertyName": "type"}},
            "source": {"anyOf": [ref("SourceFile"), ref("SourceText")]}}
    ts = evals(tmp_path, body)["resources/evals.ts"]
    # the tag seen through allOf too (EvalGraderCheck's comes from GraderCheck)
    assert "  criteria?: EvalCreateParams.LabelModel | EvalCreateParams.StringCheck;\n" in ts
    # no discriminator keyword: titles, though every variant is tagged
    assert "  source?: EvalCreateParams.CreateEvalFileSource | EvalCreateParams.CreateEvalTextSource;\n" in ts
    py = evals(tmp_path, body, target="python")
    text = next(v for k, v in py.items() if k.endswith("eval_create_params.py"))
    # Python names them by title too, without a discriminator (OpenAI evals/run_create_params.py
    # DataSourceCreateEvalResponsesRunDataSource; model/variants.py)
    assert "class SourceCreateEvalFileSource(" in text and "class SourceFile(" not in text


def test_allof_subtype_of_a_named_record_extends_it(tmp_path: Path) -> None:
    body = {"grader": ref("GraderCheck"),
            "criterion": {"anyOf": [{"type": "string"}, ref("EvalGraderCheck")]}}
    ts = evals(tmp_path, body, "{check_grader: '#/components/schemas/GraderCheck'}")["resources/evals.ts"]
    assert "  export interface EvalGraderCheck extends CheckGrader {\n    pass_threshold?: number;\n  }\n" in ts
    py = evals(tmp_path, body, "{check_grader: '#/components/schemas/GraderCheck'}", target="python")
    text = next(v for k, v in py.items() if k.endswith("eval_create_params.py"))
    # Python subclasses the named record as well, with only its own fields (OpenAI eval_create_params.py
    # TestingCriterionTextSimilarity(TextSimilarityGraderParam); model/subclass.py)
    assert "class CriterionEvalGraderCheck(CheckGraderParam, total=False):\n    pass_threshold: " in text


def test_python_param_suffix_of_a_class_name_is_dropped() -> None:
    from generator.model.ir import ModelInfo, ResourceInfo
    from generator.targets.typescript.layout import model_names

    def info(key: str, schema: str, class_name: str | None) -> ModelInfo:
        return ModelInfo(key, f"#/components/schemas/{schema}", class_name, (), f"#/resources/r/models/{key}{schema}")

    models = (info("jsonl_source", "A", "JSONLSourceParam"), info("image_url", "B", "ImageURL"),
              info("kit_config_param", "C", "KitConfigParam"), info("audio", "D", "AudioParam"),
              info("audio", "E", "Audio"))
    names = model_names([ResourceInfo(("r",), False, False, (), models)])
    # a key naming two schemas (request and response shapes): the request one keeps Param
    assert [names[m.pointer] for m in models] == ["JSONLSource", "ImageURL", "KitConfigParam", "AudioParam", "Audio"]
