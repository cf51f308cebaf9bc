"""Raw SQL in revisions, read with PostgreSQL's own parser: which statements lock a table."""

from __future__ import annotations

import pytest

from alembic_safe_unique.lint.sql import analyse
from alembic_safe_unique.lint.state import WalkState


def rules(sql: str, state: WalkState | None = None) -> list[str]:
    return [rule.id for rule, _message in analyse(sql, state or WalkState())]


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ('ALTER TABLE "Ad Counter" ADD CONSTRAINT "Uq" UNIQUE (a)', ["ASU001"]),
        ("CREATE UNIQUE INDEX uq_code ON ad_counter (code)", ["ASU002"]),
        ("CREATE INDEX CONCURRENTLY ix_c ON ad_counter (hits)", ["ASU003"]),
        ("DROP INDEX ix_x", ["ASU004"]),
        ("ALTER TABLE ad_counter ADD COLUMN slug text UNIQUE", ["ASU005"]),
        ("ALTER TABLE ad_counter ADD CONSTRAINT uq_z UNIQUE USING INDEX uq_z", []),
        ("SELECT 1", []),
    ],
)
def test_each_locking_pattern_is_found_in_raw_sql(sql: str, expected: list[str]) -> None:
    assert rules(sql) == expected


def test_a_table_created_earlier_in_the_same_sql_has_no_rows_to_protect() -> None:
    state = WalkState()
    assert rules("CREATE TABLE tag (id int); CREATE INDEX ix_tag ON tag (id)", state) == []
    assert state.is_new("tag", None)


def test_a_drop_constraint_is_bounded_only_by_a_lock_timeout_in_force() -> None:
    state = WalkState()
    assert rules("ALTER TABLE t DROP CONSTRAINT uq", state) == ["ASU006"]
    assert rules("SET LOCAL lock_timeout = '1s'; ALTER TABLE t DROP CONSTRAINT uq", state) == []
    state.enter(in_autocommit_block=True)  # each statement commits: SET LOCAL is gone
    assert rules("ALTER TABLE t DROP CONSTRAINT uq", state) == ["ASU006"]


def test_sql_the_parser_rejects_is_reported_as_not_analysed() -> None:
    ((rule, message),) = analyse("SELEC nonsense", WalkState())
    assert rule.id == "ASU900"
    assert "raw SQL not analysed ('SELEC nonsense')" in message
    assert 'syntax error at or near "SELEC"' in message


def test_a_raw_commit_before_a_concurrent_build_is_the_known_idiom_not_a_finding() -> None:
    """``op.execute("COMMIT")`` ends Alembic's transaction: what follows runs outside one."""
    state = WalkState()
    state.enter(False)
    assert analyse("COMMIT", state) == []
    state.enter(False)  # the next op, as the recorder reports it: outside a block
    assert analyse("CREATE UNIQUE INDEX CONCURRENTLY uq ON t (a)", state) == []
    assert analyse("BEGIN", state) == []
    state.enter(False)
    hits = analyse("CREATE INDEX CONCURRENTLY ix ON t (b)", state)
    assert [rule.id for rule, _message in hits] == ["ASU003"]


def test_statements_inside_a_do_block_are_read_as_they_would_run() -> None:
    do_block = """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'uq_code') THEN
            ALTER TABLE ad_counter ADD CONSTRAINT uq_code UNIQUE (code);
        END IF;
        EXECUTE 'DROP INDEX ix_old';
    END
    $$;
    """
    assert rules(do_block) == ["ASU001", "ASU004"]


def test_a_do_block_lint_cannot_read_is_a_notice_saying_so() -> None:
    built = "DO $$ BEGIN EXECUTE format('DROP INDEX %I', 'ix_old'); END $$"
    ((rule, message),) = analyse(built, WalkState())
    assert rule.id == "ASU900"
    assert "EXECUTE format('DROP INDEX %I', 'ix_old') builds its SQL at run time" in message
    ((rule, message),) = analyse("DO LANGUAGE plpython3u $$ plpy.execute('x') $$", WalkState())
    assert rule.id == "ASU900" and "DO block in plpython3u not read" in message


@pytest.mark.parametrize(
    ("created", "used"),
    [("widgets", "public.widgets"), ("public.widgets", "widgets"), ("widgets", '"public".widgets')],
)
def test_the_public_schema_and_no_schema_name_the_same_table(created: str, used: str) -> None:
    state = WalkState()
    assert rules(f"CREATE TABLE {created} (id int); CREATE INDEX ix ON {used} (id)", state) == []
    assert state.is_new("widgets", "public") and state.is_new("widgets", None)
    assert not state.is_new("widgets", "tenant_a")


def test_every_constraint_drop_needs_a_lock_timeout() -> None:
    assert rules("ALTER TABLE t DROP CONSTRAINT ck_positive") == ["ASU006"]
