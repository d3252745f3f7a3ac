"""Render, check and format the Python modules on two cores (issue 15).

Once the model is built, every module renders, compiles and formats on its own (a module's text depends only on
its own definitions and the project's header), so a cold run forks once: the child takes every other module (in
path order, which spreads large and small ones alike), the parent the rest, and the two halves are merged in path
order. The output is the same bytes as a one-process run (the tests compare both); only the time differs: on
the whole OpenAI API rendering, compiling and formatting take most of a cold run after the YAML parse.

With response models the model is built in two steps (request side, then the response side, which adds
modules and leaves the request modules as they are), so the fork comes earlier: a child renders the request
modules while this process builds the response side, then the response modules are split in two halves as above
(on the whole OpenAI API the response side's build is about as long as rendering the request modules).

When it does not pay, or cannot work, everything runs in this process: fewer than :data:`MIN_MODULES` modules
(a fork costs tens of milliseconds), one core, no ``fork`` (macOS and Windows spawn a new interpreter instead,
which costs more than it saves), or ``TYPEGEN_JOBS=1``. A child that fails in any way is not trusted: its half
is redone here.
"""

from __future__ import annotations

import ast
import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.diagnostics import Diagnostic, Diagnostics, Level
from generator.model.ir import Module, Project
from generator.targets.python.formatting import check_source, format_sources, parse_checked
from generator.targets.python.render import module_file, render_modules, support_files, written_modules

MIN_MODULES = 64

Half = tuple[dict[str, str], list[Diagnostic]]


def render_checked_formatted(project: Project, link_rewrites: tuple[tuple[str, str], ...], diags: Diagnostics,
                             cache_dir: Path | None = None,
                             complete: Callable[[Project], Project] | None = None) -> dict[str, str] | None:
    """Every output file, formatted; None (with the errors in ``diags``) when a rendered module is unsafe.

    ``complete``, when given, turns ``project`` (its request side) into the whole project (the model's
    response side, which only adds modules and drops request modules that became re-exports), whose modules are
    all rendered. On two cores the request modules render in a child while ``complete`` runs here."""
    requests = written_modules(project)
    if complete is not None and _forks(2 * len(requests)):
        full, files, found = _overlapped(project, requests, complete, link_rewrites, cache_dir)
    else:
        full = complete(project) if complete is not None else project
        modules = written_modules(full)
        if _forks(len(modules)):
            files, found = _two_halves(full, modules[::2], modules[1::2], link_rewrites, cache_dir)
        else:
            files, found = _half(full, modules, link_rewrites, cache_dir)
    checked = Diagnostics()
    support = support_files(full, files, checked)
    for name, source in support.items():
        check_source(name, source, checked)
    diags.extend(sorted(found, key=lambda d: d.file or "") + list(checked))
    if any(d.level is Level.ERROR for d in (*found, *checked)):
        return None
    files.update(format_sources(support, cache_dir=cache_dir))
    return dict(sorted(files.items()))


def _overlapped(project: Project, requests: Sequence[Module], complete: Callable[[Project], Project],
                link_rewrites: tuple[tuple[str, str], ...], cache_dir: Path | None,
                ) -> tuple[Project, dict[str, str], list[Diagnostic]]:
    """The request modules in a child while ``complete`` runs here; then the modules it added in two halves."""
    child = _start(project, requests, link_rewrites, cache_dir)
    try:
        full = complete(project)
    except BaseException:
        _abandon(child)
        raise
    request_ids = {id(m) for m in requests}
    added = [m for m in written_modules(full) if id(m) not in request_ids]
    files, found = _two_halves(full, added[::2], added[1::2], link_rewrites, cache_dir) if added else ({}, [])
    theirs, their_found = _collect(child, project, requests, link_rewrites, cache_dir)
    kept = {id(m) for m in full.modules}
    dropped = {module_file(project.package, m.path) for m in requests if id(m) not in kept}
    return full, {**{k: v for k, v in theirs.items() if k not in dropped}, **files}, [*their_found, *found]


def _forks(count: int) -> bool:
    if os.environ.get("TYPEGEN_JOBS") == "1" or count < MIN_MODULES or not sys.platform.startswith("linux"):
        return False
    return hasattr(os, "fork") and (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                    else os.cpu_count() or 1) > 1


def _half(project: Project, modules: Sequence[Module], link_rewrites: tuple[tuple[str, str], ...],
          cache_dir: Path | None) -> Half:
    rendered = render_modules(project, modules, link_rewrites)
    diags = Diagnostics()
    trees: dict[str, ast.Module] = {}
    for name, source in rendered.items():
        tree = parse_checked(name, source, diags)
        if tree is not None:
            trees[name] = tree
    if any(d.level is Level.ERROR for d in diags):
        return rendered, list(diags)
    return format_sources(rendered, cache_dir=cache_dir, trees=trees), list(diags)


def _two_halves(project: Project, mine: Sequence[Module], theirs: Sequence[Module],
                link_rewrites: tuple[tuple[str, str], ...], cache_dir: Path | None) -> Half:
    child = _start(project, theirs, link_rewrites, cache_dir)
    files, found = _half(project, mine, link_rewrites, cache_dir)
    other = _collect(child, project, theirs, link_rewrites, cache_dir)
    return {**files, **other[0]}, [*found, *other[1]]


def _start(project: Project, modules: Sequence[Module], link_rewrites: tuple[tuple[str, str], ...],
           cache_dir: Path | None) -> tuple[int, int]:
    """A child rendering ``modules``: (its pid, the read end of the pipe its pickled :data:`Half` comes through)."""
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: its half, pickled into the pipe, then gone without running any exit handler
        os.close(read_end)
        try:
            payload = pickle.dumps(_half(project, modules, link_rewrites, cache_dir))
        except BaseException:
            payload = b""
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_end)
    return pid, read_end


def _collect(child: tuple[int, int], project: Project, modules: Sequence[Module],
             link_rewrites: tuple[tuple[str, str], ...], cache_dir: Path | None) -> Half:
    """The child's result; when it failed in any way, ``modules`` rendered here instead."""
    pid, read_end = child
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if payload and os.waitstatus_to_exitcode(status) == 0:
        try:
            result: Half = pickle.loads(payload)
            return result
        except Exception:
            pass
    return _half(project, modules, link_rewrites, cache_dir)


def _abandon(child: tuple[int, int]) -> None:
    """Stop a child whose result is no longer wanted (the build failed meanwhile) and reap it."""
    pid, read_end = child
    os.close(read_end)
    with contextlib.suppress(ProcessLookupError):  # it may have finished already
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
