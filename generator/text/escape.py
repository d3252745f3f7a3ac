"""The one place where untrusted spec text becomes output text: one function per output context.

Every string that comes from a spec or config reaches generated code only through one of these functions:

- :func:`identifier`     – a Python identifier from an ASCII allowlist (class, alias and field names);
- :func:`module_name`    – a file/module name component (ASCII snake case, bounded length);
- :func:`string_literal` – a Python string literal (dict keys, ``Literal[...]`` values, ``PropertyInfo`` aliases);
- :func:`docstring_text` – text placed between triple double quotes;
- :func:`comment_lines`  – text placed after ``#`` (every physical line starts with ``#``);
- :func:`jsdoc_text`     – text placed inside a ``/** ... */`` block.
"""

from __future__ import annotations

import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Callable

# Names a generated module imports or relies on; a class or alias must never shadow them.
RESERVED_NAMES = frozenset(
    {
        "Dict", "List", "Union", "Iterable", "Optional", "Mapping", "Sequence", "Literal", "Required",
        "Annotated", "TypeAlias", "TypedDict", "NotRequired", "Any", "FileTypes", "SequenceNotStr",
        "PropertyInfo", "annotations", "str", "int", "float", "bool", "object", "bytes", "list", "dict",
        "type", "None", "True", "False",
    }
)

MAX_NAME_BYTES = 120  # module (file) names: file systems limit a name to 255 bytes
# Class and alias names: the SDKs keep the full concatenated path (the Llama Stack 2026-04 SDK has class names of
# 331 characters); the bound only stops hostile nesting from producing megabyte identifiers.
MAX_IDENTIFIER_BYTES = 1024

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _drop_controls(text: str, keep: str = "") -> str:
    """Remove C0/C1 control characters (except those in ``keep``) and lone surrogates."""
    if _CONTROLS.search(text) is None:  # most text has none: no per-character pass
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in keep:
            out.append(ch)
        elif code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
            continue
        else:
            out.append(ch)
    return "".join(out)


_NON_WORD = re.compile(r"[^A-Za-z0-9]+")
_NON_IDENTIFIER = re.compile(r"[^A-Za-z0-9_]+")
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9]|$)|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def ascii_words(text: str) -> tuple[str, ...]:
    """Split text into ASCII alphanumeric words, splitting camelCase; non-ASCII letters are transliterated
    where NFKD gives an ASCII base letter and dropped otherwise. (Cached: a run names the same schema and
    property names many times over.)"""
    folded = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in _NON_WORD.split(folded):
        if chunk:
            words.extend(_WORD.findall(chunk))
    return tuple(w for w in words if w)


def is_safe_identifier(name: str) -> bool:
    """True if ``name`` can be used verbatim as a Python identifier for a field in class syntax."""
    return (
        name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and not name.startswith("__")
    )


@functools.lru_cache(maxsize=1 << 16)  # pure; a run asks for the same names many times
def identifier(text: str, *, fallback: str = "Model") -> str:
    """An ASCII identifier for ``text``: characters outside ``[A-Za-z0-9_]`` are dropped, a leading digit gets the
    ``fallback`` prefix, keywords and reserved names get a trailing underscore, and an empty result becomes
    ``fallback``. Idempotent on its own output."""
    cleaned = _NON_IDENTIFIER.sub("", text)
    cleaned = cleaned.lstrip("_") or ""
    if not cleaned:
        cleaned = fallback
    if cleaned[0].isdigit():
        cleaned = fallback + cleaned
    if keyword.iskeyword(cleaned) or keyword.issoftkeyword(cleaned) or cleaned in RESERVED_NAMES:
        cleaned += "_"
    if len(cleaned) > MAX_IDENTIFIER_BYTES:
        digest = hashlib.sha256(cleaned.encode()).hexdigest()[:8]
        cleaned = cleaned[: MAX_IDENTIFIER_BYTES - 9] + "_" + digest
    return cleaned


@functools.lru_cache(maxsize=1 << 16)  # pure; a run asks for the same names many times
def module_name(text: str, *, fallback: str = "module") -> str:
    """A module (file stem) name: ASCII lower snake case, never empty, never starting with a digit or a dot,
    at most ``MAX_NAME_BYTES`` bytes (truncated with a stable hash)."""
    words = [w.lower() for w in ascii_words(text)]
    name = "_".join(words) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if keyword.iskeyword(name):
        name += "_"
    if len(name) > MAX_NAME_BYTES:
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        name = name[: MAX_NAME_BYTES - 9] + "_" + digest
    return name


