"""Discriminated sub-unions spliced into their union, the spec's variant-name hint, and how a nullable ``$ref``
wrapper is documented, on one tiny inline spec (issue 11; the evidence is cited at each rule in
generator/model/variants.py and generator/model/sdkrules.py: OpenAI responses/response_input_item*.py,
beta/assistant_stream_event.py, chat/completion_create_params.py, evals/run_create_params.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ts_support import inline_run

CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests.",
          support_modules: false}
resources:
  things:
    models:
      easy_message: '#/components/schemas/EasyMessage'
      entry: '#/components/schemas/Entry'
    methods:
      create: post /things
      retrieve: get /things/{id}
"""


def _ref(name: str, **siblings: Any) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}", **siblings}


def _tagged(tag: Any, **props: Any) -> dict[str, Any]:
    return {"type": "object", "required": ["type"], "properties": {"type": tag, **props}}


NULL = {"type": "null"}
SCHEMAS: dict[str, Any] = {
    # a named model tagged `message` (a config model): written by its own name, it claims no variant name
    "EasyMessage": _tagged({"type": "string", "enum": ["message"]}, content={"type": "string"}),
    "InMessage": {**_tagged({"type": "string", "enum": ["message"]}, body={"type": "string"}, status={
        "anyOf": [_ref("Status", description="The status of this message."), NULL]}), "title": "Input message"},
    "Status": {"type": "string", "enum": ["open", "done"], "description": "Status values."},
    # a nullable tag still tags
    "Ref": {"type": "object", "properties": {"type": {"anyOf": [{"type": "string", "enum": ["ref"]}, NULL]},
                                             "id": {"type": "string"}}},
    "Ping": _tagged({"type": "string", "enum": ["ping"]}),
    "Sub": {"discriminator": {"propertyName": "type"}, "anyOf": [_ref("InMessage"), _ref("Ref")]},
    "Entry": {"discriminator": {"propertyName": "type"}, "anyOf": [
        _ref("EasyMessage"), _ref("Sub", type="object", title="Sub"), _ref("Ping", **{
            "x-stainless-variantName": "ping_event"})]},
    "Policy": {"type": "object", "description": "Policy itself.", "properties": {"mode": {"type": "string"}}},
    "Effort": {"anyOf": [{"type": "string", "enum": ["low", "high"], "description": "Constrains effort."}, NULL]},
    "Prediction": {"type": "object", "description": "Static predicted content.",
                   "properties": {"content": {"type": "string"}}},
}
SPEC: dict[str, Any] = {
    "paths": {
        "/things": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {
                "entry": _ref("Entry"),
                "policy": {"anyOf": [_ref("Policy", description="The policy for the output."), NULL]},
                "effort": {"anyOf": [_ref("Effort", description="Optional effort."), NULL]},
                "prediction": {"nullable": True, "anyOf": [_ref("Prediction")],
                               "description": "Configuration for a prediction."},
            }}}}}}},
        "/things/{id}": {"get": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": _ref("Entry")}}}},
        }},
    },
    "components": {"schemas": SCHEMAS},
}


@pytest.fixture(scope="module")
def python_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return inline_run(tmp_path_factory.mktemp("py"), SPEC, CONFIG, target="python")


def test_a_sub_union_discriminated_by_the_same_property_is_spliced(python_files: dict[str, str]) -> None:
    text = python_files["pkg/types/entry_param.py"]
    # `Sub`'s variants sit in `Entry` itself, named by their tags; `Message` is free although the named
    # `EasyMessage` variant has the same tag; the hint names `Ping`
    assert "EntryParam: TypeAlias = Union[EasyMessageParam, Message, Ref, PingEvent]\n" in text
    assert '__all__ = ["EntryParam", "Message", "Ref", "PingEvent"]' in text
    assert "Sub" not in text


def test_the_spliced_response_union_keeps_its_discriminator(python_files: dict[str, str]) -> None:
    text = python_files["pkg/types/entry.py"]
    assert ('Entry: TypeAlias = Annotated[Union[EasyMessage, Message, Ref, PingEvent], '
            'PropertyInfo(discriminator="type")]\n') in text
    assert "    type: Optional[Literal[\"ref\"]] = None\n" in text


def test_a_union_discriminated_by_another_property_stays_one_variant(tmp_path: Path) -> None:
    schemas = {**SCHEMAS, "Sub": {**SCHEMAS["Sub"], "discriminator": {"propertyName": "kind"}}}
    files = inline_run(tmp_path, {**SPEC, "components": {"schemas": schemas}}, CONFIG, target="python")
    assert "EntryParam: TypeAlias = Union[EasyMessageParam, Sub, PingEvent]\n" in files["pkg/types/entry_param.py"]


def test_nullable_ref_documentation(python_files: dict[str, str]) -> None:
    text = python_files["pkg/types/thing_create_params.py"]
    # the text beside the `$ref` wins over the target's own, for the field and for the class it becomes
    assert '    policy: Optional[Policy]\n    """The policy for the output."""\n' in text
    assert 'class Policy(TypedDict, total=False):\n    """The policy for the output."""\n' in text
    assert "Policy itself." not in text
    # ... but the target's only member's text, when the target is itself a nullable wrapper, wins over it
    assert '    effort: Optional[Literal["low", "high"]]\n    """Constrains effort."""\n' in text
    # `{nullable: true, anyOf: [$ref X]}` is documented by X, like `anyOf: [$ref X, null]`
    assert '    prediction: Optional[Prediction]\n    """Static predicted content."""\n' in text
    # and inside a nested class as well
    assert '    status: Optional[Literal["open", "done"]]\n    """The status of this message."""\n' in \
        python_files["pkg/types/entry_param.py"]


def test_typescript_names_the_spliced_variants_by_tag(tmp_path: Path) -> None:
    text = inline_run(tmp_path, SPEC, CONFIG)["resources/things.ts"]
    assert "export type Entry = EasyMessage | Entry.Message | Entry.Ref | Entry.Ping;\n" in text
