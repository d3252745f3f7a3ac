# File generated from our OpenAPI spec by Castiron. See CONTRIBUTING.md for details.

from typing_extensions import TypeAlias

__all__ = ["FileContent"]

FileContent: TypeAlias = str
