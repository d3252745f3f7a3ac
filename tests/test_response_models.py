"""Rules of the response side on tiny inline specs (issue 13; ../shared/docs/STYLE-RESPONSES.md, R-numbers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run

CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, generated_header: "File generated for tests.", support_modules: %(support)s
          %(extra)s}
resources:
  pets:
    methods:
      create: post /pets
      retrieve: get /pets/{pet_id}
      list: get /pets
      stats: get /stats
    models:
      pet: '#/components/schemas/Pet'
      animal: '#/components/schemas/Animal'
      mood: '#/components/schemas/Mood'
      tagged_pet: '#/components/schemas/TaggedPet'
      creature: '#/components/schemas/Animal'
"""

OBJ = "object"
SCHEMAS: dict[str, Any] = {
    "Mood": {"type": "string", "enum": ["happy", "sad"]},
    "Animal": {"type": "object", "required": ["id"], "properties": {
        "id": {"type": "string"}, "legs": {"type": "integer"}}},
    "Pet": {
        "type": "object", "description": "A pet.", "required": ["id", "name", "owner", "object"],
        "properties": {
            "name": {"type": "string", "description": "The name."},
            "id": {"type": "string"},
            "object": {"type": "string", "enum": ["pet"]},
            "owner": {"type": "string", "nullable": True},
            "tags": {"type": "array", "items": {"type": "string"}},
            "mood": {"$ref": "#/components/schemas/Mood"},
            "extra": {"type": "object", "additionalProperties": True},
            "data": {"type": "object"},
            "self-harm/intent": {"type": "boolean"},
            "schema": {"type": "string"},
            "model_name": {"type": "string"},
            "camelCase": {"type": "integer"},
            "toy": {"oneOf": [
                {"type": "object", "title": "Ball", "required": ["type"],
                 "properties": {"type": {"type": "string", "enum": ["ball"]}, "size": {"type": "number"}}},
                {"type": "object", "title": "Rope", "required": ["type"],
                 "properties": {"type": {"type": "string", "enum": ["rope"]}, "length": {"type": "number"}}},
            ], "discriminator": {"propertyName": "type"}},
            "friend": {"anyOf": [{"$ref": "#/components/schemas/Animal"}, {"type": "string"}, {"type": "null"}]},
        },
    },
    "TaggedPet": {"allOf": [{"$ref": "#/components/schemas/Animal"}, {
        "type": "object", "required": ["tag"],
        "properties": {"tag": {"type": "string"}, "collar": {"type": "object", "properties": {
            "color": {"type": "string"}}}}}]},
    "Open": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": True},
}
SPEC: dict[str, Any] = {
    "paths": {
        "/pets": {
            "post": {"requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"mood": {"$ref": "#/components/schemas/Mood"}}}}}},
                "responses": {"200": {"content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/Pet"}}}}}},
            "get": {"parameters": [{"name": "after", "in": "query", "schema": {"type": "string"}}],
                    "responses": {"200": {"content": {"application/json": {"schema": {
                        "type": "object", "properties": {
                            "object": {"type": "string", "enum": ["list"]},
                            "data": {"type": "array", "items": {"$ref": "#/components/schemas/TaggedPet"}},
                            "has_more": {"type": "boolean"}}}}}}}},
        },
        "/pets/{pet_id}": {"get": {
            "parameters": [{"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"content": {"application/json": {"schema": {
                "type": "object", "required": ["deleted"], "properties": {
                    "deleted": {"type": "boolean"}, "open": {"$ref": "#/components/schemas/Open"}}}}}}}}},
        "/stats": {"get": {"parameters": [{"name": "page", "in": "query", "schema": {"type": "string"}}],
                           "responses": {"200": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {
                "object": {"type": "string"}, "data": {"type": "array", "items": {"type": "integer"}},
                "has_more": {"type": "boolean"}, "next_page": {"type": "string"}}}}}}}}},
    },
    "components": {"schemas": SCHEMAS},
}


