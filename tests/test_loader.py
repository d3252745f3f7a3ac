"""generator.load: hardened YAML/JSON loading (HOSTILE.md section A), positions, limits and the parse cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from bounds import CpuClock

from generator.diagnostics import Diagnostic, Diagnostics, Level, TypegenError
from generator.load import reader, yaml_hardened
from generator.load.document import Document, Limits
from generator.load.reader import load_document

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n'  # 3 lines


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def load(tmp_path: Path, name: str, content: str | bytes, **kwargs: Any) -> Document:
    return load_document(write(tmp_path, name, content), Diagnostics(), **kwargs)


def load_error(tmp_path: Path, name: str, content: str | bytes, **kwargs: Any) -> Diagnostic:
    """Loading must fail with exactly one error diagnostic, via TypegenError only."""
    path = write(tmp_path, name, content)
    diags = Diagnostics()
    with pytest.raises(TypegenError) as info:
        load_document(path, diags, **kwargs)
    errors = [d for d in info.value.diagnostics if d.level is Level.ERROR]
    assert len(errors) == 1, errors
    assert errors[0].file == str(path)
    return errors[0]


# --------------------------------------------------------------------------------------------------- A1, A2 tags
def test_a1_python_object_tag_is_refused_with_position(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    d = load_error(tmp_path, "a1.yaml", WRAPPER + f'x: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert (d.code, d.pointer, d.line, d.column) == ("yaml-tag", "#/x", 4, 4)
    assert "unsupported YAML tag" in d.message
    assert not marker.exists()


def test_a2_include_tag_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "secrets.yaml", "password: hunter2\n")
    d = load_error(tmp_path, "a2.yaml", WRAPPER + "components: !include secrets.yaml\n")
    assert (d.code, d.pointer, d.line, d.column) == ("yaml-tag", "#/components", 4, 13)
    assert "unsupported YAML tag !include" in d.message


@pytest.mark.parametrize("fragment", [
    "x: !!binary aGVsbG8=", "x: !!set {a, b}", "x: !!omap [a: 1]", "x: !!timestamp 2020-01-01",
    "x: !!python/name:os.system", "x: !custom {a: 1}", "x: !!pairs [a: 1]", "? !!python/tuple [1, 2]\n: x",
])
def test_non_core_tags_are_refused(tmp_path: Path, fragment: str) -> None:
    d = load_error(tmp_path, "t.yaml", fragment + "\n")
    assert d.code == "yaml-tag"
    assert d.line == 1


def test_explicit_core_tags_are_honoured(tmp_path: Path) -> None:
    doc = load(tmp_path, "t.yaml", 'a: !!str 123\nb: !!int "12"\nc: !!float "1.5"\nd: !!bool "true"\ne: !!null ""\n'
               "f: !!map {x: 1}\ng: !!seq [1]\n")
    assert doc.data == {"a": "123", "b": 12, "c": 1.5, "d": True, "e": None, "f": {"x": 1}, "g": [1]}


def test_explicit_core_tag_with_invalid_value(tmp_path: Path) -> None:
    d = load_error(tmp_path, "t.yaml", "a:\n  b: !!int abc\n")
    assert (d.code, d.pointer, d.line, d.column) == ("yaml-value", "#/a/b", 2, 6)


def test_tags_are_refused_in_a_subprocess_with_audit_hook(tmp_path: Path) -> None:
    """No command runs and the included file is never opened (A1, A2)."""
    write(tmp_path, "secrets.yaml", "password: hunter2\n")
    write(tmp_path, "a1.yaml", WRAPPER + 'x: !!python/object/apply:os.system ["id"]\n')
    write(tmp_path, "a2.yaml", WRAPPER + "components: !include secrets.yaml\n")
    script = textwrap.dedent("""
        import sys
        seen = []
        def hook(event, args):
            if event in ("os.system", "subprocess.Popen", "os.exec", "os.posix_spawn") or event.startswith("socket."):
                seen.append(event)
            if event == "open" and "secrets" in str(args[0]):
                seen.append("open secrets")
        sys.addaudithook(hook)
        from pathlib import Path
        from generator.load.reader import load_document
        from generator.diagnostics import Diagnostics, TypegenError
        codes = []
        for name in ("a1.yaml", "a2.yaml"):
            try:
                load_document(Path(name), Diagnostics())
            except TypegenError as exc:
                codes.append(exc.diagnostics[0].code)
        print(codes, seen)
    """)
    out = _run_python(script, cwd=tmp_path)
    assert out.strip() == "['yaml-tag', 'yaml-tag'] []"


def _run_python(script: str, cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


# --------------------------------------------------------------------------------------------------- A3 aliases
def billion_laughs(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_a3_billion_laughs_fails_fast(tmp_path: Path) -> None:
    clock = CpuClock()
    d = load_error(tmp_path, "a3.yaml", billion_laughs())
    assert clock.elapsed() < 1.0
    assert d.code == "yaml-alias"
    assert "budget" in d.message
    assert d.line is not None and d.pointer.startswith("#/a")


def test_a3_recursive_alias(tmp_path: Path) -> None:
    d = load_error(tmp_path, "r.yaml", "a: &a [1, *a]\n")
    assert (d.code, d.pointer, d.line, d.column) == ("yaml-alias", "#/a", 1, 4)


def test_a3_small_anchors_are_copied_not_shared(tmp_path: Path) -> None:
    doc = load(tmp_path, "s.yaml", "base: &b {type: string, enum: [a, b]}\nx: *b\ny: *b\n")
    assert doc.data["x"] == doc.data["y"] == {"type": "string", "enum": ["a", "b"]}
    assert doc.data["x"] is not doc.data["y"] and doc.data["x"]["enum"] is not doc.data["base"]["enum"]


def test_alias_budget_is_configurable(tmp_path: Path) -> None:
    d = load_error(tmp_path, "s.yaml", "base: &b {type: string}\nx: *b\n", limits=Limits(max_alias_nodes=0))
    assert d.code == "yaml-alias"


def test_merge_keys(tmp_path: Path) -> None:
    doc = load(tmp_path, "m.yaml", "base: &b {x: 1, y: 2}\nmore: &m {w: 0, y: 9}\nother:\n  <<: [*b, *m]\n"
               "  y: 3\n  z: 4\n")
    assert doc.data["other"] == {"x": 1, "y": 3, "w": 0, "z": 4}
    assert list(doc.data["other"]) == ["x", "w", "y", "z"]


def test_merge_key_needs_a_mapping(tmp_path: Path) -> None:
    d = load_error(tmp_path, "m.yaml", "a:\n  <<: 3\n")
    assert d.code == "yaml-merge"


# --------------------------------------------------------------------------------------------------- A5 documents
def test_a5_multiple_documents(tmp_path: Path) -> None:
    d = load_error(tmp_path, "a5.yaml", "openapi: 3.1.0\n---\nopenapi: 3.0.0\n")
    assert d.code == "yaml-multi-doc"
    assert "expected a single document" in d.message
    assert (d.line, d.column) == (2, 1)


def test_empty_document(tmp_path: Path) -> None:
    assert load_error(tmp_path, "e.yaml", "# nothing here\n").code == "load-empty"


# --------------------------------------------------------------------------------------------------- A7 duplicates
def test_a7_duplicate_key_in_json(tmp_path: Path) -> None:
    d = load_error(tmp_path, "a7.json", '{"components":{"schemas":{"A":{},"A":{"type":"string"}}}}')
    assert (d.code, d.pointer, d.line, d.column) == ("duplicate-key", "#/components/schemas/A", 1, 34)
    assert "duplicate key 'A'" in d.message


def test_duplicate_key_in_yaml(tmp_path: Path) -> None:
    d = load_error(tmp_path, "d.yaml", WRAPPER + "components:\n  schemas:\n    A: {}\n    A: {type: string}\n")
    assert (d.code, d.pointer, d.line, d.column) == ("duplicate-key", "#/components/schemas/A", 7, 5)


def test_duplicate_key_after_string_conversion(tmp_path: Path) -> None:
    d = load_error(tmp_path, "d.yaml", "responses:\n  200: {}\n  '200': {}\n")
    assert (d.code, d.pointer) == ("duplicate-key", "#/responses/200")


def test_nested_duplicate_key_in_json_is_located(tmp_path: Path) -> None:
    text = '{\n  "a": [1, {"b": 1,\n  "c": {"x/y": 1, "x/y": 2}}]\n}'
    d = load_error(tmp_path, "d.json", text)
    assert (d.code, d.pointer, d.line, d.column) == ("duplicate-key", "#/a/1/c/x~1y", 3, 19)


# --------------------------------------------------------------------------------------------------- A9 scalars
def test_a9_timestamps_stay_strings(tmp_path: Path) -> None:
    doc = load(tmp_path, "a9.yaml", WRAPPER + "components:\n  schemas:\n    Ev: {type: string, format: date, "
               "example: 2020-01-01, default: 2020-01-01}\n    T: {example: 2019-03-13T00:00:00Z}\n")
    ev = doc.data["components"]["schemas"]["Ev"]
    assert ev["example"] == ev["default"] == "2020-01-01"
    assert doc.data["components"]["schemas"]["T"]["example"] == "2019-03-13T00:00:00Z"
    json.dumps(doc.data)  # no "not JSON serializable"


@pytest.mark.parametrize(("text", "value"), [
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False), ("FALSE", False),
    ("yes", "yes"), ("no", "no"), ("NO", "NO"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
    ("null", None), ("~", None), ("", None), ("Null", None),
    ("010", 10), ("0", 0), ("-7", -7), ("+3", 3), ("0o17", 15), ("0x1F", 31), ("1_000", "1_000"), ("1:20", "1:20"),
    ("1.5", 1.5), ("1e3", 1000.0), ("-2.5E-3", -0.0025), (".5", 0.5), ("1.", 1.0), ("9.2e18", 9.2e18),
    (".inf", float("inf")), ("-.Inf", float("-inf")),
    ("2020-01-01", "2020-01-01"), ("12:30:00", "12:30:00"), ("0b101", "0b101"), ("'123'", "123"), ('"true"', "true"),
    ("<<x", "<<x"), ("=", "="),
])
def test_yaml_12_core_schema_scalars(tmp_path: Path, text: str, value: Any) -> None:
    assert load(tmp_path, "s.yaml", f"v: {text}\n").data["v"] == value


def test_nan_scalar_is_a_float(tmp_path: Path) -> None:
    v = load(tmp_path, "s.yaml", "v: .nan\n").data["v"]
    assert isinstance(v, float) and v != v


def test_mapping_keys_keep_their_source_text(tmp_path: Path) -> None:
    doc = load(tmp_path, "k.yaml", "responses:\n  200: {description: ok}\n  default: {}\ntrue: 1\n1.50: 2\n"
               "null: 3\n0x1F: 4\n")
    assert doc.data == {"responses": {"200": {"description": "ok"}, "default": {}}, "true": 1, "1.50": 2,
                        "null": 3, "0x1F": 4}
    assert all(isinstance(k, str) for k in doc.data)


def test_empty_and_collection_keys_are_refused(tmp_path: Path) -> None:
    assert load_error(tmp_path, "k.yaml", "a:\n  ? \n  : x\n").code == "yaml-key"
    d = load_error(tmp_path, "k2.yaml", "a:\n  ? [1, 2]\n  : x\n")
    assert (d.code, d.line) == ("yaml-key", 2)


# --------------------------------------------------------------------------------------------------- A11, A12 encoding
def test_a11_utf8_bom_json(tmp_path: Path) -> None:
    doc = load(tmp_path, "a11.json", b'\xef\xbb\xbf{"openapi":"3.1.0","info":{"title":"t","version":"1"}}')
    assert doc.data["openapi"] == "3.1.0"
    assert doc.format == "json"
    assert doc.locate("#/info/title") == (1, 36)  # columns count characters; the BOM is not one


def test_utf8_bom_yaml(tmp_path: Path) -> None:
    assert load(tmp_path, "b.yaml", b"\xef\xbb\xbfopenapi: 3.1.0\n").data == {"openapi": "3.1.0"}


def test_a12_invalid_utf8(tmp_path: Path) -> None:
    d = load_error(tmp_path, "a12.yaml", b'openapi: 3.1.0\ndescription: "caf\xe9"\n')
    assert d.code == "load-encoding"
    assert d.message == "not valid UTF-8 at byte 32"
    assert (d.line, d.column) == (2, 18)


def test_invalid_utf8_in_json(tmp_path: Path) -> None:
    d = load_error(tmp_path, "x.json", b'{"a": "\xff"}')
    assert (d.code, d.message) == ("load-encoding", "not valid UTF-8 at byte 7")


def test_control_characters_in_yaml(tmp_path: Path) -> None:
    d = load_error(tmp_path, "c.yaml", 'a: "x\x07y"\n')
    assert (d.code, d.line) == ("yaml-syntax", 1)


# --------------------------------------------------------------------------------------------------- A13 size
def test_a13_oversized_input_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:  # sparse 300 MB file: no disk or memory cost
        fh.truncate(300 * 1024 * 1024)

    def no_open(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    with pytest.raises(TypegenError) as info:
        load_document(path, Diagnostics())
    d = info.value.diagnostics[0]
    assert d.code == "load-too-large"
    assert "input exceeds limit (20 MB)" in d.message


def test_size_limit_is_configurable_and_checked_on_read(tmp_path: Path) -> None:
    d = load_error(tmp_path, "x.yaml", "x: " + "y" * 2000 + "\n", limits=Limits(max_bytes=1000))
    assert d.code == "load-too-large"
    assert "1000 bytes" in d.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TypegenError) as info:
        load_document(tmp_path / "nope.yaml", Diagnostics())
    assert info.value.diagnostics[0].code == "load-io"


def test_directory_is_not_a_spec(tmp_path: Path) -> None:
    with pytest.raises(TypegenError) as info:
        load_document(tmp_path, Diagnostics())
    assert info.value.diagnostics[0].code == "load-io"


# --------------------------------------------------------------------------------------------------- A14 depth
def _deep_pointer(levels: int) -> str:
    return "#/components/schemas/Deep" + "/items" * levels


def test_a14_deep_nesting_yaml_beyond_libyaml_limit(tmp_path: Path) -> None:
    body = "{type: array, items: " * 5000 + "{}" + "}" * 5000
    d = load_error(tmp_path, "a14.yaml", f"openapi: 3.1.0\ncomponents:\n  schemas:\n    Deep: {body}\n")
    # root mapping is depth 1, so the first container deeper than 200 is Deep + 197 x items
    assert (d.code, d.pointer) == ("nesting-too-deep", _deep_pointer(197))
    assert d.line == 4 and d.column is not None
    assert d.message.startswith("nesting deeper than 200 (at #/components/schemas/Deep/items/items")


def test_a14_deep_nesting_yaml_block_style(tmp_path: Path) -> None:
    lines = ["openapi: 3.1.0", "components:", "  schemas:", "    Deep:"]
    lines += ["  " * (i + 3) + "items:" for i in range(300)]
    lines.append("  " * 303 + "type: string")
    d = load_error(tmp_path, "a14b.yaml", "\n".join(lines) + "\n")
    assert (d.code, d.pointer) == ("nesting-too-deep", _deep_pointer(197))
    assert (d.line, d.column) == (4 + 197 + 1, 2 * (197 + 3) + 1)  # the value starts on the next line


def test_a14_deep_nesting_json(tmp_path: Path) -> None:
    body = '{"type": "array", "items": ' * 5000 + "{}" + "}" * 5000
    d = load_error(tmp_path, "a14.json", '{"components": {"schemas": {"Deep": ' + body + "}}}")
    assert (d.code, d.pointer) == ("nesting-too-deep", _deep_pointer(197))
    assert d.line == 1


def test_depth_limit_is_configurable(tmp_path: Path) -> None:
    d = load_error(tmp_path, "x.json", '{"a": {"b": {"c": [1]}}}', limits=Limits(max_depth=3))
    assert (d.code, d.pointer, d.line, d.column) == ("nesting-too-deep", "#/a/b/c", 1, 19)
    assert load(tmp_path, "y.json", '{"a": {"b": {"c": 1}}}', limits=Limits(max_depth=3)).data


# --------------------------------------------------------------------------------------------------- A15 numbers
def test_a15_huge_integer_yaml(tmp_path: Path) -> None:
    d = load_error(tmp_path, "a15.yaml", "openapi: 3.1.0\ncomponents:\n  schemas:\n    Big: {type: integer, maximum: "
                   + "1" * 5000 + "}\n")
    assert (d.code, d.pointer, d.line, d.column) == ("number-too-large", "#/components/schemas/Big/maximum", 4, 35)


def test_a15_huge_integer_json(tmp_path: Path) -> None:
    d = load_error(tmp_path, "a15.json", '{"components": {"schemas": {"Big": {"type": "integer", "maximum": '
                   + "1" * 5000 + "}}}}")
    assert (d.code, d.pointer) == ("number-too-large", "#/components/schemas/Big/maximum")
    assert (d.line, d.column) == (1, 67)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_refused(tmp_path: Path, constant: str) -> None:
    d = load_error(tmp_path, "n.json", '{"a": [1, ' + constant + "]}")
    assert (d.code, d.pointer, d.line, d.column) == ("json-constant", "#/a/1", 1, 11)


def test_json_syntax_error(tmp_path: Path) -> None:
    d = load_error(tmp_path, "s.json", '{\n  "a": 1,\n  "b": }\n')
    assert (d.code, d.line, d.column) == ("json-syntax", 3, 8)


def test_yaml_syntax_error(tmp_path: Path) -> None:
    d = load_error(tmp_path, "s.yaml", "a: [1, 2\nb: 3\n")
    assert d.code == "yaml-syntax"
    assert d.line is not None


def test_json_surrogate_pair_escapes(tmp_path: Path) -> None:
    """PyYAML rejects some valid JSON escapes; JSON files must go through the JSON parser."""
    assert load(tmp_path, "u.json", '{"a": "\\ud83d\\ude00"}').data == {"a": "\U0001f600"}


def test_format_sniffing(tmp_path: Path) -> None:
    assert load(tmp_path, "spec", '{"a": 1}').format == "json"
    assert load(tmp_path, "spec2", "a: 1\n").format == "yaml"
    assert load(tmp_path, "spec3", "{a: 1}\n").data == {"a": 1}  # flow YAML that is not JSON


# --------------------------------------------------------------------------------------------------- locate
def test_locate_yaml(tmp_path: Path) -> None:
    doc = load(tmp_path, "l.yaml", WRAPPER + "components:\n  schemas:\n    a/b:\n      enum: [x, 'y']\n")
    assert doc.locate("#/components/schemas/a~1b") == (7, 7)  # a block mapping value starts at its first key
    assert doc.locate("#/components/schemas/a~1b/enum/1") == (7, 6 + len("enum: [x, ") + 1)
    assert doc.locate("#/paths") == (3, 8)
    assert doc.locate("#/components/schemas/missing") is None
    assert doc.locate("#") == (1, 1)


def test_locate_json(tmp_path: Path) -> None:
    line2 = ' "a": {"x~y": [10, {"b": null}]},'
    doc = load(tmp_path, "l.json", "{\n" + line2 + '\n "c": "d"\n}')
    assert doc.locate("#/a/x~0y/1/b") == (2, line2.index("null") + 1)
    assert doc.locate("#/a/x~0y/1") == (2, line2.index('{"b"') + 1)
    assert doc.locate("#/c") == (3, 7)
    assert doc.locate("#/a/x~0y/5") is None


def test_locate_is_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bytes] = []
    real = yaml_hardened._compose

    def counting(raw: bytes) -> Any:
        calls.append(raw)
        return real(raw)

    monkeypatch.setattr(yaml_hardened, "_compose", counting)
    doc = load(tmp_path, "l.yaml", "a: {b: 1}\n")
    assert len(calls) == 1  # the load itself
    doc.locate("#/a/b")
    doc.locate("#/a")
    assert len(calls) == 2  # one extra compose, then cached


# --------------------------------------------------------------------------------------------------- cache
def test_cache_hit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = load(tmp_path, "c.yaml", "a: {b: [1, 2020-01-01]}\n", cache_dir=cache)
    entries = list((cache / "specs").iterdir())
    assert len(entries) == 1

    def no_parse(*args: Any) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setattr(reader, "load_yaml", no_parse)
    second = load_document(tmp_path / "c.yaml", Diagnostics(), cache_dir=cache)
    assert second.data == first.data == {"a": {"b": [1, "2020-01-01"]}}
    assert second.sha256 == first.sha256 and second.format == "yaml"
    assert second.locate("#/a/b/1") == (1, 12)


def test_cache_invalidated_by_content_change(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert load(tmp_path, "c.json", '{"a": 1}', cache_dir=cache).data == {"a": 1}
    assert load(tmp_path, "c.json", '{"a": 2}', cache_dir=cache).data == {"a": 2}
    assert len(list((cache / "specs").iterdir())) == 2


def test_cache_does_not_hide_errors_of_new_content(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load(tmp_path, "c.yaml", "a: 1\n", cache_dir=cache)
    assert load_error(tmp_path, "c.yaml", "a: !!python/object:x {}\n", cache_dir=cache).code == "yaml-tag"


def test_cache_keyed_by_limits(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load(tmp_path, "c.json", '{"a": {"b": {}}}', cache_dir=cache)
    d = load_error(tmp_path, "c.json", '{"a": {"b": {}}}', cache_dir=cache, limits=Limits(max_depth=2))
    assert d.code == "nesting-too-deep"


@pytest.mark.parametrize("garbage", [b"", b"junk", reader._CACHE_MAGIC + b"y" + b"0" * 16 + b"\x00\x01",
                                     b"TGSPEC1\nx" + b"\x00" * 40])
def test_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path: Path, garbage: bytes) -> None:
    cache = tmp_path / "cache"
    load(tmp_path, "c.yaml", "a: [1, 2]\n", cache_dir=cache)
    (entry,) = (cache / "specs").iterdir()
    good = entry.read_bytes()
    entry.write_bytes(garbage)
    assert load(tmp_path, "c.yaml", "a: [1, 2]\n", cache_dir=cache).data == {"a": [1, 2]}
    assert entry.read_bytes() == good


def test_cache_write_failure_is_harmless(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("not a directory")
    assert load(tmp_path, "c.yaml", "a: 1\n", cache_dir=blocker).data == {"a": 1}


# --------------------------------------------------------------------------------------------------- fallback
def test_pure_python_fallback_loader(tmp_path: Path) -> None:
    write(tmp_path, "a1.yaml", WRAPPER + 'x: !!python/object/apply:os.system ["id"]\n')
    write(tmp_path, "ok.yaml", "a: 2020-01-01\nb: yes\nc: 010\n")
    script = textwrap.dedent("""
        import yaml
        if hasattr(yaml, "CSafeLoader"):
            del yaml.CSafeLoader
        from pathlib import Path
        from generator.load import reader, yaml_hardened
        from generator.diagnostics import Diagnostics, TypegenError
        assert yaml_hardened._BaseLoader is yaml.SafeLoader
        print(reader.load_document(Path("ok.yaml"), Diagnostics()).data)
        try:
            reader.load_document(Path("a1.yaml"), Diagnostics())
        except TypegenError as exc:
            d = exc.diagnostics[0]
            print(d.code, d.pointer, d.line, d.column)
    """)
    out = _run_python(script, cwd=tmp_path).splitlines()
    assert out == ["{'a': '2020-01-01', 'b': 'yes', 'c': 10}", "yaml-tag #/x 4 4"]


# --------------------------------------------------------------------------------------------------- real specs
def _corpus(shared: Path) -> list[Path]:
    return sorted(p for p in (shared / "corpus").iterdir() if p.suffix in (".yaml", ".json"))


def _plain(tree: Any) -> bool:
    stack = [tree]
    while stack:
        node = stack.pop()
        if type(node) is dict:
            if not all(type(k) is str for k in node):
                return False
            stack.extend(node.values())
        elif type(node) is list:
            stack.extend(node)
        elif type(node) not in (str, int, float, bool, type(None)):
            return False
    return True


def test_corpus_specs_load(shared_dir: Path) -> None:
    specs = [*_corpus(shared_dir), shared_dir / "corpus/digitalocean/specification/DigitalOcean-public.v2.yaml",
             shared_dir / "llama-stack/openapi.yml", shared_dir / "openai/openapi.yaml"]
    for path in specs:
        doc = load_document(path, Diagnostics())
        assert isinstance(doc.data, dict) and ("openapi" in doc.data), path
        assert doc.format == ("json" if path.suffix == ".json" else "yaml")
        assert _plain(doc.data), path
        json.dumps(doc.data)


def test_openai_spec_load_and_warm_cache(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "openai/openapi.transformed.yml"
    clock = CpuClock()
    doc = load_document(path, Diagnostics(), cache_dir=tmp_path)
    cold = clock.elapsed()
    clock = CpuClock()
    warm = load_document(path, Diagnostics(), cache_dir=tmp_path)
    warm_time = clock.elapsed()
    assert warm.data == doc.data
    assert _plain(doc.data)
    assert cold < 5 and warm_time < 1  # generous bounds (shared CI machines); typical: 0.2 s cold, 0.03 s warm
    # YAML 1.2 reading: the int64 bounds written as 9.223372036854776e18 are numbers, not strings
    seed = doc.data["components"]["schemas"]["CreateChatCompletionRequest"]["allOf"][1]["properties"]["seed"]
    assert isinstance(seed["maximum"], float)
    assert doc.locate("#/components/schemas/CreateChatCompletionRequest") is not None
