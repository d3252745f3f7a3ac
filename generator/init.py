"""Zero-config: infer a Stainless-format config from a spec (``typegen init``)."""

from __future__ import annotations

from pathlib import Path

from .config import Config
from .diagnostics import Diagnostics


def infer_config(spec: Path, diags: Diagnostics, *, package: str | None = None) -> Config:
    diags.error("init-unavailable", "config inference is not implemented yet; pass --config", file=str(spec))
    diags.raise_if_errors()
    raise AssertionError("unreachable")


def init_command(spec: Path, package: str | None, diags: Diagnostics) -> int:
    infer_config(spec, diags, package=package)
    return 2
