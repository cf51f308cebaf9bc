"""Importing the package changes nothing for a migration context it cannot inspect.

Alembic's ``op_fixture("postgresql")`` runs ops online over a ``mock.Mock`` connection: Alembic's
own suite does, and so do users' unit tests of their revisions. Every patch the package puts
around Alembic must then do exactly what Alembic alone does; only the package's own ops, which
must read the catalog, refuse, with an error that says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.operations import Operations
from alembic.operations import ops as alembic_ops
from alembic.runtime.migration import MigrationContext

import alembic_safe_unique
from alembic_safe_unique import config
from alembic_safe_unique.util import alembic_internals


def op_fixture(dialect: str) -> Any:
    """Alembic's own test fixture. Importing ``alembic.testing`` needs SQLAlchemy's pytest plugin
    on SQLAlchemy 1.4 (not loaded here): there the tests are skipped, saying so."""
    try:
        from alembic.testing.fixtures import op_fixture as alembic_op_fixture
    except AttributeError as error:  # sqlalchemy.testing's plugin hooks are not set up
        pytest.skip(f"alembic.testing cannot be imported without SQLAlchemy's plugin: {error}")
    return alembic_op_fixture(dialect)


PLAIN_OPS: dict[str, Callable[[Operations], object]] = {
    "create_index": lambda op: op.create_index("ix_t_a", "t", ["a"]),
    "create_unique_index": lambda op: op.create_index("uq_t_a", "t", ["a"], unique=True),
    "create_unique_constraint": lambda op: op.create_unique_constraint("uq_t_a", "t", ["a"]),
    "add_column_unique": lambda op: op.add_column("t", sa.Column("b", sa.Integer, unique=True)),
}
WRAPPED = {
    "create_index": alembic_ops.CreateIndexOp,
    "create_unique_index": alembic_ops.CreateIndexOp,
    "create_unique_constraint": alembic_ops.CreateUniqueConstraintOp,
    "add_column_unique": alembic_ops.AddColumnOp,
}


@pytest.fixture(params=["warn", "refuse", "rewrite"])
def strictest_guard(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each guard mode, with every table counted as big (unsafe_ops_min_rows=0)."""
    alembic_safe_unique.configure(unsafe_ops=request.param, unsafe_ops_min_rows=0)
    yield request.param
    config.reset()


def _sql(context: Any) -> list[str]:
    return list(context.get_buf().lines)


@pytest.mark.parametrize("name", list(PLAIN_OPS))
def test_plain_ops_on_a_mocked_connection_emit_what_alembic_emits(
    name: str, strictest_guard: str
) -> None:
    guarded = op_fixture("postgresql")
    PLAIN_OPS[name](Operations(guarded))

    alembic_only = op_fixture("postgresql")
    implementation = alembic_internals.implementation_of(WRAPPED[name])
    original = implementation.__wrapped__
    operation = _captured_operation(name)
    original(Operations(alembic_only), operation)

    assert _sql(guarded) == _sql(alembic_only)
    assert _sql(guarded), "the op emitted nothing"


def _captured_operation(name: str) -> Any:
    """The MigrateOperation that ``op.<name>(...)`` builds, without running it."""
    captured: list[Any] = []
    recorder = Operations(op_fixture("postgresql"))
    recorder.invoke = captured.append  # type: ignore[method-assign]
    PLAIN_OPS[name](recorder)
    return captured[0]


def test_autocommit_block_on_a_mocked_connection_is_alembics_own() -> None:
    def outcome(block: Callable[[MigrationContext], Any]) -> tuple[list[str], str]:
        context = op_fixture("postgresql")
        try:
            with block(context):
                Operations(context).execute("ALTER TYPE mood ADD VALUE 'soso'")
        except Exception as error:  # whatever Alembic does here, the package does too
            return _sql(context), type(error).__name__
        return _sql(context), ""

    patched = MigrationContext.autocommit_block
    assert outcome(patched) == outcome(patched.__wrapped__)  # type: ignore[attr-defined]


def test_the_packages_own_op_on_a_mocked_connection_says_what_it_needs() -> None:
    context = op_fixture("postgresql")
    with pytest.raises(alembic_safe_unique.NotAConnectionError, match="live SQLAlchemy") as error:
        Operations(context).create_unique_constraint_concurrently("uq_t_a", "t", ["a"])
    assert "Mock" in str(error.value)
    assert "--sql" in str(error.value)
    assert _sql(context) == []
