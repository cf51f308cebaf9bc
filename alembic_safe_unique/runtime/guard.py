"""The run-time guard: plain Alembic ops that would build an index while locking a big table.

``install()`` wraps Alembic's own implementations of ``op.create_unique_constraint``,
``op.create_index`` and ``op.add_column`` (and their ``batch_op`` forms). Before one of them
runs online on PostgreSQL against a table whose catalog estimate (``pg_class.reltuples``, no
scan; for a table never analysed, the most rows its size on disk can hold) exceeds
``unsafe_ops_min_rows``, the guard warns, refuses, or runs this package's
concurrent path instead, as ``configure(unsafe_ops=...)`` says. Offline (``--sql``) it never
touches a database. ``assume_safe("reason")`` lets a deliberate plain op through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from alembic.operations import MigrateOperation, Operations
from alembic.operations import ops as alembic_ops
from alembic.operations.base import BatchOperations
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import current_settings
from alembic_safe_unique.errors import InvalidArgumentError, UnsafeOperationError
from alembic_safe_unique.operations.constraints import CreateUniqueConstraintConcurrentlyOp
from alembic_safe_unique.operations.indexes import CreateIndexConcurrentlyOp
from alembic_safe_unique.postgresql.catalog import REGCLASS, relation
from alembic_safe_unique.runtime import run_state
from alembic_safe_unique.runtime.connection import inspectable, translated_schema
from alembic_safe_unique.util import alembic_internals

log = logging.getLogger("alembic.safe_unique.guard")

Implementation = Callable[[Operations, Any], Any]

_MARK = "_alembic_safe_unique_guard"

_accepted: ContextVar[str | None] = ContextVar("alembic_safe_unique_assume_safe", default=None)

# Whether the table exists, and its leaf partitions (the table itself when it is not
# partitioned): the planner's estimate and whether it exists (reltuples is -1 before the first
# VACUUM/ANALYZE on PostgreSQL 14+, 0 with relpages 0 on older servers), and the size on disk.
# A leaf never analysed counts as many rows as its pages can hold at most (a heap page holds
# at most (block_size - 24) / 28 tuples: 291 on 8 kB pages), so a seeded lookup table of a
# page or two (autovacuum analyses nothing below 50 changed rows) is known to be small, and a
# big one stays large. One round trip: this runs before every plain op the guard watches.
_ESTIMATE = sa.text(
    """
    SELECT target.oid IS NOT NULL,
           coalesce(sum(CASE WHEN c.unknown
                             THEN (c.bytes + c.block_size - 1) / c.block_size
                                  * ((c.block_size - 24) / 28)
                             ELSE greatest(c.reltuples, 0) END), 0)::float8,
           coalesce(bool_or(c.unknown), false),
           coalesce(sum(c.bytes), 0)::bigint
      FROM (SELECT """
    + REGCLASS
    + """ AS oid) AS target
      LEFT JOIN LATERAL (
            SELECT c.reltuples, size.bytes,
                   current_setting('block_size')::bigint AS block_size,
                   (c.reltuples < 0 OR (c.reltuples = 0 AND c.relpages = 0))
                   AND size.bytes > 0 AS unknown
              FROM pg_class c, pg_relation_size(c.oid) AS size(bytes)
             WHERE (c.oid = target.oid AND c.relkind <> 'p')
                OR c.oid IN (SELECT relid FROM pg_partition_tree(target.oid) WHERE isleaf)
           ) AS c ON true
     GROUP BY target.oid
    """
)
_TRANSACTION_WROTE = sa.text("SELECT txid_current_if_assigned() IS NOT NULL")


@contextmanager
def assume_safe(reason: str) -> Iterator[None]:
    """Let the plain ops inside run as written: a lock the author has weighed and accepted.

    ::

        with alembic_safe_unique.assume_safe("lookup table, 40 rows, no traffic"):
            op.create_unique_constraint("uq_country_code", "country", ["code"])
    """
    if not reason or not reason.strip():
        raise InvalidArgumentError("assume_safe needs a reason: say why this lock is acceptable")
    token = _accepted.set(reason.strip())
    try:
        yield
    finally:
        _accepted.reset(token)


def accepted_reason() -> str | None:
    """The reason given to the innermost ``assume_safe`` in force, if any."""
    return _accepted.get()


@dataclass(frozen=True)
class _Target:
    """What a plain op would lock and build, and the call that would not."""

    table_name: str
    schema: str | None
    call: str
    safe_call: str
    rewrite: Callable[[], MigrateOperation] | None
    cannot_rewrite: str = ""
    stops: str = "reads and writes"
    """What waits during the build: ACCESS EXCLUSIVE stops both, CREATE INDEX's SHARE writes."""


