"""generator.load.validate: version check, openapi-spec-validator findings as diagnostics, caching, and proof that
validation never touches the network or files named by the spec."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic, Diagnostics, Level
from generator.load import validate
from generator.load.document import Document
from generator.load.reader import load_document
from generator.load.validate import check_version, validate_spec

ROOT = Path(__file__).resolve().parent.parent


def doc_from(tmp_path: Path, text: str, name: str = "openapi.yaml") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path, Diagnostics())


def version_diags(tmp_path: Path, text: str) -> tuple[str | None, list[Diagnostic]]:
    diags = Diagnostics()
    result = check_version(doc_from(tmp_path, text), diags)
    return result, list(diags)


# --------------------------------------------------------------------------------------------------- G1 version
@pytest.mark.parametrize(("text", "expected"), [
    ("openapi: 3.0.0\n", "3.0"), ("openapi: 3.0.3\n", "3.0"), ("openapi: 3.1.0\n", "3.1"), ("openapi: '3.1'\n", "3.1"),
    ("openapi: 3.1.1-rc1\n", "3.1"),
])
def test_supported_versions(tmp_path: Path, text: str, expected: str) -> None:
    assert version_diags(tmp_path, text) == (expected, [])


def test_g1_swagger_2(tmp_path: Path) -> None:
    result, (d,) = version_diags(tmp_path, 'swagger: "2.0"\ninfo: {title: t, version: "1"}\n')
    assert result is None
    assert (d.level, d.code, d.pointer, d.line) == (Level.ERROR, "spec-version", "#/swagger", 1)
    assert "unsupported spec version" in d.message and "Swagger 2.0" in d.message


def test_g1_missing_openapi_key(tmp_path: Path) -> None:
    result, (d,) = version_diags(tmp_path, 'info: {title: t, version: "1"}\n')
    assert result is None
    assert (d.code, d.pointer) == ("spec-version", "#")
    assert d.message == "unsupported spec version: missing 'openapi' field"


@pytest.mark.parametrize("text", ["openapi: 3.1\n", "openapi: 4.0.0\n", "openapi: 2.0.0\n", "openapi: [3]\n",
                                  "openapi: three\n"])
def test_bad_versions(tmp_path: Path, text: str) -> None:
    result, (d,) = version_diags(tmp_path, text)
    assert result is None
    assert (d.level, d.code, d.pointer, d.line) == (Level.ERROR, "spec-version", "#/openapi", 1)
    assert "unsupported spec version" in d.message


def test_version_32_is_a_warning(tmp_path: Path) -> None:
    result, (d,) = version_diags(tmp_path, "openapi: 3.2.0\n")
    assert result == "3.1"
    assert (d.level, d.code) == (Level.WARNING, "spec-version")


def test_root_must_be_a_mapping(tmp_path: Path) -> None:
    result, (d,) = version_diags(tmp_path, "- openapi: 3.1.0\n")
    assert result is None and d.code == "spec-version" and "list" in d.message


# --------------------------------------------------------------------------------------------------- findings
INVALID = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        x: {type: boolean, default: 'false'}
    B:
      $ref: "#/components/schemas/A"
    C:
      type: object
      required: [a, a]
      properties: {a: {type: string}}
"""

VALID = """\
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet: {type: object, properties: {id: {type: integer}}}
"""


def test_findings_become_warnings_with_pointers(tmp_path: Path) -> None:
    doc = doc_from(tmp_path, INVALID)
    diags = Diagnostics()
    validate_spec(doc, diags)
    found = sorted((d.level, d.code, d.pointer, d.line) for d in diags)
    assert found == [
        (Level.WARNING, "spec-invalid", "#/components/schemas/A/properties/x", 9),
        (Level.WARNING, "spec-invalid", "#/components/schemas/C/required", 14),
    ]
    assert not diags.has_errors
    messages = {d.pointer: d.message for d in diags}
    assert "'false' is not of type 'boolean'" in messages["#/components/schemas/A/properties/x"]
    assert "non-unique" in messages["#/components/schemas/C/required"]


def test_strict_makes_findings_errors(tmp_path: Path) -> None:
    diags = Diagnostics()
    validate_spec(doc_from(tmp_path, INVALID), diags, strict=True)
    assert {d.level for d in diags} == {Level.ERROR}
    assert len(diags) == 2


def test_valid_spec_has_no_findings(tmp_path: Path) -> None:
    diags = Diagnostics()
    validate_spec(doc_from(tmp_path, VALID), diags)
    assert list(diags) == []


def test_validator_not_run_when_ref_policy_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any) -> Any:
        raise AssertionError("validator ran")

    monkeypatch.setattr(validate, "_run_validator", boom)
    doc = doc_from(tmp_path, VALID + '    X: {$ref: "http://169.254.169.254/latest/meta-data/"}\n')
    diags = Diagnostics()
    validate_spec(doc, diags)
    (d,) = list(diags)
    assert (d.code, d.pointer) == ("ref-remote", "#/components/schemas/X")


def test_validator_not_run_for_unsupported_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "_run_validator", lambda *a: pytest.fail("validator ran"))
    diags = Diagnostics()
    validate_spec(doc_from(tmp_path, 'swagger: "2.0"\n'), diags)
    assert [d.code for d in diags] == ["spec-version"]


