"""Mapping rules of the builder on tiny inline specs (STYLE §3–§6)."""

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
  pets:
    methods:
      list: get /owners/{owner_id}/pets
      update: post /owners/{owner_id}/pets/{pet_id}
      create: {endpoint: post /pets, streaming: {param_discriminator: stream}}
    models:
      mood: '#/components/schemas/Mood'
"""


def generate(tmp_path: Path, spec: dict[str, Any]) -> dict[str, str]:
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                                                        **spec}))
    (tmp_path / "config.yml").write_text(CONFIG)
    diags = Diagnostics()
    return run(Options(config=tmp_path / "config.yml", use_cache=False), diags).files


PATH_PARAM = {"name": "owner_id", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "The owner."}
SPEC: dict[str, Any] = {
    "paths": {
        "/owners/{owner_id}/pets": {"get": {"parameters": [
            PATH_PARAM,
            {"name": "tags[]", "in": "query", "schema": {"type": "array", "items": {"type": "string"}},
             "description": "Filter by tags."},
            {"name": "limit", "in": "query", "schema": {"type": "integer"}, "description": "Page size."},
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}, "description": "A header."},
        ]}},
        "/owners/{owner_id}/pets/{pet_id}": {"post": {
            "parameters": [PATH_PARAM,
                           {"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "mood": {"$ref": "#/components/schemas/Mood"},
                "name": {"type": "string", "description": "The name."},
            }}}}},
        }},
        "/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["name"], "properties": {
                "name": {"type": "string"},
                "stream": {"type": "boolean", "nullable": True, "description": "Stream it."},
                "toys": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"},
                                                                                      "color": {"type": "string"}}}},
            }}}}}}},
    },
    "components": {"schemas": {"Mood": {"type": "string", "enum": ["calm", "wild"], "nullable": True}}},
}


def test_path_params_have_no_docstring_and_last_path_param_is_positional(tmp_path: Path) -> None:
    files = generate(tmp_path, SPEC)
    update = files["pkg/types/pet_update_params.py"]
    assert "    owner_id: Required[str]\n\n" in update
    assert "pet_id" not in update
    assert "The owner." not in update


def test_query_params_keep_their_description_and_headers_do_not(tmp_path: Path) -> None:
    listing = generate(tmp_path, SPEC)["pkg/types/pet_list_params.py"]
    assert '    limit: int\n    """Page size."""' in listing
    assert "A header." not in listing
    assert "    tags: SequenceNotStr[str]\n" in listing
    assert '    x_trace: Annotated[str, PropertyInfo(alias="X-Trace")]\n' in listing


def test_nullable_named_alias_makes_the_field_optional(tmp_path: Path) -> None:
    files = generate(tmp_path, SPEC)
    assert "    mood: Optional[Mood]\n" in files["pkg/types/pet_update_params.py"]
    assert 'Mood: TypeAlias = Optional[Literal["calm", "wild"]]' in files["pkg/types/mood.py"]


def test_streaming_split_and_nested_class_from_array_items(tmp_path: Path) -> None:
    create = generate(tmp_path, SPEC)["pkg/types/pet_create_params.py"]
    assert '__all__ = ["PetCreateParamsBase", "Toy", "PetCreateParamsNonStreaming", "PetCreateParamsStreaming"]' \
        in create
    assert "    toys: Iterable[Toy]\n" in create
    assert "class Toy(TypedDict, total=False):\n    id: str\n\n    color: str\n" in create
    assert "    stream: Optional[Literal[False]]\n" in create
    assert "class PetCreateParamsStreaming(PetCreateParamsBase):\n    stream: Required[Literal[True]]\n" in create
    assert create.endswith("PetCreateParams = Union[PetCreateParamsNonStreaming, PetCreateParamsStreaming]\n")


def test_inline_class_without_description_takes_its_fields(tmp_path: Path) -> None:
    spec: dict[str, Any] = {
        "paths": {"/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {
                "owner": {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}],
                          "description": "Who owns it."},
                "vet": {"$ref": "#/components/schemas/Vet"},
            }}}}}}}},
        "components": {"schemas": {
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Vet": {"type": "object", "description": "The vet.", "properties": {"name": {"type": "string"}}},
        }},
    }
    create = generate(tmp_path, spec)["pkg/types/pet_create_params.py"]
    assert 'class Owner(TypedDict, total=False):\n    """Who owns it."""\n\n    name: str\n' in create
    assert '    owner: Optional[Owner]\n    """Who owns it."""\n' in create
    assert 'class Vet(TypedDict, total=False):\n    """The vet."""\n\n    name: str\n' in create


ARRAY_CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, generated_header: "File generated for tests.", support_modules: false}
resources:
  pets:
    methods:
      create: post /pets
    models:
      pet_list: '#/components/schemas/PetList'
      name_list: '#/components/schemas/NameList'
"""


