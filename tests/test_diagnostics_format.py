"""``--diagnostics-format text|json|github``: the same diagnostics in every format, on every subcommand; each format
escapes untrusted text for its own context; ``python -m generator`` is ``typegen``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator.diagnostics import Diagnostic, Level

ROOT = Path(__file__).resolve().parent.parent
GITHUB = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def typegen(*args: str, cwd: Path, module: str = "generator.cli") -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cwd / ".c")}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=cwd, capture_output=True, text=True, env=env,
                          check=False)


def unescape_github(text: str, *, prop: bool = False) -> str:
    if prop:
        text = text.replace("%2C", ",").replace("%3A", ":")
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def parse_github(line: str) -> Diagnostic:
    """The inverse of ``render_github`` for the fields it carries (pointer and message are split at ``: ``)."""
    m = GITHUB.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    code = re.fullmatch(r"typegen\[(.*)\]", unescape_github(props["title"], prop=True))
    assert code
    data = unescape_github(m.group(3))
    pointer, message = data.split(": ", 1) if data.startswith("#") else ("", data)
    level = {"error": Level.ERROR, "warning": Level.WARNING, "notice": Level.NOTE}[m.group(1)]
    return Diagnostic(level, code.group(1), message, unescape_github(props.get("file", ""), prop=True), pointer,
                      int(props["line"]) if "line" in props else None, int(props["col"]) if "col" in props else None)


def parse_json(line: str) -> Diagnostic:
    obj = json.loads(line)
    assert set(obj) == {"level", "code", "message", "file", "pointer", "line", "column"}
    return Diagnostic(Level(obj["level"]), obj["code"], obj["message"], obj["file"] or "", obj["pointer"] or "",
                      obj["line"], obj["column"])


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A project whose config has unknown keys (warnings without a line) and whose spec has two dangling refs
    (errors with line:col)."""
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    cfg = tmp_path / "specs" / "openai-images.stainless.yml"
    cfg.write_text(cfg.read_text() + "surprise: 1\nanother, surprise: 2\n")
    spec = tmp_path / "specs" / "openai-images.openapi.yaml"
    spec.write_text(spec.read_text().replace("$ref: '#/components/schemas/PartialImages'",
                                             "$ref: '#/components/schemas/Missing'"))
    return tmp_path


