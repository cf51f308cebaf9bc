"""``autocommit_block()`` refusals, said in env.py terms instead of Alembic's bare assertion.

Both need a live connection's transaction state but no PostgreSQL: an in-memory SQLite
connection has real transactions.
"""

from __future__ import annotations

import pytest
from alembic.runtime.migration import MigrationContext

from alembic_safe_unique import TransactionOwnershipError
from tests.unit.offline import sqlite_connection


def test_a_connection_handed_over_inside_a_transaction_is_refused_with_the_env_py_fix() -> None:
    refused = pytest.raises(TransactionOwnershipError, match=r"connectable\.connect\(\)")
    with sqlite_connection() as connection, connection.begin():
        context = MigrationContext.configure(connection, opts={"transactional_ddl": True})
        with refused, context.autocommit_block():
            pass  # pragma: no cover - refused on entry


def test_nested_autocommit_blocks_are_refused_with_what_to_remove() -> None:
    refused = pytest.raises(TransactionOwnershipError, match=r"cannot nest.*Remove the inner")
    with sqlite_connection() as connection:
        context = MigrationContext.configure(connection, opts={"transactional_ddl": True})
        with context.begin_transaction(), context.autocommit_block():
            with refused, context.autocommit_block():
                pass  # pragma: no cover - refused on entry
            # The outer block is still usable: the refusal changed nothing.
            assert connection.exec_driver_sql("SELECT 1").scalar() == 1
