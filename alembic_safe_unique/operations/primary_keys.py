"""Adding a primary key to an existing table without a long lock, and dropping it: inverses.

``op.create_primary_key`` builds the index (and, on nullable columns, scans the table for
NULLs) while holding ACCESS EXCLUSIVE. These ops hold that lock only for catalog changes.
Nothing here runs SQL; ``runtime.toimpl.primary_keys`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic.operations import MigrateOperation, Operations

from alembic_safe_unique.config import check_parallel_workers
from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.operations.arguments import check_identifier_length, column_names
from alembic_safe_unique.postgresql.ddl import table_stub
from alembic_safe_unique.postgresql.shapes import IndexSpec, with_suffix

_WAIT_OPTIONS = ("schema", "lock_timeout_ms", "lock_attempts", "wait_timeout_s", "parallel_workers")


class PrimaryKeyOperation(MigrateOperation):
    """What both primary-key ops take: the key, and how long its short steps may wait."""

    nullable_keyword = ""
    """The keyword naming the columns that are nullable without the key (set by each op)."""

    def __init__(
        self,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        schema: str | None = None,
        nullable: Sequence[str] | None = None,
        lock_timeout_ms: int | None = None,
        lock_attempts: int | None = None,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
    ) -> None:
        what = f"{type(self).__name__}({constraint_name!r})"
        if not isinstance(constraint_name, str) or not constraint_name:
            raise InvalidArgumentError(
                f"{what}: a primary key needs its name (a non-empty string); PostgreSQL's "
                "default would be <table>_pkey."
            )
        if not isinstance(table_name, str) or not table_name:
            raise InvalidArgumentError(f"{what}: table_name must be a table's name")
        self.columns = column_names(what, "columns", columns)
        keyword = self.nullable_keyword
        self.nullable = column_names(what, keyword, nullable, optional=True)
        strangers = [name for name in self.nullable if name not in self.columns]
        if strangers:
            raise InvalidArgumentError(
                f"{what}: {keyword} names {', '.join(map(repr, strangers))}, not among the key's "
                f"columns {self.columns!r}; list only key columns."
            )
        check_identifier_length("primary key", constraint_name)
        check_parallel_workers(parallel_workers, allow_none=True)
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.schema = schema
        self.lock_timeout_ms = lock_timeout_ms
        self.lock_attempts = lock_attempts
        self.wait_timeout_s = wait_timeout_s
        self.parallel_workers = parallel_workers

    @staticmethod
    def helper_check_name_for(constraint_name: str) -> str:
        """``<name>_asu_not_null``, the name cut to fit 63 bytes (never a clash with
        PostgreSQL's own ``<table>_<column>_not_null``)."""
        return with_suffix(constraint_name, "_asu_not_null")

    @property
    def helper_check_name(self) -> str:
        """The NOT VALID check that makes SET NOT NULL cheap; stable, so a re-run finds it."""
        return self.helper_check_name_for(self.constraint_name)

    def index(self) -> IndexSpec:
        """The unique index the key is attached from (named like the key)."""
        return IndexSpec.build(
            self.constraint_name, self.table_name, self.columns, schema=self.schema, unique=True
        )

    def to_constraint(self) -> sa.PrimaryKeyConstraint:
        table = table_stub(self.table_name, self.schema, tuple(self.columns))
        constraint = sa.PrimaryKeyConstraint(
            *(table.c[c] for c in self.columns), name=self.constraint_name
        )
        table.append_constraint(constraint)
        return constraint

    def wait_options(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _WAIT_OPTIONS if getattr(self, name)}

    def arguments(self) -> dict[str, Any]:
        """Keyword arguments that differ from the defaults, for reverse() and rendering."""
        arguments = self.wait_options()
        if self.nullable:
            arguments[self.nullable_keyword] = list(self.nullable)
        return arguments


@Operations.register_operation("create_primary_key_concurrently")
class CreatePrimaryKeyConcurrentlyOp(PrimaryKeyOperation):
    """Make columns NOT NULL without a scan under lock, build the index concurrently, attach."""

    nullable_keyword = "nullable_before"

    def __init__(
        self,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        nullable_before: Sequence[str] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(constraint_name, table_name, columns, nullable=nullable_before, **kw)

    @classmethod
    def create_primary_key_concurrently(
        cls,
        operations: Operations,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        schema: str | None = None,
        nullable_before: Sequence[str] | None = None,
        lock_timeout_ms: int | None = None,
        lock_attempts: int | None = None,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
    ) -> None:
        """Add a primary key to an existing table without locking out reads and writes.

        On PostgreSQL, for the key's columns that are still nullable::

            -- short step (SET LOCAL lock_timeout, retried):
            ALTER TABLE <table> ADD CONSTRAINT <name>_asu_not_null
                CHECK (<col> IS NOT NULL AND ...) NOT VALID
            -- no transaction, SHARE UPDATE EXCLUSIVE: reads and writes go on
            ALTER TABLE <table> VALIDATE CONSTRAINT <name>_asu_not_null
            -- short step: the valid check proves it, so no scan under the lock (12+)
            ALTER TABLE <table> ALTER COLUMN <col> SET NOT NULL, ...
            ALTER TABLE <table> DROP CONSTRAINT IF EXISTS <name>_asu_not_null

        then ``CREATE UNIQUE INDEX CONCURRENTLY <name>`` (leftovers healed, duplicates
        reported, timeouts off) and, as a short step, ``ALTER TABLE <table> ADD CONSTRAINT
        <name> PRIMARY KEY USING INDEX <name>``.

        A table that already has a primary key is refused (the same key is left alone), as
        are rows holding NULL: the error names the column and how many rows, and the helper
        check is dropped again. A re-run after a failure at any step continues from what is
        there. Other dialects get what ``op.create_primary_key`` does there.

        :param constraint_name: the primary key's name (and its index's); at most 63 bytes.
        :param table_name: the existing table.
        :param columns: the key's column names.
        :param schema: schema of the table, if not the default.
        :param nullable_before: the key's columns that were nullable before this op; only
         the inverse reads it (``reverse()`` makes them nullable again after the drop).
         Leave it out and the downgrade keeps the columns NOT NULL, as Alembic's plain ops do.
        :param lock_timeout_ms: how long each short step may wait for its lock per attempt.
        :param lock_attempts: how many times to try each short step.
        :param wait_timeout_s: how long the build may wait for other sessions.
        :param parallel_workers: the build's ``max_parallel_maintenance_workers``.
        """
        op = cls(
            constraint_name,
            table_name,
            columns,
            schema=schema,
            nullable_before=nullable_before,
            lock_timeout_ms=lock_timeout_ms,
            lock_attempts=lock_attempts,
            wait_timeout_s=wait_timeout_s,
            parallel_workers=parallel_workers,
        )
        operations.invoke(op)

    def reverse(self) -> DropPrimaryKeyConcurrentlyOp:
        """Drop it under a short lock; ``nullable_before`` columns become nullable again."""
        return DropPrimaryKeyConcurrentlyOp(
            self.constraint_name,
            self.table_name,
            self.columns,
            make_nullable=self.nullable or None,
            **self.wait_options(),
        )

    def to_diff_tuple(self) -> tuple[str, sa.PrimaryKeyConstraint]:
        return ("add_constraint", self.to_constraint())


@Operations.register_operation("drop_primary_key_concurrently")
class DropPrimaryKeyConcurrentlyOp(PrimaryKeyOperation):
    """``DROP CONSTRAINT`` of a primary key that never lets readers queue behind it for long."""

    nullable_keyword = "make_nullable"

    def __init__(
        self,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        make_nullable: Sequence[str] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(constraint_name, table_name, columns, nullable=make_nullable, **kw)

    @classmethod
    def drop_primary_key_concurrently(
        cls,
        operations: Operations,
        constraint_name: str,
        table_name: str,
        columns: Sequence[str],
        *,
        schema: str | None = None,
        make_nullable: Sequence[str] | None = None,
        lock_timeout_ms: int | None = None,
        lock_attempts: int | None = None,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
    ) -> None:
        """Drop a primary key under a short ``lock_timeout``, retried with backoff.

        One short transaction drops the constraint (and its index) and, for the columns in
        ``make_nullable``, ``ALTER COLUMN ... DROP NOT NULL`` (catalog-only). A key that is
        already gone is skipped. The columns describe the key so that the inverse,
        :meth:`create_primary_key_concurrently`, can add it again.

        :param make_nullable: key columns to make nullable again after the drop (those that
         were nullable before the key was added); the others stay NOT NULL.

        The other parameters are those of :meth:`create_primary_key_concurrently`.
        """
        op = cls(
            constraint_name,
            table_name,
            columns,
            schema=schema,
            make_nullable=make_nullable,
            lock_timeout_ms=lock_timeout_ms,
            lock_attempts=lock_attempts,
            wait_timeout_s=wait_timeout_s,
            parallel_workers=parallel_workers,
        )
        operations.invoke(op)

    def reverse(self) -> CreatePrimaryKeyConcurrentlyOp:
        return CreatePrimaryKeyConcurrentlyOp(
            self.constraint_name,
            self.table_name,
            self.columns,
            nullable_before=self.nullable or None,
            **self.wait_options(),
        )

    def to_diff_tuple(self) -> tuple[str, sa.PrimaryKeyConstraint]:
        return ("remove_constraint", self.to_constraint())
