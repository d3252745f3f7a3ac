"""Rules that hold beyond the OpenAI SDK (issue 11), each on a tiny inline spec: wire-name aliases, dates, which
methods get a params module, union variant names, class-name casing, the licence header, containers, literal
unions, field order, open records and config forms. The oracles behind them: tests/test_oracle_sdks.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run

CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, generated_header: "File generated for tests.", support_modules: false}
resources:
  stops:
    methods:
      list: get /stops
      retrieve: get /stops/{stopID}
      update: post /agencies/{agencyID}/stops/{stopID}
      create: post /stops
    models:
      mood: '#/components/schemas/Mood'
"""


def generate(tmp_path: Path, spec: dict[str, Any], config: str = CONFIG) -> tuple[dict[str, str], Diagnostics]:
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                                                        **spec}))
    (tmp_path / "config.yml").write_text(config)
    diags = Diagnostics()
    return run(Options(config=tmp_path / "config.yml", use_cache=False), diags).files, diags


def body(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"requestBody": {"content": {"application/json": {"schema": {
        "type": "object", "properties": properties, "required": list(required)}}}}}


def query(*params: dict[str, Any]) -> dict[str, Any]:
    return {"parameters": list(params)}


def q(name: str, schema: dict[str, Any], *, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema, "required": required}


STOP_ID = {"name": "stopID", "in": "path", "required": True, "schema": {"type": "string"}}
AGENCY_ID = {"name": "agencyID", "in": "path", "required": True, "schema": {"type": "string"}}
MOOD = {"type": "string", "enum": ["happy", "sad"]}


def spec_with(create: dict[str, Any], *, list_op: dict[str, Any] | None = None,
              schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "paths": {
            "/stops": {"get": list_op or query(q("limit", {"type": "integer"})), "post": create},
            "/stops/{stopID}": {"get": {"parameters": [STOP_ID]}},
            "/agencies/{agencyID}/stops/{stopID}": {"post": {"parameters": [AGENCY_ID, STOP_ID]}},
        },
        "components": {"schemas": {"Mood": MOOD, **(schemas or {})}},
    }


def module(files: dict[str, str], name: str) -> str:
    return files[f"pkg/types/{name}.py"]


# ------------------------------------------------------------------------------------------ wire names
def test_camel_case_wire_names_become_snake_case_keys_with_an_alias(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"name": {"type": "string"}}), list_op=query(
        q("minutesAfter", {"type": "integer"}), q("latSpan", {"type": "number"}, required=True),
        q("vehicleID", {"type": "string"}), q("plain", {"type": "string"}))))
    text = module(files, "stop_list_params")
    assert '    minutes_after: Annotated[int, PropertyInfo(alias="minutesAfter")]\n' in text
    assert '    lat_span: Required[Annotated[float, PropertyInfo(alias="latSpan")]]\n' in text
    assert '    vehicle_id: Annotated[str, PropertyInfo(alias="vehicleID")]\n' in text
    assert "    plain: str\n" in text
    assert "from .._utils import PropertyInfo\n" in text


def test_body_keys_that_collide_once_snake_cased_keep_their_wire_names(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"fooBar": {"type": "string"}, "foo_bar": {"type": "integer"},
                                                  "bazQux": {"type": "string"}})))
    text = module(files, "stop_create_params")
    assert "    fooBar: str\n" in text and "    foo_bar: int\n" in text
    assert 'PropertyInfo(alias="bazQux")' in text


# ------------------------------------------------------------------------------------------ dates
def test_date_time_and_date_formats_accept_date_values(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"time": {"type": "string", "format": "date-time"},
                                                  "startsAt": {"type": "string", "format": "date-time"}},
                                                 required=("time",))))
    text = module(files, "stop_create_params")
    assert "from datetime import datetime\n" in text
    assert '    time: Required[Annotated[Union[str, datetime], PropertyInfo(format="iso8601")]]\n' in text
    assert ('    starts_at: Annotated[Union[str, datetime], PropertyInfo(alias="startsAt", format="iso8601")]\n'
            in text)


