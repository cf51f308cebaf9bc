"""``alembic upgrade --sql``: the script a DBA would run, in order, and squawk's verdict on it."""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa

from tests.fixtures.project import AlembicProject
from tests.fixtures.tools import psql, squawk

BASE_TABLE = """
op.create_table('ad_counter', sa.Column('id', sa.Integer, primary_key=True),
                sa.Column('ad_id', sa.Integer), sa.Column('day', sa.Date))
"""


def statements(script: str) -> list[str]:
    """The script's statements, comments dropped, whitespace folded."""
    body = "\n".join(line for line in script.splitlines() if not line.startswith("--"))
    return [" ".join(part.split()) for part in body.split(";") if part.strip()]


def test_offline_script_frames_the_build_outside_a_transaction(project: AlembicProject) -> None:
    project.write_revision("r0", BASE_TABLE)
    project.write_revision(
        "r1",
        "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
        down_revision="r0",
    )
    script = project.upgrade_sql("r0:head")
    found = statements(script)
    start = found.index("COMMIT")
    assert found[start : start + 17] == [
        "COMMIT",
        "SET lock_timeout = 0",
        "SET statement_timeout = 0",
        "SET max_parallel_maintenance_workers = 0",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_ad_day ON ad_counter (ad_id, day)",
        "RESET lock_timeout",
        "RESET statement_timeout",
        "RESET max_parallel_maintenance_workers",
        "BEGIN",
        "SET LOCAL lock_timeout = 1000",
        "SET LOCAL statement_timeout = 30000",
        "SET LOCAL idle_in_transaction_session_timeout = 3000",
        "DO $alembic_safe_unique$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
        "conrelid = to_regclass('ad_counter') AND conname = 'uq_ad_day') THEN ALTER TABLE "
        "ad_counter ADD CONSTRAINT uq_ad_day UNIQUE USING INDEX uq_ad_day",
        "END IF",
        "END $alembic_safe_unique$",
        "COMMIT",
        "BEGIN",
    ]
    assert re.search(r"-- .*INVALID index", script)


def test_offline_script_runs_in_psql_and_squawk_finds_no_issue(
    project: AlembicProject, engine: sa.Engine, tmp_path: Path
) -> None:
    project.write_revision("r0", BASE_TABLE)
    project.write_revision(
        "r1",
        """
        op.create_unique_constraint_concurrently(
            'uq_ad_day', 'ad_counter', ['ad_id', 'day'], lock_timeout_ms=250)
        op.create_index_concurrently(
            'ix_recent', 'ad_counter', ['day'], postgresql_where=sa.text('ad_id > 10'))
        """,
        "op.drop_index_concurrently('ix_recent')\nop.drop_constraint('uq_ad_day', 'ad_counter')",
        down_revision="r0",
    )
    project.upgrade("r0")
    script_path = tmp_path / "upgrade.sql"
    script_path.write_text(project.upgrade_sql("r0:head"))

    verdict = squawk(script_path)
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr

    # The same script, run twice with psql as a DBA would: it builds, attaches, and a second
    # run (after a failure part-way, say) changes nothing and fails on nothing.
    for _ in range(2):
        psql(engine, script_path)
    with engine.connect() as conn:
        kinds = dict(
            conn.execute(
                sa.text(
                    "SELECT conname, contype FROM pg_constraint "
                    "WHERE conrelid = 'ad_counter'::regclass"
                )
            ).all()
        )
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert kinds.get("uq_ad_day") == "u"
    assert version == "r1"
