"""Runtime oracle of the response side (issue 13): every response example of a spec that is valid against its
own schema passes ``Model.model_validate(example)``, and ``model_dump(by_alias=True, exclude_unset=True)`` gives
the example back (a ``date-time`` field holds the parsed ``datetime``: equal to the wire string it came from).
Over ../shared/corpus (zero-config) and the OpenAI and Llama Stack specs with their configs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pydantic")
jsonschema = pytest.importorskip("jsonschema")

from generator.config.files import load_config  # noqa: E402
from generator.config.infer import infer_config  # noqa: E402
from generator.config.transforms import apply_transformations  # noqa: E402
from generator.diagnostics import Diagnostics  # noqa: E402
from generator.load.reader import load_document  # noqa: E402
from generator.load.schema import child  # noqa: E402
from generator.model.build import ProjectBuilder  # noqa: E402
from generator.targets.python.render import render_project  # noqa: E402

CASES = {
    "openai": ("openai/openapi.transformed.yml", "openai/openai-full.stainless.yml"),
    "llama26": ("llama-stack/2026-04/openapi.yml", "llama-stack/2026-04/config.yml"),
    "corpus-xero": ("corpus/xero-accounting.yaml", None),
    "corpus-mistral": ("corpus/mistral.yaml", None),
    "corpus-twilio": ("corpus/twilio-lookups-v2.json", None),
    "corpus-api-with-examples": ("corpus/oai30-api-with-examples.yaml", None),
    "corpus-uspto": ("corpus/oai30-uspto.yaml", None),
}

CHECK = r"""
import datetime, importlib, json, sys
import pydantic


def same(dumped, wire):
    # equal, except that a parsed date-time (or date) equals the wire string it was parsed from
    if isinstance(dumped, (datetime.datetime, datetime.date)) and isinstance(wire, str):
        return pydantic.TypeAdapter(type(dumped)).validate_python(wire) == dumped
    if isinstance(dumped, dict) and isinstance(wire, dict):
        return dumped.keys() == wire.keys() and all(same(dumped[k], wire[k]) for k in wire)
    if isinstance(dumped, list) and isinstance(wire, list):
        return len(dumped) == len(wire) and all(same(a, b) for a, b in zip(dumped, wire))
    return dumped == wire


cases = json.load(sys.stdin)
failures = []
for module, name, page, example in cases:
    cls = getattr(importlib.import_module(module), name)
    values = example["data"] if page else [example]
    for value in values:
        try:
            if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel):
                dumped = cls.model_validate(value).model_dump(by_alias=True, exclude_unset=True)
            else:
                adapter = pydantic.TypeAdapter(cls)
                dumped = adapter.dump_python(adapter.validate_python(value), by_alias=True, exclude_unset=True)
        except Exception as exc:
            failures.append(f"{module}.{name}: {type(exc).__name__}: {str(exc)[:300]}")
            continue
        if not same(dumped, value):
            failures.append(f"{module}.{name}: round trip differs")
print(json.dumps({"checked": len(cases), "failures": failures}))
"""


def _examples(media: Mapping[str, Any]) -> Iterator[Any]:
    if "example" in media:
        yield media["example"]
    for entry in (media.get("examples") or {}).values():
        if isinstance(entry, Mapping) and "value" in entry:
            yield entry["value"]


def _valid(spec: Mapping[str, Any], pointer: str, value: Any) -> bool:
    root = {"$ref": pointer, "components": spec.get("components", {}), "paths": spec.get("paths", {})}
    try:
        return bool(jsonschema.Draft202012Validator(root).is_valid(value))
    except Exception:  # a schema jsonschema cannot follow: not a checkable example
        return False


@pytest.mark.parametrize("name", sorted(CASES))
def test_response_examples_round_trip(name: str, shared_dir: Path, tmp_path: Path) -> None:
    spec_rel, config_rel = CASES[name]
    spec_path = shared_dir / spec_rel
    diags = Diagnostics()
    config = load_config(shared_dir / config_rel, diags) if config_rel else infer_config(spec_path, diags)
    doc = load_document(spec_path, diags)
    spec = apply_transformations(doc.data, config.transformations, diags, config_file=str(config.path))
    project = ProjectBuilder(spec, config, diags, str(spec_path)).build()
    files = render_project(project, config.link_rewrites)  # unformatted: the same code, only the layout differs
    out = tmp_path / "out"
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    cases = []
    for op in project.operations:
        if op.response is None:
            continue
        operation = spec["paths"][op.path][op.http_method]
        for code, response in (operation.get("responses") or {}).items():
            content = response.get("content") if isinstance(response, Mapping) else None
            media = content.get("application/json") if isinstance(content, Mapping) else None
            if not str(code).startswith("2") or not isinstance(media, Mapping) or "schema" not in media:
                continue
            pointer = child("#/paths", op.path, op.http_method, "responses", str(code), "content", "application/json",
                            "schema")
            for example in _examples(media):
                if _valid(spec, pointer, example) and (not op.response_page or (isinstance(example, Mapping)
                                                       and isinstance(example.get("data"), list))):
                    module = ".".join((project.package, *op.response.module))
                    cases.append((module, op.response.name, op.response_page, example))
    r = subprocess.run([sys.executable, "-c", CHECK], input=json.dumps(cases), cwd=out, capture_output=True,
                       text=True, check=False)
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout)
    print(f"\n{name}: {result['checked']} valid response examples checked")
    assert not result["failures"], "\n".join(result["failures"][:20])
