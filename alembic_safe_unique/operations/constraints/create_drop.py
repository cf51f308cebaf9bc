"""Adding a unique constraint without a long lock, and dropping one: each the other's inverse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations

from alembic_safe_unique.operations.constraints.options import UniqueConstraintOperation


@Operations.register_operation("create_unique_constraint_concurrently")
class CreateUniqueConstraintConcurrentlyOp(UniqueConstraintOperation):
    """Build a unique index concurrently, then attach it as a unique constraint."""

    may_be_unnamed = True

    @classmethod
    def create_unique_constraint_concurrently(
        cls,
        operations: Operations,
        constraint_name: str | None,
        table_name: str,
        columns: Sequence[str],
        *,
        schema: str | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
        postgresql_nulls_not_distinct: bool | None = None,
        postgresql_include: Sequence[str] | None = None,
        lock_timeout_ms: int | None = None,
        lock_attempts: int | None = None,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
        **kw: Any,
    ) -> None:
        """Add a unique constraint without locking out reads and writes for the build.

        On PostgreSQL this runs, outside any transaction::

            CREATE UNIQUE INDEX CONCURRENTLY <name> ON <table> (<columns>)
            -- then, in a short transaction of its own:
            SET LOCAL lock_timeout = <lock_timeout_ms>
            ALTER TABLE <table> ADD CONSTRAINT <name> UNIQUE USING INDEX <name>

        The build runs with ``lock_timeout`` and ``statement_timeout`` off (restored afterwards).
        An invalid index left by an earlier failed run is dropped concurrently first; a valid
        index of the same name and definition is reused. If the table holds duplicate keys the
        failed index is dropped and :class:`.DuplicateKeysError` names the key and gives a query
        listing every duplicate group. The attach is retried with backoff and jitter when the
        lock is not granted within ``lock_timeout_ms``; re-running after that only retries the
        attach. Re-running once the constraint exists does nothing.

        Other dialects get what ``op.create_unique_constraint`` does there (SQLite through a
        batch table rebuild), so one revision serves a SQLite development database too.

        :param constraint_name: name of the constraint (and of its index); at most 63 bytes.
         ``None`` names it by the ``uq`` naming convention of ``target_metadata`` (as
         SQLAlchemy would), else as PostgreSQL would (``<table>_<columns>_key``).
        :param table_name: the existing table.
        :param columns: column names. Expressions, partial (WHERE) or non-default operator
         classes can only be unique *indexes*: use :meth:`create_index_concurrently`.
        :param schema: schema of the table, if not the default.
        :param deferrable: ``True`` for ``DEFERRABLE``.
        :param initially: ``"DEFERRED"`` or ``"IMMEDIATE"``.
        :param postgresql_nulls_not_distinct: ``NULLS NOT DISTINCT`` (PostgreSQL 15+).
        :param postgresql_include: non-key columns to ``INCLUDE`` in the index.
        :param lock_timeout_ms: how long the attach may wait for its lock per attempt (default
         from :func:`alembic_safe_unique.configure`, 1000 ms).
        :param lock_attempts: how many times to try the attach (default 8).
        :param wait_timeout_s: how long the build may wait for other sessions (old snapshots,
         writers idle in transaction) before it is cancelled, its leftover dropped, and the
         error names who it waited for; default from :func:`alembic_safe_unique.configure`:
         no bound.
        :param parallel_workers: the build session's ``max_parallel_maintenance_workers``
         (``0``: one process, gentlest on a busy server); default from
         :func:`alembic_safe_unique.configure`: 0.
        """
        op = cls(
            constraint_name,
            table_name,
            columns,
            schema=schema,
            deferrable=deferrable,
            initially=initially,
            postgresql_nulls_not_distinct=postgresql_nulls_not_distinct,
            postgresql_include=postgresql_include,
            lock_timeout_ms=lock_timeout_ms,
            lock_attempts=lock_attempts,
            wait_timeout_s=wait_timeout_s,
            parallel_workers=parallel_workers,
            **kw,
        )
        operations.invoke(op)

    def reverse(self) -> DropUniqueConstraintOp:
        """Drop it again, under the same short lock budget."""
        return DropUniqueConstraintOp(
            self.constraint_name, self.table_name, self.columns, **self.arguments()
        )

    def to_diff_tuple(self) -> tuple[str, sa.UniqueConstraint]:
        return ("add_constraint", self.to_constraint())


@Operations.register_operation("drop_unique_constraint")
class DropUniqueConstraintOp(UniqueConstraintOperation):
    """``DROP CONSTRAINT`` that never lets readers queue behind it for long."""

    @classmethod
    def drop_unique_constraint(
        cls,
        operations: Operations,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        schema: str | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
        postgresql_nulls_not_distinct: bool | None = None,
        postgresql_include: Sequence[str] | None = None,
        lock_timeout_ms: int | None = None,
        lock_attempts: int | None = None,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
    ) -> None:
        """Drop a unique constraint under a short ``lock_timeout``, retried with backoff.

        Dropping is catalog-only, but waiting for its ``ACCESS EXCLUSIVE`` lock behind a long
        transaction would stall every later query on the table. A constraint that is already
        gone is logged and skipped. The columns and options describe the constraint so that
        the inverse, :meth:`create_unique_constraint_concurrently`, can rebuild it safely.

        The parameters are those of :meth:`create_unique_constraint_concurrently`.
        """
        op = cls(
            constraint_name,
            table_name,
            columns,
            schema=schema,
            deferrable=deferrable,
            initially=initially,
            postgresql_nulls_not_distinct=postgresql_nulls_not_distinct,
            postgresql_include=postgresql_include,
            lock_timeout_ms=lock_timeout_ms,
            lock_attempts=lock_attempts,
            wait_timeout_s=wait_timeout_s,
            parallel_workers=parallel_workers,
        )
        operations.invoke(op)

    def reverse(self) -> CreateUniqueConstraintConcurrentlyOp:
        return CreateUniqueConstraintConcurrentlyOp(
            self.constraint_name, self.table_name, self.columns, **self.arguments()
        )

    def to_diff_tuple(self) -> tuple[str, Any]:
        return ("remove_constraint", self.to_constraint())
