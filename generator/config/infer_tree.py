"""The facts of a spec's path tree that zero-config names read (:mod:`generator.config.infer_names`), the
operationId cleaning, and collision settling. Split from the rules so each module stays readable."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.text import escape, naming

JSON = Any
PARAM = re.compile(r"^\{([^{}]+)\}$")
VERSION = re.compile(r"^v\d+(?:[._]\d+)*$", re.IGNORECASE)
PRE_RELEASE = re.compile(r"^v\d+(?:[._]\d+)*[._-]?(alpha|beta)\d*$", re.IGNORECASE)
FILE_SUFFIX = re.compile(r"\.(json|xml|ya?ml|csv|txt|html?|proto(?:buf)?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Operation:
    pointer: str
    http: str
    path: str
    op: Mapping[str, JSON] = field(hash=False, compare=False)


@dataclass(frozen=True)
class Tree:
    """Facts about the set of paths that names may depend on."""

    prefix: tuple[str, ...]  # literal segments every path starts with
    below: frozenset[tuple[str, ...]]  # every proper prefix (of normalised segments) some path extends
    nested: Mapping[tuple[str, str], tuple[tuple[str, ...], ...]]  # (literal, param) -> literal chains before it
    roots: frozenset[str]  # literals that are a path by themselves or with one parameter (``/files/{id}``)
    children: Mapping[tuple[str, ...], frozenset[str]]  # normalised segments -> the literals that follow them
    verbs: Mapping[tuple[str, ...], tuple[str, str]]  # path template -> its (create verb, delete verb) vocabulary
    parents: frozenset[tuple[str, ...]]  # like ``below``, on segments without prefix and versions
    items: frozenset[tuple[str, ...]]  # those followed by a parameter somewhere (a collection of items)
    verbs_at: Mapping[tuple[str, ...], frozenset[str]]  # segments without prefix and versions -> HTTP verbs
    tags: frozenset[str]  # every operation's first tag, as a module name


def segments(path: str) -> tuple[list[str], str]:
    """The path's segments with file-type suffixes dropped, and its query (``/x?beta=true`` → ``beta=true``)."""
    path, _, query = path.partition("?")
    return [FILE_SUFFIX.sub("", s) for s in path.split("/") if s and FILE_SUFFIX.sub("", s)], query


def is_param(segment: str) -> bool:
    return bool(PARAM.match(segment))


def build_tree(ops: list[Operation]) -> Tree:
    all_segments = [segments(o.path)[0] for o in ops]
    prefix: list[str] = []
    if len({tuple(s) for s in all_segments}) > 1:
        for column in zip(*all_segments, strict=False):
            if len(set(column)) != 1 or is_param(column[0]) or VERSION.match(column[0]) \
                    or PRE_RELEASE.match(column[0]):
                break
            prefix.append(column[0])
        # a path that is the prefix itself (``/pets`` beside ``/pets/{id}``) makes it a resource, not a mount point
        while prefix and any(len(s) <= len(prefix) for s in all_segments):
            prefix.pop()
    below = frozenset(tuple(s[:i]) for s in all_segments for i in range(1, len(s)))
    nested: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    roots: set[str] = set()
    parents: set[tuple[str, ...]] = set()
    items: set[tuple[str, ...]] = set()
    verbs_at: dict[tuple[str, ...], set[str]] = {}
    children: dict[tuple[str, ...], set[str]] = {}
    for o, segs in zip(ops, all_segments, strict=True):
        rest = strip_versions(segs[len(prefix):])[0]
        verbs_at.setdefault(tuple(rest), set()).add(o.http)
        if rest and not is_param(rest[0]) and (len(rest) == 1 or (len(rest) == 2 and is_param(rest[1]))):
            roots.add(rest[0])
        for i, seg in enumerate(rest):
            if not is_param(seg):
                children.setdefault(tuple(rest[:i]), set()).add(seg)
            if i < len(rest) - 1:
                parents.add(tuple(rest[: i + 1]))
                if is_param(rest[i + 1]):
                    items.add(tuple(rest[: i + 1]))
        for i in range(1, len(rest) - 1):
            if not is_param(rest[i]) and is_param(rest[i + 1]):
                chain = tuple(s for s in rest[:i] if not is_param(s))
                if chain:
                    nested.setdefault((rest[i], rest[i + 1]), set()).add(chain)
    return Tree(tuple(prefix), below, {k: tuple(sorted(v)) for k, v in nested.items()}, frozenset(roots),
                 {k: frozenset(v) for k, v in children.items()}, _verb_pairs(ops), frozenset(parents),
                 frozenset(items), {k: frozenset(v) for k, v in verbs_at.items()},
                 frozenset(escape.module_name(t) for t in (first_tag(o.op) for o in ops) if t))


