"""The two-core render/format (generator/targets/python/parallel.py) writes the same bytes as one process, and a
child that fails is redone in the parent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run
from generator.targets.python import parallel


def _files(shared: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> dict[str, str]:
    monkeypatch.setenv("TYPEGEN_JOBS", jobs)
    options = Options(spec=shared / "llama-stack/2026-04/openapi.yml",
                      config=shared / "llama-stack/2026-04/config.yml", out=Path("unused"), use_cache=False)
    return run(options, Diagnostics()).files


def test_two_cores_write_the_same_bytes(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _files(shared_dir, monkeypatch, "1")
    assert len(one) >= parallel.MIN_MODULES
    monkeypatch.setattr(parallel, "_forks", lambda count: True)  # even on a one-core machine
    assert _files(shared_dir, monkeypatch, "2") == one


def test_a_failing_child_is_redone_here(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _files(shared_dir, monkeypatch, "1")
    monkeypatch.setattr(parallel, "_forks", lambda count: True)
    parent = os.getpid()
    real = parallel._half

    def flaky(*args: object) -> parallel.Half:
        if os.getpid() != parent:  # the child fails
            raise RuntimeError("child failure")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_half", flaky)
    assert _files(shared_dir, monkeypatch, "2") == one