@dataclass(frozen=True)
class Estimate:
    """Rows by the catalog's estimate; a leaf never analysed counts as many as it can hold."""

    rows: float
    analysed: bool
    size_bytes: int

    def is_small(self, min_rows: int) -> bool:
        return self.rows <= min_rows

    def describe(self) -> str:
        if not self.analysed:
            return (
                f"never analysed, {self.size_bytes:,} bytes on disk (room for up to "
                f"{self.rows:,.0f} rows): row count unknown, taken as large"
            )
        return f"about {self.rows:,.0f} rows (pg_class.reltuples)"


def estimate_rows(connection: Connection, table_name: str, schema: str | None) -> Estimate | None:
    """The catalog's idea of the table's size, without reading it; ``None``: no such table."""
    exists, rows, unknown, size = connection.execute(_ESTIMATE, relation(table_name, schema)).one()
    return Estimate(float(rows), not unknown, int(size)) if exists else None


def revision_has_written(operations: Operations, connection: Connection) -> bool:
    """Has the running revision changed anything not committed yet (DDL included)?

    ``run_state`` tells this revision's changes from earlier revisions' in the same
    transaction; without it (no run in progress) the transaction as a whole is asked.
    """
    state = run_state.of(operations.get_context())
    if state is not None:
        return state.revision_wrote(connection)
    return bool(connection.execute(_TRANSACTION_WROTE).scalar())


def _shown(table_name: str, schema: str | None) -> str:
    return f"{schema}.{table_name}" if schema else table_name


_UNIQUE_OPTIONS = {"deferrable", "initially", "postgresql_nulls_not_distinct", "postgresql_include"}


def _unique_constraint_target(operation: alembic_ops.CreateUniqueConstraintOp) -> _Target:
    name = operation.constraint_name
    cannot = ""
    if name is None:
        cannot = "the constraint has no name; give it one"
    elif set(operation.kw) - _UNIQUE_OPTIONS:
        cannot = f"options the safe op does not take: {sorted(set(operation.kw) - _UNIQUE_OPTIONS)}"

    def rewrite() -> MigrateOperation:
        return CreateUniqueConstraintConcurrentlyOp(
            str(name),
            operation.table_name,
            list(operation.columns),
            schema=operation.schema,
            **operation.kw,
        )

    return _Target(
        operation.table_name,
        operation.schema,
        f"op.create_unique_constraint({name!r})",
        f"op.create_unique_constraint_concurrently({name!r}, {operation.table_name!r}, ...)",
        None if cannot else rewrite,
        cannot,
    )


def _index_target(operation: alembic_ops.CreateIndexOp) -> _Target | None:
    if operation.kw.get("postgresql_concurrently"):
        return None
    name = operation.index_name
    kind = "unique index" if operation.unique else "index"

    def rewrite() -> MigrateOperation:
        return CreateIndexConcurrentlyOp(
            str(name),
            operation.table_name,
            list(operation.columns),
            schema=operation.schema,
            unique=bool(operation.unique),
            **operation.kw,
        )

    return _Target(
        operation.table_name,
        operation.schema,
        f"op.create_index({name!r}) ({kind})",
        f"op.create_index_concurrently({name!r}, {operation.table_name!r}, ...)",
        rewrite if name is not None else None,
        "" if name is not None else "the index has no name; give it one",
        stops="writes",
    )


def _add_column_target(operation: alembic_ops.AddColumnOp) -> _Target | None:
    column = operation.column
    if not (column.unique or column.index):
        return None
    what = "unique=True" if column.unique else "index=True"
    return _Target(
        operation.table_name,
        operation.schema,
        f"op.add_column({column.name!r}, {what})",
        f"op.add_column(...) without {what}, then "
        + (
            "op.create_unique_constraint_concurrently(...)"
            if column.unique
            else "op.create_index_concurrently(...)"
        )
        + " in a revision of its own",
        None,
        "the column and its index would be committed separately, and a failed build would "
        "leave the column behind so that a re-run fails on it",
    )


