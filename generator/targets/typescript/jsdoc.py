"""JSDoc blocks (TS-STYLE §5): the shared markdown reflow at 80 text columns after `` * `` at any indent, always
the multi-line form (``/**``, `` * text``, `` */``; a blank line is `` *``), no summary split.

The text is ``@deprecated `` (when deprecated) + the location prefix (``Body param: `` …, when the interface
mixes locations, TS-STYLE §3 F7) + the description, all in the first paragraph and reflowed together
(``completions.ts:2105``, ``beta/responses/responses.ts:13285``). A deprecated member without a description
gets `` * @deprecated`` alone (``completions.ts:2439``); a member with neither gets no comment.
"""

from __future__ import annotations

import functools

from generator.text.escape import jsdoc_text
from generator.text.inline import WIDTH, LinkRewrites
from generator.text.markdown import parse_blocks, wrap_blocks


def jsdoc_lines(description: str | None, *, prefix: str = "", deprecated: bool = False,
                link_rewrites: LinkRewrites = ()) -> list[str]:
    """The comment's lines without indentation (the caller indents them), or ``[]`` for no comment."""
    text = description.strip() if description and description.strip() else ""
    lead = ("@deprecated " if deprecated else "") + prefix
    if not text and not lead:
        return []
    return list(_lines(lead + text if text else lead.rstrip(), tuple(link_rewrites)))


@functools.lru_cache(maxsize=16384)
def _lines(text: str, link_rewrites: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    blocks = parse_blocks(text, link_rewrites)
    body = [jsdoc_text(line) for line in wrap_blocks(blocks, WIDTH)]
    return ("/**", *(f" * {line}".rstrip() if line.strip() else " *" for line in body), " */")
