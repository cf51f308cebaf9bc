"""Invalid indexes: what failed builds left behind, and removing them without blocking anyone.

An index left ``INVALID`` by a failed or cancelled ``CREATE INDEX CONCURRENTLY`` is never used
for reads, yet writes still maintain it; once ``indisready`` is set, a unique one even rejects
writes that collide with it. ``DROP INDEX CONCURRENTLY`` removes it without an exclusive lock.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import Settings
from alembic_safe_unique.postgresql.index_builders import Builder, builder
from alembic_safe_unique.runtime.build import drop_index
from alembic_safe_unique.runtime.transactions import outside_transaction

_INVALID_INDEXES = sa.text(
    """
    SELECT n.nspname, t.relname, c.relname, i.indisready, i.indisunique,
           pg_relation_size(c.oid), c.relkind = 'I', c.oid::bigint, t.oid::bigint
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT i.indisvalid
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg_temp%'
     ORDER BY 1, 2, 3
    """
)


@dataclass(frozen=True)
class InvalidIndex:
    schema: str
    table: str
    index: str
    ready: bool
    unique: bool
    size_bytes: int
    partitioned: bool
    builder: Builder | None
    """A session that is (or may be) building it: then it is someone's work, not a leftover."""
    oid: int

    @property
    def rejects_writes(self) -> bool:
        """A ready unique index checks every insert and update, valid or not."""
        return self.ready and self.unique

    @property
    def droppable(self) -> bool:
        return self.builder is None and not self.partitioned

    @property
    def note(self) -> str:
        if self.builder is not None:
            return f"{self.builder.describe()}: left alone"
        if self.partitioned:
            return "partitioned index: DROP INDEX (CONCURRENTLY is refused on these)"
        return "leftover of a failed build"


def invalid_indexes(connection: Connection) -> list[InvalidIndex]:
    found = []
    for row in connection.execute(_INVALID_INDEXES).all():
        schema, table, index, ready, unique, size, partitioned, index_oid, table_oid = row
        building = builder(connection, index_oid, table_oid)
        found.append(
            InvalidIndex(
                schema, table, index, ready, unique, size, partitioned, building, int(index_oid)
            )
        )
    return found


def drop_invalid(operations: Operations, index: InvalidIndex, settings: Settings) -> None:
    """``DROP INDEX CONCURRENTLY IF EXISTS``, outside any transaction, timeouts off."""
    with outside_transaction(operations):
        drop_index(operations, index.index, index.schema, settings)
