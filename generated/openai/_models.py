# File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details.

from __future__ import annotations

import pydantic

__all__ = ["BaseModel"]


class BaseModel(pydantic.BaseModel):
    """The base of every response model: pydantic v2, fields populated by attribute name or wire alias, and
    fields the API adds later kept (``model_extra``) rather than dropped."""

    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True, defer_build=True)
