"""Top-level declarations of a Prettier-formatted TypeScript file, for the TypeScript oracle and goldens.

A declaration starts at a column-0 line (its JSDoc included) after a blank line and runs to the next blank line
that is followed by a column-0 line: Prettier indents everything inside braces and continuation lines, so this is
exact for the files the SDK's formatter writes (type-only declarations, no template literals at column 0).
A *params family* of ``P`` is every top-level declaration named ``P``, ``P`` + ``Base``/``NonStreaming``/
``Streaming``, or the namespace ``P``, in file order (TS-STYLE §2 N2, §7).
"""

from __future__ import annotations

import re
from pathlib import Path

_NAME = re.compile(r"^export (?:declare )?(?:interface|type|namespace|class|const|function|abstract class) (\w+)")
SUFFIXES = ("", "Base", "NonStreaming", "Streaming")


def declarations(text: str) -> list[tuple[str | None, str]]:
    """(declared name or None, the declaration's text with its JSDoc) in file order."""
    lines = text.split("\n")
    chunks: list[list[str]] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        starts = bool(line) and not line[0].isspace() and line[0] not in "})]" and (i == 0 or lines[i - 1] == "")
        if starts and current:
            chunks.append(current)
            current = []
        current.append(line)
    if current:
        chunks.append(current)
    out: list[tuple[str | None, str]] = []
    for chunk in chunks:
        while chunk and chunk[-1] == "":
            chunk = chunk[:-1]
        body = "\n".join(chunk)
        name = None
        for line in chunk:
            if line.startswith(("/**", " *", "//")):
                continue
            m = _NAME.match(line)
            name = m.group(1) if m else None
            break
        out.append((name, body))
    return out


def families(text: str, names: set[str] | None = None) -> dict[str, str]:
    """Params family name → its declarations joined by one blank line. ``names`` limits the families (the
    generated ones); without it every name ending in ``Params`` starts one."""
    decls = declarations(text)
    roots = names if names is not None else {n for n, _ in decls if n and n.endswith("Params")}
    out: dict[str, list[str]] = {}
    for name, body in decls:
        if name is None:
            continue
        for suffix in SUFFIXES:
            root = name[: len(name) - len(suffix)] if suffix and name.endswith(suffix) else name
            if (suffix == "" or name.endswith(suffix)) and root in roots:
                out.setdefault(root, []).append(body)
                break
    return {k: "\n\n".join(v) + "\n" for k, v in out.items()}


def tree_families(root: Path) -> dict[tuple[str, str], str]:
    """(file relative to ``root``, family name) → family text, for every ``.ts`` file below ``root``."""
    out: dict[tuple[str, str], str] = {}
    for path in sorted(root.rglob("*.ts")):
        rel = path.relative_to(root).as_posix()
        for name, body in families(path.read_text(encoding="utf-8")).items():
            out[(rel, name)] = body
    return out
