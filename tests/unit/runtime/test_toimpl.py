"""The offline (``alembic upgrade --sql``) script of each op, as ``runtime/toimpl.py`` writes it.

The script is run by psql or handed to a DBA: each concurrent statement must sit between a
``COMMIT`` and a ``BEGIN`` (outside any transaction), with both timeouts off around it, and
each short-lock step in a transaction of its own under ``SET LOCAL lock_timeout``.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alembic_safe_unique import SafeUniqueError
from tests.unit.offline import offline_migration

OUTSIDE_TRANSACTION_HEAD = ["COMMIT", "SET lock_timeout = 0", "SET statement_timeout = 0"]
OUTSIDE_TRANSACTION_TAIL = ["RESET lock_timeout", "RESET statement_timeout", "BEGIN"]
# A build also runs as one process (parallel_workers=0 by default), reset with the timeouts.
BUILD_HEAD = [*OUTSIDE_TRANSACTION_HEAD, "SET max_parallel_maintenance_workers = 0"]
BUILD_TAIL = [
    "RESET lock_timeout",
    "RESET statement_timeout",
    "RESET max_parallel_maintenance_workers",
    "BEGIN",
]
TABLE = '"My Schema"."Ad Counter"'


def concurrently(statement: str) -> list[str]:
    """``statement`` as the script runs it: committed out of the transaction, timeouts off;
    a build (CREATE ... INDEX) also without parallel maintenance workers."""
    if statement.startswith("CREATE"):
        return [*BUILD_HEAD, statement, *BUILD_TAIL]
    return [*OUTSIDE_TRANSACTION_HEAD, statement, *OUTSIDE_TRANSACTION_TAIL]


def short_lock(*statements: str, lock_timeout_ms: int = 1000) -> list[str]:
    """``statements`` in the migration's transaction, bounded, then committed on their own."""
    return [
        f"SET LOCAL lock_timeout = {lock_timeout_ms}",
        "SET LOCAL statement_timeout = 30000",
        # what a frozen client may hold the lock for: three times lock_timeout, at least 1 s
        f"SET LOCAL idle_in_transaction_session_timeout = {max(3 * lock_timeout_ms, 1000)}",
        *statements,
        "COMMIT",
        "BEGIN",
    ]


def test_create_unique_constraint_concurrently_builds_then_attaches() -> None:
    with offline_migration() as (op, script):
        op.create_unique_constraint_concurrently(
            'Uq "Ad" Day',
            "Ad Counter",
            ["Ad Id", "day"],
            schema="My Schema",
            deferrable=True,
            initially="DEFERRED",
            lock_timeout_ms=250,
        )
    assert script.statements() == [
        "BEGIN",
        *concurrently(
            'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Uq ""Ad"" Day" '
            f'ON {TABLE} ("Ad Id", day)'
        ),
        *short_lock(
            "DO $alembic_safe_unique$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
            'conrelid = to_regclass(\'"My Schema"."Ad Counter"\') AND conname = '
            '\'Uq "Ad" Day\') THEN ALTER TABLE "My Schema"."Ad Counter" ADD CONSTRAINT '
            '"Uq ""Ad"" Day" UNIQUE USING INDEX "Uq ""Ad"" Day" DEFERRABLE INITIALLY DEFERRED; '
            "END IF; END $alembic_safe_unique$",
            lock_timeout_ms=250,
        ),
        "COMMIT",
    ]
    # The reader is told that a failed build leaves an INVALID index to drop before a re-run.
    assert any("DROP INDEX CONCURRENTLY before running" in line for line in script.comments())


def test_an_unnamed_constraint_gets_the_name_postgresql_would_give_it() -> None:
    with offline_migration() as (op, script):
        op.create_unique_constraint_concurrently(None, "Ad Counter", ["Ad Id", "day"])
    built = [s for s in script.statements() if "CONCURRENTLY" in s]
    assert built == [
        'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Ad Counter_Ad Id_day_key" '
        'ON "Ad Counter" ("Ad Id", day)'
    ]


