"""Removing duplicate rows in bounded batches, so the unique that follows can be built.

One read pass lists the duplicate rows (by ``ctid``) and numbers their key groups into a
temporary table; then each batch of groups is one short transaction that locks its rows,
ranks them, deletes all but the first, and adds the deleted rows' counters into the kept one.
Rows that moved meanwhile (a concurrent UPDATE) are not touched by a stale ``ctid``: the next
pass finds them. Statements are SQLAlchemy constructs, so every name is quoted.
"""

from __future__ import annotations

import copy
import time
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateIndex, DropTable

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import LockNotAcquiredError, SafeUniqueError
from alembic_safe_unique.operations.dedupe import DeduplicateRowsOp, DeduplicationReport
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.ddl import (
    CreateTemporaryTableAs,
    table_stub,
)
from alembic_safe_unique.runtime.connection import connection, execute, is_offline, log
from alembic_safe_unique.runtime.preconditions import require_table, require_target
from alembic_safe_unique.runtime.short_steps import retry_while_locked
from alembic_safe_unique.runtime.transactions import bounded_transaction, timeouts_off

_WORK_TABLE = "alembic_safe_unique_duplicates"
_MAX_PASSES = 3  # a pass only misses rows that concurrent writes moved or added


class _Statements:
    """The SQL for one deduplication, built once from the op and the table's key."""

    def __init__(
        self, operation: DeduplicateRowsOp, order_by: list[str], tie_break: list[str]
    ) -> None:
        self.tie_break = [name for name in tie_break if name not in order_by]
        names = [*operation.columns, *order_by, *self.tie_break, *operation.sum_columns, "ctid"]
        self.table = table_stub(operation.table_name, operation.schema, tuple(dict.fromkeys(names)))
        self.work = sa.Table(
            _WORK_TABLE,
            sa.MetaData(),
            sa.Column("row_id", sa.types.NULLTYPE),
            sa.Column("group_no", sa.BigInteger),
            # Named in pg_temp: a schema_translate_map's None key must not move it.
            schema="pg_temp",
            prefixes=["TEMPORARY"],
        )
        self.operation = operation
        self.order_by = order_by
        self.keys = [self.table.c[name] for name in operation.columns]

    def _rows_in_scope(self) -> list[Any]:
        conditions: list[Any] = []
        if not self.operation.nulls_not_distinct:
            conditions.extend(key.isnot(None) for key in self.keys)
        if self.operation.where is not None:
            conditions.append(sa.text(self.operation.where))
        return conditions

    def list_duplicates(self) -> CreateTemporaryTableAs:
        t = self.table
        counted = (
            sa.select(
                t.c.ctid.label("row_id"),
                *self.keys,
                sa.func.count().over(partition_by=self.keys).label("copies"),
            )
            .where(*self._rows_in_scope())
            .subquery("counted")
        )
        ordered_keys = [counted.c[name] for name in self.operation.columns]
        numbered = sa.select(
            counted.c.row_id,
            sa.func.dense_rank().over(order_by=ordered_keys).label("group_no"),
        ).where(counted.c.copies > 1)
        return CreateTemporaryTableAs(_WORK_TABLE, numbered)

    def index_work_table(self) -> CreateIndex:
        return CreateIndex(sa.Index(_WORK_TABLE + "_group_no", self.work.c.group_no))

    def count_groups(self) -> sa.Select[Any]:
        return sa.select(sa.func.coalesce(sa.func.max(self.work.c.group_no), 0))

    def batch(self, low: int | None, high: int | None) -> sa.Select[Any]:
        """Delete all but the first row of groups ``low < group_no <= high``; count the work."""
        t, work = self.table, self.work
        chosen = sa.select(work.c.row_id)
        if low is not None:
            chosen = chosen.where(work.c.group_no > low)
        if high is not None:
            chosen = chosen.where(work.c.group_no <= high)
        carried = dict.fromkeys([*self.order_by, *self.tie_break, *self.operation.sum_columns])
        locked = (
            sa.select(t.c.ctid.label("row_id"), *self.keys, *self._columns(list(carried)))
            .where(t.c.ctid == sa.any_(sa.func.array(chosen.scalar_subquery())))
            .where(*self._rows_in_scope())  # a row changed since the listing may be out of scope
            .with_for_update(of=t)
            .cte("locked")
        )
        locked_keys = [locked.c[name] for name in self.operation.columns]
        # NULL is no time at all: it sorts last whichever way, so it never wins over a value.
        # Ties on order_by go to the primary key, in the same direction; ctid is the last word
        # only on a table without one.
        newest = self.operation.keep == "newest"
        ranking = [
            (locked.c[name].desc() if newest else locked.c[name].asc()).nulls_last()
            for name in [*self.order_by, *self.tie_break]
        ]
        ranked = sa.select(
            locked.c.row_id,
            sa.func.row_number()
            .over(partition_by=locked_keys, order_by=[*ranking, locked.c.row_id])
            .label("position"),
        ).cte("ranked")
        removed_ids = sa.select(ranked.c.row_id).where(ranked.c.position > 1)
        removed = (
            t.delete()
            .where(t.c.ctid == sa.any_(sa.func.array(removed_ids.scalar_subquery())))
            .returning(*self.keys, *self._columns(self.operation.sum_columns))
            .cte("removed")
        )
        removed_keys = [removed.c[name] for name in self.operation.columns]
        groups = sa.select(*removed_keys).distinct().subquery("removed_groups")
        counts = [
            sa.select(sa.func.count()).select_from(removed).scalar_subquery(),
            sa.select(sa.func.count()).select_from(groups).scalar_subquery(),
        ]
        if self.operation.sum_columns:
            counts.append(self._merge(removed, ranked))
        return sa.select(*counts)

    def _merge(self, removed: Any, ranked: Any) -> Any:
        t = self.table
        counters = self.operation.sum_columns
        sums = [sa.func.sum(removed.c[name]).label(name) for name in counters]
        removed_keys = [removed.c[name] for name in self.operation.columns]
        totals = sa.select(*removed_keys, *sums).group_by(*removed_keys).subquery("totals")
        kept_ids = sa.select(ranked.c.row_id).where(ranked.c.position == 1)
        merged = (
            t.update()
            .where(t.c.ctid == sa.any_(sa.func.array(kept_ids.scalar_subquery())))
            .where(
                *(t.c[name].is_not_distinct_from(totals.c[name]) for name in self.operation.columns)
            )
            .values({name: _sum_of(t.c[name], totals.c[name]) for name in counters})
            .returning(t.c.ctid)
            .cte("merged")
        )
        return sa.select(sa.func.count()).select_from(merged).scalar_subquery()

    def _columns(self, names: list[str]) -> list[Any]:
        return [self.table.c[name] for name in names if name not in self.operation.columns]

    def drop_work_table(self) -> DropTable:
        return DropTable(self.work, if_exists=True)


