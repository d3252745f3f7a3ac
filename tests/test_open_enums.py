"""A union whose leaves are all strings and which holds a union is one open enum: ``Literal[<every value>]`` then
``str``, the models inside dissolved, on both targets; a model's own schema and a union holding no union keep
their models, and a named union of strings inside a model's union is spliced (issue 11; the evidence is cited in
generator/model/openenums.py: OpenAI response_compact_params.py, beta/response_create_params.py,
shared/responses_model.py, shared/all_models.py)."""

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
  $shared:
    models:
      color: '#/components/schemas/Color'
      any_color: '#/components/schemas/AnyColor'
      all_colors: '#/components/schemas/AllColors'
  things:
    methods:
      create: post /things
"""


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


NULL = {"type": "null"}
SCHEMAS: dict[str, Any] = {
    "Color": {"type": "string", "enum": ["red", "green"]},
    "OpenColor": {"anyOf": [{"type": "string"}, _ref("Color")]},  # no model: `Union[str, Color]`
    # a model of its own: keeps `Color` although it holds the union `OpenColor`
    "AnyColor": {"anyOf": [_ref("OpenColor"), {"type": "string", "enum": ["blue"]}]},
    # a model holding the model `AnyColor`: spliced, `str` and `Color` once each
    "AllColors": {"anyOf": [_ref("OpenColor"), _ref("AnyColor")]},
    "Paint": {"anyOf": [_ref("OpenColor"), {"type": "string", "enum": ["blue"]}]},  # not a model
}
PROPERTIES: dict[str, Any] = {
    "open": _ref("OpenColor"),  # holds no union: keeps `Color`
    "paint": _ref("Paint"),  # holds a union: one open enum, `str` last
    "either": {"anyOf": [_ref("AnyColor"), {"type": "string"}, NULL]},  # the model `AnyColor` dissolves too
    "closed": {"anyOf": [{"anyOf": [_ref("Color"), {"type": "string", "enum": ["blue"]}]},
                         {"type": "string", "enum": ["gray"]}]},  # no plain string: no `str`
    "mixed": {"anyOf": [_ref("OpenColor"), {"type": "integer"}]},  # a leaf is not a string: unchanged
}
SPEC: dict[str, Any] = {
    "paths": {"/things": {"post": {"requestBody": {"content": {"application/json": {"schema": {
        "type": "object", "properties": PROPERTIES}}}}}}},
    "components": {"schemas": SCHEMAS},
}


@pytest.fixture(scope="module")
def params(tmp_path_factory: pytest.TempPathFactory) -> str:
    files = inline_run(tmp_path_factory.mktemp("py"), SPEC, CONFIG, target="python")
    assert "AnyColor: TypeAlias = Union[str, Color, Literal[\"blue\"]]\n" in files["pkg/types/shared/any_color.py"]
    assert "AllColors: TypeAlias = Union[str, Color, Literal[\"blue\"]]\n" in files["pkg/types/shared/all_colors.py"]
    return files["pkg/types/thing_create_params.py"]


@pytest.mark.parametrize(("field", "annotation"), [
    ("open", "Union[str, Color]"),
    ("paint", 'Union[Literal["red", "green", "blue"], str]'),
    ("either", 'Union[Literal["red", "green", "blue"], str, None]'),
    ("closed", 'Literal["red", "green", "blue", "gray"]'),
    ("mixed", "Union[str, Color, int]"),
])
def test_python_annotation(params: str, field: str, annotation: str) -> None:
    assert f"    {field}: {annotation}\n" in params


def test_typescript_has_the_same_open_enum(tmp_path: Path) -> None:
    text = inline_run(tmp_path, SPEC, CONFIG)["resources/things.ts"]
    assert "  paint?: 'red' | 'green' | 'blue' | (string & {});\n" in text
    assert "  either?: 'red' | 'green' | 'blue' | (string & {}) | null;\n" in text
    assert "  open?: (string & {}) | Shared.Color;\n" in text
