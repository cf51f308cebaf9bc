"""Refusals that happen before any SQL: shapes a constraint cannot take, names PostgreSQL cuts."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

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
