"""The golden cases: which inputs produce which snapshot files (shared by the tests and regen_goldens.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))
REGEN = "python tests/regen_goldens.py"


@dataclass(frozen=True)
class Case:
    name: str
    config: Path
    spec: Path | None
    modules: tuple[str, ...]  # paths relative to the output root


OPENAI_MODULES = tuple(
    f"openai/types/{m}.py"
    for m in (
        "audio/transcription_create_params",  # streaming + multipart + nested union
        "beta/threads/run_submit_tool_outputs_params",  # streaming with extra path params
        "beta/response_retrieve_params",  # streaming query params + header alias
        "responses/response_retrieve_params",
        "file_create_params",  # multipart
        "admin/organization/audit_log_list_params",  # query params, `[]` names, nested query object
        "beta/assistant_update_params",  # shared imports, deep nesting
        "fine_tuning/job_create_params",
        "batch_create_params",
        "container_create_params",  # unions of named records as aliases
        "vector_store_create_params",
        "beta/beta_computer_action_param",  # *_param union module
        "beta/beta_custom_tool_param",  # *_param with a discriminated union
        "chat/chat_completion_content_part_param",
        "realtime/realtime_audio_input_turn_detection_param",  # nullable union alias module
        "shared_params/reasoning",  # shared_params module
        "evals/create_eval_jsonl_run_data_source_param",  # initialisms in names
        "embedding_create_params",
        "beta/beta_response_custom_tool_call_param",  # class docstring taken from the field's anyOf wrapper
        "chat/chat_completion_assistant_message_param",  # Union[str, Iterable[Part], None] stays inline
    )
)

LLAMA_MODULES = tuple(
    f"llama_stack_client/types/{m}.py"
    for m in (
        "alpha/agents/turn_create_params",  # streaming, nested resource
        "completion_create_params",  # streaming
        "toolgroup_register_params",
        "alpha/eval_evaluate_rows_alpha_params",  # the same endpoint under a second method name
        "file_create_params",  # multipart
        "vector_store_search_params",
        "response_create_params",
    )
)

# Response modules (issue 13) from the whole SDK surface; each golden is byte-identical to the SDK's own file
# (tests/test_response_oracle.py checks that when the SDK is at hand).
OPENAI_RESPONSE_MODULES = tuple(
    f"openai/types/{m}.py"
    for m in (
        "batch",  # nested classes, Optional defaults
        "moderation",  # FieldInfo wire-name aliases (`self-harm/intent`)
        "shared/function_parameters",  # dict alias
        "responses/response_function_tool_call_item",  # allOf subclass with `# type: ignore` override
        "responses/response_stream_event",  # discriminated union of named models
        "responses/response_output_item",  # discriminated union with inline variants
        "fine_tuning/fine_tuning_job_event",  # builtins.object after an `object` field
        "evals/runs/output_item_list_response",  # extra-properties stub, method response
        "conversations/input_file_content",  # re-export of a schema named twice
        "responses/response_input_file",  # ... and the module it re-exports
        "beta/beta_computer_action_list",  # list alias of a named union
        "container_create_response",  # method response module, class docstrings kept raw
        "file_content",  # scalar alias
        "shared/chat_model",  # literal alias
        "chat/chat_completion_store_message",  # subclass whose nested union carries its name
        "admin/organization/usage_costs_response",  # variants named by the discriminator's values
        "eval_create_response",  # __test__ guard on Test... subclasses
        "image",
        "vector_stores/vector_store_file",
        "shared/reasoning_effort",  # nullable literal alias
        "embedding",
        "admin/organization/admin_api_key_create_response",  # subclass documented by its base
        "graders/multi_grader",  # nested anyOf flattened into one union
    )
)

CASES: tuple[Case, ...] = (
    Case("default", ROOT / "specs" / "openai-images.stainless.yml", None,
         ("openai/types/image_generate_params.py",)),
    Case("openai", SHARED / "openai" / "openai.stainless.yml", SHARED / "openai" / "openapi.transformed.yml",
         OPENAI_MODULES),
    Case("llama-stack", SHARED / "llama-stack" / "openapi.stainless.yml", SHARED / "llama-stack" / "openapi.yml",
         LLAMA_MODULES),
    Case("openai-responses", SHARED / "openai" / "openai-full.stainless.yml",
         SHARED / "openai" / "openapi.transformed.yml", OPENAI_RESPONSE_MODULES),
)


def generate_case(case: Case) -> dict[str, str] | None:
    if not case.config.is_file() or (case.spec is not None and not case.spec.is_file()):
        return None
    diags = Diagnostics()
    result = run(Options(config=case.config, spec=case.spec, out=Path("/nonexistent-out"), use_cache=False), diags)
    return result.files
