"""The server versions refused for concurrent builds (PostgreSQL 14.0 to 14.3 corrupt them)."""

from __future__ import annotations

import pytest

from alembic_safe_unique.postgresql.versions import is_affected_by_concurrent_build_bug


@pytest.mark.parametrize(
    ("version", "affected"),
    [((13, 15), False), ((14, 0), True), ((14, 3), True), ((14, 4), False), ((18, 1), False)],
)
def test_postgresql_14_0_to_14_3_are_refused(version: tuple[int, int], affected: bool) -> None:
    # No such server can be had here; the predicate the refusal uses is checked directly.
    assert is_affected_by_concurrent_build_bug(version) is affected