def test_a_date_field_named_date_imports_the_module(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"date": {"type": "string", "format": "date"},
                                                  "until": {"type": "string", "format": "date"}})))
    text = module(files, "stop_create_params")
    assert "import datetime\nfrom typing import Union\n" in text
    assert '    date: Annotated[Union[str, datetime.date], PropertyInfo(format="iso8601")]\n' in text
    assert '    until: Annotated[Union[str, datetime.date], PropertyInfo(format="iso8601")]\n' in text


def test_a_date_time_beside_a_field_named_date_goes_through_the_module(tmp_path: Path) -> None:
    """``import datetime`` binds the module: a ``from datetime import datetime`` would rebind it."""
    files, _ = generate(tmp_path, spec_with(body({"date": {"type": "string", "format": "date"},
                                                  "at": {"type": "string", "format": "date-time"}})))
    text = module(files, "stop_create_params")
    assert "from datetime import" not in text
    assert '    at: Annotated[Union[str, datetime.datetime], PropertyInfo(format="iso8601")]\n' in text


def test_a_nullable_date_is_one_union(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"at": {"type": ["string", "null"], "format": "date-time"}})))
    assert '    at: Annotated[Union[str, datetime, None], PropertyInfo(format="iso8601")]\n' in module(
        files, "stop_create_params")


# ------------------------------------------------------------------------------------------ which modules
def test_methods_whose_only_parameters_are_path_parameters_get_no_params_module(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"name": {"type": "string"}})))
    assert "pkg/types/stop_retrieve_params.py" not in files  # the positional path param only
    assert "pkg/types/stop_update_params.py" not in files  # an extra path param too: a method argument
    assert "pkg/types/stop_list_params.py" in files


# ------------------------------------------------------------------------------------------ variant names
def _scoring_spec(sibling_titles: bool) -> dict[str, Any]:
    def variant(name: str, tag: str) -> dict[str, Any]:
        return {"type": "object", "title": name, "properties": {"type": {"type": "string", "enum": [tag]},
                                                                "x": {"type": "string"}}}
    refs = [{"$ref": f"#/components/schemas/{n}", **({"title": n} if sibling_titles else {})}
            for n in ("LLMAsJudgeScoringFnParams", "URIDataSource")]
    return spec_with(body({"params": {"oneOf": refs, "discriminator": {"propertyName": "type"}}}), schemas={
        "LLMAsJudgeScoringFnParams": variant("LLMAsJudgeScoringFnParams", "llm_as_judge"),
        "URIDataSource": variant("URIDataSource", "uri"),
    })


def test_a_ref_variant_with_its_own_title_is_named_after_it(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, _scoring_spec(sibling_titles=True))
    text = module(files, "stop_create_params")
    assert "class ParamsLlmAsJudgeScoringFnParams(TypedDict, total=False):" in text
    assert "class ParamsUriDataSource(TypedDict, total=False):" in text


def test_a_bare_ref_variant_of_a_discriminated_union_is_named_after_its_tag(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, _scoring_spec(sibling_titles=False))
    text = module(files, "stop_create_params")
    assert "class ParamsLlmAsJudge(TypedDict, total=False):" in text
    assert "class ParamsUri(TypedDict, total=False):" in text


def test_class_names_keep_ai_url_and_id_in_capitals_and_capitalise_other_acronyms() -> None:
    from generator.text import naming

    assert naming.pascal("OpenAIResponseMessage-Input") == "OpenAIResponseMessageInput"
    assert naming.pascal("LLMAsJudge") == "LlmAsJudge"
    assert naming.pascal("URIDataSource") == "UriDataSource"
    assert naming.pascal("image_url") == "ImageURL"
    assert naming.pascal("OAuthErrorCode") == "OAuthErrorCode"
    assert naming.pascal("AITags") == "AITags"
    assert naming.pascal("TopPSamplingStrategy") == "TopPSamplingStrategy"
    # a schema name that writes an initialism capitalised keeps it (Llama Stack shared/param_type.py
    # `JsonType`); camelCase and snake_case words take the table (OneBusAway `nearbyStopId` → `NearbyStopID`)
    assert naming.pascal("JsonType") == "JsonType"
    assert naming.pascal("nearbyStopId") == "NearbyStopID"
    assert naming.pascal("json_type") == "JSONType"
    assert naming.pascal("By Id") == "ByID"


