"""The pre-commit hooks of ``.pre-commit-hooks.yaml``, installed with the ``pre-commit`` package into a throwaway git
repository from the README's snippet (its ``repo``/``rev`` pointed at a snapshot of this working tree): the check
hook blocks a commit whose spec drifted from the generated types and lets a clean one through; the generate hook
rewrites the types; files that are not a spec, a config or pyproject.toml do not trigger them.

pre-commit builds the hooks' environment with pip (the project's dependencies come from the package index): the
test skips with the reason when pre-commit is not installed or that install cannot reach the index."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from snippets import GIT_ENV, ROOT, consumer_project, drift, git, network_failure, readme_block, snapshot_repo


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"typegen-check", "typegen-generate"}
    assert hooks["typegen-check"]["entry"] == "typegen check"
    assert hooks["typegen-generate"]["entry"] == "typegen generate"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is False
    pattern = re.compile(hooks["typegen-check"]["files"])
    for triggers in ("pyproject.toml", "sub/pyproject.toml", "specs/openapi.yaml", "openapi.yml", "api/openapi.json",
                     "specs/openai-images.stainless.yml"):
        assert pattern.search(triggers), triggers
    for ignored in ("README.md", "generated/openai/types/x.py", "pyproject.toml.bak", "notes.txt"):
        assert not pattern.search(ignored), ignored


def test_readme_snippet_names_the_hooks() -> None:
    config = readme_block("repos")
    (repo,) = config["repos"]  # type: ignore[index]
    assert {"repo", "rev", "hooks"} <= set(repo)
    hook_ids = {h["id"] for h in repo["hooks"]}
    known = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hook_ids and hook_ids <= known


@pytest.fixture(scope="module")
def pre_commit() -> list[str]:
    pytest.importorskip("pre_commit", reason="the pre-commit package is not installed (pip install -e '.[dev]')")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    dest = tmp_path_factory.mktemp("typegen-src")
    return dest, snapshot_repo(dest)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def run(cmd: list[str], *, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "XDG_CACHE_HOME": str(cwd / ".typegen-cache"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**env, **GIT_ENV}, check=False,
                          timeout=600)


@pytest.fixture
def project(tmp_path: Path, pre_commit: list[str], hook_source: tuple[Path, str], pre_commit_home: Path) -> Path:
    """A consumer repository with the README's pre-commit config (repo/rev pointed at the snapshot), the hook
    installed in .git/hooks and its environment built."""
    project = consumer_project(tmp_path / "project")
    source, rev = hook_source
    config = readme_block("repos")
    config["repos"][0].update(repo=str(source), rev=rev)  # type: ignore[index]
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    generate = {"repos": [{"repo": str(source), "rev": rev, "hooks": [{"id": "typegen-generate"}]}]}
    (project / "generate-hook.yaml").write_text(yaml.safe_dump(generate, sort_keys=False))
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "pre-commit config", cwd=project)
    r = run([*pre_commit, "install"], cwd=project, home=pre_commit_home)
    assert r.returncode == 0, r.stdout + r.stderr
    for cfg in (".pre-commit-config.yaml", "generate-hook.yaml"):
        r = run([*pre_commit, "install-hooks", "-c", cfg], cwd=project, home=pre_commit_home)
        if r.returncode != 0 and network_failure(r.stdout + r.stderr + _log(pre_commit_home)):
            pytest.skip(f"pre-commit could not install the hook's environment (no package index?): {r.stdout[-300:]}")
        assert r.returncode == 0, r.stdout + r.stderr + _log(pre_commit_home)
    return project


def _log(home: Path) -> str:
    log = home / "pre-commit.log"
    return log.read_text()[-3000:] if log.is_file() else ""


def head(project: Path) -> str:
    return git("rev-parse", "HEAD", cwd=project).stdout.strip()


def test_check_hook_passes_a_clean_tree_and_blocks_a_drifted_commit(project: Path, pre_commit_home: Path,
                                                                    pre_commit: list[str]) -> None:
    r = run([*pre_commit, "run", "--all-files"], cwd=project, home=pre_commit_home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "typegen check" in r.stdout and "Passed" in r.stdout

    spec = drift(project)
    git("add", str(spec), cwd=project)
    before = head(project)
    r = run(["git", "commit", "-m", "change a description"], cwd=project, home=pre_commit_home)
    assert r.returncode != 0, "the hook must block a commit whose generated types are stale"
    assert head(project) == before
    out = r.stdout + r.stderr
    assert "Failed" in out and "+    \"\"\"The look of the images." in out  # the diff is shown

    subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=project, check=True, capture_output=True,
                   env={**os.environ, "XDG_CACHE_HOME": str(project / ".typegen-cache")})
    git("add", "-A", cwd=project)
    r = run(["git", "commit", "-m", "change a description, regenerate"], cwd=project, home=pre_commit_home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert head(project) != before


def test_other_files_do_not_trigger_the_hook(project: Path, pre_commit_home: Path) -> None:
    drift(project)  # stale, but not staged
    (project / "notes.txt").write_text("hello\n")
    git("add", "notes.txt", cwd=project)
    r = run(["git", "commit", "-m", "notes"], cwd=project, home=pre_commit_home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Skipped" in r.stdout + r.stderr


def test_generate_hook_rewrites_the_types(project: Path, pre_commit_home: Path, pre_commit: list[str]) -> None:
    spec = drift(project)
    module = project / "generated" / "openai" / "types" / "image_generate_params.py"
    assert "The look of the images." not in module.read_text()
    cmd = [*pre_commit, "run", "-c", "generate-hook.yaml", "--files", str(spec.relative_to(project))]
    r = run(cmd, cwd=project, home=pre_commit_home)
    assert r.returncode == 1, r.stdout + r.stderr  # pre-commit fails a hook that changed files, and says so
    assert "files were modified by this hook" in r.stdout
    assert "The look of the images." in module.read_text()
    r = run(cmd, cwd=project, home=pre_commit_home)
    assert r.returncode == 0, r.stdout + r.stderr  # nothing left to regenerate


def test_snapshot_is_the_working_tree(hook_source: tuple[Path, str]) -> None:
    source, _ = hook_source
    assert (source / ".pre-commit-hooks.yaml").read_bytes() == (ROOT / ".pre-commit-hooks.yaml").read_bytes()
    assert shutil.which("git")
