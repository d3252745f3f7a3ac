"""Regenerate the golden files under tests/golden/ from the current generator.

    python tests/regen_goldens.py

Goldens change only on purpose: explain the output change in the commit message. The seed golden
(tests/golden/image_generate_params.py) is a byte copy of ../shared/seeds/image_generate_params.py and is
regenerated from the default config, so a change to it means the generator no longer reproduces the seed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from golden_cases import CASES, generate_case  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def main() -> int:
    for case in CASES:
        files = generate_case(case)
        if files is None:
            print(f"skipped {case.name}: its inputs are not available", file=sys.stderr)
            continue
        for rel in case.modules:
            target = GOLDEN / case.name / rel if case.name != "default" else GOLDEN / Path(rel).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[rel], encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