def test_attach_unique_constraint_attaches_the_named_index() -> None:
    with offline_migration() as (op, script):
        op.attach_unique_constraint("Uq Ad", "Ad Counter", ["Ad Id"], index_name="Ix Built")
    assert script.statements() == [
        "BEGIN",
        *concurrently(
            'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Ix Built" ON "Ad Counter" ("Ad Id")'
        ),
        *short_lock(
            "DO $alembic_safe_unique$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
            "conrelid = to_regclass('\"Ad Counter\"') AND conname = 'Uq Ad') THEN ALTER TABLE "
            '"Ad Counter" ADD CONSTRAINT "Uq Ad" UNIQUE USING INDEX "Ix Built"; END IF; '
            "END $alembic_safe_unique$"
        ),
        "COMMIT",
    ]


def test_detach_builds_the_guard_index_before_dropping_the_constraint() -> None:
    with offline_migration() as (op, script):
        op.detach_unique_constraint("Uq Ad", "Ad Counter", ["Ad Id"], index_name="Ix Kept")
    assert script.statements() == [
        "BEGIN",
        *concurrently(
            'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Ix Kept" ON "Ad Counter" ("Ad Id")'
        ),
        *short_lock('ALTER TABLE "Ad Counter" DROP CONSTRAINT "Uq Ad"'),
        "COMMIT",
    ]


def test_create_index_concurrently_keeps_expressions_and_where() -> None:
    with offline_migration() as (op, script):
        op.create_index_concurrently(
            "Ix Active",
            "Ad Counter",
            ["Ad Id", sa.text("lower(code)")],
            schema="My Schema",
            unique=True,
            postgresql_where=sa.text("hits > 0"),
        )
    assert script.statements() == [
        "BEGIN",
        *concurrently(
            'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Ix Active" '
            f'ON {TABLE} ("Ad Id", (lower(code))) WHERE hits > 0'
        ),
        "COMMIT",
    ]


def test_drop_index_concurrently_is_safe_to_run_again() -> None:
    with offline_migration() as (op, script):
        op.drop_index_concurrently("Ix Active", "Ad Counter", schema="My Schema")
    assert script.statements() == [
        "BEGIN",
        *concurrently('DROP INDEX CONCURRENTLY IF EXISTS "My Schema"."Ix Active"'),
        "COMMIT",
    ]


def test_drop_unique_constraint_says_why_above_the_statement() -> None:
    with offline_migration() as (op, script):
        op.drop_unique_constraint("Uq Ad", "Ad Counter", ["Ad Id", "day"], lock_timeout_ms=500)
    assert script.statements() == [
        "BEGIN",
        "COMMIT",
        "BEGIN",
        *short_lock(
            'ALTER TABLE "Ad Counter" DROP CONSTRAINT IF EXISTS "Uq Ad"', lock_timeout_ms=500
        ),
        "COMMIT",
    ]
    assert script.comments() == [
        "-- The model no longer declares unique constraint 'Uq Ad' on Ad Counter (Ad Id, day).",
        "-- squawk-ignore ban-drop-constraint",
    ]


def test_replace_unique_constraint_swaps_in_one_short_transaction() -> None:
    with offline_migration() as (op, script):
        op.replace_unique_constraint(
            "Uq Ad", "Ad Counter", ["Ad Id", "day"], previous_columns=["Ad Id"]
        )
    assert script.statements() == [
        "BEGIN",
        *concurrently(
            'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Uq Ad_asu_new" '
            'ON "Ad Counter" ("Ad Id", day)'
        ),
        *short_lock(
            'ALTER TABLE "Ad Counter" DROP CONSTRAINT IF EXISTS "Uq Ad"',
            'ALTER TABLE "Ad Counter" ADD CONSTRAINT "Uq Ad" UNIQUE USING INDEX "Uq Ad_asu_new"',
        ),
        "COMMIT",
    ]


def test_set_local_timeouts_stays_in_the_migration_transaction() -> None:
    with offline_migration() as (op, script):
        op.set_local_timeouts(lock_timeout_ms=2000, statement_timeout_ms=60000)
    assert script.statements() == [
        "BEGIN",
        "SET LOCAL lock_timeout = 2000",
        "SET LOCAL statement_timeout = 60000",
        "COMMIT",
    ]


