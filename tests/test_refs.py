"""generator.load: $ref policy, local resolution (HOSTILE.md section B), bundling of relative file refs."""

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
from generator.load.bundle import bundle_external_refs
from generator.load.document import Document
from generator.load.reader import load_document
from generator.load.refpolicy import check_ref_policy
from generator.load.resolver import Deref, RefError, Resolver, check_refs, is_schema_position, ref_section

HEAD = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n'  # schemas at line 6+


def spec(tmp_path: Path, schemas: str, name: str = "openapi.yaml") -> Document:
    path = tmp_path / name
    path.write_text(HEAD + schemas, encoding="utf-8")
    return load_document(path, Diagnostics())


def errors(diags: Diagnostics) -> list[Diagnostic]:
    return [d for d in diags if d.level is Level.ERROR]


def policy(doc: Document, **kwargs: Any) -> list[Diagnostic]:
    diags = Diagnostics()
    check_ref_policy(doc, diags, **kwargs)
    return errors(diags)


def all_refs(tree: Any) -> list[str]:
    out: list[str] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                out.append(node["$ref"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out


# --------------------------------------------------------------------------------------------------- B1-B3 policy
def test_b1_remote_ref_is_refused(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "http://169.254.169.254/latest/meta-data/"}\n')
    for allow in (False, True):
        (d,) = policy(doc, allow_file_refs=allow)
        assert (d.code, d.pointer, d.line, d.column) == ("ref-remote", "#/components/schemas/A", 6, 8)
        assert "remote $ref not allowed" in d.message
        assert d.file == str(doc.path)


@pytest.mark.parametrize("ref", ["https://example.com/s.json#/x", "ftp://h/x", "//evil.example/x.yaml",
                                 "urn:x:y", "HTTP://EXAMPLE.COM/", "C:\\x.yaml", "jar:file:/x!/y"])
def test_any_scheme_is_refused(tmp_path: Path, ref: str) -> None:
    doc = spec(tmp_path, f"    A: {{$ref: {json.dumps(ref)}}}\n")
    (d,) = policy(doc, allow_file_refs=True)
    assert d.code == "ref-remote"


def test_b2_file_url_is_refused(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "file:///etc/passwd"}\n')
    for allow in (False, True):
        (d,) = policy(doc, allow_file_refs=allow)
        assert (d.code, d.pointer) == ("ref-remote", "#/components/schemas/A")
        assert "file: $ref not allowed" in d.message


def test_b3_relative_traversal(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "../../../../etc/hostname#/x"}\n')
    (d,) = policy(doc)
    assert (d.code, d.pointer, d.line) == ("ref-external", "#/components/schemas/A", 6)
    assert "external $ref not allowed" in d.message and "--allow-file-refs" in d.message
    (d,) = policy(doc, allow_file_refs=True)
    assert (d.code, d.pointer) == ("ref-escape", "#/components/schemas/A")
    assert "escapes the input directory" in d.message


def test_absolute_path_ref_escapes(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "/etc/passwd"}\n')
    assert [d.code for d in policy(doc)] == ["ref-external"]
    assert [d.code for d in policy(doc, allow_file_refs=True)] == ["ref-escape"]


def test_policy_reports_every_ref_and_accepts_local_ones(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "#/components/schemas/B"}\n    B:\n      properties:\n'
               '        x: {$ref: "other.yaml"}\n        y: {items: {$ref: "http://x/"}}\n'
               '        "$ref": {type: string}\n')
    found = [(d.code, d.pointer) for d in policy(doc)]
    assert found == [("ref-external", "#/components/schemas/B/properties/x"),
                     ("ref-remote", "#/components/schemas/B/properties/y/items")]


def test_policy_on_json_spec_has_positions(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"openapi": "3.1.0",\n "components": {"schemas": {"A": {"$ref": "http://x/"}}}}')
    (d,) = policy(load_document(path, Diagnostics()))
    assert (d.pointer, d.line, d.column) == ("#/components/schemas/A", 2, 34)


def test_empty_ref(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: ""}\n')
    assert [d.code for d in policy(doc)] == ["ref-invalid"]


# --------------------------------------------------------------------------------------------------- B7-B12 local
def test_b7_dangling_ref(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "#/components/schemas/Missing"}\n')
    diags = Diagnostics()
    check_refs(doc, diags)
    (d,) = errors(diags)
    assert (d.code, d.pointer, d.line, d.column) == ("ref-dangling", "#/components/schemas/A", 6, 8)
    assert "#/components/schemas/Missing" in d.message and "#/components/schemas/A" in d.message


def test_b8_alias_cycle(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    B: {$ref: "#/components/schemas/A"}\n    A: {$ref: "#/components/schemas/B"}\n')
    diags = Diagnostics()
    check_refs(doc, diags)
    (d,) = errors(diags)
    assert d.code == "ref-cycle"
    assert "reference cycle A → B → A" in d.message
    assert d.pointer == "#/components/schemas/A"
    assert d.line == 7


def test_b8_self_cycle_and_longer_cycle(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    S: {$ref: "#/components/schemas/S"}\n    X: {$ref: "#/components/schemas/Y"}\n'
               '    Y: {$ref: "#/components/schemas/Z", description: d}\n    Z: {$ref: "#/components/schemas/X"}\n'
               '    W: {$ref: "#/components/schemas/X"}\n')
    diags = Diagnostics()
    check_refs(doc, diags)
    messages = sorted(d.message.split(" (")[0] for d in errors(diags))
    assert messages == ["reference cycle S → S", "reference cycle X → Y → Z → X"]


def test_b8_deref_raises_after_reporting(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "#/components/schemas/B"}\n    B: {$ref: "#/components/schemas/A"}\n')
    diags = Diagnostics()
    resolver = Resolver(doc.data, diags, file=doc.file)
    node = doc.data["components"]["schemas"]["A"]
    with pytest.raises(RefError):
        resolver.deref(node, "#/components/schemas/A")
    with pytest.raises(KeyError):  # RefError is a KeyError: `except KeyError` in callers keeps working
        resolver.deref(node, "#/components/schemas/A")
    assert {d.code for d in diags} == {"ref-cycle"}


def test_b9_legitimate_recursion(tmp_path: Path) -> None:
    doc = spec(tmp_path, "    Node:\n      type: object\n      properties:\n"
               '        next: {$ref: "#/components/schemas/Node"}\n'
               '        children: {type: array, items: {$ref: "#/components/schemas/Node"}}\n')
    diags = Diagnostics()
    resolver = check_refs(doc, diags)
    assert list(diags) == []
    nxt = doc.data["components"]["schemas"]["Node"]["properties"]["next"]
    ptr, node = resolver.deref(nxt, "#/components/schemas/Node/properties/next")
    assert ptr == "#/components/schemas/Node" and node["type"] == "object"


def test_b11_ref_to_non_schema(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "#/info"}\n    B: {properties: {p: {$ref: "#/components/schemas"}}}\n'
               '    C: {$ref: "#/components/schemas/B/properties/p"}\n')
    diags = Diagnostics()
    check_refs(doc, diags)
    found = [(d.code, d.pointer) for d in errors(diags)]
    assert found == [("ref-not-schema", "#/components/schemas/A"),
                     ("ref-not-schema", "#/components/schemas/B/properties/p")]
    assert "ref target #/info is not a schema" in errors(diags)[0].message


def test_b12_long_alias_chain(tmp_path: Path) -> None:
    n = 2000
    lines = [f'    A{i}: {{$ref: "#/components/schemas/A{i + 1}"}}\n' for i in range(1, n)]
    doc = spec(tmp_path, "".join(lines) + f"    A{n}: {{type: string}}\n")
    clock = CpuClock()
    diags = Diagnostics()
    resolver = check_refs(doc, diags)
    assert list(diags) == []
    a1 = doc.data["components"]["schemas"]["A1"]
    assert resolver.deref(a1, "#/components/schemas/A1") == (f"#/components/schemas/A{n}", {"type": "string"})
    chain = resolver.deref_chain(a1, "#/components/schemas/A1")
    assert len(chain.chain) == n
    assert clock.elapsed() < 2.0


def test_b12_long_cycle_without_recursion_error(tmp_path: Path) -> None:
    n = 3000
    lines = [f'    A{i}: {{$ref: "#/components/schemas/A{i % n + 1}"}}\n' for i in range(1, n + 1)]
    doc = spec(tmp_path, "".join(lines))
    diags = Diagnostics()
    check_refs(doc, diags)
    (d,) = errors(diags)
    assert d.code == "ref-cycle"


# --------------------------------------------------------------------------------------------------- resolver
TREE: dict[str, Any] = {
    "components": {"schemas": {
        "a/b": {"type": "string"},
        "t~x": {"type": "integer"},
        "sp ace": {"type": "boolean"},
        "L": {"anyOf": [{"type": "null"}, {"$ref": "#/components/schemas/a~1b", "description": "inner"}]},
        "Outer": {"$ref": "#/components/schemas/L/anyOf/1", "description": "outer", "title": "T"},
    }},
    "list": [1, 2, 3],
}


@pytest.mark.parametrize(("ref", "pointer"), [
    ("#/components/schemas/a~1b", "#/components/schemas/a~1b"),
    ("#/components/schemas/t~0x", "#/components/schemas/t~0x"),
    ("#/components/schemas/sp%20ace", "#/components/schemas/sp ace"),
    ("#/components/schemas/a%7E1b", "#/components/schemas/a~1b"),
    ("#/list/2", "#/list/2"),
    ("#", "#"),
])
def test_resolve_pointer_syntax(ref: str, pointer: str) -> None:
    resolver = Resolver(TREE, Diagnostics())
    ptr, node = resolver.resolve(ref, from_pointer="#/x")
    assert ptr == pointer
    assert node is (TREE if ref == "#" else node)


@pytest.mark.parametrize(("ref", "code"), [
    ("#/list/3", "ref-dangling"), ("#/list/01", "ref-dangling"), ("#/list/-1", "ref-dangling"),
    ("#/components/schemas/a/b", "ref-dangling"), ("#anchor", "ref-invalid"), ("other.yaml#/x", "ref-external"),
])
def test_resolve_failures(ref: str, code: str) -> None:
    diags = Diagnostics()
    resolver = Resolver(TREE, diags, file="spec.yaml")
    with pytest.raises(RefError):
        resolver.resolve(ref, from_pointer="#/here")
    (d,) = errors(diags)
    assert (d.code, d.pointer, d.file) == (code, "#/here", "spec.yaml")
    assert "#/here" in d.message


def test_resolve_is_memoised() -> None:
    resolver = Resolver(TREE, Diagnostics())
    first = resolver.resolve("#/components/schemas/L", from_pointer="#/a")
    assert resolver.resolve("#/components/schemas/L", from_pointer="#/b") is first


def test_dangling_ref_reported_for_each_referrer() -> None:
    diags = Diagnostics()
    resolver = Resolver(TREE, diags)
    for where in ("#/a", "#/b", "#/a"):
        with pytest.raises(RefError):
            resolver.resolve("#/nope", from_pointer=where)
    assert [d.pointer for d in diags] == ["#/a", "#/b"]


def test_deref_chain_siblings() -> None:
    resolver = Resolver(TREE, Diagnostics())
    outer = TREE["components"]["schemas"]["Outer"]
    result = resolver.deref_chain(outer, "#/components/schemas/Outer")
    assert result == Deref("#/components/schemas/a~1b", {"type": "string"},
                           ("#/components/schemas/Outer", "#/components/schemas/L/anyOf/1",
                            "#/components/schemas/a~1b"),
                           {"description": "outer", "title": "T"})
    assert resolver.deref(outer, "#/components/schemas/Outer") == ("#/components/schemas/a~1b", {"type": "string"})


def test_deref_of_non_ref_is_identity() -> None:
    resolver = Resolver(TREE, Diagnostics())
    node = TREE["components"]["schemas"]["L"]
    assert resolver.deref(node, "#/x") == ("#/x", node)
    assert resolver.deref("text", "#/y") == ("#/y", "text")


@pytest.mark.parametrize(("pointer", "expected"), [
    ("#/components/schemas/A", True),
    ("#/components/schemas/A/properties/b", True),
    ("#/components/schemas/A/properties/b/items/anyOf/0/additionalProperties", True),
    ("#/components/schemas/A/properties/schema", True),
    ("#/components/schemas/A/properties", False),
    ("#/components/schemas/A/description", False),
    ("#/components/schemas", False),
    ("#/components/schemas/A/allOf", False),
    ("#/components/schemas/A/prefixItems/2", True),
    ("#/components/schemas/A/$defs/x/not", True),
    ("#/paths/~1pets/get/responses/200/content/application~1json/schema", True),
    ("#/paths/~1pets/get/parameters/0/schema/items", True),
    ("#/components/parameters/P/schema", True),
    ("#/components/headers/H/schema", True),
    ("#/components/examples/schema", False),
    ("#/info", False),
    ("#/paths/~1pets/get/parameters/0", False),
    ("#/webhooks/w/post/requestBody/content/application~1json/schema", True),
])
def test_is_schema_position(pointer: str, expected: bool) -> None:
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    assert is_schema_position(tokens) is expected


@pytest.mark.parametrize(("tokens", "section"), [
    (("components", "schemas", "A", "properties", "x"), "schemas"),
    (("paths", "/a", "get", "parameters", "0"), "parameters"),
    (("paths", "/a", "get", "responses", "200"), "responses"),
    (("paths", "/a", "get", "requestBody"), "requestBodies"),
    (("components", "responses", "R", "headers", "X-Rate"), "headers"),
    (("components", "securitySchemes", "key"), "securitySchemes"),
    (("paths", "/a", "get"), None),
    (("tags", "0", "description"), None),
])
def test_ref_section(tokens: tuple[str, ...], section: str | None) -> None:
    assert ref_section(tokens) == section


# --------------------------------------------------------------------------------------------------- bundling
def make_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "api" / "openapi.yaml"


MULTI = {
    "api/openapi.yaml": """\
openapi: 3.0.3
info: {title: t, version: "1", description: {$ref: "text.yaml#/intro"}}
tags:
  - name: pets
    description: {$ref: "text.yaml#/pets"}
paths:
  /pets:
    get: {$ref: "ops/list.yaml"}
  /pets/{id}:
    $ref: "ops/item.yaml"
components:
  schemas:
    Pet: {$ref: "models/pet.yaml"}
    Local: {type: string}
    Error: {$ref: "models/pet.yaml#/definitions/Error"}
""",
    "api/text.yaml": "intro: Hello\npets: All about pets\n",
    "api/ops/list.yaml": """\
operationId: listPets
parameters:
  - $ref: "../params.yaml#/limit"
responses:
  "200":
    description: ok
    content:
      application/json:
        schema:
          type: array
          items: {$ref: "../models/pet.yaml", description: a pet}
  default: {$ref: "../responses.yaml#/Error"}
""",
    "api/ops/item.yaml": """\
get:
  operationId: getPet
  responses:
    "200":
      description: ok
      content:
        application/json:
          schema: {$ref: "../openapi.yaml#/components/schemas/Local"}
""",
    "api/params.yaml": "limit: {name: limit, in: query, schema: {type: integer}}\n",
    "api/responses.yaml": """\
Error:
  description: error
  content:
    application/json:
      schema: {$ref: "models/pet.yaml#/definitions/Error"}
""",
    "api/models/pet.yaml": """\
type: object
properties:
  id: {type: integer}
  kind: {$ref: "#/definitions/Kind"}
  owner: {$ref: "owner/person.yaml"}
discriminator:
  propertyName: kind
  mapping:
    dog: "dog.yaml"
    cat: "#/definitions/Kind"
    plain: Local
definitions:
  Kind: {type: string, enum: [dog, cat]}
  Error: {type: object, properties: {message: {type: string}}}
""",
    "api/models/dog.yaml": "type: object\nproperties: {barks: {type: boolean}}\n",
    "api/models/owner/person.yaml": "type: object\nproperties: {name: {type: string}, pet: {$ref: '../pet.yaml'}}\n",
}


def bundle(path: Path) -> tuple[Document, Diagnostics]:
    diags = Diagnostics()
    doc = load_document(path, diags)
    check_ref_policy(doc, diags, allow_file_refs=True)
    assert not diags.has_errors, list(diags)
    return bundle_external_refs(doc, diags), diags


def test_bundle_multi_file_spec(tmp_path: Path) -> None:
    result, _ = bundle(make_tree(tmp_path, MULTI))
    data = result.data
    assert all(r.startswith("#/") for r in all_refs(data))
    assert policy(result) == []
    schemas = data["components"]["schemas"]
    # the component entry that *is* a pure file ref takes the file's content under its own name
    assert schemas["Pet"]["type"] == "object"
    assert schemas["Pet"]["properties"]["kind"] == {"$ref": "#/components/schemas/Kind"}
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/person"}
    assert schemas["person"]["properties"]["pet"] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Kind"] == {"type": "string", "enum": ["dog", "cat"]}
    assert schemas["Error"]["properties"]["message"] == {"type": "string"}
    assert schemas["Pet"]["discriminator"]["mapping"] == {
        "dog": "#/components/schemas/dog", "cat": "#/components/schemas/Kind", "plain": "Local"}
    assert schemas["dog"]["properties"]["barks"] == {"type": "boolean"}
    # non-component positions are inlined
    assert data["info"]["description"] == "Hello"
    assert data["tags"][0]["description"] == "All about pets"
    op = data["paths"]["/pets"]["get"]
    assert op["operationId"] == "listPets"
    assert op["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    assert data["components"]["parameters"]["limit"]["name"] == "limit"
    assert op["responses"]["default"] == {"$ref": "#/components/responses/Error"}
    assert data["components"]["responses"]["Error"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"}
    items = op["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    assert items == {"$ref": "#/components/schemas/Pet", "description": "a pet"}
    item_schema = data["paths"]["/pets/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert item_schema == {"$ref": "#/components/schemas/Local"}
    assert data["x-typegen-bundled"]["#/components/schemas/Pet"] == "models/pet.yaml"
    assert data["x-typegen-bundled"]["#/components/schemas/Kind"] == "models/pet.yaml#/definitions/Kind"
    # and the result resolves cleanly
    check = Diagnostics()
    check_refs(result, check)
    assert list(check) == []
    assert result.sha256 != load_document(result.path, Diagnostics()).sha256


def test_bundle_is_deterministic_and_does_not_mutate_inputs(tmp_path: Path) -> None:
    path = make_tree(tmp_path, MULTI)
    before = json.dumps(load_document(path, Diagnostics()).data)
    diags = Diagnostics()
    doc = load_document(path, diags)
    first = bundle_external_refs(doc, diags)
    assert json.dumps(doc.data) == before
    second, _ = bundle(path)
    assert json.dumps(first.data) == json.dumps(second.data)
    assert first.sha256 == second.sha256


def test_bundle_sha_changes_with_an_external_file(tmp_path: Path) -> None:
    path = make_tree(tmp_path, MULTI)
    first, _ = bundle(path)
    (tmp_path / "api/models/dog.yaml").write_text("type: object\n")
    second, _ = bundle(path)
    assert first.sha256 != second.sha256


def test_bundle_name_collisions(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    pet: {type: string}\n"
                            "    A: {properties: {x: {$ref: 'a/pet.yaml'}, y: {$ref: 'b/pet.yaml'},"
                            " z: {$ref: 'c/x.yaml#/pet'}, w: {$ref: 'a/pet.yaml'}}}\n",
        "api/a/pet.yaml": "type: integer\n",
        "api/b/pet.yaml": "type: boolean\n",
        "api/c/x.yaml": "pet: {type: number}\n",
    })
    data = bundle(path)[0].data
    props = data["components"]["schemas"]["A"]["properties"]
    assert [props[k]["$ref"] for k in "xyzw"] == ["#/components/schemas/pet_2", "#/components/schemas/pet_3",
                                                  "#/components/schemas/pet_4", "#/components/schemas/pet_2"]
    assert data["components"]["schemas"]["pet"] == {"type": "string"}
    assert data["components"]["schemas"]["pet_3"] == {"type": "boolean"}


def test_bundle_refuses_escapes_and_symlinks(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: {type: string}\n")
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'link.yaml#/secret'}\n"
                            "    B: {$ref: 'sub/inner.yaml'}\n",
        "api/sub/inner.yaml": "properties: {x: {$ref: '../../outside.yaml#/secret'}}\n",
    })
    (tmp_path / "api" / "link.yaml").symlink_to(outside)
    diags = Diagnostics()
    doc = load_document(path, diags)
    with pytest.raises(TypegenError):
        bundle_external_refs(doc, diags)
    found = sorted((d.code, d.pointer, Path(d.file).name) for d in errors(diags))
    assert found == [("ref-escape", "#/components/schemas/A", "openapi.yaml"),
                     ("ref-escape", "#/properties/x", "inner.yaml")]


def test_bundle_symlink_inside_the_tree_is_fine(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'alias.yaml'}\n",
        "api/models/real.yaml": "type: string\n",
    })
    (tmp_path / "api" / "alias.yaml").symlink_to(tmp_path / "api/models/real.yaml")
    assert bundle(path)[0].data["components"]["schemas"]["A"] == {"type": "string"}


