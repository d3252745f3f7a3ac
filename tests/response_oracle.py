"""Scoring of generated response modules against the SDKs' own files (issue 13).

A response module is every ``types/**/*.py`` of an SDK that is not a request module (``*_params.py``,
``*_param.py``, ``shared_params/``) nor an ``__init__.py``. For OpenAI only the modules that follow from the spec
count: ``origin: generated`` or ``generated+patched`` in ``../shared/openai/response-map.yaml`` (750 of 808).

Two figures per SDK: **byte-identical** (same text) and **structurally identical** (same AST once docstrings are
removed: the same definitions, bases, fields, annotations and defaults, whatever the layout and the doc text).

Usable as a script while iterating: ``python tests/response_oracle.py openai|llama26|oba [-v]``.
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))


@dataclass(frozen=True)
class Target:
    name: str
    spec: str  # relative to ../shared
    config: str
    package: str
    sdk: str | None  # the SDK package dir (holding types/), relative to ../shared; None: TYPEGEN_SDK_DIR


TARGETS = {
    "openai": Target("openai", "openai/openapi.transformed.yml", "openai/openai-full.stainless.yml", "openai", None),
    "llama26": Target("llama26", "llama-stack/2026-04/openapi.yml", "llama-stack/2026-04/config.yml",
                      "llama_stack_client", "llama-stack/2026-04/sdk/llama_stack_client"),
    "oba": Target("oba", "onebusaway/openapi.yml", "onebusaway/stainless-config.yml", "onebusaway",
                  "onebusaway/sdk/onebusaway"),
}


def is_response_module(rel: str) -> bool:
    """``rel`` relative to the package dir, e.g. ``types/chat/chat_completion.py``."""
    parts = rel.split("/")
    name = parts[-1]
    return (parts[0] == "types" and name.endswith(".py") and name != "__init__.py" and "shared_params" not in parts
            and not name.endswith(("_params.py", "_param.py")))


def sdk_dir(target: Target, shared: Path = SHARED) -> Path | None:
    if target.sdk is not None:
        path = shared / target.sdk
        return path if (path / "types").is_dir() else None
    value = os.environ.get("TYPEGEN_SDK_DIR", "/work/scratch/openai-sdk")
    path = Path(value)
    if (path / "openai" / "types").is_dir():
        path = path / "openai"
    return path if (path / "types").is_dir() else None


def expected_modules(target: Target, sdk: Path, shared: Path = SHARED) -> list[str]:
    """The response modules that count, relative to the package dir."""
    if target.name == "openai":
        import yaml

        data = yaml.safe_load((shared / "openai/response-map.yaml").read_text())
        return sorted(e["module"] for e in data["models"] if e["origin"] in ("generated", "generated+patched"))
    return sorted(p.relative_to(sdk).as_posix() for p in (sdk / "types").rglob("*.py")
                  if is_response_module(p.relative_to(sdk).as_posix()))


def _strip_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            kept = [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                           and isinstance(s.value.value, str))]
            node.body = kept or [ast.Pass()]  # type: ignore[attr-defined]
    return tree


def structure(source: str) -> str | None:
    try:
        return ast.dump(_strip_docstrings(ast.parse(source)), include_attributes=False)
    except SyntaxError:
        return None


@dataclass
class Score:
    total: int
    same: list[str] = field(default_factory=list)
    structural: list[str] = field(default_factory=list)  # structurally identical, bytes differ
    differ: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def structurally_identical(self) -> int:
        return len(self.same) + len(self.structural)

    def summary(self, name: str) -> str:
        return (f"{name}: {len(self.same)}/{self.total} byte-identical, {self.structurally_identical}/{self.total} "
                f"structurally identical, {len(self.differ)} differ, {len(self.missing)} not generated")


def score(files: dict[str, str], package: str, sdk: Path, modules: Iterable[str]) -> Score:
    modules = list(modules)
    result = Score(len(modules))
    for rel in modules:
        text = files.get(f"{package}/{rel}")
        want = (sdk / rel).read_text(encoding="utf-8")
        if text is None:
            result.missing.append(rel)
        elif text == want:
            result.same.append(rel)
        elif structure(text) is not None and structure(text) == structure(want):
            result.structural.append(rel)
        else:
            result.differ.append(rel)
    return result


def generate(target: Target, shared: Path = SHARED) -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from generator.diagnostics import Diagnostics
    from generator.pipeline import Options, run

    return run(Options(config=shared / target.config, spec=shared / target.spec, out=Path("/nonexistent-out"),
                       use_cache=False), Diagnostics()).files


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for name in [a for a in argv if not a.startswith("-")] or list(TARGETS):
        target = TARGETS[name]
        sdk = sdk_dir(target)
        if sdk is None:
            print(f"{name}: no SDK found")
            continue
        s = score(generate(target), target.package, sdk, expected_modules(target, sdk))
        print(s.summary(name))
        if verbose:
            for label, rels in (("STRUCT", s.structural), ("DIFF", s.differ), ("MISSING", s.missing)):
                for rel in rels:
                    print(f"  {label} {rel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