# --------------------------------------------------------------------------------------------------- cache
def test_validation_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    doc = doc_from(tmp_path, INVALID)
    first = Diagnostics()
    validate_spec(doc, first, cache_dir=cache)
    (entry,) = (cache / "validation").iterdir()

    calls: list[str] = []
    real = validate._run_validator

    def counting(d: Document, version: str) -> Any:
        calls.append(version)
        return real(d, version)

    monkeypatch.setattr(validate, "_run_validator", counting)
    second = Diagnostics()
    validate_spec(doc, second, cache_dir=cache)
    assert calls == []
    assert list(second) == list(first)
    strict = Diagnostics()
    validate_spec(doc, strict, cache_dir=cache, strict=True)  # level is applied after the cache
    assert calls == [] and {d.level for d in strict} == {Level.ERROR}

    changed = doc_from(tmp_path, INVALID.replace("[a, a]", "[a]"))
    third = Diagnostics()
    validate_spec(changed, third, cache_dir=cache)
    assert calls == ["3.1"] and len(third) == 1

    entry.write_text("{corrupt")
    fourth = Diagnostics()
    validate_spec(doc, fourth, cache_dir=cache)
    assert calls == ["3.1", "3.1"] and list(fourth) == list(first)
    assert json.loads(entry.read_text())["sha256"] == doc.sha256


# --------------------------------------------------------------------------------------------------- no network
HOSTILE = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: "http://169.254.169.254/latest/meta-data/"}
    B: {$ref: "file:///etc/passwd"}
    C: {$ref: "../../../../etc/hostname#/x"}
    D: {$ref: "ftp://127.0.0.1/x.yaml"}
"""

TEMPTING = """\
openapi: 3.1.0
info: {title: t, version: "1"}
jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base"
paths: {}
components:
  schemas:
    D:
      $id: "http://127.0.0.1:9/schema"
      $schema: "https://json-schema.org/draft/2020-12/schema"
      type: object
      properties:
        x: {$ref: "#/$defs/y"}
        u: {$dynamicRef: "#meta"}
      $defs:
        y: {type: string, default: 5}
    E:
      $schema: "http://127.0.0.1:9/custom-dialect"
      type: string
"""

AUDIT_SCRIPT = textwrap.dedent("""
    import json, sys
    events = []
    def hook(event, args):
        if event.startswith(("socket.", "http.client.", "ftplib.", "smtplib.", "os.system", "subprocess.")):
            events.append([event, repr(args)[:200]])
        elif event == "urllib.Request":
            url = str(args[0])
            if not (url.startswith("file://") and "/openapi_spec_validator/resources/" in url):
                events.append([event, url])
        elif event == "open" and isinstance(args[0], str) and any(
                s in args[0] for s in ("passwd", "hostname", "169.254", "x.yaml")):
            events.append([event, args[0]])
    sys.addaudithook(hook)
    from pathlib import Path
    from generator.load.reader import load_document
    from generator.load.refpolicy import check_ref_policy
    from generator.load.validate import validate_spec, _run_validator
    from generator.diagnostics import Diagnostics
    out = {}
    for name in ("hostile.yaml", "tempting.yaml"):
        doc = load_document(Path(name), Diagnostics())
        diags = Diagnostics()
        check_ref_policy(doc, diags)
        validate_spec(doc, diags, strict=True)
        out[name] = sorted({d.code for d in diags})
    # defence in depth: even when called without the policy check, the validator fetches nothing
    out["direct"] = [f[0][:60] for f in _run_validator(load_document(Path("hostile.yaml"), Diagnostics()), "3.1")]
    out["events"] = events
    print(json.dumps(out))
""")


def test_validation_never_touches_the_network(tmp_path: Path) -> None:
    (tmp_path / "hostile.yaml").write_text(HOSTILE)
    (tmp_path / "tempting.yaml").write_text(TEMPTING)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "no_proxy": "", "http_proxy": "", "https_proxy": ""}
    proc = subprocess.run([sys.executable, "-c", AUDIT_SCRIPT], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert out["events"] == []
    assert out["hostile.yaml"] == ["ref-external", "ref-remote"]
    assert "ref-remote" not in out["tempting.yaml"]
    assert out["direct"] and out["direct"][0].startswith("validator stopped")


def test_audit_hook_control_stock_validator_would_fetch(tmp_path: Path) -> None:
    """Positive control for the test above: the same hook sees the stock validator reach for a remote $ref
    (127.0.0.1:9, the discard port, so nothing leaves the machine)."""
    script = textwrap.dedent("""
        import sys
        events = []
        sys.addaudithook(lambda e, a: events.append(str(a[0])) if e == "urllib.Request" else None)
        import openapi_spec_validator
        spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
                "components": {"schemas": {"A": {"$ref": "http://127.0.0.1:9/x"}}}}
        try:
            openapi_spec_validator.validate(spec)
        except Exception:
            pass
        print("http://127.0.0.1:9/x" in events)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "no_proxy": "*"}
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.stdout.strip() == "True", proc.stderr


# --------------------------------------------------------------------------------------------------- real specs
def test_xero_findings(shared_dir: Path, tmp_path: Path) -> None:
    doc = load_document(shared_dir / "corpus/xero-accounting.yaml", Diagnostics())
    diags = Diagnostics()
    validate_spec(doc, diags, cache_dir=tmp_path)
    assert len(diags) == 23
    assert all(d.level is Level.WARNING and d.code == "spec-invalid" for d in diags)
    assert all(d.pointer.startswith("#/components/schemas/") and d.line for d in diags)
    cached = Diagnostics()
    validate_spec(doc, cached, cache_dir=tmp_path)
    assert list(cached) == list(diags)


def test_petstore_is_clean(shared_dir: Path) -> None:
    diags = Diagnostics()
    validate_spec(load_document(shared_dir / "corpus/oai30-petstore.yaml", Diagnostics()), diags)
    assert list(diags) == []
