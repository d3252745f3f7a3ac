"""Type → annotation mapping, import collection and ordering (STYLE §1, §4, §5)."""

from __future__ import annotations

import pytest

from generator.model.ir import (
    NULL,
    ArrayType,
    Field,
    FileType,
    LiteralType,
    LocalRef,
    MapType,
    NamedRef,
    Primitive,
    UnionType,
    Unknown,
)
from generator.targets.python.annotations import Annotator, Imports, literal_value, relative_module

STR, INT = Primitive("string"), Primitive("integer")


def ann(node, module=("types", "x_params")):  # type: ignore[no-untyped-def]
    imports = Imports(module)
    return Annotator(imports).annotation(node), imports


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (STR, "str"),
        (Primitive("number"), "float"),
        (Primitive("boolean"), "bool"),
        (UnionType((INT, NULL)), "Optional[int]"),
        (UnionType((STR, NamedRef(("types", "image_model"), "ImageModel", "literal"), NULL)),
         "Union[str, ImageModel, None]"),
        (UnionType((UnionType((STR, INT)), NULL)), "Union[str, int, None]"),
        (LiteralType(("a", "b", "a")), 'Literal["a", "b", "a"]'),
        (LiteralType((1, True, None)), "Literal[1, True, None]"),
        (ArrayType(STR), "SequenceNotStr[str]"),
        (ArrayType(UnionType((STR, Primitive("number")))), "SequenceNotStr[Union[str, float]]"),
        (ArrayType(LiteralType(("x",))), 'List[Literal["x"]]'),
        (ArrayType(NamedRef(("types", "m"), "M", "literal")), "List[M]"),
        (ArrayType(NamedRef(("types", "m_param"), "MParam", "object")), "Iterable[MParam]"),
        (ArrayType(INT), "Iterable[int]"),
        (ArrayType(ArrayType(INT)), "Iterable[Iterable[int]]"),
        (MapType(None), "Dict[str, object]"),
        (MapType(STR), "Dict[str, str]"),
        (FileType(), "FileTypes"),
        (Unknown(), "object"),
        (LocalRef("Nested"), "Nested"),
    ],
)
def test_annotation(node, expected):  # type: ignore[no-untyped-def]
    assert ann(node)[0] == expected


def test_imports_are_collected_and_length_sorted() -> None:
    imports = Imports(("types", "beta", "threads", "run_create_params"))
    a = Annotator(imports)
    a.annotation(UnionType((STR, NamedRef(("types", "shared", "chat_model"), "ChatModel", "literal"), NULL)))
    a.annotation(ArrayType(NamedRef(("types", "beta", "assistant_tool_param"), "AssistantToolParam", "object")))
    a.annotation(NamedRef(("types", "beta", "threads", "runs", "run_step_include"), "RunStepInclude", "literal"))
    a.annotation(NamedRef(("types", "shared_params", "metadata"), "Metadata", "map"))
    a.annotation(ArrayType(LiteralType(("x",))))
    groups = imports.lines(future=True)
    assert groups[0] == ["from __future__ import annotations"]
    assert groups[1] == ["from typing import List, Union, Iterable", "from typing_extensions import Literal"]
    assert groups[2] == [
        "from ...shared.chat_model import ChatModel",
        "from ..assistant_tool_param import AssistantToolParam",
        "from .runs.run_step_include import RunStepInclude",
        "from ...shared_params.metadata import Metadata",
    ]


@pytest.mark.parametrize(
    ("current", "target", "expected"),
    [
        (("types", "image_generate_params"), ("types", "image_model"), ".image_model"),
        (("types", "image_edit_params"), ("_types",), ".._types"),
        (("types", "chat", "completion_create_params"), ("types", "shared_params", "metadata"),
         "..shared_params.metadata"),
        (("types", "beta", "threads", "x"), ("_utils",), "...._utils"),
    ],
)
def test_relative_module(current, target, expected):  # type: ignore[no-untyped-def]
    assert relative_module(current, target) == expected


def test_required_and_header_alias() -> None:
    imports = Imports(("types", "x_params"))
    a = Annotator(imports)
    f = Field("betas", "openai-beta", ArrayType(LiteralType(("v1",))), required=False, location="header")
    assert a.field(f, total=False) == 'Annotated[List[Literal["v1"]], PropertyInfo(alias="openai-beta")]'
    g = Field("prompt", "prompt", UnionType((STR, NULL)), required=True)
    assert a.field(g, total=False) == "Required[Optional[str]]"
    assert a.field(g, total=True) == "Required[Optional[str]]"
    assert imports.local == {("_utils",): {"PropertyInfo"}}


def test_literal_values_are_escaped() -> None:
    assert literal_value('a"b') == "'a\"b'"
    assert literal_value("it's") == '"it\'s"'
    assert literal_value("\\") == '"\\\\"'


def test_nullable_variant_among_others_keeps_its_optional() -> None:
    nested = UnionType((UnionType((STR, NULL)), ArrayType(STR)))
    assert ann(nested)[0] == "Union[Optional[str], SequenceNotStr[str], None]"
    flat = UnionType((STR, ArrayType(STR), NULL))
    assert ann(flat)[0] == "Union[str, SequenceNotStr[str], None]"
    assert ann(UnionType((UnionType((STR, INT)), NULL)))[0] == "Union[str, int, None]"