def _sum_of(kept: Any, removed_total: Any) -> Any:
    """``kept + removed_total`` as ``sum()`` would add them: NULL counts as nothing.

    ``removed_total`` is already ``sum()`` over the removed rows (NULL only if all were NULL);
    the result is NULL only when the kept row and every removed row were NULL.
    """
    return sa.func.coalesce(kept + removed_total, kept, removed_total)


def check_target(conn: Connection, operation: DeduplicateRowsOp) -> catalog.Target:
    """Refuse, before any row is touched, a relation or column the op cannot work on."""
    named = {
        "columns": operation.columns,
        "order_by": operation.order_by,
        "sum_columns": operation.sum_columns,
    }
    return require_target(conn, operation.table_name, operation.schema, "rows", named)


def in_schema(operation: DeduplicateRowsOp, schema: str | None) -> DeduplicateRowsOp:
    """The op on the same table named in ``schema`` (the revision's op object stays as it is)."""
    if schema == operation.schema:
        return operation
    moved = copy.copy(operation)
    moved.schema = schema
    return moved


def deduplicate(
    operations: Operations, operation: DeduplicateRowsOp, settings: Settings
) -> DeduplicationReport | None:
    """Run the deduplication; expects to be outside Alembic's transaction (online)."""
    if is_offline(operations):
        _write_offline(operations, operation)
        return None
    conn = connection(operations)
    table_oid = require_table(conn, operation.table_name, operation.schema)
    primary_key = catalog.primary_key_columns(conn, table_oid)
    order_by = operation.order_by or primary_key
    if not order_by:
        raise SafeUniqueError(
            f"{operation.qualified_table} has no primary key, so 'newest' and 'oldest' mean "
            "nothing yet: name the column that orders rows with order_by=[...]. Nothing was "
            "deleted."
        )
    statements = _Statements(operation, order_by, primary_key)
    started = time.monotonic()
    removed = groups = batches = 0
    for _ in range(_MAX_PASSES):
        pass_removed, pass_groups, pass_batches = _one_pass(operations, statements, settings)
        removed, groups = removed + pass_removed, groups + pass_groups
        batches += pass_batches
        if pass_groups == 0:
            break
    report = DeduplicationReport(
        operation.qualified_table,
        tuple(operation.columns),
        groups,
        removed,
        batches,
        time.monotonic() - started,
    )
    log.info(
        "Deduplicated %s: removed %d rows from %d key groups in %d batches (%.1f s).",
        operation.describe(order_by),
        report.rows_removed,
        report.groups,
        report.batches,
        report.seconds,
        extra={"deduplication": report},
    )
    return report


