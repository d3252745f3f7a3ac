"""The README's GitHub Actions job, run locally: its YAML is parsed, its ``uses:`` steps are replaced by what they
do on a runner (``actions/checkout``: the project is the working directory; ``actions/setup-python``: a fresh venv
first on PATH) and its ``run:`` steps are executed as the runner does (``bash -e``, the step's ``env``, ``CI=true``,
``GITHUB_ACTIONS=true``). The only other adaptation: ``TYPEGEN`` (where typegen is installed from) points at a
snapshot of this working tree. The install step needs the package index for typegen's dependencies: the test
skips with the reason when it cannot reach it."""

from __future__ import annotations

import os
import re
import subprocess
import venv
from pathlib import Path
from typing import Any

import pytest
from snippets import consumer_project, drift, network_failure, readme_block, snapshot_repo

KNOWN_ACTIONS = ("actions/checkout@", "actions/setup-python@")


def steps() -> list[dict[str, Any]]:
    workflow = readme_block("jobs")
    assert workflow.get("on", workflow.get(True)), "the workflow has triggers"  # PyYAML reads `on:` as True
    (job,) = workflow["jobs"].values()  # type: ignore[attr-defined]
    assert job["runs-on"].startswith("ubuntu")
    return list(job["steps"])


def test_workflow_shape() -> None:
    found = steps()
    for step in found:
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert step["uses"].startswith(KNOWN_ACTIONS), f"the test does not know how to run {step['uses']}"
    runs = [s["run"] for s in found if "run" in s]
    assert any("$TYPEGEN" in r for r in runs), "one step installs typegen from $TYPEGEN"
    assert any(re.search(r"\btypegen check\b.*--diagnostics-format github", r) for r in runs)
    assert found.index(next(s for s in found if "uses" in s and "checkout" in s["uses"])) == 0


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What actions/setup-python leaves behind: a Python of its own first on PATH (a fresh venv here)."""
    base = tmp_path_factory.mktemp("runner")
    env_dir = base / "python"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    source = base / "typegen-src"
    source.mkdir()
    snapshot_repo(source)
    return {"PATH": f"{env_dir / 'bin'}{os.pathsep}/usr/bin:/bin", "HOME": os.environ.get("HOME", str(base)),
            "CI": "true", "GITHUB_ACTIONS": "true", "TYPEGEN": str(source),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def run_step(step: dict[str, Any], runner: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**runner, "XDG_CACHE_HOME": str(cwd / ".cache")}
    for key, value in (step.get("env") or {}).items():
        env[key] = runner[key] if key in runner else str(value)  # TYPEGEN: the local snapshot
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=900)


def run_job(runner: dict[str, str], cwd: Path, *, install: bool) -> list[subprocess.CompletedProcess[str]]:
    results = []
    for step in steps():
        if "run" not in step or (not install and "$TYPEGEN" in step["run"]):
            continue
        r = run_step(step, runner, cwd)
        results.append(r)
        if "$TYPEGEN" in step["run"] and r.returncode != 0:
            if network_failure(r.stdout + r.stderr):
                pytest.skip(f"the install step could not reach the package index: {r.stderr[-300:]}")
            raise AssertionError(r.stdout + r.stderr)
        if r.returncode != 0:
            break  # a failed step fails the job
    return results


@pytest.fixture(scope="module")
def installed(runner: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The whole job on a clean project, install step included (once per module)."""
    project = consumer_project(tmp_path_factory.mktemp("clean"))
    results = run_job(runner, project, install=True)
    assert [r.returncode for r in results] == [0, 0], [r.stdout + r.stderr for r in results]
    assert "no drift" in results[-1].stderr
    python = Path(runner["PATH"].split(os.pathsep)[0]) / "python"
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"], cwd=project, env=runner,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(python.parent.parent)), "the job used the typegen it installed"
    return runner


def test_job_passes_on_a_clean_tree(installed: dict[str, str]) -> None:
    assert installed["CI"] == "true"


def test_job_fails_on_drift_with_the_diff(installed: dict[str, str], tmp_path: Path) -> None:
    project = consumer_project(tmp_path / "project")
    drift(project)
    (*_, check) = run_job(installed, project, install=False)
    assert check.returncode == 1
    assert "+    \"\"\"The look of the images." in check.stdout


def test_job_annotates_the_spec_on_bad_input(installed: dict[str, str], tmp_path: Path) -> None:
    project = consumer_project(tmp_path / "project")
    spec = project / "specs" / "openai-images.openapi.yaml"
    spec.write_text(spec.read_text().replace("$ref: '#/components/schemas/PartialImages'",
                                             "$ref: '#/components/schemas/Missing'"))
    (*_, check) = run_job(installed, project, install=False)
    assert check.returncode == 2
    annotations = [line for line in check.stderr.splitlines() if line.startswith("::")]
    expected = re.compile(r"::error file=specs/openai-images\.openapi\.yaml,line=\d+,col=\d+,"
                          r"title=typegen\[ref-dangling\]::#/components/schemas/")
    assert annotations and all(expected.match(a) for a in annotations)
