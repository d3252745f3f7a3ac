from __future__ import annotations

from typing import Optional

__all__ = ["PropertyInfo"]


class PropertyInfo:
    """Metadata for a TypedDict field used through ``Annotated[T, PropertyInfo(...)]``.

    ``alias`` is the key sent on the wire when it differs from the field name.
    """

    alias: Optional[str]
    format: Optional[str]

    def __init__(self, *, alias: Optional[str] = None, format: Optional[str] = None) -> None:
        self.alias = alias
        self.format = format

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(alias={self.alias!r}, format={self.format!r})"
