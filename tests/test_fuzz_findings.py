"""Inputs found by a structural fuzzing campaign (about 2,500 runs on mutated corpus, OneBusAway and Llama Stack
specs and configs): each once ended in an internal error, a hang, a module that did not compile or a diagnostic
naming a file that does not exist. Now: safe output with a warning, or one diagnostic with the file and pointer
and exit 2; never a traceback."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NULL = {"type": "null"}


def _spec(body: dict[str, Any], response: dict[str, Any] | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"requestBody": {"content": {"application/json": {"schema": body}}},
                          "responses": {"200": {"description": "ok"}}}
    if response is not None:
        op["responses"] = {"200": {"description": "ok", "content": {"application/json": {"schema": response}}}}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/things": {"post": op}}}


def _generate(tmp_path: Path, spec: dict[str, Any], target: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--no-cache", "--spec", "spec.json",
                        "--target", target, "--out", str(out)], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=False, timeout=120)
    assert "Traceback" not in r.stderr and "internal" not in r.stderr, r.stderr[-2000:]
    return r, out


@pytest.mark.parametrize("target", ["python", "typescript"])
def test_a_union_of_two_nulls_is_none(tmp_path: Path, target: str) -> None:
    # `anyOf: [null, null]` on both sides (an empty `Union[, None]` once; a StopIteration in the nullable-$ref rule)
    value = {"type": "string", "anyOf": [NULL, NULL]}
    obj = {"type": "object", "properties": {"value": value, "other": {"oneOf": [NULL, NULL]}}}
    r, out = _generate(tmp_path, _spec(obj, obj), target)
    assert r.returncode == 0, r.stderr[-2000:]
    for path in out.rglob("*.py"):
        ast.parse(path.read_text())
    if target == "python":
        text = "".join(p.read_text() for p in out.rglob("*_params.py"))
        assert "    value: None\n" in text and "    other: None\n" in text


@pytest.mark.parametrize("target", ["python", "typescript"])
def test_an_all_of_that_contains_itself_is_an_error(tmp_path: Path, target: str) -> None:
    pointer = "#/paths/~1things/post/requestBody/content/application~1json/schema/properties/criteria"
    body = {"type": "object", "properties": {
        "criteria": {"type": "string", "allOf": [{"allOf": [{"$ref": pointer}]}]}}}
    r, out = _generate(tmp_path, _spec(body), target)
    assert r.returncode == 2 and not out.exists()
    assert "spec.json" in r.stderr and f"{pointer}/allOf/0/allOf/0" in r.stderr and "error[" in r.stderr


@pytest.mark.parametrize("target", ["python", "typescript"])
def test_schemas_that_include_themselves_are_reported(tmp_path: Path, target: str) -> None:
    # each once ran for hours (the description search looked at them again and again)
    schemas = {"A": {"allOf": [{"$ref": "#/components/schemas/B"}]},
               "B": {"allOf": [{"$ref": "#/components/schemas/A"}]},
               "N": {"anyOf": [{"$ref": "#/components/schemas/N"}, NULL]}}
    body = {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"},
                                             "n": {"$ref": "#/components/schemas/N"}}}
    r, out = _generate(tmp_path, {**_spec(body), "components": {"schemas": schemas}}, target)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "warning[allof-cycle]" in r.stderr and "#/components/schemas/A" in r.stderr
    assert "#/components/schemas/N: warning[alias-cycle]" in r.stderr
    if target == "python":
        assert 'N: TypeAlias = "N"' not in (out / "t/types/n.py").read_text()


def test_a_path_that_cannot_be_an_endpoint_is_skipped_with_a_warning(tmp_path: Path) -> None:
    # zero-config once reported it as a bad endpoint of a config file that does not exist
    spec = _spec({"type": "object", "properties": {"a": {"type": "string"}}})
    spec["paths"]["no-slash"] = spec["paths"]["/things"]
    r, _ = _generate(tmp_path, spec, "python")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "spec.json: #/paths/no-slash: warning[path-invalid]" in r.stderr and "inferred" not in r.stderr


def test_a_long_resource_name_gives_short_typescript_file_names(tmp_path: Path) -> None:
    # the Python target cut such names already; TypeScript once failed with "File name too long"
    long = "x" * 300
    (tmp_path / "config.yml").write_text("targets: {python: {package_name: pkg}}\n"
                                         f"resources: {{{long}: {{methods: {{create: post /things}}}}}}\n")
    spec = _spec({"type": "object", "properties": {"a": {"type": "string"}}})
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--no-cache", "--spec", "spec.json",
                        "--config", "config.yml", "--target", "typescript", "--out", "out"], cwd=tmp_path,
                       capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                       check=False, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    names = [p.name for p in (tmp_path / "out").rglob("*.ts")]
    assert names and max(len(n.encode()) for n in names) <= 123


def test_an_output_the_file_system_refuses_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    spec = _spec({"type": "object", "properties": {"a": {"type": "string"}}})
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--no-cache", "--spec", "spec.json",
                        "--out", "afile/out"], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=False, timeout=120)
    assert r.returncode == 2 and "error[write-failed]" in r.stderr and "internal" not in r.stderr, r.stderr
    assert (tmp_path / "afile").read_text() == "x"
