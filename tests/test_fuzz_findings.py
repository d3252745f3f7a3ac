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


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--no-cache", *args], cwd=tmp_path,
                       capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                       check=False, timeout=120)
    assert "Traceback" not in r.stderr and "internal" not in r.stderr, r.stderr[-2000:]
    return r


def _generate(tmp_path: Path, spec: dict[str, Any], target: str, *config: str) -> tuple[
        subprocess.CompletedProcess[str], Path]:
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    out = tmp_path / "out"
    return _cli(tmp_path, "--spec", "spec.json", "--target", target, "--out", str(out), *config), out


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
    r, _ = _generate(tmp_path, _spec({"type": "object", "properties": {"a": {"type": "string"}}}), "typescript",
                     "--config", "config.yml")
    assert r.returncode == 0, r.stderr[-2000:]
    names = [p.name for p in (tmp_path / "out").rglob("*.ts")]
    assert names and max(len(n.encode()) for n in names) <= 123


def test_an_output_the_file_system_refuses_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    (tmp_path / "spec.json").write_text(json.dumps(_spec({"type": "object", "properties": {"a": {"type": "string"}}})))
    r = _cli(tmp_path, "--spec", "spec.json", "--out", "afile/out")
    assert r.returncode == 2 and "error[write-failed]" in r.stderr, r.stderr
    assert (tmp_path / "afile").read_text() == "x"


# ---- a second campaign, on configs and on generator-reserved extensions


@pytest.mark.parametrize("origins", [[5, None], []])
def test_a_spec_cannot_forge_the_generators_own_merge_marker(tmp_path: Path, origins: list[Any]) -> None:
    # `x-typegen-merged-from` in a spec once crashed the allOf merge (TypeError) or made it exponential
    a = {"x-typegen-merged-from": origins, "allOf": [
        {"$ref": "#/components/schemas/A", "x-typegen-merged-from": []},
        {"$ref": "#/components/schemas/A", "x-typegen-merged-from": []},
        {"type": "object", "properties": {"a": {"type": "string"}}}]}
    body = {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/A"}}}
    r, _ = _generate(tmp_path, {**_spec(body), "components": {"schemas": {"A": a}}}, "python")
    assert r.returncode == 0, r.stderr[-2000:]


CONFIG = "targets: {python: {package_name: pkg}}\nresources:\n  things:\n    methods: {create: post /things}\n"


def test_a_dangling_ref_written_by_a_transformation_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.yml").write_text(CONFIG + "    models: {a: A}\nopenapi:\n  transformations:\n"
                                         "  - {command: replaceProperties, args: {filter: {only: "
                                         "['$.components.schemas.A']}, value: {$ref: '#/components/schemas/Nope'}}}\n")
    body = {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/A"}}}
    a = {"type": "object", "properties": {"a": {"type": "string"}}}
    spec = {**_spec(body), "components": {"schemas": {"A": a}}}
    r, out = _generate(tmp_path, spec, "python", "--config", "config.yml")
    assert r.returncode == 2 and "error[ref-dangling]" in r.stderr and "#/components/schemas/Nope" in r.stderr
    assert not out.exists()


def test_discriminator_mapping_values_may_be_bare_schema_names(tmp_path: Path) -> None:
    (tmp_path / "config.yml").write_text(CONFIG + "    models: {pet: Pet}\n")
    schemas = {"Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                       "discriminator": {"propertyName": "kind", "mapping": {"cat": "Cat", "dog": "Dog"}}},
               "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
               "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}}}
    spec = {**_spec({"$ref": "#/components/schemas/Pet"}, {"$ref": "#/components/schemas/Pet"}),
            "components": {"schemas": schemas}}
    r, out = _generate(tmp_path, spec, "python", "--config", "config.yml")
    assert r.returncode == 0 and "ref-external" not in r.stderr, r.stderr[-2000:]
    assert "Pet: TypeAlias = Union[Cat, Dog]\n" in (out / "pkg/types/pet.py").read_text()


@pytest.mark.parametrize("key", ["settings: {file_header: 'coding: ascii'}",
                                 "typegen: {generated_header: 'Generated; file encoding: bogus-enc'}"])
def test_a_header_that_reads_as_an_encoding_declaration_still_compiles(tmp_path: Path, key: str) -> None:
    (tmp_path / "config.yml").write_text(CONFIG + key + "\n")
    body = {"type": "object", "properties": {"a": {"type": "string", "description": "Café, naïve, 東京."}}}
    r, out = _generate(tmp_path, _spec(body), "python", "--config", "config.yml")
    assert r.returncode == 0, r.stderr[-2000:]
    for path in out.rglob("*.py"):
        compile(path.read_bytes(), str(path), "exec")  # from the bytes: Python reads the declaration then


def test_a_python_rename_stays_python(tmp_path: Path) -> None:
    rename = ("openapi:\n  transformations:\n  - {command: renameValue, args: {filter: {only: [%s]}, "
              "rename: {python: {property_name: %s}}}}\n")
    body_ptr = "'$.paths[\"/things\"].post.requestBody.content[\"application/json\"].schema.properties.%s'"
    (tmp_path / "config.yml").write_text(CONFIG + rename % (body_ptr % "schema", "schema_"))
    body = {"type": "object", "properties": {"schema": {"type": "string"}, "other": {"type": "string"}}}
    r, out = _generate(tmp_path, _spec(body), "typescript", "--config", "config.yml")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "  schema?: string;\n" in (out / "resources/things.ts").read_text()
    # two properties renamed to one Python name: an error, not two silently dropped renames
    (tmp_path / "config.yml").write_text(CONFIG + rename % (body_ptr % "*", "same"))
    r, _ = _generate(tmp_path, _spec(body), "python", "--config", "config.yml")
    assert r.returncode == 2 and "error[transform-clash]" in r.stderr, r.stderr[-2000:]
