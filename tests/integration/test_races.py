"""Two deploys at once: one does the work, the other waits (with the lock) or says why it stops."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.processes import (
    Run,
    attach_waiting,
    build_waiting,
    failure,
    old_snapshot,
    until,
)
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import FUTURE

TABLE = '"Ad Counter"'
BUILD = "op.create_index_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'], unique=True)"
ATTACH = (
    "op.attach_unique_constraint('uq ad day', 'Ad Counter', ['ad_id', 'Day'],"
    " lock_timeout_ms=60000, lock_attempts=1)"
)
GENERIC_RUN = """        context.configure(
            connection=connection, target_metadata=target_metadata
        )

        with context.begin_transaction():
            context.run_migrations()
"""
ASYNC_RUN = """    context.configure(connection=connection, target_metadata=target_metadata)

    with context.begin_transaction():
        context.run_migrations()
"""


def lock_the_run(project: AlembicProject) -> None:
    """Wrap env.py's configure + run in migration_lock, as docs/troubleshooting.md shows."""
    text = project.env_py.read_text()
    run = GENERIC_RUN if GENERIC_RUN in text else ASYNC_RUN
    assert run in text
    indent = run[: len(run) - len(run.lstrip())]
    locked = f"{indent}with alembic_safe_unique.migration_lock(connection):\n" + "".join(
        "    " + line if line.strip() else line for line in run.splitlines(keepends=True)
    )
    project.env_py.write_text(text.replace(run, locked))


def prepare(project: AlembicProject, engine: sa.Engine, locked: bool) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(
            f'INSERT INTO {TABLE} (ad_id, "Day") SELECT k, mod(k, 7)'
            " FROM generate_series(1, 5000) k"
        )
        conn.exec_driver_sql("CREATE TABLE other (x int)")
    project.write_revision("r0", "pass")
    project.write_revision(
        "r1", BUILD, "op.drop_index_concurrently('uq ad day')", down_revision="r0"
    )
    project.write_revision("r2", ATTACH, ATTACH.replace("attach_", "detach_"), down_revision="r1")
    if locked:
        lock_the_run(project)
    project.upgrade("r0")


def assert_done_once(project: AlembicProject, engine: sa.Engine, runs: list[Run]) -> None:
    for run in runs:
        assert "deadlock" not in run.stderr, run.stderr
        assert "ObjectNotInPrerequisiteState" not in run.stderr, run.stderr
        assert "psycopg" not in run.stderr.split("Traceback")[-1], run.stderr
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
    assert invalid_indexes(engine) == []
    assert project.current(engine) == "r2"


def assert_one_stopped_clearly(runs: list[Run], codes: list[int]) -> None:
    # One succeeds; the other fails as Alembic's command line fails (FAILED:, status 255).
    assert sorted(codes) == [0, 255], [run.stderr for run in runs]
    loser = runs[codes.index(255)]
    assert failure(loser.stderr).startswith("ConcurrentMigrationError: "), loser.stderr
    assert "alembic_safe_unique.migration_lock(connection)" in loser.stderr


@pytest.mark.parametrize("locked", [False, True], ids=["without the lock", "with migration_lock"])
def test_two_deploys_started_together(
    project: AlembicProject, engine: sa.Engine, locked: bool
) -> None:
    prepare(project, engine, locked)
    for trial in range(5):
        with old_snapshot(engine):
            runs = [Run(project), Run(project)]
            until(lambda: build_waiting(engine), f"trial {trial}: a build waits")
            # The other run has either stopped already or is waiting its turn.
            until(
                lambda runs=runs: any(  # type: ignore[misc]
                    run.finished() or "waiting" in run.stderr.lower() for run in runs
                ),
                f"trial {trial}: the second run stops or waits",
            )
        codes = [run.wait() for run in runs]
        assert_done_once(project, engine, runs)
        if locked:
            assert codes == [0, 0], [run.stderr for run in runs]
        else:
            assert_one_stopped_clearly(runs, codes)
        project.downgrade("r0")
        assert unique_constraints(engine, TABLE) == {}


@pytest.mark.parametrize("locked", [False, True], ids=["without the lock", "with migration_lock"])
def test_second_deploy_starts_during_the_first_ones_attach(
    project: AlembicProject, engine: sa.Engine, locked: bool
) -> None:
    prepare(project, engine, locked)
    with engine.connect() as reader:
        reader.exec_driver_sql(f"SELECT count(*) FROM {TABLE}")  # ACCESS SHARE until rollback
        first = Run(project)
        until(lambda: attach_waiting(engine, TABLE), "the first run's attach waits for its lock")
        second = Run(project)
        until(
            lambda: second.finished() or "waiting" in second.stderr.lower(),
            "the second run stops or waits",
        )
        reader.rollback()
    codes = [first.wait(), second.wait()]
    assert_done_once(project, engine, [first, second])
    if locked:
        assert codes == [0, 0], [first.stderr, second.stderr]
    else:
        assert codes == [0, 255], [first.stderr, second.stderr]
        assert_one_stopped_clearly([first, second], codes)


def test_migration_lock_refuses_a_connection_already_in_a_transaction(engine: sa.Engine) -> None:
    import alembic_safe_unique

    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
        refused = pytest.raises(alembic_safe_unique.TransactionOwnershipError, match="not in a tr")
        with refused, alembic_safe_unique.migration_lock(conn):
            pass