def test_inline_sub_unions_are_spliced_into_their_union(tmp_path: Path) -> None:
    item = {"type": "object", "properties": {"type": {"type": "string", "enum": ["image"]},
                                            "url": {"type": "string"}}}
    text_item = {"type": "object", "properties": {"type": {"type": "string", "enum": ["text"]},
                                                 "text": {"type": "string"}}}
    files, _ = generate(tmp_path, spec_with(body({"content": {"anyOf": [
        {"type": "string"},
        {"oneOf": [{"$ref": "#/components/schemas/ImageItem", "title": "ImageItem"},
                   {"$ref": "#/components/schemas/TextItem", "title": "TextItem"}]},
    ]}}), schemas={"ImageItem": item, "TextItem": text_item}))
    text = module(files, "stop_create_params")
    assert "Content: TypeAlias = Union[str, ContentImageItem, ContentTextItem]" in text


def test_long_class_names_are_not_truncated(tmp_path: Path) -> None:
    name = "A" + "VeryLongSchemaName" * 10
    files, _ = generate(tmp_path, spec_with(body({"payload": {"oneOf": [
        {"$ref": f"#/components/schemas/{name}", "title": name}, {"type": "string"}]}}),
        schemas={name: {"type": "object", "properties": {"x": {"type": "string"}}}}))
    assert f"class Payload{name}(" in module(files, "stop_create_params")


# ------------------------------------------------------------------------------------------ types
def test_single_value_enum_variants_are_one_literal(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"role": {"anyOf": [
        {"type": "string", "enum": ["system"]}, {"type": "string", "enum": ["user"]},
        {"type": "string", "const": "assistant"}]}}, required=("role",))))
    assert '    role: Required[Literal["system", "user", "assistant"]]\n' in module(files, "stop_create_params")


def test_arrays_of_unions_with_str_are_sequence_not_str(tmp_path: Path) -> None:
    record = {"type": "object", "properties": {"x": {"type": "string"}}}
    files, _ = generate(tmp_path, spec_with(body({"items": {"type": "array", "items": {
        "anyOf": [{"type": "string"}, record]}}})))
    text = module(files, "stop_create_params")
    assert "    items: SequenceNotStr[Item]\n" in text


def test_map_values_are_named_after_the_property(tmp_path: Path) -> None:
    record = {"type": "object", "properties": {"x": {"type": "string"}}}
    files, _ = generate(tmp_path, spec_with(body({"scoring": {"type": "object", "additionalProperties": {
        "oneOf": [record, {"type": "object", "properties": {"y": {"type": "string"}}}]}}})))
    text = module(files, "stop_create_params")
    assert "    scoring: Dict[str, Scoring]\n" in text


def test_token_comes_first_like_id(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"bytes": {"type": "integer"}, "logprob": {"type": "number"},
                                                  "token": {"type": "string"}}, required=("logprob", "token"))))
    text = module(files, "stop_create_params")
    assert text.index("    token:") < text.index("    logprob:") < text.index("    bytes:")


def test_records_open_to_extra_keys_say_so(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({"meta": {"type": "object", "additionalProperties": True,
                                                           "properties": {"x": {"type": "string"}}}})))
    assert ("class Meta(TypedDict, total=False, extra_items=object):  # type: ignore[call-arg]\n"
            in module(files, "stop_create_params"))


# ------------------------------------------------------------------------------------------ docstrings
def test_a_nullable_ref_is_documented_by_its_target(tmp_path: Path) -> None:
    target = {"type": "object", "description": "A system message.", "properties": {"x": {"type": "string"}}}
    files, _ = generate(tmp_path, spec_with(body({
        "system": {"anyOf": [{"$ref": "#/components/schemas/Sys"}, {"type": "null"}],
                   "description": "The wrapper's text."},
        "candidate": {"$ref": "#/components/schemas/Sys", "description": "The candidate to evaluate"},
    }), schemas={"Sys": target}))
    text = module(files, "stop_create_params")
    assert '    system: Optional[System]\n    """A system message."""\n' in text
    assert 'class Candidate(TypedDict, total=False):\n    """The candidate to evaluate"""\n' in text