def string_literal(value: str) -> str:
    """A Python string literal whose value is exactly ``value`` (lone surrogates are kept as escapes).

    Double quotes are preferred, as black does; single quotes when that avoids escaping a double quote."""
    quote = "'" if ('"' in value and "'" not in value) else '"'
    return _quoted(value, quote, lambda code: f"\\U{code:08x}")


def _quoted(value: str, quote: str, astral: Callable[[int], str]) -> str:
    """``value`` between ``quote``s with the escapes Python and TypeScript share (backslash, the quote, ``\\n``
    ``\\r`` ``\\t``, ``\\xNN`` for controls, ``\\uNNNN`` for surrogates, separators and unprintables);
    ``astral`` writes an unprintable code point above U+FFFF, the one escape the two languages spell apart."""
    if value.isascii() and value.isprintable() and "\\" not in value and quote not in value:
        return quote + value + quote  # nothing to escape (most names and enum values): no per-character pass
    out = [quote]
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == quote:
            out.append("\\" + quote)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF) or not ch.isprintable():
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else astral(code))
        else:
            out.append(ch)
    out.append(quote)
    return "".join(out)


def docstring_text(text: str) -> str:
    """Text safe between ``\"\"\"`` delimiters: backslashes doubled, every ``\"\"\"`` broken up, controls and
    lone surrogates removed, line breaks normalised to ``\\n``. The caller adds the delimiters and must put a
    space before the closing ones if the result ends with ``\"``."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _drop_controls(text, keep="\n\t")
    text = text.replace("\\", "\\\\")
    return text.replace('"""', '\\"\\"\\"')


def comment_lines(text: str) -> list[str]:
    """The lines of a ``#`` comment for ``text``, each starting with ``#`` (an empty line is a bare ``#``)."""
    lines = _LINE_BREAKS.split(text)
    out = []
    for line in lines:
        clean = _drop_controls(line, keep="\t").rstrip()
        out.append(f"# {clean}" if clean else "#")
    return out


def jsdoc_text(text: str) -> str:
    """Text safe inside a JSDoc block: ``*/`` cannot close it, controls removed."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _drop_controls(text, keep="\n\t")
    return text.replace("*/", "*\\/")


# ----------------------------------------------------------------------------------------------- TypeScript
# Words that cannot name a declared type or namespace in TypeScript (reserved words and the predefined types).
_TS_RESERVED = frozenset({
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
    "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
    "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
    "while", "with", "implements", "interface", "let", "package", "private", "protected", "public", "static",
    "yield", "any", "boolean", "number", "string", "symbol", "never", "object", "unknown", "undefined",
    "bigint", "type", "namespace", "declare", "module", "keyof", "readonly", "infer", "is", "asserts",
})
_TS_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")


def ts_string_literal(value: str) -> str:
    """A TypeScript string literal whose value is exactly ``value``, quoted as Prettier does with
    ``singleQuote: true``: single quotes unless the value holds more single than double quotes."""
    quote = '"' if value.count("'") > value.count('"') else "'"
    return _quoted(value, quote, lambda code: "\\u{" + f"{code:x}" + "}")


def ts_property_key(name: str) -> str:
    """A property name in an interface: bare when it is an ASCII identifier name, else a string literal
    (Prettier's ``quoteProps: 'as-needed'``)."""
    return name if _TS_NAME.match(name) else ts_string_literal(name)


def ts_type_name(text: str, *, fallback: str = "Model") -> str:
    """A safe name for a declared interface, type alias or namespace (ASCII, not a reserved word)."""
    name = identifier(text, fallback=fallback)
    return name + "_" if name in _TS_RESERVED else name


def ts_comment_lines(text: str) -> list[str]:
    """The lines of a ``//`` comment for ``text`` (an empty line is a bare ``//``)."""
    out = []
    for line in _LINE_BREAKS.split(text):
        clean = _drop_controls(line, keep="\t").rstrip()
        out.append(f"// {clean}" if clean else "//")
    return out
