"""Zero-config names against the names four API teams chose (``benchmarks/naming_score.py``, issue 10): each
figure may rise, never fall. Floors are the figures measured when the rules landed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {"llama-stack 2026-04": 80, "llama-stack 2025-10": 84, "onebusaway": 25, "openai public": 145}


def _score_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("naming_score", ROOT / "benchmarks" / "naming_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["naming_score"] = module
    spec.loader.exec_module(module)
    return module


def test_naming_figures_do_not_fall(shared_dir: Path) -> None:
    scores = {s.label: s for s in _score_module().score_all(shared_dir)}
    assert set(scores) == set(FLOORS)
    for label, floor in FLOORS.items():
        s = scores[label]
        misses = "\n".join(f"  {e}: team {w}, inferred {g}" for e, w, g in s.misses[:20])
        assert s.matched >= floor, f"{label}: {s.matched}/{s.total} < {floor}\n{misses}"
    assert scores["openai public"].fraction >= 0.6
    assert all(scores[k].fraction >= 0.8 for k in FLOORS if k != "openai public")