# ------------------------------------------------------------------------------------------ header, config
def test_licence_header_is_its_own_comment_block(tmp_path: Path) -> None:
    config = CONFIG + "settings:\n  file_header: |\n    Copyright (c) Acme.\n\n    All rights reserved.\n"
    files, _ = generate(tmp_path, spec_with(body({"name": {"type": "string"}})), config)
    assert module(files, "stop_create_params").startswith(
        "# Copyright (c) Acme.\n#\n# All rights reserved.\n\n# File generated for tests.\n\nfrom __future__")


def test_config_forms_of_other_teams(tmp_path: Path) -> None:
    config = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, generated_header: "File generated for tests.", support_modules: false}
streaming: {on_event: [{kind: fallthrough, handle: yield}]}
resources:
  stopGroups:
    methods:
      listAll: get /stops
      create: post /stops
    models:
      moodKind: {openapi_uri: '#/components/schemas/Mood'}
"""
    files, diags = generate(tmp_path, spec_with(body({"mood": {"$ref": "#/components/schemas/Mood"}})), config)
    assert "pkg/types/stop_group_list_all_params.py" in files
    assert "class StopGroupListAllParams(TypedDict, total=False):" in files["pkg/types/stop_group_list_all_params.py"]
    assert "pkg/types/mood_kind.py" in files
    assert "MoodKind" in files["pkg/types/stop_group_create_params.py"]
    assert not diags.has_errors and not diags.warnings, list(diags)


def test_a_bare_copy_of_a_named_enum_is_that_enum(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, spec_with(body({
        "copy": {"type": "string", "enum": ["happy", "sad"]},
        "documented": {"type": "string", "enum": ["happy", "sad"], "description": "Its own meaning."},
    })))
    text = module(files, "stop_create_params")
    assert "    copy: Mood\n" in text
    assert '    documented: Literal["happy", "sad"]\n' in text
    assert "from .mood import Mood\n" in text


# ------------------------------------------------------------------------------------------ request twins
TWIN_CONFIG = CONFIG.replace("""      mood: '#/components/schemas/Mood'
""", """      mood: '#/components/schemas/Mood'
      engine: '#/components/schemas/Engine'
  $shared:
    models:
      colour: '#/components/schemas/Colour'
      size: '#/components/schemas/Size'
