# File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details.

from __future__ import annotations

from typing import Optional

__all__ = ["PropertyInfo"]


class PropertyInfo:
    """Metadata for a field used through ``Annotated[T, PropertyInfo(...)]``.

    ``alias`` is the key sent on the wire when it differs from the field name; ``discriminator`` is the property
    that selects the variant of a response union.
    """

    alias: Optional[str]
    format: Optional[str]
    discriminator: Optional[str]

    def __init__(
        self, *, alias: Optional[str] = None, format: Optional[str] = None, discriminator: Optional[str] = None
    ) -> None:
        self.alias = alias
        self.format = format
        self.discriminator = discriminator

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(alias={self.alias!r}, format={self.format!r}, "
            f"discriminator={self.discriminator!r})"
        )
