"""Regenerate the TypeScript goldens (``tests/golden/typescript``) from the current generator.

Each golden is one params family of the OpenAI API generated with the openai-node overlay; the list below picks
diverse ones (streaming, nested namespaces, multipart, the three page schemes, cross-resource and shared refs,
location prefixes, path-only and header-only params). ``tests/test_typescript.py`` checks that every golden is
byte-identical to openai@7.5.0's sources when they are present.

Usage: python tests/regen_ts_goldens.py   (needs ../shared or TYPEGEN_SHARED)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import SHARED  # noqa: E402
from test_typescript import GOLDEN, generate_openai  # noqa: E402
from ts_decls import families  # noqa: E402

CASES = [
    ("resources/beta/threads/runs/runs.ts", "RunSubmitToolOutputsParams"),  # streaming, path prefix, self alias
    ("resources/completions.ts", "CompletionCreateParams"),  # streaming, cross-resource ref
    ("resources/responses/responses.ts", "ResponseRetrieveParams"),  # streaming through a query param
    ("resources/beta/threads/threads.ts", "ThreadUpdateParams"),  # nested namespaces, Shared.Metadata
    ("resources/files.ts", "FileCreateParams"),  # multipart (Uploadable)
    ("resources/videos.ts", "VideoExtendParams"),  # multipart, inline union
    ("resources/beta/threads/runs/runs.ts", "RunListParams"),  # CursorPageParams, after/limit inherited
    ("resources/admin/organization/projects/groups/roles.ts", "RoleListParams"),  # NextCursorPageParams + path
    ("resources/admin/organization/audit-logs.ts", "AuditLogListParams"),  # ConversationCursorPageParams
    ("resources/vector-stores/file-batches.ts", "FileBatchListFilesParams"),  # Path/Query prefixes + page
    ("resources/conversations/items.ts", "ItemListParams"),  # cross-resource ref in a paginated list
    ("resources/beta/responses/input-items.ts", "InputItemListParams"),  # Header param: betas
    ("resources/containers/containers.ts", "ContainerCreateParams"),  # cross-resource union
    ("resources/beta/threads/runs/runs.ts", "RunRetrieveParams"),  # path-only params interface
    ("resources/beta/responses/responses.ts", "ResponseDeleteParams"),  # header-only params interface
    ("resources/batches.ts", "BatchListParams"),  # empty body: `extends CursorPageParams {}`
    ("resources/vector-stores/vector-stores.ts", "VectorStoreSearchParams"),  # Shared.* filters
    ("resources/chat/completions/completions.ts", "ChatCompletionListParams"),  # configured name prefix
]


def golden_name(file: str, family: str) -> str:
    return file[: -len(".ts")].replace("/", "__") + ".ts__" + family + ".ts"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = generate_openai(SHARED, Path(tmp) / "out")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.glob("*.ts"):
            old.unlink()
        for file, family in CASES:
            text = families((out / file).read_text(encoding="utf-8"), {family})[family]
            (GOLDEN / golden_name(file, family)).write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} goldens to {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
