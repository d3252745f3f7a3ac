"""The golden cases: which inputs produce which snapshot files (shared by the tests and regen_goldens.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))
REGEN = "python tests/regen_goldens.py"


@dataclass(frozen=True)
class Case:
    name: str
    config: Path
    spec: Path | None
    modules: tuple[str, ...]  # paths relative to the output root


CASES: tuple[Case, ...] = (
    Case("default", ROOT / "specs" / "openai-images.stainless.yml", None,
         ("openai/types/image_generate_params.py",)),
)


def generate_case(case: Case) -> dict[str, str] | None:
    if not case.config.is_file() or (case.spec is not None and not case.spec.is_file()):
        return None
    diags = Diagnostics()
    result = run(Options(config=case.config, spec=case.spec, out=Path("/nonexistent-out"), use_cache=False), diags)
    return result.files
