"""What a method's response is made of, read from its schema: a wrapper's single field
(``settings.unwrap_response_fields``), the object inside a nullable ``anyOf``, and the item of a page the SDK
wraps in its page class. Helpers of :mod:`generator.model.responses`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.config.model import Method
from generator.load.schema import child, is_null_schema

JSON = Any


def unwrap(node: JSON, pointer: str, fields: tuple[str, ...]) -> tuple[str, JSON] | None:
    """The one property of a response object when the config unwraps it (Llama Stack: ``data``)."""
    props = node.get("properties") if isinstance(node, Mapping) else None
    if not fields or not isinstance(props, Mapping) or len(props) != 1:
        return None
    (name, schema), = props.items()
    return (child(pointer, "properties", name), schema) if name in fields else None


def non_null_member(node: JSON, pointer: str) -> tuple[str, JSON]:
    """A named object or map whose schema is ``anyOf: [<it>, null]`` is written as ``<it>``: the ``None`` goes
    to the fields that use it (``shared/metadata.py`` ``Metadata: TypeAlias = Dict[str, str]``,
    ``responses/response_error.py`` and ``response_prompt.py`` are classes; a literal alias such as
    ``shared/reasoning_effort.py`` keeps its ``Optional``, so only objects and maps come here)."""
    for key in ("anyOf", "oneOf"):
        members = node.get(key) if isinstance(node, Mapping) else None
        if isinstance(members, list) and len(members) == 2 and not {"type", "properties", "allOf"} & set(node):
            real = [(i, m) for i, m in enumerate(members) if not is_null_schema(m)]
            if len(real) == 1 and isinstance(real[0][1], Mapping) and "$ref" not in real[0][1]:
                return child(pointer, key, real[0][0]), real[0][1]
    return pointer, node


def query_names(op: Mapping[str, JSON]) -> frozenset[str]:
    """The names of an operation's inline query parameters (a ``$ref``'d parameter is not looked into)."""
    params = op.get("parameters")
    return frozenset(p["name"] for p in params if isinstance(p, Mapping) and p.get("in") == "query"
                     and isinstance(p.get("name"), str)) if isinstance(params, list) else frozenset()


def page_item(node: JSON, pointer: str, method: Method, schemes: tuple[tuple[str, ...], ...],
               query: frozenset[str] = frozenset()) -> tuple[str, JSON] | None:
    """The item schema of a page, which the SDK wraps in its page class. With ``pagination`` schemes in the
    config (Llama Stack): a response with all the response properties of one whose request params the method
    takes (the caller picks those), unless the method says ``paginated: false``. Without (OpenAI): an object
    whose ``data`` array sits next to an ``object`` tag (``SyncPage``) or ``has_more`` (``SyncCursorPage``). A
    list paged by a ``next_page`` token that the method takes back as its ``page`` query parameter is an
    ordinary response, since no page class of the SDK sends it (the usage endpoints:
    ``usage_completions_response.py``); without that parameter it is one ``SyncPage``
    (``vector_store_search_response.py``, ``vector_stores/file_content_response.py`` are the items)."""
    if not isinstance(node, Mapping):
        return None
    props = node.get("properties")
    if not isinstance(props, Mapping) or not isinstance(props.get("data"), Mapping):
        return None
    if method.pagination == "":  # ``paginated: false``
        return None
    if schemes:  # the config's pagination schemes: a response with every property of one
        if not any(all(k in props for k in scheme) for scheme in schemes):
            return None
    elif ("next_page" in props and "page" in query) or not ("object" in props or "has_more" in props):
        return None
    data = props["data"]
    if not isinstance(data.get("items"), Mapping) or data.get("type") not in ("array", None):
        return None
    return child(pointer, "properties", "data", "items"), data["items"]
