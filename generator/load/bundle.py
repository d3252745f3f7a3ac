"""Bundling of relative file ``$ref``s (``--allow-file-refs``): :func:`bundle_external_refs` rewrites a document so
that it only contains local refs, loading each referenced file with the same hardening and limits, and only from
inside the spec's directory tree.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostics, TypegenError
from generator.load.document import ARRAY_INDEX, Document, Limits, pointer_from_tokens, unescape_token
from generator.load.reader import load_document
from generator.load.refpolicy import _policy_problem
from generator.load.resolver import _COMPONENT_SECTIONS, ref_section

JSON = Any


@dataclass(frozen=True)
class BundleLimits:
    max_files: int = 10_000
    max_nodes: int = 5_000_000  # containers created while copying (inlining can duplicate content)


_NAME_BAD = re.compile(r"[^A-Za-z0-9._\-]+")
_Target = tuple[str, str]  # (real path of the file, canonical pointer inside it; "#" for the whole file)


@dataclass
class _Job:
    src: JSON
    file: str
    dst: JSON
    dst_tokens: tuple[str, ...]
    src_tokens: tuple[str, ...]
    chain: tuple[_Target, ...]
    override: str | None = None  # rewritten $ref for this mapping
    skip_ref: bool = False  # siblings of an inlined ref: copy all keys but `$ref`


class _Bundler:
    """Copies the root tree, rewriting file refs; see :func:`bundle_external_refs`. Paths are real (symlinks
    resolved) strings; every target must stay inside the root spec's directory."""

    def __init__(self, doc: Document, diags: Diagnostics, limits: Limits, bundle_limits: BundleLimits) -> None:
        self.diags = diags
        self.limits = limits
        self.bundle_limits = bundle_limits
        self.root_path = os.path.realpath(doc.path)
        self.root_dir = os.path.dirname(self.root_path)
        self.docs: dict[str, Document | None] = {self.root_path: doc}
        self.placed: dict[_Target, str] = {}
        self.used: dict[str, set[str]] = {}
        self.queue: list[tuple[_Target, str, str, str, tuple[str, ...]]] = []
        self.sources: dict[str, str] = {}
        self.stack: list[_Job] = []
        self.nodes = 0
        self._paths: dict[tuple[str, str], tuple[str, str] | str] = {}  # -> (code, message) | real path
        self._dirs: dict[str, str] = {}

    # ------------------------------------------------------------------------ driver
    def run(self, root: Document) -> Document:
        data = root.data
        comps = data.get("components") if type(data) is dict else None
        if type(comps) is dict:
            for section, entries in comps.items():
                if type(entries) is dict:
                    self.used[section] = set(entries)
            self.claim_component_refs(comps)
        new_root = self.materialise(data, self.root_path, (), (), ())
        self.drain()
        i = 0
        while i < len(self.queue):
            (file, frag), section, name, ref_file, ref_tokens = self.queue[i]
            i += 1
            node = self.lookup(file, frag, ref_file, ref_tokens)
            copied = self.materialise(node, file, ("components", section, name), _frag_tokens(frag), ((file, frag),))
            self.drain()
            self.install(new_root, section, name, copied)
        if self.sources and type(new_root) is dict:
            new_root["x-typegen-bundled"] = dict(sorted(self.sources.items()))
        digest = hashlib.sha256(root.sha256.encode())
        for path in sorted(p for p in self.docs if p != self.root_path):
            d = self.docs[path]
            digest.update(f"\0{self.relative(path)}\0{d.sha256 if d else '-'}".encode())
        return Document(root.path, new_root, root.format, digest.hexdigest(), root.raw)

    def install(self, new_root: JSON, section: str, name: str, copied: JSON) -> None:
        if type(new_root) is not dict:
            return
        comps = new_root.setdefault("components", {})
        if type(comps) is not dict or type(comps.setdefault(section, {})) is not dict:
            self.diags.error("ref-bundle", f"cannot add #/components/{section}: it is not a mapping",
                             file=self.root_path, pointer=f"#/components/{section}")
            return
        comps[section][name] = copied

    def drain(self) -> None:
        while self.stack:
            self.run_job(self.stack.pop())

    # ------------------------------------------------------------------------ copying
    def count(self) -> None:
        self.nodes += 1
        if self.nodes > self.bundle_limits.max_nodes:
            self.diags.error("ref-bundle", f"bundled document exceeds {self.bundle_limits.max_nodes} nodes",
                             file=self.root_path)
            raise TypegenError(list(self.diags))

    def run_job(self, job: _Job) -> None:
        if type(job.src) is list:
            for i, v in enumerate(job.src):
                t = str(i)
                job.dst.append(self.materialise(v, job.file, (*job.dst_tokens, t), (*job.src_tokens, t), job.chain))
            return
        for k, v in job.src.items():
            if k == "$ref" and isinstance(v, str) and (job.override is not None or job.skip_ref):
                if job.override is not None:
                    job.dst["$ref"] = job.override
                continue
            if k == "mapping" and job.dst_tokens[-1:] == ("discriminator",) and type(v) is dict:
                job.dst[k] = {mk: self.mapping_value(mv, job, mk) for mk, mv in v.items()}
                continue
            job.dst[k] = self.materialise(v, job.file, (*job.dst_tokens, k), (*job.src_tokens, k), job.chain)

    def materialise(self, value: JSON, file: str, dst_tokens: tuple[str, ...], src_tokens: tuple[str, ...],
                    chain: tuple[_Target, ...]) -> JSON:
        """A copy of ``value`` (its containers filled later by queued jobs) with refs rewritten to local ones."""
        if type(value) is list:
            self.count()
            new: list[JSON] = []
            self.stack.append(_Job(value, file, new, dst_tokens, src_tokens, chain))
            return new
        if type(value) is not dict:
            return value
        self.count()
        siblings: list[_Job] = []
        override: str | None = None
        out: dict[str, JSON] = {}
        while True:
            ref = value.get("$ref")
            if not isinstance(ref, str) or (file == self.root_path and ref.startswith("#")):
                break
            target = self.target_of(file, ref, src_tokens)
            if target is None:
                return {}
            if target[0] == self.root_path:
                override = target[1]
                break
            section = ref_section(dst_tokens)
            if section is not None and not self.can_inline_here(target, section, dst_tokens, value):
                override = self.place(target, section, file, src_tokens)
                break
            if target in chain:
                self._err(file, src_tokens, "ref-cycle", f"external $ref cycle through {self.describe(target)}")
                return {}
            chain = (*chain, target)
            if len(value) > 1:
                siblings.append(_Job(value, file, out, dst_tokens, src_tokens, chain, skip_ref=True))
            value, file = self.lookup(target[0], target[1], file, src_tokens), target[0]
            src_tokens = _frag_tokens(target[1])
            if type(value) is not dict:
                return self.materialise(value, file, dst_tokens, src_tokens, chain)
        self.stack.extend(siblings)
        self.stack.append(_Job(value, file, out, dst_tokens, src_tokens, chain, override=override))
        return out

    def claim_component_refs(self, comps: dict[str, JSON]) -> None:
        """Root component entries that are pure file refs claim their target first (in document order), so that
        refs to the same target met earlier in the copy (e.g. under ``paths``) point at the named component."""
        for section, entries in comps.items():
            if section not in _COMPONENT_SECTIONS or type(entries) is not dict:
                continue
            for name, entry in entries.items():
                ref = entry.get("$ref") if type(entry) is dict and len(entry) == 1 else None
                if not isinstance(ref, str) or ref.startswith("#"):
                    continue
                tokens = ("components", section, name)
                target = self.target_of(self.root_path, ref, tokens)
                if target is not None and target[0] != self.root_path and target not in self.placed:
                    self.placed[target] = pointer_from_tokens(tokens)
                    self.sources[self.placed[target]] = self.describe(target)

    def can_inline_here(self, target: _Target, section: str, dst_tokens: tuple[str, ...], value: JSON) -> bool:
        """A pure ref that *is* a component entry (``components/<section>/<name>``) takes the target's content, so
        the component keeps its name; other refs to the same target then point here."""
        if len(dst_tokens) != 3 or dst_tokens[:2] != ("components", section) or len(value) != 1:
            return False
        here = pointer_from_tokens(dst_tokens)
        claimed = self.placed.get(target)
        if claimed is not None:
            return claimed == here
        self.placed[target] = here
        self.sources[here] = self.describe(target)
        return True

    def mapping_value(self, value: JSON, job: _Job, key: str) -> JSON:
        """Discriminator mapping values that are references get the same rewriting as ``$ref``."""
        if not isinstance(value, str) or not ("/" in value or "#" in value or value.endswith(_SPEC_SUFFIXES)):
            return value
        if job.file == self.root_path and value.startswith("#"):
            return value
        src_tokens = (*job.src_tokens, "mapping", key)
        target = self.target_of(job.file, value, src_tokens)
        if target is None:
            return value
        if target[0] == self.root_path:
            return target[1]
        return self.place(target, "schemas", job.file, src_tokens)

    # ------------------------------------------------------------------------ targets
    def place(self, target: _Target, section: str, ref_file: str, ref_tokens: tuple[str, ...]) -> str:
        placed = self.placed.get(target)
        if placed is not None:
            return placed
        used = self.used.setdefault(section, set())
        base = _NAME_BAD.sub("_", _last_name(target)).strip("_.") or "external"
        name, n = base, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        pointer = pointer_from_tokens(("components", section, name))
        self.placed[target] = pointer
        self.sources[pointer] = self.describe(target)
        self.queue.append((target, section, name, ref_file, ref_tokens))
        return pointer

    def relative(self, path: str) -> str:
        return Path(os.path.relpath(path, self.root_dir)).as_posix()

    def describe(self, target: _Target) -> str:
        path, frag = target
        return self.relative(path) + ("" if frag == "#" else frag)

    def target_of(self, file: str, ref: str, src_tokens: tuple[str, ...]) -> _Target | None:
        file_part, _, frag = ref.partition("#")
        if file_part or not ref.startswith("#"):
            found = self.file_path(os.path.dirname(file), ref, file_part)
            if isinstance(found, tuple):
                self._err(file, src_tokens, *found)
                return None
            path = found
        else:
            path = file
        frag = unquote(frag)
        if frag and not frag.startswith("/"):
            self._err(file, src_tokens, "ref-invalid", f"unsupported $ref fragment in {ref[:200]!r}")
            return None
        if path not in self.docs:
            self.load(path)
        if self.docs[path] is None:
            return None
        return path, pointer_from_tokens(_frag_tokens("#" + frag))

    def file_path(self, base_dir: str, ref: str, file_part: str) -> str | tuple[str, str]:
        """Real path of a relative file ref, or (code, message). Lexically normalised, then symlinks resolved
        (directories cached); both forms must stay inside the root directory."""
        key = (base_dir, file_part)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = self._file_path(base_dir, ref, file_part)
        return found

    def _file_path(self, base_dir: str, ref: str, file_part: str) -> str | tuple[str, str]:
        problem = _policy_problem(ref, Path(base_dir), Path(self.root_dir), True, check_escape=False)
        if problem is not None:
            return problem
        escape = ("ref-escape", f"$ref {ref[:200]!r} escapes the input directory {self.root_dir!r}")
        decoded = unquote(file_part)
        if "\0" in decoded or os.path.isabs(decoded):
            return escape
        joined = os.path.normpath(os.path.join(base_dir, decoded))
        if not _within(joined, self.root_dir):
            return escape
        parent, name = os.path.split(joined)
        real_parent = self._dirs.get(parent)
        if real_parent is None:
            real_parent = self._dirs[parent] = os.path.realpath(parent)
        real = os.path.join(real_parent, name)
        if os.path.islink(real):
            real = os.path.realpath(real)
        if not _within(real, self.root_dir):
            return escape
        if not os.path.isfile(real):
            return "ref-missing-file", f"$ref target file not found: {file_part[:200]!r}"
        return real

    def load(self, path: str) -> None:
        if len(self.docs) >= self.bundle_limits.max_files:
            self.diags.error("ref-bundle", f"more than {self.bundle_limits.max_files} files referenced",
                             file=path)
            raise TypegenError(list(self.diags))
        try:
            self.docs[path] = load_document(Path(path), self.diags, limits=self.limits)
        except TypegenError:
            self.docs[path] = None

    def lookup(self, file: str, frag: str, ref_file: str, ref_tokens: tuple[str, ...]) -> JSON:
        doc = self.docs.get(file)
        if doc is None:
            return {}
        node = doc.data
        for token in _frag_tokens(frag):
            if type(node) is dict and token in node:
                node = node[token]
            elif type(node) is list and ARRAY_INDEX.fullmatch(token) and int(token) < len(node):
                node = node[int(token)]
            else:
                self._err(ref_file, ref_tokens, "ref-dangling", f"$ref target {self.describe((file, frag))} does "
                          "not exist")
                return {}
        return node

    def _err(self, file: str, src_tokens: tuple[str, ...], code: str, message: str) -> None:
        pointer = pointer_from_tokens(src_tokens)
        doc = self.docs.get(file)
        where = doc.locate(pointer) if doc is not None else None
        shown = str(doc.path) if doc is not None else file
        self.diags.error(code, message, file=shown, pointer=pointer,
                         line=where[0] if where else None, column=where[1] if where else None)


