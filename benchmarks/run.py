"""Benchmark openapi-typegen on the whole OpenAI API against its peers and its floors (issue 5).

    python benchmarks/run.py [--peers] [--repeat N] [--peer-repeat N] [--no-scaling] [--source-only]

What is measured is what a user gets (issue 15): the project is built into a wheel and installed into a fresh venv
(pip compiles the bytecode), and ``typegen`` is run as its console script. The same scenarios from the source tree
(``python -m generator.cli`` with ``PYTHONPATH``, as an editable checkout runs) are reported beside it; the two differ
by interpreter start-up, bytecode writes on a first run, and the editable-install finder. Cold runs are interleaved
with the YAML floor (one of each per round), so a busy machine slows both alike; budgets are ratios to that floor.

Every scenario runs as a fresh subprocess; wall time and the child's peak RSS (``os.wait4``) are recorded.
Results: a markdown table on stdout and in ``benchmarks/results/results.md``, raw numbers in ``results.json``, and
``results.png`` / ``scaling.png`` when matplotlib is importable (``--peers`` installs it into the peers' venv).
Peers (datamodel-code-generator with TypedDict output, openapi-python-client) are installed on demand into
``benchmarks/.venv-peers``. Not part of CI's pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))
SPEC = SHARED / "openai" / "openapi.transformed.yml"
CONFIG = SHARED / "openai" / "openai.stainless.yml"
RESULTS = ROOT / "benchmarks" / "results"
PEERS = ROOT / "benchmarks" / ".venv-peers"
CONFIG_FULL = SHARED / "openai" / "openai-full.stainless.yml"  # every method, as the TypeScript target lays them out
# budgets, as ratios of a scenario's median to the YAML floor's median measured in the same rounds (issue 15)
RATIO_TARGETS = {"generate cold (request side)": 1.6, "generate cold (both sides)": 2.2,
                 "generate cold (typescript)": 1.6, "check (no drift)": 0.4}
RSS_TARGET_MB = 300.0


@dataclass
class Measure:
    name: str
    times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    def row(self) -> str:
        if not self.times:
            return f"| {self.name} | – | – | – | – | – |"
        return (f"| {self.name} | {min(self.times):.2f} | {self.median:.2f} | {max(self.times):.2f} | "
                f"{max(self.rss_mb):.0f} | {','.join(str(c) for c in sorted(set(self.exit_codes)))} |")


def timed(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one subprocess."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def repeat(name: str, n: int, make: object) -> Measure:
    m = Measure(name)
    for _ in range(n):
        cmd, env, cwd = make()  # type: ignore[operator]
        t, rss, code = timed(cmd, env=env, cwd=cwd)
        m.times.append(t)
        m.rss_mb.append(rss)
        m.exit_codes.append(code)
    return m


Make = Callable[[], tuple[list[str], dict[str, str], Path | None]]


def interleaved(n: int, makers: dict[str, Make]) -> list[Measure]:
    """``n`` rounds, each running every scenario once in turn (the floor beside the runs it is compared with)."""
    measures = {name: Measure(name) for name in makers}
    for _ in range(n):
        for name, make in makers.items():
            cmd, env, cwd = make()
            t, rss, code = timed(cmd, env=env, cwd=cwd)
            measures[name].times.append(t)
            measures[name].rss_mb.append(rss)
            measures[name].exit_codes.append(code)
    return list(measures.values())


def source_tree() -> list[str]:
    """``typegen`` as a checkout runs it: the source tree on ``PYTHONPATH``."""
    return [sys.executable, "-m", "generator.cli"]


def install_wheel(work: Path) -> list[str] | None:
    """``typegen`` as a user installs it: the project's wheel in a fresh venv (bytecode compiled by pip)."""
    wheels, venv = work / "wheel", work / "venv"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                       capture_output=True, text=True, check=False)
    built = sorted(wheels.glob("*.whl"))
    if r.returncode != 0 or not built:
        print(f"wheel build failed, measuring the source tree only: {r.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    r = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(built[0])],
                       capture_output=True, text=True, check=False)
    if r.returncode != 0:
        print(f"wheel install failed, measuring the source tree only: {r.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return [str(venv / "bin" / "typegen")]


def request_only_config(work: Path) -> Path:
    """The OpenAI config with the response side turned off (``typegen.response_models: false``)."""
    data = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    data.setdefault("typegen", {})["response_models"] = False
    path = work / "request-only.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def ours(work: Path, n: int, exe: list[str], tag: str) -> list[Measure]:
    """The scenarios for one way of running ``typegen``; names end with `` [tag]``."""
    env = {"PYTHONPATH": str(ROOT)} if exe == source_tree() else {}
    request_only = request_only_config(work)
    out, out_both, ts_out, cache = (work / f"{x}-{tag}" for x in ("out", "both", "ts", "cache"))
    load = f"import yaml; d = yaml.load(open({str(SPEC)!r}, 'rb'), Loader=yaml.CSafeLoader)"

    def fresh(path: Path, *args: str) -> Make:
        rounds = iter(range(1 << 30))

        def make() -> tuple[list[str], dict[str, str], Path | None]:
            # each round writes a new directory, and the trees are deleted after the last round: deleting the
            # previous round's 1,200 files just before the clock starts made each cold run pay the file system's
            # deferred work for it (on this VM, an ext4 mounted with `discard`, writing the tree grew from 0.7 s
            # to 1.65 s over four back-to-back runs; the floor writes nothing)
            target = path.with_name(f"{path.name}-{next(rounds)}")
            shutil.rmtree(target, ignore_errors=True)
            return [*exe, "generate", "-q", "--no-cache", *args, "--out", str(target)], env, None
        return make

    cold = interleaved(n, {
        "floor: load spec (YAML, C loader)": lambda: ([sys.executable, "-c", load], {}, None),
        "generate cold (request side)": fresh(out, "--spec", str(SPEC), "--config", str(request_only)),
        "generate cold (both sides)": fresh(out_both, "--spec", str(SPEC), "--config", str(CONFIG_FULL)),
        "generate cold (typescript)": fresh(ts_out, "--target", "typescript", "--spec", str(SPEC), "--config",
                                            str(CONFIG_FULL)),
    })
    base = ["--spec", str(SPEC), "--config", str(request_only)]
    warm_env = {**env, "XDG_CACHE_HOME": str(cache), "CI": ""}  # CI=true would make check cold (no cache)
    timed([*exe, "generate", "-q", *base, "--out", str(out)], env=warm_env)
    results = [*cold]
    results.append(repeat("generate warm", n, lambda: ([*exe, "generate", "-q", *base, "--out", str(out)],
                                                       warm_env, None)))
    results.append(repeat("check (no drift)", n, lambda: ([*exe, "check", *base, "--out", str(out)],
                                                          warm_env, None)))
    ci_env = {**warm_env, "CI": "true"}  # the cache is there, and check in CI must not read it
    results.append(repeat("check in CI (CI=true: no cache, cold)", n, lambda: (
        [*exe, "check", *base, "--out", str(out)], ci_env, None)))
    default_out = work / f"default-{tag}"
    results.append(repeat("default images spec", n, lambda: (
        [*exe, "generate", "-q", "--no-cache", "--config", str(ROOT / "specs" / "openai-images.stainless.yml"),
         "--out", str(default_out)], env, None)))
    for m in results:
        m.name = f"{m.name} [{tag}]"
    return results


def floors(work: Path, n: int, out: Path) -> list[Measure]:
    data_json = work / "spec.json"
    load = f"import yaml; d = yaml.load(open({str(SPEC)!r}, 'rb'), Loader=yaml.CSafeLoader)"
    subprocess.run([sys.executable, "-c", f"{load}; import json; json.dump(d, open({str(data_json)!r}, 'w'))"],
                   check=True)
    files = sorted(out.rglob("*.py"))
    sizes = [p.stat().st_size for p in files]
    write = (f"import os; d = {str(work / 'floor')!r}; os.makedirs(d, exist_ok=True)\n"
             f"for i, s in enumerate({sizes!r}):\n    open(os.path.join(d, f'm{{i}}.py'), 'w').write('x' * s)")
    return [
        repeat("floor: load spec (JSON)", n, lambda: (
            [sys.executable, "-c", f"import json; json.load(open({str(data_json)!r}))"], {}, None)),
        repeat(f"floor: write {len(files)} files", n, lambda: ([sys.executable, "-c", write], {}, None)),
    ]


def peers(work: Path, n: int) -> list[Measure]:
    py = PEERS / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "datamodel-code-generator", "openapi-python-client",
                        "matplotlib"], check=False)
    dcg = PEERS / "bin" / "datamodel-codegen"
    opc = PEERS / "bin" / "openapi-python-client"
    out: list[Measure] = []
    if dcg.exists():
        target = work / "dcg"
        out.append(repeat("peer: datamodel-code-generator (TypedDict)", n, lambda: (
            [str(dcg), "--input", str(SPEC), "--input-file-type", "openapi", "--output-model-type",
             "typing.TypedDict", "--output", str(target / "models.py")], {}, None)))
    if opc.exists():
        def opc_cmd() -> tuple[list[str], dict[str, str], Path]:
            shutil.rmtree(work / "opc", ignore_errors=True)
            return [str(opc), "generate", "--path", str(SPEC), "--output-path", str(work / "opc"), "--overwrite"], \
                {}, work
        out.append(repeat("peer: openapi-python-client", n, opc_cmd))
    return out


