"""The support declarations that let a generated tree type-check on its own (``core/uploads.ts``,
``core/pagination.ts``), read from ``templates/typescript/``; switched off when generating into an SDK that has
its own."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from generator.model.ir import PageScheme
from generator.text import escape


@functools.cache
def templates_dir() -> Path:
    from importlib import resources

    try:
        return Path(str(resources.files("generator.templates"))) / "typescript"
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "templates" / "typescript"


def support_text(name: str) -> str:
    return (templates_dir() / name).read_text(encoding="utf-8")


_TS_TYPES = {"integer": "number", "number": "number", "boolean": "boolean", "string": "string"}


def pagination_support(pages: Mapping[str, PageScheme]) -> list[str]:
    """``core/pagination.ts``: each page params base the tree extends, with its scheme's request params."""
    lines = ["/**", " * The request params of the paginated list methods (stand-ins: generate without support files to",
             " * use your SDK's own).", " */"]
    for i, name in enumerate(sorted(pages)):
        lines += [*([""] if i else []), f"export interface {name} {{"]
        for k, (param, kind) in enumerate(pages[name].request):
            ts = _TS_TYPES.get(kind, "unknown")
            lines += [*([""] if k else []), f"  {escape.ts_property_key(param)}?: {ts};"]
        lines.append("}")
    return [*lines, ""] if pages else ["export {};", ""]
