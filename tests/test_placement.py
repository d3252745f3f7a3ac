"""Module placement and class names (docs/CONFIG.md), checked against the real SDK's names in sdk-map.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config.files import load_config
from generator.config.model import Config, Method, ModelSpec, iter_methods, iter_models
from generator.config.placement import check_placements, class_name, model_placement, module_file, params_module
from generator.diagnostics import Diagnostics, Level
from generator.text.naming import singular, singular_name


def method(resource: str, name: str, *, own: bool = False) -> Method:
    return Method(name, "post", "/x", None, tuple(resource.split(".")), "#/x", own)


def model(resource: str, key: str, *, own: bool = False, override: str | None = None) -> ModelSpec:
    shared = resource == "$shared"
    path = () if shared else tuple(resource.split("."))
    return ModelSpec(key, "#/components/schemas/X", override, path, shared, own, "#/x")


def params(m: Method) -> tuple[str, str]:
    module, cls = params_module(m)
    return module_file(module), cls


def placed(m: ModelSpec, kind: Any) -> tuple[str, str]:
    module, cls = model_placement(m, kind=kind)
    return module_file(module), cls


# ------------------------------------------------------------------------------------------------ rules
@pytest.mark.parametrize(
    ("resource", "name", "own", "expected"),
    [
        ("images", "generate", False, ("types/image_generate_params.py", "ImageGenerateParams")),
        ("chat.completions", "create", False, ("types/chat/completion_create_params.py", "CompletionCreateParams")),
        ("beta.threads.runs", "create", False, ("types/beta/threads/run_create_params.py", "RunCreateParams")),
        ("batches", "list", False, ("types/batch_list_params.py", "BatchListParams")),
        ("responses", "create", True, ("types/responses/response_create_params.py", "ResponseCreateParams")),
        ("vector_stores.file_batches", "list_files", False,
         ("types/vector_stores/file_batch_list_files_params.py", "FileBatchListFilesParams")),
        ("admin.organization.admin_api_keys", "create", False,
         ("types/admin/organization/admin_api_key_create_params.py", "AdminAPIKeyCreateParams")),
        ("usage", "audio_speeches", False, ("types/usage_audio_speeches_params.py", "UsageAudioSpeechesParams")),
        ("inspect", "healthCheck", False, ("types/inspect_health_check_params.py", "InspectHealthCheckParams")),
    ],
)
def test_params_module(resource: str, name: str, own: bool, expected: tuple[str, str]) -> None:
    assert params(method(resource, name, own=own)) == expected


def test_params_module_escapes_hostile_names() -> None:
    module, cls = params_module(method("../../etc", "pass wd;rm"))
    assert all(part.replace("_", "").isalnum() for part in module)
    assert cls.isidentifier()


@pytest.mark.parametrize(
    ("resource", "key", "kind", "own", "override", "expected"),
    [
        ("images", "image_model", "alias", False, None, ("types/image_model.py", "ImageModel")),
        ("chat.completions", "chat_completion_tool_union", "object", False, None,
         ("types/chat/chat_completion_tool_union_param.py", "ChatCompletionToolUnionParam")),
        ("responses", "tool", "object", True, None, ("types/responses/tool_param.py", "ToolParam")),
        ("responses", "response_includable", "alias", True, None,
         ("types/responses/response_includable.py", "ResponseIncludable")),
        ("beta.threads", "image_url", "object", False, "ImageURLParam", ("types/beta/image_url_param.py",
                                                                          "ImageURLParam")),
        ("$shared", "metadata", "object", False, None, ("types/shared_params/metadata.py", "Metadata")),
        ("$shared", "chat_model", "alias", False, None, ("types/shared/chat_model.py", "ChatModel")),
        ("$shared", "response_format_json_object", "object", False, None,
         ("types/shared_params/response_format_json_object.py", "ResponseFormatJSONObject")),
        ("inspect", "healthInfo", "object", False, None, ("types/health_info_param.py", "HealthInfoParam")),
        ("realtime", "tool_choice_mcp", "object", False, None, ("types/tool_choice_mcp_param.py",
                                                                 "ToolChoiceMcpParam")),
    ],
)
def test_model_placement(resource: str, key: str, kind: str, own: bool, override: str | None,
                         expected: tuple[str, str]) -> None:
    assert placed(model(resource, key, own=own, override=override), kind) == expected


def test_class_name_initialisms() -> None:
    assert class_name("api_key_create_params", fallback="X") == "APIKeyCreateParams"
    assert class_name("image_url", fallback="X") == "ImageURL"
    assert class_name("jsonl_source", fallback="X") == "JSONLSource"
    assert class_name("mcp_tool", fallback="X") == "McpTool"
    assert class_name("rapid", fallback="X") == "Rapid"  # whole words only
    assert class_name("", fallback="X") == "X"


def test_check_placements_reports_collisions(tmp_path: Path) -> None:
    path = tmp_path / "c.yml"
    path.write_text(
        "targets: {python: {package_name: acme}}\n"
        "resources:\n"
        "  pets:\n"
        "    methods: {list: get /pets}\n"
        "    models: {pet: Pet}\n"
        "  pet:\n"
        "    methods: {list: get /pet}\n"
        "  animals:\n"
        "    models: {pet: Pet2}\n"
    )
    diags = Diagnostics()
    config = load_config(path, diags)  # the reader reports them already (generator/config/meaning.py)
    assert sorted((d.code, d.pointer) for d in diags) == [
        ("config-module-collision", "#/resources/animals/models/pet"),
        ("config-module-collision", "#/resources/pet/methods/list")]
    diags = Diagnostics()
    check_placements(config, diags)
    found = sorted((d.code, d.pointer) for d in diags)
    assert found == [("module-collision", "#/resources/animals/models/pet"),
                     ("module-collision", "#/resources/pet/methods/list")]


# ------------------------------------------------------------------------------------------------ singular
@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("batches", "batch"), ("policies", "policy"), ("stores", "store"), ("keys", "key"),
        ("api_keys", "api_key"), ("days", "day"), ("workflows", "workflow"), ("views", "view"),
        ("responses", "response"), ("statuses", "status"), ("addresses", "address"), ("boxes", "box"),
        ("metrics", "metric"), ("topics", "topic"), ("apis", "api"), ("menus", "menu"), ("movies", "movie"),
        ("caches", "cache"), ("leaves", "leaf"), ("children", "child"), ("indices", "index"),
        ("criteria", "criterion"), ("analyses", "analysis"), ("logprobs", "logprob"), ("outputs", "output"),
        ("Keys", "Key"), ("People", "Person"),
        # not plurals / invariant
        ("status", "status"), ("class", "class"), ("analysis", "analysis"), ("various", "various"),
        ("news", "news"), ("series", "series"), ("data", "data"), ("metadata", "metadata"), ("media", "media"),
        ("always", "always"), ("analytics", "analytics"), ("alias", "alias"), ("bias", "bias"), ("aws", "aws"),
        ("usage", "usage"), ("s", "s"), ("", ""),
    ],
)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_singular_name() -> None:
    assert singular_name("file_batches") == "file_batch"
    assert singular_name("admin_api_keys") == "admin_api_key"
    assert singular_name("data_retention") == "data_retention"


# ------------------------------------------------------------------------------------------------ oracle
def _openai(shared_dir: Path) -> tuple[Config, dict[str, Any]]:
    diags = Diagnostics()
    config = load_config(shared_dir / "openai" / "openai.stainless.yml", diags)
    assert not diags.has_errors
    with open(shared_dir / "openai" / "sdk-map.yaml", encoding="utf-8") as fh:
        sdk_map = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return config, sdk_map


def test_every_openai_route_matches_the_sdk(shared_dir: Path) -> None:
    config, sdk_map = _openai(shared_dir)
    methods = {(".".join(m.resource_path), m.name): m for m in iter_methods(config)}
    mismatches = []
    for route in sdk_map["routes"]:
        m = methods[(route["resource"], route["method"])]
        assert m.endpoint == route["route"]
        assert bool(m.streaming_param) == route["streaming"]
        expected = (route["params_module"], route["params_class"])
        if params(m) != expected:
            mismatches.append((route["resource"], route["method"], params(m), expected))
    print(f"routes: {len(sdk_map['routes']) - len(mismatches)} of {len(sdk_map['routes'])} match")
    assert mismatches == []
    assert len(sdk_map["routes"]) == len(methods) == 175


def test_every_openai_named_type_matches_the_sdk(shared_dir: Path) -> None:
    config, sdk_map = _openai(shared_dir)
    by_schema: dict[str, list[ModelSpec]] = {}
    for m in iter_models(config):
        by_schema.setdefault(m.schema_pointer, []).append(m)
    mismatches = []
    for named in sdk_map["named_types"]:
        module: str = named["module"]
        # The real kind is decided by the builder from the schema; here it follows from the expected module.
        kind = "object" if module.removesuffix(".py").endswith("_param") or "/shared_params/" in module else "alias"
        candidates = [placed(m, kind) for m in by_schema.get(named["schema"], [])]
        if (module, named["name"]) not in candidates:
            mismatches.append((named["schema"], (module, named["name"]), candidates))
    print(f"named types: {len(sdk_map['named_types']) - len(mismatches)} of {len(sdk_map['named_types'])} match")
    assert mismatches == []
    assert len(sdk_map["named_types"]) == 247


def test_openai_config_has_no_collisions(shared_dir: Path) -> None:
    config, _ = _openai(shared_dir)
    diags = Diagnostics()
    check_placements(config, diags)
    assert list(diags) == []


def test_llama_stack_every_method_has_a_module(shared_dir: Path) -> None:
    diags = Diagnostics()
    config = load_config(shared_dir / "llama-stack" / "openapi.stainless.yml", diags)
    check_placements(config, diags)
    assert list(diags) == []
    placed_methods = {(".".join(m.resource_path), m.name): params(m) for m in iter_methods(config)}
    assert len(placed_methods) == 114
    assert placed_methods[("toolgroups", "register")] == ("types/toolgroup_register_params.py",
                                                          "ToolgroupRegisterParams")
    assert placed_methods[("tool_runtime.rag_tool", "insert")] == ("types/tool_runtime/rag_tool_insert_params.py",
                                                                   "RagToolInsertParams")
    assert placed_methods[("alpha.agents.turn", "create")] == ("types/alpha/agents/turn_create_params.py",
                                                               "TurnCreateParams")
    assert placed_methods[("beta.datasets", "iterrows")] == ("types/beta/dataset_iterrows_params.py",
                                                             "DatasetIterrowsParams")
    shared = {m.key: placed(m, "object") for m in iter_models(config) if m.shared}
    assert shared["agent_config"] == ("types/shared_params/agent_config.py", "AgentConfig")
    health = next(m for m in iter_models(config) if m.key == "healthInfo")
    assert placed(health, "object") == ("types/health_info_param.py", "HealthInfoParam")
    for key, (module, cls) in list(placed_methods.items())[::20]:
        print(key, module, cls)


def test_module_beside_a_folder_of_the_same_name_is_an_error(tmp_path: Path) -> None:
    """``types/things.py`` beside ``types/things/``: Python imports the folder, so the file's types are lost."""
    path = tmp_path / "c.yml"
    path.write_text(
        "targets: {python: {package_name: acme}}\n"
        "resources:\n"
        "  things:\n"
        "    models: {things: Things}\n"
        "    subresources:\n"
        "      parts: {methods: {list: 'get /things/{id}/parts'}}\n"
    )
    diags = Diagnostics()
    load_config(path, diags)
    assert [(d.code, d.pointer) for d in diags if d.level is Level.ERROR] == [
        ("config-module-package-collision", "#/resources/things/models/things")]
    diags = Diagnostics()
    path.write_text(path.read_text().replace("models: {things: Things}", "models: {thing: Things}"))
    load_config(path, diags)
    assert not [d for d in diags if d.level is Level.ERROR]


def test_inferred_model_keys_avoid_resource_folders() -> None:
    """A zero-config model named like a resource with sub-resources gets a ``_model`` suffix (xero's
    ``BankTransactions`` wrapper beside ``bank_transactions.attachments``)."""
    from generator.config.infer import infer_config_data

    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Things"}}}}
    op = {"requestBody": ref, "responses": {"200": {"description": "ok", **ref}}}
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
           "paths": {"/things": {"put": op, "post": op},
                     "/things/{id}/parts": {"get": {"parameters": [{"name": "id", "in": "path", "required": True,
                                                                    "schema": {"type": "string"}}],
                                                    "responses": {"200": {"description": "ok"}}}}},
           "components": {"schemas": {"Things": {"type": "object", "properties": {"a": {"type": "string"}}}}}}
    data = infer_config_data(doc, Diagnostics())
    assert data["resources"]["things"]["models"] == {"things_model": "#/components/schemas/Things"}
