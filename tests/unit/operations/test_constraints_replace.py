"""``drop_unique_constraint`` and ``replace_unique_constraint``: inverses that restore the state."""

from __future__ import annotations

import pytest

from alembic_safe_unique import (
    CreateUniqueConstraintConcurrentlyOp,
    DropUniqueConstraintOp,
    IdentifierTooLongError,
    InvalidArgumentError,
    ReplaceUniqueConstraintOp,
)
from alembic_safe_unique.operations.constraints import staging_index_name


def test_drop_reverses_to_a_concurrent_create_with_its_options() -> None:
    drop = DropUniqueConstraintOp(
        "Uq Ad Day", "Ad Counter", ["Ad Id", "day"], schema="S", deferrable=True, lock_attempts=2
    )
    create = drop.reverse()
    assert isinstance(create, CreateUniqueConstraintConcurrentlyOp)
    assert (create.constraint_name, create.table_name, create.columns) == (
        "Uq Ad Day",
        "Ad Counter",
        ["Ad Id", "day"],
    )
    assert create.arguments() == {"schema": "S", "deferrable": True, "lock_attempts": 2}
    kind, constraint = drop.to_diff_tuple()
    assert (kind, constraint.name) == ("remove_constraint", "Uq Ad Day")


def test_replace_builds_under_a_staging_name_by_default() -> None:
    op = ReplaceUniqueConstraintOp("uq_ad", "ad", ["ad_id", "day"], previous_columns=["ad_id"])
    assert op.index_name == "uq_ad_asu_new" == staging_index_name("uq_ad")
    assert op.arguments() == {"previous_columns": ["ad_id"], "index_name": "uq_ad_asu_new"}
    previous = op.previous_spec()
    assert (previous.constraint_name, previous.columns, previous.index_name) == (
        "uq_ad",
        ("ad_id",),
        None,
    )


def test_replace_reverse_swaps_back_and_keeps_the_new_index_under_its_old_name() -> None:
    op = ReplaceUniqueConstraintOp(
        "uq_ad",
        "ad",
        ["ad_id", "day"],
        previous_columns=["ad_id"],
        schema="S",
        lock_timeout_ms=200,
    )
    back = op.reverse()
    assert (back.constraint_name, back.columns, back.previous_columns) == (
        "uq_ad",
        ["ad_id"],
        ["ad_id", "day"],
    )
    assert back.index_name == "uq_ad_asu_old"
    assert back.keep_previous_as == "uq_ad_asu_new"
    assert (back.schema, back.lock_timeout_ms) == ("S", 200)
    # Reversing again attaches the kept index: the original upgrade, index name included.
    again = back.reverse()
    assert (again.columns, again.previous_columns, again.index_name) == (
        ["ad_id", "day"],
        ["ad_id"],
        "uq_ad_asu_new",
    )
    assert again.keep_previous_as is None
    assert op.to_diff_tuple()[0] == back.to_diff_tuple()[0] == "add_constraint"


def test_staging_names_stay_within_63_bytes_without_splitting_a_character() -> None:
    name = "é" * 31 + "x"  # 63 bytes
    staging = staging_index_name(name)
    assert staging.endswith("_asu_new")
    assert len(staging.encode("utf-8")) <= 63
    assert staging == "é" * 27 + "_asu_new"


@pytest.mark.parametrize(
    ("kw", "error", "hint"),
    [
        ({"previous_columns": "a, b"}, InvalidArgumentError, r"previous_columns=\['a', 'b'\]"),
        ({"previous_columns": []}, InvalidArgumentError, "previous_columns is empty"),
        (
            {"previous_columns": ["a"], "keep_previous_as": "k" * 64},
            IdentifierTooLongError,
            "index name 'kkk",
        ),
    ],
)
def test_bad_replace_arguments_are_refused(
    kw: dict[str, object], error: type[Exception], hint: str
) -> None:
    with pytest.raises(error, match=hint):
        ReplaceUniqueConstraintOp("uq", "t", ["a", "b"], **kw)  # type: ignore[arg-type]
