"""Reading one Parameter Object the way the builder can use it (issue 10 part 3, HOSTILE J-P2/J-P3): every
parameter the builder cannot use is reported with its pointer instead of being dropped without a word."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.schema import child
from generator.model.ir import Operation

JSON = Any
LOCATIONS = ("path", "query", "header", "cookie")
IGNORED_HEADERS = ("accept", "content-type", "authorization")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def usable_parameter(p: JSON, ptr: str, diags: Diagnostics, file: str) -> tuple[JSON, str] | None:
    """The schema of a parameter and its pointer, or None (with a warning) when it cannot be used.

    - no ``name``, or no valid ``in``: a warning, ignored (OpenAPI requires both);
    - ``in: cookie``: a warning, ignored (the SDK's client does not send cookies);
    - header parameters named ``Accept``, ``Content-Type`` or ``Authorization``: ignored without a word, as
      OpenAPI says they SHALL be (the client sets them);
    - ``content`` instead of ``schema``: typed from its (only) media type's schema, with a warning (the client
      serialises it as a plain value, not as that media type)."""
    if not isinstance(p, Mapping):
        diags.warning("param-invalid", "a parameter must be a mapping; ignored", file=file, pointer=ptr)
        return None
    name, loc = p.get("name"), p.get("in")
    if not isinstance(name, str) or not name or loc not in LOCATIONS:
        what = "'name'" if not isinstance(name, str) or not name else "'in' (path, query, header or cookie)"
        diags.warning("param-invalid", f"parameter {str(name)[:60]!r} has no valid {what}; ignored", file=file,
                      pointer=ptr)
        return None
    if loc == "cookie":
        diags.warning("param-unsupported", f"cookie parameter {name[:60]!r} is not generated (the client does not "
                      "send cookies)", file=file, pointer=ptr)
        return None
    if loc == "header" and name.lower() in IGNORED_HEADERS:
        return None
    if "schema" not in p and isinstance(p.get("content"), Mapping) and p["content"]:
        media, entry = next(iter(p["content"].items()))
        if isinstance(entry, Mapping) and "schema" in entry:
            diags.warning("param-content", f"parameter {name[:60]!r} is described by 'content' ({str(media)[:60]}); "
                          "typed from its schema", file=file, pointer=ptr)
            return entry["schema"], child(ptr, "content", str(media), "schema")
    if "schema" not in p:
        diags.warning("param-no-schema", f"parameter {name[:60]!r} has no schema; typed as any value", file=file,
                      pointer=ptr)
    return p.get("schema", {}), child(ptr, "schema")


def report_no_params(spec: JSON, configured: int, operations: list[Operation], diags: Diagnostics, file: str) -> None:
    """A run that writes no params module says so, and why (issue 10: never exit 0 with nothing and no word)."""
    paths = spec.get("paths") if isinstance(spec, Mapping) else None
    count = sum(1 for item in paths.values() if isinstance(item, Mapping) for k, op in item.items()
                if k in HTTP_METHODS and isinstance(op, Mapping)) if isinstance(paths, Mapping) else 0
    if count == 0:
        why = "the spec has no operations under 'paths'"
    elif configured == 0:
        why = f"the spec has {count} operations, but no method is configured for any of them"
    elif not operations:
        why = f"none of the {configured} configured endpoints is in the spec"
    else:
        why = (f"none of the {len(operations)} operations takes parameters or a request body with object "
               "properties")
    diags.warning("no-params", f"no params module was generated: {why}", file=file, pointer="#/paths")


def body_media(content: Mapping[str, JSON], pointer: str, supported: tuple[str, ...], diags: Diagnostics,
               file: str) -> str | None:
    """The media type of a request body that the params are read from: the first supported one (JSON, multipart,
    form), else the first JSON variant (``application/merge-patch+json``), else the first listed (see
    :func:`media_warning`); None, with a warning, when it has no schema."""
    media = next((m for m in supported if m in content), None) or next(
        (m for m in content if str(m).split(";")[0].strip().endswith("json")), None) or next(iter(content), None)
    if media is None:
        return None
    entry = content[media]
    if not isinstance(entry, Mapping) or "schema" not in entry:
        diags.warning("body-no-schema", f"request body {str(media)[:60]!r} has no schema; no body params emitted",
                      file=file, pointer=child(pointer, "content", str(media)))
        return None
    return str(media)


def media_warning(media: str, pointer: str, supported: tuple[str, ...], diags: Diagnostics, file: str) -> None:
    """A body read from a media type the client does not send (``application/xml``) is typed from its schema,
    with a warning; JSON variants (``application/merge-patch+json``) and wildcards (``*/*``) are read silently."""
    base = media.split(";")[0].strip()
    if media not in supported and not base.endswith("json") and "*" not in base:  # `*/*`: JSON is one of them
        diags.warning("media-unsupported", f"request body media type {media[:60]!r} is not one the client sends "
                      f"({', '.join(supported)}); typed from its schema", file=file,
                      pointer=child(pointer, "content", media))
