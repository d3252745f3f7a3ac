"""The caches (parsed specs, formatted modules, whole runs) never serve stale output: changing the spec, the
config, a template or the formatter version changes the result; a corrupt entry is ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run
from generator.targets.python import render
from generator.write import runcache

ROOT = Path(__file__).resolve().parent.parent
MODULE = "openai/types/image_generate_params.py"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def generate(project: Path) -> dict[str, str]:
    options = Options(config=project / "specs" / "openai-images.stainless.yml", out=project / "out")
    return run(options, Diagnostics()).files


def test_warm_run_is_served_from_the_run_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = generate(project)
    assert list((project / "cache" / "typegen" / "runs").iterdir())

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the warm run rebuilt the model")

    monkeypatch.setattr("generator.model.build.ProjectBuilder.build", fail)
    assert generate(project) == first


def test_spec_change_invalidates(project: Path) -> None:
    before = generate(project)[MODULE]
    spec = project / "specs" / "openai-images.openapi.yaml"
    spec.write_text(spec.read_text().replace("The style of the generated images.", "The look of the images."))
    after = generate(project)[MODULE]
    assert after != before and "The look of the images." in after


def test_config_change_invalidates(project: Path) -> None:
    before = generate(project)[MODULE]
    cfg = project / "specs" / "openai-images.stainless.yml"
    cfg.write_text(cfg.read_text().replace("by Stainless.", "by Someone Else."))
    assert "by Someone Else." in generate(project)[MODULE] != before


def test_template_change_invalidates(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = generate(project)[MODULE]
    templates = project / "templates"
    shutil.copytree(render.templates_root(), templates)
    module = templates / "python" / "module.py.j2"
    module.write_text(module.read_text().replace("__all__ = {{ exports }}", "__all__ = {{ exports }}\n# changed"))
    monkeypatch.setattr(render, "templates_root", lambda: templates)
    monkeypatch.setattr(render, "templates_dir", lambda: templates / "python")
    render.environment.cache_clear()
    runcache.generator_fingerprint.cache_clear()
    try:
        after = generate(project)[MODULE]
    finally:
        render.environment.cache_clear()
        runcache.generator_fingerprint.cache_clear()
    assert "# changed" in after and after != before


def test_formatter_version_change_invalidates(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(project)
    runs = project / "cache" / "typegen" / "runs"
    entries = set(runs.iterdir())
    monkeypatch.setattr(pipeline, "formatter_version", lambda: "black 0.0-test")
    generate(project)
    assert set(runs.iterdir()) - entries, "a different formatter version must use a different cache entry"


def test_corrupt_entry_is_ignored(project: Path) -> None:
    first = generate(project)
    for entry in (project / "cache" / "typegen" / "runs").iterdir():
        entry.write_bytes(b"\x00garbage")
    assert generate(project) == first


def test_no_cache_writes_nothing(project: Path) -> None:
    options = Options(config=project / "specs" / "openai-images.stainless.yml", out=project / "out", use_cache=False)
    run(options, Diagnostics())
    assert not (project / "cache").exists()
