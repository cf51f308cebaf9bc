"""The DDL that ties a partitioned table's indexes and constraints to its partitions'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateIndex

try:  # SQLAlchemy 2.0 name
    from sqlalchemy.schema import ExecutableDDLElement
except ImportError:  # pragma: no cover - SQLAlchemy 1.4
    from sqlalchemy.schema import DDLElement as ExecutableDDLElement  # type: ignore[assignment,unused-ignore]
from sqlalchemy.sql.compiler import DDLCompiler

from alembic_safe_unique.postgresql.ddl import add_unique_head, deferral_clauses, qualified_name_sql


class AddUniqueConstraintOnPartitioned(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE parent ADD CONSTRAINT c UNIQUE [NULLS NOT DISTINCT] (cols) [INCLUDE] ...``.

    On a partitioned table whose partitions already hold a matching constraint, PostgreSQL
    attaches those instead of building anything. SQLAlchemy's ``UniqueConstraint`` cannot say
    ``INCLUDE`` or ``NULLS NOT DISTINCT`` on every supported version, and a clause missing
    here would make PostgreSQL build new indexes under its lock.
    """

    def __init__(
        self,
        table: sa.Table,
        constraint_name: str,
        columns: Sequence[str],
        *,
        include: Sequence[str] = (),
        nulls_not_distinct: bool | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
    ) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.columns = tuple(columns)
        self.include = tuple(include)
        self.nulls_not_distinct = nulls_not_distinct
        self.deferrable = deferrable
        self.initially = initially


@compiles(AddUniqueConstraintOnPartitioned)
def _compile_add_on_partitioned(
    element: AddUniqueConstraintOnPartitioned, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    parts = add_unique_head(compiler, element.table, element.constraint_name)
    if element.nulls_not_distinct:
        parts.append("NULLS NOT DISTINCT")
    parts.append("(%s)" % ", ".join(preparer.quote(column) for column in element.columns))
    if element.include:
        parts.append("INCLUDE (%s)" % ", ".join(preparer.quote(c) for c in element.include))
    parts.extend(deferral_clauses(element.deferrable, element.initially))
    return " ".join(parts)


class CreateIndexOnOnly(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``CREATE [UNIQUE] INDEX i ON ONLY parent ...``: the parent's index, built from nothing.

    It starts invalid and becomes valid once every partition's index is attached to it.
    """

    def __init__(self, index: sa.Index) -> None:
        self.index = index


@compiles(CreateIndexOnOnly)
def _compile_create_on_only(element: CreateIndexOnOnly, compiler: DDLCompiler, **kw: Any) -> str:
    statement: str = compiler.process(CreateIndex(element.index), **kw)
    preparer = compiler.preparer
    head = "CREATE %sINDEX %s ON " % (
        "UNIQUE " if element.index.unique else "",
        preparer.format_index(element.index),
    )
    if not statement.startswith(head):  # pragma: no cover - a dialect that words it otherwise
        raise AssertionError(f"SQLAlchemy compiled an unexpected CREATE INDEX form: {statement}")
    return head + "ONLY " + statement[len(head) :]


class AttachIndexPartition(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER INDEX parent ATTACH PARTITION child``: a catalog change, nothing is built."""

    def __init__(self, parent: tuple[str | None, str], child: tuple[str | None, str]) -> None:
        self.parent = parent
        self.child = child


@compiles(AttachIndexPartition)
def _compile_attach_index(element: AttachIndexPartition, compiler: DDLCompiler, **kw: Any) -> str:
    return "ALTER INDEX %s ATTACH PARTITION %s" % (
        qualified_name_sql(compiler, *element.parent),
        qualified_name_sql(compiler, *element.child),
    )
