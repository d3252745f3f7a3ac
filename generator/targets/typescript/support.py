"""The support declarations that let a generated tree type-check on its own (``core/uploads.ts``,
``core/pagination.ts``), read from ``templates/typescript/``; switched off when generating into an SDK that has
its own."""

from __future__ import annotations

import functools
from pathlib import Path

SUPPORT_FILES = ("core/pagination.ts", "core/uploads.ts")


@functools.cache
def templates_dir() -> Path:
    from importlib import resources

    try:
        return Path(str(resources.files("generator.templates"))) / "typescript"
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "templates" / "typescript"


def support_text(name: str) -> str:
    return (templates_dir() / name).read_text(encoding="utf-8")
