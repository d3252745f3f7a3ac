"""The ``__init__.py`` of the ``types/`` folders (generator/targets/python/inits.py): the folder's types
re-exported as the SDKs write them, on a tiny spec, and byte for byte against the SDKs when they are present."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from ts_support import inline_run

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run
from generator.targets.python.inits import _statement, import_failure

CONFIG = """
targets: {python: {package_name: pkg}}
typegen: {spec: spec.yaml, out: out, generated_header: "File generated for tests."}
resources:
  $shared:
    models:
      tag: '#/components/schemas/Tag'
  widgets:
    methods:
      create: post /widgets
      retrieve: get /widgets/{id}
      delete: delete /widgets/{id}
    subresources:
      parts:
        methods:
          list: get /widgets/{id}/parts
"""
SPEC: dict[str, Any] = {
    "paths": {
        "/widgets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"tag": {"$ref": "#/components/schemas/Tag"}}}}}}}},
        "/widgets/{id}": {
            "get": {"parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                        "type": "object", "properties": {"id": {"type": "string"}}}}}}}},
            "delete": {"parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]},
        },
        "/widgets/{id}/parts": {"get": {"parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "limit", "in": "query", "schema": {"type": "integer"}}]}},
    },
    "components": {"schemas": {"Tag": {"type": "object", "properties": {"name": {"type": "string"}}}}},
}
HEADER = "# File generated for tests.\n\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return inline_run(tmp_path_factory.mktemp("inits"), SPEC, CONFIG, target="python")


def test_a_folder_re_exports_its_types_by_module_length(files: dict[str, str]) -> None:
    assert files["pkg/types/__init__.py"] == HEADER + (
        "from __future__ import annotations\n\n"
        "from .shared import Tag as Tag\n"
        "from .widget_create_params import WidgetCreateParams as WidgetCreateParams\n"
        "from .widget_retrieve_response import WidgetRetrieveResponse as WidgetRetrieveResponse\n")


def test_shared_folders_have_no_future_import(files: dict[str, str]) -> None:
    assert files["pkg/types/shared_params/__init__.py"] == HEADER + "from .tag import Tag as Tag\n"


def test_a_sub_folder_and_a_path_only_method(files: dict[str, str]) -> None:
    assert files["pkg/types/widgets/__init__.py"] == HEADER + (
        "from __future__ import annotations\n\n"
        "from .part_list_params import PartListParams as PartListParams\n")
    assert "pkg/types/widget_delete_params.py" not in files  # path-only: no module, not re-exported


def test_a_long_statement_is_parenthesised() -> None:
    name = "ChatCompletionFunctionMessageParam"
    assert _statement(".chat_completion_function_message_param", [name]) == [
        "from .chat_completion_function_message_param import (", f"    {name} as {name},", ")"]
    assert _statement(".shared", ["Metadata", "AllModels", "ChatModel"]) == [
        "from .shared import Metadata as Metadata, AllModels as AllModels, ChatModel as ChatModel"]


def test_the_package_root_is_a_plain_comment(files: dict[str, str]) -> None:
    assert files["pkg/__init__.py"] == "# File generated for tests.\n"


def test_against_the_sdks(shared_dir: Path) -> None:
    """Llama Stack 2026-04's one shipped __init__.py is reproduced; the OpenAI SDK's when TYPEGEN_SDK_DIR is set
    (floor: those of the 38 whose folder this config fills with the same modules)."""
    pair = shared_dir / "llama-stack" / "2026-04"
    out = run(Options(config=pair / "config.yml", spec=pair / "openapi.yml", out=Path("/nonexistent"),
                      use_cache=False), Diagnostics()).files
    rel = "llama_stack_client/types/shared_params/__init__.py"
    assert out[rel] == (pair / "sdk" / rel).read_text(encoding="utf-8")
    sdk = os.environ.get("TYPEGEN_SDK_DIR")
    if not sdk:
        return
    root = Path(sdk) / "openai" if (Path(sdk) / "openai" / "types").is_dir() else Path(sdk)
    full = run(Options(config=shared_dir / "openai/openai-full.stainless.yml",
                       spec=shared_dir / "openai/openapi.transformed.yml", out=Path("/nonexistent"),
                       use_cache=False), Diagnostics()).files
    inits = {k: v for k, v in full.items() if k.startswith("openai/types/") and k.endswith("__init__.py")}
    same = [k for k, v in inits.items() if (root.parent / k).is_file() and (root.parent / k).read_text() == v]
    print(f"\nOpenAI types/ __init__.py files: {len(same)}/{len(inits)} byte-identical")
    assert len(same) >= 23


def test_an_import_cycle_through_the_inits_is_found() -> None:
    """Python imports every package above a module first: `a.tool` needs `b.mcp`, so `b`'s __init__ runs,
    imports `b.accept`, which needs `a.tool`, half-imported. Without the re-exports all of it imports."""
    files = {
        "pkg/__init__.py": "", "pkg/types/__init__.py": "from __future__ import annotations\n",
        "pkg/types/a/__init__.py": "from .tool import Tool as Tool\n",
        "pkg/types/a/tool.py": "from ..b.mcp import Mcp\n",
        "pkg/types/b/__init__.py": "from .mcp import Mcp as Mcp\nfrom .accept import (\n    Accept as Accept,\n)\n",
        "pkg/types/b/accept.py": "from ..a.tool import Tool\n",
        "pkg/types/b/mcp.py": "from typing import Any\n",
    }
    assert import_failure(files, "pkg") == ("pkg.types.b.accept", "pkg.types.a.tool", ("pkg.types.a", "pkg.types.b"))
    plain = {**files, "pkg/types/a/__init__.py": "", "pkg/types/b/__init__.py": ""}
    assert import_failure(plain, "pkg") is None
    # `from pkg import module` binds the submodule even half-imported (Python finds it in sys.modules)
    assert import_failure({**files, "pkg/types/b/accept.py": "from ..a import tool\n"}, "pkg") is None
    assert import_failure({**files, "pkg/types/b/accept.py": "from .. import a\n"}, "pkg") is None
