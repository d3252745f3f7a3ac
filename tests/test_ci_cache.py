"""``typegen check`` in CI (``CI=true``) reads no cache unless ``--cache`` is given: a cache shared between branches
(or restored from another run) must never make ``check`` pass on stale or tampered output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import in_ci

ROOT = Path(__file__).resolve().parent.parent
CFG = "specs/openai-images.stainless.yml"


def typegen(*args: str, cwd: Path, ci: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cwd / "cache")}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, check=False)


def runs(project: Path) -> set[Path]:
    folder = project / "cache" / "typegen" / "runs"
    return set(folder.iterdir()) if folder.is_dir() else set()


@pytest.fixture
def poisoned(tmp_path: Path) -> Path:
    """The output of spec v1 on disk, the spec changed to v2, and the run-cache entry of v2 overwritten with the
    files of v1: what a shared cache written by a stale branch (or an attacker) looks like."""
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    assert typegen("generate", "--config", CFG, cwd=tmp_path).returncode == 0
    (v1_entry,) = runs(tmp_path)
    spec = tmp_path / "specs" / "openai-images.openapi.yaml"
    spec.write_text(spec.read_text().replace("The style of the generated images.", "The look of the images."))
    assert typegen("check", "--config", CFG, cwd=tmp_path).returncode == 1  # honest cache: drift, entry v2 stored
    (v2_entry,) = runs(tmp_path) - {v1_entry}
    shutil.copyfile(v1_entry, v2_entry)
    return tmp_path


def test_a_tampered_cache_fools_a_local_check(poisoned: Path) -> None:
    """The threat is real: outside CI the warm path trusts the cache (this is what makes the CI rule needed)."""
    r = typegen("check", "--config", CFG, cwd=poisoned)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("value", ["true", "1", "True", "yes"])
def test_check_in_ci_ignores_the_cache(poisoned: Path, value: str) -> None:
    before = {p: p.read_bytes() for p in runs(poisoned)}
    r = typegen("check", "--config", CFG, cwd=poisoned, ci=value)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "+    \"\"\"The look of the images." in r.stdout
    assert {p: p.read_bytes() for p in runs(poisoned)} == before, "check in CI writes no cache either"


def test_cache_flag_opts_back_in(poisoned: Path) -> None:
    assert typegen("check", "--cache", "--config", CFG, cwd=poisoned, ci="true").returncode == 0


@pytest.mark.parametrize("value", ["", "0", "false", "no", "off"])
def test_ci_unset_values_keep_the_cache(poisoned: Path, value: str) -> None:
    assert typegen("check", "--config", CFG, cwd=poisoned, ci=value).returncode == 0


def test_check_in_ci_touches_no_cache_at_all(tmp_path: Path) -> None:
    """Not only the run cache: the parsed-spec and formatter caches could be poisoned the same way."""
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    r = typegen("check", "--config", CFG, cwd=tmp_path, ci="true")
    assert r.returncode == 1  # nothing generated yet
    assert not (tmp_path / "cache").exists()
    assert typegen("generate", "--config", CFG, cwd=tmp_path, ci="true").returncode == 0
    assert (tmp_path / "cache").exists(), "generate keeps its cache in CI: only check must not trust it"


def test_cache_and_no_cache_together_is_a_usage_error(tmp_path: Path) -> None:
    r = typegen("check", "--cache", "--no-cache", cwd=tmp_path)
    assert r.returncode == 2 and "not allowed with" in r.stderr


def test_in_ci() -> None:
    assert in_ci({"CI": "true"}) and in_ci({"CI": " TRUE "}) and in_ci({"CI": "1"})
    assert not in_ci({}) and not in_ci({"CI": "false"}) and not in_ci({"CI": "0"}) and not in_ci({"CI": ""})
