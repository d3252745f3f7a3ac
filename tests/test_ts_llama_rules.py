"""TypeScript rules measured on llama-stack-client@0.7.3 (the Llama Stack 2026-04 pair), on tiny inline specs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ts_support import inline_run, post_body_spec

from generator.text import naming

CONFIG = """
targets: {python: {package_name: pkg}, node: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests."}
resources:
  notes:
    methods:
      create: {endpoint: post /notes, streaming: {param_discriminator: stream}}
"""
PART = {"type": "object", "title": "Part", "properties": {"text": {"type": "string"}}}


def notes(tmp_path: Path, body: dict[str, Any]) -> str:
    return inline_run(tmp_path, post_body_spec("/notes", body), CONFIG)["resources/notes.ts"]


def test_openai_is_spelled_openai() -> None:
    assert naming.pascal("openai_cursor_page") + "Params" == "OpenAICursorPageParams"


def test_streaming_children_of_an_open_params_type_repeat_its_index_signature(tmp_path: Path) -> None:
    ts = notes(tmp_path, {"type": "object", "additionalProperties": True,
                          "properties": {"stream": {"type": "boolean"}}})
    assert "extends NoteCreateParamsBase {\n  stream?: false;\n\n  [k: string]: unknown;\n}\n" in ts
    assert "extends NoteCreateParamsBase {\n  stream: true;\n\n  [k: string]: unknown;\n}\n" in ts


def test_identical_nested_definitions_share_their_name(tmp_path: Path) -> None:
    other = {**PART, "properties": {"text": {"type": "integer"}}}
    ts = notes(tmp_path, {"type": "object", "properties": {
        "a": {"anyOf": [{"type": "string"}, PART]}, "b": {"anyOf": [{"type": "string"}, PART]},
        "c": {"anyOf": [{"type": "string"}, other]}}})
    assert "  a?: string | NoteCreateParamsBase.Part;\n" not in ts  # (the namespace is the family's)
    assert ts.count("  export interface Part {\n    text?: string;\n  }\n") == 2  # declared again, merged by tsc
    assert "  b?: string | NoteCreateParams.Part;\n" in ts
    assert "  c?: string | NoteCreateParams.Part2;\n" in ts and "  export interface Part2 {\n    text?: number;" in ts