def test_bundle_opens_nothing_outside_the_tree(tmp_path: Path) -> None:
    """B2/B3 with --allow-file-refs, in a subprocess with an audit hook: no open() of the named paths."""
    make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n"
                            "    A: {$ref: 'file:///etc/passwd'}\n    B: {$ref: '../../../../etc/hostname#/x'}\n"
                            "    C: {$ref: 'host.yaml'}\n    D: {$ref: '/etc/passwd'}\n"
                            "    E: {$ref: '%2E%2E/%2E%2E/%2E%2E/etc/passwd'}\n",
    })
    (tmp_path / "api" / "host.yaml").symlink_to("/etc/hostname")
    script = textwrap.dedent("""
        import sys
        opened = []
        sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == "open" and "/etc/" in str(a[0]) else None)
        from pathlib import Path
        from generator.load.reader import load_document
        from generator.load.bundle import bundle_external_refs
        from generator.diagnostics import Diagnostics, TypegenError
        diags = Diagnostics()
        try:
            bundle_external_refs(load_document(Path("api/openapi.yaml"), diags), diags)
        except TypegenError:
            pass
        print(sorted(d.code for d in diags), opened)
    """)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['ref-escape', 'ref-escape', 'ref-escape', 'ref-escape', 'ref-remote'] []"