def _one_pass(
    operations: Operations, statements: _Statements, settings: Settings
) -> tuple[int, int, int]:
    conn = connection(operations)
    # The listing reads the whole table once: like a build, it must not be cut short by the
    # role's statement_timeout; each batch below sets its own short bounds.
    with timeouts_off(operations, settings.client_check_interval_ms):
        execute(operations, statements.drop_work_table())
        execute(operations, statements.list_duplicates())
        execute(operations, statements.index_work_table())
        total_groups = conn.execute(statements.count_groups()).scalar_one()
    batch_size = statements.operation.batch_size
    removed = groups = batches = 0
    for low in range(0, total_groups, batch_size):
        batch_removed, batch_groups = _run_batch(
            operations, statements, low, low + batch_size, settings
        )
        removed, groups, batches = removed + batch_removed, groups + batch_groups, batches + 1
        log.info(
            "Deduplicating %s: groups %d-%d of %d done, %d rows removed so far.",
            statements.operation.qualified_table,
            low + 1,
            min(low + batch_size, total_groups),
            total_groups,
            removed,
        )
    execute(operations, statements.drop_work_table())
    return removed, groups, batches


def _run_batch(
    operations: Operations, statements: _Statements, low: int, high: int, settings: Settings
) -> tuple[int, int]:
    table = statements.operation.qualified_table

    def attempt() -> tuple[int, int]:
        with bounded_transaction(operations, settings):
            row = connection(operations).execute(statements.batch(low, high)).one()
        return int(row[0]), int(row[1])

    def not_granted(number: int, error: DBAPIError) -> None:
        log.warning(
            "Deduplicating %s: attempt %d of %d could not lock the rows of groups %d-%d "
            "within %d ms (other transactions are updating them).",
            table,
            number,
            settings.lock_attempts,
            low + 1,
            high,
            settings.lock_timeout_ms,
        )
        if number == settings.lock_attempts:
            raise LockNotAcquiredError(
                f"Deduplicating {table} could not lock the rows of key groups {low + 1}-{high} "
                f"in {settings.lock_attempts} attempts. Earlier batches are committed; run the "
                "migration again to continue with what is left."
            ) from error

    return retry_while_locked(settings, attempt, not_granted)


def _write_offline(operations: Operations, operation: DeduplicateRowsOp) -> None:
    """An offline script cannot loop over batches: one statement does it all, said plainly."""
    if not operation.order_by:
        raise SafeUniqueError(
            "Offline (--sql) deduplication cannot look up the primary key: pass order_by=[...] "
            f"to op.deduplicate_rows for {operation.qualified_table}."
        )
    statements = _Statements(operation, operation.order_by, [])
    operations.get_context().impl.static_output(
        "-- Deduplicating " + operation.describe().replace("\n", " ") + ".\n"
        "-- Offline scripts cannot batch: this runs as one transaction over every duplicate."
    )
    execute(operations, statements.drop_work_table())
    execute(operations, statements.list_duplicates())
    execute(operations, statements.batch(None, None))
    execute(operations, statements.drop_work_table())