def generate(tmp_path: Path, spec: dict[str, Any] = SPEC, *, support: bool = False,
             extra: str = "") -> dict[str, str]:
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
                                                        **spec}))
    (tmp_path / "config.yml").write_text(CONFIG % {"support": str(support).lower(), "extra": extra})
    return run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files


def generate_with(tmp_path: Path, spec: dict[str, Any], config: str) -> dict[str, str]:
    """The files of one run over ``spec`` (written as spec.yaml) and ``config`` (config.yml) in ``tmp_path``."""
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec))
    (tmp_path / "config.yml").write_text(config)
    return run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return generate(tmp_path_factory.mktemp("responses"))


def body(files: dict[str, str], rel: str) -> str:
    text = files[f"pkg/types/{rel}.py"]
    return text.split("\n", 2)[2]  # without the header line


def test_named_model_is_a_basemodel_next_to_its_param_twin(files: dict[str, str]) -> None:
    pet = body(files, "pet")
    assert "from __future__" not in pet  # R1.2
    assert "from .._models import BaseModel" in pet  # R1.4
    assert "class Pet(BaseModel):" in pet
    assert '    """A pet."""' in pet
    # the request side is unchanged: the enum alias serves both sides, the body is a params module
    assert "pkg/types/pet_create_params.py" in files and "pkg/types/mood.py" in files
    assert "pkg/types/pet_param.py" not in files  # a model reached from no request has no TypedDict twin


def test_field_order_and_optionality(files: dict[str, str]) -> None:
    pet = body(files, "pet")
    fields = [line.split(":")[0].strip() for line in pet.split("class Pet(BaseModel):")[1].splitlines()
              if line.startswith("    ") and not line.startswith("        ") and ":" in line and '"""' not in line]
    assert fields[:4] == ["id", "name", "object", "owner"]  # R5.1: required first, id first, then A-Z
    assert "    id: str\n" in pet
    assert "    owner: Optional[str] = None\n" in pet  # R5.2: required but nullable
    assert '    object: Literal["pet"]\n' in pet
    assert "    tags: Optional[List[str]] = None\n" in pet  # R5.4: List even for strings
    assert "    mood: Optional[Mood] = None\n" in pet
    assert "    extra: Optional[Dict[str, builtins.object]] = None\n" in pet  # declared after `object` (R5.7)


def test_wire_names_get_field_info_aliases(files: dict[str, str]) -> None:
    pet = body(files, "pet")
    assert "from pydantic import Field as FieldInfo" in pet  # R1.3: third-party group
    assert '    self_harm_intent: Optional[bool] = FieldInfo(alias="self-harm/intent", default=None)\n' in pet
    assert '    schema_: Optional[str] = FieldInfo(alias="schema", default=None)\n' in pet
    assert '    api_model_name: Optional[str] = FieldInfo(alias="model_name", default=None)\n' in pet
    assert '    camel_case: Optional[int] = FieldInfo(alias="camelCase", default=None)\n' in pet


def test_builtins_after_a_shadowing_field(files: dict[str, str]) -> None:
    pet = body(files, "pet")  # `data` is declared after `object` (R5.7)
    assert "import builtins\n" in pet
    assert "    data: Optional[builtins.object] = None\n" in pet


def test_discriminated_union_and_nullable_union(files: dict[str, str]) -> None:
    pet = body(files, "pet")
    assert "from .._utils import PropertyInfo" in pet
    assert 'Toy: TypeAlias = Annotated[Union[ToyBall, ToyRope], PropertyInfo(discriminator="type")]' in pet
    assert "class ToyBall(BaseModel):" in pet and pet.index("class ToyBall") < pet.index("Toy: TypeAlias")
    assert "Friend: TypeAlias = Union[Creature, str, None]\n" in pet  # a union of a record is an alias, None kept
    assert "    friend: Optional[Friend] = None\n" in pet
    assert pet.index("class Pet(BaseModel)") > pet.index("Toy: TypeAlias")  # R2.3: main class last