def test_bundle_missing_file_and_dangling_fragment(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'nope.yaml'}\n"
                            "    B: {properties: {p: {$ref: 'm.yaml#/missing'}}}\n",
        "api/m.yaml": "present: {type: string}\n",
    })
    diags = Diagnostics()
    with pytest.raises(TypegenError):
        bundle_external_refs(load_document(path, diags), diags)
    found = [(d.code, d.pointer, d.line) for d in errors(diags)]
    assert ("ref-missing-file", "#/components/schemas/A", 5) in found
    assert ("ref-dangling", "#/components/schemas/B/properties/p", 6) in found
    assert any("m.yaml#/missing" in d.message for d in errors(diags))


def test_bundle_hardened_loading_of_external_files(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'evil.yaml'}\n",
        "api/evil.yaml": "x: !!python/object/apply:os.system [id]\n",
    })
    diags = Diagnostics()
    with pytest.raises(TypegenError):
        bundle_external_refs(load_document(path, diags), diags)
    (d,) = errors(diags)
    assert (d.code, d.pointer, Path(d.file).name) == ("yaml-tag", "#/x", "evil.yaml")


def test_bundle_remote_ref_in_external_file(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'm.yaml'}\n",
        "api/m.yaml": "properties:\n  x: {$ref: 'http://169.254.169.254/'}\n",
    })
    diags = Diagnostics()
    with pytest.raises(TypegenError):
        bundle_external_refs(load_document(path, diags), diags)
    (d,) = errors(diags)
    assert (d.code, d.pointer, Path(d.file).name, d.line) == ("ref-remote", "#/properties/x", "m.yaml", 2)


