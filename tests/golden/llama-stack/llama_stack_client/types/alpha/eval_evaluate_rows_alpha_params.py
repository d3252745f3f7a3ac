# File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details.

from __future__ import annotations

from typing import Dict, Union, Iterable
from typing_extensions import Required, TypedDict

from ..._types import SequenceNotStr
from .benchmark_config_param import BenchmarkConfigParam

__all__ = ["EvalEvaluateRowsAlphaParams"]


class EvalEvaluateRowsAlphaParams(TypedDict, total=False):
    benchmark_config: Required[BenchmarkConfigParam]
    """The configuration for the benchmark."""

    input_rows: Required[Iterable[Dict[str, Union[bool, float, str, Iterable[object], object, None]]]]
    """The rows to evaluate."""

    scoring_functions: Required[SequenceNotStr[str]]
    """The scoring functions to use for the evaluation."""
