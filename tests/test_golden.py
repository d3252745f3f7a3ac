"""Golden files: generated modules equal tests/golden/ byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_cases import CASES, REGEN, ROOT, Case, generate_case

GOLDEN = ROOT / "tests" / "golden"


def _golden_path(case: Case, rel: str) -> Path:
    return GOLDEN / Path(rel).name if case.name == "default" else GOLDEN / case.name / rel


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden(case: Case) -> None:
    files = generate_case(case)
    if files is None:
        pytest.skip(f"inputs of golden case {case.name!r} are not available")
    for rel in case.modules:
        expected = _golden_path(case, rel).read_text(encoding="utf-8")
        assert files[rel] == expected, f"{rel} differs from its golden file; if the change is intended, run: {REGEN}"


def test_seed_golden_is_the_seed(shared_dir: Path) -> None:
    seed = (shared_dir / "seeds" / "image_generate_params.py").read_bytes()
    assert (GOLDEN / "image_generate_params.py").read_bytes() == seed


def test_committed_generated_tree_is_fresh() -> None:
    case = CASES[0]
    files = generate_case(case)
    assert files is not None
    out = ROOT / "generated"
    for rel, text in files.items():
        assert (out / rel).read_text(encoding="utf-8") == text, f"generated/{rel} is stale: run `typegen generate`"
