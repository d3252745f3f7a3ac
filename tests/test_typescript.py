"""The TypeScript target on real inputs: the OpenAI API laid out as openai-node (tsc --strict, goldens, the npm
release as an oracle), zero-config output, determinism and ``check`` drift."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ts_decls import families
from ts_support import LLAMA_ORACLE, ORACLE, openai_node_config

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "typescript"
# byte-identical params families of the 218 generated ones in openai@7.5.0 (TS-STYLE.md); raise as rules land
ORACLE_FLOOR = 207
# the same for the Llama Stack 2026-04 pair against llama-stack-client@0.7.3 (49 families in both; 5 differ: an
# older generator's `Core.Uploadable`, path params as method arguments, `Json` kept in two schema names)
LLAMA_ORACLE_FLOOR = 44
TSCONFIG = {"compilerOptions": {"strict": True, "noEmit": True, "target": "es2020", "lib": ["es2020", "dom"],
                                "skipLibCheck": True, "types": []}, "include": ["**/*.ts"]}


def typegen(*args: str, cache: Path, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, env=env,
                          check=False)


def generate_openai(shared: Path, out: Path, seed: str = "0") -> Path:
    config = openai_node_config(shared, out.parent / f"openai-node-{seed}.yml")
    r = typegen("generate", "--target", "typescript", "--spec", str(shared / "openai/openapi.transformed.yml"),
                "--config", str(config), "--out", str(out), "--no-cache", "-q", cache=out.parent / "c", seed=seed)
    assert r.returncode == 0, r.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def openai_ts(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_openai(shared_dir, tmp_path_factory.mktemp("ts") / "out")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.ts"))}


def run_tsc(tsc: Path, root: Path) -> None:
    (root / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    r = subprocess.run(["node", str(tsc), "-p", str(root)], capture_output=True, text=True, check=False, timeout=600)
    assert r.returncode == 0, (r.stdout + r.stderr)[-4000:]


def test_openai_tree_type_checks(openai_ts: Path, tsc: Path) -> None:
    assert len(tree(openai_ts)) > 80
    run_tsc(tsc, openai_ts)


def test_zero_config_corpus_specs_type_check(shared_dir: Path, tmp_path: Path, tsc: Path) -> None:
    """Every corpus spec (and the multi-file DigitalOcean one) with no config: generated, then one tsc --strict run
    over all the trees."""
    specs = sorted(p.name for p in (shared_dir / "corpus").glob("*") if p.suffix in (".yaml", ".json"))
    specs.append("digitalocean/specification/DigitalOcean-public.v2.yaml")
    with_params = 0
    for i, spec in enumerate(specs):
        out = tmp_path / f"c{i}"
        extra = ("--allow-file-refs",) if spec.startswith("digitalocean/") else ()
        r = typegen("generate", "--target", "typescript", "--spec", str(shared_dir / "corpus" / spec), "--out",
                    str(out), "--no-cache", "-q", *extra, cache=tmp_path / "cache")
        assert r.returncode == 0, f"{spec}: {r.stderr[-2000:]}"
        assert "error[" not in r.stderr
        with_params += any(p.startswith("resources/") for p in tree(out))
    assert len(specs) >= 16 and with_params >= len(specs) - 3  # 3 specs have no request params (as for Python)
    (tmp_path / "tsconfig.json").write_text(json.dumps({**TSCONFIG, "include": ["c*/**/*.ts"]}), encoding="utf-8")
    r = subprocess.run(["node", str(tsc), "-p", str(tmp_path)], capture_output=True, text=True, check=False,
                       timeout=600)
    assert r.returncode == 0, (r.stdout + r.stderr)[-4000:]


def golden_cases() -> list[Path]:
    return sorted(GOLDEN.glob("*.ts"))


def golden_source(path: Path) -> tuple[str, str]:
    """``resources__beta__threads__runs__runs.ts__RunCreateParams.ts`` → (file, family)."""
    stem, _, family = path.name[: -len(".ts")].rpartition(".ts__")
    return stem.replace("__", "/") + ".ts", family


@pytest.mark.parametrize("golden", golden_cases(), ids=lambda p: p.name)
def test_golden_family(openai_ts: Path, golden: Path) -> None:
    file, name = golden_source(golden)
    ours = families((openai_ts / file).read_text(encoding="utf-8"), {name})
    assert ours.get(name) == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs; after an intended change run: python tests/regen_ts_goldens.py"


def test_goldens_are_the_npm_release(shared_dir: Path) -> None:
    """Each golden is byte-identical to openai@7.5.0's declaration of that family (skips without the sources)."""
    if not (ORACLE / "resources").is_dir():
        pytest.skip(f"openai-node sources not found at {ORACLE} (tests/fetch_ts_oracle.sh; TYPEGEN_TS_ORACLE)")
    cases = golden_cases()
    assert len(cases) >= 15
    for golden in cases:
        file, name = golden_source(golden)
        theirs = families((ORACLE / file).read_text(encoding="utf-8"), {name})
        assert theirs.get(name) == golden.read_text(encoding="utf-8"), golden.name


