"""The config settings the response side reads (issue 13): ``settings.unwrap_response_fields`` (the
``pagination`` schemes are read by :mod:`generator.config.pagination`). Checked through the config reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.config.reader import Reader

JSON = Any


def unwrap_fields(reader: Reader, settings: JSON) -> tuple[str, ...]:
    """``settings.unwrap_response_fields``: a response object holding only such a field returns that field."""
    value = reader.mapping(settings, "#/settings", "settings").get("unwrap_response_fields")
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    reader.error("config-type", "settings.unwrap_response_fields must be a list of strings",
                 "#/settings/unwrap_response_fields")
    return ()