def test_all_of_over_a_named_model_is_a_subclass(files: dict[str, str]) -> None:
    tagged = body(files, "tagged_pet")
    assert "from .creature import Creature" in tagged  # `Animal` re-exports `Creature` (same schema)
    assert "class TaggedPet(Creature):" in tagged  # R4.1: only the own fields
    assert "    tag: str\n" in tagged and "legs" not in tagged
    assert "class TaggedPetCollar(BaseModel):" in tagged  # nested classes of a subclass carry its name


def test_method_responses(files: dict[str, str]) -> None:
    # a named model is referenced (no module); an inline schema is the method's own module (R7.1)
    assert "pkg/types/pet_create_response.py" not in files
    retrieve = body(files, "pet_retrieve_response")
    assert "class PetRetrieveResponse(BaseModel):" in retrieve
    assert "    deleted: bool\n" in retrieve
    # a page contributes its item, here a named model: no module
    assert "pkg/types/pet_list_response.py" not in files
    # a list paged by a `next_page` token sent back as `page` is no page the SDK wraps: the whole object
    stats = body(files, "pet_stats_response")
    assert "    data: Optional[List[int]] = None\n" in stats


def test_next_page_list_without_a_page_parameter_is_one_page(tmp_path: Path) -> None:
    """openai vector_store_search_response.py: a `next_page` list the method cannot page through is a SyncPage."""
    import copy

    spec = copy.deepcopy(SPEC)
    stats = spec["paths"]["/stats"]["get"]
    del stats["parameters"]
    schema = stats["responses"]["200"]["content"]["application/json"]["schema"]
    schema["properties"]["data"]["items"] = {"type": "object", "properties": {"n": {"type": "integer"}}}
    got = body(generate(tmp_path, spec), "pet_stats_response")
    assert "class PetStatsResponse(BaseModel):\n    n: Optional[int] = None\n" in got
    assert "has_more" not in got


def test_extra_properties_stub(files: dict[str, str]) -> None:
    retrieve = body(files, "pet_retrieve_response")  # R4.5
    assert "from typing import TYPE_CHECKING, Dict, Optional" in retrieve
    assert "    if TYPE_CHECKING:\n" in retrieve
    assert "        def __getattr__(self, attr: str) -> object: ...\n" in retrieve


def test_several_entries_one_schema_reexport(files: dict[str, str]) -> None:
    # `animal` and `creature` name one schema: the last entry has the module, the earlier re-exports it (R9)
    assert "class Creature(BaseModel):" in body(files, "creature")
    animal = body(files, "animal")
    assert "from .creature import Creature" in animal
    assert "Animal = Creature\n" in animal


def test_response_side_can_be_turned_off(tmp_path: Path) -> None:
    files = generate(tmp_path, extra=", response_models: false")
    assert "pkg/types/pet.py" not in files and "pkg/types/pet_retrieve_response.py" not in files
    assert "pkg/types/pet_create_params.py" in files


def test_output_imports_alone_and_round_trips(tmp_path: Path) -> None:
    pytest.importorskip("pydantic")
    files = generate(tmp_path, support=True)
    assert "pkg/_models.py" in files
    out = tmp_path / "out"
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text)
    code = """
from pkg.types.pet import Pet
wire = {"id": "p1", "name": "Rex", "object": "pet", "owner": None, "self-harm/intent": True, "schema": "s",
        "toy": {"type": "rope", "length": 2.5}, "unknown": 1}
pet = Pet.model_validate(wire)
assert pet.self_harm_intent is True and pet.schema_ == "s" and pet.toy.type == "rope"
assert pet.model_dump(by_alias=True, exclude_unset=True) == wire, pet.model_dump(by_alias=True, exclude_unset=True)
"""
    r = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


UNWRAP_CONFIG = """
targets: {python: {package_name: pkg}}
settings: {unwrap_response_fields: [data]}
pagination:
- {name: cursor, type: cursor, response: {data: {type: array}, has_more: {type: boolean}}}
typegen: {spec: spec.yaml, out: out, support_modules: false}
resources:
  pets:
    models:
      pet: Pet
      list_pets_response: ListPetsResponse
    methods:
      list: {endpoint: get /pets, paginated: false}
      search: get /search
      feed: get /feed
"""


