"""Catalog checks that run before an operation commits or builds anything.

A refusal here leaves the catalog exactly as it was: the operation has not left Alembic's
transaction yet, so not even the revision's earlier statements are committed. Each error says
what the relation or name really is and what to write instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from sqlalchemy.engine import Connection

from alembic_safe_unique.errors import (
    ColumnNotFoundError,
    NameInUseError,
    NotATableError,
    TableNotFoundError,
)
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.runtime.session_stability import note_server_pid

Purpose = Literal["constraint", "index", "rows"]

_KIND_WORDS = {
    "r": "table",
    "p": "partitioned table",
    "v": "view",
    "m": "materialized view",
    "f": "foreign table",
    "i": "index",
    "I": "partitioned index",
    "S": "sequence",
    "c": "composite type",
    "t": "TOAST table",
}
_CONSTRAINT_WORDS = {
    "c": "CHECK constraint",
    "f": "foreign key",
    "p": "primary key",
    "u": "unique constraint",
    "x": "exclusion constraint",
    "t": "constraint trigger",
    "n": "NOT NULL constraint",
}
_ALLOWED: dict[Purpose, set[str]] = {
    "constraint": {"r", "p"},
    "index": {"r", "p", "m"},
    "rows": {"r", "p"},
}


def _shown(table_name: str, schema: str | None) -> str:
    return f"{schema}.{table_name}" if schema else table_name


def require_target(
    conn: Connection,
    table_name: str,
    schema: str | None,
    purpose: Purpose,
    named: Mapping[str, Sequence[object]],
    *,
    index_name: str | None = None,
    constraint_name: str | None = None,
    state_of: str | None = None,
) -> catalog.Target:
    """All of an operation's checks in one look at the catalog: the relation can serve
    ``purpose``, the ``named`` columns (argument -> names) exist, and the new index (and
    constraint) names, if any, are free. Returns what the look found, with the state of the
    index named ``state_of`` if asked."""
    wanted = [constraint_name or index_name, index_name] if index_name else []
    names = [name for name in dict.fromkeys(wanted) if name is not None]
    found = catalog.target(conn, table_name, schema, names, state_of=state_of)
    if found is not None:
        note_server_pid(conn, found.server_pid)
    _refuse_missing_or_wrong_kind(
        found.kind if found else None, _shown(table_name, schema), purpose, schema
    )
    assert found is not None
    shown = _shown(table_name, found.schema)
    _refuse_missing_columns(found.columns, shown, named)
    for name in names:
        _refuse_taken_name(
            name, found.holders_of(name), found.oid, shown, str(index_name), constraint_name
        )
    return found


def require_table(
    conn: Connection, table_name: str, schema: str | None, purpose: Purpose = "index"
) -> int:
    """The table's oid; refuses a missing relation, or one that cannot serve ``purpose``."""
    return require_relation(conn, table_name, schema, purpose)[0]


def require_relation(
    conn: Connection, table_name: str, schema: str | None, purpose: Purpose = "index"
) -> tuple[int, str]:
    """The table's oid and ``relkind``, looked up once, for what follows to build on."""
    found = require_located(conn, table_name, schema, purpose)
    return found.oid, found.kind


def require_located(
    conn: Connection, table_name: str, schema: str | None, purpose: Purpose = "index"
) -> catalog.Located:
    """The table's oid, ``relkind`` and schema (the search_path's pick when ``schema`` is None)."""
    found = catalog.locate(conn, table_name, schema)
    kind = found.kind if found else None
    _refuse_missing_or_wrong_kind(kind, _shown(table_name, schema), purpose, schema)
    assert found is not None
    return found


def _refuse_missing_or_wrong_kind(
    kind: str | None, shown: str, purpose: Purpose, schema: str | None
) -> None:
    """``kind`` is the relation's ``relkind``, ``None`` when there is no such relation."""
    if kind is None:
        where = (
            "checked with the connection's search_path"
            if schema is None
            else f"looked up in schema {schema!r}, from schema= or the schema_translate_map"
        )
        raise TableNotFoundError(
            f"Table {shown!r} does not exist ({where}). Check the table name and schema= of "
            "the operation (and, for schema-per-tenant, that the tenant's schema has the table)."
        )
    if kind not in _ALLOWED[purpose]:
        raise NotATableError(_wrong_kind_message(shown, kind, purpose))


