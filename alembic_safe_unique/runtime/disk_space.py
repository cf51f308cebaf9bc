"""Room for a build: a warning before a large one, and what to say when the disk filled.

PostgreSQL tells no role how much room a tablespace has left, so the warning cannot compare;
it says how much the build will take and where, so a person can look before the disk fills
and other sessions' writes there start failing.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import DiskFullError
from alembic_safe_unique.postgresql import space
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.runtime.connection import log

_DISK_FULL = "53100"
_MB = 1024 * 1024
_SORT_ROOM = (
    "and room for its sort in temp_tablespaces (the database's own tablespace when that is "
    "unset), while it runs"
)


def ran_out_of_disk(error: DBAPIError) -> bool:
    return sqlstate(error) == _DISK_FULL


def _room(conn: Connection, spec: IndexSpec) -> space.IndexRoom | None:
    columns = [column for column in spec.columns if isinstance(column, str)]
    tablespace = spec.option_map.get("postgresql_tablespace")
    return space.index_room(conn, spec.table_name, spec.schema, columns, tablespace)


def warn_if_large(conn: Connection, spec: IndexSpec, settings: Settings) -> None:
    """Before a build whose index would take ``large_build_warning_mb`` or more, say so."""
    threshold = settings.large_build_warning_mb
    if threshold is None:
        return
    room = _room(conn, spec)
    if room is None or room.estimate_bytes < threshold * _MB:
        return
    log.warning(
        "The build of %s on %s needs %s, %s. PostgreSQL does not say how much room is left "
        "there: check the server's disk first. If it fills, the build fails and is cleaned "
        "up, and other sessions writing to that tablespace fail meanwhile "
        "(large_build_warning_mb=%d).",
        spec.name,
        spec.qualified_table,
        room.describe(),
        _SORT_ROOM,
        threshold,
    )


def disk_full_error(
    conn: Connection, spec: IndexSpec, error: DBAPIError, remains: str, cause: str
) -> DiskFullError:
    """What happened, how much room the index needs where, what was cleaned up, what to do."""
    room = _room(conn, spec)
    needs = f"It needs {room.describe()}" if room else "It needs room for the whole index"
    return DiskFullError(
        f"The build of {spec.name!r} on {spec.qualified_table} ran out of disk space "
        f"(PostgreSQL: {cause}). {needs}, {_SORT_ROOM}.\n"
        f"{remains}\n"
        "Free space there, or build the index elsewhere (postgresql_tablespace= on the op, or "
        "SET default_tablespace for the migration; temp_tablespaces for the sort), then run "
        "the migration again. Other sessions writing to that tablespace fail while it is full."
    )