def test_unwrapped_fields_and_pagination_schemes(tmp_path: Path) -> None:
    pet = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    page = {"type": "object", "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
                                             "has_more": {"type": "boolean"}}}
    wrapper = {"type": "object", "required": ["data"], "properties": {
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/pets": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/ListPetsResponse"}}}}}}},
        "/search": {"get": {"responses": {"200": {"content": {"application/json": {"schema": page}}}}}},
        "/feed": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"data": page["properties"]["data"], "next": {"type": "string"}}}}}}}}},
    }, "components": {"schemas": {"Pet": pet, "ListPetsResponse": wrapper}}}
    files = generate_with(tmp_path, spec, UNWRAP_CONFIG)
    # `{data: [...]}` returns its data: the method's module is the list, and the wrapper model refers to it
    assert "PetListResponse: TypeAlias = List[Pet]" in files["pkg/types/pet_list_response.py"]
    wrapper_module = files["pkg/types/list_pets_response.py"]
    assert "from .pet_list_response import PetListResponse" in wrapper_module
    assert "    data: PetListResponse\n" in wrapper_module
    # a response with every property of a pagination scheme is a page of a named item: no module
    assert "pkg/types/pet_search_response.py" not in files
    # one without (`has_more` missing) is an ordinary response
    assert "class PetFeedResponse(BaseModel):" in files["pkg/types/pet_feed_response.py"]


def test_recursive_model_is_quoted_and_validates(tmp_path: Path) -> None:
    spec = {"paths": {"/pets": {"post": {"responses": {"200": {"content": {"application/json": {"schema": {
        "type": "object", "properties": {"name": {"type": "string"}, "children": {
            "type": "array", "items": {"$ref": "#/paths/~1pets/post/responses/200/content/application~1json/schema"}}},
    }}}}}}}}, "components": {"schemas": SCHEMAS}}
    files = generate(tmp_path, spec, support=True)
    text = files["pkg/types/pet_create_response.py"]
    assert '    children: Optional[List["PetCreateResponse"]] = None\n' in text  # its name is not bound yet
    out = tmp_path / "out"
    for rel, body_text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(body_text)
    code = ("from pkg.types.pet_create_response import PetCreateResponse as P\n"
            "v = {'name': 'a', 'children': [{'name': 'b', 'children': []}]}\n"
            "assert P.model_validate(v).model_dump(exclude_unset=True) == v\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


SHADOW_CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, support_modules: true}
resources:
  keys:
    models:
      key: Key
    methods:
      create: post /keys
"""


def test_nested_class_named_like_an_import_does_not_shadow_it(tmp_path: Path) -> None:
    """``allOf: [$ref Key, {...}]`` under a ``key`` property is a nested ``class Key``: the imported ``Key`` it
    extends is bound as ``_Key`` (no ``no-redef``, and the subclass really extends the model)."""
    spec = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/keys": {"post": {"responses": {"200": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"key": {"allOf": [
                    {"$ref": "#/components/schemas/Key"},
                    {"type": "object", "properties": {"secret": {"type": "string"}}}]}}}}}}}}}},
            "components": {"schemas": {"Key": {"type": "object", "required": ["created_at"], "properties": {
                "name": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"},
                "expires": {"type": "string", "format": "date-time"}}}}}}
    files = generate_with(tmp_path, spec, SHADOW_CONFIG)
    text = files["pkg/types/key_create_response.py"]
    assert "from .key import Key as _Key\n" in text and "class Key(_Key):" in text
    key = files["pkg/types/key.py"]  # a date is a parsed `datetime` in a response (requests also take `str`)
    assert "    created_at: datetime\n" in key and "    expires: Optional[datetime] = None\n" in key
    out = tmp_path / "out"
    for rel, content in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(content)
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "pkg"], cwd=out,
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout


NULLABLE_CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, support_modules: false}
resources:
  things:
    models:
      thing: '#/components/schemas/Thing'
      tags: '#/components/schemas/Tags'
      effort: '#/components/schemas/Effort'
    methods:
      retrieve: get /things
"""


