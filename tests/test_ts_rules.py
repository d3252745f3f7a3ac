"""Rules of the TypeScript target on tiny inline specs (TS-STYLE §2–§9): the expected text of each case is
written out here, so each rule can fail on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ts_support import inline_run

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run
from generator.targets.typescript import printer
from generator.text import escape

CONFIG = """
targets: {python: {package_name: pkg}, node: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests."}
resources:
  pets:
    methods:
      create: {endpoint: post /pets, streaming: {param_discriminator: stream}}
      retrieve: get /owners/{owner_id}/pets/{pet_id}
      list: get /owners/{owner_id}/pets
    models:
      mood: '#/components/schemas/Mood'
    subresources:
      toys:
        methods:
          upload: post /toys
"""

MOOD = {"type": "string", "enum": ["happy", "sad"]}
SPEC: dict[str, Any] = {
    "paths": {
        "/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "description": "The name."},
                "mood": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Mood"}]},
                "stream": {"type": "boolean", "nullable": True, "description": "Stream it."},
                "collar": {"type": "object", "description": "The collar.", "properties": {
                    "tag": {"type": "object", "description": "Its tag.", "properties": {
                        "text": {"type": "string", "deprecated": True}}}}},
                "tags": {"type": "object", "additionalProperties": {"type": "string"}},
            }}}}}}},
        "/owners/{owner_id}/pets/{pet_id}": {"get": {"parameters": [
            {"name": "owner_id", "in": "path", "required": True, "schema": {"type": "string"},
             "description": "The owner."},
            {"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "expand", "in": "query", "schema": {"type": "boolean"}, "description": "Expand it."}]}},
        "/owners/{owner_id}/pets": {"get": {
            "parameters": [
                {"name": "owner_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "after", "in": "query", "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]},
                 "description": "Sort order."}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"data": {"type": "array", "items": {}},
                                                 "has_more": {"type": "boolean"}}}}}}}}},
        "/toys": {"post": {"requestBody": {"content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary"}, "label-text": {"type": "string"}}}}}}}},
    },
    "components": {"schemas": {"Mood": MOOD}},
}


def generate(tmp_path: Path, spec: dict[str, Any] = SPEC) -> dict[str, str]:
    return inline_run(tmp_path, spec, CONFIG)


PETS = """\
// File generated for tests.

import * as PetsAPI from './pets';
import { type CursorPageParams } from '../../core/pagination';

export type Mood = 'happy' | 'sad';

export type PetCreateParams = PetCreateParamsNonStreaming | PetCreateParamsStreaming;

export interface PetCreateParamsBase {
  /**
   * The name.
   */
  name: string;

  /**
   * The collar.
   */
  collar?: PetCreateParams.Collar;

  mood?: (string & {}) | Mood;

  /**
   * Stream it.
   */
  stream?: boolean | null;

  tags?: { [key: string]: string };
}

export namespace PetCreateParams {
  /**
   * The collar.
   */
  export interface Collar {
    /**
     * Its tag.
     */
    tag?: Collar.Tag;
  }

  export namespace Collar {
    /**
     * Its tag.
     */
    export interface Tag {
      /**
       * @deprecated
       */
      text?: string;
    }
  }

  export type PetCreateParamsNonStreaming = PetsAPI.PetCreateParamsNonStreaming;
  export type PetCreateParamsStreaming = PetsAPI.PetCreateParamsStreaming;
}

export interface PetCreateParamsNonStreaming extends PetCreateParamsBase {
  /**
   * Stream it.
   */
  stream?: false | null;
}

export interface PetCreateParamsStreaming extends PetCreateParamsBase {
  /**
   * Stream it.
   */
  stream: true;
}

export interface PetRetrieveParams {
  /**
   * Path param: The owner.
   */
  owner_id: string;

  /**
   * Query param: Expand it.
   */
  expand?: boolean;
}

export interface PetListParams extends CursorPageParams {
  /**
   * Sort order.
   */
  order?: 'asc' | 'desc';
}

export declare namespace Pets {
  export {
    type Mood as Mood,
    type PetCreateParams as PetCreateParams,
    type PetCreateParamsNonStreaming as PetCreateParamsNonStreaming,
    type PetCreateParamsStreaming as PetCreateParamsStreaming,
    type PetRetrieveParams as PetRetrieveParams,
    type PetListParams as PetListParams,
  };
}
"""


def test_resource_file_layout(tmp_path: Path) -> None:
    """Named models first, then the families in method order (streaming split, nested namespaces named by the
    last path segment, location prefixes when locations mix, the page base with after/limit inherited), then the
    declare-namespace block (P1, P2, N3, F5, F7, §7, §8)."""
    assert generate(tmp_path)["resources/pets/pets.ts"] == PETS


def test_subresource_file_multipart_and_quoted_keys(tmp_path: Path) -> None:
    toys = generate(tmp_path)["resources/pets/toys.ts"]
    assert "import { type Uploadable } from '../../core/uploads';" in toys
    assert "  file: Uploadable;\n" in toys
    assert "  'label-text'?: string;\n" in toys  # not an identifier: quoted (quoteProps as-needed)


def test_support_files_type_the_tree_alone(tmp_path: Path) -> None:
    files = generate(tmp_path)
    assert "export type Uploadable =" in files["core/uploads.ts"]
    assert "export interface CursorPageParams {\n  after?: string;\n\n  limit?: number;\n}" in \
        files["core/pagination.ts"]


def test_python_path_is_unchanged_by_the_typescript_config_keys(tmp_path: Path) -> None:
    generate(tmp_path)
    py = run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files
    assert all(name.endswith(".py") for name in py)


def test_union_breaking() -> None:
    members = tuple(printer.Atom(f"'value-number-{i}'") for i in range(8))
    m = printer.Member("size", True, printer.Union((printer.Atom("(string & {})"), *members, printer.NULL)), [])
    lines = printer.member_lines(m, "  ")
    assert lines[0] == "  size?:"
    assert lines[1] == "    | (string & {})"
    assert lines[-1] == "    | null;"
    short = printer.Member("n", True, printer.Union((printer.Atom("number"), printer.NULL)), [])
    assert printer.member_lines(short, "  ") == ["  n?: number | null;"]


def test_array_of_union_and_hugging() -> None:
    names = tuple(printer.Atom(f"GraderModelsAPI.SomeVeryLongGraderName{i}") for i in range(4))
    arr = printer.Generic("Array", printer.Union(names))
    lines = printer.member_lines(printer.Member("testing_criteria", False, arr, []), "  ")
    assert lines[0] == "  testing_criteria: Array<" and lines[1].startswith("    | ") and lines[-1] == "  >;"
    few = printer.Generic("Array", printer.Union(tuple(printer.Atom(f"AssistantsAPI.ToolNo1{i}") for i in range(4))))
    hugged = printer.member_lines(printer.Member("tools", True, printer.Union((few, printer.NULL)), []), "  ")
    assert hugged[0] == "  tools?: Array<" and not hugged[1].lstrip().startswith("|") and hugged[-1] == "  > | null;"


def test_type_alias_breaks_after_equals() -> None:
    alias = printer.TypeAlias("ChatCompletionCreateParamsNonStreaming",
                              printer.Atom("ChatCompletionsAPI.ChatCompletionCreateParamsNonStreaming"))
    assert printer.decl_lines(alias, "  ") == [
        "  export type ChatCompletionCreateParamsNonStreaming =",
        "    ChatCompletionsAPI.ChatCompletionCreateParamsNonStreaming;",
    ]


def test_escapers() -> None:
    assert escape.ts_string_literal("it's") == '"it\'s"'
    assert escape.ts_string_literal('a"b') == "'a\"b'"
    assert escape.ts_string_literal("x\n\u2028\\") == "'x\\n\\u2028\\\\'"
    assert escape.ts_property_key("ok_name") == "ok_name"
    assert escape.ts_property_key("x-y") == "'x-y'"
    assert escape.ts_type_name("string") == "string_"
    assert escape.ts_comment_lines("a\nb\x00") == ["// a", "// b"]


def test_open_object_gets_an_index_signature(tmp_path: Path) -> None:
    spec = {**SPEC, "paths": {**SPEC["paths"], "/toys": {"post": {"requestBody": {"content": {"application/json": {
        "schema": {"type": "object", "additionalProperties": True, "properties": {"name": {"type": "string"}}}}}}}}}}
    toys = generate(tmp_path, spec)["resources/pets/toys.ts"]
    assert "export interface ToyUploadParams {\n  name?: string;\n\n  [k: string]: unknown;\n}\n" in toys
