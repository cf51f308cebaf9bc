"""What a new primary key depends on, read in one look: the table's primary key if it has one,
which of the key's columns are still nullable, and the helper NOT NULL check if one is left."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

# Names travel as bind parameters; column lists come back as JSON (alike on every driver).
_PRIMARY_KEY_STATE = sa.text(
    """
    SELECT (SELECT json_build_array(k.conname::text,
                   (SELECT json_agg(a.attname::text ORDER BY array_position(k.conkey, a.attnum))
                      FROM pg_attribute a
                     WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)))::text
              FROM pg_constraint k WHERE k.conrelid = :table_oid AND k.contype = 'p'),
           (SELECT coalesce(json_agg(a.attname::text ORDER BY a.attnum), '[]')::text
              FROM pg_attribute a
             WHERE a.attrelid = :table_oid AND a.attnum > 0 AND NOT a.attisdropped
               AND NOT a.attnotnull AND a.attname = ANY (CAST(:columns AS name[]))),
           (SELECT json_build_array(k.contype::text, k.convalidated,
                   (SELECT coalesce(json_agg(a.attname::text), '[]')
                      FROM pg_attribute a
                     WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)))::text
              FROM pg_constraint k
             WHERE k.conrelid = :table_oid AND k.conname = CAST(:helper AS name))
    """
)


@dataclass(frozen=True)
class PrimaryKey:
    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class HelperCheck:
    """The constraint that holds the helper check's name, as the catalog has it."""

    kind: str
    validated: bool
    columns: frozenset[str]

    def proves_not_null(self, columns: Sequence[str]) -> bool:
        """Is it a check on (at least) these columns, so SET NOT NULL can skip its scan?"""
        return self.kind == "c" and set(columns) <= self.columns


@dataclass(frozen=True)
class PrimaryKeyState:
    primary_key: PrimaryKey | None
    nullable: tuple[str, ...]
    """The key's columns that are still nullable, in table order."""
    helper: HelperCheck | None


def primary_key_state(
    connection: Connection, table_oid: int, columns: Sequence[str], helper: str
) -> PrimaryKeyState:
    parameters = {"table_oid": table_oid, "columns": list(columns), "helper": helper}
    key, nullable, check = connection.execute(_PRIMARY_KEY_STATE, parameters).one()
    primary_key = None
    if key is not None:
        name, key_columns = json.loads(key)
        primary_key = PrimaryKey(name, tuple(key_columns or ()))
    helper_check = None
    if check is not None:
        kind, validated, check_columns = json.loads(check)
        helper_check = HelperCheck(kind, bool(validated), frozenset(check_columns))
    return PrimaryKeyState(primary_key, tuple(json.loads(nullable)), helper_check)


def null_counts(
    connection: Connection, table_name: str, schema: str | None, columns: Sequence[str]
) -> dict[str, int]:
    """How many rows hold NULL in each column (one scan), for the error that refuses them."""
    table = sa.table(table_name, *(sa.column(c) for c in columns), schema=schema)
    counts = [
        sa.func.count().filter(table.c[column].is_(None)).label(f"c{n}")
        for n, column in enumerate(columns)
    ]
    row = connection.execute(sa.select(*counts).select_from(table)).one()
    return dict(zip(columns, (int(value) for value in row)))
