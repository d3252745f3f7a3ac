"""Compare generated request-type modules with an SDK's (shared by the oracle tests and by hand:
`python tests/oracle_compare.py GENERATED_TYPES_DIR SDK_TYPES_DIR [-v]`).

A module is *byte-identical* when the texts are equal, *structurally identical* when their ASTs are equal once
docstrings (module, class and attribute string statements) are dropped: same imports, `__all__`, classes, fields and
annotations."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

PATTERNS = ("*_params.py", "*_param.py")


def is_request_module(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("shared/") or name == "__init__.py":  # shared/ holds response models
        return False
    return name.endswith(("_params.py", "_param.py")) or _shared_params(rel)


def _shared_params(rel: str) -> bool:
    return rel.startswith("shared_params/")


def _strip_docstrings(tree: ast.AST) -> str:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            kept = [s for s in body
                    if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                            and isinstance(s.value.value, str))]
            node.body = kept or [ast.Pass()]  # type: ignore[attr-defined]
    return ast.dump(tree, include_attributes=False)


def structure(text: str) -> str | None:
    try:
        return _strip_docstrings(ast.parse(text))
    except SyntaxError:
        return None


@dataclass
class Score:
    same: list[str] = field(default_factory=list)
    structural: list[str] = field(default_factory=list)  # structurally identical, bytes differ
    differ: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # generated, the SDK has no such module
    absent: list[str] = field(default_factory=list)  # in the SDK, not generated
    named: tuple[int, int] = (0, 0)  # (byte-identical, generated) modules of named types, filled by the caller

    def count(self, kind: str) -> tuple[int, int]:
        """(byte-identical, structurally identical) among modules whose name ends in `kind` ('_params.py'...)."""
        def pick(xs: list[str]) -> int:
            return sum(1 for x in xs if x.endswith(kind))
        return pick(self.same), pick(self.same) + pick(self.structural)

    def total(self, kind: str) -> int:
        return sum(1 for xs in (self.same, self.structural, self.differ, self.absent) for x in xs if x.endswith(kind))

    def summary(self) -> str:
        lines = []
        for kind in ("_params.py", "_param.py"):
            b, s = self.count(kind)
            lines.append(f"*{kind}: {b}/{self.total(kind)} byte-identical, {s} structurally identical")
        every = [x for xs in (self.same, self.structural, self.differ, self.absent) for x in xs if _shared_params(x)]
        lines.append(f"shared_params/: {sum(1 for x in self.same if _shared_params(x))}/{len(every)} byte-identical")
        lines.append(f"generated, not in the SDK: {len(self.extra)}; in the SDK, not generated: {len(self.absent)}")
        return "\n".join(lines)


def compare(generated: dict[str, str], sdk_root: Path) -> Score:
    """`generated`: module path relative to the types dir -> text; `sdk_root`: the SDK's types dir."""
    score = Score()
    sdk = {p.relative_to(sdk_root).as_posix(): p for p in sdk_root.rglob("*.py")}
    for rel in sorted(generated):
        if not is_request_module(rel):
            continue
        text = generated[rel]
        if rel not in sdk:
            score.extra.append(rel)
            continue
        want = sdk[rel].read_text(encoding="utf-8")
        if want == text:
            score.same.append(rel)
        elif structure(want) is not None and structure(want) == structure(text):
            score.structural.append(rel)
        else:
            score.differ.append(rel)
    score.absent = sorted(r for r in sdk if is_request_module(r) and r not in generated)
    return score


def main(argv: list[str]) -> None:
    gen_root, sdk_root = Path(argv[1]), Path(argv[2])
    generated = {p.relative_to(gen_root).as_posix(): p.read_text(encoding="utf-8") for p in gen_root.rglob("*.py")}
    score = compare(generated, sdk_root)
    print(score.summary())
    if "-v" in argv:
        for name, xs in (("STRUCT", score.structural), ("DIFF", score.differ), ("EXTRA", score.extra),
                         ("ABSENT", score.absent)):
            for x in xs:
                print(name, x)


if __name__ == "__main__":
    main(sys.argv)
