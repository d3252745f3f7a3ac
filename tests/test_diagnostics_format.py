

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
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("::error title=typegen[internal-error]::internal error: RuntimeError: boom%0Asecond line")
