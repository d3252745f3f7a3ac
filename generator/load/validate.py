"""Spec version check (cheap, always on) and full openapi-spec-validator validation (slow, cached, opt-in).

The validator never fetches anything: it only runs after :func:`~generator.load.refpolicy.check_ref_policy` found no
non-local ``$ref`` (checked again here), and it is given a handler table that refuses every URI scheme (its
default falls back to ``urllib.request.urlopen`` for unknown schemes). Findings become warnings (errors with
``strict=True``) carrying the JSON pointer of the offending node, with ``$ref`` hops resolved to the real
location. Results are cached under ``cache_dir/validation/`` by spec hash and validator version.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn

from generator.diagnostics import Diagnostics
from generator.load.cachefile import write_atomic
from generator.load.document import Document, pointer_from_tokens
from generator.load.refpolicy import check_ref_policy
from generator.load.resolver import RefError, Resolver

VALIDATION_CACHE_VERSION = "1"
SUPPORTED = ("3.0", "3.1")
_VERSION = re.compile(r"(\d+)\.(\d+)(?:\.\d+)?(?:-[0-9A-Za-z.\-]+)?")
Finding = tuple[str, str, int | None, int | None]  # message, pointer, line, column


# --------------------------------------------------------------------------------------------------- version
def check_version(doc: Document, diags: Diagnostics) -> str | None:
    """The spec's ``major.minor`` ("3.0" / "3.1"), or None after an ``unsupported spec version`` error.

    Swagger 2.0, a missing or non-string ``openapi`` field and other major versions are errors; 3.2.x is
    accepted with a warning and treated as 3.1."""
    data = doc.data
    if not isinstance(data, dict):
        _version_error(doc, diags, "", f"unsupported spec version: the document is a {_kind(data)}, not an "
                       "OpenAPI object")
        return None
    if "openapi" not in data:
        if "swagger" in data:
            _version_error(doc, diags, "#/swagger", f"unsupported spec version: Swagger {data['swagger']!s:.20} "
                           "(convert it to OpenAPI 3.0 or 3.1)")
        else:
            _version_error(doc, diags, "#", "unsupported spec version: missing 'openapi' field")
        return None
    value = data["openapi"]
    m = _VERSION.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        _version_error(doc, diags, "#/openapi", f"unsupported spec version {str(value)[:40]!r}: expected a "
                       "string such as \"3.1.0\"")
        return None
    major_minor = f"{m.group(1)}.{m.group(2)}"
    if major_minor in SUPPORTED:
        return major_minor
    if major_minor == "3.2":
        where = doc.locate("#/openapi")
        diags.warning("spec-version", f"OpenAPI {value} is not fully supported; reading it as 3.1",
                      file=doc.file, pointer="#/openapi", line=where[0] if where else None,
                      column=where[1] if where else None)
        return "3.1"
    _version_error(doc, diags, "#/openapi", f"unsupported spec version {value[:40]!r} (supported: 3.0.x, 3.1.x)")
    return None


def _kind(data: Any) -> str:
    return {list: "list", str: "string", type(None): "empty document"}.get(type(data), type(data).__name__)


def _version_error(doc: Document, diags: Diagnostics, pointer: str, message: str) -> None:
    where = doc.locate(pointer) if pointer not in ("", "#") else None
    diags.error("spec-version", message, file=doc.file, pointer=pointer,
                line=where[0] if where else None, column=where[1] if where else None)


# --------------------------------------------------------------------------------------------------- validation
def validate_spec(doc: Document, diags: Diagnostics, *, strict: bool = False, cache_dir: Path | None = None) -> None:
    """Run openapi-spec-validator over the document (no network, no file access) and report its findings."""
    version = check_version(doc, diags)
    if version is None:
        return
    policy = Diagnostics()
    check_ref_policy(doc, policy)
    if policy.has_errors:  # never hand a fetchable $ref to the validator
        diags.extend(policy)
        return
    findings = _cache_read(cache_dir, doc) if cache_dir is not None else None
    if findings is None:
        findings = _run_validator(doc, version)
        if cache_dir is not None:
            _cache_write(cache_dir, doc, findings)
    report = diags.error if strict else diags.warning
    for message, pointer, line, column in findings:
        report("spec-invalid", message, file=doc.file, pointer=pointer, line=line, column=column)


@functools.cache
def validator_version() -> str:
    """Installed openapi-spec-validator version, read from metadata (importing it costs ~0.15 s)."""
    import importlib.metadata  # only for --validate's cache key: not on every run's import path

    try:
        return importlib.metadata.version("openapi-spec-validator")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class _RefuseAll(dict[str, Any]):
    """Handler table for jsonschema-path: claims every scheme, and every handler refuses."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> Any:
        return _refuse

    def get(self, key: str, default: Any = None) -> Any:
        return _refuse


