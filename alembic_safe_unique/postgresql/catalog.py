"""Read-only PostgreSQL catalog queries: what exists, is it valid, what it looks like.

Every query takes names as bind parameters or as identifiers quoted by SQLAlchemy; nothing is
formatted into SQL by hand.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from alembic_safe_unique.postgresql.index_builders import Builder, builder


@dataclass(frozen=True)
class IndexShape:
    """What an index enforces, independent of its name and table: comparable across tables."""

    unique: bool
    access_method: str
    key_columns: tuple[str, ...]
    included_columns: tuple[str, ...]
    predicate: str | None
    options: str
    operator_classes: str
    collations: str
    nulls_not_distinct: bool


@dataclass(frozen=True)
class IndexState:
    """An existing index found by schema and name."""

    oid: int
    table_oid: int
    table_name: str
    is_valid: bool
    is_ready: bool
    constraint_name: str | None
    constraint_type: str | None
    constraint_definition: str | None
    deferrable: bool
    initially_deferred: bool
    builder: Builder | None
    """The session that is (or may be) building it: asked only of an index not valid yet."""


# A relation by name as the connection's search_path finds it (or in its schema). The server
# quotes the names itself (quote_ident): the names travel as values, never as SQL text, so no
# driver's escaping (psycopg doubles "%" in SQL) can change them on the way.
REGCLASS = (
    "to_regclass(concat_ws('.', quote_ident(CAST(:relation_schema AS text)), "
    "quote_ident(CAST(:relation_name AS text))))"
)
_TABLE_OID = sa.text("SELECT " + REGCLASS + "::oid")


@functools.lru_cache(maxsize=1)
def relation_oid_column() -> Any:
    """``REGCLASS``'s oid as a column, for a statement that finds a relation while it does more.

    Takes the same parameters (``relation(table_name, schema)``).
    """

    def quoted(parameter: str) -> Any:
        return sa.func.quote_ident(sa.cast(sa.bindparam(parameter), sa.Text))

    found = sa.func.to_regclass(
        sa.func.concat_ws(".", quoted("relation_schema"), quoted("relation_name"))
    )
    return sa.cast(found, postgresql.OID).label("relation_oid")


# "char" cast to text: asyncpg returns the bare "char" type as bytes. The schema the relation
# lives in: found through the search_path, it is named in messages all the same.
_SCHEMA_OF_C = "(SELECT n.nspname::text FROM pg_namespace n WHERE n.oid = c.relnamespace)"
_RELATION = sa.text(
    "SELECT c.oid, c.relkind::text, " + _SCHEMA_OF_C + " FROM pg_class c WHERE c.oid = " + REGCLASS
)

# An index's state: the fields of ``IndexState`` but who may be building it (oids as bigint, so
# the JSON form below spells them as numbers). Not its definition: pg_get_indexdef locks the
# table, so it would queue behind a session waiting for ACCESS EXCLUSIVE (another run's
# attach), and the look before an op takes its turn must not wait for anyone.
_INDEX_STATE_FIELDS = """
    ic.oid::bigint, i.indrelid::bigint, tc.relname::text,
    i.indisvalid, i.indisready,
    con.conname::text, con.contype::text, pg_get_constraintdef(con.oid),
    coalesce(con.condeferrable, false), coalesce(con.condeferred, false)
"""
_INDEX_STATE_FROM = """
      FROM pg_class ic
      JOIN pg_index i ON i.indexrelid = ic.oid
      JOIN pg_class tc ON tc.oid = i.indrelid
      LEFT JOIN pg_constraint con ON con.conindid = ic.oid AND con.conrelid = i.indrelid
