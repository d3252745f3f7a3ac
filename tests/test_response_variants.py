"""Naming of union variants and page detection on the response side, on tiny inline specs (issue 13; evidence
in the Llama Stack 2026-04 SDK, cited per test)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run

CONFIG = """
targets: {python: {package_name: pkg}}
pagination:
- name: cursor
  type: cursor
  request: {limit: {type: integer}, after: {type: string}}
  response: {data: {type: array}, has_more: {type: boolean}}
typegen: {spec: spec.yaml, out: out, support_modules: false}
resources:
  things:
    models:
      misc: Misc
    methods:
      retrieve: get /things/{id}
      list: get /things
      create: post /things
"""


def _tagged(tag: str, extra: str) -> dict[str, Any]:
    return {"type": "object", "title": f"{tag.title()}Thing", "required": [extra],
            "properties": {"type": {"type": "string", "enum": [tag]}, extra: {"type": "string"}}}


SCHEMAS: dict[str, Any] = {"URIThing": _tagged("uri", "uri"), "RowsThing": _tagged("rows", "rows"),
                           "Wrap-Output": _tagged("wrap", "wrapped"),
                           "Misc": {"type": "object", "properties": {"a": {"type": "string"}}}}
MAPPED = {"oneOf": [{"$ref": "#/components/schemas/URIThing", "title": "URIThing"},
                    {"$ref": "#/components/schemas/RowsThing", "title": "RowsThing"}],
          "discriminator": {"propertyName": "type", "mapping": {"uri": "#/components/schemas/URIThing",
                                                               "rows": "#/components/schemas/RowsThing"}}}
UNMAPPED = {"anyOf": [{"$ref": "#/components/schemas/URIThing", "title": "URIThing"},
                      {"$ref": "#/components/schemas/RowsThing", "title": "RowsThing"}],
            "discriminator": {"propertyName": "type"}}
REPEATED = {"type": "array", "items": {"anyOf": [
    {"oneOf": [{"$ref": "#/components/schemas/Wrap-Output"}, {"$ref": "#/components/schemas/RowsThing"}],
     "discriminator": {"propertyName": "type", "mapping": {"wrap": "#/components/schemas/Wrap-Output",
                                                          "rows": "#/components/schemas/RowsThing"}}},
    {"$ref": "#/components/schemas/URIThing", "title": "URIThing"},
    {"$ref": "#/components/schemas/Wrap-Output", "title": "Wrap-Output"}]}}
# a member with no `type` (an enum): no tag names
WITH_ENUM = {"anyOf": [{"type": "string", "enum": ["auto", "none"]}, {"$ref": "#/components/schemas/URIThing"},
                       {"$ref": "#/components/schemas/RowsThing"}], "discriminator": {"propertyName": "type"}}
PAGE = {"type": "object", "required": ["data"], "properties": {
    "data": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
    "has_more": {"type": "boolean"}}}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"content": {"application/json": {"schema": schema}}}}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0", "info": {"title": "t", "version": "1"},
    "paths": {
        "/things/{id}": {"get": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": _json({"type": "object", "required": ["mapped"], "properties": {
                "mapped": MAPPED, "unmapped": UNMAPPED, "items": REPEATED, "with_enum": WITH_ENUM}})}},
        "/things": {
            "get": {"parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}},
                                   {"name": "after", "in": "query", "schema": {"type": "string"}}],
                    "responses": _json(PAGE)},
            "post": {"requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"name": {"type": "string"}}}}}}, "responses": _json(PAGE)},
        },
    },
    "components": {"schemas": SCHEMAS},
}


def _generate(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(SPEC))
    (tmp_path / "config.yml").write_text(CONFIG)
    return run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files


def test_mapped_discriminator_names_variants_by_schema_unmapped_by_tag(tmp_path: Path) -> None:
    """beta/dataset_register_response.py: ``SourceUriDataSource`` (mapping → ``URIDataSource``);
    chat/completion_create_response.py: the unmapped ``tool_calls`` keep ``ChoiceMessageToolCallFunction``."""
    text = _generate(tmp_path)["pkg/types/thing_retrieve_response.py"]
    assert "Mapped: TypeAlias = Annotated[Union[MappedUriThing, MappedRowsThing], PropertyInfo(" in text
    assert "Unmapped: TypeAlias = Annotated[Union[UnmappedUri, UnmappedRows], PropertyInfo(" in text


def test_a_member_without_the_tag_property_leaves_tag_names_out(tmp_path: Path) -> None:
    """responses/response.py: ``ToolChoiceSpecificProgrammaticToolCallingParam`` (its component name) in a
    ``type``-discriminated union that also lists the enum ToolChoiceOptions, as on the request side."""
    text = _generate(tmp_path)["pkg/types/thing_retrieve_response.py"]
    assert 'WithEnum: TypeAlias = Union[Literal["auto", "none"], WithEnumUriThing, WithEnumRowsThing]\n' in text


def test_a_repeated_variant_is_one_class_listed_twice(tmp_path: Path) -> None:
    """response_list_response.py: ``InputOpenAIResponseMessageOutput`` twice in ``Input``, one class."""
    text = _generate(tmp_path)["pkg/types/thing_retrieve_response.py"]
    assert text.count("class ItemWrapOutput(BaseModel):") == 1
    assert "Item: TypeAlias = Union[ItemWrapOutput, ItemRowsThing, ItemUriThing, ItemWrapOutput]\n" in text


def test_a_page_needs_the_schemes_request_params(tmp_path: Path) -> None:
    """conversations/item_create_response.py: the ``post`` that returns the paged ``get``'s list object but
    takes no ``after``/``limit`` returns the whole object; item_list_response.py is the page item."""
    files = _generate(tmp_path)
    assert "class ThingListResponse(BaseModel):" in files["pkg/types/thing_list_response.py"]
    assert "name: Optional[str] = None" in files["pkg/types/thing_list_response.py"]
    create = files["pkg/types/thing_create_response.py"]
    assert "class ThingCreateResponse(BaseModel):" in create and "    data: List[Data]\n" in create


SHARED_CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, support_modules: false}
resources:
  $shared:
    models:
      note: Note
  things:
    models:
      thing: Thing
    methods:
      create: post /things
"""


def test_a_shared_model_reached_from_requests_only_has_its_shared_module(tmp_path: Path) -> None:
    """shared/system_message.py: ``SystemMessage`` is reached from ``BenchmarkConfig`` params only, and the SDK
    still has its ``shared/`` response module next to ``shared_params/system_message.py``; a resource's model
    reached from requests only has none (STYLE-RESPONSES R7.3)."""
    note = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/things": {"post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "note": {"$ref": "#/components/schemas/Note"}, "thing": {"$ref": "#/components/schemas/Thing"}}}}}},
        "responses": {"204": {"description": "none"}}}}},
        "components": {"schemas": {"Note": note, "Thing": note}}}
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec))
    (tmp_path / "config.yml").write_text(SHARED_CONFIG)
    files = run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files
    assert "class Note(BaseModel):" in files["pkg/types/shared/note.py"]
    assert "class Note(TypedDict, total=False):" in files["pkg/types/shared_params/note.py"]
    assert "pkg/types/thing.py" not in files and "pkg/types/thing_param.py" in files
