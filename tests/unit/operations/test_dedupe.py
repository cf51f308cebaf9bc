"""``op.deduplicate_rows``: what it accepts, how it describes itself, why it has no inverse."""

from __future__ import annotations

import pytest

from alembic_safe_unique import DeduplicateRowsOp, InvalidArgumentError


def test_diff_tuple_and_description_name_the_table_and_key() -> None:
    op = DeduplicateRowsOp(
        "ad counter", ["ad_id", "day"], keep="oldest", sum_columns="hits", schema="s"
    )
    assert op.to_diff_tuple() == ("deduplicate_rows", "s", "ad counter", ("ad_id", "day"))
    assert op.sum_columns == ["hits"]
    assert op.describe() == (
        "s.ad counter (ad_id, day), keeping the oldest by primary key and adding hits into it"
    )
    assert op.describe(order_by=["id"]).endswith("keeping the oldest by id and adding hits into it")


def test_deleted_rows_cannot_be_restored_by_a_downgrade() -> None:
    with pytest.raises(NotImplementedError, match="leave its downgrade empty"):
        DeduplicateRowsOp("t", ["a"]).reverse()


@pytest.mark.parametrize(
    ("kw", "hint"),
    [
        ({"columns": "a, b"}, r"Write columns=\['a', 'b'\]"),
        ({"keep": "largest"}, "name it in order_by"),
        ({"order_by": "id, created"}, r"Write order_by=\['id', 'created'\]"),
        ({"sum_columns": ["a"]}, r"sum_columns \['a'\] are key columns"),
        ({"batch_size": 0}, "batch_size must be a positive number of groups, not 0"),
        ({"batch_size": "100"}, "batch_size must be a positive number"),
    ],
)
def test_bad_arguments_are_refused_before_the_table_is_touched(
    kw: dict[str, object], hint: str
) -> None:
    arguments: dict[str, object] = {"columns": ["a", "b"], **kw}
    with pytest.raises(InvalidArgumentError, match=hint):
        DeduplicateRowsOp("t", **arguments)  # type: ignore[arg-type]
