"""The schema as the catalog sees it, for comparing before and after round trips."""

from __future__ import annotations

import sqlalchemy as sa

_SNAPSHOT = sa.text(
    """
    SELECT 'column', n.nspname, c.relname, a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%'
    UNION ALL
    SELECT 'constraint', n.nspname, c.relname, con.conname || ': ' || pg_get_constraintdef(con.oid)
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%'
    UNION ALL
    SELECT 'index', n.nspname, c.relname, pg_get_indexdef(i.indexrelid)
           || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%'
     ORDER BY 1, 2, 3, 4
    """
)


def schema_snapshot(engine: sa.Engine) -> list[tuple[str, str, str, str]]:
    """Columns, constraints and indexes of every user schema, alembic_version excluded."""
    with engine.connect() as conn:
        rows = conn.execute(_SNAPSHOT).all()
    return [tuple(row) for row in rows if row[2] != "alembic_version"]  # type: ignore[misc]


def invalid_indexes(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                sa.text("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")
            ).scalars()
        )


def unique_constraints(engine: sa.Engine, table: str) -> dict[str, str]:
    """``{constraint name: definition}`` of the unique constraints on ``table`` (regclass text)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = to_regclass(:table) AND contype = 'u'"
            ),
            {"table": table},
        ).all()
    return dict(rows)  # type: ignore[arg-type]