def test_nullable_named_object_and_map_are_written_without_none(tmp_path: Path) -> None:
    """`anyOf: [<object or map>, null]` models are the object (openai responses/response_error.py, shared/metadata.py);
    a literal alias keeps `Optional` (shared/reasoning_effort.py)."""
    schemas = {
        "Thing": {"anyOf": [{"type": "object", "description": "A thing.", "required": ["id"],
                             "properties": {"id": {"type": "string"}, "tags": {"$ref": "#/components/schemas/Tags"},
                                            "effort": {"$ref": "#/components/schemas/Effort"}}},
                            {"type": "null"}]},
        "Tags": {"anyOf": [{"type": "object", "additionalProperties": {"type": "string"}}, {"type": "null"}]},
        "Effort": {"anyOf": [{"type": "string", "enum": ["low", "high"]}, {"type": "null"}]},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}}}}, "components": {"schemas": schemas}}
    files = generate_with(tmp_path, spec, NULLABLE_CONFIG)
    thing = files["pkg/types/thing.py"]
    assert 'class Thing(BaseModel):\n    """A thing."""\n\n    id: str\n' in thing
    assert "    tags: Optional[Tags] = None\n" in thing
    assert "Tags: TypeAlias = Dict[str, str]\n" in files["pkg/types/tags.py"]
    assert 'Effort: TypeAlias = Optional[Literal["low", "high"]]\n' in files["pkg/types/effort.py"]


def test_merged_all_of_takes_no_description_from_a_ref_member(tmp_path: Path) -> None:
    """openai responses/response_function_tool_call_output_item.py: `allOf: [$ref Unlisted, {...}]` merged into
    one class has no docstring from the `$ref`'d schema; an inline member's description still counts."""
    base = {"type": "object", "description": "The base.", "properties": {"a": {"type": "string"}}}
    schemas = {
        "Base": base,
        "Thing": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {
            "id": {"type": "string"}}}]},
        "Tags": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "description": "Own.",
                                                                     "properties": {"id": {"type": "string"}}}]},
        "Effort": {"type": "string", "enum": ["low"]},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}}}}, "components": {"schemas": schemas}}
    files = generate_with(tmp_path, spec, NULLABLE_CONFIG)
    assert "class Thing(BaseModel):\n    id: Optional[str] = None\n" in files["pkg/types/thing.py"]
    assert 'class Tags(BaseModel):\n    """Own."""\n' in files["pkg/types/tags.py"]


SHARED_LITERAL_CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, support_modules: false}
resources:
  things:
    models:
      thing_effort: '#/components/schemas/Effort'
      thing: '#/components/schemas/Thing'
    methods:
      retrieve: get /things
      create: post /things
  $shared:
    models:
      effort: '#/components/schemas/Effort'
"""


def test_literal_named_again_beside_shared_is_a_reexport(tmp_path: Path) -> None:
    """openai chat/chat_completion_reasoning_effort.py: `ChatCompletionReasoningEffort = ReasoningEffort`, one
    module for both sides, instead of a second copy of the `$shared` literal."""
    schemas = {"Effort": {"type": "string", "enum": ["low", "high"]},
               "Thing": {"type": "object", "properties": {"effort": {"$ref": "#/components/schemas/Effort"}}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}},
                    "post": {"requestBody": {"content": {"application/json": {"schema": {
                        "$ref": "#/components/schemas/Thing"}}}}, "responses": {"204": {}}}}},
        "components": {"schemas": schemas}}
    files = generate_with(tmp_path, spec, SHARED_LITERAL_CONFIG)
    assert files["pkg/types/thing_effort.py"].endswith(
        'from .shared.effort import Effort\n\n__all__ = ["ThingEffort"]\n\nThingEffort = Effort\n')
    assert 'Effort: TypeAlias = Literal["low", "high"]\n' in files["pkg/types/shared/effort.py"]


SAME_NAME_CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, support_modules: false}
resources:
  things:
    models:
      effort: '#/components/schemas/Effort'
      thing: '#/components/schemas/Thing'
    methods:
      retrieve: get /things
      create: post /things
  $shared:
    models:
      effort: '#/components/schemas/Effort'
"""


