"""Reading a config file: the YAML (bounded, hardened, with a pointer → line map for diagnostics), the config named
by ``[tool.typegen]`` in ``pyproject.toml``, and the public entry points.

:func:`load_config` reads the YAML file and returns a :class:`~generator.config.model.Config`. It never raises for
a bad config: every problem goes to the :class:`~generator.diagnostics.Diagnostics` collector with a JSON pointer
into the config (and the line, which the YAML composer gives for free), and the caller checks
``diags.has_errors``.

:func:`find_config` reads ``[tool.typegen] config = "..."`` from the nearest ``pyproject.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.config.model import Config, empty_config
from generator.config.reader import Reader
from generator.diagnostics import Diagnostics
from generator.load.schema import child

JSON = Any
MAX_CONFIG_BYTES = 5 * 1024 * 1024
MAX_YAML_DEPTH = 200
# Sections whose duplicate keys change our output (errors); duplicates elsewhere are only warnings.
_RELEVANT_SECTIONS = ("#/resources", "#/typegen", "#/openapi", "#/targets/python", "#/settings/file_header")


def load_config(path: Path, diags: Diagnostics) -> Config:
    """Read and check a config file. Problems are reported to ``diags``; the result is best effort (e.g. an
    empty ``package_name`` when it is missing), so check ``diags.has_errors`` before using it."""
    loaded = _load_yaml(path, diags)
    if loaded is None:
        return empty_config(path)
    data, lines = loaded
    reader = Reader(path, diags, lines)
    if not isinstance(data, Mapping):
        reader.error("config-not-mapping", "the config must be a YAML mapping", "#")
        return empty_config(path)
    return reader.config(data)


def config_from_data(data: Mapping[str, JSON], path: Path, diags: Diagnostics) -> Config:
    """A config from already-parsed data (e.g. one inferred by ``typegen init``), checked like a file's;
    ``path`` names it in diagnostics and anchors its relative paths."""
    return Reader(path, diags, {}).config(data)


def find_config(start: Path, diags: Diagnostics | None = None) -> Path | None:
    """The config named by ``[tool.typegen] config`` in the nearest ``pyproject.toml`` at or above ``start``,
    resolved relative to that pyproject. The nearest pyproject decides: ``None`` if it has no such key (or if
    there is no pyproject at all). A malformed pyproject or value is reported to ``diags`` when given."""
    start = start.absolute()
    for folder in [start, *start.parents] if start.is_dir() else list(start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            return _config_from_pyproject(pyproject, diags)
    return None


def _load_yaml(path: Path, diags: Diagnostics) -> tuple[JSON, dict[str, int]] | None:
    """The document and a map pointer → line; ``None`` after reporting an error."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diags.error("config-unreadable", f"cannot read the config: {exc.strerror or exc}", file=file)
        return None
    if len(raw) > MAX_CONFIG_BYTES:
        diags.error("config-too-large", f"the config is larger than {MAX_CONFIG_BYTES} bytes", file=file)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diags.error("config-encoding", f"the config is not UTF-8 (byte {exc.start})", file=file)
        return None
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        lines: dict[str, int] = {}
        if node is not None:
            _index_nodes(node, "#", lines, diags, file)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        words = [w for w in (getattr(exc, "context", None), getattr(exc, "problem", None)) if isinstance(w, str)]
        diags.error("config-yaml", f"invalid YAML: {', '.join(words) or exc}", file=file,
                    line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)
        return None
    except RecursionError:
        diags.error("config-yaml", "the config is nested too deeply", file=file)
        return None
    finally:
        loader.dispose()
    return data, lines


def _index_nodes(root: yaml.Node, pointer: str, lines: dict[str, int], diags: Diagnostics, file: str) -> None:
    """Record the line of every mapping key / sequence item and report duplicate keys. Each node is visited
    once (aliases are not expanded), so an alias bomb costs nothing here."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, int]] = [(root, pointer, 0)]
    while stack:
        node, ptr, depth = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if depth > MAX_YAML_DEPTH:
            raise yaml.YAMLError(f"the config is nested deeper than {MAX_YAML_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue
                key, line = str(key_node.value), key_node.start_mark.line + 1
                sub = child(ptr, key)
                if key in first:
                    _duplicate(diags, file, sub, key, line, first[key])
                    continue
                first[key] = line
                lines[sub] = line
                stack.append((value_node, sub, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                lines[child(ptr, i)] = item.start_mark.line + 1
                stack.append((item, child(ptr, i), depth + 1))


def _duplicate(diags: Diagnostics, file: str, pointer: str, key: str, line: int, first: int) -> None:
    message = f"duplicate key {key!r} (first at line {first}); the last one wins"
    if pointer.startswith(_RELEVANT_SECTIONS):
        diags.error("config-duplicate-key", message, file=file, pointer=pointer, line=line)
    else:
        diags.warning("config-duplicate-key", message, file=file, pointer=pointer, line=line)


def _config_from_pyproject(pyproject: Path, diags: Diagnostics | None) -> Path | None:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if diags is not None:
            diags.error("pyproject-invalid", f"cannot read pyproject.toml: {exc}", file=str(pyproject))
        return None
    tool = data.get("tool")
    typegen = tool.get("typegen") if isinstance(tool, dict) else None
    if not isinstance(typegen, dict) or "config" not in typegen:
        return None
    value = typegen["config"]
    if not isinstance(value, str) or not value.strip():
        if diags is not None:
            diags.error("pyproject-invalid", "[tool.typegen] config must be a non-empty string",
                        file=str(pyproject), pointer="#/tool/typegen/config")
        return None
    return pyproject.parent / value
