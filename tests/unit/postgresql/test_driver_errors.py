"""SQLSTATE and DETAIL read the same way from each driver's own exception classes."""

from __future__ import annotations

import asyncpg.exceptions
import psycopg.errors
import pytest
import sqlalchemy as sa

from alembic_safe_unique.postgresql.driver_errors import error_detail, sqlstate


@pytest.mark.parametrize(
    "error",
    [
        psycopg.errors.UniqueViolation("duplicate key\nDETAIL:  Key (a)=(1) already exists."),
        asyncpg.exceptions.UniqueViolationError("duplicate key"),
    ],
    ids=["psycopg", "asyncpg"],
)
def test_sqlstate_is_found_behind_sqlalchemys_wrapper(error: Exception) -> None:
    wrapped = sa.exc.IntegrityError("INSERT ...", {}, error)
    assert sqlstate(wrapped) == sqlstate(error) == "23505"


def test_detail_line_is_read_from_the_message_when_the_driver_has_no_field() -> None:
    error = psycopg.errors.UniqueViolation("duplicate key\nDETAIL:  Key (a)=(1) already exists.")
    assert error_detail(sa.exc.IntegrityError("INSERT ...", {}, error)) == (
        "Key (a)=(1) already exists."
    )
    assert error_detail(ValueError("no detail here")) is None
    assert sqlstate(ValueError("not a driver error")) is None
