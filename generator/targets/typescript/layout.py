"""Where TypeScript declarations live and what they are called (TS-STYLE §1, §2 N1, §9).

- A resource ``a.b.c`` is the file ``resources/a/b/c.ts``, or ``resources/a/b/c/c.ts`` when it has
  subresources (a folder of its own, the file named like the folder). Parts are kebab-case: ``fine_tuning`` →
  ``fine-tuning``, ``grader_models`` → ``grader-models`` (openai-node: ``resources/fine-tuning/jobs/jobs.ts``).
- ``$shared`` models live in ``resources/shared.ts`` and are referenced as ``Shared.<Name>``.
- A params type is ``<Prefix><Method>Params`` where the prefix is the PascalCase singular of the resource name
  (``RunSubmitToolOutputsParams``, ``AdminAPIKeyCreateParams``) unless the config names it
  (``typegen: {node_name: ChatCompletion}`` on the resource: openai-node's ``ChatCompletionCreateParams``,
  which no rule over the resource path gives: ``beta.responses`` keeps ``Response…``).
- A file imports another as ``import * as <Alias> from '<relative path>';`` with the alias the PascalCase of
  the resource's name plus ``API`` (``grader_models`` → ``GraderModelsAPI``); a named resource
  (``node_name``) is aliased by its parent's name too (``ChatCompletionsAPI``, openai-node
  ``chat/completions/completions.ts:4``).
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass

from generator.model.ir import ResourceInfo
from generator.text import escape, naming

RESOURCES = "resources"
SHARED_FILE = "resources/shared.ts"
SHARED_ALIAS = "Shared"


@dataclass(frozen=True)
class FileInfo:
    path: str  # below the output root, POSIX, with ``.ts``
    alias: str  # the namespace alias other files import it under
    namespace: str  # the name of its ``export declare namespace`` block (the resource class's name)
    prefix: str  # the params name prefix (``Image``, ``ChatCompletion``)


def kebab(text: str) -> str:
    """A file or folder name: kebab case, at most ``escape.MAX_NAME_BYTES`` bytes (a longer one is cut and ends
    with a stable hash, as Python module names are: a file system refuses names over 255 bytes)."""
    name = "-".join(w.lower() for w in escape.ascii_words(text)) or "resource"
    if len(name) > escape.MAX_NAME_BYTES:
        name = name[: escape.MAX_NAME_BYTES - 9] + "-" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return name


def pascal(text: str) -> str:
    return naming.pascal(text)


def resource_files(resources: list[ResourceInfo]) -> dict[tuple[str, ...], FileInfo]:
    """Every resource path → its file (resources without content are listed too; the renderer skips them)."""
    return {r.path: _file(r) for r in resources if not r.shared}


def _file(resource: ResourceInfo) -> FileInfo:
    parts = [kebab(p) for p in resource.path]
    if resource.has_subresources:
        parts.append(parts[-1])
    path = posixpath.join(RESOURCES, *parts) + ".ts"
    leaf = resource.path[-1]
    override = resource.type_prefix
    prefix = override or escape.identifier(naming.pascal(naming.singular_name(naming.snake(leaf) or leaf)),
                                           fallback="Resource")
    alias_words = resource.path[-2:] if override and len(resource.path) > 1 else resource.path[-1:]
    alias = escape.identifier("".join(naming.pascal(p) for p in alias_words) + "API", fallback="ResourceAPI")
    namespace = escape.identifier(naming.pascal(leaf), fallback="Resource")
    return FileInfo(path, alias, namespace, prefix)


def model_names(resources: list[ResourceInfo]) -> dict[str, str]:
    """Config model (by its pointer in the config) → its TypeScript name: the config's ``class_name`` when given
    (less a Python ``Param`` suffix), else the PascalCase of its key, with ``Param`` added when another model of
    the config has the same key for a different schema (a request shape beside a response one: openai-node
    ``ChatCompletionAudioParam`` next to ``ChatCompletionAudio``, while ``ChatCompletionFunctionCallOption`` has
    no suffix). TypeScript has one type
    for a schema used by requests and responses alike, so Python's ``Param`` suffix is not added otherwise."""
    by_key: dict[str, set[str]] = {}
    models = [m for r in resources for m in r.models]
    for m in models:
        by_key.setdefault(m.key, set()).add(m.schema_pointer)
    out: dict[str, str] = {}
    for m in models:
        override = m.class_name_override
        if override and not (override.endswith("Param") and len(override) > 5 and not m.key.endswith("param")):
            out[m.pointer] = escape.ts_type_name(override)
            continue
        # a `class_name` ending in `Param` is Python's request-side name, whose suffix is Python's: openai-node
        # has ModerationImageURLInput, ImageURLContentBlock, CreateEvalJSONLRunDataSource (evals/runs/runs.ts)
        # for the class names ModerationImageURLInputParam, ImageURLContentBlockParam, ...; the suffix comes back
        # by the rule below; a key ending in `param` says it itself (ChatSessionChatKitConfigurationParam)
        name = override[: -len("Param")] if override else escape.identifier(naming.pascal(m.key), fallback="Model")
        if len(by_key[m.key]) > 1 and not name.endswith("Param"):
            name += "Param"
        out[m.pointer] = escape.ts_type_name(name)
    return out


def params_name(info: FileInfo, method: str) -> str:
    return escape.identifier(info.prefix + naming.pascal(method) + "Params", fallback="Params")


def relative_import(current: str, target: str) -> str:
    """``'./images'``, ``'../shared'``: the import specifier of ``target`` from ``current`` (both files)."""
    rel = posixpath.relpath(target[:-3], posixpath.dirname(current))
    return rel if rel.startswith("../") else "./" + rel
