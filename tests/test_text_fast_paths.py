"""Fast paths of the text functions (issue 15: the docstring reflow was a third of a cold run). The inline
scanners jump from one character that matters to the next; string literals, identifiers and control-character
removal skip text with nothing to change. Each must give what the one-character-at-a-time definition gives, on
any text: the definitions are kept here as the reference."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import escape, inline

TEXT = st.text(alphabet=st.sampled_from("ab !\\`[]()\n\t *_x"), max_size=24)


def _reference_brackets(text: str) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    runs = inline._backtick_runs(text)
    code: dict[int, int] = {}
    square: dict[int, int] = {}
    paren: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`":
            length = inline._run_length(text, i)
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


def _reference_spans(text: str) -> list[tuple[int, int, int | None]]:
    code, square, paren = _reference_brackets(text)
    out = []
    i = 0
    while i < len(text):
        if i in code:
            out.append((i, code[i], None))
            i = code[i]
            continue
        if text[i] == "\\":
            i += 2
            continue
        bracket = i + 1 if text.startswith("![", i) else i
        label_end = square.get(bracket)
        if label_end is not None and text.startswith("(", label_end + 1) and label_end + 1 in paren:
            end = paren[label_end + 1] + 1
            out.append((i, end, label_end + 2))
            i = end
            continue
        i += 1
    return out


def _reference_tokens(text: str) -> list[str]:
    words: list[str] = []
    current: list[str] = []
    spans = {start: end for start, end, _ in _reference_spans(text)}
    i = 0
    while i < len(text):
        if i in spans:
            current.append(re.sub(r"[ \t]*\n[ \t]*", " ", text[i : spans[i]]))
            i = spans[i]
        elif text[i] in " \t\n":
            if current:
                words.append("".join(current))
                current = []
            i += 1
        else:
            current.append(text[i])
            i += 1
    if current:
        words.append("".join(current))
    return words


@settings(max_examples=3000, deadline=None)
@given(TEXT)
def test_scans_equal_the_character_at_a_time_definition(text: str) -> None:
    assert inline._match_brackets(text) == _reference_brackets(text)
    assert [(s.start, s.end, s.target) for s in inline._inline_spans(text)] == _reference_spans(text)
    assert inline.tokens(text) == _reference_tokens(text)


def test_scans_on_hand_picked_texts() -> None:
    for text in ["![img](u) and \\![x](y)", "`a` ![b](c)", "x`![a](b)`", "a\\\\![l](t)", "[a](b)![c](d)",
                 "see [the `x`\n guide](https://e.com/a_(b)) now", "``` ` ```", "[a]\n(b)"]:
        assert [(s.start, s.end, s.target) for s in inline._inline_spans(text)] == _reference_spans(text), text
        assert inline.tokens(text) == _reference_tokens(text), text


def _reference_drop_controls(text: str, keep: str = "") -> str:
    return "".join(ch for ch in text if ch in keep or not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0
                                                             or 0xD800 <= ord(ch) <= 0xDFFF))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB1 \x00\x1f\x7f\x85\x9f\xa0é\u2028\ud800\udfff\t\n")))
def test_control_characters_dropped_as_defined(text: str) -> None:
    assert escape._drop_controls(text) == _reference_drop_controls(text)
    assert escape._drop_controls(text, "\n\t") == _reference_drop_controls(text, "\n\t")


def _reference_quoted(value: str, quote: str) -> str:
    out = [quote]
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == quote:
            out.append("\\" + quote)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF) or not ch.isprintable():
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join([*out, quote])


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB1_ -\"'\\\x00\x1f\x7f\x85\xa0é\u2028\ud800\U0001F600\U000E0001\t\n\r")))
def test_string_literals_and_identifiers_as_defined(text: str) -> None:
    for quote in "\"'":
        assert escape._quoted(text, quote, lambda code: f"\\U{code:08x}") == _reference_quoted(text, quote)
    kept = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch == "_"))
    assert escape.identifier(text) == escape.identifier(kept)
