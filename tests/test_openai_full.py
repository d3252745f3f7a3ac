"""The whole OpenAI API from ../shared: every routed params module and the named types they import are
generated, compile, import, pass `mypy --strict`, and come out byte-identical across runs and hash seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def typegen(shared: Path, out: Path, *extra: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(out.parent / "c")}
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", "--spec", str(shared / "openai/openapi.transformed.yml"),
         "--config", str(shared / "openai/openai.stainless.yml"), "--out", str(out), *extra],
        capture_output=True, text=True, env=env, check=False,
    )


@pytest.fixture(scope="module")
def openai_out(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("openai") / "out"
    r = typegen(shared_dir, out, "--no-cache")
    assert r.returncode == 0, r.stderr
    return out


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.py"))}


def test_every_routed_params_module_exists(openai_out: Path, shared_dir: Path) -> None:
    sdk_map = yaml.safe_load((shared_dir / "openai/sdk-map.yaml").read_text())
    routes = sdk_map["routes"]
    assert len(routes) == 175
    missing = [r["params_module"] for r in routes if not (openai_out / "openai" / r["params_module"]).is_file()]
    assert missing == []
    for r in routes:
        text = (openai_out / "openai" / r["params_module"]).read_text()
        main = r["params_class"] + ("Base" if r["streaming"] else "")
        assert f"class {main}(" in text or f"{main} = TypedDict(" in text, r["params_module"]


def test_modules_compile_and_import(openai_out: Path) -> None:
    modules = [p.relative_to(openai_out).with_suffix("").as_posix().replace("/", ".")
               for p in sorted(openai_out.rglob("*.py")) if p.name != "__init__.py"]
    assert len(modules) > 400
    code = "import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)\nprint(len(sys.argv) - 1)"
    r = subprocess.run([sys.executable, "-c", code, *modules], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(openai_out)}, check=False)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip() == str(len(modules))


def test_mypy_strict(openai_out: Path) -> None:
    # response models carry the SDK's `# type: ignore` on fields that narrow a base field: written for pyright
    # (reportIncompatibleVariableOverride); mypy accepts the override and would only call the comment unused
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--disable-error-code",
                        "unused-ignore", "-p", "openai"],
                       cwd=openai_out, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout[-3000:]


def test_deterministic_across_hash_seeds_and_second_run_is_noop(openai_out: Path, shared_dir: Path,
                                                                tmp_path: Path) -> None:
    other = tmp_path / "out"
    r = typegen(shared_dir, other, "--no-cache", seed="12345")
    assert r.returncode == 0, r.stderr
    assert _tree(other) == _tree(openai_out)
    again = typegen(shared_dir, other, "--no-cache", seed="random")
    assert again.returncode == 0
    assert "(0 written, 0 removed)" in again.stderr