def _verb_pairs(ops: list[Operation]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Collections whose create and delete are named by a verb and its ``un-`` negation (``register`` /
    ``unregister`` in the operationIds or summaries): the spec's own vocabulary replaces create/delete there."""
    creates: dict[tuple[str, ...], str] = {}
    deletes: dict[tuple[str, ...], str] = {}
    for o in ops:
        segs = segments(o.path)[0]
        verb = _verb(o)
        if not verb:
            continue
        if o.http == "post" and segs and not is_param(segs[-1]):
            creates[tuple(segs)] = verb
        elif o.http == "delete" and len(segs) > 1 and is_param(segs[-1]):
            deletes[tuple(segs[:-1])] = verb
    return {k: (v, deletes[k]) for k, v in creates.items() if deletes.get(k) == "un" + v}


def _verb(o: Operation) -> str:
    """The first word of the operationId (cleaned) or else of the summary, lower case."""
    found = op_words(o)
    if not found:
        summary = o.op.get("summary")
        found = words(summary.split(".")[0]) if isinstance(summary, str) else []
    return found[0] if found else ""


def strip_versions(segs: list[str]) -> tuple[list[str], list[str]]:
    """Segments without version segments, and the namespaces the pre-release ones name."""
    out: list[str] = []
    spaces: list[str] = []
    for s in segs:
        pre = PRE_RELEASE.match(s)
        if pre:
            spaces.append(pre.group(1).lower())
        elif not VERSION.match(s):
            out.append(s)
    return out, spaces


# ------------------------------------------------------------------------------------------------ one operation


def words(text: str) -> list[str]:
    return [w.lower() for w in escape.ascii_words(text)]


def op_words(o: Operation) -> list[str]:
    return words(clean_operation_id(o))


def clean_operation_id(o: Operation) -> str:
    """The operationId without a generator's glued path-and-verb suffix (FastAPI's ``list_batches_v1_batches_get``
    → ``list_batches``)."""
    op_id = o.op.get("operationId")
    if not isinstance(op_id, str):
        return ""
    glued = re.sub(r"\W", "_", o.path.partition("?")[0]) + "_" + o.http
    if op_id.lower().endswith(glued.lower()) and len(op_id) > len(glued):
        return op_id[: -len(glued)].rstrip("_")
    return op_id


def first_tag(op: Mapping[str, JSON]) -> str | None:
    tags = op.get("tags")
    return tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else None


def settle(resource: tuple[str, ...], name: str, group: list[Operation]) -> dict[str, str]:
    """Distinct names for operations that would all be ``resource.name``. The one with the shortest path (then
    the first path and verb in sorted order) keeps ``name``; each other one gets its operationId (cleaned, less
    the resource's own words), else ``name_<verb>``; what is still shared gets a short hash of its own ``verb
    path``. So a name depends only on that operation and the members of its group, and an operation added to or
    removed from the group renames none of the others unless it takes or gives back the plain name."""
    ranked = sorted(group, key=lambda o: (len(segments(o.path)[0]), o.path, o.http))
    drop = {w for r in resource for part in r.split("_") for w in (part, naming.singular(part))}
    first: dict[str, str] = {ranked[0].pointer: name}
    for o in ranked[1:]:
        words = [w for w in op_words(o) if w not in drop]
        value = escape.module_name("_".join(words), fallback=name) if words else ""
        first[o.pointer] = value if value and value != name else f"{name}_{o.http}"
    counts: dict[str, int] = {}
    for value in first.values():
        counts[value] = counts.get(value, 0) + 1
    keep = {o.pointer for o in group if counts[first[o.pointer]] == 1 or o is ranked[0]}
    return {o.pointer: first[o.pointer] if o.pointer in keep else unique(first[o.pointer], o) for o in group}


def unique(name: str, o: Operation) -> str:
    """``name`` made unique by a short hash of the operation's own ``verb path`` (stable under spec changes)."""
    return f"{name}_{hashlib.sha256(f'{o.http} {o.path}'.encode()).hexdigest()[:6]}"
