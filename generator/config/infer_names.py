"""Zero-config naming: the resource path and method name a person would give each operation of a spec.

The rules were learnt from four spec/config pairs written by API teams (``../shared``: Llama Stack 2025-10 and
2026-04, OneBusAway, OpenAI's public spec against its SDK's config); ``benchmarks/naming_score.py`` measures them
and prints how many endpoints each rule decided. Every rule reads the structure of the spec (path segments,
HTTP verbs, parameter names, operationIds, tags and ``x-`` flags), never a name from one spec:

- ``prefix``: a literal path prefix shared by every path (``/api/where``) is a mount point, not a resource
  (OneBusAway's config names none of it);
- ``version``: a version segment (``v1``, ``v2.1``) is not a resource; a pre-release one (``v1alpha``,
  ``v1beta2``) puts the operation under ``alpha`` / ``beta`` (both Llama Stack configs);
- ``namespace``: an operation flagged beta (a ``beta=true`` query in the path key, ``beta: true`` in its ``x-``
  metadata) goes under ``beta``; one grouped as administration (its ``x-`` metadata ``group``, or a tag) under
  ``admin`` (OpenAI's config: ``beta.threads``, ``admin.organization.users``);
- ``suffix``: a file-type suffix (``{stopID}.json``) is not part of the name (OneBusAway);
- ``nest``: literal segments are resources, nested in path order (``/chat/completions`` → ``chat.completions``,
  ``/threads/{id}/runs`` → ``threads.runs``);
- ``reroot``: a path that starts with a resource and its parameter (``/projects/{project_id}/roles``) that the
  spec elsewhere only has nested (``/organization/projects/{project_id}``) is placed there (OpenAI);
- ``action``: a last literal segment that is not a collection (no path below it, not a plural noun, or a verb
  the operationId starts with) is a method of the resource before it (``POST /batches/{id}/cancel`` →
  ``batches.cancel``, ``POST /scoring/score-batch`` → ``scoring.score_batch``);
- ``rest``: otherwise the HTTP verb and the path's shape name the method: ``GET`` collection → ``list`` (a
  singular noun such as ``/config`` → ``retrieve``), ``GET`` item → ``retrieve`` (but ``list`` when the
  parameter filters a plural collection, ``/stops-for-route/{routeID}``), ``POST`` collection → ``create``,
  ``POST``/``PUT``/``PATCH`` item → ``update``, ``DELETE`` → ``delete``;
- ``singleton``: a path with ``GET`` and ``POST``/``PUT``, no item below it, and a singular name (or a ``DELETE``
  of its own) is one thing: ``retrieve`` /
  ``update`` / ``delete`` (OpenAI: ``projects.data_retention.update``);
- ``verb-pair``: a collection whose create and item delete are named by a verb and its ``un-`` negation in the
  operationIds or summaries (``register`` / ``unregister``) keeps that vocabulary (both Llama Stack configs);
- ``number``: ``/sessions`` beside ``/session/{id}`` is the same resource, spelt as the one with paths below;
- ``tag-home``: a singular leaf with nothing below whose tag names a sibling segment is a method of it
  (``GET /v1/health`` tagged ``Inspect`` beside ``/v1/inspect/routes`` → ``inspect.health``);
- ``tag-root``: ``/eval/benchmarks`` tagged ``Benchmarks`` while ``eval`` is another tag: the resource starts at
  the operation's own tag (``alpha.benchmarks``);
- ``param-owner``: ``/datasetio/iterrows/{dataset_id}``, whose parameter is the item of exactly one other
  resource (``/datasets/{dataset_id}``), is a method of that resource (``datasets.iterrows``);
- ``reference-list``: ``GET /file_batches/{id}/files``, where ``files`` is a top-level resource and nothing else
  is done under the batch, is ``file_batches.list_files`` (Llama Stack and OpenAI agree);
- ``tag``: a path with no literal segment is named by its first tag;
- ``operation-id``: two operations that would share a name are told apart by their operationIds, cleaned of what
  generators glue on (FastAPI's ``_v1_things__id__get`` path-and-verb suffix) and of the resource's own words.

Stability: a name is a function of the operation's own path, verb, operationId, summary, tags and flags, and of a
few facts of the path tree read right around it (the verbs of its own path, its parent and its children;
whether a path exists below a segment; a prefix every path shares; which resource a parameter belongs to). So
adding or removing an operation renames only its collision group (:func:`settle`, by the members' own
properties, never by the order of others) and, when it changes one of those facts, its near neighbours
(``tests/test_infer_stability.py`` checks exactly that on a tiny spec and nine real ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.config.infer_tree import (
    FILE_SUFFIX,
    PARAM,
    Operation,
    Tree,
    build_tree,
    first_tag,
    is_param,
    segments,
    strip_versions,
)
from generator.config.infer_tree import (
    op_words as _op_words,
)
from generator.config.infer_tree import (
    words as _words,
)
from generator.text import escape, naming

JSON = Any
_PREPOSITIONS = frozenset({"for", "with", "by", "of", "in", "on", "from", "to", "at"})
_ADMIN = frozenset({"admin", "administration", "administrative"})
# Verbs an operationId may start with that only restate the REST method (``getThing`` on ``GET /things/{id}``).
_REST_VERBS = frozenset({"get", "list", "create", "update", "delete", "retrieve", "modify", "remove", "add",
                         "fetch", "read", "put", "patch", "post", "new", "set", "find", "show", "describe"})
_ID_WORDS = frozenset({"id", "ids", "key", "name", "uuid", "identifier"})


@dataclass(frozen=True)
class Naming:
    resource: tuple[str, ...]
    method: str
    rules: tuple[str, ...]  # which rules decided it, for the naming score


def name_operations(operations: Iterable[Operation]) -> dict[str, Naming]:
    ops = sorted(operations, key=lambda o: o.pointer)
    tree = build_tree(ops)
    names = {o.pointer: _name(o, tree) for o in ops}
    # ``admin`` covers a whole resource tree: ``/organization/costs`` is admin when ``/organization/users`` is.
    admin = {n.resource[1] for n in names.values() if n.resource[:1] == ("admin",) and len(n.resource) > 1}
    for pointer, n in names.items():
        root = next((r for r in n.resource if r not in ("alpha", "beta")), None)
        if n.resource[:1] != ("admin",) and root in admin:
            names[pointer] = Naming(("admin", *n.resource), n.method, (*n.rules, "namespace"))
    return names




def _name(o: Operation, tree: Tree) -> Naming:
    rules: list[str] = []
    raw, query = segments(o.path)
    if tree.prefix:
        rules.append("prefix")
    segs, spaces = strip_versions(raw[len(tree.prefix):])
    if len(segs) != len(raw) - len(tree.prefix):
        rules.append("version")
    if any(FILE_SUFFIX.search(s) for s in o.path.partition("?")[0].split("/")):
        rules.append("suffix")
    for space in _namespaces(o.op, query):
        if space not in spaces:
            spaces.append(space)
            rules.append("namespace")
    home = _tag_home(o, segs, tree)
    if home:
        rules.append("tag-home")
        return Naming(_resource(spaces + home[0]), _method_word(home[1]), tuple(rules))
    tagged = len(rules)
    segs = _tag_root(o, segs, tree, rules)
    tagged = len(rules) > tagged
    owner = _param_owner(segs, tree)
    if owner:
        rules.append("param-owner")
        return Naming(_resource(spaces + owner[0]), _method_word(owner[1]), tuple(rules))
    spelt = [x for x in segs if not is_param(x)][-1:] or [""]
    segs = _merge_number(segs, tree, rules)
    base = segs
    segs = segs if tagged else _reroot(segs, tree, rules)
    literal = [s for s in segs if not is_param(s)]
    spaces = [s for s in spaces if s not in {w.lower() for w in literal}]
    if not literal:
        tag = first_tag(o.op)
        resource = [tag] if tag else ["root"]
        rules.append("tag" if tag else "root")
        return Naming(_resource(spaces + resource), _rest(o.http, segs, resource[-1], rules, raw, base, tree),
                      tuple(rules))
    last = len(segs) - 1
    resource_segs = [s for s in segs[:last] if not is_param(s)]
    leaf = segs[last]
    if o.http == "get" and _lists_references(base, tree):
        rules.append("reference-list")
        return Naming(_resource(spaces + resource_segs), _method_word("list_" + leaf), tuple(rules))
    if not is_param(leaf) and resource_segs and _is_action(o, base, tree):
        rules.append("action")
        rules.append("nest") if len(resource_segs) > 1 else None
        return Naming(_resource(spaces + resource_segs), _method_word(leaf), tuple(rules))
    if len(literal) > 1:
        rules.append("nest")
    return Naming(_resource(spaces + literal), _rest(o.http, segs, spelt[0], rules, raw, base, tree),
                  tuple(rules))


def _namespaces(op: Mapping[str, JSON], query: str) -> list[str]:
    out: list[str] = []
    flags = [v for k, v in op.items() if isinstance(k, str) and k.startswith("x-") and isinstance(v, Mapping)]
    if re.search(r"(^|&)beta=(true|1)($|&)", query, re.IGNORECASE) or any(f.get("beta") is True for f in flags):
        out.append("beta")
    groups = [f.get("group") for f in flags] + [t for t in op.get("tags") or () if isinstance(t, str)] \
        if isinstance(op.get("tags") or (), list) else [f.get("group") for f in flags]
    if any(isinstance(g, str) and g.strip().lower() in _ADMIN for g in groups):
        out.insert(0, "admin")
    return out


def _tag_root(o: Operation, segs: list[str], tree: Tree, rules: list[str]) -> list[str]:
    """``/eval/benchmarks`` tagged ``Benchmarks`` while other operations are tagged ``Eval``: two sibling groups
    written one after the other, so the operation's resource starts at its own tag's segment."""
    tag = first_tag(o.op)
    if not tag:
        return segs
    own = escape.module_name(tag)
    for i in range(1, len(segs)):
        before = segs[i - 1]
        if escape.module_name(segs[i]) == own and not is_param(before) and escape.module_name(before) in tree.tags \
                and escape.module_name(before) != own:
            rules.append("tag-root")
            return segs[i:]
    return segs


def _param_owner(segs: list[str], tree: Tree) -> tuple[list[str], str] | None:
    """``/datasetio/iterrows/{dataset_id}``: a verb-like segment before a parameter that is the item parameter of
    exactly one other resource (``/datasets/{dataset_id}``) is a method of that resource."""
    if len(segs) < 3 or not is_param(segs[-1]) or is_param(segs[-2]) or is_param(segs[-3]):
        return None
    param = {naming.singular(w) for w in _words(PARAM.sub(r"\1", segs[-1]))}
    if not _words(segs[-2]) or naming.singular(_words(segs[-2])[-1]) in param:
        return None  # ``/groups/{group_id}``: the segment is a collection, the parameter its own item
    owners = [k[:-1] for k in tree.verbs_at if len(k) >= 2 and k[-1] == segs[-1] and not is_param(k[-2])]
    others = {k for k in owners if k[:-1] != tuple(segs[:-2])}  # siblings (``/datasetio/append-rows/{id}``) aside
    if len(others) != 1:
        return None
    chain = next(iter(others))
    return [x for x in chain if not is_param(x)], segs[-2]


def _lists_references(segs: list[str], tree: Tree) -> bool:
    """``GET /file_batches/{batch_id}/files``, where ``files`` is a resource of its own at the top, and nothing else
    is done with the batch's files: a listing of the parent (``file_batches.list_files``), not a subresource."""
    return (len(segs) >= 3 and is_param(segs[-2]) and not is_param(segs[-1]) and segs[-1] in tree.roots
            and tree.verbs_at.get(tuple(segs)) == frozenset({"get"}) and tuple(segs) not in tree.parents)


