"""Arbitrary text in every string slot of a minimal spec (schema and property names, descriptions, titles, enum
values, operationId, tags, info) never produces unsafe or wrong code: generation either succeeds with modules
that compile, whose top level holds only imports/classes/assignments, whose docstrings are plain strings, and
whose TypedDict keys and Literal values equal the spec's text exactly; or it fails with diagnostics."""

from __future__ import annotations

import ast
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics, TypegenError
from generator.pipeline import Options, run

TEXT = st.text(max_size=24) | st.sampled_from(
    ['"""', "\\", "a\r\nb", "\x00", "class", "from", "__init__", "../../etc/x", "a': int, 'b", "*/", "é", "\ud800x"])
ALLOWED_TOP = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.Assign, ast.AnnAssign)


def spec_for(names: dict[str, str], props: list[str], enum: list[str]) -> dict[str, Any]:
    properties: dict[str, Any] = {p: {"type": "string", "description": names["description"]} for p in props}
    properties[props[0]] = {"enum": enum, "description": names["description"]}
    return {
        "openapi": "3.1.0",
        "info": {"title": names["title"], "version": names["version"]},
        "paths": {"/things": {"post": {
            "operationId": names["operation"], "tags": [names["tag"]],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Body"}}}},
            "responses": {"200": {"description": "ok"}},
        }}},
        "components": {"schemas": {"Body": {"type": "object", "title": names["schema_title"],
                                            "description": names["description"], "properties": properties}}},
    }


def wire_name(key: str, annotation: ast.expr) -> str:
    """The key on the wire: a renamed key carries it as ``PropertyInfo(alias=...)`` inside its annotation."""
    for node in ast.walk(annotation):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "PropertyInfo":
            for kw in node.keywords:
                if kw.arg == "alias" and isinstance(kw.value, ast.Constant):
                    return str(kw.value.value)
    return key


def keys_of(tree: ast.Module) -> list[set[str]]:
    found: list[set[str]] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found.append({wire_name(s.target.id, s.annotation) for s in node.body
                          if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)})
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.value.args) == 2:
            arg = node.value.args[1]
            if isinstance(arg, ast.Dict):
                found.append({wire_name(ast.literal_eval(k), v) for k, v in zip(arg.keys, arg.values, strict=True)
                              if k is not None})
    return found


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    names=st.fixed_dictionaries({k: TEXT for k in ("title", "version", "operation", "tag", "schema_title",
                                                   "description")}),
    props=st.lists(TEXT, min_size=1, max_size=4, unique=True),
    enum=st.lists(TEXT, min_size=1, max_size=4),
)
def test_arbitrary_text_gives_safe_exact_output(names: dict[str, str], props: list[str], enum: list[str]) -> None:
    spec = spec_for(names, props, enum)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "spec.json"
        path.write_text(json.dumps(spec), encoding="utf-8", errors="surrogatepass")
        diags = Diagnostics()
        try:
            result = run(Options(spec=path, out=Path(tmp) / "out", use_cache=False), diags)
        except TypegenError:
            assert diags.has_errors
            event("rejected: " + ",".join(sorted({d.code for d in diags if d.level.value == "error"})))
            return
    event("generated")
    params = [text for name, text in result.files.items() if name.endswith("_params.py")]
    assert len(params) == 1
    for name, text in result.files.items():
        tree = ast.parse(text)
        compile(text, name, "exec")
        assert all(isinstance(n, ALLOWED_TOP) or (i == 0 and isinstance(n, ast.Expr))
                   for i, n in enumerate(tree.body)), name
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                assert all(isinstance(s, ast.AnnAssign | ast.Pass) or (
                    isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and isinstance(s.value.value, str))
                    for s in node.body) or name.endswith(("_types.py", "_utils.py"))
    tree = ast.parse(params[0])
    assert set(props) in keys_of(tree)
    literals = [ast.literal_eval(e) for n in ast.walk(tree) if isinstance(n, ast.Subscript)
                and getattr(n.value, "id", "") == "Literal"
                for e in (n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice])]
    assert set(enum) <= set(literals) or len(enum) > 5_000