def score(out: Path, oracle: Path) -> tuple[int, list[str]]:
    same, differ = 0, []
    for path in sorted((out / "resources").rglob("*.ts")):
        rel = path.relative_to(out).as_posix()
        ours = families(path.read_text(encoding="utf-8"))
        ref = oracle / rel
        theirs = families(ref.read_text(encoding="utf-8"), set(ours)) if ref.is_file() else {}
        for name, text in ours.items():
            if name in theirs and theirs[name] == text:
                same += 1
            elif name in theirs:
                differ.append(f"{rel} {name}")
    return same, differ


def test_oracle_openai_node(openai_ts: Path) -> None:
    if not (ORACLE / "resources").is_dir():
        pytest.skip(f"openai-node sources not found at {ORACLE} (tests/fetch_ts_oracle.sh; TYPEGEN_TS_ORACLE)")
    same, differ = score(openai_ts, ORACLE)
    print(f"\nTypeScript oracle: {same} params families byte-identical, {len(differ)} differ")
    assert same >= ORACLE_FLOOR, differ


def test_deterministic_across_hash_seeds(shared_dir: Path, openai_ts: Path, tmp_path: Path) -> None:
    other = generate_openai(shared_dir, tmp_path / "out", seed="12345")
    assert tree(other) == tree(openai_ts)


def test_check_reports_drift(shared_dir: Path, tmp_path: Path) -> None:
    out = generate_openai(shared_dir, tmp_path / "out")
    config = tmp_path / "openai-node-0.yml"
    args = ("check", "--target", "typescript", "--spec", str(shared_dir / "openai/openapi.transformed.yml"),
            "--config", str(config), "--out", str(out), "--no-cache")
    assert typegen(*args, cache=tmp_path / "c").returncode == 0
    images = out / "resources" / "images.ts"
    images.write_text(images.read_text(encoding="utf-8").replace("prompt: string;", "prompt: number;"),
                      encoding="utf-8")
    r = typegen(*args, cache=tmp_path / "c")
    assert r.returncode == 1
    assert "prompt: string;" in r.stdout


def test_llama_stack_trees_type_check(shared_dir: Path, tmp_path: Path, tsc: Path) -> None:
    """Both Llama Stack spec + config pairs through the TypeScript target compile under tsc --strict."""
    pairs = [("llama-stack/openapi.yml", "llama-stack/openapi.stainless.yml"),
             ("llama-stack/2026-04/openapi.yml", "llama-stack/2026-04/config.yml")]
    for i, (spec, config) in enumerate(pairs):
        r = typegen("generate", "--target", "typescript", "--spec", str(shared_dir / spec), "--config",
                    str(shared_dir / config), "--out", str(tmp_path / f"l{i}"), "--no-cache", "-q",
                    cache=tmp_path / "cache")
        assert r.returncode == 0, r.stderr[-2000:]
        assert len(tree(tmp_path / f"l{i}")) > 15
    (tmp_path / "tsconfig.json").write_text(json.dumps({**TSCONFIG, "include": ["l*/**/*.ts"]}), encoding="utf-8")
    r = subprocess.run(["node", str(tsc), "-p", str(tmp_path)], capture_output=True, text=True, check=False,
                       timeout=600)
    assert r.returncode == 0, (r.stdout + r.stderr)[-4000:]


def test_response_side_is_not_built_for_typescript(shared_dir: Path, openai_ts: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """TypeScript renders request types only, so its runs skip the response side of the model (issue 15: most of
    the build on the whole OpenAI API); the files must be those a project with the response side gives."""
    from generator.diagnostics import Diagnostics
    from generator.model.build import ProjectBuilder
    from generator.model.ir import RESPONSE_KINDS, Project
    from generator.pipeline import Options, run

    requests_only = ProjectBuilder.build_requests
    built: list[Project] = []

    def with_responses(self: ProjectBuilder) -> Project:  # what this target asks for, and the response side
        built.append(self.with_responses(requests_only(self)))
        return built[-1]

    monkeypatch.setattr(ProjectBuilder, "build_requests", with_responses)
    config = openai_node_config(shared_dir, tmp_path / "c.yml")
    result = run(Options(config=config, spec=shared_dir / "openai/openapi.transformed.yml", out=tmp_path / "o",
                         use_cache=False, target="typescript"), Diagnostics())
    assert any(m.kind in RESPONSE_KINDS for m in built[0].modules)
    assert {k: v.encode() for k, v in result.files.items() if k.endswith(".ts")} == tree(openai_ts)


def test_oracle_llama_stack_client(shared_dir: Path, tmp_path: Path) -> None:
    if not (LLAMA_ORACLE / "resources").is_dir():
        pytest.skip(f"llama-stack-client sources not found at {LLAMA_ORACLE} (tests/fetch_ts_oracle.sh DIR 0.7.3 "
                    "llama-stack-client; TYPEGEN_TS_LLAMA_ORACLE)")
    pair = shared_dir / "llama-stack" / "2026-04"
    r = typegen("generate", "--target", "typescript", "--spec", str(pair / "openapi.yml"), "--config",
                str(pair / "config.yml"), "--out", str(tmp_path / "out"), "--no-cache", "-q", cache=tmp_path / "c")
    assert r.returncode == 0, r.stderr[-2000:]
    same, differ = score(tmp_path / "out", LLAMA_ORACLE)
    print(f"\nTypeScript oracle (llama-stack-client): {same} params families byte-identical, {len(differ)} differ")
    assert same >= LLAMA_ORACLE_FLOOR, differ
