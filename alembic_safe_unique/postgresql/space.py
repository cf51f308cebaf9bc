"""Where a new index goes and about how much room it needs: for a build that ran out of disk.

A new index without ``TABLESPACE`` goes to ``default_tablespace`` if set, else the database's
own tablespace (not the table's). Its size is about the key columns' width (``pg_stats``,
8 bytes a column where nothing is known yet) plus the B-tree's per-entry overhead, for every
row the planner counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.postgresql.catalog import REGCLASS, relation

_ENTRY_OVERHEAD_BYTES = 16  # index tuple header and line pointer, roughly
_FILL = 1.3  # leaf pages are not packed full, and the inner pages come on top

_WHERE_AND_HOW_MUCH = sa.text(
    """
    SELECT coalesce(nullif(CAST(:tablespace AS text), ''),
                    nullif(current_setting('default_tablespace'), ''),
                    (SELECT t.spcname FROM pg_database d JOIN pg_tablespace t
                         ON t.oid = d.dattablespace WHERE d.datname = current_database())),
           greatest(c.reltuples, 0)::float8,
           coalesce((SELECT sum(coalesce(s.avg_width, 8)) FROM unnest(CAST(:columns AS text[]))
                         AS k(name)
                       LEFT JOIN pg_stats s ON s.schemaname = n.nspname
                        AND s.tablename = c.relname AND s.attname = k.name), 8)::float8
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = """
    + REGCLASS
)


@dataclass(frozen=True)
class IndexRoom:
    tablespace: str
    rows: float
    estimate_bytes: float

    def describe(self) -> str:
        size = self.estimate_bytes / (1024 * 1024)
        return f"about {size:,.0f} MB in tablespace {self.tablespace} ({self.rows:,.0f} rows)"


def index_room(
    connection: Connection,
    table_name: str,
    schema: str | None,
    columns: list[str],
    tablespace: str | None = None,
) -> IndexRoom | None:
    """Where a new index on these columns goes, and about how big it is."""
    parameters = {**relation(table_name, schema), "columns": columns, "tablespace": tablespace}
    row = connection.execute(_WHERE_AND_HOW_MUCH, parameters).first()
    if row is None:
        return None
    where, rows, width = row
    estimate = rows * (width + _ENTRY_OVERHEAD_BYTES) * _FILL
    return IndexRoom(str(where), float(rows), float(estimate))
