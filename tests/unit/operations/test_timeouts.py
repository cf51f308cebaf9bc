"""``op.set_local_timeouts``: its own inverse (downgrades need the same bound), its checks."""

from __future__ import annotations

import pytest

from alembic_safe_unique import InvalidArgumentError, SetLocalTimeoutsOp


def test_reverse_sets_the_same_timeouts_for_the_downgrade() -> None:
    op = SetLocalTimeoutsOp(lock_timeout_ms=2000, statement_timeout_ms=60000)
    back = op.reverse()
    assert back is not op
    assert (back.lock_timeout_ms, back.statement_timeout_ms) == (2000, 60000)
    assert op.to_diff_tuple() == ("set_local_timeouts", 2000, 60000)
    assert SetLocalTimeoutsOp().to_diff_tuple() == ("set_local_timeouts", None, None)


@pytest.mark.parametrize(
    ("kw", "hint"),
    [
        (
            {"lock_timeout_ms": 0},
            "lock_timeout_ms must be a positive number of milliseconds, not 0",
        ),
        ({"statement_timeout_ms": -5}, "statement_timeout_ms must be a positive"),
        ({"lock_timeout_ms": "2s"}, "not '2s'"),
        ({"lock_timeout_ms": 1.5}, "not 1.5"),
    ],
)
def test_timeouts_must_be_positive_whole_milliseconds(kw: dict[str, object], hint: str) -> None:
    with pytest.raises(InvalidArgumentError, match=hint):
        SetLocalTimeoutsOp(**kw)  # type: ignore[arg-type]