_SPEC_SUFFIXES = (".yml", ".yaml", ".json")


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _frag_tokens(frag: str) -> tuple[str, ...]:
    body = frag[1:] if frag.startswith("#") else frag
    return tuple(unescape_token(t) for t in body.split("/")[1:]) if body else ()


def _last_name(target: _Target) -> str:
    path, frag = target
    tokens = _frag_tokens(frag)
    return tokens[-1] if tokens else os.path.basename(path).split(".", 1)[0]


def bundle_external_refs(doc: Document, diags: Diagnostics, *, limits: Limits = Limits(),  # noqa: B008
                         bundle_limits: BundleLimits = BundleLimits()) -> Document:
    """Resolve relative file refs (only inside the root spec's directory tree) into a document that contains
    only local ``#/`` refs.

    Targets referenced from a Schema / Parameter / Response / ... position are copied once into
    ``#/components/<section>/<name>`` (name from the fragment's last token or the file stem; collisions get
    ``_2``, ``_3`` in document order); a pure ref that *is* a component entry takes the target's content under
    its own name. Refs in other positions (operations, path items, tag descriptions, code samples ...) are
    replaced by a copy of their target; discriminator mapping values that are file refs are rewritten too.
    ``#/x-typegen-bundled`` records where each copied component came from. Each file is loaded once with
    :func:`~generator.load.reader.load_document` (same hardening and limits); remote and ``file:`` refs are refused,
    and so is any path (after resolving symlinks) outside the root spec's directory.
    Raises TypegenError if any reference could not be bundled."""
    bundler = _Bundler(doc, diags, limits, bundle_limits)
    result = bundler.run(doc)
    diags.raise_if_errors()
    return result
