"""What changes with the PostgreSQL major, checked on whichever side of each line the server is.

CI runs the suite on every major from 12 to 18 (``nox -s ci``), so each test here meets both
sides of its line there. NULLS NOT DISTINCT (15+) is checked both ways by
``test_include_and_nulls_not_distinct_reach_the_constraint_or_are_refused_up_front``.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from typing import Callable

import sqlalchemy as sa

from tests.fixtures import npm_postgres
from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.docs_samples import commands
from tests.fixtures.npm_postgres import ROOT
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import NPM_SERVER_VARIABLE

ADD_UQ = "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])"

BUILDER = sa.text(
    "SELECT pid FROM pg_stat_progress_create_index "
    "WHERE datname = current_database() AND phase = 'waiting for old snapshots'"
)
ALIVE = sa.text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
INDEX_STATE = sa.text("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('uq_ad_day')")


def wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    """Poll the catalog until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def server_major(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) // 10000


def test_build_of_a_killed_migration_is_cancelled_from_14_and_finishes_orphaned_before(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """``client_connection_check_interval`` (14+) lets the server notice a dead migration.

    The build is held in its last phase by an old snapshot, then ``alembic upgrade`` is killed.
    On 14+ the server sees the client gone and cancels the build while the snapshot is still
    held: an invalid leftover the re-run drops. Before 14 the orphaned build waits on, and once
    the snapshot ends it completes a valid index nobody attached; the re-run attaches it.
    """
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE ad_counter (id serial PRIMARY KEY, ad_id int, day int)")
        conn.exec_driver_sql(
            "INSERT INTO ad_counter (ad_id, day) SELECT g, g FROM generate_series(1, 2000) g"
        )
    project.write_revision("r1", ADD_UQ)
    autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
    with engine.connect() as holder, autocommit.connect() as watcher:
        holder.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
        holder.exec_driver_sql("SELECT 1")
        process = project.popen("upgrade", "head")
        try:
            wait_until(lambda: watcher.execute(BUILDER).scalar() is not None)
            builder = watcher.execute(BUILDER).scalar_one()
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(30)
        if server_major(engine) >= 14:
            # Gone while the snapshot that holds it is still open: cancelled, not finished.
            wait_until(lambda: watcher.execute(ALIVE, {"pid": builder}).scalar() == 0)
            holder.rollback()
            assert watcher.execute(INDEX_STATE).scalar() is False
            expected_rerun = "Dropping the invalid index uq_ad_day"
        else:
            holder.rollback()
            wait_until(lambda: watcher.execute(ALIVE, {"pid": builder}).scalar() == 0)
            assert watcher.execute(INDEX_STATE).scalar() is True
            expected_rerun = "Reusing the valid index uq_ad_day built earlier"

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert expected_rerun in result.stderr
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}


def test_documented_commands_name_a_real_session_and_the_variable_the_suite_reads() -> None:
    nox_line, pytest_line = commands("server_versions.sh")
    sessions = subprocess.run(
        [sys.executable, "-m", "nox", "-l"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert nox_line[:2] == [".venv/bin/nox", "-s"]
    assert f"- {nox_line[2]}" in sessions, sessions
    variable, major = pytest_line[0].split("=")
    assert variable == NPM_SERVER_VARIABLE
    assert major in npm_postgres.MAJORS
    assert pytest_line[1:] == [".venv/bin/python", "-m", "pytest", "-q"]
