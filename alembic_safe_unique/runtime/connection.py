"""The migration's connection as the operations see it: online or offline, which server.

Every runtime module talks to the database through these few helpers, so an operation reads
the same whether Alembic runs it against a live connection or prints it for ``--sql``.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.engine import Connection

from alembic_safe_unique.errors import NotAConnectionError

log = logging.getLogger("alembic.safe_unique")


def is_offline(operations: Operations) -> bool:
    return bool(operations.get_context().as_sql)


def is_postgresql(operations: Operations) -> bool:
    return operations.get_context().dialect.name == "postgresql"


def inspectable(bind: object) -> Connection | None:
    """``bind`` when it is a SQLAlchemy ``Connection`` the package can query, else ``None``.

    Anything else (the mock of Alembic's ``op_fixture`` that users' own revision tests use, a
    proxy, no connection at all) gets plain Alembic's behaviour from every patch: the package
    must never make such a run fail where Alembic alone would not.
    """
    if isinstance(bind, Connection):
        return bind
    if bind is not None:
        log.debug("Not a SQLAlchemy Connection (%s): plain Alembic behaviour.", type(bind).__name__)
    return None


def connection(operations: Operations) -> Connection:
    """The live connection (the autocommit one while inside an autocommit block)."""
    bind = operations.get_bind()
    found = inspectable(bind)
    if found is None:
        raise NotAConnectionError(
            f"This operation reads the database's catalog, so it needs a live SQLAlchemy "
            f"Connection, but the migration context holds {type(bind).__name__!r}. Run it "
            "against a real database (or offline with --sql to see its SQL); a mocked "
            "connection can test plain Alembic ops only. Nothing was changed."
        )
    return found


def translated_schema(bind: object, schema: str | None) -> str | None:
    """``schema`` as the connection's ``schema_translate_map`` turns it (the map's ``None`` key
    stands for no schema), just as SQLAlchemy does for Alembic's own ops at execution.

    The package also sends statements that SQLAlchemy never translates (catalog look-ups with
    names as values, statements compiled once per process), so each op translates its schema
    once, here, and names it explicitly everywhere. Anything but a ``Connection`` (offline
    ``--sql`` has none) has no map.
    """
    found = inspectable(bind)
    if found is None:
        return schema
    mapping = found.get_execution_options().get("schema_translate_map") or {}
    translated = mapping.get(schema, schema)
    return None if translated is None else str(translated)


_CURRENT_SCHEMA = sa.text("SELECT current_schema()")


def run_schema(conn: Connection) -> str:
    """The schema a migration run's tables without ``schema=`` are in: the map's ``None`` key,
    else the first schema of the search_path that exists (how a tenant loop names a run)."""
    mapped = translated_schema(conn, None)
    if mapped is not None:
        return mapped
    current = conn.execute(_CURRENT_SCHEMA).scalar()
    return "(no schema on the search_path)" if current is None else str(current)


def effective_schema(operations: Operations, schema: str | None) -> str | None:
    """The schema an op's ``schema=`` stands for on the migration's connection."""
    return translated_schema(operations.get_bind(), schema)


def execute(operations: Operations, statement: Any) -> None:
    """Run (online) or print (offline ``--sql``) one statement."""
    operations.get_context().impl.execute(statement)


def server_version(operations: Operations) -> tuple[int, ...] | None:
    info = operations.get_context().dialect.server_version_info
    return tuple(int(part) for part in info[:2]) if info else None


def in_autocommit(conn: Connection) -> bool:
    if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        return True
    dbapi_connection = conn.connection.dbapi_connection
    return bool(getattr(dbapi_connection, "autocommit", False))


SERVER_PID = "alembic_safe_unique.server_pid"
"""Key in the DBAPI connection's ``info``: the server pid found when the session was checked."""


def driver_reported_pid(conn: Connection) -> int | None:
    """The server process the driver was told of at connect time (no round trip).

    psycopg keeps it in ``info.backend_pid``, psycopg2 answers ``get_backend_pid()``, asyncpg
    ``get_server_pid()``. A pooler in between (PgBouncer) tells the driver a made-up one.
    """
    driver = conn.connection.driver_connection
    info = getattr(driver, "info", None)
    pid = getattr(info, "backend_pid", None)
    for method in ("get_backend_pid", "get_server_pid"):
        if pid is None and callable(getattr(driver, method, None)):
            pid = getattr(driver, method)()
    return pid if isinstance(pid, int) else None


def session_backend_pid(conn: Connection) -> int:
    """The server process behind ``conn``: as found when the session was checked, else asked.

    The driver's own figure is right only without a pooler in between, which the session
    check establishes; with none recorded, ``SELECT pg_backend_pid()`` answers.
    """
    known = conn.connection.info.get(SERVER_PID)
    if isinstance(known, int):
        return known
    return int(conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())
