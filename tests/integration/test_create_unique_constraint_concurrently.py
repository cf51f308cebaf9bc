"""op.create_unique_constraint_concurrently end to end on a real server and a real project."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alembic_safe_unique import UnsupportedServerError
from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import SQLALCHEMY_1_4

SCHEMA = "Sales Dept"
TABLE = 'Order "Items"'
QUALIFIED = '"Sales Dept"."Order ""Items"""'


UQ_USER = (
    f"op.create_unique_constraint_concurrently('uq_user', {TABLE!r}, ['user'], schema={SCHEMA!r})"
)


def make_awkward_table(engine: sa.Engine, rows: int = 1000) -> None:
    """A table whose names need quoting everywhere: spaces, quotes, capitals, reserved words."""
    with engine.begin() as conn:
        conn.exec_driver_sql('CREATE SCHEMA "Sales Dept"')
        conn.exec_driver_sql(
            'CREATE TABLE "Sales Dept"."Order ""Items""" '
            '(id serial PRIMARY KEY, "user" int, "Select" text, qty int)'
        )
        conn.execute(
            sa.text(
                'INSERT INTO "Sales Dept"."Order ""Items""" ("user", "Select", qty) '
                "SELECT g, 'sku-' || g, mod(g, 7) FROM generate_series(1, :rows) AS g"
            ),
            {"rows": rows},
        )


def test_adds_constraint_with_names_that_need_quoting_and_round_trips(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_awkward_table(engine)
    before = schema_snapshot(engine)
    project.write_revision(
        "r1",
        f"""
        op.create_unique_constraint_concurrently(
            'uq "User" Select', {TABLE!r}, ['user', 'Select'], schema={SCHEMA!r}
        )
        """,
        f"op.drop_constraint('uq \"User\" Select', {TABLE!r}, schema={SCHEMA!r}, type_='unique')",
    )

    project.upgrade()

    assert unique_constraints(engine, QUALIFIED) == {
        'uq "User" Select': 'UNIQUE ("user", "Select")'
    }
    assert invalid_indexes(engine) == []
    assert project.current(engine) == "r1"
    after = schema_snapshot(engine)

    project.downgrade("base")
    assert schema_snapshot(engine) == before
    project.upgrade()
    assert schema_snapshot(engine) == after


def test_constraint_really_rejects_duplicates_afterwards(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_awkward_table(engine)
    project.write_revision(
        "r1",
        UQ_USER,
    )
    project.upgrade()
    with pytest.raises(sa.exc.IntegrityError, match="uq_user"), engine.begin() as conn:
        conn.exec_driver_sql(f'INSERT INTO {QUALIFIED} ("user") VALUES (1)')


def test_rerun_after_constraint_exists_does_nothing(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_awkward_table(engine)
    project.write_revision(
        "r1",
        UQ_USER,
    )
    project.upgrade()
    snapshot = schema_snapshot(engine)
    project.cli("stamp", "base")
    result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    assert "already in place" in result.stderr
    assert schema_snapshot(engine) == snapshot


def test_deferrable_and_initially_reach_the_constraint(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_awkward_table(engine)
    project.write_revision(
        "r1",
        f"""
        op.create_unique_constraint_concurrently(
            'uq_user_deferred', {TABLE!r}, ['user'], schema={SCHEMA!r},
            deferrable=True, initially='DEFERRED',
        )
        """,
    )
    project.upgrade()
    assert unique_constraints(engine, QUALIFIED) == {
        "uq_user_deferred": 'UNIQUE ("user") DEFERRABLE INITIALLY DEFERRED'
    }


def refusal_expected(engine: sa.Engine) -> tuple[type[Exception], str] | None:
    """The error INCLUDE + NULLS NOT DISTINCT must raise here, or None where they work."""
    if SQLALCHEMY_1_4:  # SQLAlchemy 1.4 cannot carry these options on a constraint
        return TypeError, r"needs SQLAlchemy 2\.0 or later"
    with engine.connect():
        server = engine.dialect.server_version_info or ()
    if server < (15,):
        return UnsupportedServerError, r"NULLS NOT DISTINCT needs PostgreSQL 15 or later"
    return None


def test_include_and_nulls_not_distinct_reach_the_constraint_or_are_refused_up_front(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_awkward_table(engine)
    project.write_revision(
        "r1",
        f"""
        op.create_unique_constraint_concurrently(
            'uq_user_covering', {TABLE!r}, ['user'], schema={SCHEMA!r},
            postgresql_include=['qty'], postgresql_nulls_not_distinct=True,
        )
        """,
    )
    refusal = refusal_expected(engine)
    if refusal is not None:
        error, message = refusal
        before = schema_snapshot(engine)
        with pytest.raises(error, match=message):
            project.upgrade()
        assert schema_snapshot(engine) == before, "refused before any DDL"
        assert invalid_indexes(engine) == []
        return
    project.upgrade()
    assert unique_constraints(engine, QUALIFIED) == {
        "uq_user_covering": 'UNIQUE NULLS NOT DISTINCT ("user") INCLUDE (qty)'
    }


def test_names_with_percent_signs_are_found_on_every_driver(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """psycopg and psycopg2 double ``%`` in SQL text: a name must never travel that way."""
    with engine.begin() as conn:
        conn.execute(sa.text('CREATE SCHEMA "Promo %"'))
        conn.execute(
            sa.text('CREATE TABLE "Promo %"."50% Off" (id serial PRIMARY KEY, code text, "%" int)')
        )
    upgrade = (
        "op.create_unique_constraint_concurrently("
        "'uq 100%', '50% Off', ['code', '%'], schema='Promo %')"
    )
    project.write_revision("r1", upgrade)

    first = project.cli("upgrade", "head")
    assert first.returncode == 0, first.stderr
    assert unique_constraints(engine, '"Promo %"."50% Off"') == {"uq 100%": 'UNIQUE (code, "%")'}
    project.write_revision("r2", upgrade, down_revision="r1")
    again = project.cli("upgrade", "head")
    assert again.returncode == 0, again.stderr
    assert "is already in place; nothing to do" in again.stderr
