"""The name of an unnamed unique constraint: ours must be the one PostgreSQL picks."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alembic_safe_unique.postgresql.naming import default_unique_name

CASES = [
    ("short", ["a", "b", "c"]),
    ("impression_counter_per_advertiser_and_calendar_day_archive", ["advertiser_id", "day"]),
    ("t", ["a" * 40, "b" * 40]),
    ("täblé_ü" * 6, ["çol_ñ" * 5, "x"]),  # multibyte: never cut inside a character
    ("Mixed Case", ["Order Id", "select"]),
]


@pytest.mark.parametrize(("table_name", "columns"), CASES)
def test_default_name_matches_what_postgresql_picks(
    engine: sa.Engine, table_name: str, columns: list[str]
) -> None:
    table = sa.Table(table_name, sa.MetaData(), *(sa.Column(c, sa.Integer) for c in columns))
    with engine.connect() as conn, conn.begin() as transaction:
        table.create(conn)
        # A relation already holding the first choice: PostgreSQL moves on to ..._key1.
        first_choice = default_unique_name(table.name, columns)
        conn.execute(sa.schema.CreateSequence(sa.Sequence(first_choice)))
        conn.execute(sa.schema.AddConstraint(sa.UniqueConstraint(*table.c, name=None)))
        picked = conn.execute(
            sa.text("SELECT conname FROM pg_constraint WHERE contype = 'u' AND conrelid = :oid"),
            {
                "oid": conn.execute(
                    sa.text("SELECT to_regclass(:q)::oid"), {"q": _quoted(conn, table)}
                ).scalar()
            },
        ).scalar_one()
        transaction.rollback()
    assert picked == default_unique_name(table.name, columns, lambda name: name == first_choice)
    assert picked.endswith("key1") and len(picked.encode()) <= 63


def _quoted(conn: sa.Connection, table: sa.Table) -> str:
    return str(conn.dialect.identifier_preparer.format_table(table))
