"""What the unique-constraint operations share: their keyword set, its checks, their shapes.

Each operation in ``constraints`` takes the same keywords after its own; they are validated
here once, when the revision calls the op, before any SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic.operations import MigrateOperation

from alembic_safe_unique.config import check_parallel_workers
from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.operations.arguments import (
    check_constraint_columns,
    check_identifier_length,
    require_sqlalchemy_2,
)
from alembic_safe_unique.postgresql.ddl import (
    unique_constraint,
)
from alembic_safe_unique.postgresql.shapes import UniqueConstraintSpec

SHARED_OPTIONS = (
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
"""The keywords every constraint operation accepts; ``arguments()`` passes them on."""

LOCK_OPTIONS = ("schema", "lock_timeout_ms", "lock_attempts", "wait_timeout_s", "parallel_workers")
"""What an inverse keeps when it describes another constraint (how to wait, not what)."""


class UniqueConstraintOperation(MigrateOperation):
    """The five unique-constraint operations' shared arguments, their checks, and shapes."""

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
        return {
            name: getattr(self, name) for name in SHARED_OPTIONS if getattr(self, name) is not None
        }
