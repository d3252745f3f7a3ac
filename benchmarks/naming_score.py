"""How closely zero-config naming matches the names an API's own team chose (issue 10).

    python benchmarks/naming_score.py [--details] [--misses N]

For each spec/config pair in ``../shared`` it infers a config from the spec alone (what ``typegen init`` prints)
and compares it, endpoint by endpoint (keyed ``"verb path"`` as the spec writes it), with the team's hand-written
config: an endpoint scores when both its resource path and its method name equal the team's (an endpoint the team
named twice scores with either name). Only the team's endpoints that the spec has are counted; one the inference
names differently or not at all is a miss. ``--rules`` prints, per naming rule, how many of the team's endpoints
that rule took part in deciding, and how many of those match (from the inference's trace).
``tests/test_naming_score.py`` imports :func:`score_all` and keeps each figure from falling.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config.files import config_from_data, load_config  # noqa: E402
from generator.config.infer import infer_config_data  # noqa: E402
from generator.config.model import iter_methods  # noqa: E402
from generator.diagnostics import Diagnostics  # noqa: E402
from generator.load.reader import load_document  # noqa: E402

SHARED = Path(os.environ.get("TYPEGEN_SHARED", ROOT.parent / "shared"))
# (label, spec, team config), relative to ../shared
PAIRS = (
    ("llama-stack 2026-04", "llama-stack/2026-04/openapi.yml", "llama-stack/2026-04/config.yml"),
    ("llama-stack 2025-10", "llama-stack/openapi.yml", "llama-stack/openapi.stainless.yml"),
    ("onebusaway", "onebusaway/openapi.yml", "onebusaway/stainless-config.yml"),
    ("openai public", "openai/openapi.yaml", "openai/openai.stainless.yml"),
)

HTTP_VERBS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
Name = tuple[tuple[str, ...], str]


@dataclass
class Score:
    label: str
    matched: int
    total: int
    misses: list[tuple[str, Name, Name | None]] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)  # rule -> endpoints it decided
    rules_ok: Counter[str] = field(default_factory=Counter)  # rule -> of those, endpoints that match

    @property
    def fraction(self) -> float:
        return self.matched / self.total if self.total else 0.0


def _key(endpoint: str) -> str:
    verb, _, path = endpoint.partition(" ")
    return f"{verb.lower()} {path}"


def team_names(config_file: Path) -> dict[str, set[Name]]:
    """Endpoint -> the names the team gave it (a few endpoints are named twice, e.g. a deprecated alias or a
    ``?beta=true`` twin: either name counts)."""
    config = load_config(config_file, Diagnostics())
    out: dict[str, set[Name]] = {}
    for m in iter_methods(config):
        out.setdefault(_key(m.endpoint), set()).add((m.resource_path, m.name))
    return out


def inferred_names(spec_file: Path, trace: dict[str, list[str]] | None = None) -> dict[str, Name]:
    diags = Diagnostics()
    doc = load_document(spec_file, diags)
    data = infer_config_data(doc.data, diags, spec=spec_file, trace=trace)
    config = config_from_data(data, spec_file, Diagnostics())
    return {_key(m.endpoint): (m.resource_path, m.name) for m in iter_methods(config)}


def spec_endpoints(spec_file: Path) -> set[str]:
    doc = load_document(spec_file, Diagnostics())
    paths = doc.data.get("paths") if isinstance(doc.data, dict) else None
    return {_key(f"{verb} {path}") for path, item in (paths or {}).items() if isinstance(item, dict)
            for verb in item if verb in HTTP_VERBS}


def score(label: str, spec_file: Path, config_file: Path) -> Score:
    trace: dict[str, list[str]] = {}
    ours = inferred_names(spec_file, trace)
    team = {k: v for k, v in team_names(config_file).items() if k in spec_endpoints(spec_file)}
    result = Score(label, 0, len(team))
    for endpoint, wanted in sorted(team.items()):
        got = ours.get(endpoint)
        ok = got in wanted
        result.matched += ok
        if not ok:
            result.misses.append((endpoint, min(wanted), got))
        for rule in trace.get(endpoint, ()):
            result.rules[rule] += 1
            result.rules_ok[rule] += ok
    return result


def score_all(shared: Path = SHARED) -> list[Score]:
    return [score(label, shared / spec, shared / config) for label, spec, config in PAIRS]


def _show(name: Name | None) -> str:
    return "(none)" if name is None else ".".join((*name[0], name[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="print up to N mismatches per pair")
    parser.add_argument("--rules", action="store_true", help="print the endpoints each naming rule decided")
    args = parser.parse_args()
    scores = score_all()
    for s in scores:
        print(f"{s.label:22} {s.matched:4}/{s.total:<4} {100 * s.fraction:5.1f} %")
    if args.rules:
        rules = sorted({r for s in scores for r in s.rules})
        print("\nrule" + "".join(f" | {s.label} (decided/matching)" for s in scores))
        for rule in rules:
            print(rule + "".join(f" | {s.rules[rule]}/{s.rules_ok[rule]}" for s in scores))
    for s in scores:
        for endpoint, want, got in s.misses[: args.misses]:
            print(f"{s.label}: {endpoint}: team {_show(want)}, inferred {_show(got)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
