"""Language-neutral markdown reflow for spec descriptions (STYLE.md "Docstrings", D2-D4 and D10).

A raw description (as loaded by YAML, newlines included) is parsed into blocks by a small subset of CommonMark,
then every block is re-wrapped greedily. Nothing here knows about Python or TypeScript; ``docstrings.py`` adds the
quotes, indentation and summary layout.

Blocks (D4):

- **Paragraph**: consecutive non-blank lines. Single newlines are soft breaks and are re-flowed. The raw text,
  soft newlines and trailing spaces included, is kept because the summary rule (D7) measures it.
- **List**: items with a bullet (``-``, ``*``, ``+``, all printed as ``- ``) or an ordered marker (``1.``/``1)``,
  printed as ``<n>. `` numbered from the list's start). Up to 3 columns of leading indentation are dropped. An item
  continues with lines indented to its content column, with lazy continuation lines (no blank line before them,
  not starting a block), and with blank-line-separated blocks indented to its content column; anything else ends
  it. A bullet list may interrupt a paragraph; an ordered list only if it starts at 1 (CommonMark). A list is
  *loose* if a blank line separates two of its items or two blocks of one item: loose items are separated by a
  blank line, tight ones are not. Nested lists are item content like any other block.
- **Fenced code** (```` ``` ```` or ``~~~``): copied verbatim, minus the fence's own indentation.

Wrapping (D2, D3): width 80 text columns; a list item's continuation lines are indented by the marker width (2 for
``- ``, 3 for ``1. ``), and that indentation counts toward the width. Words are runs of non-whitespace, except
that an inline code span (which may contain spaces) and a whole link or image ``[text](url)`` never break;
punctuation attached to a token stays with it. A token longer than the width sits alone on its line. A wrapped
line never starts with a word that reads as a list marker (``-``, ``+``, ``*``, ``1.``, ``1)``): the word before it
moves down too, so the output parses back to the same blocks (seen once in openai-node, "greater" / "than 1.").

Links (D10): ``link_rewrites`` is a sequence of ``(prefix, replacement)`` pairs applied to the targets of markdown
links ``[text](target)`` only, never to code spans or code blocks; the first matching prefix wins.

Headings, tables, block quotes, HTML and indented code blocks do not occur in params descriptions (STYLE D4) and
are treated as paragraph text. Lists nested deeper than ``MAX_LIST_DEPTH`` are paragraph text too, and the inline
scanner is linear (up to a log factor), so hostile input cannot blow the stack or the time budget.

Not settled by any observed case: ordered items are renumbered ``start``, ``start + 1``, ... with a ``.`` delimiter
(as CommonMark renders them); looseness is decided per list (CommonMark), blank lines inside an item per item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from generator.text.inline import WIDTH, LinkRewrites, rewrite_links, wrap_text

# --------------------------------------------------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``text`` is the raw source, lines joined with ``\\n`` (soft breaks and trailing spaces kept),
    leading indentation of every line removed, links already rewritten."""

    text: str