def _reroot(segs: list[str], tree: Tree, rules: list[str]) -> list[str]:
    if len(segs) >= 2 and not is_param(segs[0]) and is_param(segs[1]):
        chains = tree.nested.get((segs[0], segs[1]), ())
        if len(chains) == 1 and segs[0] not in tree.roots and (*chains[0], segs[0], segs[1]) in tree.verbs_at:
            rules.append("reroot")
            return [*chains[0], *segs]
    return segs


def _is_action(o: Operation, segs: list[str], tree: Tree) -> bool:
    """A last literal segment after a resource names a method unless it is a resource itself: a path goes on
    below it, it has more than one HTTP verb, the operationId is a REST verb and its words (``createSpeech`` on
    ``/audio/speech``), or it is a plural noun that the operationId does not start with (nor restate after the
    parent's words: ``usage-completions`` on ``/usage/completions`` is a method of ``usage``)."""
    if tuple(segs) in tree.parents or len(tree.verbs_at.get(tuple(segs), ())) > 1:
        return False
    words = _words(segs[-1])
    op_words = _op_words(o)
    if op_words[: len(words)] == words:
        return True  # ``runGrader`` on ``.../run``, ``score_batch...`` on ``/score-batch``
    if words and words[0] in _REST_VERBS:
        return True  # ``/list-tools``
    if len(op_words) > len(words) and op_words[0] in _REST_VERBS and _same_words(op_words[1:], words):
        return False
    parent = [w for s in segs[:-1] if not is_param(s) for w in _words(s)]
    head = op_words[: len(op_words) - len(words)]
    if head and _same_words(op_words[len(head):], words) and _same_words(parent[len(parent) - len(head):], head):
        return True
    return not _plural(words)


