"""SQLAlchemy DDL elements for the statements SQLAlchemy has no construct for.

Compiled per dialect with ``@compiles`` so offline ``--sql`` output and online execution are the
same text, and every identifier is quoted by the dialect's preparer.
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

from alembic_safe_unique.errors import InvalidArgumentError


class AddUniqueConstraintUsingIndex(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i [DEFERRABLE ...]``.

    ``only_if_missing`` wraps it in a ``DO`` block that skips it when the constraint exists:
    PostgreSQL has no ``ADD CONSTRAINT IF NOT EXISTS``, and an offline script must be safe to
    run again after it failed part-way.
    """

    def __init__(
        self,
        table: sa.Table,
        constraint_name: str,
        index_name: str,
        *,
        deferrable: bool | None = None,
        initially: str | None = None,
        only_if_missing: bool = False,
    ) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.index_name = index_name
        self.deferrable = deferrable
        self.initially = initially
        self.only_if_missing = only_if_missing


class DropConstraintIfExists(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t DROP CONSTRAINT IF EXISTS c``: a re-run after the drop is a no-op.

    ``note`` lines are written as ``--`` comments right above the statement, where a reader of
    the offline script (and squawk's ``squawk-ignore``) sees them.
    """

    def __init__(self, table: sa.Table, constraint_name: str, note: Sequence[str] = ()) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.note = tuple(note)


class RenameIndex(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER INDEX schema.old RENAME TO new``."""

    def __init__(self, schema: str | None, old_name: str, new_name: str) -> None:
        self.schema = schema
        self.old_name = old_name
        self.new_name = new_name


class CreateScratchTableLike(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``CREATE TEMPORARY TABLE scratch (LIKE source)``: an empty twin to compile indexes on.

    With a ``schema``, ``CREATE TABLE schema.scratch (LIKE source)``: a twin for a role that
    may not create temporary tables, made in a transaction that is rolled back.
    """

    def __init__(self, scratch_name: str, source: sa.Table, schema: str | None = None) -> None:
        self.scratch_name = scratch_name
        self.source = source
        self.schema = schema


@compiles(AddUniqueConstraintUsingIndex)
def _compile_add_using_index(
    element: AddUniqueConstraintUsingIndex, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    parts = add_unique_head(compiler, element.table, element.constraint_name)
    parts += ["USING INDEX", preparer.quote(element.index_name)]
    parts.extend(deferral_clauses(element.deferrable, element.initially))
    statement = " ".join(parts)
    if not element.only_if_missing:
        return statement
    return unless_constraint_exists(compiler, element.table, element.constraint_name, statement)


def unless_constraint_exists(
    compiler: DDLCompiler, table: sa.Table, constraint_name: str, statement: str
) -> str:
    """``statement`` in a ``DO`` block that skips it when the table has that constraint:
    PostgreSQL has no ``ADD CONSTRAINT IF NOT EXISTS``, and an offline script must be safe
    to run again after it failed part-way."""
    literal = compiler.sql_compiler.render_literal_value
    body = (
        "IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(%s) "
        "AND conname = %s) THEN %s; END IF;"
        % (
            literal(compiler.preparer.format_table(table), sa.String()),
            literal(constraint_name, sa.String()),
            statement,
        )
    )
    if _DOLLAR_TAG in body:
        raise InvalidArgumentError(
            f"names must not contain {_DOLLAR_TAG!r} (it closes the offline script's DO block); "
            "rename the table or constraint."
        )
    return "DO %s BEGIN %s END %s" % (_DOLLAR_TAG, body, _DOLLAR_TAG)


_DOLLAR_TAG = "$alembic_safe_unique$"


def add_unique_head(compiler: DDLCompiler, table: sa.Table, constraint_name: str) -> list[str]:
    """``ALTER TABLE t ADD CONSTRAINT c UNIQUE``, each name quoted by the dialect."""
    preparer = compiler.preparer
    return [
        "ALTER TABLE",
        preparer.format_table(table),
        "ADD CONSTRAINT",
        preparer.quote(constraint_name),
        "UNIQUE",
    ]


def deferral_clauses(deferrable: bool | None, initially: str | None) -> list[str]:
    parts = []
    if deferrable is not None:
        parts.append("DEFERRABLE" if deferrable else "NOT DEFERRABLE")
    if initially is not None:
        parts.append("INITIALLY " + _checked_initially(initially))
    return parts


def _checked_initially(initially: str) -> str:
    value = initially.upper()
    if value not in ("DEFERRED", "IMMEDIATE"):
        raise InvalidArgumentError(
            f"initially must be 'DEFERRED' or 'IMMEDIATE', got {initially!r}"
        )
    return value


@compiles(DropConstraintIfExists)
def _compile_drop_if_exists(
    element: DropConstraintIfExists, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    # One line per comment, whatever the names in it hold: a newline would end the comment.
    comments = ["-- " + " ".join(line.splitlines()) + "\n" for line in element.note]
    return "".join(comments) + "ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s" % (
        preparer.format_table(element.table),
        preparer.quote(element.constraint_name),
    )


@compiles(RenameIndex)
def _compile_rename_index(element: RenameIndex, compiler: DDLCompiler, **kw: Any) -> str:
    old = qualified_name_sql(compiler, element.schema, element.old_name)
    return "ALTER INDEX %s RENAME TO %s" % (old, compiler.preparer.quote(element.new_name))


@compiles(CreateScratchTableLike)
def _compile_scratch(element: CreateScratchTableLike, compiler: DDLCompiler, **kw: Any) -> str:
    source = compiler.preparer.format_table(element.source)
    if element.schema is None:
        return "CREATE TEMPORARY TABLE %s (LIKE %s)" % (
            compiler.preparer.quote(element.scratch_name),
            source,
        )
    twin = qualified_name_sql(compiler, element.schema, element.scratch_name)
    return "CREATE TABLE %s (LIKE %s)" % (twin, source)


class CreateTemporaryTableAs(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``CREATE TEMPORARY TABLE name AS <select>``: session-private work space, no locks shared."""

    def __init__(self, name: str, query: Any) -> None:
        self.name = name
        self.query = query


@compiles(CreateTemporaryTableAs)
def _compile_temporary_as(element: CreateTemporaryTableAs, compiler: DDLCompiler, **kw: Any) -> str:
    query = compiler.sql_compiler.process(element.query, literal_binds=True)
    return "CREATE TEMPORARY TABLE %s AS %s" % (compiler.preparer.quote(element.name), query)


def table_stub(table_name: str, schema: str | None, columns: tuple[str, ...] = ()) -> sa.Table:
    """A detached Table with just enough to compile statements about ``schema.table_name``."""
    return sa.Table(
        table_name,
        sa.MetaData(),
        *(sa.Column(c, sa.types.NULLTYPE) for c in columns),
        schema=schema,
    )


def unique_constraint(
    constraint_name: str | None,
    table_name: str,
    columns: tuple[str, ...],
    schema: str | None,
    **kw: Any,
) -> sa.UniqueConstraint:
    """The UniqueConstraint a ``DROP CONSTRAINT`` or a non-PostgreSQL dialect needs."""
    table = table_stub(table_name, schema, columns)
    constraint = sa.UniqueConstraint(*(table.c[c] for c in columns), name=constraint_name, **kw)
    table.append_constraint(constraint)
    return constraint


def qualified_name_sql(compiler: DDLCompiler, schema: str | None, name: str) -> str:
    preparer = compiler.preparer
    quoted = preparer.quote(name)
    return quoted if schema is None else preparer.quote_schema(schema) + "." + quoted
