"""What a partitioned table is made of: its partitions, their keys, and the names we give them.

PostgreSQL refuses ``CREATE INDEX CONCURRENTLY`` and ``ADD CONSTRAINT ... USING INDEX`` on a
partitioned table, so the work happens on each leaf partition; this module finds the leaves
(nested partitions too), checks that a unique key can exist at every level, and names the
per-partition objects so a re-run finds what an interrupted one left.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.errors import PartitionKeyError
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.naming import POSTGRES_MAX_IDENTIFIER_BYTES
from alembic_safe_unique.postgresql.shapes import IndexColumn, with_suffix

PARTITIONED = "p"
"""``pg_class.relkind`` of a partitioned table (one that holds no rows itself)."""


@dataclass(frozen=True)
class Partition:
    """One table in a partition tree, the root included."""

    oid: int
    schema: str
    name: str
    parent_oid: int | None
    level: int
    kind: str

    @property
    def is_partitioned(self) -> bool:
        return self.kind == PARTITIONED

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"


# "char" columns cast to text: asyncpg returns the bare "char" type as bytes.
_KIND = sa.text("SELECT relkind::text FROM pg_class WHERE oid = :oid")

_TREE = sa.text(
    """
    SELECT t.relid::oid, n.nspname, c.relname, t.parentrelid::oid, t.level, c.relkind::text
      FROM pg_partition_tree(CAST(:oid AS oid)::regclass) AS t
      JOIN pg_class c ON c.oid = t.relid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     ORDER BY t.level, n.nspname, c.relname
    """
)

_KEY_COLUMNS = sa.text(
    """
    SELECT a.attname
      FROM pg_partitioned_table p
     CROSS JOIN LATERAL unnest(p.partattrs::int2[]) WITH ORDINALITY AS k(attnum, position)
      LEFT JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = k.attnum
     WHERE p.partrelid = :oid
     ORDER BY k.position
    """
)


def relation_is_partitioned(connection: Connection, table_oid: int) -> bool:
    return connection.execute(_KIND, {"oid": table_oid}).scalar() == PARTITIONED


def table_is_partitioned(connection: Connection, table_name: str, schema: str | None) -> bool:
    """The same question by name, in one query; ``False`` for a table that does not exist."""
    found = catalog.relation_oid_and_kind(connection, table_name, schema)
    return found is not None and found[1] == PARTITIONED


def partition_tree(connection: Connection, table_oid: int) -> list[Partition]:
    """The table and every partition below it, parents before their children."""
    return [Partition(*row) for row in connection.execute(_TREE, {"oid": table_oid})]


def leaves(tree: Sequence[Partition]) -> list[Partition]:
    """The partitions that hold rows: where indexes are really built."""
    return [partition for partition in tree if not partition.is_partitioned]


def partition_key(connection: Connection, table_oid: int) -> list[str | None]:
    """The partition key's columns; ``None`` for a part that is an expression."""
    return list(connection.execute(_KEY_COLUMNS, {"oid": table_oid}).scalars())


def check_unique_key_covers_partition_keys(
    connection: Connection, tree: Sequence[Partition], columns: Sequence[IndexColumn], what: str
) -> None:
    """Refuse, before anything is built, a unique key PostgreSQL would refuse on the parent.

    A unique constraint or index on a partitioned table must contain every column of the
    partition key of each partitioned level as a plain column, and no level may be partitioned
    by an expression.
    """
    plain = {column for column in columns if isinstance(column, str)}
    for table in tree:
        if not table.is_partitioned:
            continue
        key = partition_key(connection, table.oid)
        if None in key:
            raise PartitionKeyError(
                f"{what} cannot exist on {table.qualified_name}: it is partitioned by an "
                "expression, and PostgreSQL only allows unique keys on tables partitioned by "
                "plain columns. Nothing was built."
            )
        missing = [column for column in key if column not in plain]
        if missing:
            names = ", ".join(repr(column) for column in missing)
            level = "partitioned" if table.level == 0 else "sub-partitioned"
            raise PartitionKeyError(
                f"{what} lacks column {names}: {table.qualified_name} is {level} by "
                f"({', '.join(str(c) for c in key)}), and a unique key on a partitioned table "
                f"must include every partition key column. Add {names} to the columns. "
                "Nothing was built."
            )
    refused = [partition.qualified_name for partition in tree if partition.kind == "f"]
    if refused:
        raise PartitionKeyError(
            f"{what} cannot be built: {', '.join(refused)} is a foreign table partition, which "
            "cannot hold a unique index. Nothing was built."
        )


def partition_object_name(name: str, partition: Partition) -> str:
    """The name of ``name``'s index or constraint on one partition: ``<partition>_<name>``.

    Stable across runs (a resumed run must find what it built), unique per parent name, and
    within PostgreSQL's 63 bytes: a name that would be longer is cut and ends in a short hash of
    the whole.
    """
    full = f"{partition.name}_{name}"
    if len(full.encode("utf-8")) <= POSTGRES_MAX_IDENTIFIER_BYTES:
        return full
    digest = hashlib.sha1(full.encode("utf-8")).hexdigest()[:8]
    return with_suffix(full, "_" + digest)