def _target(operation: Any) -> _Target | None:
    if isinstance(operation, alembic_ops.CreateUniqueConstraintOp):
        return _unique_constraint_target(operation)
    if isinstance(operation, alembic_ops.CreateIndexOp):
        return _index_target(operation)
    if isinstance(operation, alembic_ops.AddColumnOp):
        return _add_column_target(operation)
    return None


def _rewrite_refusal(target: _Target, operations: Operations, connection: Connection) -> str:
    """Why the safe path cannot replace the op here ("" when it can)."""
    if isinstance(operations, BatchOperations):
        return "it runs inside batch_alter_table(), which applies its ops together"
    if target.rewrite is None:
        return target.cannot_rewrite
    if revision_has_written(operations, connection):
        return (
            "this revision has already changed something in its transaction: the concurrent "
            "build must run outside a transaction, which would commit that earlier work "
            "behind your back. Run this op in a revision of its own"
        )
    return ""


def _check(operations: Operations, operation: Any, original: Implementation) -> Any:
    settings = current_settings()
    mode = settings.unsafe_ops
    context = operations.get_context()
    if mode == "off" or context.as_sql or context.dialect.name != "postgresql":
        return original(operations, operation)
    target = _target(operation)
    if target is None:
        return original(operations, operation)
    reason = accepted_reason()
    if reason is not None:
        log.info("%s runs as written (assume_safe: %s).", target.call, reason)
        return original(operations, operation)
    connection = inspectable(operations.get_bind())
    if connection is None:  # a mock or a proxy: nothing to ask, so exactly what Alembic does
        return original(operations, operation)
    state = run_state.of(context)
    with state.ours() if state is not None else nullcontext():  # catalog reads, not the revision's
        # The table Alembic's op will reach: its schema through the schema_translate_map.
        schema = translated_schema(connection, target.schema)
        estimate = estimate_rows(connection, target.table_name, schema)
    if estimate is None or estimate.is_small(settings.unsafe_ops_min_rows):
        return original(operations, operation)

    table = _shown(target.table_name, schema)
    problem = (
        f"{target.call} on {table} ({estimate.describe()}, above unsafe_ops_min_rows="
        f"{settings.unsafe_ops_min_rows:,}) builds while holding a lock that stops "
        f"{target.stops} for the whole build. Use {target.safe_call}, or wrap a deliberate "
        "plain op in `with alembic_safe_unique.assume_safe('why'):`."
    )
    if mode == "warn":
        log.warning("%s", problem)
        return original(operations, operation)
    if mode == "rewrite":
        refusal = _rewrite_refusal(target, operations, connection)
        if not refusal and target.rewrite is not None:
            safe = target.rewrite()
            log.warning("%s on %s: running %s instead.", target.call, table, target.safe_call)
            return operations.invoke(safe)
        raise UnsafeOperationError(
            f"{problem} unsafe_ops='rewrite' cannot replace it: {refusal}. Nothing was changed "
            "by this operation."
        )
    raise UnsafeOperationError(
        f"{problem} (unsafe_ops='refuse'). Nothing was changed by this operation."
    )


def _guarded(original: Implementation) -> Implementation:
    def implementation(operations: Operations, operation: Any) -> Any:
        return _check(operations, operation, original)

    setattr(implementation, _MARK, True)
    implementation.__wrapped__ = original  # type: ignore[attr-defined]
    return implementation


GUARDED_OPS: tuple[type[MigrateOperation], ...] = (
    alembic_ops.CreateUniqueConstraintOp,
    alembic_ops.CreateIndexOp,
    alembic_ops.AddColumnOp,
)


def is_installed() -> bool:
    return all(
        getattr(alembic_internals.implementation_of(op_class), _MARK, False)
        for op_class in GUARDED_OPS
    )


def install() -> None:
    """Put the guard in front of Alembic's implementations of the plain ops (once)."""
    for op_class in GUARDED_OPS:
        # The implementation in force now (Alembic's, or another plugin's replacement);
        # CreateUniqueConstraintOp inherits AddConstraintOp's, so it gets its own entry.
        original = alembic_internals.implementation_of(op_class)
        if getattr(original, _MARK, False):
            continue
        alembic_internals.replace_implementation(op_class, _guarded(original))
