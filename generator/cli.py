"""Command line: ``typegen generate``, ``typegen check``, ``typegen validate``, ``typegen init``.

Exit codes: 0 success; 1 drift (``check``) or warnings with ``--fail-on-warning``; 2 bad input (all diagnostics
are printed together, one line each, no traceback, nothing written).

``--diagnostics-format`` (every subcommand) picks how the diagnostics are rendered on stderr: ``text`` (default),
``json`` (one object per line; stderr then holds nothing else, the exit code tells the outcome) or ``github``
(workflow commands that annotate the spec in a pull request). See :mod:`generator.diagnostics`.

In CI (the ``CI`` environment variable set to anything but empty, ``0``, ``false``, ``no`` or ``off``) ``check``
reads and writes no cache unless ``--cache`` is given: a cache shared between branches or restored from another
run must never be able to make ``check`` pass on stale or tampered output, so CI pays for a cold run.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from generator import __version__
from generator.diagnostics import FORMATS, Diagnostic, Diagnostics, Level, TypegenError

EXIT_OK, EXIT_DRIFT, EXIT_BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="typegen",
        description="Generate SDK-style typed request-parameter modules from an OpenAPI spec and a "
        "Stainless-compatible config.",
        epilog="Exit codes: 0 ok, 1 drift (check) or warnings with --fail-on-warning, 2 bad input.",
    )
    p.add_argument("--version", action="version", version=f"typegen {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def formats(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--diagnostics-format", choices=FORMATS, default="text",
                        help="how diagnostics are printed on stderr: text (default), json (one object per line), "
                        "github (GitHub Actions annotations)")

    def common(sp: argparse.ArgumentParser, *, check: bool = False) -> None:
        formats(sp)
        sp.add_argument("--config", type=Path, help="config file (default: [tool.typegen] config in pyproject.toml)")
        sp.add_argument("--spec", type=Path, help="OpenAPI spec (overrides the config's typegen.spec)")
        sp.add_argument("--out", type=Path, help="output directory (overrides the config's typegen.out)")
        sp.add_argument("--package", help="package name when no config is given")
        sp.add_argument("--validate", action="store_true", help="also validate the spec (openapi-spec-validator)")
        sp.add_argument("--strict", action="store_true", help="validation findings are errors, not warnings")
        sp.add_argument("--allow-file-refs", action="store_true",
                        help="resolve $refs to relative files inside the spec's directory tree")
        caching = sp.add_mutually_exclusive_group() if check else sp
        caching.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
        if check:
            caching.add_argument("--cache", action="store_true",
                                 help="use the cache even in CI (by default check ignores it when CI is set)")
        sp.add_argument("--fail-on-warning", action="store_true", help="exit 1 when any warning was printed")
        sp.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
        sp.add_argument("--target", choices=("python", "typescript"), default="python",
                        help="output language (default: python); typescript writes openai-node style "
                        "resources/**.ts (output directory: --out or typegen.out_typescript)")

    common(sub.add_parser("generate", help="generate the output tree (atomically)"))
    common(sub.add_parser("check", help="exit 1 with a diff if the output tree differs from a fresh generation"),
           check=True)
    v = sub.add_parser("validate", help="validate a spec with openapi-spec-validator")
    v.add_argument("spec", type=Path)
    v.add_argument("--strict", action="store_true")
    v.add_argument("--no-cache", action="store_true")
    formats(v)
    i = sub.add_parser("init", help="print a config inferred from a spec")
    i.add_argument("--spec", type=Path, required=True)
    i.add_argument("--package", help="package name (default: from the spec's title)")
    formats(i)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_BAD_INPUT
    diags = Diagnostics()
    fmt = args.diagnostics_format
    try:
        with _without_cyclic_gc():
            code = _dispatch(args, diags)
    except TypegenError:
        code = EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not bad input: one line, nothing written; TYPEGEN_DEBUG=1 for the traceback
        if os.environ.get("TYPEGEN_DEBUG"):
            raise
        message = (f"internal error: {type(exc).__name__}: {exc} (nothing written; set TYPEGEN_DEBUG=1 for the "
                   "traceback and please report it)")
        if fmt == "text":
            _print(diags, fmt)
            print(f"typegen: {message}", file=sys.stderr)
        else:
            diags.add(Diagnostic(Level.ERROR, "internal-error", message))
            _print(diags, fmt)
        return EXIT_BAD_INPUT
    _print(diags, fmt)
    if code == EXIT_OK and getattr(args, "fail_on_warning", False) and diags.warnings:
        return EXIT_DRIFT
    return code


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A run with Python's cycle collector off (issue 15). A run builds a few hundred thousand objects that live
    until it ends and makes little cyclic garbage: on the whole OpenAI API the collector ran 521 times for 1.3 s
    of a 6.2 s single-process run, and switching it off leaves the peak RSS as it was (121 MB). Reference
    counting still frees everything else; the collector is on again when the run returns (tests call ``main``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _print(diags: Diagnostics, fmt: str = "text") -> None:
    items = sorted(diags, key=lambda d: (d.level is not Level.ERROR, d.file, d.pointer, d.code))
    for d in items:
        print(d.render_as(fmt), file=sys.stderr)
    errors = sum(1 for d in items if d.level is Level.ERROR)
    if errors:
        _status(fmt, f"typegen: {errors} error(s); nothing written")


def _status(fmt: str, line: str) -> None:
    """A human status line on stderr; in ``json`` mode stderr holds only diagnostics, one object per line."""
    if fmt != "json":
        print(line, file=sys.stderr)


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    """``CI`` is set the way CI services set it (``true`` on GitHub Actions, GitLab, CircleCI, Travis...)."""
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off")


def _use_cache(args: argparse.Namespace) -> bool:
    if args.no_cache:
        return False
    if args.command == "check" and in_ci():
        return bool(args.cache)
    return True


def _options(args: argparse.Namespace) -> object:
    from generator.pipeline import Options

    return Options(config=args.config, spec=args.spec, out=args.out, validate=args.validate, strict=args.strict,
                   allow_file_refs=args.allow_file_refs, use_cache=_use_cache(args), package=args.package,
                   target=args.target)


def _dispatch(args: argparse.Namespace, diags: Diagnostics) -> int:
    if args.command == "validate":
        return _validate(args, diags)
    if args.command == "init":
        from generator.config.infer import init_command

        return init_command(args.spec, args.package, diags)
    from generator.pipeline import Options, run
    from generator.write.writer import check_root, compare, write_tree

    started = time.perf_counter()
    options = _options(args)
    assert isinstance(options, Options)
    result = run(options, diags)
    check_root(result.out, diags, inputs=result.inputs)
    diags.raise_if_errors()
    if args.command == "check":
        drift = compare(result.out, result.files, result.formatter)
        for diff in drift.diffs:
            sys.stdout.write(diff)
        for rel in drift.stale:
            print(f"stale: {result.out / rel} is no longer generated", file=sys.stdout)
        for note in drift.notes:
            print(f"note: {note}", file=sys.stdout)
        _status(args.diagnostics_format, f"typegen check: {drift.summary()} ({len(result.files)} files)")
        return EXIT_OK if drift.clean else EXIT_DRIFT
    try:
        changed, removed = write_tree(result.out, result.files, result.formatter)
    except OSError as exc:  # a full disk, a read-only folder, a name the file system refuses: the tree is as it was
        where = exc.filename if isinstance(exc.filename, str) else str(result.out)
        diags.error("write-failed", f"cannot write the output ({exc.strerror or exc}); nothing written",
                    file=where)
        raise TypegenError(diags) from None
    if not args.quiet:
        elapsed = time.perf_counter() - started
        _status(args.diagnostics_format, f"typegen: {len(result.files)} files in {_shown(result.out)} ({changed} "
                f"written, {removed} removed) in {elapsed:.2f}s")
    return EXIT_OK


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(resolved)


def _validate(args: argparse.Namespace, diags: Diagnostics) -> int:
    from generator.load.reader import load_document
    from generator.load.refpolicy import check_ref_policy
    from generator.load.validate import check_version, validate_spec
    from generator.pipeline import Options, cache_dir

    cache = cache_dir(Options(use_cache=not args.no_cache))
    doc = load_document(args.spec, diags, cache_dir=cache)
    diags.raise_if_errors()
    check_version(doc, diags)
    check_ref_policy(doc, diags)
    diags.raise_if_errors()
    validate_spec(doc, diags, strict=args.strict, cache_dir=cache)
    diags.raise_if_errors()
    n = len(diags.warnings)
    _status(args.diagnostics_format, f"typegen validate: {args.spec}: {'valid' if n == 0 else f'{n} finding(s)'}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
