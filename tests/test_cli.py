"""The command line end to end, in subprocesses: generate, check (drift), exit codes, atomicity."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def typegen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cwd / ".c")})


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    return tmp_path


def test_version() -> None:
    r = typegen("--version", cwd=ROOT)
    assert r.returncode == 0 and r.stdout.startswith("typegen ")


def test_generate_then_check_clean(project: Path) -> None:
    cfg = "specs/openai-images.stainless.yml"
    r = typegen("generate", "--config", cfg, cwd=project)
    assert r.returncode == 0, r.stderr
    out = project / "generated" / "openai" / "types"
    golden = ROOT / "tests" / "golden" / "image_generate_params.py"
    assert (out / "image_generate_params.py").read_text() == golden.read_text()
    assert {p.name for p in out.iterdir()} >= {"image_edit_params.py", "image_create_variation_params.py",
                                                "image_model.py"}
    r = typegen("check", "--config", cfg, cwd=project)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no drift" in r.stderr


def test_check_reports_drift_and_revert_clears_it(project: Path) -> None:
    cfg = "specs/openai-images.stainless.yml"
    assert typegen("generate", "--config", cfg, cwd=project).returncode == 0
    spec = project / "specs" / "openai-images.openapi.yaml"
    original = spec.read_text()
    spec.write_text(original.replace("The style of the generated images.", "The visual style of the images."))
    before = snapshot(project / "generated")
    r = typegen("check", "--config", cfg, cwd=project)
    assert r.returncode == 1
    assert "-    \"\"\"The style of the generated images." in r.stdout
    assert "+    \"\"\"The visual style of the images." in r.stdout
    assert "1 changed" in r.stderr
    assert snapshot(project / "generated") == before, "check must not write"
    spec.write_text(original)
    assert typegen("check", "--config", cfg, cwd=project).returncode == 0


def test_added_field_is_drift(project: Path) -> None:
    cfg = "specs/openai-images.stainless.yml"
    assert typegen("generate", "--config", cfg, cwd=project).returncode == 0
    spec = project / "specs" / "openai-images.openapi.yaml"
    text = spec.read_text().replace(
        "    CreateImageVariationRequest:\n      type: object\n      properties:\n",
        "    CreateImageVariationRequest:\n      type: object\n      properties:\n"
        "        seed:\n          type: integer\n          description: A seed.\n", 1)
    spec.write_text(text)
    r = typegen("check", "--config", cfg, cwd=project)
    assert r.returncode == 1
    assert "+    seed: int" in r.stdout


def test_bad_input_exits_2_and_writes_nothing(project: Path) -> None:
    cfg = "specs/openai-images.stainless.yml"
    assert typegen("generate", "--config", cfg, cwd=project).returncode == 0
    before = snapshot(project / "generated")
    spec = project / "specs" / "openai-images.openapi.yaml"
    spec.write_text(spec.read_text().replace("$ref: '#/components/schemas/PartialImages'",
                                             "$ref: '#/components/schemas/Missing'"))
    r = typegen("generate", "--config", cfg, cwd=project)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "#/components/schemas/Missing" in r.stderr
    assert "openai-images.openapi.yaml" in r.stderr
    assert snapshot(project / "generated") == before


def test_stale_files_are_reported_and_removed(project: Path) -> None:
    cfg = project / "specs" / "openai-images.stainless.yml"
    assert typegen("generate", "--config", str(cfg), cwd=project).returncode == 0
    cfg.write_text(cfg.read_text().replace("      create_variation: post /images/variations\n", ""))
    r = typegen("check", "--config", str(cfg), cwd=project)
    assert r.returncode == 1
    assert "image_create_variation_params.py is no longer generated" in r.stdout
    assert typegen("generate", "--config", str(cfg), cwd=project).returncode == 0
    assert not (project / "generated/openai/types/image_create_variation_params.py").exists()
    assert typegen("check", "--config", str(cfg), cwd=project).returncode == 0


def test_unmanaged_files_survive_generate(project: Path) -> None:
    cfg = "specs/openai-images.stainless.yml"
    assert typegen("generate", "--config", cfg, cwd=project).returncode == 0
    mine = project / "generated" / "openai" / "my_code.py"
    mine.write_text("x = 1\n")
    assert typegen("generate", "--config", cfg, cwd=project).returncode == 0
    assert mine.read_text() == "x = 1\n"


def test_symlinked_output_is_refused(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "generated").symlink_to(elsewhere)
    r = typegen("generate", "--config", "specs/openai-images.stainless.yml", cwd=project)
    assert r.returncode == 2
    assert list(elsewhere.iterdir()) == []


def test_no_command_prints_help() -> None:
    r = typegen(cwd=ROOT)
    assert r.returncode == 2
    assert "generate" in r.stdout


def test_a_run_switches_the_cycle_collector_off_and_on_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is off while a command runs (issue 15: 1.3 s of a 6.2 s run on the whole OpenAI API) and
    on again afterwards, also when the command fails."""
    import gc

    from generator import cli

    seen: list[bool] = []

    def dispatch(args: object, diags: object) -> int:
        seen.append(gc.isenabled())
        raise cli.TypegenError([])

    monkeypatch.setattr(cli, "_dispatch", dispatch)
    assert gc.isenabled()
    assert cli.main(["generate", "--spec", str(tmp_path / "x.yaml")]) == cli.EXIT_BAD_INPUT
    assert seen == [False] and gc.isenabled()
