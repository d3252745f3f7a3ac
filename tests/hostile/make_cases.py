"""Writes tests/hostile/cases/* (small inputs) and expected.yaml from the catalogue in ../shared/docs/HOSTILE.md.
The large inputs (A13, A14, F7, G5, B12) are generated at test time by test_hostile.py. Run once; the files are
committed: python tests/hostile/make_cases.py"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"


def wrap(schemas: str, target: str = "Target") -> str:
    """A minimal spec whose one operation sends ``target`` as its JSON body."""
    head = (
        "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\npaths:\n  /things:\n    post:\n"
        "      operationId: createThing\n      requestBody:\n        content:\n          application/json:\n"
        f"            schema: {{$ref: '#/components/schemas/{target}'}}\n"
        "      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n"
    )
    return head + "".join(f"    {line}\n" for line in schemas.strip("\n").splitlines())


E: dict[str, dict[str, object]] = {}


def case(cid: str, text: str | bytes, expect: str, *, ext: str = "yaml", pointer: str = "", code: str = "",
         warn: str = "", config: str = "") -> None:
    path = CASES / f"{cid}.{ext}"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if config:  # a case about the config: generated with --config (the file named in its diagnostics)
        (CASES / f"{cid}.config.yml").write_text(config)
    E[cid] = {"file": path.name, "expect": expect, **({"pointer": pointer} if pointer else {}),
              **({"code": code} if code else {}), **({"warn": warn} if warn else {}),
              **({"config": f"{cid}.config.yml"} if config else {})}


def main() -> None:
    CASES.mkdir(exist_ok=True)
    base = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
    # A. loading
    case("A1", base + 'x: !!python/object/apply:os.system ["id"]\n', "ERR", code="yaml-tag")
    case("A2", base + "components: !include secrets.yaml\n", "ERR", code="yaml-tag")
    laughs = base + 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
    for i, (cur, prev) in enumerate(zip("bcdefghij", "abcdefghi", strict=True)):
        laughs += f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(10)) + "]\n"
        del i
    case("A3", laughs, "ERR", code="yaml-alias")
    case("A5", base + "---\nopenapi: 3.0.0\n", "ERR", code="yaml-multi-doc")
    case("A7", '{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},'
         '"components":{"schemas":{"A":{},"A":{"type":"string"}}}}', "ERR", ext="json",
         pointer="#/components/schemas/A", code="duplicate-key")
    case("A9", wrap("Target:\n  type: object\n  properties:\n    ev: {type: string, format: date, example: 2020-01-01,"
                    " default: 2020-01-01}"), "SAFE")
    case("A11", b"\xef\xbb\xbf" + json.dumps(yaml.safe_load(wrap("Target: {type: object, properties: {a: {type: "
                                                                  "string}}}"))).encode(), "SAFE", ext="json")
    case("A12", wrap("Target: {type: object, description: \"caf\xe9\"}").encode("latin-1"), "ERR",
         code="load-encoding")
    case("A15", wrap("Target: {type: object, properties: {a: {type: integer, maximum: " + "1" * 5000 + "}}}"),
         "ERR", code="number-too-large")
    # B. refs
    case("B1", wrap("Target: {$ref: 'http://169.254.169.254/latest/meta-data/'}"), "ERR",
         pointer="#/components/schemas/Target", code="ref-remote")
    case("B2", wrap("Target: {$ref: 'file:///etc/passwd'}"), "ERR", pointer="#/components/schemas/Target")
    case("B3", wrap("Target: {$ref: '../../../../etc/hostname#/x'}"), "ERR", pointer="#/components/schemas/Target",
         code="ref-external")
    case("B7", wrap("Target: {$ref: '#/components/schemas/Missing'}"), "ERR", pointer="#/components/schemas/Target",
         code="ref-dangling")
    case("B8", wrap("Target: {$ref: '#/components/schemas/B'}\nB: {$ref: '#/components/schemas/Target'}"), "ERR",
         code="ref-cycle")
    case("B9", wrap("Target:\n  type: object\n  properties:\n    next: {$ref: '#/components/schemas/Target'}\n"
                    "    value: {type: string}"), "SAFE")
    case("B11", wrap("Target: {$ref: '#/info'}"), "ERR", code="ref-not-schema")
    # C. names that become files and classes
    case("C1", wrap("Target: {type: object, properties: {e: {$ref: '#/components/schemas/~1..~1..~1evil'}}}\n"
                    "'/../../evil': {type: object, properties: {a: {type: string}}}").replace(
        "operationId: createThing", "operationId: ../../../tmp/x\n      tags: ['../../../tmp/x']"), "SAFE")
    case("C3", wrap("Target: {type: object, properties: {e: {$ref: '#/components/schemas/~1etc~1cron.d~1job'}}}\n"
                    "/etc/cron.d/job: {type: object, properties: {a: {type: string}}}"), "SAFE")
    case("C4", wrap("Target: {type: object, properties: {x: {$ref: '#/components/schemas/!!!'}, "
                    "y: {$ref: '#/components/schemas/___'}}}\n'!!!': {type: object, properties: {a: {type: string}}}"
                    "\n___: {type: object, properties: {b: {type: string}}}"), "SAFE")
    case("C6", wrap("Target:\n  type: object\n  properties:\n" + "".join(
        f"    p{i}: {{$ref: '#/components/schemas/{n}'}}\n" for i, n in enumerate(
            ["Foo-Bar", "Foo_Bar", "foo.bar", "FooBar"])) + "".join(
        f"{n}: {{type: object, properties: {{v{i}: {{type: string}}}}}}\n" for i, n in enumerate(
            ["Foo-Bar", "Foo_Bar", "foo.bar", "FooBar"]))), "SAFE")
    case("C8", wrap("Target:\n  type: object\n  properties:\n" + "".join(
        f"    p{i}: {{$ref: '#/components/schemas/{n}'}}\n" for i, n in enumerate(
            ["class", "None", "True", "str", "list"])) + "".join(
        f"'{n}': {{type: object, properties: {{name: {{type: string}}}}}}\n" for n in
        ["class", "None", "True", "str", "list"])), "SAFE")
    case("C9", wrap("Target: {type: object, properties: {t: {$ref: '#/components/schemas/2FA'}}}\n"
                    "2FA: {type: object, properties: {code: {type: string}}}"), "SAFE")
    long_name = "A" * 300
    case("C10", wrap(f"Target: {{type: object, properties: {{t: {{$ref: '#/components/schemas/{long_name}'}}}}}}\n"
                     f"{long_name}: {{type: object, properties: {{x: {{type: string}}}}}}"), "SAFE")
    # D. property names
    case("D1", wrap("Target: {type: object, properties: {from: {type: string}, class: {type: integer}, import: {}}}"),
         "SAFE")
    case("D2", wrap("Target: {type: object, properties: {'x-y': {}, '@odata.etag': {}, 'a b': {}, '': {}, '1st': {},"
                    " '$type': {}}}"), "SAFE")
    case("D5", json.dumps(yaml.safe_load(wrap("Target: {type: object}"))).replace(
        '"type": "object"}', '"type": "object", "properties": {"it\'s": {}, "a\\"b": {}, "line\\nbreak": {}, '
        '"back\\\\": {}}}'), "SAFE", ext="json")
    case("D6", wrap("Target: {type: object, properties: {match: {}, case: {}, type: {}, _: {}}}"), "SAFE")
    case("D7", wrap("Target: {type: object, properties: {\"a': int, 'b\": {type: string}}}"), "SAFE")
    # E. free text
    case("E1", wrap("Target: {type: object, description: \"x\\\"\\\"\\\"; __import__('os').system('id'); \\\"\\\"\\\"\","
                    " properties: {a: {type: string, description: \"x\\\"\\\"\\\"; __import__('os').system('id')\"}}}"),
         "SAFE")
    case("E2", wrap("Target: {type: object, description: \"path C:\\\\tmp\\\\\", properties: {a: {type: string, "
                    "description: \"path C:\\\\tmp\\\\\"}}}"), "SAFE")
    case("E5", wrap("Target: {type: object, title: \"Color\\rimport os; os.system('id')\", properties: {a: "
                    "{type: string, title: \"Color\\rimport os\"}}}"), "SAFE")
    case("E7", wrap("Target: {type: object, properties: {a: {type: string}}}").replace(
        "title: Hostile", "title: \"API\\n\\nimport os\\nos.system('id')\""), "SAFE")
    case("E8", wrap("Target: {type: object, properties: {a: {type: string, description: '{{ 7*7 }} {% for x in y %}'}}}"),
         "SAFE")
    case("E9", wrap("Target: {type: object, properties: {a: {type: string}}}").replace(
        "version: '1'", "version: \"1.0\\\"; import os; \\\"\""), "SAFE")
    case("E10", wrap("Target: {type: object, properties: {a: {type: string, description: 'see */foo and /*bar'}}}"),
         "SAFE")
    # F. values
    case("F1", wrap("Target: {type: object, properties: {a: {enum: [\"it's\", 'a\"b', '\\', 'x\\']}}}"), "SAFE")
    case("F3", wrap("Target: {type: object, properties: {a: {enum: [1, '1', true, null]}}}"), "SAFE")
    case("F5", wrap("Target: {type: object, properties: {a: {enum: [{a: 1}, [1, 2]]}}}"), "SAFE", warn="enum-widened")
    case("F6", wrap("Target: {type: object, properties: {a: {type: integer, x-python-type: \"int; __import__('os')\","
                    " x-python-import: \"os\\nprint(1)\"}}}"), "SAFE", warn="extension-ignored")
    # G. shape
    case("G1", 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', "ERR", code="spec-version")
    case("G1b", "info: {title: t, version: '1'}\npaths: {}\n", "ERR", code="spec-version")
    case("G2", wrap("Target: {type: object, required: [ghost], properties: {a: {type: string}}}"), "SAFE",
         warn="required-undefined")
    case("G3", wrap("Target:\n  allOf:\n    - {properties: {a: {type: string}}}\n"
                    "    - {properties: {a: {type: integer}}}"), "SAFE", warn="allof-conflict")
    # K. configs that cannot mean what they say (docs/HOSTILE.md, public cases)
    things = wrap("Target: {type: object, properties: {a: {type: string}}}")
    case("K-P1", things, "ERR", pointer="#/targets/python/package_name", code="config-package-shadows-stdlib",
         config="targets: {python: {package_name: json}}\nresources: {things: {methods: {create: post /things}}}\n")
    bulk = things.replace("paths:\n", "paths:\n  /things/bulk:\n    post:\n      requestBody:\n        content:\n"
                          "          application/json:\n            schema: {$ref: '#/components/schemas/Target'}\n"
                          "      responses: {'200': {description: ok}}\n", 1)
    case("K-P2", bulk, "ERR", pointer="#/resources/things/methods/", code="config-module-collision",
         config="targets: {python: {package_name: hostile}}\n"
                "resources: {things: {methods: {create: post /things, Create: post /things/bulk}}}\n")
    (HERE / "expected.yaml").write_text(yaml.safe_dump(E, sort_keys=True, allow_unicode=False))


if __name__ == "__main__":
    main()


# ------------------------------------------------------------------------------------------------------------
# Bad input, spec side (HOSTILE.md kinds I and J; issue 10). Written to expected_bad_input.yaml; the cases run in
# tests/test_hostile.py::test_bad_input_case. Extra fields: `pointer` (WARN: a warning line whose pointer starts
# with it; ERR: in stderr), `keys` (SAFE: the exact key set of the named params class), `args` (extra CLI
# arguments), and a directory case (`file` is `<id>/spec.yaml`) for multi-file specs.
BAD: dict[str, dict[str, object]] = {}


def bad(cid: str, text: str, expect: str, *, pointer: str = "", keys: dict[str, list[str]] | None = None,
        args: list[str] | None = None, extra_files: dict[str, str] | None = None) -> None:
    if extra_files:
        folder = CASES / cid
        folder.mkdir(exist_ok=True)
        (folder / "spec.yaml").write_text(text)
        for rel, content in extra_files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(content)
        name = f"{cid}/spec.yaml"
    else:
        (CASES / f"{cid}.yaml").write_text(text)
        name = f"{cid}.yaml"
    BAD[cid] = {"file": name, "expect": expect, **({"pointer": pointer} if pointer else {}),
                **({"keys": keys} if keys else {}), **({"args": args} if args else {})}


def thing(schemas: str) -> str:
    return wrap(schemas, target="Thing")


def with_params(params: str, body: str = "Thing: {type: object, properties: {a: {type: string}}}") -> str:
    return thing(body).replace("      requestBody:", f"      parameters: {params}\n      requestBody:")


def bad_input_cases() -> None:
    t = "#/components/schemas/Thing"
    # I. schema keywords of the wrong shape
    bad("I-P1", thing("Thing: {type: object, properties: {x: {type: strin}, y: {type: string}}}"), "WARN-OR-ERR",
        pointer=f"{t}/properties/x")
    bad("I-P1b", thing("Thing: {type: objekt, properties: {a: {type: string}}}"), "WARN-OR-ERR", pointer=t)
    bad("I-P1c", thing("Thing: {type: object, properties: {x: {type: [string, nul]}}}"), "WARN-OR-ERR",
        pointer=f"{t}/properties/x")
    bad("I-P2", thing("Thing: {required: yes, properties: {a: {type: string}}}"), "WARN-OR-ERR", pointer=t)
    bad("I-P2b", thing("Thing: {type: object, required: [a, 3], properties: {a: {type: string}}}"), "WARN-OR-ERR",
        pointer=t)
    bad("I-P3", thing("Thing: {type: object, properties: [x, y]}"), "WARN-OR-ERR", pointer=t)
    bad("I-P4", thing("Thing: {type: object, properties: {x: {oneOf: []}, y: {type: string}}}"), "WARN-OR-ERR",
        pointer=f"{t}/properties/x")
    bad("I-P4b", thing("Thing: {type: object, properties: {x: {anyOf: {type: string}}, y: {allOf: []}}}"),
        "WARN-OR-ERR", pointer=f"{t}/properties/x")
    bad("I-P4c", thing("Thing: {type: object, properties: {x: {type: array, items: [{type: string}]}, "
                       "y: {type: object, additionalProperties: 'yes'}, z: {enum: a}}}"), "WARN-OR-ERR",
        pointer=f"{t}/properties/")
    bad("I-P5", thing("Thing: {type: object, properties: {x: {enum: [4.1, 4, '3_lite', 3]}}}"), "SAFE",
        keys={"ThingCreateParams": ["x"]})
    bad("I-P5b", thing("Thing: {type: object, properties: {x: {enum: [1, 1, true, 'a', 'a', null, 2.5, .inf]}, "
                       "y: {const: {k: 1}}, z: {type: number, enum: [1.0, 2.0]}}}"), "SAFE",
        keys={"ThingCreateParams": ["x", "y", "z"]})
    # J. spec structure
    bad("J-P1", "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\npaths:\n  /things: {$ref: './paths/things.yaml'}\n",
        "SAFE", keys={"ThingCreateParams": ["a", "b"]}, args=["--allow-file-refs"], extra_files={
            "paths/things.yaml": "post:\n  operationId: createThing\n  parameters:\n"
                                 "    - {name: b, in: query, schema: {type: integer}}\n  requestBody:\n    content:\n"
                                 "      application/json:\n        schema: {$ref: '../schemas/thing.yaml'}\n"
                                 "  responses: {'200': {description: ok}}\n",
            "schemas/thing.yaml": "type: object\nproperties: {a: {type: string}}\n"})
    bad("J-P1b", "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\npaths:\n"
        "  /things: {$ref: '#/components/pathItems/Things'}\ncomponents:\n  pathItems:\n    Things:\n"
        "      parameters: [{$ref: '#/components/parameters/B'}]\n      post:\n        operationId: createThing\n"
        "        requestBody: {$ref: '#/components/requestBodies/Thing'}\n"
        "        responses: {'200': {description: ok}}\n  parameters:\n    B: {name: b, in: query, schema: {type: integer}}\n"
        "  requestBodies:\n    Thing:\n      content:\n        application/json:\n"
        "          schema: {type: object, properties: {a: {type: string}}}\n", "SAFE",
        keys={"ThingCreateParams": ["a", "b"]})
    bad("J-P2", with_params("[{name: limit, schema: {type: integer}}]"), "WARN-OR-ERR",
        pointer="#/paths/~1things/post/parameters/0")
    bad("J-P3", with_params("[{name: Authorization, in: header, schema: {type: string}}, "
                            "{name: accept, in: header, schema: {type: string}}]"), "SAFE",
        keys={"ThingCreateParams": ["a"]})
    bad("J-P4", with_params("[{name: filter, in: query, content: {application/json: {schema: {type: object, "
                            "properties: {q: {type: string}}}}}}]"), "SAFE", keys={"ThingCreateParams": ["a", "filter"]})
    bad("J-P5", thing("Thing: {type: object, properties: {a: {type: string}}}").replace("    post:", "    trace:"),
        "WARN", pointer="#/paths/~1things/trace")
    bad("J-P6", thing("Thing:\n  oneOf:\n    - {title: By Name, type: object, required: [name], properties: "
                      "{name: {type: string}}}\n    - {title: By Id, type: object, required: [id], properties: "
                      "{id: {type: integer}}}"), "SAFE",
        keys={"ByName": ["name"], "ByID": ["id"]})
    (HERE / "expected_bad_input.yaml").write_text(yaml.safe_dump(BAD, sort_keys=True, allow_unicode=False))


if __name__ == "__main__":
    bad_input_cases()
