"""The unique-constraint operations: what each means, its inverse, its autogenerate diff form.

Nothing here runs SQL; ``toimpl`` does. Importing this module registers ``op.<name>`` for each
class (once: Alembic 1.17.2+ refuses a second registration).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic.operations import MigrateOperation, Operations

from alembic_safe_unique.config import check_parallel_workers
from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.operations.arguments import (
    check_constraint_columns,
    check_identifier_length,
    require_sqlalchemy_2,
)
from alembic_safe_unique.postgresql.ddl import unique_constraint
from alembic_safe_unique.postgresql.shapes import UniqueConstraintSpec


class _UniqueConstraintOpBase(MigrateOperation):
    """Holds the arguments shared by the constraint operations and validates them."""

    may_be_unnamed = False
    """Only a new constraint can be left unnamed: it is named as the database would name it."""

    def __init__(
        self,
        constraint_name: str | None,
        table_name: str,
        columns: Sequence[str],
        *,
        schema: str | None = None,
        index_name: str | None = None,
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
        if constraint_name is None and not self.may_be_unnamed:
            raise InvalidArgumentError(
                f"{type(self).__name__} on {table_name!r} needs the name of the existing "
                "constraint; None names nothing that exists."
            )
        if not isinstance(table_name, str) or not table_name:
            raise InvalidArgumentError(f"table_name must be a table's name, got {table_name!r}")
        check_constraint_columns(constraint_name, columns, kw)
        check_identifier_length("constraint", constraint_name)
        check_identifier_length("index", index_name)
        check_parallel_workers(parallel_workers, allow_none=True)
        if postgresql_include or postgresql_nulls_not_distinct is not None:
            require_sqlalchemy_2("postgresql_include / postgresql_nulls_not_distinct")
        if initially is not None and str(initially).upper() not in ("DEFERRED", "IMMEDIATE"):
            raise InvalidArgumentError(
                f"initially must be 'DEFERRED' or 'IMMEDIATE', got {initially!r}"
            )
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.columns = list(columns)
        self.schema = schema
        self.index_name = index_name
        self.deferrable = deferrable
        self.initially = initially
        self.postgresql_nulls_not_distinct = postgresql_nulls_not_distinct
        self.postgresql_include = list(postgresql_include) if postgresql_include else None
        self.lock_timeout_ms = lock_timeout_ms
        self.lock_attempts = lock_attempts
        self.wait_timeout_s = wait_timeout_s
        self.parallel_workers = parallel_workers

    @property
    def existing_name(self) -> str:
        """The name, for the operations on a constraint that exists (they refuse ``None``)."""
        assert self.constraint_name is not None
        return self.constraint_name

    def spec(self, constraint_name: str | None = None) -> UniqueConstraintSpec:
        """What to build and attach; ``constraint_name`` names an op that was left unnamed."""
        name = constraint_name or self.constraint_name
        if name is None:
            raise InvalidArgumentError(
                f"The unique constraint on {self.table_name!r} ({', '.join(self.columns)}) has "
                "no name yet; give it one."
            )
        return UniqueConstraintSpec(
            constraint_name=name,
            table_name=self.table_name,
            columns=tuple(self.columns),
            schema=self.schema,
            index_name=self.index_name,
            deferrable=self.deferrable,
            initially=self.initially,
            nulls_not_distinct=self.postgresql_nulls_not_distinct,
            include=tuple(self.postgresql_include or ()),
        )

    def to_constraint(self) -> sa.UniqueConstraint:
        options: dict[str, Any] = {}
        if self.deferrable is not None:
            options["deferrable"] = self.deferrable
        if self.initially is not None:
            options["initially"] = self.initially
        if self.postgresql_nulls_not_distinct is not None:
            options["postgresql_nulls_not_distinct"] = self.postgresql_nulls_not_distinct
        if self.postgresql_include:
            options["postgresql_include"] = self.postgresql_include
        return unique_constraint(
            self.constraint_name, self.table_name, tuple(self.columns), self.schema, **options
        )

    def arguments(self) -> dict[str, Any]:
        """Keyword arguments that differ from the defaults, for reverse() and rendering."""
        names = (
            "schema",
            "index_name",
            "deferrable",
            "initially",
            "postgresql_nulls_not_distinct",
            "postgresql_include",
            "lock_timeout_ms",
            "lock_attempts",
            "wait_timeout_s",
            "parallel_workers",
        )
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


@Operations.register_operation("create_unique_constraint_concurrently")
class CreateUniqueConstraintConcurrentlyOp(_UniqueConstraintOpBase):
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

    def reverse(self) -> MigrateOperation:
        """Drop it again, under the same short lock budget."""
        from alembic_safe_unique.operations.replace_constraints import (
            DropUniqueConstraintOp,  # replace_ops builds on this module
        )

        return DropUniqueConstraintOp(
            self.constraint_name, self.table_name, self.columns, **self.arguments()
        )

    def to_diff_tuple(self) -> tuple[str, sa.UniqueConstraint]:
        return ("add_constraint", self.to_constraint())


@Operations.register_operation("attach_unique_constraint")
class AttachUniqueConstraintOp(_UniqueConstraintOpBase):
    """Attach a unique index built earlier (the second of the two autogenerated revisions)."""

    @classmethod
    def attach_unique_constraint(
        cls,
        operations: Operations,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        index_name: str | None = None,
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
        """Turn the unique index ``index_name`` into the constraint ``constraint_name``.

        Runs ``ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX ...`` in a short transaction
        of its own under ``SET LOCAL lock_timeout``, retried with backoff and jitter, so readers
        and writers never queue behind it for longer than the timeout. PostgreSQL renames the
        index to the constraint name. The columns and options describe the index, so a missing
        or invalid index is (re)built concurrently first and the inverse can rebuild it.

        :param index_name: the unique index to attach; defaults to ``constraint_name``.

        The other parameters are those of :meth:`create_unique_constraint_concurrently`.
        """
        op = cls(
            constraint_name,
            table_name,
            columns,
            schema=schema,
            index_name=index_name,
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

    def reverse(self) -> DetachUniqueConstraintOp:
        return DetachUniqueConstraintOp(
            self.constraint_name, self.table_name, self.columns, **self.arguments()
        )

    def to_diff_tuple(self) -> tuple[str, sa.UniqueConstraint]:
        return ("add_constraint", self.to_constraint())


@Operations.register_operation("detach_unique_constraint")
class DetachUniqueConstraintOp(_UniqueConstraintOpBase):
    """Drop a unique constraint but keep a unique index in its place: the attach undone."""

    @classmethod
    def detach_unique_constraint(
        cls,
        operations: Operations,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        index_name: str | None = None,
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
        """Drop the constraint and leave the unique index ``index_name`` as the guard.

        The table is never without a unique guard: the replacement index is built concurrently
        first (under a temporary name when it takes the constraint's name), then one short
        transaction under ``SET LOCAL lock_timeout`` drops the constraint and renames the index.
        This is the inverse of :meth:`attach_unique_constraint`: afterwards the schema is
        exactly what the build revision left.

        The parameters are those of :meth:`attach_unique_constraint`.
        """
        op = cls(
            constraint_name,
            table_name,
            columns,
            schema=schema,
            index_name=index_name,
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

    def reverse(self) -> AttachUniqueConstraintOp:
        return AttachUniqueConstraintOp(
            self.constraint_name, self.table_name, self.columns, **self.arguments()
        )

    def to_diff_tuple(self) -> tuple[str, sa.UniqueConstraint]:
        return ("remove_constraint", self.to_constraint())
