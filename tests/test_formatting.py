"""The two formatters and their fast paths: modules whose lines all fit are written as rendered; the others go
to ruff format (the SDKs' formatter) or, without ruff, to black, where only the over-long one-line statements are
formatted. Both results must equal whole-module black on the rendered text (with the two alias rules where ruff
and black differ), checked on every module of the default and the whole-OpenAI outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run
from generator.targets.python import formatting, parallel, ruffformat
from generator.targets.python.formatting import _black, black_format_sources, format_sources, is_black_stable

ROOT = Path(__file__).resolve().parent.parent


def _rendered(monkeypatch: pytest.MonkeyPatch, config: Path, spec: Path | None = None) -> dict[str, str]:
    captured: dict[str, str] = {}

    def capture(sources: dict[str, str], *, cache_dir: Path | None = None,
                trees: object = None) -> dict[str, str]:
        captured.update(sources)
        return dict(sources)

    monkeypatch.setenv("TYPEGEN_JOBS", "1")  # captured in this process
    monkeypatch.setattr(parallel, "format_sources", capture)
    run(Options(config=config, spec=spec, out=Path("/nonexistent"), use_cache=False), Diagnostics())
    return captured


def _assert_fast_path_equals_black(raw: dict[str, str]) -> None:
    fast = format_sources(raw)
    statements = black_format_sources(raw)
    for name, text in raw.items():
        if "  # pyright: ignore" in text:
            continue  # a trailing pragma does not count toward the line length, as in ruff format (below)
        whole = _black(text)
        assert fast[name] == whole, f"{name}: ruff formatting differs from black"
        assert statements[name] == whole, f"{name}: black's statement fast path differs from whole-module black"


def test_trailing_pragma_does_not_count_toward_the_line_length() -> None:
    # the response models' extra-properties stub (STYLE-RESPONSES R4.5): the SDKs format with ruff, which keeps
    # this line whole; black would split the call to make room for the comment
    line = ("        __pydantic_extra__: Dict[str, object] = FieldInfo(init=False)  "
            "# pyright: ignore[reportIncompatibleVariableOverride]")
    src = f"class A(BaseModel):\n    if TYPE_CHECKING:\n{line}\n    else:\n        x: int\n"
    assert len(line) > 120 and is_black_stable(src)
    assert format_sources({"m.py": src})["m.py"] == src


def test_default_output_equals_black(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _rendered(monkeypatch, ROOT / "specs" / "openai-images.stainless.yml")
    assert len(raw) >= 4
    _assert_fast_path_equals_black(raw)


def test_openai_output_equals_black(monkeypatch: pytest.MonkeyPatch, shared_dir: Path) -> None:
    raw = _rendered(monkeypatch, shared_dir / "openai" / "openai.stainless.yml",
                    shared_dir / "openai" / "openapi.transformed.yml")
    assert sum(1 for t in raw.values() if is_black_stable(t)) > len(raw) // 2
    _assert_fast_path_equals_black(raw)


def test_long_docstring_line_and_statement() -> None:
    long_link = "[x](https://example.com/" + "a" * 120 + ")"
    src = (
        "class A(TypedDict, total=False):\n"
        '    x: Optional[Literal[' + ", ".join(f'"value{i}"' for i in range(20)) + "]]\n"
        f'    """\n    {long_link}\n    """\n'
    )
    assert format_sources({"m.py": src})["m.py"] == _black(src)


@pytest.mark.parametrize(
    ("text", "stable"), [("x = 1\n", True), ("x = 1", False), ("x = '" + "a" * 130 + "'\n", False)]
)
def test_fast_path_predicate(text: str, stable: bool) -> None:
    assert is_black_stable(text) is stable


def test_formatter_is_ruff() -> None:
    """ruff format (the SDKs' formatter) lays out the modules when the ``ruff`` package's binary is there."""
    assert formatting.formatter_version().startswith("ruff ")


_LONG = "x: Union[" + ", ".join(f"Member{i}" for i in range(30)) + "]\n"


def test_black_is_the_fallback_without_ruff(monkeypatch: pytest.MonkeyPatch) -> None:
    """No usable ruff binary: black formats, to the same bytes, and the manifest names black."""
    want = format_sources({"m.py": _LONG})["m.py"]
    assert want != _LONG
    monkeypatch.setattr(ruffformat, "ruff_binary", lambda: None)
    assert formatting.formatter_version().startswith("black ")
    assert format_sources({"m.py": _LONG})["m.py"] == want == _black(_LONG)


def test_a_failing_ruff_falls_back_to_black(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ruff that exits non-zero (or cannot run) is not trusted with any module: black formats them all."""
    want = _black(_LONG)
    monkeypatch.setattr(ruffformat, "ruff_binary", lambda: "/bin/false")
    assert ruffformat.format_with_ruff({"m.py": _LONG}, 120) is None
    assert format_sources({"m.py": _LONG, "n.py": "y = 1\n"}) == {"m.py": want, "n.py": "y = 1\n"}
    monkeypatch.setattr(ruffformat, "ruff_binary", lambda: "/nonexistent/ruff")
    assert format_sources({"m.py": _LONG})["m.py"] == want


def test_ruff_ignores_configuration_around_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's ruff settings (a shorter line length, single quotes) never reach the generated layout."""
    (tmp_path / "ruff.toml").write_text('line-length = 40\n[format]\nquote-style = "single"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(ruffformat, "_scratch_dirs", lambda: [str(tmp_path)])
    src = 'x = "' + "a" * 10 + '"\n' + _LONG
    assert format_sources({"m.py": src})["m.py"] == _black(src)


def test_an_unusable_scratch_directory_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The modules go to the next scratch directory when one cannot be written (a full ``/dev/shm``)."""
    monkeypatch.setattr(ruffformat, "_scratch_dirs", lambda: [str(tmp_path / "missing"), str(tmp_path)])
    assert ruffformat.format_with_ruff({"m.py": _LONG}, 120) == {"m.py": _black(_LONG)}
    monkeypatch.setattr(ruffformat, "_scratch_dirs", lambda: [str(tmp_path / "missing")])
    assert ruffformat.format_with_ruff({"m.py": _LONG}, 120) is None
    assert format_sources({"m.py": _LONG})["m.py"] == _black(_LONG)  # black, then


def test_long_alias_value_is_split_at_its_own_bracket() -> None:
    """ruff format (the SDKs' formatter) never parenthesises an alias's value, even when ``Name: TypeAlias =
    Annotated[`` alone overflows (Llama Stack response_object_stream.py); black would write ``= (``."""
    name = "A" * 110
    members = ", ".join(f"{name}Member{i}" for i in range(2))
    src = f'{name}: TypeAlias = Annotated[Union[{members}], PropertyInfo(discriminator="type")]\n'
    want = (f"{name}: TypeAlias = Annotated[\n    Union[\n        {name}Member0,\n        {name}Member1,\n    ],\n"
            '    PropertyInfo(discriminator="type"),\n]\n')
    assert _black(src) == want
    assert format_sources({"m.py": src})["m.py"] == want


def test_no_formatter_at_all_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """An install without the dependencies (no ruff binary, no black): exit 2 with the fix named, nothing
    written, no traceback."""
    import importlib.util

    from generator.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(ruffformat, "ruff_binary", lambda: None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "black" else real(name, *a))
    out = tmp_path / "out"
    code = main(["generate", "--config", str(ROOT / "specs" / "openai-images.stainless.yml"), "--out", str(out),
                 "--no-cache"])
    assert code == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "error[formatter-missing]" in err and "pip install" in err and "Traceback" not in err
