"""Diagnostics are data: every problem found in a spec or config is collected, then printed together.

A diagnostic carries a level, a stable code, the file it concerns, a JSON pointer into that file and, where
known, a line and column. Errors mean exit 2 and no output; warnings are printed and generation goes on.

The same :class:`Diagnostic` objects are rendered in three formats (``--diagnostics-format``): ``text`` (one
human line), ``json`` (one JSON object per line, for editors and bots) and ``github`` (GitHub Actions workflow
commands, which annotate the spec's lines in a pull request). Each format escapes the untrusted parts of a
diagnostic (messages quote spec and config strings) with exactly one function for its context: ``_one_line``,
``json.dumps`` with ``ensure_ascii``, ``_github_data`` / ``_github_property``.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


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

    def render_json(self) -> str:
        """One JSON object on one line: every field, ``null`` where unknown (ASCII only, so no raw control or
        line-separator character can split the line)."""
        return json.dumps({"level": self.level.value, "code": self.code, "message": self.message,
                           "file": self.file or None, "pointer": self.pointer or None, "line": self.line,
                           "column": self.column}, ensure_ascii=True)

    def render_github(self) -> str:
        """A GitHub Actions workflow command: ``::error file=F,line=L,col=C,title=typegen[code]::#/ptr: message``.

        Errors, warnings and notes map to ``::error``, ``::warning`` and ``::notice``. The message and the
        properties are percent-escaped as the runner expects, so a newline in a spec string cannot start a
        second (forged) command. Paths are made relative to the checkout (see :func:`_relative`)."""
        command = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTE: "notice"}[self.level]
        props = []
        if self.file:
            props.append(f"file={_github_property(_relative(self.file))}")
            if self.line is not None:
                props.append(f"line={self.line}")
                if self.column is not None:
                    props.append(f"col={self.column}")
        props.append(f"title={_github_property(f'typegen[{self.code}]')}")
        pointer = f"{self.pointer}: " if self.pointer else ""
        return f"::{command} {','.join(props)}::{_github_data(pointer + self.message)}"

    def render_as(self, fmt: str) -> str:
        if fmt == "json":
            return self.render_json()
        if fmt == "github":
            return self.render_github()
        return self.render()


FORMATS = ("text", "json", "github")


def _relative(file: str) -> str:
    """``file`` relative to the checkout (``$GITHUB_WORKSPACE``, else the working directory) when inside it: the
    runner attaches an annotation to a path relative to the repository root, even when typegen runs in a
    sub-directory (``working-directory:``)."""
    try:
        cwd = os.getcwd()
        root = os.environ.get("GITHUB_WORKSPACE") or cwd
        inside = Path(os.path.normpath(os.path.join(cwd, file))).relative_to(os.path.normpath(root)).as_posix()
    except (OSError, ValueError):  # no working directory any more, or a file outside the checkout
        return file
    return inside if inside != "." else file


def _github_data(text: str) -> str:
    """Escape a workflow command's message: ``%``, CR and LF (the runner's own rules); other C0/C1 controls are
    spelled ``\\xNN`` as in the text format, so nothing invisible reaches the log."""
    return _one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _github_property(text: str) -> str:
    """Escape a workflow command's property value: as the message, plus ``:`` and ``,`` (they end a value)."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


# Characters besides C0/C1 controls and surrogates that must not reach a log raw: the line and paragraph
# separators (``str.splitlines`` and JavaScript log viewers break lines there) and the bidirectional overrides
# and isolates (they reorder what a reader sees: "Trojan Source").
_ESCAPED = frozenset({0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})


def _one_line(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF or code in _ESCAPED:
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
