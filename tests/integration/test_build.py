"""The concurrent build in the real world: duplicates, failed-run leftovers, crashes, timeouts."""

from __future__ import annotations

import re
import signal
import threading

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.processes import build_waiting, failure
from tests.fixtures.project import AlembicProject
from tests.fixtures.tables import ADD_UQ, make_counter_table, wait_until


def test_duplicates_fail_clearly_and_leave_nothing_behind(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 5000, duplicates=3)
    before = schema_snapshot(engine)
    project.write_revision("r1", ADD_UQ)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert "DuplicateKeysError" in result.stderr
    assert "ad_counter (ad_id, day)" in result.stderr
    assert re.search(r"Key \(ad_id, day\)=\(0, [123]\) is duplicated\.", result.stderr)
    query = result.stderr.split("List every duplicate group with:")[1].split(";")[0]
    with engine.connect() as conn:
        groups = conn.execute(sa.text(query)).all()
    assert sorted(groups) == [(0, 1, 2), (0, 2, 2), (0, 3, 2)]
    assert invalid_indexes(engine) == []
    assert schema_snapshot(engine) == before
    assert project.current(engine) is None


def test_a_failed_upgrade_reads_as_one_short_message_with_the_full_chain_on_request(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """Through the ``alembic`` command line, as a deploy log shows it: no traceback."""
    make_counter_table(engine, 5000, duplicates=3)
    project.write_revision("r1", ADD_UQ)

    result = project.cli("upgrade", "head", new_process=True)

    shown = (result.stderr + result.stdout).strip().splitlines()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert len(shown) <= 20, "\n".join(shown)
    message = failure(result.stderr)
    assert message.startswith("DuplicateKeysError: Cannot build unique index 'uq_ad_day' on ")
    assert re.search(r"Key \(ad_id, day\)=\(0, [123]\) is duplicated\.", message)
    assert "alembic-safe-unique dedupe-revision uq_ad_day" in message  # the next step
    assert "FAILED: DuplicateKeysError:" in result.stdout

    chained = project.cli("--raiseerr", "upgrade", "head", new_process=True)
    assert "Traceback" in chained.stderr
    assert "UniqueViolation" in chained.stderr  # the driver's own error, chained
    assert "alembic_safe_unique.errors.DuplicateKeysError" in chained.stderr


def test_invalid_leftover_that_still_rejects_writes_is_found_and_removed(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """A build cancelled after its validation scan leaves an index that is invalid but ready."""
    make_counter_table(engine, 2000)
    holder = engine.connect()
    builder = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        # An old snapshot makes the build wait in its last phase, after validation.
        holder.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
        holder.exec_driver_sql("SELECT 1")
        builder_pid = builder.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        failure: list[BaseException] = []

        def build() -> None:
            try:
                builder.exec_driver_sql(
                    "CREATE UNIQUE INDEX CONCURRENTLY uq_ad_day ON ad_counter (ad_id, day)"
                )
            except sa.exc.DBAPIError as error:
                failure.append(error)

        thread = threading.Thread(target=build)
        thread.start()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
            wait_until(
                lambda: (
                    watcher.execute(
                        sa.text("SELECT phase FROM pg_stat_progress_create_index WHERE pid = :pid"),
                        {"pid": builder_pid},
                    ).scalar()
                    == "waiting for old snapshots"
                )
            )
            watcher.execute(sa.text("SELECT pg_cancel_backend(:pid)"), {"pid": builder_pid})
        thread.join(30)
        assert failure, "the build should have been cancelled"
    finally:
        holder.close()
        builder.close()

    with engine.connect() as conn:
        ready, valid = conn.execute(
            sa.text(
                "SELECT indisready, indisvalid FROM pg_index "
                "WHERE indexrelid = 'uq_ad_day'::regclass"
            )
        ).one()
    assert (ready, valid) == (True, False)
    # Invisible to the planner, yet it still rejects a colliding insert: this is the trap.
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO ad_counter (ad_id, day) VALUES (0, 1)")

    project.write_revision("r1", ADD_UQ)
    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert "Dropping the invalid index uq_ad_day" in result.stderr
    assert "still rejected colliding writes" in result.stderr
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}


def test_build_runs_with_timeouts_off_and_restores_the_session_settings(
    project: AlembicProject, engine: sa.Engine, database_url: sa.URL
) -> None:
    """A role or database with short timeouts must not cancel the build half-way."""
    make_counter_table(engine, 300_000)
    with engine.begin() as conn:
        name = conn.dialect.identifier_preparer.quote(database_url.database or "")
        conn.exec_driver_sql(f"ALTER DATABASE {name} SET statement_timeout = '40ms'")
        conn.exec_driver_sql(f"ALTER DATABASE {name} SET lock_timeout = '20ms'")
        conn.exec_driver_sql("CREATE TABLE seen (name text, value text)")
    project.write_revision(
        "r1",
        ADD_UQ + '\nop.execute("INSERT INTO seen SELECT name, setting FROM pg_settings '
        "WHERE name IN ('statement_timeout', 'lock_timeout')\")",
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    with engine.connect() as conn:
        seen = dict(conn.execute(sa.text("SELECT name, value FROM seen")).all())
    assert seen == {"statement_timeout": "40", "lock_timeout": "20"}


def test_migration_killed_during_build_then_rerun_heals(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """SIGKILL the ``alembic upgrade`` process in the middle of the build, then run it again.

    A writer left open holds the build in its second phase, after the invalid index is in the
    catalog: the state a kill leaves whatever the table's size.
    """
    make_counter_table(engine, 1_000)
    project.write_revision("r1", ADD_UQ)

    with engine.connect() as writer:
        writer.exec_driver_sql("INSERT INTO ad_counter (ad_id, day, hits) VALUES (-1, -1, 1)")
        process = project.popen("upgrade", "head")
        wait_until(lambda: build_waiting(engine), timeout=120)  # the invalid index is in
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        assert process.returncode == -signal.SIGKILL
        writer.commit()

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    # The endings differ by how far the orphaned build got before the re-run looked: the server
    # noticed the dead client (client_connection_check_interval, 14+) and cancelled it, and the
    # re-run drops its invalid leftover; or the re-run finds it still working and waits for it;
    # or it finished first (before 14 nothing stops it) and the re-run reuses the valid index.
    # Every ending must heal, as below.
    assert re.search(
        "Dropping the invalid index uq_ad_day|being built by another session|"
        r"the orphaned build of a killed one\) is working on uq_ad_day|"
        r"Reusing the valid index uq_ad_day built earlier \(same definition\)",
        result.stderr,
    ), result.stderr
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    assert project.current(engine) == "r1"
