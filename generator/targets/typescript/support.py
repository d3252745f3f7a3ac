"""The support declarations that let a generated tree type-check on its own (``core/uploads.ts``,
``core/pagination.ts``), read from ``templates/typescript/``; switched off when generating into an SDK that has
its own."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def templates_dir() -> Path:
    from importlib import resources

    try:
        return Path(str(resources.files("generator.templates"))) / "typescript"
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "templates" / "typescript"


def support_text(name: str) -> str:
    return (templates_dir() / name).read_text(encoding="utf-8")


def pagination_support(bases: list[str]) -> list[str]:
    """``core/pagination.ts``: each page params base the tree extends, with the cursor params it stands for."""
    lines = ["/**", " * The request params of the paginated list methods (stand-ins: generate without support files to",
             " * use your SDK's own).", " */"]
    for i, name in enumerate(bases):
        lines += [*([""] if i else []), f"export interface {name} {{", "  after?: string;", "", "  limit?: number;",
                  "}"]
    return [*lines, ""] if bases else ["export {};", ""]
