"""Would the pending unique builds succeed? Counted on the live table, read-only and bounded.

Every query runs in a ``READ ONLY`` transaction with ``statement_timeout`` and ``lock_timeout``
set for it, and takes no lock beyond the ``ACCESS SHARE`` any SELECT takes; each target gets a
savepoint, so one that cannot be checked (timeout, missing column) does not stop the others.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.cli.pending import PlannedUnique
from alembic_safe_unique.errors import SafeUniqueError
from alembic_safe_unique.postgresql import catalog, duplicate_keys
from alembic_safe_unique.postgresql.session_sql import (
    SetSessionSetting,
)
from alembic_safe_unique.runtime.connection import translated_schema

# A concurrent build reads the heap twice and the new index once, and sorts; the check reads the
# heap once and groups. Measured under the benchmark's load on PostgreSQL 18, 2 cores
# (benchmarks/run.py): build / check = 1.4 on 1M rows, 0.8 on 10M. 1.5 errs on the long side.
BUILD_TO_CHECK_RATIO = 1.5


@dataclass(frozen=True)
class TableSize:
    estimated_rows: int | None
    """The planner's count; ``None`` before the table was first vacuumed or analysed."""
    heap_bytes: int
    total_bytes: int


@dataclass
class CheckResult:
    planned: PlannedUnique
    status: str  # "ok", "duplicates", "deduplicated", "exists", "unchecked"
    groups: int = 0
    rows_in_groups: int = 0
    samples: list[tuple[tuple[Any, ...], int]] = field(default_factory=list)
    size: TableSize | None = None
    check_seconds: float | None = None
    detail: str | None = None
    query: str | None = None

    @property
    def fails(self) -> bool:
        return self.status == "duplicates"

    @property
    def estimated_build_seconds(self) -> float | None:
        if self.check_seconds is None:
            return None
        return self.check_seconds * BUILD_TO_CHECK_RATIO


# reltuples is -1 before the first VACUUM or ANALYZE (PostgreSQL 14+); before 14 it is 0 then,
# which a table with pages cannot really hold.
_TABLE_SIZE = sa.text(
    """
    SELECT CASE WHEN reltuples < 0 OR (reltuples = 0 AND relpages = 0
                                       AND pg_relation_size(oid) > 0) THEN NULL
                ELSE reltuples::bigint END,
           pg_relation_size(oid), pg_total_relation_size(oid)
      FROM pg_class WHERE oid = :oid
    """
)


def start_read_only(
    connection: Connection, statement_timeout_ms: int, lock_timeout_ms: int
) -> None:
    """Make the surrounding transaction read-only and bounded, or refuse to go on.

    Outside a transaction (an engine in AUTOCOMMIT mode) these settings would silently not
    hold, so the server is asked whether they took.
    """
    connection.execute(sa.text("SET TRANSACTION READ ONLY"))
    connection.execute(SetSessionSetting("statement_timeout", statement_timeout_ms, local=True))
    connection.execute(SetSessionSetting("lock_timeout", lock_timeout_ms, local=True))
    if catalog.setting(connection, "transaction_read_only") != "on":
        raise SafeUniqueError(
            "Could not make the check's transaction read-only: env.py's connection is not in a "
            "transaction (an engine with isolation_level='AUTOCOMMIT'?). Nothing was read; run "
            "the check with the env.py that `alembic init` writes, or a copy of it."
        )


def check(connection: Connection, planned: PlannedUnique, samples: int) -> CheckResult:
    planned = _in_its_schema(connection, planned)
    spec = planned.spec
    savepoint = connection.begin_nested()
    try:
        result = _check(connection, planned, samples)
    except DBAPIError as error:
        savepoint.rollback()
        message = str(getattr(error, "orig", error)).strip().splitlines()[0]
        return CheckResult(planned, "unchecked", detail=message)
    savepoint.commit()
    if result.status == "duplicates" and planned.deduplicated_by is not None:
        result.status = "deduplicated"
        result.detail = f"revision {planned.deduplicated_by} deduplicates ({spec.qualified_table})"
    return result


def _in_its_schema(connection: Connection, planned: PlannedUnique) -> PlannedUnique:
    """The unique on the table the build will find: its schema through the connection's
    schema_translate_map, or the search_path's pick, named in the report."""
    spec = planned.spec
    schema = translated_schema(connection, spec.schema)
    found = catalog.locate(connection, spec.table_name, schema)
    resolved = found.schema if found is not None else schema
    return dataclasses.replace(planned, spec=dataclasses.replace(spec, schema=resolved))


def _check(connection: Connection, planned: PlannedUnique, samples: int) -> CheckResult:
    spec = planned.spec
    table_oid = catalog.relation_oid(connection, spec.table_name, spec.schema)
    if table_oid is None:
        return CheckResult(planned, "unchecked", detail="the table does not exist yet")
    size = TableSize(*connection.execute(_TABLE_SIZE, {"oid": table_oid}).one())
    if _built_already(connection, table_oid, spec.name):
        return CheckResult(planned, "exists", size=size, detail="already built and valid")
    listing = duplicate_keys.duplicate_groups_query(spec)
    groups = listing.subquery("duplicate_groups")
    keys = [column for column in groups.c if column.name != "rows"]
    query = (
        sa.select(
            *keys,
            groups.c.rows,
            sa.func.count().over().label("groups"),
            sa.func.sum(groups.c.rows).over().label("rows_in_groups"),
        )
        .order_by(groups.c.rows.desc(), *keys)
        .limit(samples)
    )
    started = time.monotonic()
    rows = connection.execute(query).all()
    seconds = time.monotonic() - started
    if not rows:
        return CheckResult(planned, "ok", size=size, check_seconds=seconds)
    found = [(tuple(row[: len(keys)]), int(row[len(keys)])) for row in rows]
    return CheckResult(
        planned,
        "duplicates",
        groups=int(rows[0][-2]),
        rows_in_groups=int(rows[0][-1]),
        samples=found,
        size=size,
        check_seconds=seconds,
        query=duplicate_keys.render_query(connection, listing),
    )


def _built_already(connection: Connection, table_oid: int, index_name: str) -> bool:
    """A valid unique index of that name on this table: the build would reuse it."""
    state = catalog.index_state(connection, table_oid, index_name)
    return (
        state is not None
        and state.table_oid == table_oid
        and state.is_valid
        and catalog.index_shape(connection, state.oid).unique
    )
