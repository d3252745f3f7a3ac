"""Other teams' SDKs, byte for byte (issue 11): generate each oracle's spec + config from ``../shared`` and count
the request-type modules (``*_params.py``, ``*_param.py``, ``shared_params/*``) that are byte-identical and
structurally identical (same AST minus docstrings) to the SDK the commercial generator made from the same two
files, and the params modules the SDK does not have. Each count has a floor, raised as the rules improve.

The OpenAI SDK is not in ``../shared``: it runs when TYPEGEN_SDK_DIR points at an unpacked ``openai`` package
(``tests/fetch_sdk_oracle.sh``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from oracle_compare import Score, compare

from generator.config.files import load_config
from generator.config.model import iter_methods
from generator.config.placement import response_module
from generator.diagnostics import Diagnostics
from generator.pipeline import Options, run


@dataclass(frozen=True)
class Oracle:
    name: str
    spec: str  # relative to ../shared
    config: str
    sdk_types: str  # relative to ../shared, or to TYPEGEN_SDK_DIR when `external`
    package: str
    # floors: (byte-identical, structurally identical) for *_params.py and *_param.py, max extra modules
    params: tuple[int, int]
    param: tuple[int, int]
    max_extra: int
    external: bool = False
    named: int = 0  # floor: byte-identical modules of config-listed named types (every module but *_params.py)


ORACLES = (
    Oracle("llama-stack-2026-04", "llama-stack/2026-04/openapi.yml", "llama-stack/2026-04/config.yml",
           "llama-stack/2026-04/sdk/llama_stack_client/types", "llama_stack_client",
           params=(48, 48), param=(1, 1), max_extra=0, named=40),
    Oracle("onebusaway", "onebusaway/openapi.yml", "onebusaway/stainless-config.yml",
           "onebusaway/sdk/onebusaway/types", "onebusaway", params=(17, 17), param=(0, 0), max_extra=0, named=2),
    Oracle("openai", "openai/openapi.transformed.yml", "openai/openai.stainless.yml", "types", "openai",
           params=(164, 166), param=(205, 206), max_extra=0, external=True, named=404),
)


def _sdk_types(oracle: Oracle, shared: Path) -> Path:
    if not oracle.external:
        return shared / oracle.sdk_types
    value = os.environ.get("TYPEGEN_SDK_DIR")
    if not value:
        pytest.skip("TYPEGEN_SDK_DIR not set (see tests/fetch_sdk_oracle.sh)")
    path = Path(value)
    path = path / "openai" if (path / "openai" / "types").is_dir() else path
    if not (path / oracle.sdk_types).is_dir():
        pytest.skip(f"no unpacked openai package at {value}")
    return path / oracle.sdk_types


@pytest.fixture(scope="module", params=ORACLES, ids=lambda o: o.name)
def scored(request: pytest.FixtureRequest, shared_dir: Path) -> tuple[Oracle, Score]:
    oracle: Oracle = request.param
    sdk = _sdk_types(oracle, shared_dir)
    files = run(Options(config=shared_dir / oracle.config, spec=shared_dir / oracle.spec,
                        out=Path("/nonexistent-out"), use_cache=False), Diagnostics()).files
    prefix = f"{oracle.package}/types/"
    generated = {rel.removeprefix(prefix): text for rel, text in files.items() if rel.startswith(prefix)}
    score = compare(generated, sdk)
    # the named types the config lists: every module but the params modules and a method's own response module
    # (`batch_create_response.py` when the config names no model for what the method returns); those are
    # scored with the full config in tests/test_response_oracle.py
    config = load_config(shared_dir / oracle.config, Diagnostics())
    own = {"/".join(response_module(m)[0][1:]) + ".py" for m in iter_methods(config)}
    named = [r for r in generated if not r.endswith(("_params.py", "__init__.py"))
             and r not in ("_types.py", "_utils.py") and r not in own]
    same = [r for r in named if (sdk / r).is_file() and (sdk / r).read_text(encoding="utf-8") == generated[r]]
    score.named = (len(same), len(named))
    # a request params module is a TypedDict module; a response model whose config key ends in ``_params``
    # (Llama Stack's ``scoring_fn_params``) is not one
    score.extra = [m for m in score.extra if not m.endswith("_params.py") or "TypedDict" in generated[m]]
    print(f"\n{oracle.name}:\n{score.summary()}\nnamed types the config lists: {score.named[0]}/{score.named[1]} "
          f"byte-identical ({100 * score.named[0] / max(score.named[1], 1):.1f} %)")
    return oracle, score


def test_params_modules(scored: tuple[Oracle, Score]) -> None:
    oracle, score = scored
    same, structural = score.count("_params.py")
    assert same >= oracle.params[0], f"{same} byte-identical *_params.py, floor {oracle.params[0]}"
    assert structural >= oracle.params[1], f"{structural} structurally identical *_params.py, floor {oracle.params[1]}"


def test_param_modules(scored: tuple[Oracle, Score]) -> None:
    oracle, score = scored
    same, structural = score.count("_param.py")
    assert same >= oracle.param[0], f"{same} byte-identical *_param.py, floor {oracle.param[0]}"
    assert structural >= oracle.param[1], f"{structural} structurally identical *_param.py, floor {oracle.param[1]}"


def test_no_params_module_the_sdk_lacks(scored: tuple[Oracle, Score]) -> None:
    oracle, score = scored
    extra = [m for m in score.extra if m.endswith("_params.py")]
    assert len(extra) <= oracle.max_extra, f"params modules the SDK does not have: {extra}"


def test_named_types(scored: tuple[Oracle, Score]) -> None:
    oracle, score = scored
    assert score.named[0] >= oracle.named, f"{score.named[0]}/{score.named[1]} named types, floor {oracle.named}"