def _same_words(a: list[str], b: list[str]) -> bool:
    return [naming.singular(w) for w in a] == [naming.singular(w) for w in b]


def _tag_home(o: Operation, segs: list[str], tree: Tree) -> tuple[list[str], str] | None:
    """A singular leaf with nothing below it whose tag names a sibling resource (``GET /v1/health`` tagged
    ``Inspect`` beside ``/v1/inspect/routes``) is a method of that resource: ``inspect.health``."""
    if not segs or is_param(segs[-1]) or tuple(segs) in tree.parents or _plural(_words(segs[-1])):
        return None
    tag = first_tag(o.op)
    if not tag:
        return None
    parent = segs[:-1]
    siblings = {escape.module_name(s): s for s in tree.children.get(tuple(parent), ()) if s != segs[-1]}
    home = siblings.get(escape.module_name(tag))
    if home is None or (*parent, home) not in tree.parents:
        return None
    return [s for s in (*parent, home) if not is_param(s)], segs[-1]


def _merge_number(segs: list[str], tree: Tree, rules: list[str]) -> list[str]:
    """``/agents/{id}/sessions`` beside ``/agents/{id}/session/{session_id}``: one resource, spelt as the one that
    has paths below it (singular and plural of the same word are the same resource to a reader)."""
    out = list(segs)
    for i, seg in enumerate(segs):
        if is_param(seg) or tuple(segs[: i + 1]) in tree.parents:
            continue
        want = naming.singular_name(escape.module_name(seg))
        for other in sorted(tree.children.get(tuple(segs[:i]), ())):
            if other != seg and naming.singular_name(escape.module_name(other)) == want \
                    and (*segs[:i], other) in tree.parents:
                out[i] = other
                rules.append("number")
                break
    return out


