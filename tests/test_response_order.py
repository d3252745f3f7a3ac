"""The field order of response models (generator/model/responses.py ``sort_response_fields``): required first,
then A-Z as the default Unicode collation orders it (case ignored, punctuation before digits before letters,
``_`` before ``.``), as OpenAI admin/organization/audit_log_list_response.py lists its event fields."""

from __future__ import annotations

from generator.model.ir import Field, Primitive
from generator.model.responses import sort_response_fields
from generator.model.typescope import collation_key


def _field(wire: str, required: bool = False) -> Field:
    return Field(name=wire, wire_name=wire, type=Primitive("string"), required=required)


def test_collation_order() -> None:
    words = ["workload_identity_provider.created", "a1", "aC", "stopTimes", "a.b",
             "workload_identity_provider_mapping.created", "ab", "a-b", "stops", "a_b"]
    assert sorted(words, key=collation_key) == [
        "a_b", "a-b", "a.b", "a1", "ab", "aC", "stops", "stopTimes",
        "workload_identity_provider_mapping.created", "workload_identity_provider.created"]


def test_required_first_then_id_then_the_rest() -> None:
    fields = [_field("user.added"), _field("type", True), _field("id", True), _field("user_deleted"),
              _field("effective_at", True)]
    assert [f.wire_name for f in sort_response_fields(fields)] == [
        "id", "effective_at", "type", "user_deleted", "user.added"]


def test_request_fields_are_ordered_by_wire_name_too() -> None:
    """generator/model/typescope.py ``sort_fields``: the camelCase wire names decide, not their snake_case
    keys (``stops`` before ``stopTimes``, whose key ``stop_times`` would sort first)."""
    from generator.model.typescope import sort_fields

    fields = [Field(name="stop_times", wire_name="stopTimes", type=Primitive("string"), required=False),
              Field(name="stops", wire_name="stops", type=Primitive("string"), required=False)]
    assert [f.wire_name for f in sort_fields(fields)] == ["stops", "stopTimes"]
