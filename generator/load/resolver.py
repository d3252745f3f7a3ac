"""Local ``$ref`` resolution: :func:`check_refs` resolves every local ref once (dangling refs, alias cycles, refs
from a schema position to something that is not a schema) and returns a warm :class:`Resolver` for the later
stages; the helpers here also tell which JSON pointers are schema positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostics
from generator.load.document import ARRAY_INDEX, Document, pointer_from_tokens, unescape_token
from generator.load.refpolicy import iter_ref_nodes

JSON = Any


class RefError(KeyError):
    """A reference could not be resolved; the diagnostic has already been recorded."""


# --------------------------------------------------------------------------------------------------- tree walks


# --------------------------------------------------------------------------------------------------- positions
SCHEMA_MAP_KEYWORDS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
SCHEMA_KEYWORDS = frozenset({"items", "additionalProperties", "not", "if", "then", "else", "contains",
                             "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems",
                             "contentSchema"})
SCHEMA_LIST_KEYWORDS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
_NOT_BEFORE_SCHEMA = frozenset({"examples", "links", "callbacks", "content", "encoding", "responses", "parameters",
                                "requestBodies", "securitySchemes", "schemas", "paths", "webhooks", "components",
                                "properties", "variables", "mapping", "scopes", "headers", "pathItems"})


def is_schema_position(tokens: list[str] | tuple[str, ...]) -> bool:
    """True when the JSON pointer tokens address a Schema Object (OAS 3.0/3.1 grammar, by position)."""
    start = _schema_start(tokens)
    if start is None:
        return False
    i, n = start, len(tokens)
    while i < n:
        t = tokens[i]
        if t in SCHEMA_MAP_KEYWORDS or (
                t in SCHEMA_LIST_KEYWORDS and i + 1 < n and ARRAY_INDEX.fullmatch(tokens[i + 1])):
            i += 2
        elif t in SCHEMA_KEYWORDS:
            i += 1
        else:
            return False
    return i == n


def _schema_start(tokens: list[str] | tuple[str, ...]) -> int | None:
    n = len(tokens)
    if n >= 3 and tokens[0] == "components" and tokens[1] == "schemas":
        return 3
    if n >= 2 and tokens[0] in ("definitions", "$defs"):
        return 2
    for i in range(n - 1, 0, -1):  # the last `schema` of a parameter / header / media type
        if tokens[i] == "schema" and tokens[i - 1] not in _NOT_BEFORE_SCHEMA and not _inside_schema(tokens, i):
            return i + 1
    return None


def _inside_schema(tokens: list[str] | tuple[str, ...], i: int) -> bool:
    """`schema` at index i is a property name inside an enclosing schema (``.../properties/schema``)."""
    return i >= 1 and tokens[i - 1] in SCHEMA_MAP_KEYWORDS


def ref_section(tokens: list[str] | tuple[str, ...]) -> str | None:
    """The ``components`` section a ``$ref`` found at ``tokens`` should point into, or None."""
    if is_schema_position(tokens):
        return "schemas"
    n = len(tokens)
    if n == 3 and tokens[0] == "components" and tokens[1] in _COMPONENT_SECTIONS:
        return tokens[1]
    if n >= 2:
        parent, last = tokens[-2], tokens[-1]
        if parent == "parameters" and ARRAY_INDEX.fullmatch(last):
            return "parameters"
        if parent in ("responses", "headers", "examples", "links", "callbacks"):
            return parent
    if n >= 1 and tokens[-1] == "requestBody":
        return "requestBodies"
    return None


_COMPONENT_SECTIONS = frozenset({"schemas", "responses", "parameters", "examples", "requestBodies", "headers",
                                 "securitySchemes", "links", "callbacks"})


# --------------------------------------------------------------------------------------------------- resolver
@dataclass(frozen=True)
class Deref:
    """Result of following a chain of ``$ref`` aliases."""

    pointer: str  # final target
    node: JSON
    chain: tuple[str, ...]  # pointers visited: the start, each intermediate alias, the final target
    siblings: dict[str, JSON] = field(default_factory=dict)  # keys beside `$ref` along the chain; outermost wins


class Resolver:
    """Resolves local ``#/...`` refs over one tree; results (and failures) are memoised."""

    def __init__(self, root: JSON, diags: Diagnostics, *, file: str = "", doc: Document | None = None) -> None:
        self.root = root
        self.diags = diags
        self.file = file or (doc.file if doc is not None else "")
        self.doc = doc
        self._hits: dict[str, tuple[str, JSON]] = {}
        self._misses: dict[str, tuple[str, str]] = {}  # ref -> (code, message)
        self._final: dict[str, tuple[str, JSON]] = {}  # pointer of an alias node -> final target
        self._cyclic: dict[str, tuple[str, str]] = {}  # pointer on a cycle -> (message, reported pointer)

    # ----------------------------------------------------------------------------------- single hop
    def resolve(self, ref: str, *, from_pointer: str) -> tuple[str, JSON]:
        """(canonical target pointer, node) for a local ref; raises :class:`RefError` after reporting."""
        hit = self._hits.get(ref)
        if hit is not None:
            return hit
        miss = self._misses.get(ref)
        if miss is None:
            try:
                hit = self._lookup(ref)
            except _Miss as exc:
                miss = self._misses[ref] = (exc.code, exc.message)
            else:
                self._hits[ref] = hit
                return hit
        code, message = miss
        self._report(code, f"{message} (referenced from {from_pointer or '#'})", from_pointer)
        raise RefError(ref)

    def _lookup(self, ref: str) -> tuple[str, JSON]:
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise _Miss("ref-external", f"non-local $ref {str(ref)[:200]!r} cannot be resolved (only '#/...')")
        body = unquote(ref[1:]) if "%" in ref else ref[1:]
        if body and not body.startswith("/"):
            raise _Miss("ref-invalid", f"unsupported $ref fragment {ref[:200]!r} (only JSON pointers '#/...')")
        tokens = [unescape_token(t) for t in body.split("/")[1:]] if body else []
        node = self.root
        for i, token in enumerate(tokens):
            if type(node) is dict and token in node:
                node = node[token]
            elif type(node) is list and ARRAY_INDEX.fullmatch(token) and int(token) < len(node):
                node = node[int(token)]
            else:
                missing = pointer_from_tokens(tokens[: i + 1])
                raise _Miss("ref-dangling", f"$ref target {pointer_from_tokens(tokens)} does not exist"
                            + ("" if missing == pointer_from_tokens(tokens) else f" (no {missing})"))
        return pointer_from_tokens(tokens), node

    def _report(self, code: str, message: str, pointer: str) -> None:
        where = self.doc.locate(pointer) if self.doc is not None else None
        self.diags.error(code, message, file=self.file, pointer=pointer,
                         line=where[0] if where else None, column=where[1] if where else None)

    # ----------------------------------------------------------------------------------- alias chains
    def deref(self, node: JSON, pointer: str) -> tuple[str, JSON]:
        """Follow ``$ref`` aliases from ``node`` (found at ``pointer``) to the first non-ref node.

        Memoised per alias target; cycles are reported once ("reference cycle A → B → A", pointing at the
        smallest pointer on the cycle) and raise :class:`RefError`, as do dangling refs."""
        if type(node) is not dict or not isinstance(node.get("$ref"), str):
            return pointer, node
        path = [pointer]
        index = {pointer: 0}
        cur_ptr, cur = pointer, node
        while True:
            if cur_ptr in self._cyclic:
                message, start = self._cyclic[cur_ptr]
                self._report("ref-cycle", message, start)
                raise RefError(cur_ptr)
            memo = self._final.get(cur_ptr)
            if memo is not None:
                result = memo
                break
            if type(cur) is not dict or not isinstance(cur.get("$ref"), str):
                result = (cur_ptr, cur)
                break
            target_ptr, target = self.resolve(cur["$ref"], from_pointer=cur_ptr)
            if target_ptr in index:
                self._cycle(path[index[target_ptr]:])
            index[target_ptr] = len(path)
            path.append(target_ptr)
            cur_ptr, cur = target_ptr, target
        for p in path[1:]:  # the start node may be a caller's copy; targets are tree nodes
            self._final[p] = result
        return result

    def _cycle(self, cycle: list[str]) -> None:
        start = min(range(len(cycle)), key=lambda i: cycle[i])
        ring = cycle[start:] + cycle[:start]
        ring.append(ring[0])
        short = " → ".join(_last_token(p) for p in ring)
        message = f"reference cycle {short} ({' → '.join(ring)})"
        for p in cycle:
            self._cyclic[p] = (message, ring[0])
        self._report("ref-cycle", message, ring[0])
        raise RefError(ring[0])

    def deref_chain(self, node: JSON, pointer: str) -> Deref:
        """Like :meth:`deref`, plus the pointers visited and the sibling keys found beside each ``$ref``
        (e.g. a ``description`` next to a ``$ref``); the outermost sibling wins."""
        final_ptr, final = self.deref(node, pointer)
        chain = [pointer]
        siblings: dict[str, JSON] = {}
        cur_ptr, cur = pointer, node
        while cur_ptr != final_ptr and type(cur) is dict and isinstance(cur.get("$ref"), str):
            for k, v in cur.items():
                if k != "$ref" and k not in siblings:
                    siblings[k] = v
            cur_ptr, cur = self.resolve(cur["$ref"], from_pointer=cur_ptr)
            chain.append(cur_ptr)
        return Deref(final_ptr, final, tuple(chain), siblings)