def scaling(work: Path, exe: list[str]) -> list[dict[str, float]]:
    """Time and RSS against the number of methods: 10/25/50/100 % of the OpenAI config (request side), and 4x by
    renamed copies."""
    config = yaml.safe_load(request_only_config(work).read_text(encoding="utf-8"))
    env = {"PYTHONPATH": str(ROOT)} if exe == source_tree() else {}
    spec_text = SPEC.read_text(encoding="utf-8")

    def methods(res: dict[str, object]) -> list[tuple[dict[str, object], str]]:
        found: list[tuple[dict[str, object], str]] = []
        for r in res.values():
            if isinstance(r, dict):
                found.extend((r, name) for name in (r.get("methods") or {}))
                found.extend(methods(r.get("subresources") or {}))
        return found

    total = len(methods(config["resources"]))
    rows = []
    for share in (0.10, 0.25, 0.50, 1.00):
        cfg = json.loads(json.dumps(config))
        keep = set(range(int(total * share)))
        for i, (res, name) in enumerate(methods(cfg["resources"])):
            if i not in keep:
                del res["methods"][name]  # type: ignore[attr-defined]
        path = work / f"cfg{int(share * 100)}.yml"
        path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
        t, rss, _ = timed([*exe, "generate", "-q", "--no-cache", "--spec", str(SPEC), "--config", str(path),
                           "--out", str(work / f"s{int(share * 100)}")], env=env)
        rows.append({"methods": len(keep), "seconds": t, "rss_mb": rss})
    spec = yaml.load(spec_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cfg4 = json.loads(json.dumps(config))
    for k in (2, 3, 4):
        for path, item in list(spec["paths"].items()):
            spec["paths"][f"/x{k}{path}"] = item
        for name, res in config["resources"].items():
            cfg4["resources"][f"x{k}_{name}"] = _prefixed(res, f"/x{k}")
    (work / "spec4.json").write_text(json.dumps(spec), encoding="utf-8")
    (work / "cfg4.yml").write_text(yaml.safe_dump(cfg4), encoding="utf-8")
    t, rss, _ = timed([*exe, "generate", "-q", "--no-cache", "--spec", str(work / "spec4.json"), "--config",
                       str(work / "cfg4.yml"), "--out", str(work / "s400")], env=env)
    rows.append({"methods": 4 * total, "seconds": t, "rss_mb": rss})
    return rows


def _prefixed(res: dict[str, object], prefix: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in res.items():
        if key == "methods" and isinstance(value, dict):
            out[key] = {n: _endpoint(e, prefix) for n, e in value.items()}
        elif key == "subresources" and isinstance(value, dict):
            out[key] = {n: _prefixed(r, prefix) for n, r in value.items()}
        elif key != "models":
            out[key] = value
    return out


def _endpoint(entry: object, prefix: str) -> object:
    if isinstance(entry, str):
        verb, path = entry.split(" ", 1)
        return f"{verb} {prefix}{path}"
    if isinstance(entry, dict):
        return {**entry, "endpoint": _endpoint(entry["endpoint"], prefix)}
    return entry


def report(measures: list[Measure], scale: list[dict[str, float]], tags: list[str]) -> str:
    by = {m.name: m for m in measures}
    lines = ["| scenario | min s | median s | max s | peak RSS MB | exit |", "|---|---|---|---|---|---|"]
    lines += [m.row() for m in measures]
    lines += ["", "| budget (median / YAML floor of the same rounds) | limit | measured | met |", "|---|---|---|---|"]
    for tag in tags:
        floor = by[f"floor: load spec (YAML, C loader) [{tag}]"].median
        for name, limit in RATIO_TARGETS.items():
            ratio = by[f"{name} [{tag}]"].median / floor
            lines.append(f"| {name} [{tag}] | ≤ {limit}x | {ratio:.2f}x | {'yes' if ratio <= limit else 'NO'} |")
    ours_rss = [r for m in measures if not m.name.startswith(("peer:", "floor:")) for r in m.rss_mb]
    rss = max(ours_rss)
    lines.append(f"| peak RSS (ours) | ≤ {RSS_TARGET_MB:.0f} MB | {rss:.0f} MB | "
                 f"{'yes' if rss <= RSS_TARGET_MB else 'NO'} |")
    cold = by[f"generate cold (request side) [{tags[0]}]"].median
    for m in measures:
        if m.name.startswith("peer:") and m.times:
            speedup = m.median / cold
            lines.append(f"| {m.name[len('peer: '):]} / ours cold [{tags[0]}] | ≥ 6x | {speedup:.1f}x | "
                         f"{'yes' if speedup >= 6 else 'NO'} |")
    if scale:
        lines += ["", f"| methods | seconds [{tags[0]}] | ms per method | peak RSS MB |", "|---|---|---|---|"]
        lines += [f"| {r['methods']:.0f} | {r['seconds']:.2f} | {1000 * r['seconds'] / r['methods']:.1f} | "
                  f"{r['rss_mb']:.0f} |" for r in scale]
    return "\n".join(lines) + "\n"


def charts(measures: list[Measure], scale: list[dict[str, float]]) -> None:
    code = f"""
import json, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
data = json.load(open({str(RESULTS / 'results.json')!r}))
names = [m["name"] for m in data["measures"] if m["times"]]
medians = [sorted(m["times"])[len(m["times"]) // 2] for m in data["measures"] if m["times"]]
fig, ax = plt.subplots(figsize=(10, 5))
ax.barh(names, medians)
ax.set_xlabel("median wall time (s)")
fig.tight_layout(); fig.savefig({str(RESULTS / 'results.png')!r})
if data["scaling"]:
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([r["methods"] for r in data["scaling"]], [r["seconds"] for r in data["scaling"]], marker="o")
    ax.set_xlabel("methods"); ax.set_ylabel("cold generate (s)")
    fig.tight_layout(); fig.savefig({str(RESULTS / 'scaling.png')!r})
"""
    for py in (PEERS / "bin" / "python", Path(sys.executable)):
        if py.exists() and subprocess.run([str(py), "-c", code], capture_output=True).returncode == 0:
            return
    print("charts skipped: matplotlib is not available (run with --peers to install it)", file=sys.stderr)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--peer-repeat", type=int, default=1)
    p.add_argument("--peers", action="store_true", help="install and measure the peers too")
    p.add_argument("--no-scaling", action="store_true")
    p.add_argument("--source-only", action="store_true", help="do not build and install the wheel")
    args = p.parse_args()
    if not SPEC.is_file():
        print(f"benchmarks need {SPEC} (../shared); nothing measured", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs: list[tuple[str, list[str]]] = []
        installed = None if args.source_only else install_wheel(work)
        if installed is not None:
            runs.append(("installed", installed))
        runs.append(("source", source_tree()))
        measures: list[Measure] = []
        for tag, exe in runs:
            measures += ours(work, args.repeat, exe, tag)
        measures += floors(work, args.repeat, work / f"out-{runs[0][0]}")
        if args.peers:
            measures += peers(work, args.peer_repeat)
        scale = [] if args.no_scaling else scaling(work, runs[0][1])
    RESULTS.mkdir(parents=True, exist_ok=True)
    table = report(measures, scale, [tag for tag, _ in runs])
    (RESULTS / "results.md").write_text(table, encoding="utf-8")
    (RESULTS / "results.json").write_text(json.dumps({"measures": [asdict(m) for m in measures], "scaling": scale},
                                                     indent=2), encoding="utf-8")
    charts(measures, scale)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
