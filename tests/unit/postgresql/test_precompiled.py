"""Statements compiled once per process: the text must be the statement, for every driver."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import asyncpg, psycopg2

from alembic_safe_unique.postgresql.precompiled import precompiled


def probe(table_name: str, schema: str | None = None) -> sa.Select[tuple[object, object]]:
    """A statement like the lock-and-probe: a quoted name, a literal, a parameter given later."""
    version = sa.table(table_name, sa.column("version_num"), schema=schema)
    rows = sa.select(version.c.version_num).with_for_update(nowait=True).scalar_subquery()
    fenced = sa.select(sa.func.array(rows).label("applied")).offset(0).subquery("probe")
    lock = sa.func.pg_try_advisory_lock(sa.bindparam("namespace"), sa.bindparam("key"))
    return sa.select(fenced.c.applied, lock).select_from(fenced)


def test_the_text_keeps_literals_bound_and_leaves_parameters_to_the_execution() -> None:
    text = precompiled(probe("alembic version", schema="My%Schema"))
    assert isinstance(text, sa.TextClause)
    assert '"My%Schema"."alembic version"' in text.text
    assert {name: bind.value for name, bind in text._bindparams.items()} == {
        "namespace": None,
        "key": None,
        "param_1": 0,
    }


def test_each_driver_gets_its_own_placeholders_and_escapes() -> None:
    text = precompiled(probe("alembic version", schema="My%Schema"))
    as_psycopg2 = str(text.compile(dialect=psycopg2.dialect()))
    assert '"My%%Schema"' in as_psycopg2  # pyformat doubles a literal %
    assert "pg_try_advisory_lock(%(namespace)s, %(key)s)" in as_psycopg2
    as_asyncpg = str(text.compile(dialect=asyncpg.dialect()))
    assert '"My%Schema"' in as_asyncpg
    assert "pg_try_advisory_lock($" in as_asyncpg


def test_the_text_compiles_like_the_statement() -> None:
    statement = probe("alembic_version")
    for dialect in (postgresql.dialect(), psycopg2.dialect(), asyncpg.dialect()):
        as_text = precompiled(statement).compile(dialect=dialect)
        as_built = statement.compile(dialect=dialect)
        assert str(as_text) == str(as_built)
        given = {"namespace": 1, "key": 2}
        assert as_text.construct_params(given) == as_built.construct_params(given)


def test_a_name_that_text_would_misread_keeps_the_statement() -> None:
    for awkward in ("versions :applied", "back\\slash"):
        statement = probe(awkward)
        assert precompiled(statement) is statement
