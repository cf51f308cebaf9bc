"""Plain descriptions of the index or constraint an operation wants, shared by ops and execution."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Union

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement, TextClause

from alembic_safe_unique.postgresql.ddl import (
    table_stub,
)
from alembic_safe_unique.postgresql.naming import POSTGRES_MAX_IDENTIFIER_BYTES
from alembic_safe_unique.util.alembic_internals import bound_index, textual_index_column

IndexColumn = Union[str, TextClause, ColumnElement[Any]]


def _frozen(options: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, v) for k, v in options.items() if v is not None))


def _meaningful(options: tuple[tuple[str, Any], ...]) -> list[tuple[str, Any]] | None:
    """The options that change what an index is (``False`` and empty lists are defaults).

    ``None`` when an option holds SQL text or an expression, which only the server compares.
    """
    kept = []
    for name, value in options:
        if value is False or (isinstance(value, (list, tuple)) and not value):
            continue
        if isinstance(value, sa.sql.ClauseElement):
            return None
        kept.append((name, list(value) if isinstance(value, (list, tuple)) else value))
    return kept


class OnTable:
    """Something on one table, named in messages as ``schema.table`` (or ``table``)."""

    table_name: str
    schema: str | None

    @property
    def qualified_table(self) -> str:
        return f"{self.schema}.{self.table_name}" if self.schema else self.table_name


@dataclass(frozen=True)
class TableRef(OnTable):
    """Just a table, where a step needs no more than its name."""

    table_name: str
    schema: str | None = None


@dataclass(frozen=True)
class IndexSpec(OnTable):
    """One index: name, table, key columns or expressions, and dialect options."""

    name: str
    table_name: str
    columns: tuple[IndexColumn, ...]
    schema: str | None = None
    unique: bool = False
    options: tuple[tuple[str, Any], ...] = field(default=())

    @classmethod
    def build(
        cls,
        name: str,
        table_name: str,
        columns: Sequence[IndexColumn],
        *,
        schema: str | None = None,
        unique: bool = False,
        options: Mapping[str, Any] | None = None,
    ) -> IndexSpec:
        return cls(name, table_name, tuple(columns), schema, unique, _frozen(options or {}))

    @property
    def option_map(self) -> dict[str, Any]:
        return dict(self.options)

    def renamed(self, name: str) -> IndexSpec:
        return replace(self, name=name)

    def to_index(self, *, concurrently: bool = False, on_table: sa.Table | None = None) -> sa.Index:
        """The SQLAlchemy Index; ``on_table`` places it on another table (the scratch twin)."""
        table = on_table if on_table is not None else table_stub(self.table_name, self.schema)
        elements = [_index_element(table, column) for column in self.columns]
        options = self.option_map
        for name in options.get("postgresql_include") or ():
            if isinstance(name, str) and name not in table.c:
                table.append_column(sa.Column(name, sa.types.NULLTYPE))
        if concurrently:
            options["postgresql_concurrently"] = True
        return bound_index(self.name, *elements, table=table, unique=self.unique, **options)

    def same_definition(self, other: IndexSpec) -> bool:
        """Would both build the same index, whatever its name? ``False`` when unsure.

        Only plain column names are compared; an expression or a textual option makes the
        answer ``False``, and the caller asks the server instead.
        """
        if not all(isinstance(c, str) for c in (*self.columns, *other.columns)):
            return False
        options = _meaningful(self.options)
        same_table = (self.table_name, self.schema) == (other.table_name, other.schema)
        return (
            same_table
            and self.columns == other.columns
            and self.unique == other.unique
            and options is not None
            and options == _meaningful(other.options)
        )

    def describe(self) -> str:
        where = self.option_map.get("postgresql_where")
        cols = ", ".join(str(c) for c in self.columns)
        kind = "unique index" if self.unique else "index"
        text = f"{kind} {self.name!r} on {self.qualified_table} ({cols})"
        return text + (f" WHERE {where}" if where is not None else "")


def _index_element(table: sa.Table, column: IndexColumn) -> Any:
    if isinstance(column, str) and column in table.c:
        return table.c[column]
    if isinstance(column, TextClause):
        # PostgreSQL needs parentheses around any index expression that is not a bare
        # function call (``hits * 2``); around a function call they are harmless.
        column = sa.text("(" + column.text + ")")
    return textual_index_column(table, column)


@dataclass(frozen=True)
class UniqueConstraintSpec(OnTable):
    """A unique constraint to attach from a unique index built beforehand."""

    constraint_name: str
    table_name: str
    columns: tuple[str, ...]
    schema: str | None = None
    index_name: str | None = None
    deferrable: bool | None = None
    initially: str | None = None
    nulls_not_distinct: bool | None = None
    include: tuple[str, ...] = ()

    @property
    def source_index_name(self) -> str:
        return self.index_name or self.constraint_name

    def index(self, name: str | None = None) -> IndexSpec:
        """The unique index that backs the constraint (built under ``name`` if given)."""
        options: dict[str, Any] = {
            "postgresql_nulls_not_distinct": self.nulls_not_distinct,
            "postgresql_include": list(self.include) or None,
        }
        return IndexSpec.build(
            name or self.source_index_name,
            self.table_name,
            self.columns,
            schema=self.schema,
            unique=True,
            options=options,
        )

    def scratch_index_name(self) -> str:
        """A stable temporary name, so a re-run after a crash finds its own leftover."""
        return with_suffix(self.source_index_name, "_asu_tmp")

    def describe(self) -> str:
        cols = ", ".join(self.columns)
        return f"unique constraint {self.constraint_name!r} on {self.qualified_table} ({cols})"


def with_suffix(name: str, suffix: str) -> str:
    """``name + suffix`` cut so that it fits PostgreSQL's 63 bytes without splitting a character."""
    budget = POSTGRES_MAX_IDENTIFIER_BYTES - len(suffix.encode("utf-8"))
    head = name.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    return head + suffix
