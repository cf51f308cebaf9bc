"""Refusals that happen before any SQL: shapes a constraint cannot take, names PostgreSQL cuts."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alembic_safe_unique import (
    CreateUniqueConstraintConcurrentlyOp,
    IdentifierTooLongError,
    UnsafeShapeError,
)
from alembic_safe_unique.postgresql.versions import is_affected_by_concurrent_build_bug
from tests.fixtures.catalog_snapshot import schema_snapshot
from tests.fixtures.project import AlembicProject
from tests.fixtures.tables import make_counter_table


@pytest.mark.parametrize(
    ("call", "error", "hint"),
    [
        (
            "op.create_unique_constraint_concurrently('uq', 'ad_counter', ['ad_id'], "
            "postgresql_where=sa.text('hits > 0'))",
            "UnsafeShapeError",
            "op.create_index_concurrently",
        ),
        (
            "op.create_unique_constraint_concurrently('uq', 'ad_counter', [sa.text('lower(x)')])",
            "UnsafeShapeError",
            "op.create_index_concurrently",
        ),
        (
            "op.create_unique_constraint_concurrently('uq', 'ad_counter', ['ad_id'], "
            "postgresql_ops={'ad_id': 'int4_ops'})",
            "UnsafeShapeError",
            "op.create_index_concurrently",
        ),
        (
            "op.create_unique_constraint_concurrently('" + "x" * 64 + "', 'ad_counter', ['ad_id'])",
            "IdentifierTooLongError",
            "64 bytes",
        ),
        (
            # 32 characters, 64 bytes in UTF-8: too long although it looks short.
            "op.create_unique_constraint_concurrently('" + "é" * 32 + "', 'ad_counter', ['ad_id'])",
            "IdentifierTooLongError",
            "64 bytes",
        ),
    ],
)
def test_refused_before_touching_the_database(
    project: AlembicProject, engine: sa.Engine, call: str, error: str, hint: str
) -> None:
    make_counter_table(engine, 100)
    before = schema_snapshot(engine)
    project.write_revision("r1", call)
    result = project.cli("upgrade", "head")
    assert result.returncode != 0
    assert error in result.stderr
    assert hint in result.stderr
    assert schema_snapshot(engine) == before
    assert project.current(engine) is None


def test_sixty_three_byte_name_is_accepted() -> None:
    op = CreateUniqueConstraintConcurrentlyOp("é" * 31 + "x", "t", ["a"])
    assert len(op.constraint_name.encode()) == 63


def test_errors_are_also_value_errors_for_callers_that_catch_those() -> None:
    with pytest.raises(ValueError):
        CreateUniqueConstraintConcurrentlyOp("uq", "t", [sa.text("lower(a)")])
    assert issubclass(UnsafeShapeError, ValueError)
    assert issubclass(IdentifierTooLongError, ValueError)


@pytest.mark.parametrize(
    ("version", "affected"),
    [((13, 15), False), ((14, 0), True), ((14, 3), True), ((14, 4), False), ((18, 1), False)],
)
def test_postgresql_14_0_to_14_3_are_refused(version: tuple[int, int], affected: bool) -> None:
    # No such server can be had here; the predicate the refusal uses is checked directly.
    assert is_affected_by_concurrent_build_bug(version) is affected


def test_injection_attempt_in_a_name_is_inert(project: AlembicProject, engine: sa.Engine) -> None:
    make_counter_table(engine, 100)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE victims (id int)")
    name = 'x"; DROP TABLE victims; --'
    project.write_revision(
        "r1", f"op.create_unique_constraint_concurrently({name!r}, 'ad_counter', ['ad_id', 'day'])"
    )
    sql = project.upgrade_sql("base:head")
    assert '"x""; DROP TABLE victims; --"' in sql
    project.upgrade()
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT to_regclass('victims')")).scalar() == "victims"
        names = (
            conn.execute(
                sa.text(
                    "SELECT conname FROM pg_constraint "
                    "WHERE conrelid = 'ad_counter'::regclass AND contype = 'u'"
                )
            )
            .scalars()
            .all()
        )
    assert names == [name]
