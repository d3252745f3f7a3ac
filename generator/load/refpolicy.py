"""The ``$ref`` policy, applied to a freshly loaded tree before anything (openapi-spec-validator included) could
follow a reference: only local ``#/...`` refs are allowed by default; ``http:``, ``https:``, ``ftp:``, ``file:``
(any scheme) are always refused; relative file refs need ``allow_file_refs`` and must stay inside the spec's
directory tree (then :mod:`generator.load.bundle` inlines them and :mod:`generator.load.resolver` checks the rest).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostics
from generator.load.document import Document, pointer_from_tokens, report

JSON = Any
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def iter_ref_nodes(tree: JSON) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """(tokens, node) for every mapping with a string ``$ref``, in document order (iterative; the path is kept
    as a linked list of frames and materialised only for ref nodes)."""
    stack: list[tuple[JSON, Any]] = [(tree, None)]
    pop, push = stack.pop, stack.append
    while stack:
        node, frame = pop()
        if type(node) is dict:
            if isinstance(node.get("$ref"), str):
                yield _frame_tokens(frame), node
            for k, v in reversed(node.items()):
                if type(v) is dict or type(v) is list:
                    push((v, (frame, k)))
        elif type(node) is list:
            for i in range(len(node) - 1, -1, -1):
                v = node[i]
                if type(v) is dict or type(v) is list:
                    push((v, (frame, str(i))))


def _frame_tokens(frame: Any) -> tuple[str, ...]:
    out: list[str] = []
    while frame is not None:
        frame, key = frame
        out.append(key)
    out.reverse()
    return tuple(out)


def _has_nonlocal_ref(tree: JSON) -> bool:
    """Fast check (no pointer bookkeeping) for any string ``$ref`` that does not start with ``#``."""
    stack = [tree]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if type(node) is dict:
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            values: Any = node.values()
        elif type(node) is list:
            values = node
        else:
            continue
        for v in values:
            if type(v) is dict or type(v) is list:
                push(v)
    return False


# --------------------------------------------------------------------------------------------------- policy
def ref_scheme(ref: str) -> str | None:
    """The URI scheme of a ref (``http``, ``file``, ...), ``"//"`` for a network-path ref, or None."""
    if ref.startswith("//") or ref.startswith("\\\\"):
        return "//"
    m = _SCHEME.match(ref)
    return m.group()[:-1].lower() if m else None


def check_ref_policy(doc: Document, diags: Diagnostics, *, allow_file_refs: bool = False) -> None:
    """Report every ``$ref`` that does not start with ``#`` and is not allowed (errors; nothing is fetched)."""
    if not _has_nonlocal_ref(doc.data):
        return
    root_dir = doc.path.resolve().parent
    for tokens, node in iter_ref_nodes(doc.data):
        ref = node["$ref"]
        if ref.startswith("#"):
            continue
        pointer = pointer_from_tokens(tokens)
        problem = _policy_problem(ref, root_dir, root_dir, allow_file_refs)
        if problem is not None:
            code, message = problem
            report(diags, code, message, doc, pointer)


def _policy_problem(ref: str, base_dir: Path, root_dir: Path, allow_file_refs: bool, *,
                    check_escape: bool = True) -> tuple[str, str] | None:
    scheme = ref_scheme(ref)
    if scheme is not None:
        what = "file: $ref" if scheme == "file" else "remote $ref"
        return "ref-remote", f"{what} not allowed: {ref[:200]!r} (only local '#/...' refs are followed)"
    if not ref:
        return "ref-invalid", "empty $ref"
    if not allow_file_refs:
        return "ref-external", (f"external $ref not allowed: {ref[:200]!r} (pass --allow-file-refs to resolve "
                                "relative files inside the spec's directory)")
    if not check_escape:
        return None
    target = _file_target(base_dir, ref.split("#", 1)[0])
    if target is None or not target.is_relative_to(root_dir):
        return "ref-escape", f"$ref {ref[:200]!r} escapes the input directory {str(root_dir)!r}"
    return None


def _file_target(base_dir: Path, file_part: str) -> Path | None:
    try:
        return (base_dir / unquote(file_part)).resolve()
    except (OSError, ValueError, RuntimeError):
        return None
