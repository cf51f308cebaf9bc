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


def test_a_block_nested_in_another_runs_outside_the_transaction_and_leaves_it_once() -> None:
    """Advanced-Alchemy's template wraps the revision's body, and so every block, in one."""
    with sqlite_connection() as connection:
        context = MigrationContext.configure(connection, opts={"transactional_ddl": True})
        with context.begin_transaction():
            connection.exec_driver_sql("CREATE TABLE t (a INTEGER)")
            with context.autocommit_block():
                with context.autocommit_block():
                    context.connection.exec_driver_sql("INSERT INTO t VALUES (1)")
                # Still the outer block's autocommit connection, usable after the inner one.
                context.connection.exec_driver_sql("INSERT INTO t VALUES (2)")
            # Back in a transaction Alembic owns: what follows can still be rolled back.
            assert context.connection.in_transaction()
            context.connection.exec_driver_sql("INSERT INTO t VALUES (3)")
            context.connection.rollback()
        assert connection.exec_driver_sql("SELECT a FROM t ORDER BY a").scalars().all() == [1, 2]
