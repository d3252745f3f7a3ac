"""What the builder records about the SDK surface besides the types: the config's resource tree (for targets that
lay files out by resource) and the shape of each method's success response (for targets that recognise pages)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.config import placement
from generator.config.model import Config, iter_resources
from generator.load.resolver import RefError, Resolver
from generator.load.schema import child
from generator.model.ir import ModelInfo, ResourceInfo

JSON = Any


def resources(config: Config) -> list[ResourceInfo]:
    out: list[ResourceInfo] = []
    for r in iter_resources(config):
        models = tuple(
            ModelInfo(m.key, m.schema_pointer, m.class_name_override,
                      tuple(placement.model_placement(m, kind=k)[0] for k in ("object", "alias")), m.pointer)
            for m in r.models)
        out.append(ResourceInfo(r.path, r.shared, bool(r.subresources), tuple(m.name for m in r.methods), models,
                                r.node_name))
    return out


def response_properties(resolver: Resolver, op: Mapping[str, JSON], op_pointer: str) -> tuple[str, ...]:
    """The property names of the first 2xx JSON response's object schema (``allOf`` members included); ``()`` when
    there is none or a reference in it is broken (the resolver reports it: a response never skips a method)."""
    responses = op.get("responses")
    if not isinstance(responses, Mapping):
        return ()
    for code, response in responses.items():
        if not str(code).startswith("2"):
            continue
        ptr = child(op_pointer, "responses", str(code))
        try:
            ptr, response = resolver.deref(response, ptr)
        except RefError:
            return ()
        content = response.get("content") if isinstance(response, Mapping) else None
        media = content.get("application/json") if isinstance(content, Mapping) else None
        if not isinstance(media, Mapping) or "schema" not in media:
            return ()
        names: list[str] = []
        stack = [(child(ptr, "content", "application/json", "schema"), media["schema"])]
        for _ in range(64):  # bounded: allOf chains of a hostile spec cannot loop
            if not stack:
                break
            sptr, schema = stack.pop()
            try:
                sptr, schema = resolver.deref(schema, sptr)
            except RefError:
                return ()
            if not isinstance(schema, Mapping):
                continue
            props = schema.get("properties")
            if isinstance(props, Mapping):
                names.extend(str(k) for k in props if str(k) not in names)
            members = schema.get("allOf")
            if isinstance(members, list):
                stack.extend(reversed([(child(sptr, "allOf", i), m) for i, m in enumerate(members)]))
        return tuple(names)
    return ()
