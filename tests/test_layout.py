"""The package layout shows the pipeline, and the dependency direction is load → config → model → targets → write:
no package imports one that comes after it. `text` (markdown reflow, escaping, naming) and `diagnostics` sit at
the bottom and are shared by everything."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

# package → the generator packages/modules it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "load": {"diagnostics", "text"},
    "config": {"diagnostics", "text", "load"},
    "model": {"diagnostics", "text", "load", "config"},
    "targets": {"diagnostics", "text", "model"},
    "write": {"diagnostics", "text", "targets"},
}
MAX_LINES = 430  # the soft cap of ~400 lines a module (config/reader.py is at 426)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import (use absolute generator.* imports)")
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_dependency_direction(package: str) -> None:
    modules = sorted((GENERATOR / package).rglob("*.py"))
    assert modules, package
    for module in modules:
        wrong = _imports(module) - ALLOWED[package] - {package}
        assert not wrong, f"{module.relative_to(GENERATOR)} imports {sorted(wrong)}: against load → model → targets"


def test_every_module_belongs_to_a_stage() -> None:
    top = {p.stem for p in GENERATOR.glob("*.py")}
    assert top <= {"__init__", "__main__", "cli", "diagnostics", "pipeline"}, top


def test_modules_stay_small() -> None:
    big = {str(p.relative_to(GENERATOR)): n for p in GENERATOR.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not big, f"modules over {MAX_LINES} lines: {big}"


def test_every_package_ships_in_the_wheel() -> None:
    """`pyproject.toml` lists the packages explicitly (templates/ is mapped into the wheel): a new sub-package
    that is not listed would be missing from an installed typegen."""
    import tomllib

    listed = set(tomllib.loads((GENERATOR.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(GENERATOR.parent).parts) for p in GENERATOR.rglob("__init__.py")}
    templates = GENERATOR.parent / "templates"
    found |= {".".join(("generator", *p.relative_to(templates.parent).parts)) for p in templates.rglob("*")
              if p.is_dir() and p.name != "__pycache__"}
    found.add("generator.templates")
    assert found <= listed, f"not listed in pyproject.toml [tool.setuptools] packages: {sorted(found - listed)}"
