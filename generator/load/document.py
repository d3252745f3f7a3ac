"""A loaded spec document and its source positions: the data tree, JSON pointers into it, and the lazy
``pointer → line:col`` lookup that every diagnostic uses. The bottom of the load package: everything else in the
pipeline points into a :class:`Document`, and nothing here loads or checks anything.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from generator.diagnostics import Diagnostics, TypegenError

if TYPE_CHECKING:
    from yaml.nodes import Node

MB = 1024 * 1024

Format = Literal["yaml", "json"]
ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")  # a JSON pointer token that indexes an array


@dataclass(frozen=True)
class Limits:
    """Resource limits applied while loading one file."""

    max_bytes: int = 20 * MB  # checked on the file size before reading
    max_depth: int = 200  # nested containers (the root mapping is depth 1)
    max_alias_nodes: int = 10_000  # collection entries materialised through YAML aliases / merge keys


# --------------------------------------------------------------------------------------------------- pointers
def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_from_tokens(tokens: list[str] | tuple[str, ...]) -> str:
    return "#" + "".join("/" + escape_token(t) for t in tokens)


def tokens_from_pointer(pointer: str) -> list[str]:
    """``#/a/b~1c`` (or ``/a/b~1c``) -> ``["a", "b/c"]``; ``#`` and ``""`` -> ``[]``."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    return [unescape_token(t) for t in body.split("/")[1:]]


# --------------------------------------------------------------------------------------------------- document
@dataclass(eq=False)


class Document:
    """A loaded file: its plain data tree plus what is needed to point back into the source."""

    path: Path
    data: Any
    format: Format
    sha256: str
    raw: bytes = field(default=b"", repr=False)
    _yaml_root: Node | None = field(default=None, init=False, repr=False)
    _json_index: dict[tuple[str, ...], int] | None = field(default=None, init=False, repr=False)
    _text: str | None = field(default=None, init=False, repr=False)

    @property
    def file(self) -> str:
        return str(self.path)

    def locate(self, pointer: str) -> tuple[int, int] | None:
        """1-based (line, column) of the node at ``pointer``, or None if unknown.

        Computed lazily from the raw bytes (re-composing the YAML with marks, or scanning the JSON text); the
        first call pays for one pass, later calls are lookups. Never raises."""
        if not self.raw:
            return None
        try:
            tokens = tokens_from_pointer(pointer)
            if self.format == "yaml":
                return self._locate_yaml(tokens)
            return self._locate_json(tuple(tokens))
        except Exception:
            return None

    def _locate_yaml(self, tokens: list[str]) -> tuple[int, int] | None:
        if self._yaml_root is None:
            from generator.load import yaml_hardened

            with gc_paused():
                self._yaml_root = yaml_hardened._compose(self.raw)
        from generator.load.yaml_hardened import walk_nodes

        node = walk_nodes(self._yaml_root, tokens)
        if node is None:
            return None
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _locate_json(self, tokens: tuple[str, ...]) -> tuple[int, int] | None:
        if self._json_index is None:
            from generator.load.json_strict import scan_json

            self._text = self.raw.decode("utf-8-sig")
            index: dict[tuple[str, ...], int] = {}
            for kind, path, start, _ in scan_json(self._text):
                if kind == "value":
                    index.setdefault(path, start)
            self._json_index = index
        pos = self._json_index.get(tokens)
        if pos is None or self._text is None:
            return None
        return line_col(self._text, pos)


# --------------------------------------------------------------------------------------------------- errors


def fail(diags: Diagnostics, code: str, message: str, file: str, pointer: str = "",
          where: tuple[int, int] | None = None) -> NoReturn:
    line, column = where if where is not None else (None, None)
    diags.error(code, message, file=file, pointer=pointer, line=line, column=column)
    raise TypegenError(list(diags))


def short_pointer(pointer: str, limit: int = 80) -> str:
    return pointer if len(pointer) <= limit else pointer[:limit] + "…"


def line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Building a big tree triggers many useless cyclic-GC passes; pause the collector meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def report(diags: Diagnostics, code: str, message: str, doc: Document | None, pointer: str, file: str = "") -> None:
    """Record an error at ``pointer`` of ``doc`` (with its line:col when known), or of ``file`` without a document."""
    where = doc.locate(pointer) if doc is not None else None
    diags.error(code, message, file=doc.file if doc is not None else file, pointer=pointer,
                line=where[0] if where else None, column=where[1] if where else None)
