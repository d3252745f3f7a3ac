"""The hostile-input catalogue (../shared/docs/HOSTILE.md, cases in tests/hostile/): each input is run through the
CLI in a subprocess under an audit hook (no network, no process spawning, no writes outside the case's own
directory). ERR: exit 2, the code/pointer in stderr, no traceback, the output tree unchanged. SAFE: exit 0, the
generated package imports under the same hook, passes `mypy --strict`, and every TypedDict's keys are exactly
the property names of some schema of the spec."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bounds import CpuClock

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HOSTILE / "expected.yaml").read_text())
ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
ALLOWED_TOP = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.Assign, ast.AnnAssign)


def audited(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(HOSTILE / "audit_run.py"), str(root), *args], cwd=cwd,
                          capture_output=True, text=True, env={**ENV, "PYTHONPATH": f"{ROOT}:{cwd / 'out'}"},
                          check=False, timeout=120)


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def run_case(tmp: Path, spec: Path, config: Path | None = None) -> tuple[subprocess.CompletedProcess[str],
                                                                        dict[str, str], dict[str, str]]:
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    (out / "previous.txt").write_text("the previous tree\n")
    before = snapshot(out)
    with_config = ("--config", str(config)) if config else ()
    r = audited(tmp, "cli", "generate", "--no-cache", "--spec", str(spec), *with_config, "--out", str(out), cwd=tmp)
    return r, before, snapshot(out)


def property_sets(spec: Any) -> list[set[str]]:
    found: list[set[str]] = []
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                found.append(set(props))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def load_spec(path: Path) -> Any:
    text = path.read_bytes().decode("utf-8-sig")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def check_safe(tmp: Path, spec_path: Path, r: subprocess.CompletedProcess[str], case: dict[str, Any]) -> None:
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    if case.get("warn"):
        assert f"warning[{case['warn']}]" in r.stderr
    out = tmp / "out"
    files = sorted(out.rglob("*.py"))
    assert files
    for f in files:
        assert f.resolve().is_relative_to(out.resolve())
        tree = ast.parse(f.read_text())
        assert all(isinstance(n, ALLOWED_TOP) or (i == 0 and isinstance(n, ast.Expr))
                   for i, n in enumerate(tree.body)), f
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                docs = [s for s in node.body if isinstance(s, ast.Expr)]
                assert all(isinstance(d.value, ast.Constant) and isinstance(d.value.value, str) for d in docs)
    modules = [p.relative_to(out).with_suffix("").as_posix().replace("/", ".") for p in files]
    imp = audited(tmp, "import", *modules, cwd=tmp)
    assert imp.returncode == 0, imp.stderr[-2000:]
    keys = json.loads(imp.stdout)
    sets = property_sets(load_spec(spec_path))
    for name, k in keys.items():
        if name.endswith(("NonStreaming", "Streaming")):
            continue
        assert set(k) in sets, f"{name}: keys {k} are not the property names of any schema"


@pytest.mark.parametrize("cid", sorted(EXPECTED))
def test_catalogue_case(cid: str, tmp_path: Path) -> None:
    case = EXPECTED[cid]
    spec = tmp_path / case["file"]
    shutil.copy(HOSTILE / "cases" / case["file"], spec)
    config = tmp_path / case["config"] if case.get("config") else None
    if config:
        shutil.copy(HOSTILE / "cases" / case["config"], config)
    clock = CpuClock()
    r, before, after = run_case(tmp_path, spec, config)
    assert clock.elapsed() < 60
    assert "audit:" not in r.stderr, r.stderr
    if case["expect"] == "ERR":
        assert r.returncode == 2, r.stderr
        assert "Traceback" not in r.stderr
        assert (case.get("config") or case["file"]) in r.stderr
        if case.get("code"):
            assert f"[{case['code']}]" in r.stderr, r.stderr
        if case.get("pointer"):
            assert case["pointer"] in r.stderr, r.stderr
        assert after == before, "the output tree changed"
    else:
        check_safe(tmp_path, spec, r, case)
        mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null",
                               "out"], cwd=tmp_path, capture_output=True, text=True, check=False)
        assert mypy.returncode == 0, mypy.stdout[-2000:]


def _generated(tmp: Path, name: str, text: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str],
                                                         dict[str, str]]:
    spec = tmp / name
    spec.write_text(text)
    return run_case(tmp, spec)


def test_a13_oversized_input_is_refused_before_parsing(tmp_path: Path) -> None:
    spec = tmp_path / "big.yaml"
    with spec.open("wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: 300 MB on paper, nothing on disk
    r, before, after = run_case(tmp_path, spec)
    assert r.returncode == 2 and "Traceback" not in r.stderr and after == before
    assert "limit" in r.stderr


def test_a14_deep_nesting(tmp_path: Path) -> None:
    deep = "Deep: " + "{type: array, items: " * 5000 + "{type: string}" + "}" * 5000
    r, before, after = _generated(tmp_path, "deep.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
                                  "paths: {}\ncomponents:\n  schemas:\n    " + deep + "\n")
    assert r.returncode == 2 and "Traceback" not in r.stderr and after == before
    assert "#/components/schemas/Deep/items" in r.stderr


def test_b12_long_alias_chain(tmp_path: Path) -> None:
    chain = "".join(f"    A{i}: {{$ref: '#/components/schemas/A{i + 1}'}}\n" for i in range(1, 2000))
    text = ("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    post:\n      requestBody:\n"
            "        content:\n          application/json:\n            schema:\n              type: object\n"
            "              properties: {a: {$ref: '#/components/schemas/A1'}}\n      responses: {}\n"
            "components:\n  schemas:\n" + chain + "    A2000: {type: string}\n")
    r, _, _ = _generated(tmp_path, "chain.yaml", text)
    assert r.returncode in (0, 2) and "Traceback" not in r.stderr and "RecursionError" not in r.stderr


def test_f7_huge_enum(tmp_path: Path) -> None:
    values = json.dumps([f"v{i}" for i in range(100_000)])
    text = json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "a": {"type": "string", "enum": json.loads(values)}}}}}}, "responses": {}}}}})
    clock = CpuClock()
    r, _, _ = _generated(tmp_path, "enum.json", text)
    assert clock.elapsed() < 60
    assert r.returncode in (0, 2) and "Traceback" not in r.stderr


def _fan_out_spec(kind: str, width: int = 6, levels: int = 12) -> str:
    """Schemas that refer to the next one ``width`` times, ``levels`` deep: copied inline per path, 6^12 types."""
    def nxt(i: int) -> dict[str, str]:
        return {"$ref": f"#/components/schemas/S{i + 1}"}
    if kind == "union":  # each a union of the next union, and a value of its own
        schemas = {f"S{i}": {"anyOf": [nxt(i)] * width + [{"type": "string", "enum": [f"v{i}"]}]}
                   for i in range(levels)}
        schemas[f"S{levels}"] = {"anyOf": [{"$ref": "#/components/schemas/S0"}, {"type": "string"}]}
    elif kind == "object":  # each an object with properties that are all the next object
        schemas = {f"S{i}": {"type": "object", "properties": {f"p{j}": nxt(i) for j in range(width)}}
                   for i in range(levels)}
        schemas[f"S{levels}"] = {"type": "object", "properties": {"z": {"type": "string"}}}
    else:  # arrays of a union of the next array
        schemas = {f"S{i}": {"type": "array", "items": {"anyOf": [nxt(i)] * width + [{"type": "integer"}]}}
                   for i in range(levels)}
        schemas[f"S{levels}"] = {"type": "string"}
    return json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "a": {"anyOf": [{"$ref": "#/components/schemas/S0"}, {"type": "string"}]}}}}}},
        "responses": {"200": {"description": "ok"}}}}}, "components": {"schemas": schemas}})


@pytest.mark.parametrize("kind", ["union", "object", "array"])
def test_reference_fan_out_is_bounded(kind: str, tmp_path: Path) -> None:
    """A "billion laughs" made of `$ref`s (not YAML aliases): unions of unions are spliced once each (SAFE);
    objects and arrays that copy the same schema into every path stop at a per-module budget (ERR
    schema-too-large, nothing written). Either within seconds, not hours."""
    spec, out = tmp_path / "fan.json", tmp_path / "out"
    spec.write_text(_fan_out_spec(kind))
    out.mkdir()
    (out / "previous.txt").write_text("the previous tree\n")
    before = snapshot(out)
    clock = CpuClock()  # not under the audit hook: a long union is formatted by ruff, a child process
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--no-cache", "--spec", str(spec),
                        "--out", str(out)], cwd=tmp_path, capture_output=True, text=True, env=ENV, check=False,
                       timeout=300)
    after = snapshot(out)
    assert clock.elapsed() < 60
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    if kind == "union":
        assert r.returncode == 0, r.stderr[-2000:]
    else:
        assert r.returncode == 2 and after == before and "error[schema-too-large]" in r.stderr, r.stderr[-2000:]
        assert "fan.json" in r.stderr and "#/components/schemas/" in r.stderr


def test_g5_many_schemas_roughly_linear(tmp_path: Path) -> None:
    def spec(n: int) -> str:
        schemas = {f"S{i}": {"type": "object", "properties": {"a": {"type": "string"},
                                                             "next": {"$ref": f"#/components/schemas/S{i + 1}"}}}
                   for i in range(n)}
        schemas[f"S{n}"] = {"type": "string"}
        paths = {f"/s{i}": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "$ref": f"#/components/schemas/S{i}"}}}}, "responses": {}}} for i in range(0, n, max(1, n // 50))}
        return json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths,
                           "components": {"schemas": schemas}})

    times = []
    for n, sub in ((2000, "small"), (20000, "large")):
        d = tmp_path / sub
        d.mkdir()
        clock = CpuClock()
        r, _, _ = _generated(d, "many.json", spec(n))
        times.append(clock.elapsed())
        assert r.returncode in (0, 2) and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert times[1] < 60


def test_h2_output_equal_to_or_containing_the_input_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    shutil.copy(HOSTILE / "cases" / "D1.yaml", spec)
    original = spec.read_bytes()
    for out in (str(spec), str(tmp_path)):
        r = audited(tmp_path, "cli", "generate", "--no-cache", "--spec", str(spec), "--out", out, cwd=tmp_path)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert spec.read_bytes() == original


def test_h4_failure_part_way_leaves_previous_tree(tmp_path: Path) -> None:
    good = tmp_path / "spec.yaml"
    shutil.copy(HOSTILE / "cases" / "B9.yaml", good)
    r = audited(tmp_path, "cli", "generate", "--no-cache", "--spec", str(good), "--out", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    before = snapshot(tmp_path / "out")
    text = good.read_text()
    schemas = "".join(f"    S{i}: {{type: object, properties: {{a: {{type: string}}}}}}\n" for i in range(499))
    good.write_text(text + schemas + "    S499: {$ref: '#/components/schemas/Nowhere'}\n")
    r = audited(tmp_path, "cli", "generate", "--no-cache", "--spec", str(good), "--out", "out", cwd=tmp_path)
    assert r.returncode == 2
    assert snapshot(tmp_path / "out") == before


def test_h5_crlf_on_disk_is_reported_as_line_endings(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    shutil.copy(HOSTILE / "cases" / "D1.yaml", spec)
    args = ("--no-cache", "--spec", str(spec), "--out", "out")
    assert audited(tmp_path, "cli", "generate", *args, cwd=tmp_path).returncode == 0
    for p in (tmp_path / "out").rglob("*.py"):
        p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    r = audited(tmp_path, "cli", "check", *args, cwd=tmp_path)
    assert "line endings differ" in r.stdout


def test_h6_formatter_version_skew_is_named(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    shutil.copy(HOSTILE / "cases" / "D1.yaml", spec)
    args = ("--no-cache", "--spec", str(spec), "--out", "out")
    assert audited(tmp_path, "cli", "generate", *args, cwd=tmp_path).returncode == 0
    manifest = tmp_path / "out" / ".typegen-manifest"
    lines = manifest.read_text().splitlines()
    lines[0] = lines[0].split("(")[0] + "(black 0.0.1); do not edit"
    manifest.write_text("\n".join(lines) + "\n")
    module = next((tmp_path / "out").rglob("*_params.py"))
    module.write_text(module.read_text() + "\n")
    r = audited(tmp_path, "cli", "check", *args, cwd=tmp_path)
    assert r.returncode == 1
    assert "formatter version differs (black 0.0.1" in r.stdout


def test_h7_determinism_shuffled_keys_and_hash_seeds(tmp_path: Path) -> None:
    spec = load_spec(HOSTILE / "cases" / "C6.yaml")

    def reverse(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: reverse(node[k]) for k in reversed(list(node))}
        if isinstance(node, list):
            return [reverse(v) for v in node]
        return node

    trees = []
    for i, (doc, seed) in enumerate(((spec, "0"), (reverse(spec), "1"), (spec, "random"))):
        d = tmp_path / f"r{i}"
        d.mkdir()
        (d / "spec.json").write_text(json.dumps(doc))
        r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--no-cache", "--spec", "spec.json",
                            "--out", "out"], cwd=d, capture_output=True, text=True,
                           env={**ENV, "PYTHONHASHSEED": seed}, check=False)
        assert r.returncode == 0, r.stderr
        trees.append({k: (d / "out" / k).read_bytes() for k in snapshot(d / "out")})
    assert trees[0] == trees[1] == trees[2]


# ------------------------------------------------------------------------------------------------------------
# Bad input, spec side (HOSTILE.md kinds I and J, issue 10): tests/hostile/expected_bad_input.yaml
BAD_INPUT: dict[str, dict[str, Any]] = yaml.safe_load((HOSTILE / "expected_bad_input.yaml").read_text())


def _required_and_keys(tmp: Path, out: Path, classes: list[str]) -> dict[str, list[str]]:
    code = ("import importlib, json, pathlib, sys, typing\nfrom typing_extensions import is_typeddict\n"
            "found = {}\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob('*.py')):\n"
            "    m = importlib.import_module(p.relative_to(sys.argv[1]).with_suffix('').as_posix().replace('/', '.'))\n"
            "    for k, v in vars(m).items():\n"
            "        if is_typeddict(v) and v.__module__ == m.__name__ and k in sys.argv[2:]:\n"
            "            found[k] = sorted(typing.get_type_hints(v, include_extras=True))\n"
            "print(json.dumps(found))\n")
    r = subprocess.run([sys.executable, "-c", code, str(out), *classes], cwd=tmp, capture_output=True, text=True,
                       env={**ENV, "PYTHONPATH": f"{ROOT}:{out}"}, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    found: dict[str, list[str]] = json.loads(r.stdout)
    return found


@pytest.mark.parametrize("cid", sorted(BAD_INPUT))
def test_bad_input_case(cid: str, tmp_path: Path) -> None:
    case = BAD_INPUT[cid]
    source = HOSTILE / "cases" / case["file"]
    if "/" in case["file"]:
        shutil.copytree(source.parent, tmp_path / source.parent.name)
        spec = tmp_path / case["file"]
    else:
        spec = tmp_path / case["file"]
        shutil.copy(source, spec)
    out = tmp_path / "out"
    out.mkdir()
    (out / "previous.txt").write_text("the previous tree\n")
    before = snapshot(out)
    r = audited(tmp_path, "cli", "generate", "--no-cache", "--spec", str(spec), "--out", str(out),
                *case.get("args", []), cwd=tmp_path)
    assert "audit:" not in r.stderr and "Traceback" not in r.stderr and "internal" not in r.stderr, r.stderr
    assert r.returncode in (0, 2), r.stderr
    expect = case["expect"]
    if expect == "WARN-OR-ERR" and r.returncode == 2:
        expect = "ERR"
    if expect == "ERR":
        assert r.returncode == 2 and snapshot(out) == before
        assert case.get("pointer", "#") in r.stderr, r.stderr
        return
    assert r.returncode == 0, r.stderr
    if expect.startswith("WARN"):
        lines = [line for line in r.stderr.splitlines() if "warning[" in line]
        assert any(f" {case['pointer']}" in line for line in lines), r.stderr
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null",
                           "out"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert mypy.returncode == 0, mypy.stdout[-2000:]
    if case.get("keys"):
        found = _required_and_keys(tmp_path, out, list(case["keys"]))
        assert found == case["keys"], (found, r.stderr)
