"""DDL elements for adding a primary key without a long lock.

A primary key needs NOT NULL columns. ``SET NOT NULL`` scans the table under ACCESS EXCLUSIVE,
unless (PostgreSQL 12+) a valid ``CHECK (col IS NOT NULL)`` already proves it: hence a helper
check added ``NOT VALID``, validated without blocking writes, then dropped again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles

try:  # SQLAlchemy 2.0 name
    from sqlalchemy.schema import ExecutableDDLElement
except ImportError:  # pragma: no cover - SQLAlchemy 1.4
    from sqlalchemy.schema import DDLElement as ExecutableDDLElement  # type: ignore[assignment,unused-ignore]
from sqlalchemy.sql.compiler import DDLCompiler

from alembic_safe_unique.postgresql.ddl import unless_constraint_exists


class AddPrimaryKeyUsingIndex(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t ADD CONSTRAINT c PRIMARY KEY USING INDEX i``.

    ``only_if_missing`` skips it when the constraint exists (an offline script run again).
    """

    def __init__(
        self, table: sa.Table, constraint_name: str, index_name: str, *, only_if_missing: bool
    ) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.index_name = index_name
        self.only_if_missing = only_if_missing


class AddNotNullCheck(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL AND ...) NOT VALID``.

    ``NOT VALID``: catalog-only, no scan; rows written from then on must pass it.
    """

    def __init__(
        self,
        table: sa.Table,
        constraint_name: str,
        columns: Sequence[str],
        *,
        only_if_missing: bool,
    ) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.columns = tuple(columns)
        self.only_if_missing = only_if_missing


class ValidateConstraint(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t VALIDATE CONSTRAINT c``: scans under SHARE UPDATE EXCLUSIVE.

    ``note`` lines are written as ``--`` comments above it, for a reader of the offline script.
    """

    def __init__(self, table: sa.Table, constraint_name: str, note: Sequence[str] = ()) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.note = tuple(note)


class AlterColumnsNullability(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t ALTER COLUMN a SET NOT NULL, ...`` (or ``DROP NOT NULL``), ``note``
    lines above it as ``--`` comments."""

    def __init__(
        self, table: sa.Table, columns: Sequence[str], *, nullable: bool, note: Sequence[str] = ()
    ) -> None:
        self.table = table
        self.columns = tuple(columns)
        self.nullable = nullable
        self.note = tuple(note)


@compiles(AddPrimaryKeyUsingIndex)
def _compile_add_primary_key(
    element: AddPrimaryKeyUsingIndex, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    statement = "ALTER TABLE %s ADD CONSTRAINT %s PRIMARY KEY USING INDEX %s" % (
        preparer.format_table(element.table),
        preparer.quote(element.constraint_name),
        preparer.quote(element.index_name),
    )
    if not element.only_if_missing:
        return statement
    return unless_constraint_exists(compiler, element.table, element.constraint_name, statement)


@compiles(AddNotNullCheck)
def _compile_add_not_null_check(element: AddNotNullCheck, compiler: DDLCompiler, **kw: Any) -> str:
    preparer = compiler.preparer
    condition = " AND ".join(preparer.quote(column) + " IS NOT NULL" for column in element.columns)
    statement = "ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s) NOT VALID" % (
        preparer.format_table(element.table),
        preparer.quote(element.constraint_name),
        condition,
    )
    if not element.only_if_missing:
        return statement
    return unless_constraint_exists(compiler, element.table, element.constraint_name, statement)


@compiles(ValidateConstraint)
def _compile_validate(element: ValidateConstraint, compiler: DDLCompiler, **kw: Any) -> str:
    preparer = compiler.preparer
    return _comments(element.note) + "ALTER TABLE %s VALIDATE CONSTRAINT %s" % (
        preparer.format_table(element.table),
        preparer.quote(element.constraint_name),
    )


@compiles(AlterColumnsNullability)
def _compile_nullability(element: AlterColumnsNullability, compiler: DDLCompiler, **kw: Any) -> str:
    preparer = compiler.preparer
    change = "DROP NOT NULL" if element.nullable else "SET NOT NULL"
    columns = ", ".join(
        "ALTER COLUMN %s %s" % (preparer.quote(column), change) for column in element.columns
    )
    return _comments(element.note) + "ALTER TABLE %s %s" % (
        preparer.format_table(element.table),
        columns,
    )


def _comments(note: Sequence[str]) -> str:
    """One ``--`` line per note, whatever the names in it hold (a newline would end it)."""
    return "".join("-- " + " ".join(line.splitlines()) + "\n" for line in note)
