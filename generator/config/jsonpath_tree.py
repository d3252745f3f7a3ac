"""The machinery under :mod:`generator.config.transforms`: a copy-on-write view of the spec tree, the context one
transformation reports through, and JSONPath selection (``jsonpath-ng``'s ``ext`` dialect) turned into concrete
paths.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from jsonpath_ng import JSONPath
from jsonpath_ng.exceptions import JSONPathError
from jsonpath_ng.ext.parser import parse as parse_jsonpath
from jsonpath_ng.jsonpath import Child, DatumInContext, Fields, Index, Root, This

from generator.config.model import Transformation
from generator.diagnostics import Diagnostics
from generator.load.schema import child

JSON = Any
Key = str | int
Path = tuple[Key, ...]


class Tree:
    """A copy-on-write view of a JSON document: ``set``/``delete`` copy each container on the path once."""

    def __init__(self, root: JSON) -> None:
        self.root = root
        self._owned: dict[int, JSON] = {}  # id → container copied by us (kept alive so ids stay unique)

    def get(self, path: Path) -> JSON:
        node = self.root
        for key in path:
            node = node[key]
        return node

    def set(self, path: Path, value: JSON) -> None:
        if not path:
            self.root = value
            return
        parent = self._own_path(path[:-1])
        parent[path[-1]] = value

    def _own(self, node: JSON) -> JSON:
        if id(node) in self._owned:
            return node
        if isinstance(node, Mapping):
            node = dict(node)
        elif isinstance(node, list):
            node = list(node)
        else:
            raise TypeError(f"cannot write into a {type(node).__name__}")
        self._owned[id(node)] = node
        return node

    def _own_path(self, path: Path) -> JSON:
        self.root = node = self._own(self.root)
        for key in path:
            owned = self._own(node[key])
            node[key] = owned
            node = owned
        return node


class Context:
    """One transformation being applied: where to report, and the tree it writes to."""

    def __init__(self, tree: Tree, t: Transformation, diags: Diagnostics, file: str) -> None:
        self.tree = tree
        self.t = t
        self.diags = diags
        self.file = file

    def error(self, code: str, message: str, *where: str | int) -> None:
        self.diags.error(code, f"{self.t.command}: {message}", file=self.file, pointer=child(self.t.pointer, *where),
                         line=self.t.line)

    def warning(self, code: str, message: str, *where: str | int) -> None:
        self.diags.warning(code, f"{self.t.command}: {message}", file=self.file,
                           pointer=child(self.t.pointer, *where), line=self.t.line)

    def paths(self, value: JSON, *where: str | int) -> list[str] | None:
        """A list of JSONPath strings from ``value`` (a string or a list of strings)."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(p, str) and p for p in items):
            self.error("transform-args", "expected a JSONPath string or a non-empty list of them", *where)
            return None
        return items

    def find(self, expression: str, *where: str | int) -> list[Path]:
        """The concrete paths selected by ``expression``; an error if it does not parse or matches nothing."""
        try:
            compiled = compile_path(expression)
        except JSONPathError as exc:
            self.error("transform-path", f"invalid JSONPath {expression!r}: {exc}", *where)
            return []
        try:
            found = [datum_path(d) for d in compiled.find(self.tree.root)]
        except UnsupportedPath as exc:
            self.error("transform-path", f"JSONPath {expression!r}: {exc}", *where)
            return []
        if not found:
            self.error("transform-no-match", f"{expression!r} matches nothing in the spec", *where)
        return list(dict.fromkeys(found))


class UnsupportedPath(Exception):
    pass


@functools.lru_cache(maxsize=256)
def compile_path(expression: str) -> JSONPath:
    return parse_jsonpath(expression)


def datum_path(datum: DatumInContext) -> Path:
    steps: list[Key] = []
    node: DatumInContext | None = datum
    while node is not None:
        part = path_steps(node.path)
        if part and isinstance(part[-1], int) and part[-1] < 0 and node.context is not None:
            part[-1] += len(node.context.value)  # ``[-1]``: the same element as its positive index
        steps[:0] = part
        node = node.context
    return tuple(steps)


def path_steps(path: JSONPath) -> list[Key]:
    if isinstance(path, Root | This):
        return []
    if isinstance(path, Child):
        return path_steps(path.left) + path_steps(path.right)
    if isinstance(path, Fields) and len(path.fields) == 1:
        return [path.fields[0]]
    if isinstance(path, Index) and len(path.indices) == 1:
        return [path.indices[0]]
    raise UnsupportedPath(f"cannot locate a match through {path!r}")


def describe(path: Path) -> str:
    return "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