def _refuse(uri: str) -> NoReturn:
    raise OSError(f"typegen: refusing to retrieve {uri[:200]!r} (only local '#/' refs are resolved)")


def _validator_class(version: str) -> type[Any]:
    from jsonschema_path import SchemaPath
    from openapi_spec_validator.validation import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    base: type[Any] = OpenAPIV30SpecValidator if version == "3.0" else OpenAPIV31SpecValidator

    def tracking(keyword_cls: type[Any]) -> type[Any]:
        """Remember the schema path each keyword validator was working on, to give findings a location."""

        def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            path = next((a for a in args if isinstance(a, SchemaPath)), None)
            for err in keyword_cls.__call__(self, *args, **kwargs):
                if not isinstance(err, OpenAPIValidationError):
                    err = OpenAPIValidationError.create_from(err)
                if path is not None and getattr(err, "_typegen_parts", None) is None:
                    err._typegen_parts = tuple(path.parts)
                yield err

        return type(f"Tracking{keyword_cls.__name__}", (keyword_cls,), {"__call__": __call__})

    keywords = {name: tracking(cls) for name, cls in base.keyword_validators.items()}
    return type("TypegenSpecValidator", (base,), {"keyword_validators": keywords, "resolver_handlers": _RefuseAll()})


def _run_validator(doc: Document, version: str) -> list[Finding]:
    cls = _validator_class(version)
    resolver = Resolver(doc.data, Diagnostics(), file=doc.file)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    try:
        errors = list(cls(doc.data, base_uri="urn:typegen:spec").iter_errors())
    except RecursionError:
        return [("validator stopped: schema nesting too deep", "#", None, None)]
    except Exception as exc:  # a validator crash must not abort generation
        return [(f"validator stopped: {type(exc).__name__}: {str(exc)[:300]}", "#", None, None)]
    for err in errors:
        pointer = _pointer_of(err, doc.data, resolver)
        message = _one_line(str(getattr(err, "message", err)))
        if (message, pointer) in seen:
            continue
        seen.add((message, pointer))
        where = doc.locate(pointer)
        findings.append((message, pointer, where[0] if where else None, where[1] if where else None))
    return findings


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def _pointer_of(err: Any, root: Any, resolver: Resolver) -> str:
    parts = getattr(err, "_typegen_parts", None)
    tokens = [str(p) for p in (parts or ())]
    tokens.extend(str(p) for p in getattr(err, "absolute_path", ()) or ())
    return _real_pointer(tokens, root, resolver)


def _real_pointer(tokens: list[str], root: Any, resolver: Resolver) -> str:
    """The validator walks *through* refs; map its logical path to the node's real location."""
    pointer, node = "#", root
    for token in tokens:
        if not _has_child(node, token):
            pointer, node = _through_ref(pointer, node, resolver)
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return pointer
        pointer = pointer + pointer_from_tokens([token])[1:]
    return _through_ref(pointer, node, resolver)[0]


def _has_child(node: Any, token: str) -> bool:
    if isinstance(node, Mapping):
        return token in node
    return isinstance(node, list) and token.isdigit() and int(token) < len(node)


def _through_ref(pointer: str, node: Any, resolver: Resolver) -> tuple[str, Any]:
    try:
        return resolver.deref(node, pointer)
    except RefError:
        return pointer, node


# --------------------------------------------------------------------------------------------------- cache
def _cache_file(cache_dir: Path, doc: Document) -> Path:
    key = f"{VALIDATION_CACHE_VERSION}|{validator_version()}|{doc.sha256}"
    return cache_dir / "validation" / (hashlib.sha256(key.encode()).hexdigest() + ".json")


def _cache_read(cache_dir: Path, doc: Document) -> list[Finding] | None:
    try:
        raw = json.loads(_cache_file(cache_dir, doc).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("sha256") != doc.sha256 or not isinstance(raw.get("findings"), list):
        return None
    findings: list[Finding] = []
    for item in raw["findings"]:
        if not (isinstance(item, list) and len(item) == 4 and isinstance(item[0], str) and isinstance(item[1], str)
                and all(x is None or type(x) is int for x in item[2:])):
            return None
        findings.append((item[0], item[1], item[2], item[3]))
    return findings


def _cache_write(cache_dir: Path, doc: Document, findings: list[Finding]) -> None:
    target = _cache_file(cache_dir, doc)
    body = json.dumps({"sha256": doc.sha256, "validator": validator_version(), "findings": findings})
    try:
        write_atomic(target, body.encode("utf-8"))
    except OSError:
        return