"""
_INDEX_STATE_COLUMNS = "SELECT " + _INDEX_STATE_FIELDS + _INDEX_STATE_FROM

# One round trip for everything an operation checks before it commits anything: the
# relation, its columns, and who holds the names it is about to give (constraints on the
# table; relations in its schema, with whether an index backs a unique constraint of its
# own name). The name holders come back as JSON text, which every driver reads alike (oids
# cast to bigint: JSON would spell an oid as a string).
_TARGET_COLUMNS = (
    """
    SELECT c.oid, c.relkind::text, pg_backend_pid(), """
    + _SCHEMA_OF_C
    + """,
           ARRAY(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  ORDER BY a.attnum),
           (SELECT coalesce(json_agg(json_build_array(u.name, u.holder, u.kind, u.owner,
                                                      u.backs_unique)), '[]')::text
              FROM (SELECT con.conname::text AS name, 'constraint' AS holder,
                           con.contype::text AS kind, con.conrelid::bigint AS owner,
                           false AS backs_unique
                      FROM pg_constraint con
                     WHERE con.conrelid = c.oid
                       AND con.conname = ANY (CAST(:names AS name[]))
                    UNION ALL
                    SELECT r.relname::text, 'relation', r.relkind::text, i.indrelid::bigint,
                           EXISTS (SELECT 1 FROM pg_constraint k
                                    WHERE k.conindid = r.oid AND k.conname = r.relname
                                      AND k.contype = 'u')
                      FROM pg_class r
                      LEFT JOIN pg_index i ON i.indexrelid = r.oid
                     WHERE r.relname = ANY (CAST(:names AS name[]))
                       AND r.relnamespace = c.relnamespace) AS u)"""
)
_TARGET_FROM = " FROM pg_class c WHERE c.oid = " + REGCLASS
_TARGET = sa.text(_TARGET_COLUMNS + _TARGET_FROM)
# The same look, with the state of one index of the table's schema (as ``index_state``
# finds it by name) as JSON text: the op that attaches it need not ask again.
_TARGET_WITH_INDEX_STATE = sa.text(
    _TARGET_COLUMNS
    + ", (SELECT json_build_array("
    + _INDEX_STATE_FIELDS
    + ")::text"
    + _INDEX_STATE_FROM
    + """     WHERE ic.relname = CAST(:state_of AS name) AND ic.relkind IN ('i', 'I')
       AND ic.relnamespace = c.relnamespace)"""
    + _TARGET_FROM
)


@dataclass(frozen=True)
class NameHolder:
    """Something that already holds a name: a constraint on the table, or a relation."""

    name: str
    holder: str  # "constraint" or "relation"
    kind: str  # contype or relkind
    owner_oid: int | None  # the constraint's table, or the index's table
    backs_unique: bool  # an index that backs a unique constraint of its own name


@dataclass(frozen=True)
class Target:
    """The relation an operation names, as one look at the catalog found it."""

    oid: int
    kind: str
    server_pid: int
    """The server process that answered (the session check needs no round trip of its own)."""
    schema: str
    """The schema it lives in (the one named, or the search_path's pick)."""
    columns: tuple[str, ...]
    name_holders: tuple[NameHolder, ...]
    # With ``target(..., state_of=name)``: that index's state then (``None``: there was none).
    index_state: IndexState | None = None

    def holders_of(self, name: str) -> list[NameHolder]:
        return [holder for holder in self.name_holders if holder.name == name]


def target(
    connection: Connection,
    table_name: str,
    schema: str | None,
    names: Sequence[str] = (),
    *,
    state_of: str | None = None,
) -> Target | None:
    """The relation, its columns and the holders of ``names``; ``None`` if there is none.

    With ``state_of``, also the state of the index of that name in the table's schema.
    """
    parameters: dict[str, Any] = {**relation(table_name, schema), "names": list(names)}
    if state_of is None:
        row = connection.execute(_TARGET, parameters).first()
    else:
        parameters["state_of"] = state_of
        row = connection.execute(_TARGET_WITH_INDEX_STATE, parameters).first()
    if row is None:
        return None
    oid, kind, server_pid, schema_name, columns, holders, *state = row
    index = None if not state or state[0] is None else _state(connection, json.loads(state[0]))
    return Target(
        oid=int(oid),
        kind=str(kind),
        server_pid=int(server_pid),
        schema=str(schema_name),
        columns=tuple(columns),
        name_holders=tuple(NameHolder(*fields) for fields in json.loads(holders)),
        index_state=index,
    )


_INDEX_STATE = sa.text(_INDEX_STATE_COLUMNS + " WHERE ic.oid = :oid")
_INDEX_DEFINITION = sa.text("SELECT pg_get_indexdef(:oid)")
# Index names are per schema: the one of this name in the table's schema, on whatever table.
_INDEX_STATE_BY_NAME = sa.text(
    _INDEX_STATE_COLUMNS
    + """
     WHERE ic.relname = :index_name AND ic.relkind IN ('i', 'I')
       AND ic.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = :table_oid)
    """
)

_INDEX_SHAPE = sa.text(
    """
    SELECT i.indisunique, am.amname,
           ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                   FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k),
           ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                   FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY k),
           pg_get_expr(i.indpred, i.indrelid, true),
           i.indoption::text, i.indclass::text, i.indcollation::text,
           coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false)
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am am ON am.oid = c.relam
     WHERE i.indexrelid = :oid
    """
)

_SETTING = sa.text("SELECT current_setting(:name)")

_SCRATCH_PLACES = sa.text(
    """
    SELECT has_database_privilege(current_database(), 'TEMPORARY'),
           has_schema_privilege(c.relnamespace, 'CREATE'),
           n.nspname::text, current_database()::text, current_user::text
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = :table_oid
    """
)


@dataclass(frozen=True)
class ScratchPlaces:
    """Where the current role may create an empty twin of a table: what each needs, named."""

    temporary: bool
    """``TEMPORARY`` on the database: a twin in ``pg_temp``."""
    in_schema: bool
    """``CREATE`` on the table's schema: a twin beside the table, in a rolled-back transaction."""
    schema: str
    database: str
    role: str


def scratch_places(connection: Connection, table_oid: int) -> ScratchPlaces:
    row = connection.execute(_SCRATCH_PLACES, {"table_oid": table_oid}).one()
    return ScratchPlaces(*row)


def relation(table_name: str, schema: str | None) -> dict[str, str | None]:
    """The bind parameters ``REGCLASS`` reads: the relation's name and schema, unquoted."""
    return {"relation_name": table_name, "relation_schema": schema}


def relation_oid(connection: Connection, table_name: str, schema: str | None) -> int | None:
    return connection.execute(_TABLE_OID, relation(table_name, schema)).scalar()


@dataclass(frozen=True)
class Located:
    """A relation found by name: its oid, ``relkind`` and the schema it lives in."""

    oid: int
    kind: str
    schema: str


def locate(connection: Connection, name: str, schema: str | None) -> Located | None:
    """The relation ``schema.name`` (or the search_path's pick); ``None`` if there is none."""
    row = connection.execute(_RELATION, relation(name, schema)).first()
    return None if row is None else Located(int(row[0]), str(row[1]), str(row[2]))


def relation_oid_and_kind(
    connection: Connection, table_name: str, schema: str | None
) -> tuple[int, str] | None:
    """The relation's oid and ``relkind`` in one round trip; ``None`` if there is none."""
    found = locate(connection, table_name, schema)
    return None if found is None else (found.oid, found.kind)


def index_state(connection: Connection, table_oid: int, index_name: str) -> IndexState | None:
    """The index called ``index_name`` in the table's schema (index names are per schema)."""
    parameters = {"index_name": index_name, "table_oid": table_oid}
    return _state(connection, connection.execute(_INDEX_STATE_BY_NAME, parameters).first())


def index_definition(connection: Connection, index_oid: int) -> str:
    """``CREATE INDEX ...`` as the server spells it, for messages (it waits for the table)."""
    return str(connection.execute(_INDEX_DEFINITION, {"oid": index_oid}).scalar())


def index_state_by_oid(connection: Connection, index_oid: int) -> IndexState | None:
    return _state(connection, connection.execute(_INDEX_STATE, {"oid": index_oid}).first())


def _state(connection: Connection, row: Any) -> IndexState | None:
    """The state from its row, with who may be building it if it is not valid yet (a valid
    index is no build's any more, and planning the progress view costs more than the rest)."""
    if row is None:
        return None
    valid = row[3]
    building = None if valid else builder(connection, int(row[0]), int(row[1]))
    return IndexState(*(*row, building))


def index_shape(connection: Connection, index_oid: int) -> IndexShape:
    row = connection.execute(_INDEX_SHAPE, {"oid": index_oid}).one()
    unique, method, keys, included, predicate, options, classes, collations, nnd = row
    return IndexShape(
        unique=unique,
        access_method=method,
        key_columns=tuple(keys),
        included_columns=tuple(included),
        predicate=predicate,
        options=options,
        operator_classes=classes,
        collations=collations,
        nulls_not_distinct=nnd,
    )


def setting(connection: Connection, name: str) -> str:
    return str(connection.execute(_SETTING, {"name": name}).scalar_one())


_NAME_IN_USE = sa.text(
    """
    WITH ns AS (SELECT relnamespace AS oid FROM pg_class WHERE oid = """
    + REGCLASS
    + """)
    SELECT EXISTS (SELECT 1 FROM pg_class c, ns WHERE c.relname = :name AND c.relnamespace = ns.oid)
        OR EXISTS (SELECT 1 FROM pg_constraint k, ns
                    WHERE k.conname = :name AND k.connamespace = ns.oid)
    """
)


def name_in_use(connection: Connection, name: str, table_name: str, schema: str | None) -> bool:
    """Is ``name`` taken by a relation or constraint in the schema of ``table_name``?"""
    parameters = {**relation(table_name, schema), "name": name}
    return bool(connection.execute(_NAME_IN_USE, parameters).scalar())


_PRIMARY_KEY_COLUMNS = sa.text(
    """
    SELECT a.attname
      FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = :table_oid AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)
    """
)


def primary_key_columns(connection: Connection, table_oid: int) -> list[str]:
    return list(connection.execute(_PRIMARY_KEY_COLUMNS, {"table_oid": table_oid}).scalars())
