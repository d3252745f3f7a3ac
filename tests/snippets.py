"""Helpers for the tests that run the README's "Use in CI" snippets: read the snippets, make a throwaway git
repository of this project (so a hook or an install sees exactly the working tree), and a small consumer project
with committed generated types."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SECTION = "Use in CI"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
NETWORK_ERRORS = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable",
                  "No matching distribution found", "Could not find a version that satisfies", "ConnectTimeout",
                  "Max retries exceeded", "ProxyError")


def readme_yaml_blocks() -> list[object]:
    """The parsed ```yaml blocks of the README's "Use in CI" section, in order."""
    text = (ROOT / "README.md").read_text()
    m = re.search(rf"^## {re.escape(SECTION)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, f'README has no "## {SECTION}" section'
    return [yaml.safe_load(block) for block in re.findall(r"^```yaml\n(.*?)^```", m.group(1), re.M | re.S)]


def readme_block(key: str) -> dict[str, object]:
    """The README block (in "Use in CI") whose top level has ``key``: ``repos`` (pre-commit) or ``jobs`` (a
    GitHub Actions workflow)."""
    found = [b for b in readme_yaml_blocks() if isinstance(b, dict) and key in b]
    assert len(found) == 1, f"expected one yaml block with {key!r} in the README's {SECTION} section"
    return found[0]


def git(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check,
                          env={**os.environ, **GIT_ENV})


def snapshot_repo(dest: Path) -> str:
    """Copy this project's files (tracked and untracked-but-not-ignored, as in the working tree) into a new git
    repository at ``dest``, commit them and return the commit. Skips when this is not a git checkout."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=False)
    if listed.returncode != 0:
        import pytest

        pytest.skip("not a git checkout: cannot make a repository of the working tree")
    for rel in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / rel
        if source.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    git("init", "-q", "-b", "main", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "snapshot", cwd=dest)
    return git("rev-parse", "HEAD", cwd=dest).stdout.strip()


def consumer_project(dest: Path) -> Path:
    """A project that uses typegen: specs/ + pyproject.toml naming the config, generated/ committed in git."""
    shutil.copytree(ROOT / "specs", dest / "specs")
    (dest / "pyproject.toml").write_text('[tool.typegen]\nconfig = "specs/openai-images.stainless.yml"\n')
    r = subprocess.run([sys.executable, "-m", "generator", "generate", "--no-cache"], cwd=dest, capture_output=True,
                       text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr
    git("init", "-q", "-b", "main", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "generated types", cwd=dest)
    return dest


def drift(project: Path) -> Path:
    """Change a description in the spec without regenerating; returns the spec."""
    spec = project / "specs" / "openai-images.openapi.yaml"
    spec.write_text(spec.read_text().replace("The style of the generated images.", "The look of the images."))
    return spec


def network_failure(output: str) -> bool:
    return any(marker in output for marker in NETWORK_ERRORS)
