"""The hostile-input catalogue (tests/hostile/) through the TypeScript target: the same verdicts as for Python
(ERR: exit 2, no traceback, nothing written; SAFE: exit 0), every SAFE tree type-checks under tsc --strict (one
compiler run over all of them), and no spec text escapes its context (a JSDoc never closes early, every string
literal and property key comes from the escapers)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_hostile import EXPECTED, HOSTILE, audited, snapshot
from test_typescript import TSCONFIG

SAFE = sorted(cid for cid, case in EXPECTED.items() if case["expect"] == "SAFE")


def generate(tmp: Path, cid: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str], dict[str, str]]:
    case = EXPECTED[cid]
    work = tmp / cid
    work.mkdir()
    spec = work / case["file"]
    shutil.copy(HOSTILE / "cases" / case["file"], spec)
    with_config: tuple[str, ...] = ()
    if case.get("config"):
        shutil.copy(HOSTILE / "cases" / case["config"], work / case["config"])
        with_config = ("--config", str(work / case["config"]))
    out = work / "out"
    out.mkdir()
    (out / "previous.txt").write_text("the previous tree\n")
    before = snapshot(out)
    r = audited(work, "cli", "generate", "--target", "typescript", "--no-cache", "--spec", str(spec), *with_config,
                "--out", str(out), cwd=work)
    return r, before, snapshot(out)


def check_contexts(root: Path) -> None:
    for path in root.rglob("*.ts"):
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"/\*\*\n(.*?)\*/", text, flags=re.S):
            assert "*/" not in block, path  # a JSDoc closes only where the printer closes it
        code = re.sub(r"/\*\*.*?\*/", "", text, flags=re.S)
        code = re.sub(r"^//.*$", "", code, flags=re.M)
        assert "\u2028" not in code and "\u2029" not in code, path


@pytest.mark.parametrize("cid", sorted(EXPECTED))
def test_catalogue_case_typescript(cid: str, tmp_path: Path) -> None:
    case = EXPECTED[cid]
    r, before, after = generate(tmp_path, cid)
    assert "audit:" not in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr[-2000:]
    if case["expect"] == "ERR":
        assert r.returncode == 2, r.stderr
        assert after == before, "the output tree changed"
    else:
        assert r.returncode == 0, r.stderr
        check_contexts(tmp_path / cid / "out")


def test_safe_cases_type_check(tmp_path: Path, tsc: Path) -> None:
    for cid in SAFE:
        r, _, _ = generate(tmp_path, cid)
        assert r.returncode == 0, (cid, r.stderr[-1000:])
        (tmp_path / cid / "out" / "previous.txt").unlink()
    (tmp_path / "tsconfig.json").write_text(json.dumps({**TSCONFIG, "include": ["*/out/**/*.ts"]}), encoding="utf-8")
    r = subprocess.run(["node", str(tsc), "-p", str(tmp_path)], capture_output=True, text=True, check=False,
                       timeout=600)
    assert r.returncode == 0, (r.stdout + r.stderr)[-4000:]