class _Miss(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _last_token(pointer: str) -> str:
    return unescape_token(pointer.rsplit("/", 1)[-1]) if "/" in pointer else pointer


def check_refs(doc_or_tree: Document | JSON, diags: Diagnostics, *, file: str = "") -> Resolver:
    """Resolve every local ``$ref`` once: dangling targets, alias cycles and refs from a schema position to a
    non-schema location are errors. Returns the (warm) resolver for the later stages."""
    doc = doc_or_tree if isinstance(doc_or_tree, Document) else None
    tree = doc.data if doc is not None else doc_or_tree
    resolver = Resolver(tree, diags, file=file, doc=doc)
    for tokens, node in iter_ref_nodes(tree):
        ref = node["$ref"]
        if not ref.startswith("#"):
            continue  # reported by check_ref_policy
        pointer = pointer_from_tokens(tokens)
        try:
            target_ptr, _ = resolver.resolve(ref, from_pointer=pointer)
            if is_schema_position(tokens) and not _is_schema_target(target_ptr):
                resolver._report("ref-not-schema", f"ref target {target_ptr} is not a schema (referenced from "
                                 f"{pointer})", pointer)
                continue
            resolver.deref(node, pointer)
        except RefError:
            continue
    return resolver


def _is_schema_target(pointer: str) -> bool:
    body = pointer[1:]
    return is_schema_position([unescape_token(t) for t in body.split("/")[1:]] if body else [])