def _wrong_kind_message(shown: str, kind: str, purpose: Purpose) -> str:
    what = _KIND_WORDS.get(kind, f"relation of kind {kind!r}")
    advice = {
        "v": "A view holds no rows of its own: put the unique on the table it reads from.",
        "f": "Its rows live on another server, which must enforce the uniqueness itself.",
    }.get(kind, "Name the table itself in the operation.")
    if kind == "m":
        advice = (
            "PostgreSQL cannot put a constraint on one, but a unique index works (it is also "
            "what REFRESH MATERIALIZED VIEW CONCURRENTLY needs): "
            "op.create_index_concurrently(name, table, columns, unique=True)."
        )
        if purpose == "rows":
            advice = (
                "Its rows come from its query: remove the duplicates from the tables it reads, "
                "then refresh it."
            )
    action = {
        "constraint": "cannot carry a unique constraint",
        "index": "cannot carry an index",
        "rows": "has no rows of its own to deduplicate",
    }[purpose]
    return f"{shown!r} is a {what} and {action}. {advice} Nothing was changed."


def _refuse_missing_columns(
    existing: Sequence[str], shown_table: str, named: Mapping[str, Sequence[object]]
) -> None:
    for argument, names in named.items():
        missing = [n for n in names if isinstance(n, str) and n not in existing]
        if missing:
            raise ColumnNotFoundError(
                f"{shown_table} has no column {', '.join(map(repr, missing))} (named in "
                f"{argument}). Its columns are: {', '.join(existing)}. Names are "
                "case-sensitive as written in the revision. Nothing was changed."
            )


def _refuse_taken_name(
    name: str,
    holders: Sequence[catalog.NameHolder],
    table_oid: int,
    shown_table: str,
    index_name: str,
    constraint_name: str | None,
) -> None:
    """Refuse a new index (and constraint) name that something else holds.

    An index of that name on the table (a leftover to heal or a build to reuse) and a unique
    constraint of that name on it are left to the operation: it reuses, heals or explains
    them. Anything else would make the build or the attach fail after work was done.
    """
    for holder in holders:
        if holder.holder == "constraint" and constraint_name is None:
            continue  # an index name does not clash with a CHECK or FK name
        if holder.kind in ("i", "I") and holder.owner_oid == table_oid and holder.backs_unique:
            continue  # the unique constraint itself, attached already: the op checks it
        _refuse_name_holder(
            name, holder.holder, holder.kind, holder.owner_oid, table_oid, shown_table, index_name
        )


def _refuse_name_holder(
    name: str,
    holder: str,
    kind: str,
    owner_oid: int | None,
    table_oid: int,
    shown_table: str,
    index_name: str,
) -> None:
    if holder == "constraint":
        if kind == "u":
            return
        what = _CONSTRAINT_WORDS.get(kind, f"constraint of type {kind!r}")
        raise NameInUseError(
            f"{name!r} is already the name of a {what} on {shown_table}; a table's constraints "
            "need distinct names. Choose another name for the unique constraint. Nothing was "
            "changed."
        )
    if kind in ("i", "I") and owner_oid == table_oid:
        if name == index_name:
            return  # the index to reuse or a leftover to heal: the build decides
        raise NameInUseError(
            f"Attaching index {index_name!r} as constraint {name!r} would rename it to "
            f"{name!r}, but another index of that name exists on {shown_table}. Drop that "
            "index or choose another constraint name. Nothing was changed."
        )
    what = _KIND_WORDS.get(kind, f"relation of kind {kind!r}")
    where = " (on another table)" if kind in ("i", "I") else ""
    raise NameInUseError(
        f"{name!r} is already the name of a {what}{where} in the schema of {shown_table}. "
        "A unique constraint's index shares the schema's namespace with tables, views, "
        "sequences and indexes: choose another name. Nothing was changed."
    )
