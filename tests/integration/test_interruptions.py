"""A build cut short (terminated backend, Ctrl-C): the last thing the user reads is the truth."""

from __future__ import annotations

import signal
import threading

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.processes import Run, build_waiting, failure, old_snapshot, until
from tests.fixtures.project import AlembicProject

TABLE = '"Ad Counter"'
ADD_UQ = "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])"


def make_table(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (1, 1), (2, 1)')
        conn.exec_driver_sql("CREATE TABLE other (x int)")


def last_line(stderr: str) -> str:
    return failure(stderr)


def index_state(engine: sa.Engine) -> str:
    with engine.connect() as conn:
        valid = conn.execute(
            sa.text("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(:name)"),
            {"name": '"uq ad day"'},
        ).scalar()
    return "none" if valid is None else "valid" if valid else "invalid"


def test_terminated_backend_reads_as_lost_connection_not_a_follow_on_error(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    project.write_revision("r1", ADD_UQ)
    with old_snapshot(engine):
        run = Run(project)
        until(lambda: build_waiting(engine), "the build waits for the old snapshot")
        with engine.connect() as admin:
            admin.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_progress_create_index"
            )
        code = run.wait()

    assert code != 0
    assert last_line(run.stderr).startswith(
        "ConnectionLostError: The connection to the server was lost "
        "during the build of uq ad day on public.Ad Counter"
    ), run.stderr
    assert "Run the migration again: it removes the invalid index" in run.stderr
    assert "PendingRollbackError" not in run.stderr

    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}


def test_ctrl_c_during_the_build_says_what_it_left_and_a_rerun_heals(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    project.write_revision("r1", ADD_UQ)
    with old_snapshot(engine):
        run = Run(project)
        until(lambda: build_waiting(engine), "the build waits for the old snapshot")
        run.process.send_signal(signal.SIGINT)
    # Drivers differ in when they notice the signal (psycopg 3 cancels the statement at
    # once; psycopg2 only once the server answers): the message must match what is there.
    code = run.wait()

    assert code != 0
    final = last_line(run.stderr)
    assert final.startswith(
        "BuildInterruptedError: The build of uq ad day on public.Ad Counter was interrupted."
    ), run.stderr
    expected = {
        "invalid": "An invalid index uq ad day remains",
        "valid": "The index uq ad day was built and is valid",
        "none": "No index was left behind",
    }[index_state(engine)]
    assert expected in final, run.stderr
    assert "PendingRollbackError" not in run.stderr
    assert "KeyboardInterrupt" not in run.stderr
    assert project.current(engine) is None

    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}


def blocker_pid(conn: sa.Connection) -> int:
    return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_a_build_waiting_for_an_old_snapshot_gives_up_after_wait_timeout_and_names_it(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    project.configure_in_env("wait_timeout_s=2")
    project.write_revision("r1", ADD_UQ)
    with engine.connect() as blocker:
        blocker.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
        blocker.exec_driver_sql("SELECT count(*) FROM other")
        pid = blocker_pid(blocker)

        result = project.cli("upgrade", "head")

        assert result.returncode != 0
        final = last_line(result.stderr)
        assert final.startswith(
            "WaitTimeoutError: The build of uq ad day on "
            "public.Ad Counter "
            "waited for other sessions for more than 2 s (wait_timeout_s) and was cancelled. "
            f"It was waiting for: pid {pid} (idle in transaction for"
        ), result.stderr
        assert "The unfinished index was dropped; nothing else is left behind." in final
        assert f"SELECT pg_terminate_backend({pid});" in final
        assert index_state(engine) == "none"
        blocker.rollback()
    assert project.current(engine) is None
    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}