def test_a_run_waiting_for_migration_lock_does_not_hold_up_a_concurrent_build(
    engine: sa.Engine,
) -> None:
    """The waiting run holds no snapshot: the other run's build must not wait for it.

    (A plain ``SELECT pg_advisory_lock(...)`` waits inside a statement whose snapshot
    ``CREATE INDEX CONCURRENTLY`` would wait for until the lock is released.)
    """
    import alembic_safe_unique

    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (a int)")
        conn.exec_driver_sql("INSERT INTO t SELECT generate_series(1, 1000)")
    with engine.connect() as holder, engine.connect() as waiter, engine.connect() as builder:
        with alembic_safe_unique.migration_lock(holder):
            waited = threading.Event()

            def wait_for_the_lock() -> None:
                with alembic_safe_unique.migration_lock(waiter, poll_interval_s=0.05):
                    waited.set()

            thread = threading.Thread(target=wait_for_the_lock)
            thread.start()
            builder.exec_driver_sql("SET statement_timeout = '20s'")
            builder.commit()
            autocommit = builder.execution_options(isolation_level="AUTOCOMMIT")
            autocommit.exec_driver_sql("CREATE INDEX CONCURRENTLY t_a ON t (a)")  # no wait
            assert not waited.is_set()  # the waiter is still waiting meanwhile
        thread.join(timeout=30)
        assert waited.is_set()
    with engine.connect() as conn:
        valid = conn.exec_driver_sql(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_a'::regclass"
        )
        assert valid.scalar() is True


def queued_lock_requests(engine: sa.Engine, table: str) -> int:
    """Sessions waiting for a lock on ``table`` (whatever the mode)."""
    with engine.connect() as conn:
        query = sa.text(
            "SELECT count(*) FROM pg_locks WHERE relation = to_regclass(:table) AND NOT granted"
        )
        return int(conn.execute(query, {"table": table}).scalar_one())


def test_attach_finds_the_constraint_attached_meanwhile_by_another_session_and_is_done(
    project: AlembicProject, engine: sa.Engine
) -> None:
    prepare(project, engine, locked=False)
    project.upgrade("r1")  # the index is built
    attach_by_hand = (
        f'ALTER TABLE {TABLE} ADD CONSTRAINT "uq ad day" UNIQUE USING INDEX "uq ad day"'
    )
    with engine.connect() as reader, engine.connect() as dba:
        reader.exec_driver_sql(f"SELECT count(*) FROM {TABLE}")  # ACCESS SHARE until rollback
        by_hand = threading.Thread(
            target=lambda: (dba.exec_driver_sql(attach_by_hand), dba.commit())
        )
        by_hand.start()
        try:
            until(lambda: queued_lock_requests(engine, TABLE) == 1, "the DBA's ALTER queues")
            run = Run(project)
            until(lambda: queued_lock_requests(engine, TABLE) == 2, "the migration queues")
        finally:
            reader.rollback()
            by_hand.join(timeout=60)
        code = run.wait()

    assert code == 0, run.stderr
    assert "was attached meanwhile by another session; nothing to do." in run.stderr
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
    assert project.current(engine) == "r2"


def test_waiting_for_the_per_index_lock_names_the_holder_in_this_database_only(
    project: AlembicProject, engine: sa.Engine, server_url: sa.URL
) -> None:
    """The same lock key held in another database of the server blocks nobody here."""
    from alembic_safe_unique.runtime.coordination import _NAMESPACE, _key

    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
    project.configure_in_env("other_build_wait_s=1")
    project.write_revision("r1", BUILD)
    lock = sa.text("SELECT pg_advisory_lock(:namespace, :key), pg_backend_pid()")
    parameters = {"namespace": _NAMESPACE, "key": _key("public.uq ad day")[0]}
    other_database = sa.create_engine(server_url, poolclass=sa.pool.NullPool, **FUTURE)
    try:
        with other_database.connect() as elsewhere, engine.connect() as here:
            elsewhere_pid = elsewhere.execute(lock, parameters).one()[1]
            elsewhere.commit()
            here_pid = here.execute(lock, parameters).one()[1]
            here.commit()
            result = project.cli("upgrade", "head")
    finally:
        other_database.dispose()
    assert result.returncode != 0
    assert failure(result.stderr).startswith(
        f"BuildInProgressError: Another session (pid {here_pid}, "
    ), result.stderr
    assert f"pid {elsewhere_pid}" not in result.stderr


def test_a_holder_of_the_per_index_lock_sitting_idle_is_named_idle_with_what_to_run(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """A session that took the lock and then did nothing more (its process frozen or gone):
    the waiting run says so, for how long, and how to end it; ending it lets the run go on."""
    from alembic_safe_unique.runtime.coordination import _NAMESPACE, _key

    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
    project.write_revision("r1", BUILD)
    lock = sa.text("SELECT pg_advisory_lock(:namespace, :key), pg_backend_pid()")
    parameters = {"namespace": _NAMESPACE, "key": _key("public.uq ad day")[0]}
    with engine.connect() as frozen:
        frozen_pid = frozen.execute(lock, parameters).one()[1]
        frozen.commit()  # idle, outside any transaction, lock held: as a stopped process leaves it
        run = Run(project)
        idle_line = f"Another session (pid {frozen_pid}, "
        until(lambda: idle_line in run.stderr, "the run names the idle holder")
        with engine.connect() as admin:
            admin.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": frozen_pid})
        code = run.wait()
    assert code == 0, run.stderr
    said = " ".join(run.stderr[run.stderr.index(idle_line) :].split())
    assert "holds the lock on public.uq ad day but has been idle for " in said, run.stderr
    assert "s, running nothing; waiting for it to let go." in said
    assert f"end the session: SELECT pg_terminate_backend({frozen_pid});" in said
    assert "is working on" not in run.stderr
    assert project.current(engine) == "r1"
