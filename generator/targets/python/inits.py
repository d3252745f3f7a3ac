"""The ``__init__.py`` of every folder of the ``types/`` tree: the folder's types re-exported, as the SDKs'.

What decides each line, measured on the 38 ``__init__.py`` files of openai-python 3.3.1 and Llama Stack's
``shared_params/__init__.py``:

- every module of the folder contributes ``from .<module> import <Name> as <Name>`` for its main name (the
  class or alias the module is named after; nested definitions are not re-exported); sub-folders are not
  imported, except that ``types/__init__.py`` re-exports every name of ``types/shared/`` in one
  ``from .shared import (...)``;
- statements are ordered by the length of the module string, then alphabetically (38 of 38 files); names
  inside one statement likewise;
- a statement longer than 120 characters is written in parentheses, one name a line, with a trailing comma
  (chat/__init__.py ``from .chat_completion_function_message_param import (``);
- ``from __future__ import annotations`` opens every file but those of ``types/shared/`` and
  ``types/shared_params/`` (36 of 36 and 2 of 2), also a folder with nothing to export (``admin/__init__.py``).

A folder's ``__init__.py`` therefore changes when a type is added to the folder, as in the SDKs.

Re-exports make importing any type run the ``__init__.py`` of every folder on its way, and those import their
whole folder: a chain of imports between folders can then reach a module that is still being imported (our
placement may reference a model in another folder where the SDK has its own copy). :func:`import_failure`
replays Python's import order over the generated modules; when it finds such a module the tree keeps plain
``__init__.py`` files, with a note, rather than one that cannot be imported.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence

from generator.model.ir import Project

LINE_LENGTH = 120
TYPES = "types"
NO_FUTURE = ((TYPES, "shared"), (TYPES, "shared_params"))


def types_inits(project: Project) -> dict[tuple[str, ...], list[list[str]]]:
    """Folder (below the package root, ``("types", "chat")``) → the statement groups of its ``__init__.py``."""
    exports: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for m in project.modules:
        if len(m.path) < 2 or m.path[0] != TYPES or m.path_only:  # a path-only method has no module here
            continue
        folder = m.path[:-1]
        for i in range(1, len(folder) + 1):
            exports.setdefault(folder[:i], [])
        # a streaming params module is named after its union (audio/__init__.py `TranscriptionCreateParams`)
        exports[folder].append((f".{m.path[-1]}", m.streaming.union if m.streaming else m.main_name))
    out: dict[tuple[str, ...], list[list[str]]] = {}
    for folder, entries in exports.items():
        statements = [(module, [name]) for module, name in entries]
        shared = [name for _, name in exports.get((TYPES, "shared"), [])]
        if folder == (TYPES,) and shared:
            statements.append((".shared", shared))
        lines = [line for module, names in sorted(statements, key=lambda s: (len(s[0]), s[0]))
                 for line in _statement(module, names)]
        groups = [] if folder in NO_FUTURE else [["from __future__ import annotations"]]
        out[folder] = [*groups, *([lines] if lines else [])]
    return out


def _statement(module: str, names: Sequence[str]) -> list[str]:
    ordered = sorted(set(names), key=lambda n: (len(n), n))
    one = f"from {module} import {', '.join(f'{n} as {n}' for n in ordered)}"
    if len(one) <= LINE_LENGTH:
        return [one]
    return [f"from {module} import (", *(f"    {n} as {n}," for n in ordered), ")"]


_IMPORT = re.compile(r"^from (\.+)([\w.]*) import (\([^)]*\)|[^\n]*)", re.M)


Imports = dict[str, list[tuple[str, tuple[str, ...]]]]  # module -> (imported module, names), in order


def module_imports(files: Mapping[str, str]) -> Imports:
    """The relative imports of each module of ``files`` (output path → source), read from its head: a generated
    module has all its imports before ``__all__``."""
    deps: Imports = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        parts = path[:-3].split("/")
        folder = parts[:-1]
        name = ".".join(folder if parts[-1] == "__init__" else parts)
        targets: list[tuple[str, tuple[str, ...]]] = []
        end = text.find("\n__all__")
        for dots, rest, names in _IMPORT.findall(text, 0, end if end >= 0 else len(text)):
            up = len(dots) - 1
            if up <= len(folder):
                target = ".".join([*folder[:len(folder) - up], *([rest] if rest else [])])
                targets.append((target, tuple(n.split(" as ")[0].strip() for n in names.strip("()").split(",")
                                              if n.strip())))
        deps[name] = targets
    return deps


def import_failure(files: Mapping[str, str], package: str) -> tuple[str, str, tuple[str, ...]] | None:
    """:func:`replay` over ``files`` (output path → source)."""
    return replay(module_imports(files), package)


def replay(deps: Imports, package: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(importer, module) of the first ``from <module> import ...`` that would find ``<module>`` half-imported,
    replaying Python's import system over the modules' imports: importing a module first imports each package
    above it (running its ``__init__.py``), and a module half-way through its own imports has defined none of
    its names yet. The replay starts where every import of a type starts, ``<package>.types``, then imports
    every module in name order; None when all import. The third member: the packages whose ``__init__.py`` was
    running at that moment (the cycle goes through them)."""
    state: dict[str, bool] = {}  # False: being imported, True: imported
    running: list[str] = []
    packages = {n.rsplit(".", 1)[0] for n in deps if "." in n} & deps.keys()

    def run(name: str) -> tuple[str, str, tuple[str, ...]] | None:
        state[name] = False
        running.append(name)
        for target, names in deps[name]:
            # `from pkg import module` imports the submodule and binds it, half-imported or not (Python looks it
            # up in sys.modules); only names defined in a module need that module imported in full
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in deps]
            for module in subs or [target]:
                found = load(module, name, whole=not subs)
                if found is not None:
                    return found
        state[name] = True
        running.pop()
        return None

    def load(name: str, importer: str, *, whole: bool = True) -> tuple[str, str, tuple[str, ...]] | None:
        parts = name.split(".")
        for i in range(1, len(parts)):
            above = ".".join(parts[:i])
            if above in deps and above not in state:
                found = run(above)
                if found is not None:
                    return found
        if state.get(name) is False:
            return (importer, name, tuple(n for n in running if n in packages)) if whole else None
        return run(name) if name in deps and name not in state else None

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20 * len(deps) + 1000))
    try:
        for name in [f"{package}.types", *sorted(deps)]:
            if name in deps and name not in state:
                found = load(name, name)
                if found is not None:
                    return found
    except RecursionError:
        return f"{package}.types", f"{package}.types", tuple(sorted(packages))
    finally:
        sys.setrecursionlimit(limit)
    return None
