"""Project → unformatted Python sources, through the Jinja templates shipped in ``generator.templates``."""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import jinja2

from generator.diagnostics import Diagnostics
from generator.model.ir import RESPONSE_KINDS, Module, Project
from generator.targets.python.annotations import comment_block, module_context
from generator.targets.python.inits import module_imports, replay, types_inits
from generator.targets.python.models import model_module_context

TEMPLATE = "module.py.j2"
INIT_TEMPLATE = "package_init.py.j2"  # the __init__.py of a types/ folder (inits.py)
# The fixed helper modules a generated package imports (``_types.py``, ``_utils.py``): output path → template.
SUPPORT_MODULES = ((("_types",), "support/_types.py"), (("_utils",), "support/_utils.py"))
# ``_models.py`` (the pydantic ``BaseModel`` of response modules) only when the project has response modules
MODEL_SUPPORT = (("_models",), "support/_models.py")


@functools.cache
def templates_dir() -> Path:
    """This target's templates: ``python/`` under the templates shipped as ``generator.templates``."""
    return templates_root() / "python"


@functools.cache
def templates_root() -> Path:
    """The templates shipped as ``generator.templates`` (``templates/`` in a source checkout), one folder a target."""
    try:
        return Path(str(resources.files("generator.templates")))
    except ModuleNotFoundError:  # running from a source tree that was not installed
        return Path(__file__).resolve().parents[3] / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


_PART = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,119}\Z")


def module_file(package: str, path: tuple[str, ...]) -> str:
    """The output file of a module, relative to the output root (POSIX separators). Every part must already be
    a safe name (the builder takes them from :mod:`generator.text.escape`); anything else is a bug, not input."""
    parts = [*package.split("."), *path]
    for part in parts:
        if not _PART.match(part) or keyword.iskeyword(part):
            raise ValueError(f"unsafe module path part {part!r}")
    return "/".join(parts) + ".py"


def render_project(project: Project, link_rewrites: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """All output files of a project (path relative to the output root → unformatted source)."""
    out = render_modules(project, written_modules(project), link_rewrites)
    return dict(sorted({**out, **support_files(project, out)}.items()))


def written_modules(project: Project) -> list[Module]:
    """The modules this target writes: all but the path-only params (the SDK's methods take path parameters as
    arguments: no params module)."""
    return [m for m in project.modules if not m.path_only]


def render_modules(project: Project, modules: Sequence[Module], link_rewrites: tuple[tuple[str, str], ...],
                   ) -> dict[str, str]:
    """The given modules' files (unformatted), each independent of the others."""
    template = environment().get_template(TEMPLATE)
    header = project.header_blocks
    out: dict[str, str] = {}
    for module in modules:
        # one model of types, two renderings: TypedDicts for the request side, BaseModels for the response side
        context = model_module_context if module.kind in RESPONSE_KINDS else module_context
        ctx = context(module, header, link_rewrites)
        out[module_file(project.package, module.path)] = template.render(
            header=ctx.header, import_groups=ctx.import_groups, exports=ctx.exports, definitions=ctx.definitions
        )
    return out


def support_files(project: Project, files: Mapping[str, str], diags: Diagnostics | None = None) -> dict[str, str]:
    """The support modules and the ``__init__.py`` of every package folder of ``files`` (when switched on): those
    of ``types/`` re-export their folder (inits.py) unless that would break an import, which ``diags`` is told."""
    out: dict[str, str] = {}
    if not project.support:
        return out
    header = project.header_blocks
    comment = "\n".join(comment_block(header))
    models = any(m.kind in RESPONSE_KINDS for m in project.modules)
    for path, template_file in (*SUPPORT_MODULES, *((MODEL_SUPPORT,) if models else ())):
        body = (templates_dir() / template_file).read_text(encoding="utf-8")
        out[module_file(project.package, path)] = f"{comment}\n\n{body}"
    init_template = environment().get_template(INIT_TEMPLATE)
    header_lines = comment_block(header)
    inits = {module_file(project.package, (*folder, "__init__")): init_template.render(header=header_lines,
                                                                                      groups=groups)
             for folder, groups in types_inits(project).items()}
    # a folder whose __init__.py runs in an import cycle keeps a plain one; the others still re-export
    imports = module_imports(files) if inits else {}
    while inits and (failure := replay({**imports, **module_imports(inits)}, project.package)) is not None:
        importer, module, cycle = failure
        dropped = [f for f in inits if ".".join(f[:-3].split("/")[:-1]) in cycle] or list(inits)
        for f in dropped:
            del inits[f]
        if diags is not None:  # a note, not a warning: the input is fine, the output stays importable
            diags.note("reexports-cycle", f"{len(dropped)} types/ __init__.py file(s) do not re-export their "
                          f"folder: importing {module} from {importer} would find it half-imported (a cycle "
                          "between folders)", file=dropped[0])
    out.update(inits)
    for package_dir in sorted({f.rsplit("/", 1)[0] for f in (*files, *out)}):
        parts = package_dir.split("/")
        for i in range(1, len(parts) + 1):
            init = "/".join(parts[:i]) + "/__init__.py"
            if init not in files:
                out.setdefault(init, comment + "\n")
    return out
