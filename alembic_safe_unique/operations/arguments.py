"""Checks that need no database: they run when a revision calls the op, before any SQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from alembic_safe_unique.errors import (
    IdentifierTooLongError,
    InvalidArgumentError,
    UnsafeShapeError,
)
from alembic_safe_unique.postgresql.naming import POSTGRES_MAX_IDENTIFIER_BYTES

# SQLAlchemy 1.4 lacks a psycopg 3 dialect and some PostgreSQL options on constraints.
SQLALCHEMY_1_4 = int(sa.__version__.split(".")[0]) < 2

# Index options that ``ADD CONSTRAINT ... USING INDEX`` refuses.
_INDEX_ONLY_OPTIONS = {
    "postgresql_where": "a partial (WHERE) unique",
    "postgresql_ops": "a non-default operator class",
    "postgresql_using": "a non-btree access method",
    "sqlite_where": "a partial (WHERE) unique",
}


def check_identifier_length(kind: str, name: str | None) -> None:
    """Refuse names PostgreSQL would truncate silently, which breaks every later lookup."""
    if name is None:
        return
    size = len(str(name).encode("utf-8"))
    if size > POSTGRES_MAX_IDENTIFIER_BYTES:
        raise IdentifierTooLongError(
            f"The {kind} name {str(name)!r} is {size} bytes long; PostgreSQL keeps only the first "
            f"{POSTGRES_MAX_IDENTIFIER_BYTES} bytes and would store it under another name. "
            "Choose a shorter name (or a naming convention that produces one)."
        )


def column_names(operation: str, what: str, value: Any, *, optional: bool = False) -> list[str]:
    """A list of distinct column names, or an error saying how to write one.

    The key columns must be a list, as in Alembic's own operations; the optional ones
    (``order_by``, ``sum_columns``) may be one name, but never a comma-separated string:
    ``"ad_id, day"`` would otherwise be taken as a single column of that name.
    """
    if isinstance(value, str) and optional and "," not in value and value.strip():
        value = [value]
    if isinstance(value, str):
        names = [part.strip() for part in value.split(",") if part.strip()] or [value]
        raise InvalidArgumentError(
            f"{operation}: {what} must be a list of column names, not the string {value!r}. "
            f"Write {what}={names!r}."
        )
    if value is None and optional:
        return []
    try:
        names = list(value)
    except TypeError:
        raise InvalidArgumentError(
            f"{operation}: {what} must be a list of column names, got {value!r}."
        ) from None
    if not names and not optional:
        raise InvalidArgumentError(
            f"{operation}: {what} is empty; name the columns the unique will cover."
        )
    for name in names:
        if not isinstance(name, str) or not name:
            raise InvalidArgumentError(
                f"{operation}: {what} must be column names (non-empty strings), got {name!r}."
            )
    check_distinct(operation, what, names)
    return names


def check_distinct(operation: str, what: str, names: Sequence[Any]) -> None:
    """A column listed twice is a typo: the unique would not be the one the model declares."""
    seen: set[str] = set()
    repeated = []
    for name in names:
        key = str(name)
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    if repeated:
        raise InvalidArgumentError(
            f"{operation}: {what} lists {', '.join(map(repr, repeated))} more than once; "
            "name each column once."
        )


def check_constraint_columns(
    constraint_name: str | None, columns: Sequence[Any], options: Mapping[str, Any]
) -> None:
    """Refuse shapes that can be a unique index but never a unique constraint."""
    if isinstance(columns, str) or not columns:
        column_names(f"Unique constraint {constraint_name!r}", "columns", columns)
    for column in columns:
        if not isinstance(column, str):
            raise UnsafeShapeError(
                f"Unique constraint {constraint_name!r} has the expression {column!s} among its "
                "columns. PostgreSQL cannot attach an expression index as a constraint: use "
                "op.create_index_concurrently(name, table, [...], unique=True) instead."
            )
    for option, what in _INDEX_ONLY_OPTIONS.items():
        if options.get(option) is not None:
            raise UnsafeShapeError(
                f"Unique constraint {constraint_name!r} asks for {what} ({option}=...). "
                "PostgreSQL can only enforce that as a unique index, never as a constraint: use "
                f"op.create_index_concurrently(name, table, columns, unique=True, {option}=...) "
                "instead."
            )
    check_distinct(f"Unique constraint {constraint_name!r}", "columns", columns)
    unknown = sorted(set(options) - set(_INDEX_ONLY_OPTIONS))
    if unknown:
        raise InvalidArgumentError(
            f"Unexpected keyword argument(s) for unique constraint {constraint_name!r}: "
            f"{', '.join(unknown)}"
        )


def require_sqlalchemy_2(feature: str) -> None:
    """SQLAlchemy 1.4 cannot express some PostgreSQL options on constraints."""
    if SQLALCHEMY_1_4:
        raise InvalidArgumentError(
            f"{feature} needs SQLAlchemy 2.0 or later (this is {sa.__version__}). Upgrade "
            "SQLAlchemy or drop the option."
        )
