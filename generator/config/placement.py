"""Where generated types live: module paths and class names from the config (``docs/CONFIG.md``, "Resources").

Pure functions over the config objects. A module path is a tuple of parts below the package root, e.g.
``("types", "chat", "completion_create_params")`` for ``<package>/types/chat/completion_create_params.py``.

- params: method ``M`` of resource ``a.b.c`` → ``types/a/b/<singular(c)>_<M>_params`` /
  ``<Pascal(singular(c))><Pascal(M)>Params``; an own-folder resource (``typegen: {types_folder: own}``) keeps the
  module in ``types/a/b/c/``.
- models: key ``k`` of resource ``a.b.c`` → ``types/a/b/`` (own folder: ``types/a/b/c/``); an object (or a union
  involving objects) is ``k_param`` / ``Pascal(k)Param``, an enum/literal alias is ``k`` / ``Pascal(k)``;
  ``$shared`` models go to ``types/shared_params/k`` (objects) or ``types/shared/k`` (aliases), class ``Pascal(k)``.
  A ``typegen.class_name`` override replaces the class name as given.

Class names are the PascalCase of the snake words with a few initialisms written in capitals (``api_keys.create``
→ ``APIKeyCreateParams``), as the SDK's generator does: see :data:`INITIALISMS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from generator.config.model import Config, Method, ModelSpec, iter_methods, iter_models
from generator.diagnostics import Diagnostics
from generator.text import escape, naming

ModelKind = Literal["object", "alias"]
ModulePath = tuple[str, ...]
TYPES = "types"
INITIALISMS = naming.INITIALISMS


def params_module(method: Method) -> tuple[ModulePath, str]:
    """The params module and top-level class of a method (``pets.create`` →
    ``(("types", "pet_create_params"), "PetCreateParams")``)."""
    return _method_module(method, "params", "Params")


def _method_module(method: Method, suffix: str, fallback: str) -> tuple[ModulePath, str]:
    resource = method.resource_path
    leaf = naming.singular_name(_module_part(resource[-1])) if resource else ""
    stem = f"{leaf}_{_module_part(method.name)}" if leaf else _module_part(method.name)
    module = (*_folder(resource, own_folder=method.own_folder), escape.module_name(f"{stem}_{suffix}"))
    return module, class_name(f"{stem}_{suffix}", fallback=fallback)


def response_module(method: Method) -> tuple[ModulePath, str]:
    """The module of a method's own response type, beside its params module (``pets.create`` →
    ``(("types", "pet_create_response"), "PetCreateResponse")``; STYLE-RESPONSES R7.1)."""
    return _method_module(method, "response", "Response")


def model_placement(model: ModelSpec, *, kind: ModelKind) -> tuple[ModulePath, str]:
    """The module and class (or alias) name of a named model. ``kind`` is ``"object"`` for a TypedDict or a union
    involving objects, ``"alias"`` for an enum/literal alias (decided by the builder from the schema)."""
    key = _module_part(model.key)
    if model.shared:
        folder: ModulePath = (TYPES, "shared_params" if kind == "object" else "shared")
        stem, suffix = key, ""
    else:
        folder = _folder(model.resource_path, own_folder=model.own_folder)
        stem, suffix = (f"{key}_param", "Param") if kind == "object" else (key, "")
    name = model.class_name_override or class_name(model.key, fallback="Model") + suffix
    return (*folder, escape.module_name(stem)), name


def check_placements(config: Config, diags: Diagnostics) -> None:
    """Report methods whose params modules collide, and models whose modules would collide for either kind."""
    file = str(config.path)
    seen: dict[ModulePath, str] = {}
    for method in iter_methods(config):
        module, _ = params_module(method)
        _claim(seen, module, method.pointer, diags, file)
    for model in iter_models(config):
        for kind in ("object", "alias"):
            if not _claim(seen, model_placement(model, kind=kind)[0], model.pointer, diags, file):
                break  # one report per model


def class_name(text: str, *, fallback: str) -> str:
    """PascalCase of ``text`` with :data:`INITIALISMS` in capitals, as a safe identifier."""
    return escape.identifier(naming.pascal(text), fallback=fallback)


def module_file(parts: Iterable[str]) -> str:
    """``("types", "chat", "x")`` → ``"types/chat/x.py"``."""
    return "/".join(parts) + ".py"


def _claim(seen: dict[ModulePath, str], module: ModulePath, pointer: str, diags: Diagnostics, file: str) -> bool:
    first = seen.setdefault(module, pointer)
    if first != pointer:
        diags.error("module-collision", f"module {module_file(module)} is also claimed by {first}",
                    file=file, pointer=pointer)
        return False
    return True


def _folder(resource_path: tuple[str, ...], *, own_folder: bool) -> ModulePath:
    parts = resource_path if own_folder else resource_path[:-1]
    return (TYPES, *(_module_part(p) for p in parts))


def _module_part(text: str) -> str:
    return escape.module_name(text)
