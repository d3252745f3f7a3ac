"""A method's ``typegen.type_parameters`` (config/generics.py): the TypeScript params family takes the generic
parameter as openai-node's audio params do by hand; Python ignores it."""

from __future__ import annotations

from pathlib import Path

from ts_support import inline_run

from generator.diagnostics import Diagnostics

CONFIG = """
targets: {python: {package_name: pkg}, node: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests."}
resources:
  sounds:
    methods:
      create:
        endpoint: post /sounds
        streaming: {param_discriminator: stream}
        typegen:
          type_parameters: [{name: Format, model: sound_format_with_a_very_long_name_indeed, property: format}]
      translate:
        endpoint: post /translations
        typegen:
          type_parameters: [{name: Format, model: sound_format_with_a_very_long_name_indeed}, {name: 1bad, model: x}]
    models:
      sound_format_with_a_very_long_name_indeed: '#/components/schemas/SoundFormatWithAVeryLongNameIndeed'
"""
BODY = {"type": "object", "properties": {
    "format": {"$ref": "#/components/schemas/SoundFormatWithAVeryLongNameIndeed"},
    "stream": {"type": "boolean"}}}
SPEC = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
        "paths": {p: {"post": {"requestBody": {"content": {"application/json": {"schema": BODY}}}}}
                  for p in ("/sounds", "/translations")},
        "components": {"schemas": {"SoundFormatWithAVeryLongNameIndeed": {"type": "string", "enum": ["a", "b"]}}}}

BOUND = "SoundFormatWithAVeryLongNameIndeed | undefined = SoundFormatWithAVeryLongNameIndeed | undefined"


def generate(tmp_path: Path, target: str) -> tuple[dict[str, str], Diagnostics]:
    diags = Diagnostics()
    return inline_run(tmp_path, SPEC, CONFIG, target, diags), diags


def test_streaming_family_takes_the_type_parameter(tmp_path: Path) -> None:
    files, diags = generate(tmp_path, "typescript")
    ts = files["resources/sounds.ts"]
    assert (f"export type SoundCreateParams<\n  Format extends {BOUND},\n"
            "> = SoundCreateParamsNonStreaming<Format> | SoundCreateParamsStreaming;\n") in ts
    assert f"export interface SoundCreateParamsBase<\n  Format extends {BOUND},\n> {{\n  format?: Format;\n" in ts
    assert (f"export interface SoundCreateParamsNonStreaming<\n  Format extends {BOUND},\n"
            "> extends SoundCreateParamsBase<Format> {\n") in ts
    assert "export interface SoundCreateParamsStreaming extends SoundCreateParamsBase {\n" in ts
    # declared without a member typed by it; a malformed entry is warned about and skipped
    assert f"export interface SoundTranslateParams<\n  Format extends {BOUND},\n> {{\n" in ts
    assert "  format?: SoundFormatWithAVeryLongNameIndeed;\n" in ts
    assert any(d.code == "config-value" and "type parameter" in d.message for d in diags)


def test_python_ignores_type_parameters(tmp_path: Path) -> None:
    files, _ = generate(tmp_path, "python")
    text = "".join(files.values())
    assert "Format]" not in text.replace("Indeed]", "") and "format: SoundFormatWithAVeryLongNameIndeed\n" in text
