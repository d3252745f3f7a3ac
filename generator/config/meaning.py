"""Configs that cannot mean what they say (issue 10, part 5): checks over a read :class:`Config`, reported with
the config's own pointers. Warnings where the output is still safe, errors where it cannot be:

- ``config-package-shadows-stdlib``: ``targets.python.package_name`` is the name of a standard-library module
  (``sys.stdlib_module_names``) or of one the generated code imports (``typing_extensions``): every program
  that puts the output folder on its path would import the package instead of that module, and for ``typing``
  or ``os`` the package would import itself. No safe output exists, so an error (HOSTILE.md K-P1).
- ``config-module-collision``: two methods (or models) whose params modules are the same file: one would
  overwrite the other, so an error, unless both name the same endpoint the same way, or the same schema under
  the same class name (the same bytes either way: a shared model listed under two resources).
  A warning when the two paths differ only by case: they are one file on case-insensitive file systems
  (macOS, Windows).
- ``config-module-package-collision``: a module whose path is also the folder of other modules (a model
  ``bank_transactions`` beside the resource ``bank_transactions`` that has sub-resources): Python imports the
  package ``types/x/`` and never the file ``types/x.py``, so the module's types cannot be imported: an error.
- ``config-name-changed``: a resource or method key that is not already a valid module name
  (``trip-details``, ``getIt``) is renamed for its modules (``trip_details``, ``get_it``). Nothing is wrong with
  the output, but the names in it are not the config's, so the warning says which name is used. (Model keys
  are written in camelCase by design in such configs, ``healthInfo`` → ``health_info``: not reported.)
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from generator.config.model import Config, iter_methods, iter_models, iter_resources
from generator.config.placement import model_placement, module_file, params_module, response_module
from generator.text import escape

Report = Callable[[str, str, str], None]  # (code, message, pointer)
# Modules the generated package imports itself (templates/python and its support modules).
OUTPUT_IMPORTS = frozenset({"typing", "typing_extensions", "__future__", "os", "builtins", "abc", "collections"})


def check_meaning(config: Config, warning: Report, error: Report) -> None:
    _package(config, warning, error)
    _renamed_keys(config, warning)
    _collisions(config, warning, error)
    _package_collisions(config, error)


def _package(config: Config, warning: Report, error: Report) -> None:
    name = config.package_name
    if name in sys.stdlib_module_names or name in OUTPUT_IMPORTS:
        error("config-package-shadows-stdlib", f"package_name {name!r} is the name of a standard-library module "
              "(or one the generated code imports): it would shadow that module for every program that puts the "
              "output on its path; choose another name", "#/targets/python/package_name")


def _renamed(name: str) -> bool:
    """A key that had to change to become a module name. A camelCase key (``stopGroups``) is a valid name that the
    commercial generator snake-cases as a matter of course (OneBusAway's config), so only a key that is not an
    identifier, or is a keyword, counts (``trip-details``, ``2fa``, ``class``)."""
    return escape.module_name(name) != name and not escape.is_safe_identifier(name)


def _renamed_keys(config: Config, warning: Report) -> None:
    for resource in iter_resources(config):
        if not resource.shared and _renamed(resource.name):
            warning("config-name-changed", f"resource key {resource.name!r} is not a valid module name; its "
                    f"modules use {escape.module_name(resource.name)!r}", resource.pointer)
    for method in iter_methods(config):
        if _renamed(method.name):
            warning("config-name-changed", f"method key {method.name!r} is not a valid module name; its "
                    f"params module uses {escape.module_name(method.name)!r}", method.pointer)


def _collisions(config: Config, warning: Report, error: Report) -> None:
    seen: dict[str, tuple[tuple[str, ...], str, object]] = {}  # lower-case file -> (module, pointer, identity)
    claims: list[tuple[tuple[str, ...], str, object]] = [
        (params_module(m)[0], m.pointer, ("method", m.endpoint, m.streaming_param)) for m in iter_methods(config)]
    claims += [(model_placement(m, kind="object")[0], m.pointer, ("model", m.schema_pointer, m.class_name_override))
               for m in iter_models(config)]
    for module, pointer, identity in claims:
        key = module_file(module).lower()
        first = seen.setdefault(key, (module, pointer, identity))
        if first[1] == pointer:
            continue
        other_module, other_pointer, other_identity = first
        if other_module != module:
            warning("config-module-collision", f"{module_file(module)} and {module_file(other_module)} (of "
                    f"{other_pointer}) differ only by case: one file on case-insensitive file systems", pointer)
        elif identity != other_identity:
            # two models on one module: the commercial generator's own configs do this (the OpenAI SDK's full
            # config lists ``chat_completion_audio`` under two resources); the later entry's module is written,
            # so a warning. Two methods on one params module lose one method's params: an error.
            both_models = identity[0] == other_identity[0] == "model"  # type: ignore[index]
            (warning if both_models else error)(
                "config-module-collision", f"{module_file(module)} is also the module of {other_pointer}: one "
                "would overwrite the other; rename one of them", pointer)


def _package_collisions(config: Config, error: Report) -> None:
    claims: dict[tuple[str, ...], str] = {}
    for m in iter_methods(config):
        claims.setdefault(params_module(m)[0], m.pointer)
        if config.response_models:
            claims.setdefault(response_module(m)[0], m.pointer)
    for model in iter_models(config):
        claims.setdefault(model_placement(model, kind="object")[0], model.pointer)
        if config.response_models:  # the response model (and an alias) is ``k.py``
            claims.setdefault(model_placement(model, kind="alias")[0], model.pointer)
    folders: dict[tuple[str, ...], str] = {}
    for module, pointer in claims.items():
        for i in range(2, len(module)):
            folders.setdefault(module[:i], pointer)
    for module, pointer in claims.items():
        if module in folders:
            error("config-module-package-collision", f"{module_file(module)} has the import path of the folder of "
                  f"{folders[module]}'s modules: Python imports the folder, not the file; rename one of them", pointer)