def test_inside_the_revisions_own_autocommit_block_no_second_commit_begin_pair() -> None:
    with offline_migration() as (op, script), op.get_context().autocommit_block():
        op.create_index_concurrently("ix", "t", ["a"])
        op.drop_index_concurrently("ix_old")
    assert script.statements() == [
        "BEGIN",
        "COMMIT",
        "SET lock_timeout = 0",
        "SET statement_timeout = 0",
        "SET max_parallel_maintenance_workers = 0",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON t (a)",
        "RESET lock_timeout",
        "RESET statement_timeout",
        "RESET max_parallel_maintenance_workers",
        "SET lock_timeout = 0",
        "SET statement_timeout = 0",
        "DROP INDEX CONCURRENTLY IF EXISTS ix_old",
        "RESET lock_timeout",
        "RESET statement_timeout",
        "BEGIN",
        "COMMIT",
    ]


def test_a_block_nested_in_the_templates_block_writes_one_commit_begin_pair() -> None:
    """Advanced-Alchemy's template wraps the body in a block; the rewriter's block sits inside."""
    with offline_migration() as (op, script), op.get_context().autocommit_block():
        with op.get_context().autocommit_block():
            op.create_index_concurrently("Uq Ad", "Ad Counter", ["ad_id"], unique=True)
        op.execute("SELECT 1")
    assert script.statements() == [
        "BEGIN",
        "COMMIT",
        "SET lock_timeout = 0",
        "SET statement_timeout = 0",
        "SET max_parallel_maintenance_workers = 0",
        'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Uq Ad" ON "Ad Counter" (ad_id)',
        "RESET lock_timeout",
        "RESET statement_timeout",
        "RESET max_parallel_maintenance_workers",
        "SELECT 1",
        "BEGIN",
        "COMMIT",
    ]


def test_set_local_timeouts_in_an_autocommit_block_set_until_the_block_ends() -> None:
    """No transaction for SET LOCAL to last in the block: SET, then RESET before its BEGIN."""
    with offline_migration() as (op, script):
        with op.get_context().autocommit_block():
            op.set_local_timeouts(lock_timeout_ms=2000, statement_timeout_ms=60000)
            op.add_column("Ad Counter", sa.Column("Hits", sa.Integer()))
            op.set_local_timeouts(lock_timeout_ms=500)
        op.add_column("Ad Counter", sa.Column("Day", sa.Date()))
    assert script.statements() == [
        "BEGIN",
        "COMMIT",
        "SET lock_timeout = 2000",
        "SET statement_timeout = 60000",
        'ALTER TABLE "Ad Counter" ADD COLUMN "Hits" INTEGER',
        "SET lock_timeout = 500",
        "RESET lock_timeout",
        "RESET statement_timeout",
        "BEGIN",
        'ALTER TABLE "Ad Counter" ADD COLUMN "Day" DATE',
        "COMMIT",
    ]


def test_deduplicate_rows_offline_is_one_transaction_with_literal_values() -> None:
    with offline_migration() as (op, script):
        report = op.deduplicate_rows(
            "Ad Counter", ["Ad Id", "day"], order_by=["id"], sum_columns=["hits"]
        )
    assert report is None  # nothing was counted: no database
    statements = script.statements()
    assert statements[0] == "BEGIN"
    work_table = "pg_temp.alembic_safe_unique_duplicates"  # never a tenant's table of that name
    assert statements[1] == statements[-2] == "DROP TABLE IF EXISTS " + work_table
    assert statements[2].startswith("CREATE TEMPORARY TABLE alembic_safe_unique_duplicates AS")
    assert statements[3].startswith("WITH locked AS")
    assert 'DELETE FROM "Ad Counter"' in statements[3]
    assert statements[-1] == "COMMIT"
    assert len(statements) == 6
    assert "%(" not in script.text, "bound parameters would not run in psql"
    assert script.comments() == [
        "-- Deduplicating Ad Counter (Ad Id, day), keeping the newest by id and adding hits "
        "into it.",
        "-- Offline scripts cannot batch: this runs as one transaction over every duplicate.",
    ]


def test_deduplicate_rows_offline_needs_order_by_and_says_so() -> None:
    hint = r"pass order_by=\[\.\.\.\] to op.deduplicate_rows for Ad Counter"
    with pytest.raises(SafeUniqueError, match=hint), offline_migration() as (op, _script):
        op.deduplicate_rows("Ad Counter", ["Ad Id"])
