"""The examples oracle (issue 10; tests/examples_oracle.py does the work): every request example that the corpus
specs and the OpenAI public spec carry, valid against the spec's own schema, type-checks against the zero-config
params type under `mypy --strict`; type mutants of them are rejected; no readOnly property is Required.
Slow (one mypy batch over 17 generated packages, ~1-2 minutes)."""

from __future__ import annotations

from pathlib import Path

from examples_oracle import oracle_specs, run_oracle


def test_request_examples_type_check_and_mutants_are_rejected(shared_dir: Path, tmp_path: Path) -> None:
    specs = oracle_specs(shared_dir)
    assert len(specs) == 17  # the 16 corpus specs (DigitalOcean is multi-file) and the OpenAI public spec
    total, per = run_oracle(tmp_path, specs)
    assert total.typed >= 176, per  # the oracle must keep finding examples: it cannot pass by typing nothing
    assert total.not_object == 0, per  # a body that is no object is typed through the `body` param
    assert total.rejected == [], total.rejected
    assert total.mutants >= 500
    assert len(total.mutants_accepted) <= 0.05 * total.mutants, total.mutants_accepted
    assert total.read_only_required == []