def _rest(http: str, segs: list[str], resource: str, rules: list[str], raw: list[str], base: list[str],
          tree: Tree) -> str:
    rules.append("rest")
    item = bool(segs) and is_param(segs[-1])
    verbs = tree.verbs_at.get(tuple(base), frozenset())
    if not item and "get" in verbs and verbs & {"post", "put", "patch"} and tuple(base) not in tree.items \
            and ("delete" in verbs or not _plural(_head(_words(resource)))):
        # ``GET``+``POST /projects/{id}/data_retention``, no item below, and a singular noun (or a ``DELETE`` of
        # the whole): one thing, not a collection
        rules.append("singleton")
        return {"get": "retrieve", "delete": "delete"}.get(http, "update")
    pair = tree.verbs.get(tuple(raw[:-1] if item else raw))
    if pair and ((http == "post" and not item) or (http == "delete" and item)):
        rules.append("verb-pair")
        return pair[0] if http == "post" else pair[1]
    if http == "get":
        head = _head(_words(resource))
        if not item:
            return "list" if _plural(head) or tuple(base) in tree.items else "retrieve"
        param = [w for w in _words(PARAM.sub(r"\1", segs[-1])) if w not in _ID_WORDS]
        words = _words(resource)
        filters = any(p in words[i + 1:] for i, w in enumerate(words) if w in _PREPOSITIONS for p in param)
        return "list" if filters and _plural(head) else "retrieve"
    if http == "post":
        return "update" if item else "create"
    if http == "put" and not item and "post" not in verbs:
        return "create"  # ``PUT /Accounts`` beside ``POST /Accounts/{id}`` (Xero): PUT to a collection creates
    if http in ("put", "patch"):
        return "update"
    return http


def _head(words: list[str]) -> list[str]:
    """The words before the first preposition (``routes for agency`` → ``routes``)."""
    for i, w in enumerate(words):
        if w in _PREPOSITIONS and i:
            return words[:i]
    return words


def _plural(words: list[str]) -> bool:
    return bool(words) and naming.singular(words[-1]) != words[-1]


def _resource(parts: list[str]) -> tuple[str, ...]:
    out = [escape.module_name(p, fallback="resource") for p in parts]
    return tuple(dict.fromkeys(out))  # a namespace equal to a segment is not repeated


def _method_word(segment: str) -> str:
    return escape.module_name(segment, fallback="method")