def test_bundle_inline_cycle(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths:\n  /a:\n    get: {$ref: 'op.yaml'}\n",
        "api/op.yaml": "$ref: 'op2.yaml'\n",
        "api/op2.yaml": "$ref: 'op.yaml'\n",
    })
    diags = Diagnostics()
    with pytest.raises(TypegenError):
        bundle_external_refs(load_document(path, diags), diags)
    assert [d.code for d in errors(diags)] == ["ref-cycle"]


def test_bundle_recursive_schema_files(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n    Tree: {$ref: 'tree.yaml'}\n",
        "api/tree.yaml": "type: object\nproperties:\n  kids: {type: array, items: {$ref: 'tree.yaml'}}\n",
    })
    schemas = bundle(path)[0].data["components"]["schemas"]
    assert schemas["Tree"]["properties"]["kids"]["items"] == {"$ref": "#/components/schemas/Tree"}
    assert list(schemas) == ["Tree"]


def test_bundle_component_entries_claim_their_targets(tmp_path: Path) -> None:
    path = make_tree(tmp_path, {
        "api/openapi.yaml": "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n"
                            "          description: ok\n          content:\n            application/json:\n"
                            "              schema: {$ref: 'm/pet.yaml'}\n"
                            "components:\n  schemas:\n    Pet: {$ref: 'm/pet.yaml'}\n    Other: {$ref: 'm/pet.yaml'}\n",
        "api/m/pet.yaml": "type: object\n",
    })
    data = bundle(path)[0].data
    schemas = data["components"]["schemas"]
    assert schemas == {"Pet": {"type": "object"}, "Other": {"$ref": "#/components/schemas/Pet"}}
    media = data["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["schema"] == {"$ref": "#/components/schemas/Pet"}


def test_bundle_without_external_refs_is_a_copy(tmp_path: Path) -> None:
    doc = spec(tmp_path, '    A: {$ref: "#/components/schemas/B"}\n    B: {type: string}\n')
    result = bundle_external_refs(doc, Diagnostics())
    assert result.data == doc.data and result.data is not doc.data
    assert "x-typegen-bundled" not in result.data


def test_digitalocean_multi_file_spec(shared_dir: Path) -> None:
    path = shared_dir / "corpus/digitalocean/specification/DigitalOcean-public.v2.yaml"
    diags = Diagnostics()
    doc = load_document(path, diags)
    check_ref_policy(doc, diags)
    assert {d.code for d in diags} == {"ref-external"}
    assert len(errors(diags)) > 600
    clock = CpuClock()
    result, _ = bundle(path)
    elapsed = clock.elapsed()
    assert all(r.startswith("#/") for r in all_refs(result.data))
    check = Diagnostics()
    check_refs(result, check)
    assert list(check) == []
    assert len(result.data["components"]["schemas"]) > 500
    assert isinstance(result.data["tags"][0]["description"], str)
    assert elapsed < 20  # typically ~0.8 s for ~2,850 files (code samples in x-codeSamples included)


def test_corpus_specs_pass_policy_and_refs(shared_dir: Path) -> None:
    paths = sorted(p for p in (shared_dir / "corpus").iterdir() if p.suffix in (".yaml", ".json"))
    paths += [shared_dir / "openai/openapi.transformed.yml", shared_dir / "llama-stack/openapi.yml"]
    for path in paths:
        diags = Diagnostics()
        doc = load_document(path, diags)
        check_ref_policy(doc, diags)
        check_refs(doc, diags)
        assert list(diags) == [], (path, list(diags)[:3])


def test_symlinked_root_dir(tmp_path: Path) -> None:
    """The root directory itself may be reached through a symlink."""
    make_tree(tmp_path / "real", {"api/openapi.yaml": "openapi: 3.0.3\npaths: {}\ncomponents:\n  schemas:\n"
                                                     "    A: {$ref: 'a.yaml'}\n", "api/a.yaml": "type: string\n"})
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert bundle(tmp_path / "link/api/openapi.yaml")[0].data["components"]["schemas"]["A"] == {"type": "string"}
