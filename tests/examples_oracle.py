"""The examples oracle: request examples written by API authors must type-check against the generated params.

For each spec, zero-config generation runs in memory; every request example the spec carries for an operation
that got a params module (``requestBody.content.<media>.example``, ``...examples.<name>.value``, and the body
schema's own ``example`` / ``examples``) is

1. validated against the spec's own body schema with ``jsonschema`` (2020-12; a 3.0 document's ``nullable`` and
   boolean ``exclusiveMinimum``/``exclusiveMaximum`` are translated first). Invalid ones are the spec's mistakes:
   counted separately, never typed. Valid ones whose objects carry keys the schema does not declare (legal in
   JSON Schema, not expressible in a closed TypedDict) are counted as ``undeclared`` and not typed either;
2. written as a typed assignment ``e<N>: SomeCreateParams = {...}`` (one line each; required path/query/header
   params the body example cannot hold are filled with a value of their declared type) into one file per spec;
3. mutated: each scalar whose schema allows exactly one JSON type gets a value of another type (kept only when
   the mutant is invalid against the schema; elements of arrays of strings are not mutated: the SDK's
   ``SequenceNotStr[str]`` protocol lets mypy accept any element, an SDK convention);

then ``mypy --strict`` runs once over all files. Accepted examples and rejected mutants are counted from the lines
mypy reports. Run as a script for the numbers: ``python tests/examples_oracle.py [OUT_DIR]``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.model.sdkrules import python_key

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))
DIGITALOCEAN = "digitalocean/specification/DigitalOcean-public.v2.yaml"
BODY_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
JSON = Any


def oracle_specs(shared: Path = SHARED) -> list[tuple[str, Path, bool]]:
    corpus = sorted(p for p in (shared / "corpus").glob("*") if p.suffix in (".yaml", ".json"))
    out = [(p.stem, p, False) for p in corpus]
    out.append(("digitalocean", shared / "corpus" / DIGITALOCEAN, True))
    out.append(("openai", shared / "openai" / "openapi.yaml", False))
    return out


@dataclass
class Counts:
    examples: int = 0
    invalid: int = 0  # the spec's own mistakes
    undeclared: int = 0  # valid, but with keys no schema declares
    not_object: int = 0  # valid, for a body that is not an object (the params type has no body fields)
    typed: int = 0
    rejected: list[str] = field(default_factory=list)
    mutants: int = 0
    mutants_accepted: list[str] = field(default_factory=list)
    read_only_required: list[str] = field(default_factory=list)  # readOnly properties typed Required

    def add(self, other: Counts) -> None:
        self.examples += other.examples
        self.invalid += other.invalid
        self.undeclared += other.undeclared
        self.not_object += other.not_object
        self.typed += other.typed
        self.rejected += other.rejected
        self.mutants += other.mutants
        self.mutants_accepted += other.mutants_accepted
        self.read_only_required += other.read_only_required


# ---------------------------------------------------------------------------------------------- JSON Schema
def _to_2020(node: JSON, openapi30: bool) -> JSON:
    """A copy of the spec in which 3.0 schema dialect is written as JSON Schema 2020-12."""
    if isinstance(node, list):
        return [_to_2020(v, openapi30) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _to_2020(v, openapi30) for k, v in node.items()}
    if openapi30:
        for key, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if isinstance(out.get(key), bool):
                if out[key] and bound in out:
                    out[key] = out.pop(bound)
                else:
                    del out[key]
        if out.get("nullable") is True:
            t = out.get("type")
            if isinstance(t, str):
                out["type"] = [t, "null"]
            if isinstance(out.get("enum"), list) and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
            if "type" not in out and ("$ref" in out or "allOf" in out or "oneOf" in out or "anyOf" in out):
                inner = {k: v for k, v in out.items() if k not in ("nullable", "description")}
                out = {"anyOf": [inner, {"type": "null"}]}
        if isinstance(out.get("$ref"), str) and len(out) > 1:  # 3.0: siblings of $ref are ignored
            out = {"$ref": out["$ref"]}
    return out


class SchemaCheck:
    def __init__(self, spec: JSON) -> None:
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        version = str(spec.get("openapi", ""))
        self.doc = _to_2020(spec, version.startswith("3.0"))
        self.registry = Registry().with_resource("urn:spec", Resource(self.doc, DRAFT202012))
        self.cls = Draft202012Validator
        self._validators: dict[str, Any] = {}

    def valid(self, pointer: str, value: JSON) -> bool:
        v = self._validators.get(pointer)
        if v is None:
            v = self._validators[pointer] = self.cls({"$ref": "urn:spec" + pointer}, registry=self.registry)
        try:
            return bool(v.is_valid(value))
        except Exception:  # an unresolvable or unsupported construct: not the generator's concern
            return False

    def node(self, pointer: str) -> JSON:
        cur = self.doc
        for token in pointer.lstrip("#/").split("/") if pointer != "#" else []:
            token = token.replace("~1", "/").replace("~0", "~")
            cur = cur[int(token)] if isinstance(cur, list) else cur[token]
        return cur

    def deref(self, node: JSON, depth: int = 0) -> JSON:
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and depth < 50:
            ref = node["$ref"]
            if not ref.startswith("#"):
                return {}
            try:
                node = self.node(ref)
            except (KeyError, IndexError, ValueError):
                return {}
            depth += 1
        return node


def _ptr(*tokens: str | int) -> str:
    return "#" + "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


# ---------------------------------------------------------------------------------------------- walking
def declared_ok(check: SchemaCheck, schema: JSON, value: JSON, depth: int = 0) -> bool:
    """False when an object in ``value`` carries a key that no schema at its position declares."""
    if depth > 40:
        return True
    schema = check.deref(schema)
    if not isinstance(schema, Mapping):
        return True
    if isinstance(value, dict):
        props, open_ = _props(check, schema)
        if props is None:
            return True
        for k, v in value.items():
            if k not in props:
                if not open_:
                    return False
                continue
            if not any(declared_ok(check, s, v, depth + 1) for s in props[k]):
                return False
        return True
    if isinstance(value, list):
        items = _item_schemas(check, schema)
        return all(any(declared_ok(check, s, v, depth + 1) for s in items) for v in value) if items else True
    return True


def _props(check: SchemaCheck, schema: Mapping[str, JSON], depth: int = 0) -> tuple[dict[str, list[JSON]] | None, bool]:
    """Property name -> candidate schemas, over allOf/anyOf/oneOf; and whether other keys are declared too
    (additionalProperties / patternProperties). None when the schema says nothing about properties."""
    props: dict[str, list[JSON]] = {}
    open_ = False
    seen = False
    stack = [(schema, 0)]
    while stack:
        s, d = stack.pop()
        s = check.deref(s)
        if not isinstance(s, Mapping) or d > 20:
            continue
        if isinstance(s.get("properties"), Mapping):
            seen = True
            for k, v in s["properties"].items():
                props.setdefault(k, []).append(v)
        ap = s.get("additionalProperties")
        if (ap is not None and ap is not False) or "patternProperties" in s:
            open_ = True
            seen = True
        for key in ("allOf", "anyOf", "oneOf"):
            for m in s.get(key) or []:
                stack.append((m, d + 1))
    return (props if seen else None), open_


def sdk_keys(check: SchemaCheck, schema: JSON, value: JSON, depth: int = 0) -> JSON:
    """The example as an SDK user writes it: each declared key under its Python name (the generator's own
    ``python_key`` rule: ``AccountID`` → ``account_id``, sent under the wire name as an alias; two keys with one
    Python name both keep their wire names); map keys and undeclared keys as they are."""
    schema = check.deref(schema)
    if depth > 40 or not isinstance(schema, Mapping):
        return value
    if isinstance(value, list):
        items = _item_schemas(check, schema)
        return [sdk_keys(check, items[0], v, depth + 1) for v in value] if items else value
    if not isinstance(value, dict):
        return value
    props, _ = _props(check, schema)
    if props is None:
        return value
    names = {k: python_key(k) for k in props}
    taken = Counter(names.values())
    out: dict[str, JSON] = {}
    for k, v in value.items():
        if k not in props:
            out[k] = v
            continue
        key = names[k] if taken[names[k]] == 1 else k
        out[key] = sdk_keys(check, props[k][0], v, depth + 1)
    return out


def _item_schemas(check: SchemaCheck, schema: Mapping[str, JSON]) -> list[JSON]:
    items = [check.deref(schema.get("items"))] if "items" in schema else []
    for key in ("anyOf", "oneOf", "allOf"):
        for m in schema.get(key) or []:
            m = check.deref(m)
            if isinstance(m, Mapping) and "items" in m:
                items.append(m["items"])
    return items


_MUTATE = {"string": 12345, "integer": "12345", "number": "12345", "boolean": "true"}


def mutants(check: SchemaCheck, schema: JSON, value: JSON, depth: int = 0) -> Iterator[tuple[str, JSON]]:
    """(where, mutated copy of ``value``): one scalar changed to another JSON type where the schema at its position
    (through $ref, allOf and properties/items only) allows exactly one type."""
    schema = check.deref(schema)
    if not isinstance(schema, Mapping) or depth > 40:
        return
    if "anyOf" in schema or "oneOf" in schema:
        return
    if isinstance(value, dict):
        cands: dict[str, JSON] = {}
        for s in [schema, *[check.deref(m) for m in schema.get("allOf") or []]]:
            if isinstance(s, Mapping) and isinstance(s.get("properties"), Mapping):
                cands.update(s["properties"])
        for k, v in value.items():
            if k in cands:
                for where, m in mutants(check, cands[k], v, depth + 1):
                    yield f"{k}.{where}" if where else k, {**value, k: m}
        return
    if isinstance(value, list):
        items = check.deref(schema.get("items"))
        if not isinstance(items, Mapping) or _one_type(items) == "string":
            return  # SequenceNotStr[str] accepts any element (an SDK convention): not a mutant the type can catch
        for i, v in enumerate(value[:3]):
            for where, m in mutants(check, items, v, depth + 1):
                yield f"[{i}].{where}" if where else f"[{i}]", [*value[:i], m, *value[i + 1:]]
        return
    t = _one_type(schema)
    if t in _MUTATE and not isinstance(value, dict | list) and value is not None:
        yield "", _MUTATE[t]


def _one_type(schema: Mapping[str, JSON]) -> str | None:
    t = schema.get("type")
    if isinstance(t, list):
        t = t[0] if len(t) == 1 else None
    if not isinstance(t, str) or ("enum" in schema and None in (schema.get("enum") or [])):
        return None
    return t


# ---------------------------------------------------------------------------------------------- examples
def request_examples(check: SchemaCheck, spec: JSON, path: str, method: str) -> tuple[str, list[JSON]]:
    """(schema pointer, examples) of the JSON-ish body the generator types for one operation."""
    op = spec["paths"][path][method]
    body = op.get("requestBody")
    bptr = _ptr("paths", path, method, "requestBody")
    if isinstance(body, Mapping) and isinstance(body.get("$ref"), str):
        bptr, body = body["$ref"], check.deref(body)
    if not isinstance(body, Mapping) or not isinstance(body.get("content"), Mapping):
        return "", []
    content = body["content"]
    media = next((m for m in BODY_TYPES if m in content), None) or next(iter(content), None)
    if media is None or not isinstance(content[media], Mapping) or "schema" not in content[media]:
        return "", []
    mt = content[media]
    found: list[JSON] = []
    if "example" in mt:
        found.append(mt["example"])
    if isinstance(mt.get("examples"), Mapping):
        for ex in mt["examples"].values():
            ex = check.deref(ex)
            if isinstance(ex, Mapping) and "value" in ex:
                found.append(ex["value"])
    schema = mt["schema"]
    seen = 0
    while isinstance(schema, Mapping) and seen < 20:
        seen += 1
        if "example" in schema:
            found.append(schema["example"])
        if isinstance(schema.get("examples"), list):
            found.extend(schema["examples"])
        if not isinstance(schema.get("$ref"), str):
            break
        schema = check.deref({"$ref": schema["$ref"]})
    sptr = bptr + "/content/" + media.replace("~", "~0").replace("/", "~1") + "/schema"
    return sptr, found


def py_literal(value: JSON) -> str:
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int | float | str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {py_literal(v)}" for k, v in value.items()) + "}"
    return repr(str(value))


def _fill(schema: JSON, check: SchemaCheck, depth: int = 0) -> JSON:
    schema = check.deref(schema)
    if not isinstance(schema, Mapping) or depth > 5:
        return "x"
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return _fill(schema[key][0], check, depth + 1)
    t = _one_type(schema) or (schema.get("type") or ["string"])[0]
    return {"string": "x", "integer": 1, "number": 1.5, "boolean": True, "array": [], "object": {}}.get(t, "x")


# ---------------------------------------------------------------------------------------------- run
@dataclass
class SpecLines:
    lines: list[str]
    kinds: dict[int, tuple[str, str]]  # line -> ("example" | "mutant", description)


def spec_file(label: str, result: Any, check: SchemaCheck, counts: Counts) -> SpecLines:
    project, spec = result.project, result.spec
    modules = {m.path: m for m in project.modules}
    lines = ["from typing import Any", ""]
    kinds: dict[int, tuple[str, str]] = {}
    n = 0
    for op in project.operations:
        if op.params_module is None or modules[op.params_module].path_only:
            continue
        sptr, examples = request_examples(check, spec, op.path, op.http_method)
        if not examples:
            continue
        module = modules[op.params_module]
        cls = module.main_name
        if module.streaming is not None:
            cls = module.streaming.union
        extra: dict[str, JSON] = {}
        # a body that is no object is the params type's `body` field (generator/model/build.py `_value_body`)
        value_body = any(f.wire_name == "body" and f.location == "body" for d in module.definitions
                         if d.name in (module.main_name, getattr(module.streaming, "base", None))
                         for f in getattr(d, "fields", None) or [])
        for d in module.definitions:
            for f in getattr(d, "fields", None) or []:
                if f.location != "body" and f.required and d.name in (module.main_name, getattr(
                        module.streaming, "base", None)):
                    p = _param_schema(check, f.pointer)
                    extra[f.name] = _fill(p, check)
        mod = ".".join((project.package, *op.params_module))
        alias = f"C{len(lines)}"
        lines.append(f"from {mod} import {cls} as {alias}")
        for ex in examples:
            counts.examples += 1
            if not check.valid(sptr, ex):
                counts.invalid += 1
                continue
            if not isinstance(ex, dict) and not value_body:
                counts.not_object += 1
                continue
            if not declared_ok(check, check.node(sptr), ex):
                counts.undeclared += 1
                continue
            counts.typed += 1
            where = f"{label}: {op.http_method} {op.path}"
            ex_py = sdk_keys(check, check.node(sptr), ex)
            ex_py = {"body": ex_py} if value_body else ex_py
            value = {**ex_py, **{k: v for k, v in extra.items() if k not in ex_py}}
            kinds[len(lines) + 1] = ("example", where)
            lines.append(f"e{n}: {alias} = {py_literal(value)}")
            n += 1
            for mwhere, m in mutants(check, check.node(sptr), ex):
                if check.valid(sptr, m):
                    continue
                counts.mutants += 1
                m_py = sdk_keys(check, check.node(sptr), m)
                m_py = {"body": m_py} if value_body else m_py
                mv = {**m_py, **{k: v for k, v in extra.items() if k not in m_py}}
                kinds[len(lines) + 1] = ("mutant", f"{where} {mwhere}")
                lines.append(f"m{n}: {alias} = {py_literal(mv)}")
                n += 1
    return SpecLines(lines, kinds)


def read_only_required(result: Any, check: SchemaCheck) -> list[str]:
    """Fields typed ``Required`` whose schema (through $refs) is ``readOnly``."""
    out = []
    for module in result.project.modules:
        for d in module.definitions:
            for f in getattr(d, "fields", None) or []:
                if not f.required or not f.pointer.startswith("#/"):
                    continue
                node = _param_schema(check, f.pointer)
                for _ in range(20):
                    if not isinstance(node, Mapping) or node.get("readOnly") is True or "$ref" not in node:
                        break
                    node = check.deref({"$ref": node["$ref"]})
                if isinstance(node, Mapping) and node.get("readOnly") is True:
                    out.append(f"{'.'.join(module.path)}.{d.name}.{f.name}")
    return out


def _param_schema(check: SchemaCheck, pointer: str) -> JSON:
    try:
        return check.node(pointer)
    except (KeyError, IndexError, ValueError):
        return {}


def run_oracle(out: Path, specs: list[tuple[str, Path, bool]] | None = None) -> tuple[Counts, dict[str, Counts]]:
    from generator.config.infer import infer_config_data
    from generator.diagnostics import Diagnostics
    from generator.load.reader import load_document
    from generator.pipeline import Options, run

    specs = specs if specs is not None else oracle_specs()
    total = Counts()
    per: dict[str, Counts] = {}
    files: dict[str, tuple[SpecLines, Counts]] = {}
    for i, (label, path, file_refs) in enumerate(specs):
        package = f"ex{i}_" + re.sub(r"\W", "_", label.lower())
        # the zero-config run, request side only: the oracle reads request examples, and the response models
        # would only add modules for mypy to check (tests/test_response_runtime.py is their oracle)
        data = infer_config_data(load_document(path, Diagnostics()).data, Diagnostics(), spec=path.resolve(),
                                 package=package)
        data["typegen"]["response_models"] = False
        config = out / f"config_{package}.yml"
        out.mkdir(parents=True, exist_ok=True)
        config.write_text(yaml.safe_dump(data), encoding="utf-8")
        result = run(Options(config=config, out=out, use_cache=False, allow_file_refs=file_refs), Diagnostics())
        for name, source in result.files.items():
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source)
        check = SchemaCheck(result.spec)
        counts = Counts()
        lines = spec_file(label, result, check, counts)
        counts.read_only_required = read_only_required(result, check)
        per[label] = counts
        files[package] = (lines, counts)
    paths = []
    for package, (lines, _) in files.items():
        p = out / f"examples_{package}.py"
        p.write_text("\n".join(lines.lines) + "\n")
        paths.append(p)
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull,
                        "--no-error-summary", "--hide-error-context", "--show-error-codes",
                        *(p.name for p in paths)], cwd=out, capture_output=True, text=True, check=False)
    bad: dict[str, set[int]] = {}
    for line in r.stdout.splitlines():
        m = re.match(r"(.+?):(\d+): error:", line)
        if m:
            bad.setdefault(Path(m.group(1)).name, set()).add(int(m.group(2)))
    for package, (lines, counts) in files.items():
        errors = bad.get(f"examples_{package}.py", set())
        for line, (kind, where) in lines.kinds.items():
            if kind == "example" and line in errors:
                counts.rejected.append(where)
            elif kind == "mutant" and line not in errors:
                counts.mutants_accepted.append(where)
        total.add(counts)
    other = [line for line in r.stdout.splitlines() if ": error:" in line and "/examples_" not in line
             and not line.startswith("examples_")]
    if other:
        raise AssertionError("mypy --strict fails on generated code:\n" + "\n".join(other[:20]))
    return total, per


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="oracle-"))
    out.mkdir(parents=True, exist_ok=True)
    total, per = run_oracle(out)
    for label, c in per.items():
        print(f"{label:24} examples {c.examples:4}  invalid {c.invalid:3}  undeclared {c.undeclared:3}  "
              f"not-object {c.not_object:2}  typed "
              f"{c.typed:4}  rejected {len(c.rejected):3}  mutants {c.mutants:4}  accepted {len(c.mutants_accepted):3}")
    print(f"TOTAL examples {total.examples} invalid {total.invalid} undeclared {total.undeclared} not-object "
          f"{total.not_object} typed {total.typed} "
          f"rejected {len(total.rejected)} mutants {total.mutants} mutants accepted {len(total.mutants_accepted)}")
    print(f"readOnly properties typed Required: {len(total.read_only_required)}")
    for w in total.rejected[:30]:
        print("rejected:", w)
    for w in total.mutants_accepted[:30]:
        print("mutant accepted:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