def test_a_writer_idle_in_transaction_keeps_the_leftover_which_the_rerun_removes(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    project.write_revision("r1", ADD_UQ.replace("])", "], wait_timeout_s=2)"))
    with engine.connect() as writer:
        writer.exec_driver_sql(f'UPDATE {TABLE} SET "Day" = 2 WHERE ad_id = 2')
        pid = blocker_pid(writer)

        result = project.cli("upgrade", "head")

        assert result.returncode != 0
        final = last_line(result.stderr)
        assert "WaitTimeoutError" in final, result.stderr
        assert f"It was waiting for: pid {pid} (idle in transaction" in final
        assert (
            "The unfinished index uq ad day stays for now (dropping it would wait for the same "
            "sessions); the re-run removes it first." in final
        )
        assert index_state(engine) == "invalid"  # what the message says stays, stays
        writer.rollback()
    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert "Dropping the invalid index uq ad day" in rerun.stderr
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}


def test_a_build_of_the_same_index_by_someone_else_is_waited_for_then_named(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """A DBA's own CREATE INDEX CONCURRENTLY of the same name, stuck behind an old snapshot."""
    make_table(engine)
    project.configure_in_env("other_build_wait_s=1")
    project.write_revision("r1", ADD_UQ)
    with engine.connect() as dba:
        dba_pid = blocker_pid(dba)
        dba_role = dba.exec_driver_sql("SELECT current_user").scalar()
        dba.commit()
        statement = f'CREATE UNIQUE INDEX CONCURRENTLY "uq ad day" ON {TABLE} (ad_id, "Day")'
        autocommit = dba.execution_options(isolation_level="AUTOCOMMIT")
        thread = threading.Thread(target=lambda: autocommit.exec_driver_sql(statement))
        with old_snapshot(engine):
            thread.start()
            until(lambda: build_waiting(engine), "the DBA's build waits")

            result = project.cli("upgrade", "head")

        thread.join(timeout=60)  # the snapshot is gone: the DBA's build finishes
    assert result.returncode != 0
    final = last_line(result.stderr)
    assert final == (
        "BuildInProgressError: Index 'uq ad day' on "
        "public.Ad Counter is "
        f"still being built by another session (pid {dba_pid}, role {dba_role}, CREATE INDEX "
        "CONCURRENTLY). It was left alone: an index being built is not a leftover. Let that "
        "build finish and run the migration again, or, if it is yours to stop, cancel it: "
        f"SELECT pg_cancel_backend({dba_pid}); Then run the migration again: it removes the "
        "invalid index the cancelled build leaves."
    ), result.stderr


def test_a_rerun_whose_leftover_drop_waits_on_the_same_writer_names_it_and_stops_in_time(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """Right after a WaitTimeoutError, the writer still idle in transaction: the re-run's
    ``DROP INDEX CONCURRENTLY`` of the leftover waits for it as the build did, and says so."""
    make_table(engine)
    project.write_revision("r1", ADD_UQ.replace("])", "], wait_timeout_s=2)"))
    with engine.connect() as writer:
        writer.exec_driver_sql(f'UPDATE {TABLE} SET "Day" = 2 WHERE ad_id = 2')
        pid = blocker_pid(writer)
        first = project.cli("upgrade", "head")
        assert "WaitTimeoutError" in failure(first.stderr), first.stderr
        assert index_state(engine) == "invalid"

        rerun = Run(project)
        try:
            until(rerun.finished, "the re-run stops at wait_timeout_s", timeout=30)
        finally:
            if not rerun.finished():
                rerun.process.kill()
            rerun.wait()

        assert (
            f"DROP INDEX CONCURRENTLY public.uq ad day: waiting for pid {pid} (idle in "
            "transaction for"
        ) in rerun.stderr, rerun.stderr
        final = failure(rerun.stderr)
        assert final.startswith(
            "WaitTimeoutError: DROP INDEX CONCURRENTLY public.uq ad day waited for other "
            "sessions for more than 2 s (wait_timeout_s) and was cancelled. It was waiting "
            f"for: pid {pid} (idle in transaction for"
        ), rerun.stderr
        # The build stopped waiting for writers before its scan: the leftover is not ready.
        assert "The invalid index public.uq ad day is still there (it is not used)." in final
        assert f"end them with SELECT pg_terminate_backend({pid}); Then run the migration" in final
        assert index_state(engine) == "invalid"  # what the message says stays, stays
        writer.rollback()
    assert project.current(engine) is None
    healed = project.cli("upgrade", "head")
    assert healed.returncode == 0, healed.stderr
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
