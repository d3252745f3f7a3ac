"""Project → TypeScript files laid out as openai-node (TS-STYLE §1, §8, §9): ``resources/**.ts`` per resource with
its named request models (config order) then its params families (method order), ``resources/shared.ts`` for
``$shared`` models, the imports those declarations need, and the ``export declare namespace`` block listing them.
Only types: no API classes, no runtime code. With ``support`` on, ``core/uploads.ts`` and ``core/pagination.ts``
declare ``Uploadable`` and the page params bases so the tree type-checks on its own.

Import order (§9): the file's self alias, ``Shared``, the other resources in order of first use, then ``core/*``.
A second resource whose alias is taken in the same file is imported under its parent's name too
(``BetaResponsesAPI``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.ir import RESPONSE_KINDS, AliasDef, ClassDef, Module, NamedRef, PageScheme, Project
from generator.targets.typescript import layout
from generator.targets.typescript.families import Generic, family
from generator.targets.typescript.lower import Lowerer
from generator.targets.typescript.printer import Decl, body_lines, export_list, import_lines
from generator.targets.typescript.support import pagination_support, support_text
from generator.text import escape, naming
from generator.text.inline import LinkRewrites


@dataclass
class FileState:
    info: layout.FileInfo
    model_file: dict[tuple[str, ...], tuple[str, str]]  # Python module → (TypeScript file, name)
    aliases: dict[str, str]  # every resource file → its default alias
    imports: dict[str, str] = field(default_factory=dict)  # target file → alias, in order of first use
    core: dict[str, set[str]] = field(default_factory=dict)  # core module → names
    self_alias: bool = False

    def named(self, ref: NamedRef) -> str:
        target, name = self.model_file.get(ref.module, (None, escape.ts_type_name(ref.name)))
        if target is None or target == self.info.path:
            return name
        if target == layout.SHARED_FILE:
            self.imports.setdefault(target, layout.SHARED_ALIAS)
            return f"{layout.SHARED_ALIAS}.{name}"
        alias = self.imports.get(target)
        if alias is None:
            alias = self.aliases.get(target, "ModelsAPI")
            taken = set(self.imports.values()) | {self.info.alias}
            if alias in taken:
                parent = target.split("/")[-3] if target.count("/") >= 2 else "other"
                alias = escape.identifier(naming.pascal(parent) + alias, fallback="ModelsAPI")
            while alias in taken:
                alias += "_"
            self.imports[target] = alias
        return f"{alias}.{name}"

    def import_block(self) -> list[str]:
        lines: list[str] = []
        here = self.info.path
        if self.self_alias:
            lines += import_lines([self.info.alias], escape.ts_string_literal(layout.relative_import(here, here)),
                                  star=True)
        ordered = sorted(self.imports.items(), key=lambda kv: kv[1] != layout.SHARED_ALIAS)
        for target, alias in ordered:
            lines += import_lines([alias], escape.ts_string_literal(layout.relative_import(here, target)), star=True)
        for module in sorted(self.core):
            names = sorted(self.core[module])
            spec = escape.ts_string_literal(layout.relative_import(here, f"core/{module}.ts"))
            lines += import_lines([f"type {n}" for n in names], spec)
        return lines


def render_project(project: Project, link_rewrites: LinkRewrites, *, support: bool = True) -> dict[str, str]:
    files = layout.resource_files(project.resources)
    aliases = {info.path: info.alias for info in files.values()}
    names = layout.model_names(project.resources)
    specs = [(r, m) for r in project.resources for m in r.models]
    # a schema named both in $shared and in a resource is the shared type in TypeScript (openai-node:
    # `Shared.ChatModel`, `Shared.ReasoningEffort`, though the config also names them under chat/completions)
    shared = {m.schema_pointer: (r, m) for r, m in specs if r.shared}
    model_file: dict[tuple[str, ...], tuple[str, str]] = {}
    for r, m in specs:
        owner, chosen = shared.get(m.schema_pointer, (r, m))
        target = layout.SHARED_FILE if owner.shared else files[owner.path].path
        for path in m.modules:
            model_file.setdefault(path, (target, names[chosen.pointer]))
    modules = {m.path: m for m in project.modules}
    by_key: dict[str, NamedRef] = {}  # config model key → a reference to it (the bound of a type parameter)
    for _, m in specs:
        if m.modules:
            by_key.setdefault(m.key, NamedRef(m.modules[0], names[m.pointer]))
    available = frozenset(p for p, m in modules.items() if m.kind in ("param", "shared_param"))
    ops = {(op.resource, op.method_name): op for op in project.operations}
    header: list[str] = []  # the header blocks (a config's licence block, then the generator's line), a blank between
    for i, block in enumerate(project.header_blocks):
        header.extend([""] if i else [])
        header.extend(line for text in block for line in escape.ts_comment_lines(text))

    sections: dict[str, tuple[FileState, list[Decl], list[str]]] = {}
    pages: dict[str, PageScheme] = {}
    shared_info = layout.FileInfo(layout.SHARED_FILE, layout.SHARED_ALIAS, "", "")

    def state(info: layout.FileInfo) -> tuple[FileState, list[Decl], list[str]]:
        if info.path not in sections:
            sections[info.path] = (FileState(info, model_file, aliases), [], [])
        return sections[info.path]

    for r, m in specs:  # named request models, in config order, before the params (P1)
        # the request-side rendering of the model (the response side's `BaseModel` twin is another module)
        module = next((modules[p] for p in m.modules if p in modules
                       and modules[p].kind not in ("params", *RESPONSE_KINDS)), None)
        if module is None:
            continue
        owner, chosen = shared.get(m.schema_pointer, (r, m))
        st, decls, exports = state(shared_info if owner.shared else files[owner.path])
        name = names[chosen.pointer]
        if name in exports:
            continue
        low = Lowerer(module, st.named, link_rewrites, available=available)
        decls.extend(_model_decls(module, low, name))
        _use(st, low)
        exports.append(name)
    for resource in project.resources:
        if resource.shared:
            continue
        info = files[resource.path]
        for method in resource.methods:
            op = ops.get((resource.path, method))
            if op is None or op.params_module is None or op.params_module not in modules:
                continue
            st, decls, exports = state(info)
            low = Lowerer(modules[op.params_module], st.named, link_rewrites, available=available)
            generics = tuple(Generic(tp.name, st.named(by_key[tp.model]), tp.property)
                             for tp in op.type_parameters if tp.model in by_key)
            fam = family(modules[op.params_module], layout.params_name(info, method), info.alias, op, low,
                         project.page_schemes, generics)
            decls.extend(fam.decls)
            exports.extend(fam.exports)
            _use(st, low)
            if fam.page is not None:
                st.core.setdefault("pagination", set()).add(fam.page.base)
                pages[fam.page.base] = fam.page.scheme
            if modules[op.params_module].streaming is not None:
                st.self_alias = True
    out: dict[str, str] = {}
    for file, (st, decls, exports) in sections.items():
        lines = [*header, ""]
        body = body_lines(decls)  # computed first: it records the imports
        imports = st.import_block()
        if imports:
            lines += [*imports, ""]
        lines += body
        if st.info.namespace:
            lines += ["", f"export declare namespace {st.info.namespace} {{",
                      *export_list([f"type {n} as {n}" for n in exports], "  "), "}"]
        out[file] = "\n".join(lines) + "\n"
    if support:
        out["core/uploads.ts"] = "\n".join([*header, "", support_text("core/uploads.ts")])
        out["core/pagination.ts"] = "\n".join([*header, "", *pagination_support(pages)])
    return dict(sorted(out.items()))


def _use(st: FileState, low: Lowerer) -> None:
    if "Uploadable" in low.uses:
        st.core.setdefault("uploads", set()).add("Uploadable")


def _model_decls(module: Module, low: Lowerer, name: str) -> list[Decl]:
    root = next((d for d in module.definitions if d.name == module.main_name), module.definitions[-1])
    if isinstance(root, ClassDef):
        return low.class_decls(root, name, (name,))
    assert isinstance(root, AliasDef)
    return low.alias_decls(root, name)