def test_array_module_is_a_list_of_a_local_item_union(tmp_path: Path) -> None:
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "paths": {"/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {
                    "pets": {"$ref": "#/components/schemas/PetList"},
                    "names": {"$ref": "#/components/schemas/NameList"},
                    "note": {"anyOf": [{"type": "string"}, {"type": "array", "items": {
                        "type": "object", "properties": {"text": {"type": "string"}}}}]},
                }}}}}}}},
            "components": {"schemas": {
                "PetList": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
                "Pet": {"anyOf": [
                    {"type": "object", "properties": {"type": {"type": "string", "enum": ["cat"]}}},
                    {"type": "object", "properties": {"type": {"type": "string", "enum": ["dog"]}}},
                ]},
                "NameList": {"type": "array", "items": {"type": "string"}},
            }}}
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec))
    (tmp_path / "config.yml").write_text(ARRAY_CONFIG)
    files = run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files
    pets = files["pkg/types/pet_list_param.py"]
    # the item (a `$ref` to a union no config model names) is named after the module, its variants prefixed
    # (OpenAI graders/grader_inputs_param.py `GraderInputsParamItem`, `GraderInputsParamItemOutputText`)
    assert '__all__ = ["PetListParam", "PetListParamItem", "PetListParamItemCat", "PetListParamItemDog"]' in pets
    assert "PetListParamItem: TypeAlias = Union[PetListParamItemCat, PetListParamItemDog]\n" in pets
    assert pets.endswith("PetListParam: TypeAlias = List[PetListParamItem]\n")
    assert files["pkg/types/name_list.py"].endswith(": TypeAlias = SequenceNotStr[str]\n")  # no List here
    create = files["pkg/types/pet_create_params.py"]
    assert "    note: Union[str, Iterable[NoteUnionMember1]]\n" in create
    assert "TypeAlias" not in create


def test_untitled_one_key_variant_is_named_by_its_key(tmp_path: Path) -> None:
    spec: dict[str, Any] = {"paths": {"/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
        "type": "object", "properties": {"voice": {"anyOf": [
            {"type": "string"},
            {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
            {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}},
        ]}}}}}}}}}}
    create = generate(tmp_path, spec)["pkg/types/pet_create_params.py"]
    assert "class VoiceID(TypedDict, total=False):\n    id: Required[str]\n" in create
    assert "class VoiceUnionMember2(TypedDict, total=False):" in create
    assert "Voice: TypeAlias = Union[str, VoiceID, VoiceUnionMember2]" in create


def test_union_without_description_takes_its_first_variants_and_binary_arrays_are_sequences(tmp_path: Path) -> None:
    spec: dict[str, Any] = {
        "paths": {"/pets": {"post": {"requestBody": {"content": {"multipart/form-data": {"schema": {
            "type": "object", "properties": {
                "action": {"anyOf": [{"$ref": "#/components/schemas/Click"}, {"$ref": "#/components/schemas/Wait"}]},
                "files": {"anyOf": [
                    {"type": "array", "items": {"type": "string", "format": "binary"}, "description": "Files."},
                    {"type": "string", "format": "binary"}]},
            }}}}}}}},
        "components": {"schemas": {
            "Click": {"type": "object", "description": "A click.", "properties": {"x": {"type": "integer"}}},
            "Wait": {"type": "object", "description": "A wait.", "properties": {"ms": {"type": "integer"}}},
        }},
    }
    create = generate(tmp_path, spec)["pkg/types/pet_create_params.py"]
    assert '    action: Action\n    """A click."""\n' in create
    assert '    files: Union[SequenceNotStr[FileTypes], FileTypes]\n    """Files."""\n' in create


def test_union_variants_are_named_by_title_before_component_name(tmp_path: Path) -> None:
    spec: dict[str, Any] = {
        "paths": {"/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"filter": {"anyOf": [
                {"$ref": "#/components/schemas/BetaComparisonFilter"}, {"$ref": "#/components/schemas/Other"}]}},
        }}}}}}},
        "components": {"schemas": {
            "BetaComparisonFilter": {"type": "object", "title": "Comparison Filter",
                                     "properties": {"key": {"type": "string"}}},
            "Other": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}},
        }},
    }
    create = generate(tmp_path, spec)["pkg/types/pet_create_params.py"]
    assert "Filter: TypeAlias = Union[FilterComparisonFilter, FilterOther]" in create
