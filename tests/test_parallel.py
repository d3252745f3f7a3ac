"""The two-core render/format (generator/targets/python/parallel.py) writes the same bytes as one process, and a
child that fails is redone in the parent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, TypegenError
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


def test_the_response_side_builds_while_the_request_modules_render(shared_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """With response models the request modules render in a child during the response build: same bytes."""
    one = _files(shared_dir, monkeypatch, "1")
    calls: list[int] = []
    real = parallel._overlapped

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_forks", lambda count: True)
    monkeypatch.setattr(parallel, "_overlapped", counted)
    assert _files(shared_dir, monkeypatch, "2") == one
    assert calls == [1]


def test_a_failing_response_build_stops_the_child(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error while the response side builds: the child rendering the request modules is stopped and reaped,
    and the run fails with the error (nothing is left running)."""
    from generator.model.build import ProjectBuilder

    def failing(self: ProjectBuilder, project: object) -> object:
        self.diags.error("test-error", "the response side failed")
        return project

    monkeypatch.setattr(parallel, "_forks", lambda count: True)
    monkeypatch.setattr(ProjectBuilder, "with_responses", failing)
    with pytest.raises(TypegenError):
        _files(shared_dir, monkeypatch, "2")
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left to reap