""")


def test_union_aliases_have_a_request_twin_and_shared_literals_a_shared_params_copy(tmp_path: Path) -> None:
    # OpenAI SDK: video_model.py + video_model_param.py (Union[str, Literal]); image_model.py alone (an enum);
    # shared/chat_model.py + shared_params/chat_model.py, imported from shared/ by params modules;
    # shared_params/responses_model.py (a union) imported from shared_params/
    files, diags = generate(tmp_path, spec_with(body({
        "mood": {"$ref": "#/components/schemas/Mood"}, "engine": {"$ref": "#/components/schemas/Engine"},
        "colour": {"$ref": "#/components/schemas/Colour"}, "size": {"$ref": "#/components/schemas/Size"},
    }), schemas={
        "Engine": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["v1", "v2"]}]},
        "Colour": {"type": "string", "enum": ["red", "blue"]},
        "Size": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["s", "m"]}]},
    }), TWIN_CONFIG)
    text = module(files, "stop_create_params")
    assert "from .mood import Mood\n" in text and "from .engine_param import EngineParam\n" in text
    assert "from .shared.colour import Colour\n" in text and "from .shared_params.size import Size\n" in text
    assert "EngineParam: TypeAlias = Union[str, Literal[" in module(files, "engine_param")
    assert "pkg/types/mood_param.py" not in files
    assert module(files, "shared_params/colour").replace("from __future__ import annotations\n\n", "") == \
        module(files, "shared/colour")
    assert "Size: TypeAlias = Union[str, Literal[" in module(files, "shared_params/size")
    assert not diags.has_errors


# ------------------------------------------------------------------------------------------ union variants
GRADERS = {
    "Base": {"type": "object", "properties": {"type": {"type": "string", "enum": ["python"]},
                                              "source": {"type": "string"}}, "required": ["type"]},
    "Ext": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"threshold": {"type": "number"}}}]},
    "Label": {"type": "object", "title": "Label grader",
              "properties": {"type": {"type": "string", "enum": ["label"]}}, "required": ["type"]},
    "Content": {"anyOf": [{"$ref": "#/components/schemas/Item"}, {"type": "array", "items": {"type": "string"}}]},
    "Item": {"anyOf": [{"type": "string"}, {"type": "object", "title": "Image",
                                             "properties": {"url": {"type": "string"}}}]},
}


def _tagged_and_plain(tmp_path: Path, key: str, names: list[str], schemas: dict[str, Any]) -> str:
    """The params module of a body with the same union twice: `tagged` with a spec discriminator, `plain`
    without."""
    refs = [{"$ref": f"#/components/schemas/{n}"} for n in names]
    files, _ = generate(tmp_path, spec_with(body({
        "tagged": {key: refs, "discriminator": {"propertyName": "type"}}, "plain": {key: refs},
    }), schemas=schemas))
    return module(files, "stop_create_params")


def test_tags_reach_through_all_of_in_a_union_with_a_discriminator(tmp_path: Path) -> None:
    # OpenAI eval_create_params.py: `TestingCriterionPython` (tag of `allOf: [$ref GraderPython, {...}]`) in the
    # request's discriminated union; eval_list_response.py keeps `TestingCriterionEvalGraderPython` (no
    # discriminator there)
    text = _tagged_and_plain(tmp_path, "anyOf", ["Ext", "Label"], GRADERS)
    assert "class TaggedPython(TypedDict, total=False):" in text and "class TaggedLabel(" in text
    assert "class PlainExt(TypedDict, total=False):" in text and "class PlainLabelGrader(" in text


def test_an_unnamed_ref_sub_union_is_spliced_into_its_union(tmp_path: Path) -> None:
    # OpenAI eval_create_params.py / graders/label_model_grader_param.py: `$ref EvalItemContentItem` (a union)
    # inside `EvalItemContent` contributes its members, named one level up
    files, _ = generate(tmp_path, spec_with(body({"content": {"$ref": "#/components/schemas/Content"}}),
                                            schemas=GRADERS))
    text = module(files, "stop_create_params")
    assert "Content: TypeAlias = Union[str, ContentImage, SequenceNotStr[str]]" in text, text


def test_a_record_over_a_named_record_subclasses_it(tmp_path: Path) -> None:
    # OpenAI eval_create_params.py: `class TestingCriterionPython(PythonGraderParam, total=False)` listing only
    # `pass_threshold` (allOf: [$ref GraderPython, {pass_threshold}])
    config = CONFIG.replace("      mood: '#/components/schemas/Mood'\n",
                            "      mood: '#/components/schemas/Mood'\n      base: '#/components/schemas/Base'\n")
    files, diags = generate(tmp_path, spec_with(body({"grader": {"allOf": [
        {"$ref": "#/components/schemas/Base"},
        {"type": "object", "properties": {"threshold": {"type": "number"}}, "required": ["threshold"]}]}}),
        schemas=GRADERS), config)
    text = module(files, "stop_create_params")
    assert "from .base_param import BaseParam\n" in text
    assert "class Grader(BaseParam, total=False):\n    threshold: Required[float]\n" in text, text
    assert not diags.has_errors


def test_tags_name_variants_only_in_a_union_with_a_discriminator(tmp_path: Path) -> None:
    # OpenAI evals/run_create_params.py: `data_source: anyOf [..., $ref CreateEvalResponsesRunDataSource]` has no
    # `discriminator`, every variant a `type` const: `DataSourceCreateEvalResponsesRunDataSource`
    schemas = {"Web": {"type": "object", "title": "WebSource",
                       "properties": {"type": {"type": "string", "enum": ["web"]}}, "required": ["type"]},
               "Disk": {"type": "object", "properties": {"type": {"type": "string", "enum": ["disk"]}}}}
    text = _tagged_and_plain(tmp_path, "oneOf", ["Web", "Disk"], schemas)
    assert "class TaggedWeb(" in text and "class TaggedDisk(" in text
    assert "class PlainWebSource(" in text and "class PlainDisk(" in text


def test_a_nullable_ref_with_a_sibling_description_is_documented_by_its_target(tmp_path: Path) -> None:
    # OpenAI evals/run_create_params.py `reasoning_effort`: ReasoningEffort's only non-null member documents it;
    # responses/file_search_tool_param.py `filters` keeps "A filter to apply." (its target is a union)
    schemas = {"Effort": {"anyOf": [{"type": "string", "enum": ["low", "high"], "description": "How hard."},
                                    {"type": "null"}]},
               "Either": {"anyOf": [{"type": "string", "description": "A name."}, {"type": "integer"}]}}
    files, _ = generate(tmp_path, spec_with(body({
        "effort": {"anyOf": [{"$ref": "#/components/schemas/Effort", "description": "Beside."}, {"type": "null"}]},
        "either": {"anyOf": [{"$ref": "#/components/schemas/Either", "description": "Kept."}, {"type": "null"}]},
    }), schemas=schemas))
    text = module(files, "stop_create_params")
    assert '"high"]]\n    """How hard."""' in text, text
    assert '    """Kept."""' in text


def test_an_all_of_restating_a_nullable_property_without_null_keeps_it_nullable(tmp_path: Path) -> None:
    # OpenAI responses/response_create_params.py `top_logprobs: Optional[int]` (CreateModelResponseProperties
    # restates ModelResponseProperties' `anyOf: [integer, null]` as `integer`)
    schemas = {"Props": {"type": "object", "properties": {"top": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}},
               "Create": {"allOf": [{"$ref": "#/components/schemas/Props"},
                                    {"type": "object", "properties": {"top": {"type": "integer"}}}]}}
    files, diags = generate(tmp_path, spec_with({"requestBody": {"content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Create"}}}}}, schemas=schemas))
    assert "    top: Optional[int]\n" in module(files, "stop_create_params")
    assert not [d for d in diags if d.code == "allof-conflict"]


def test_an_array_model_of_an_unnamed_ref_union_names_its_item_after_itself(tmp_path: Path) -> None:
    # OpenAI graders/grader_inputs_param.py `GraderInputsParamItem` (`items: $ref EvalItemContentItem`, no model)
    # with prefixed variants; the response twin graders/grader_inputs.py says `GraderInputItem`
    config = CONFIG.replace("      mood: '#/components/schemas/Mood'\n",
                            "      mood: '#/components/schemas/Mood'\n      parts: '#/components/schemas/Parts'\n")
    schemas = {"Parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}},
               "Part": {"anyOf": [{"type": "string"}, {"type": "object", "title": "Image",
                                                       "properties": {"url": {"type": "string"}}}]}}
    files, _ = generate(tmp_path, spec_with(body({"parts": {"$ref": "#/components/schemas/Parts"}}),
                                            schemas=schemas), config)
    text = module(files, "parts_param")
    assert "class PartsParamItemImage(TypedDict, total=False):" in text
    assert "PartsParam: TypeAlias = List[PartsParamItem]" in text


def test_a_discriminated_union_names_by_tag_when_every_variant_carries_the_property(tmp_path: Path) -> None:
    # OpenAI responses/tool_param.py `Mcp` (Tool's WebSearchTool has `type: enum [web_search, ...]`, two
    # values) against response_create_params.py `ToolChoiceSpecificProgrammaticToolCallingParam` (ToolChoice
    # also lists the plain enum ToolChoiceOptions)
    schemas = {"Web": {"type": "object", "title": "Web source", "properties": {
                   "type": {"type": "string", "enum": ["web", "web_v2"]}}, "required": ["type"]},
               "Disk": {"type": "object", "title": "Disk source",
                        "properties": {"type": {"type": "string", "enum": ["disk"]}}}}
    tagged = {"oneOf": [{"$ref": "#/components/schemas/Web"}, {"$ref": "#/components/schemas/Disk"}],
              "discriminator": {"propertyName": "type"}}
    mixed = {"oneOf": [{"type": "string", "enum": ["auto"]}, {"$ref": "#/components/schemas/Disk"}],
             "discriminator": {"propertyName": "type"}}
    files, _ = generate(tmp_path, spec_with(body({"tagged": tagged, "mixed": mixed}), schemas=schemas))
    text = module(files, "stop_create_params")
    assert "class TaggedDisk(" in text and "class TaggedWebSource(" in text
    assert "class MixedDiskSource(" in text


def test_a_record_redefining_a_base_field_is_not_a_subclass(tmp_path: Path) -> None:
    # a TypedDict cannot redefine its base's key (Mistral `ConversationRequest` over `ConversationRequestBase`,
    # both with `stream`): the record is written whole
    config = CONFIG.replace("      mood: '#/components/schemas/Mood'\n",
                            "      mood: '#/components/schemas/Mood'\n      base: '#/components/schemas/Base'\n")
    files, _ = generate(tmp_path, spec_with(body({"grader": {"allOf": [
        {"$ref": "#/components/schemas/Base"},
        {"type": "object", "properties": {"source": {"type": "integer"}}}]}}), schemas=GRADERS), config)
    text = module(files, "stop_create_params")
    assert "class Grader(TypedDict, total=False):" in text and "    source: int\n" in text


# ------------------------------------------------------------------------------------------ bodies
def test_a_body_that_is_no_object_is_the_body_param(tmp_path: Path) -> None:
    # an array, a string or a file body is one `body` param of its type (required when the body is), not
    # dropped: Xero's octet-stream attachments, Discord's `PUT .../commands` arrays (../shared/corpus)
    def raw(media: str, schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
        return {"requestBody": {"required": required, "content": {media: {"schema": schema}}}}

    items = {"type": "array", "items": {"type": "object", "required": ["name"],
                                        "properties": {"name": {"type": "string"}}}}
    spec = spec_with(raw("application/json", items))
    spec["paths"]["/agencies/{agencyID}/stops/{stopID}"]["post"].update(
        raw("application/octet-stream", {"type": "string", "format": "binary"}, required=False))
    spec["paths"]["/stops/{stopID}"]["put"] = {"parameters": [STOP_ID], **raw("application/json", {}),
                                               "operationId": "replaceStop"}
    config = CONFIG.replace("      create: post /stops\n",
                            "      create: post /stops\n      replace: put /stops/{stopID}\n")
    files, diags = generate(tmp_path, spec, config)
    create = module(files, "stop_create_params")
    assert "    body: Required[Iterable[Body]]\n" in create and "class Body(TypedDict, total=False):" in create
    assert "    body: FileTypes\n" in module(files, "stop_update_params")
    # a schema with no type: no param (the method is left with its path param: no module), and a warning
    assert "pkg/types/stop_replace_params.py" not in files
    assert [d.code for d in diags if d.code == "body-not-object"] == ["body-not-object"]
    assert not [d for d in diags if d.code == "media-unsupported"]  # raw bytes are what the client sends


# ------------------------------------------------------------------------------------------ client options
def test_what_the_client_sends_is_no_params_field(tmp_path: Path) -> None:
    # config/client.py: an option `send_as_query_param: key` / `send_as_header: X-Api-Version`, and the
    # apiKey security scheme an option authenticates with, are sent by the client (OneBusAway's `api_key`)
    config = CONFIG + """client_settings:
  opts:
    api_key: {type: string, auth: {security_scheme: KeyAuth}, read_env: STOPS_KEY}
    version: {type: string, send_as_header: X-Api-Version}
"""
    spec = spec_with(body({"name": {"type": "string"}}), list_op=query(
        q("limit", {"type": "integer"}), q("key", {"type": "string"}),
        {"name": "x-api-version", "in": "header", "schema": {"type": "string"}},
        {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}))
    spec["components"]["securitySchemes"] = {"KeyAuth": {"type": "apiKey", "in": "query", "name": "key"}}
    files, _ = generate(tmp_path, spec, config)
    text = module(files, "stop_list_params")
    assert "    limit: int\n" in text and "x_trace" in text
    assert "key:" not in text and "version" not in text.lower()
