from __future__ import annotations

from os import PathLike
from typing import IO, Any, Tuple, Union, Mapping, TypeVar, Iterator, Optional, Sequence, SupportsIndex, overload
from typing_extensions import Protocol

__all__ = ["FileContent", "FileTypes", "SequenceNotStr"]

FileContent = Union[IO[bytes], bytes, "PathLike[str]"]
FileTypes = Union[
    # file (or bytes)
    FileContent,
    # (filename, file (or bytes))
    Tuple[Optional[str], FileContent],
    # (filename, file (or bytes), content_type)
    Tuple[Optional[str], FileContent, Optional[str]],
    # (filename, file (or bytes), content_type, headers)
    Tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]

_T_co = TypeVar("_T_co", covariant=True)


class SequenceNotStr(Protocol[_T_co]):
    """A read-only sequence that a plain ``str`` does not satisfy (``str.__contains__`` takes only ``str``)."""

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...

    @overload
    def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...

    def __contains__(self, value: object, /) -> bool: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[_T_co]: ...

    def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...

    def count(self, value: Any, /) -> int: ...

    def __reversed__(self) -> Iterator[_T_co]: ...
