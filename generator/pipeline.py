"""One run: config → spec → model → rendered, checked and formatted files in memory. Nothing here writes the
output tree; :mod:`generator.write.writer` does that once everything succeeded."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, Diagnostics, TypegenError
from generator.targets.python.formatting import formatter_version
from generator.write import runcache

if TYPE_CHECKING:
    from generator.config.model import Config
    from generator.model.ir import Project

INFERRED_CONFIG = "typegen.inferred.yml"  # where a zero-config run says its (inferred) config lives
TS_PRINTER = "typegen-ts-printer 1 (prettier 3.1.1 layout)"  # the TypeScript target formats itself: no Node


@dataclass
class Options:
    config: Path | None = None
    spec: Path | None = None
    out: Path | None = None
    validate: bool = False
    strict: bool = False
    allow_file_refs: bool = False
    use_cache: bool = True
    package: str | None = None
    target: str = "python"  # "python" or "typescript"


@dataclass
class Result:
    files: dict[str, str]
    out: Path
    inputs: tuple[Path, ...]
    formatter: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    project: Project | None = None  # the model and the spec it was built from (None on a cache hit)
    spec: Any = None


def cache_dir(options: Options) -> Path | None:
    if not options.use_cache:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "typegen"


def run(options: Options, diags: Diagnostics) -> Result:
    """Generate every file in memory. Raises :class:`TypegenError` when any error was diagnosed."""
    from generator.config.files import config_from_data, find_config, load_config
    from generator.config.infer import infer_config_data
    from generator.load.pathitems import inline_path_items
    from generator.load.reader import load_document
    from generator.load.refpolicy import check_ref_policy
    from generator.load.resolver import check_refs
    from generator.load.shapes import check_schema_shapes
    from generator.load.validate import check_version, validate_spec
    from generator.model.build import ProjectBuilder
    from generator.targets.python.parallel import render_checked_formatted

    # --config wins; --spec alone means zero-config (a pyproject's config belongs to its own spec); else pyproject
    config_path = options.config or (None if options.spec is not None else find_config(Path.cwd()))
    config: Config | None = None
    if config_path is None:
        if options.spec is None:
            diags.error("no-config", "no config given: pass --config FILE, set [tool.typegen] config in "
                        "pyproject.toml, or pass --spec FILE to infer one")
            diags.raise_if_errors()
        # zero-config: the config is inferred once the spec is loaded, bundled and its Path Items followed
        config_file = Path.cwd() / INFERRED_CONFIG
    else:
        config = load_config(config_path, diags)
        config_file = config.path
    diags.raise_if_errors()
    spec_path = options.spec or (config.spec if config is not None else None)
    typescript = options.target == "typescript"
    if not typescript:
        from generator.targets.python.formatting import check_formatter

        check_formatter(diags)
        diags.raise_if_errors()
    out = options.out or ((config.typescript_out if typescript else config.out) if config is not None else None)
    if spec_path is None or out is None:
        out_key = "typegen.out_typescript" if typescript else "typegen.out"
        diags.error("config-incomplete", f"no spec or output directory: set typegen.spec / {out_key} in the "
                    "config or pass --spec / --out", file=str(config_file), pointer="#/typegen")
        diags.raise_if_errors()
    assert spec_path is not None and out is not None
    cache = cache_dir(options)
    key = None
    if cache is not None and not options.allow_file_refs:
        run_inputs = [spec_path, *([config_file] if config_file.is_file() else [])]
        key = runcache.run_key(run_inputs, (str(spec_path), str(config_file), options.validate, options.strict,
                                            options.package, *(["typescript"] if typescript else [])),
                               TS_PRINTER if typescript else formatter_version())
        hit = runcache.load(cache, key) if key else None
        if hit is not None:
            diags.extend(hit[1])
            diags.raise_if_errors()
            return Result(hit[0], out, tuple(run_inputs), TS_PRINTER if typescript else formatter_version(),
                          list(diags))
    doc = load_document(spec_path, diags, cache_dir=cache)
    diags.raise_if_errors()
    file = str(spec_path)
    try:
        check_version(doc, diags)
        check_ref_policy(doc, diags, allow_file_refs=options.allow_file_refs)
        diags.raise_if_errors()
        if options.allow_file_refs:
            from generator.load.bundle import bundle_external_refs  # imported when used, as the transforms below

            doc = bundle_external_refs(doc, diags)
            diags.raise_if_errors()
        check_refs(doc, diags)  # dangling refs, alias cycles, refs to non-schemas, before anything follows them
        diags.raise_if_errors()
        if options.validate:
            validate_spec(doc, diags, strict=options.strict, cache_dir=cache)
            diags.raise_if_errors()
        # Path Item $refs followed and wrong-shaped schema keywords dropped (each with a warning), before the
        # inference or the builder read anything
        data = inline_path_items(doc.data, diags, file=file, inferred=config is None)
        data = check_schema_shapes(data, diags, file=file)
        if config is None:
            config = config_from_data(infer_config_data(data, diags, spec=spec_path, package=options.package),
                                      config_file, diags)
            diags.raise_if_errors()
        spec = data
        if config.transformations:  # (jsonpath-ng is imported only for a config that has transformations)
            from generator.config.transforms import apply_transformations

            spec = apply_transformations(data, config.transformations, diags, config_file=str(config.path))
            diags.raise_if_errors()
            check_refs(spec, diags, file=file)  # a transformation may write a `$ref` (replaceProperties)
            diags.raise_if_errors()
        builder = ProjectBuilder(spec, config, diags, file, request_subclasses=not typescript)
        # the TypeScript target renders request types only: the response side would be built for nothing; the
        # Python target builds it while the request modules render (generator/targets/python/parallel.py)
        project = builder.build_requests()
        diags.raise_if_errors()
    except TypegenError:
        _locate(diags, doc, file)
        raise

    assert config is not None
    if typescript:
        from generator.targets.typescript.render import render_project as render_typescript

        files = render_typescript(project, config.link_rewrites, support=config.typescript_support_files)
        if cache is not None and key is not None:
            runcache.store(cache, key, files, list(diags))
        return Result(files, out, tuple(p for p in (spec_path, config_file) if p is not None), TS_PRINTER,
                      list(diags))
    built: list[Project] = []

    def complete(requests: Project) -> Project:  # the response side, built while the request modules render
        try:
            built.append(builder.with_responses(requests))
            diags.raise_if_errors()
        except TypegenError:
            _locate(diags, doc, file)
            raise
        return built[-1]

    formatted = render_checked_formatted(project, config.link_rewrites, diags, cache,
                                         complete if builder.has_response_side else None)
    project = built[-1] if built else project
    diags.raise_if_errors()
    assert formatted is not None
    files = formatted
    if cache is not None and key is not None:
        runcache.store(cache, key, files, list(diags))
    inputs = tuple(p for p in (spec_path, config.path) if p is not None)
    return Result(files, out, inputs, formatter_version(), list(diags), project, spec)


def _locate(diags: Diagnostics, doc: object, file: str) -> None:
    """Fill in line:col for diagnostics on the spec that only carry a pointer (computed lazily, on error)."""
    locate = getattr(doc, "locate", None)
    if locate is None:
        return
    items = list(diags)
    for i, d in enumerate(items):
        if d.file == file and d.pointer and d.line is None:
            pos = locate(d.pointer)
            if pos:
                items[i] = Diagnostic(d.level, d.code, d.message, d.file, d.pointer, pos[0], pos[1])
    diags.replace(items)
