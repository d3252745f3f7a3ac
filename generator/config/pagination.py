"""The config's ``pagination:`` section (the commercial generator's format): named page schemes, each with the
request params a page takes and the response fields it reads. Targets that model pages (TypeScript's
``extends CursorPageParams``) match list methods against them; Python's params keep every field.

    pagination:
    - name: openai_cursor_page
      type: cursor
      request: {limit: {type: integer}, after: {type: string}}
      response: {data: {type: array}, has_more: {type: boolean}, last_id: {type: string}}

Malformed entries are warned about and skipped: pagination never changes the Python output.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.load.schema import child

JSON = Any
Warn = Callable[[str, str, str], None]


@dataclass(frozen=True)
class PageScheme:
    name: str
    request: tuple[tuple[str, str], ...]  # (param name, JSON type or "") in config order
    response: tuple[str, ...]  # the response's field names


def read_pagination(value: JSON, warn: Warn) -> tuple[PageScheme, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        warn("config-type", "pagination must be a list of page schemes (ignored)", "#/pagination")
        return ()
    out: list[PageScheme] = []
    for i, entry in enumerate(value):
        pointer = child("#/pagination", i)
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str) or not entry["name"]:
            warn("config-value", "a page scheme needs a name (ignored)", pointer)
            continue
        request: Mapping[str, JSON] = entry["request"] if isinstance(entry.get("request"), Mapping) else {}
        response: Mapping[str, JSON] = entry["response"] if isinstance(entry.get("response"), Mapping) else {}
        params = tuple((str(k), str(v.get("type", "")) if isinstance(v, Mapping) else "") for k, v in request.items())
        out.append(PageScheme(entry["name"], params, tuple(str(k) for k in response)))
    return tuple(out)


def method_pagination(entry: Mapping[str, JSON], pointer: str, warn: Warn) -> str | None:
    """A method entry's page scheme: ``pagination: <name>``; ``paginated: false`` → ``""``; None when unsaid.
    Only targets that model pages read it, so a malformed value is a warning."""
    if entry.get("paginated") is False:
        return ""
    scheme = entry.get("pagination")
    if scheme is None:
        return None
    if not isinstance(scheme, str) or not scheme.strip():
        warn("config-value", f"pagination must name a page scheme, not {scheme!r} (ignored)",
             child(pointer, "pagination"))
        return None
    return scheme
