"""Inline markdown for the reflow (:mod:`generator.text.markdown`): code spans and links never break, link
targets are rewritten (D10), and text is cut into tokens and wrapped greedily at a width (D2, D3). See the
markdown module's docstring for the rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeAlias

WIDTH = 80
"""Default text width in columns, not counting the docstring/comment indentation (D2)."""

LinkRewrites: TypeAlias = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class _Span:
    """An unbreakable inline construct ``text[start:end]``; for links, ``target`` is where the URL starts."""

    start: int
    end: int
    target: int | None = None


def _backtick_runs(text: str) -> dict[int, list[int]]:
    """Start positions of the maximal backtick runs of ``text``, by run length."""
    runs: dict[int, list[int]] = {}
    for match in re.finditer(r"`+", text):
        runs.setdefault(len(match.group()), []).append(match.start())
    return runs


def _run_length(text: str, i: int) -> int:
    j = i
    while j < len(text) and text[j] == "`":
        j += 1
    return j - i


_BRACKET_SCAN = re.compile(r"[\\`\[\]()]")
"""The characters :func:`_match_brackets` acts on; every other character is passed over."""
_SPAN_SCAN = re.compile(r"[\\`\[]")
"""Where a span can start or an escape be skipped (:func:`_inline_spans`; ``![`` is seen at its ``[``)."""
_BREAKS = re.compile(r"[ \t\n]+")
"""A line may break only at spaces, tabs and line breaks (a no-break space, for one, does not)."""
_SPAN_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _match_brackets(text: str) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """One left-to-right pass (linear up to a log factor, whatever the input): code spans ``start -> end`` (a
    backtick run closed by the next run of the same length; inside it brackets and backslashes are literal), and the
    matching ``]`` of every ``[`` and ``)`` of every ``(`` outside code spans and backslash escapes."""
    runs = _backtick_runs(text)
    code: dict[int, int] = {}
    square: dict[int, int] = {}
    paren: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    i = 0
    while (found := _BRACKET_SCAN.search(text, i)) is not None:  # jump to the next character that matters
        i = found.start()
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`":
            length = _run_length(text, i)
            starts = runs.get(length, [])
            k = bisect.bisect_left(starts, i + length)
            if k < len(starts):
                code[i] = starts[k] + length
                i = starts[k] + length
            else:
                i += length
        else:
            if ch in stacks:
                stacks[ch].append(i)
            elif ch == "]" and stacks["["]:
                square[stacks["["].pop()] = i
            elif ch == ")" and stacks["("]:
                paren[stacks["("].pop()] = i
            i += 1
    return code, square, paren


def _inline_spans(text: str) -> Iterator[_Span]:
    """The code spans and links/images ``[label](target)`` of ``text``, left to right, not overlapping."""
    if "`" not in text and "[" not in text:  # no code span and no link can start: most descriptions
        return
    code, square, paren = _match_brackets(text)
    i = resume = 0  # ``resume``: where the scan went on after the last span or escape
    while (found := _SPAN_SCAN.search(text, i)) is not None:  # other characters neither start nor skip a span
        i = found.start()
        if i in code:
            yield _Span(i, code[i])
            i = resume = code[i]
            continue
        if text[i] == "\\":
            i = resume = i + 2
            continue
        label_end = square.get(i) if text[i] == "[" else None
        if label_end is not None and text.startswith("(", label_end + 1) and label_end + 1 in paren:
            end = paren[label_end + 1] + 1
            # an image ``![label](target)`` starts at its ``!``, unless an escape or a span took that ``!``
            start = i - 1 if i > resume and text[i - 1] == "!" else i
            yield _Span(start, end, target=label_end + 2)
            i = resume = end
            continue
        i += 1


def rewrite_links(text: str, link_rewrites: LinkRewrites) -> str:
    """``text`` with every markdown link target that starts with a rewrite prefix rewritten (D10)."""
    if not link_rewrites:
        return text
    out: list[str] = []
    pos = 0
    for span in _inline_spans(text):
        if span.target is None:
            continue
        for prefix, replacement in link_rewrites:
            if text.startswith(prefix, span.target):
                out.append(text[pos : span.target])
                out.append(replacement)
                pos = span.target + len(prefix)
                break
    out.append(text[pos:])
    return "".join(out)


def tokens(text: str) -> list[str]:
    """The unbreakable words of a paragraph (D3): whitespace separates words except inside code spans and links,
    where any line break (with the spaces around it) becomes one space. (The text between spans is split by one
    regular expression; a span is glued to the text touching it on either side.)"""
    words: list[str] = []
    current: list[str] = []  # the pieces of the word being built

    def feed(segment: str) -> None:
        parts = _BREAKS.split(segment)
        current.append(parts[0])
        for part in parts[1:]:  # a break before each of these
            word = "".join(current)
            if word:
                words.append(word)
            current[:] = [part]

    pos = 0
    for span in _inline_spans(text):
        feed(text[pos : span.start])
        current.append(_SPAN_BREAK.sub(" ", text[span.start : span.end]))
        pos = span.end
    feed(text[pos:])
    word = "".join(current)
    if word:
        words.append(word)
    return words


def collapse(text: str) -> str:
    """Paragraph text on one line: its tokens joined by single spaces."""
    return " ".join(tokens(text))


_MARKER_WORD = re.compile(r"[-+*]|\d{1,9}[.)]")
"""A word that would read as a list marker at the start of a line."""


def wrap_text(text: str, width: int = WIDTH) -> list[str]:
    """Greedy wrap of a paragraph's tokens at ``width`` columns; an over-long token sits alone on its line.

    A line never starts with a word that would read as a list marker (``-``, ``1.``): the word before it moves
    down with it (openai-node: "… is greater" / "than 1.")."""
    lines: list[list[str]] = []
    line: list[str] = []
    for word in tokens(text):
        if line and len(" ".join(line)) + 1 + len(word) > width:
            carried: list[str] = []
            while len(line) > 1 and _MARKER_WORD.fullmatch((carried or [word])[0]):
                carried.insert(0, line.pop())
            lines.append(line)
            line = carried
        line.append(word)
    if line:
        lines.append(line)
    return [" ".join(words) for words in lines]
