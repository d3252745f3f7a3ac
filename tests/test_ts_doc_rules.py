"""Where the TypeScript target's JSDoc text and ``@deprecated`` come from, and which named enum an inline one is
written as, on tiny inline specs (openai-node @7.5.0 evidence in each rule's docstring in the generator)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ts_support import inline_run, post_body_spec

CONFIG = """
targets: {python: {package_name: pkg}, node: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, out_typescript: ts, generated_header: "File generated for tests."}
resources:
  pets:
    methods:
      create: post /pets
    models: MODELS
"""


def generate(tmp_path: Path, body: dict[str, Any], schemas: dict[str, Any] | None = None,
             models: str = "{}", target: str = "typescript") -> dict[str, str]:
    spec = post_body_spec("/pets", {"type": "object", "properties": body}, schemas or {})
    return inline_run(tmp_path, spec, CONFIG.replace("MODELS", models), target)


def pets(tmp_path: Path, body: dict[str, Any], schemas: dict[str, Any] | None = None, models: str = "{}") -> str:
    return generate(tmp_path, body, schemas, models)["resources/pets.ts"]


TAG = {"type": "object", "description": "A tag (its own text).", "properties": {"id": {"type": "string"}}}


def test_deprecated_member_of_a_nullable_wrapper(tmp_path: Path) -> None:
    body = {"mode": {"anyOf": [{"type": "string", "deprecated": True, "description": "Old. Use `kind`."},
                               {"type": "null"}]}}
    assert "  /**\n   * @deprecated Old. Use `kind`.\n   */\n  mode?: string | null;\n" in pets(tmp_path, body)


def test_text_beside_the_ref_of_a_nullable_wrapper_documents_the_member_and_its_interface(tmp_path: Path) -> None:
    body = {"tag": {"anyOf": [{"$ref": "#/components/schemas/Tag", "description": "The tag at this site."},
                              {"type": "null"}]}}
    ts = pets(tmp_path, body, {"Tag": TAG})
    assert "  /**\n   * The tag at this site.\n   */\n  tag?: PetCreateParams.Tag | null;\n" in ts
    assert "  /**\n   * The tag at this site.\n   */\n  export interface Tag {\n" in ts


def test_one_member_nullable_anyof_is_documented_by_its_target(tmp_path: Path) -> None:
    body = {"tag": {"nullable": True, "description": "The wrapper's text.",
                    "anyOf": [{"$ref": "#/components/schemas/Tag"}]}}
    assert "   * A tag (its own text).\n   */\n  tag?:" in pets(tmp_path, body, {"Tag": TAG})


def test_union_variant_interface_takes_the_text_beside_its_ref(tmp_path: Path) -> None:
    body = {"tag": {"description": "A tag or its id.", "anyOf": [
        {"type": "string", "description": "The id."},
        {"$ref": "#/components/schemas/Tag", "description": "The tag to attach."}]}}
    ts = pets(tmp_path, body, {"Tag": TAG})
    assert "  /**\n   * The tag to attach.\n   */\n  export interface Tag {\n" in ts
    # and so does the Python SDK (video_edit_params.py `VideoVideoReferenceInputParam`)
    (tmp_path / "py").mkdir()
    py = generate(tmp_path / "py", body, {"Tag": TAG}, target="python")["pkg/types/pet_create_params.py"]
    assert 'class TagTag(TypedDict, total=False):\n    """The tag to attach."""\n' in py


def test_python_documents_the_nullable_wrapper_alike(tmp_path: Path) -> None:
    """The Python SDK writes the text beside the ``$ref`` too (chat/completion_create_params.py ``moderation``,
    ``ModerationPolicyOutput``; generator/model/sdkrules.py ``_wrapped_doc``), for the field and its class."""
    body = {"tag": {"anyOf": [{"$ref": "#/components/schemas/Tag", "description": "The tag at this site."},
                              {"type": "null"}]}}
    py = generate(tmp_path, body, {"Tag": TAG}, target="python")
    text = next(v for k, v in py.items() if k.endswith("pet_create_params.py"))
    assert '    tag: Optional[Tag]\n    """The tag at this site."""\n' in text
    assert 'class Tag(TypedDict, total=False):\n    """The tag at this site."""\n' in text
    assert "its own text" not in text


def test_open_enum_is_written_as_the_named_enum_holding_its_values(tmp_path: Path) -> None:
    schemas = {"Size": {"type": "string", "enum": ["small", "large", "huge"]},
               "Mood": {"type": "string", "enum": ["calm", "small", "large", "huge", "odd"]}}
    body = {"size": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["small", "large"]}],
                     "nullable": True},
            "fit": {"type": "string", "enum": ["small", "large"]},
            "other": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["tiny"]}]},
            "usual": {"$ref": "#/components/schemas/Size"}, "mood": {"$ref": "#/components/schemas/Mood"}}
    ts = pets(tmp_path, body, schemas, "{size: '#/components/schemas/Size', mood: '#/components/schemas/Mood'}")
    assert "  size?: (string & {}) | Size | null;\n" in ts  # the smallest named enum that holds small, large
    assert "  fit?: 'small' | 'large';\n" in ts  # closed: a subset stays inline
    assert "  other?: (string & {}) | 'tiny';\n" in ts
    assert "export type Size = 'small' | 'large' | 'huge';\n" in ts  # never written as another named enum


def test_open_enums_are_covered_alike_in_python_and_a_documented_one_is_not(tmp_path: Path) -> None:
    """generator/model/enumcover.py: both SDKs do it (image_create_variation_params.py `Union[str, ImageModel,
    None]`), and keep an enum with its own description inline (beta/beta_tool_param.py `model`)."""
    schemas = {"Size": {"type": "string", "enum": ["small", "large", "huge"]},
               "Mood": {"type": "string", "enum": ["calm", "small", "large", "huge", "odd"]}}
    body = {"size": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["small", "large"]}],
                     "nullable": True},
            "fit": {"type": "string", "enum": ["small", "large"]},
            "told": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["small"], "description": "One."}]},
            "usual": {"$ref": "#/components/schemas/Size"}}
    models = "{size: '#/components/schemas/Size', mood: '#/components/schemas/Mood'}"
    (tmp_path / "py").mkdir()
    (tmp_path / "ts").mkdir()
    py = generate(tmp_path / "py", body, schemas, models, target="python")["pkg/types/pet_create_params.py"]
    assert "    size: Union[str, Size, None]\n" in py
    assert '    fit: Literal["small", "large"]\n' in py
    assert '    told: Union[str, Literal["small"]]\n' in py
    ts = pets(tmp_path / "ts", body, schemas, models)
    assert "  told?: (string & {}) | 'small';\n" in ts
