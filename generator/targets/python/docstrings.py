"""Docstring and JSDoc layout of a description (STYLE.md "Docstrings", D1-D11, and "TypeScript JSDoc").

The text is parsed and re-wrapped by :mod:`generator.text.markdown` (D2-D4, links D10); this module chooses the
layout and adds quotes and indentation. Escaping goes through :mod:`generator.text.escape` only (D11).

Python layouts (D5), where ``I`` is the field indent and lines are wrapped at 80 text columns, indent not counted:

- **ONE**  ``\"\"\"<text>\"\"\"`` on one line. Used iff the description is a single paragraph whose
  whitespace-collapsed length is <= 79 (D6). A space goes before the closing quotes if the text ends with ``"`` (D9).
- **SPLIT** ``\"\"\"<summary>`` + blank line + the rest + ``I\"\"\"`` on its own line (D5, D8, D9). The summary
  (D7) is the whole first paragraph if more blocks follow and it is <= 80 characters long (collapsed); otherwise
  the first sentence of the first paragraph, i.e. the raw text up to the first ``.``/``?``/``!`` followed by a
  literal space (a period before a newline ends no sentence; ``e.g. `` does), if its raw length (soft newlines
  and trailing spaces included) is <= 81 and some text follows it. The rest of that paragraph becomes a
  paragraph of its own. The summary is wrapped at 80 columns, the opening quotes not counted (D8).
- **NEXT** ``\"\"\"`` + newline + the whole text + ``I\"\"\"`` on its own line, when neither rule applies.

Every line after the first is prefixed with the indent, except blank lines, which are truly empty (D9); trailing
whitespace is dropped from every line (code block lines included).

Class docstrings (``reflow=False``) keep the spec's raw text: in the ONE layout when the text has no line break
(double spaces kept: openai ``types/responses/response_mcp_call_failed_event.py``) and in a first-sentence SPLIT summary
(D7.2; a whole-paragraph summary is wrapped as usual: llama-stack ``file_create_params.py`` ``ExpiresAfter``),
whose raw line breaks stay and which is not re-wrapped (``types/realtime/conversation_item_delete_event.py``,
``realtime_server_event.py`` ``ConversationItemRetrieved``, 81 columns on one line).

JSDoc (TypeScript): the same reflow at 80 columns after the `` * `` prefix, never a summary split; ``/**`` on its
own line, every text line `` * <text>``, blank lines `` *``, and `` */`` at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.text.escape import docstring_text, jsdoc_text
from generator.text.inline import WIDTH, LinkRewrites, collapse, rewrite_links, wrap_text
from generator.text.markdown import Block, Paragraph, parse_blocks, wrap_blocks

ONE_LINE_MAX = 79
"""D6: the longest whitespace-collapsed single paragraph that stays on one line."""

PARAGRAPH_SUMMARY_MAX = 80
"""D7.1: the longest first paragraph (collapsed) used whole as the summary when more blocks follow."""

SENTENCE_SUMMARY_MAX = 81
"""D7.2: the longest raw first sentence used as the summary."""

_SENTENCE_END = re.compile(r"[.?!] ")


def one_line_text(blocks: Sequence[Block]) -> str | None:
    """D6: the one-line text if ``blocks`` is a single paragraph of at most 79 collapsed characters."""
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
        line = collapse(blocks[0].text)
        if len(line) <= ONE_LINE_MAX:
            return line
    return None


def split_summary(blocks: Sequence[Block]) -> tuple[str, list[Block]] | None:
    """D7: the raw summary text and the blocks after it, or None for the NEXT layout."""
    if not blocks or not isinstance(blocks[0], Paragraph):
        return None
    first, rest = blocks[0].text, list(blocks[1:])
    if rest and len(collapse(first)) <= PARAGRAPH_SUMMARY_MAX:
        return first, rest
    end = _SENTENCE_END.search(first)
    if end is None or end.start() + 1 > SENTENCE_SUMMARY_MAX:
        return None
    # the rest is parsed again: alone, a leading "- " starts a list (openai responses/response_compact_params.py)
    after: list[Block] = [*parse_blocks(first[end.end() :].strip()), *rest]
    if not after:
        return None
    return first[: end.start() + 1], after


def _indent_lines(lines: Sequence[str], indent: str) -> str:
    """Lines joined by newlines, each non-empty one prefixed with ``indent``; trailing whitespace dropped."""
    return "\n".join(f"{indent}{line}".rstrip() if line.strip() else "" for line in lines)


def python_docstring(
    text: str, *, indent: str = "    ", link_rewrites: LinkRewrites = (), reflow: bool = True
) -> str | None:
    """The complete docstring literal for a description, quotes included, or None if it is empty.

    The first line carries no indent (the caller writes the field's indent before it); every later non-empty line
    starts with ``indent``. With ``reflow=False`` (class docstrings, as the SDK writes them) the layout and the
    summary are chosen and wrapped the same way, but the text after the summary keeps the raw line breaks.
    """
    if not text.strip():
        return None
    blocks = parse_blocks(text, link_rewrites)
    if not blocks:
        return None
    one = one_line_text(blocks)
    raw = rewrite_links(text, link_rewrites).strip()
    if one is not None:
        body = docstring_text(raw if not reflow and "\n" not in raw else one)
        return f'"""{body} """' if body.endswith('"') else f'"""{body}"""'
    closing = f"\n{indent}" + '"""'
    split = split_summary(blocks)
    if split is not None:
        summary, rest = split
        head = [docstring_text(line) for line in wrap_text(summary, WIDTH)]
        if not reflow and raw.startswith(summary):
            # a first sentence (D7.2) keeps its raw lines; a whole first paragraph is wrapped
            if not isinstance(blocks[0], Paragraph) or summary != blocks[0].text:
                head = [docstring_text(line.rstrip()) for line in summary.splitlines()]
            tail = [docstring_text(line.rstrip()) for line in raw[len(summary) :].strip().splitlines()]
        else:
            tail = [docstring_text(line) for line in wrap_blocks(rest, WIDTH)]
        summary_text = head[0] + ("\n" + _indent_lines(head[1:], indent) if head[1:] else "")
        return '"""' + summary_text + "\n\n" + _indent_lines(tail, indent) + closing
    if reflow:
        lines = [docstring_text(line) for line in wrap_blocks(blocks, WIDTH)]
    else:
        lines = [docstring_text(line.rstrip()) for line in raw.splitlines()]
    return '"""\n' + _indent_lines(lines, indent) + closing


def jsdoc(text: str, *, indent: str = "", link_rewrites: LinkRewrites = ()) -> str | None:
    """The complete JSDoc comment for a description (``/**`` ... `` */``), or None if it is empty.

    The first line (``/**``) carries no indent; every later line starts with ``indent``.
    """
    if not text.strip():
        return None
    blocks = parse_blocks(text, link_rewrites)
    if not blocks:
        return None
    lines = [jsdoc_text(line) for line in wrap_blocks(blocks, WIDTH)]
    body = "\n".join(f"{indent} * {line}".rstrip() if line.strip() else f"{indent} *" for line in lines)
    return f"/**\n{body}\n{indent} */"
