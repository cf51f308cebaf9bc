"""Argument checks that run when a revision calls an op, before any SQL is sent."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alembic_safe_unique import (
    CreateUniqueConstraintConcurrentlyOp,
    IdentifierTooLongError,
    InvalidArgumentError,
    SafeUniqueError,
    UnsafeShapeError,
)
from alembic_safe_unique.operations.arguments import (
    check_constraint_columns,
    check_identifier_length,
    column_names,
)


def test_sixty_three_byte_name_is_accepted() -> None:
    op = CreateUniqueConstraintConcurrentlyOp("é" * 31 + "x", "t", ["a"])
    assert len(op.constraint_name.encode()) == 63


def test_errors_are_also_value_errors_for_callers_that_catch_those() -> None:
    with pytest.raises(ValueError):
        CreateUniqueConstraintConcurrentlyOp("uq", "t", [sa.text("lower(a)")])
    assert issubclass(UnsafeShapeError, ValueError)
    assert issubclass(IdentifierTooLongError, ValueError)
    assert issubclass(InvalidArgumentError, (TypeError, ValueError, SafeUniqueError))


def test_identifier_length_names_the_kind_and_the_byte_count() -> None:
    check_identifier_length("index", None)
    check_identifier_length("index", "i" * 63)
    with pytest.raises(IdentifierTooLongError, match=r"The index name 'iii.*' is 70 bytes"):
        check_identifier_length("index", "i" * 70)


@pytest.mark.parametrize(
    ("value", "optional", "expected"),
    [
        (["a", "b"], False, ["a", "b"]),
        (("a",), False, ["a"]),
        ("created_at", True, ["created_at"]),
        (None, True, []),
        ([], True, []),
    ],
)
def test_column_names_accepts_lists_and_single_optional_names(
    value: object, optional: bool, expected: list[str]
) -> None:
    assert column_names("op", "order_by", value, optional=optional) == expected


@pytest.mark.parametrize(
    ("value", "optional", "hint"),
    [
        (
            "a, b",
            True,
            r"order_by must be a list of column names, not the string 'a, b'\. "
            r"Write order_by=\['a', 'b'\]\.",
        ),
        ("a", False, r"Write order_by=\['a'\]"),
        (42, False, "must be a list of column names, got 42"),
        ([], False, "order_by is empty; name the columns"),
        (["a", ""], False, r"must be column names \(non-empty strings\), got ''"),
        (["a", 1], False, r"got 1"),
        (["a", "b", "a", "b"], False, "lists 'a', 'b' more than once"),
    ],
)
def test_column_names_refuses_what_would_be_misread(
    value: object, optional: bool, hint: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=hint):
        column_names("op", "order_by", value, optional=optional)


def test_constraint_columns_point_expressions_to_a_unique_index() -> None:
    with pytest.raises(UnsafeShapeError, match=r"op\.create_index_concurrently\(name, table"):
        check_constraint_columns("uq", [sa.column("a") + 1], {})
    with pytest.raises(UnsafeShapeError, match=r"sqlite_where=\.\.\."):
        check_constraint_columns("uq", ["a"], {"sqlite_where": sa.text("a > 1")})
    check_constraint_columns("uq", ["a"], {"postgresql_where": None})
