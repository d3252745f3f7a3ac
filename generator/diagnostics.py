"""Diagnostics are data: every problem found in a spec or config is collected, then printed together.

A diagnostic carries a level, a stable code, the file it concerns, a JSON pointer into that file and, where
known, a line and column. Errors mean exit 2 and no output; warnings are printed and generation goes on.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


class Level(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Diagnostic:
    level: Level = field(compare=False)
    code: str
    message: str
    file: str = ""
    pointer: str = ""
    line: int | None = None
    column: int | None = None

    def render(self) -> str:
        """One line: ``file:line:col: #/pointer: level[code]: message``; control characters are escaped."""
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        pointer = f" {self.pointer}:" if self.pointer else ""
        text = f"{where}:{pointer} {self.level.value}[{self.code}]: {self.message}"
        return _one_line(text)


def _one_line(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


class TypegenError(Exception):
    """Raised to abort a run; carries the diagnostics collected so far (at least one error)."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


class Diagnostics:
    """A collector shared by the stages of one run."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []
        self._seen: set[Diagnostic] = set()

    def add(self, diagnostic: Diagnostic) -> None:
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self._items.append(diagnostic)

    def error(self, code: str, message: str, *, file: str = "", pointer: str = "", line: int | None = None,
              column: int | None = None) -> None:
        self.add(Diagnostic(Level.ERROR, code, message, file, pointer, line, column))

    def warning(self, code: str, message: str, *, file: str = "", pointer: str = "", line: int | None = None,
                column: int | None = None) -> None:
        self.add(Diagnostic(Level.WARNING, code, message, file, pointer, line, column))

    def note(self, code: str, message: str, *, file: str = "", pointer: str = "") -> None:
        self.add(Diagnostic(Level.NOTE, code, message, file, pointer))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        for item in items:
            self.add(item)

    @property
    def has_errors(self) -> bool:
        return any(d.level is Level.ERROR for d in self._items)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self._items if d.level is Level.WARNING]

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise TypegenError(self._items)

    def replace(self, items: Iterable[Diagnostic]) -> None:
        self._items = list(items)
        self._seen = set(self._items)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