@dataclass(frozen=True)
class CodeBlock:
    """A fenced code block, fences included, copied verbatim (minus the fence's indentation)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class ListItem:
    """One list item; ``blocks`` is its content, parsed like a document; ``spread`` if a blank line separates two
    of its blocks (they are then printed with a blank line between them)."""

    blocks: tuple[Block, ...]
    spread: bool = False


@dataclass(frozen=True)
class ListBlock:
    """A bullet or ordered list; ``loose`` lists have a blank line between items."""

    ordered: bool
    start: int
    items: tuple[ListItem, ...]
    loose: bool

    def marker(self, index: int) -> str:
        """The printed marker of item ``index``, trailing space included: ``"- "`` or ``"<n>. "``."""
        return f"{self.start + index}. " if self.ordered else "- "


Block: TypeAlias = Paragraph | CodeBlock | ListBlock


# --------------------------------------------------------------------------------------------------------------------
# Block parsing

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_BULLET = re.compile(r"^( {0,3})([-+*])(?=[ \t]|$)")
_ORDERED = re.compile(r"^( {0,3})(\d{1,9})([.)])(?=[ \t]|$)")


@dataclass(frozen=True)
class _Marker:
    """A list marker at the start of a line."""

    ordered: bool
    kind: str  # bullet character, or the ordered delimiter "." / ")"
    number: int
    content_col: int  # the column item content starts at (D4 "content column")
    content: str  # the rest of the marker line, "" for an item starting blank

    def same_list(self, other: _Marker) -> bool:
        return self.ordered == other.ordered and self.kind == other.kind

    def can_interrupt_paragraph(self) -> bool:
        """CommonMark: an empty item never interrupts a paragraph; an ordered list only when it starts at 1."""
        return bool(self.content.strip()) and (not self.ordered or self.number == 1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_blank(line: str) -> bool:
    return not line.strip()


def _dedent(line: str, columns: int) -> str:
    """``line`` without up to ``columns`` leading spaces."""
    return line[min(columns, _indent(line)) :]


def _expand_leading_tabs(line: str) -> str:
    stripped = line.lstrip(" \t")
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def _match_marker(line: str) -> _Marker | None:
    bullet = _BULLET.match(line)
    ordered = None if bullet else _ORDERED.match(line)
    match = bullet or ordered
    if match is None:
        return None
    marker_end = match.end()
    rest = line[marker_end:]
    spaces = _indent(rest)
    if not rest.strip():
        content_col, content = marker_end + 1, ""
    elif spaces > 4:
        content_col, content = marker_end + 1, rest[1:]
    else:
        content_col, content = marker_end + spaces, rest[spaces:]
    if ordered:
        return _Marker(True, ordered.group(3), int(ordered.group(2)), content_col, content)
    assert bullet is not None
    return _Marker(False, bullet.group(2), 0, content_col, content)


def _is_fence(line: str) -> bool:
    match = _FENCE.match(line)
    return match is not None and not (match.group(2)[0] == "`" and "`" in match.group(3))


def _starts_block(line: str) -> bool:
    """True if ``line`` would interrupt a paragraph: a fence, a bullet item or an ordered item starting at 1."""
    if _is_fence(line):
        return True
    marker = _match_marker(line)
    return marker is not None and marker.can_interrupt_paragraph()


INDENTED_BREAK = 8
"""A line indented this much starts a new paragraph in the SDK's formatter (OpenAI: a line indented by 20 after
a paragraph line); a line indented less continues the paragraph, as in CommonMark (Llama Stack
``ChunkMetadata``: lines indented by 4 are joined into the paragraph)."""

CODE_INDENT = 4
"""After a blank line, lines indented this much are an indented code block, copied verbatim with their
indentation (Llama Stack ``SearchRankingOptions``: its ``Examples:`` lines keep their 4 spaces and their
double spaces)."""

MAX_LIST_DEPTH = 16
"""Lists nested deeper than this are read as paragraph text (bounds recursion on hostile input)."""


class _Parser:
    """Block parser over a list of lines (no line breaks inside), recursive for list item content."""

    def __init__(self, link_rewrites: LinkRewrites, depth: int = 0) -> None:
        self.link_rewrites = link_rewrites
        self.depth = depth

    def blocks(self, lines: list[str]) -> tuple[list[Block], bool]:
        """The blocks of ``lines``, and whether a blank line separates two of them (an item's "spread")."""
        blocks: list[Block] = []
        spread = False
        i = 0
        while i < len(lines):
            if _is_blank(lines[i]):
                i += 1
                continue
            spread = spread or (bool(blocks) and _is_blank(lines[i - 1]))
            if _is_fence(lines[i]):
                block, i = self._fence(lines, i)
            elif self.depth == 0 and i > 0 and _is_blank(lines[i - 1]) and _indent(lines[i]) >= CODE_INDENT:
                block, i = self._indented_code(lines, i)
            elif self.depth < MAX_LIST_DEPTH and (marker := _match_marker(lines[i])) is not None:
                block, i = self._list(lines, i, marker)
            else:
                block, i = self._paragraph(lines, i)
            blocks.append(block)
        return blocks, spread

    def _fence(self, lines: list[str], i: int) -> tuple[Block, int]:
        match = _FENCE.match(lines[i])
        assert match is not None
        indent, fence = len(match.group(1)), match.group(2)
        out = [lines[i][indent:]]
        j = i + 1
        while j < len(lines):
            line = lines[j]
            out.append(_dedent(line, indent))
            j += 1
            closing = _FENCE.match(line)
            if closing and closing.group(2).startswith(fence) and not closing.group(3).strip():
                break
        return CodeBlock(tuple(out)), j

    def _indented_code(self, lines: list[str], i: int) -> tuple[Block, int]:
        j = i
        while j < len(lines) and (_is_blank(lines[j]) or _indent(lines[j]) >= CODE_INDENT):
            j += 1
        while j > i and _is_blank(lines[j - 1]):
            j -= 1
        return CodeBlock(tuple(line.rstrip() for line in lines[i:j])), j

    def _paragraph(self, lines: list[str], i: int) -> tuple[Block, int]:
        out = [lines[i].lstrip()]
        j = i + 1
        while j < len(lines) and not _is_blank(lines[j]) and not _starts_block(lines[j]) \
                and _indent(lines[j]) < INDENTED_BREAK:
            out.append(lines[j].lstrip())
            j += 1
        return Paragraph(rewrite_links("\n".join(out), self.link_rewrites)), j

    def _list(self, lines: list[str], i: int, first: _Marker) -> tuple[Block, int]:
        """A list starting at ``lines[i]``; it goes on while items of the same kind follow (D4)."""
        items: list[ListItem] = []
        loose = gap = False
        marker: _Marker | None = first
        while marker is not None and marker.same_list(first):
            loose = loose or gap
            content, i = _item_lines(lines, i, marker)
            gap = bool(content) and _is_blank(content[-1])
            while content and _is_blank(content[-1]):
                content.pop()
            blocks, spread = _Parser(self.link_rewrites, self.depth + 1).blocks(content)
            loose = loose or spread
            items.append(ListItem(tuple(blocks), spread))
            marker = _match_marker(lines[i]) if i < len(lines) else None
        return ListBlock(first.ordered, first.number, tuple(items), loose), i


def _item_lines(lines: list[str], i: int, marker: _Marker) -> tuple[list[str], int]:
    """The content lines of the item whose marker is on ``lines[i]``, de-indented to its content column, and the
    index of the first line after the item. Trailing blank lines are included (they mark a loose list if another
    item follows)."""
    col = marker.content_col
    content = [marker.content] if marker.content.strip() else []
    in_fence = bool(content) and _is_fence(content[0])
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if _is_blank(line):
            content.append("")
        elif _indent(line) >= col:
            content.append(line[col:])
        elif _continues_text(content, in_fence) and _is_lazy(line):
            content.append(line)
        else:
            break
        if _is_fence(content[-1]):
            in_fence = not in_fence
        j += 1
    return content, j


def _continues_text(content: list[str], in_fence: bool) -> bool:
    """True if the item's last line is paragraph text that a lazy continuation line may extend."""
    return bool(content) and not in_fence and not _is_blank(content[-1]) and not _is_fence(content[-1])


def _is_lazy(line: str) -> bool:
    """A line below an item's content column, right after item text, continues that text unless it starts a block
    (any list marker ends the item, as does a fence)."""
    return not _is_fence(line) and _match_marker(line) is None


def parse_blocks(text: str, link_rewrites: LinkRewrites = ()) -> list[Block]:
    """The markdown blocks of a raw description (D4), with link targets rewritten (D10)."""
    lines = [_expand_leading_tabs(line) for line in text.rstrip().splitlines()]
    while lines and _is_blank(lines[0]):
        lines.pop(0)
    blocks, _ = _Parser(link_rewrites).blocks(lines)
    return blocks


# --------------------------------------------------------------------------------------------------------------------
# Rendering


def render_block(block: Block, width: int = WIDTH) -> list[str]:
    """The lines of one block wrapped at ``width``; blank lines are ``""``."""
    if isinstance(block, Paragraph):
        return wrap_text(block.text, width)
    if isinstance(block, CodeBlock):
        return list(block.lines)
    lines: list[str] = []
    for index, item in enumerate(block.items):
        if index and block.loose:
            lines.append("")
        marker = block.marker(index)
        pad = " " * len(marker)
        body = _join_blocks(item.blocks, width - len(marker), blank=item.spread)
        if not body:
            lines.append(marker.rstrip())
        for k, line in enumerate(body):
            lines.append((marker if k == 0 else pad) + line if line else "")
    return lines


def _join_blocks(blocks: Sequence[Block], width: int, *, blank: bool = True) -> list[str]:
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if index and (blank or (isinstance(block, Paragraph) and isinstance(blocks[index - 1], Paragraph))):
            lines.append("")
        lines.extend(render_block(block, width))
    return lines


def wrap_blocks(blocks: Sequence[Block], width: int = WIDTH) -> list[str]:
    """The lines of ``blocks`` wrapped at ``width``, top-level blocks separated by exactly one empty line (D4)."""
    return _join_blocks(blocks, width)