def test_shared_entry_owns_a_schema_named_twice(tmp_path: Path) -> None:
    """openai: `chat_model` is listed under `chat` and `$shared`; the shared module is the type both sides use
    (`shared/responses_model.py` imports `.chat_model`) and the root `chat_model.py` re-exports it through its
    module, as the name is the same: `from .shared import chat_model`, `ChatModel = chat_model.ChatModel`."""
    schemas = {"Effort": {"type": "string", "enum": ["low", "high"]},
               "Thing": {"type": "object", "properties": {"effort": {"$ref": "#/components/schemas/Effort"}}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}},
                    "post": {"requestBody": {"content": {"application/json": {"schema": {
                        "$ref": "#/components/schemas/Thing"}}}}, "responses": {"204": {}}}}},
        "components": {"schemas": schemas}}
    files = generate_with(tmp_path, spec, SAME_NAME_CONFIG)
    assert files["pkg/types/effort.py"].endswith(
        'from .shared import effort\n\n__all__ = ["Effort"]\n\nEffort = effort.Effort\n')
    assert "from .shared.effort import Effort\n" in files["pkg/types/thing.py"]
    assert "from .shared.effort import Effort\n" in files["pkg/types/thing_create_params.py"]


def test_nullable_ref_field_is_documented_by_the_text_beside_the_ref(tmp_path: Path) -> None:
    """openai video.py: `error: anyOf: [{$ref: VideoCreateError, description: ...}, null]` takes the text beside
    the `$ref`, not the object's own description."""
    schemas = {
        "Thing": {"type": "object", "properties": {"tags": {"anyOf": [
            {"$ref": "#/components/schemas/Tags", "description": "Beside the ref."}, {"type": "null"}]}}},
        "Tags": {"type": "object", "description": "The object's own.", "properties": {"a": {"type": "string"}}},
        "Effort": {"type": "string", "enum": ["low"]},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}}}}, "components": {"schemas": schemas}}
    files = generate_with(tmp_path, spec, NULLABLE_CONFIG)
    assert '    tags: Optional[Tags] = None\n    """Beside the ref."""\n' in files["pkg/types/thing.py"]


def test_date_format_is_a_plain_str_in_responses(tmp_path: Path) -> None:
    """openai model.py: `shutdown_date: Optional[str]` for `format: date` (no `datetime` import in responses)."""
    schemas = {"Thing": {"type": "object", "properties": {"day": {"type": "string", "format": "date"}}},
               "Tags": {"type": "string"}, "Effort": {"type": "string", "enum": ["low"]}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}}}}, "components": {"schemas": schemas}}
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec))
    (tmp_path / "config.yml").write_text(NULLABLE_CONFIG)
    thing = run(Options(config=tmp_path / "config.yml", use_cache=False), Diagnostics()).files["pkg/types/thing.py"]
    assert "    day: Optional[str] = None\n" in thing and "datetime" not in thing


def test_integer_beside_number_in_a_union_is_dropped(tmp_path: Path) -> None:
    """openai chatkit_workflow.py / chat_session_workflow_param.py: `anyOf: [string, integer, boolean, number]` is
    `Union[str, bool, float]` on both sides (an `int` is a `float`)."""
    values = {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "number"}]}
    schemas = {"Thing": {"type": "object", "properties": {"v": values}},
               "Tags": {"type": "string"}, "Effort": {"type": "string", "enum": ["low"]}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Thing"}}}}}}}}, "components": {"schemas": schemas}}
    files = generate_with(tmp_path, spec, NULLABLE_CONFIG)
    assert "    v: Union[str, bool, float, None] = None\n" in files["pkg/types/thing.py"]
