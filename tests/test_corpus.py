"""Real-world specs from ../shared/corpus, with no config: every one generates without errors; the output
compiles, imports, passes `mypy --strict`, and keeps wire keys byte-exact; the formatter fast path equals black."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run
from generator.targets.python import parallel
from generator.targets.python.formatting import _black, black_format_sources, format_sources

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))
CORPUS = sorted(p.name for p in (SHARED / "corpus").glob("*") if p.suffix in (".yaml", ".json")) \
    if (SHARED / "corpus").is_dir() else []
DIGITALOCEAN = "digitalocean/specification/DigitalOcean-public.v2.yaml"


def _generate(shared: Path, name: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", "--no-cache", "--spec", str(shared / "corpus" / name),
         "--out", str(out), *extra],
        cwd=out.parent, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)


@pytest.fixture(scope="module")
def corpus_out(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("corpus")
    outs: dict[str, Path] = {}
    for i, name in enumerate([*CORPUS, DIGITALOCEAN]):
        out = base / f"c{i}"
        extra = ("--allow-file-refs",) if name == DIGITALOCEAN else ()
        r = _generate(shared_dir, name, out, *extra)
        assert r.returncode == 0, f"{name}: {r.stderr[-2000:]}"
        assert "error[" not in r.stderr
        outs[name] = out
    return outs


def test_every_corpus_spec_generates(corpus_out: dict[str, Path]) -> None:
    assert len(corpus_out) >= 16
    for name, out in corpus_out.items():
        assert list(out.rglob("*.py")), name


def test_outputs_import_and_type_check(corpus_out: dict[str, Path]) -> None:
    for name, out in corpus_out.items():
        modules = [p.relative_to(out).with_suffix("").as_posix().replace("/", ".") for p in sorted(out.rglob("*.py"))]
        code = "import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)"
        r = subprocess.run([sys.executable, "-c", code, *modules], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(out)}, check=False)
        assert r.returncode == 0, f"{name}: {r.stderr[-2000:]}"
        packages = sorted({m.split(".")[0] for m in modules})
        r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                            *(a for p in packages for a in ("-p", p))],
                           cwd=out, capture_output=True, text=True, check=False)
        assert r.returncode == 0, f"{name}: {r.stdout[-2000:]}"


def test_wire_keys_are_byte_exact(corpus_out: dict[str, Path]) -> None:
    """Functional TypedDicts keep every non-identifier property name exactly (`files[0]`, `continue`, `$ref`)."""
    seen = 0
    for out in corpus_out.values():
        for path in out.rglob("*_params.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "TypedDict" and len(node.args) == 2:
                    fields = node.args[1]
                    assert isinstance(fields, ast.Dict)
                    keys = [k.value for k in fields.keys if isinstance(k, ast.Constant)]
                    assert len(keys) == len(set(keys))
                    seen += 1
    assert seen > 0


def test_k8s_fast_formatting_equals_black(shared_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    captured: dict[str, str] = {}

    def capture(sources: dict[str, str], *, cache_dir: Path | None = None,
                trees: object = None) -> dict[str, str]:
        captured.update(sources)
        return dict(sources)

    monkeypatch.setenv("TYPEGEN_JOBS", "1")  # captured in this process
    monkeypatch.setattr(parallel, "format_sources", capture)
    monkeypatch.chdir(tmp_path)
    run(Options(spec=shared_dir / "corpus" / "k8s-apps-v1.json", out=tmp_path / "o", use_cache=False), Diagnostics())
    names = sorted(captured)[:40]
    fast = format_sources({n: captured[n] for n in names})
    statements = black_format_sources({n: captured[n] for n in names})
    for n in names:
        assert fast[n] == statements[n] == _black(captured[n]), n


def test_swagger_2_is_refused(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n')
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--spec", "s.yaml", "--out", "o"],
                       cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                       check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "version" in r.stderr


def test_file_refs_need_the_flag(shared_dir: Path, tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--spec",
                        str(shared_dir / "corpus" / DIGITALOCEAN), "--out", "o"],
                       cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                       check=False)
    assert r.returncode == 2
    assert "--allow-file-refs" in r.stderr
