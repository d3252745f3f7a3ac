"""Property tests of the escaping functions (one per output context) on arbitrary Unicode: surrogates, controls,
NUL, lone CR, backslashes and triple quotes included."""

from __future__ import annotations

import ast
import keyword

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import escape

TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80) | st.sampled_from(
    ['"""', "\\", "\r", "\x00", "a\\", '"', "x\"\"\"; __import__('os')", "\ud800", "\u2028", "*/", "{{ 1 }}"])
REMOVED = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\n", "\t"}


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_string_literal_round_trips(text: str) -> None:
    literal = escape.string_literal(text)
    assert "\n" not in literal and "\r" not in literal
    assert ast.literal_eval(literal) == text


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_docstring_text_parses_and_keeps_the_text(text: str) -> None:
    body = escape.docstring_text(text)
    source = f'"""{body} """'
    value = ast.literal_eval(source)
    assert isinstance(value, str)
    normalised = escape._LINE_BREAKS.sub("\n", text)
    expected = "".join(c for c in normalised if c not in REMOVED and not 0xD800 <= ord(c) <= 0xDFFF)
    assert value == expected + " "


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_comment_lines_stay_comments(text: str) -> None:
    lines = escape.comment_lines(text)
    for line in lines:
        assert line.startswith("#")
        assert not any(c in line for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    tree = ast.parse("\n".join(lines) + "\nx = 1\n")
    assert len(tree.body) == 1


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_identifiers_and_module_names_are_safe(text: str) -> None:
    ident = escape.identifier(text)
    assert ident.isascii() and ident.isidentifier() and not keyword.iskeyword(ident)
    assert not keyword.issoftkeyword(ident) and ident not in escape.RESERVED_NAMES
    assert len(ident) <= escape.MAX_IDENTIFIER_BYTES
    assert escape.identifier(ident) == ident
    name = escape.module_name(text)
    assert name.isascii() and name.isidentifier() and not keyword.iskeyword(name)
    assert name == name.lower() and len(name) <= escape.MAX_NAME_BYTES
    assert "/" not in name and not name.startswith(".")


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_jsdoc_text_cannot_close_the_comment(text: str) -> None:
    assert "*/" not in escape.jsdoc_text(text)


# ----------------------------------------------------------------------------------------------- TypeScript
_JS_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "'": "'", '"': '"'}


def _js_string_value(literal: str) -> str:
    """The value of a JavaScript string literal written by ``ts_string_literal`` (the escapes it uses)."""
    quote, body = literal[0], literal[1:-1]
    assert literal[-1] == quote and quote in "'\""
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        assert ch != quote and ch not in "\n\r\u2028\u2029", literal
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in _JS_ESCAPES:
            out.append(_JS_ESCAPES[nxt])
            i += 2
        elif nxt == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif body[i + 2] == "{":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3:end], 16)))
            i = end + 1
        else:
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
    return "".join(out)


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_ts_string_literal_round_trips(text: str) -> None:
    assert _js_string_value(escape.ts_string_literal(text)) == text


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_ts_property_key_is_an_identifier_or_a_literal(text: str) -> None:
    key = escape.ts_property_key(text)
    if key[:1] in "'\"":
        assert _js_string_value(key) == text
    else:
        assert key == text and key.isascii() and (key[0].isalpha() or key[0] in "_$")


@settings(max_examples=400, derandomize=True)
@given(TEXT)
def test_ts_type_name_and_comment_lines_are_safe(text: str) -> None:
    name = escape.ts_type_name(text)
    assert name.isascii() and name.isidentifier() and name not in ("string", "number", "class", "null")
    for line in escape.ts_comment_lines(text):
        assert line.startswith("//") and "\n" not in line and "\r" not in line and "\u2028" not in line