def run_formats(*args: str, cwd: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    return {fmt: typegen(*args, "--diagnostics-format", fmt, cwd=cwd) for fmt in ("text", "json", "github")}


STATUS = re.compile(r"^typegen( check| validate)?: ")  # the human status lines (counts, timings, summaries)


def assert_same_diagnostics(runs: dict[str, subprocess.CompletedProcess[str]], *, status_lines: int,
                            cwd: Path) -> list[Diagnostic]:
    codes = {r.returncode for r in runs.values()}
    assert len(codes) == 1, {f: r.returncode for f, r in runs.items()}
    assert "Traceback" not in "".join(r.stderr for r in runs.values())
    assert len({r.stdout for r in runs.values()}) == 1, "stdout does not depend on the diagnostics format"
    found = [parse_json(line) for line in runs["json"].stderr.splitlines()]  # json mode: only diagnostics
    assert found
    text_lines = runs["text"].stderr.splitlines()
    status = [line for line in text_lines if STATUS.match(line)]
    assert len(status) == status_lines, status
    assert [line for line in text_lines if not STATUS.match(line)] == [d.render() for d in found]
    github_lines = runs["github"].stderr.splitlines()
    assert [line for line in github_lines if not line.startswith("::")] == status, "status lines stay plain text"
    relative = [replace(d, file=str((cwd / d.file).resolve().relative_to(cwd.resolve()))) for d in found]
    assert [parse_github(line) for line in github_lines if line.startswith("::")] == relative
    return found


@pytest.mark.parametrize("command", ["generate", "check"])
def test_generate_and_check_report_the_same_diagnostics_in_every_format(broken: Path, command: str) -> None:
    runs = run_formats(command, "--config", "specs/openai-images.stainless.yml", cwd=broken)
    assert runs["text"].returncode == 2
    found = assert_same_diagnostics(runs, status_lines=1, cwd=broken)
    assert {(d.level, d.code) for d in found} == {(Level.ERROR, "ref-dangling"),
                                                 (Level.WARNING, "config-unknown-key")}
    assert all(d.line and d.column for d in found if d.level is Level.ERROR)
    assert any(d.column is None for d in found if d.level is Level.WARNING)
    github = runs["github"].stderr
    assert "::error file=specs/openai-images.openapi.yaml,line=" in github
    assert re.search(r"^::warning file=specs/openai-images.stainless.yml,line=\d+,title=typegen\[config-unknown-key\]"
                     r"::#/another, surprise: ", github, re.M)


def test_validate_and_init_take_the_format_too(broken: Path) -> None:
    spec = "specs/openai-images.openapi.yaml"
    assert_same_diagnostics(run_formats("validate", spec, cwd=broken), status_lines=1, cwd=broken)
    (broken / "bad.yaml").write_text("openapi: 3.1.0\npaths: {a: [\n")
    found = assert_same_diagnostics(run_formats("init", "--spec", "bad.yaml", cwd=broken), status_lines=1, cwd=broken)
    assert found[0].code.startswith("yaml") and found[0].line


def test_warnings_only_run_and_clean_check(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    cfg = tmp_path / "specs" / "openai-images.stainless.yml"
    cfg.write_text(cfg.read_text() + "surprise: 1\n")
    runs = run_formats("generate", "--config", str(cfg), "-q", cwd=tmp_path)
    assert runs["text"].returncode == 0
    assert_same_diagnostics(runs, status_lines=0, cwd=tmp_path)
    runs = run_formats("check", "--config", str(cfg), cwd=tmp_path)
    assert runs["json"].returncode == 0
    assert_same_diagnostics(runs, status_lines=1, cwd=tmp_path)  # "typegen check: no drift", absent in json mode
    assert "no drift" in runs["github"].stderr


def test_text_is_the_default(broken: Path) -> None:
    args = ("check", "--config", "specs/openai-images.stainless.yml")
    default, text = typegen(*args, cwd=broken), typegen(*args, "--diagnostics-format", "text", cwd=broken)
    assert (default.returncode, default.stdout, default.stderr) == (text.returncode, text.stdout, text.stderr)


def test_unknown_format_is_a_usage_error(broken: Path) -> None:
    r = typegen("check", "--diagnostics-format", "xml", cwd=broken)
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_python_m_generator_is_typegen(broken: Path) -> None:
    args = ("check", "--config", "specs/openai-images.stainless.yml", "--diagnostics-format", "json")
    cli, main = typegen(*args, cwd=broken), typegen(*args, cwd=broken, module="generator")
    assert (cli.returncode, cli.stdout, cli.stderr) == (main.returncode, main.stdout, main.stderr)
    assert main.returncode == 2 and main.stderr
    assert typegen("--version", cwd=broken, module="generator").stdout.startswith("typegen ")
    script = Path(sys.executable).parent / "typegen"
    if script.is_file():  # the installed entry point
        r = subprocess.run([str(script), *args], cwd=broken, capture_output=True, text=True, check=False,
                           env={**os.environ, "XDG_CACHE_HOME": str(broken / ".c")})
        assert (r.returncode, r.stdout, r.stderr) == (main.returncode, main.stdout, main.stderr)


# -- the renderings themselves ------------------------------------------------------------------------------------

def test_json_rendering_has_every_field() -> None:
    d = Diagnostic(Level.WARNING, "c", "m \u2028 \x1b", "a.yaml", "#/x", 3, 4)
    assert json.loads(d.render_json()) == {"level": "warning", "code": "c", "message": "m \u2028 \x1b",
                                           "file": "a.yaml", "pointer": "#/x", "line": 3, "column": 4}
    assert json.loads(Diagnostic(Level.ERROR, "c", "m").render_json())["file"] is None


def test_github_rendering_escapes_commands_and_properties() -> None:
    d = Diagnostic(Level.ERROR, "x,y:z", "100% bad\n::error file=forged::owned\r", "dir,a:b/s.yaml", "#/p", 7, 2)
    line = d.render_github()
    assert "\n" not in line and "\r" not in line
    assert line == ("::error file=dir%2Ca%3Ab/s.yaml,line=7,col=2,title=typegen[x%2Cy%3Az]::#/p: 100%25 bad%0A"
                    "::error file=forged::owned%0D")
    assert parse_github(line) == d
    assert Diagnostic(Level.NOTE, "n", "m").render_github() == "::notice title=typegen[n]::m"
    assert Diagnostic(Level.WARNING, "w", "m", "f.yaml", "", None, 3).render_github() == \
        "::warning file=f.yaml,title=typegen[w]::m"


def test_github_paths_are_relative_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    inside = Diagnostic(Level.ERROR, "c", "m", str(tmp_path.resolve() / "specs" / "a.yaml"), "", 1, 1)
    assert inside.render_github().startswith("::error file=specs/a.yaml,line=1,col=1,")
    assert Diagnostic(Level.ERROR, "c", "m", "/elsewhere/a.yaml").render_github().startswith(
        "::error file=/elsewhere/a.yaml,")
    sub = tmp_path / "sdk"
    sub.mkdir()
    monkeypatch.chdir(sub)  # `working-directory: sdk` in the job: annotations still name the path from the root
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    cases = (("specs/a.yaml", "sdk/specs/a.yaml"), ("../a.yaml", "a.yaml"), ("../../a.yaml", "../../a.yaml"))
    for file, shown in cases:
        assert Diagnostic(Level.ERROR, "c", "m", file).render_github().startswith(f"::error file={shown},")


text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(text, text, text, text)
@example("c", "a\u2028b\u2029c\u202ed", "f\u2066.yaml", "#/p\x85q")
def test_every_format_stays_on_one_line_and_round_trips(code: str, message: str, file: str, pointer: str) -> None:
    d = Diagnostic(Level.ERROR, code, message, file, pointer, 1, 2)
    for fmt in ("text", "json", "github"):
        line = d.render_as(fmt)
        # one line by every reader's rules (str.splitlines also breaks at U+2028, U+2029, U+0085, ...), and no
        # bidirectional override that would reorder what a reader sees
        assert len(line.splitlines()) == 1 and not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
                                                      for c in line), fmt
    assert parse_json(d.render_json()) == d
    assert d.render_json().isascii()


def test_an_internal_error_is_one_diagnostic_in_every_format(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from generator import cli

    def boom(*args: object) -> int:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.delenv("TYPEGEN_DEBUG", raising=False)
    monkeypatch.setattr(cli, "_dispatch", boom)
    assert cli.main(["check"]) == 2
    assert capsys.readouterr().err == ("typegen: internal error: RuntimeError: boom\nsecond line (nothing written; "
                                       "set TYPEGEN_DEBUG=1 for the traceback and please report it)\n")
    assert cli.main(["check", "--diagnostics-format", "json"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    d = parse_json(line)
    assert (d.level, d.code) == (Level.ERROR, "internal-error") and d.message.startswith("internal error: RuntimeError")
    assert cli.main(["check", "--diagnostics-format", "github"]) == 2
    line, status = capsys.readouterr().err.splitlines()
    assert status == "typegen: 1 error(s); nothing written"
    assert line.startswith("::error title=typegen[internal-error]::internal error: RuntimeError: boom%0Asecond line")
