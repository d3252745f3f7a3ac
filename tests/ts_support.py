"""Helpers of the TypeScript tests: the OpenAI config with the openai-node overlay merged in
(``tests/typescript/openai-node.overlay.yml``), and the npm release's sources when fetched."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
OVERLAY = HERE / "typescript" / "openai-node.overlay.yml"
# the npm release's sources, unpacked by tests/fetch_ts_oracle.sh (default: ../scratch/openai-node beside the repo)
ORACLE = Path(os.environ.get("TYPEGEN_TS_ORACLE", HERE.parent.parent / "scratch" / "openai-node" / "package" / "src"))


def _merge(dst: dict[str, Any], src: dict[str, Any]) -> None:
    for key, value in src.items():
        if key == "methods":
            methods = dst.setdefault("methods", {})
            for name, entry in value.items():
                current = methods.get(name)
                methods[name] = {**({"endpoint": current} if isinstance(current, str) else current or {}), **entry}
        elif isinstance(value, dict) and isinstance(dst.get(key), dict):
            _merge(dst[key], value)
        else:
            dst[key] = value


def openai_node_config(shared: Path, out: Path) -> Path:
    """``openai-full.stainless.yml`` with the overlay applied, written to ``out`` (its ``spec`` made absolute)."""
    data = yaml.safe_load((shared / "openai" / "openai-full.stainless.yml").read_text(encoding="utf-8"))
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    for dotted, settings in overlay.items():
        node: dict[str, Any] = {"subresources": data["resources"]}
        for part in dotted.split("."):
            node = node["subresources"][part]
        _merge(node, settings)
    out.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return out
