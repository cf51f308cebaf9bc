"""The short ACCESS EXCLUSIVE step: bounded waits, retries, re-runs, and its exact inverse."""

from __future__ import annotations

import re
import threading
import time

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.project import AlembicProject
from tests.fixtures.tables import make_counter_table

BUILD = "op.create_index_concurrently('ix_ad_day', 'ad_counter', ['ad_id', 'day'], unique=True)"
ATTACH = (
    "op.attach_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'], "
    "index_name='ix_ad_day', lock_timeout_ms=200, lock_attempts=3)"
)


def index_oid(engine: sa.Engine, name: str) -> int | None:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT to_regclass(:n)::oid"), {"n": name}).scalar()


def test_blocked_attach_never_stalls_readers_longer_than_lock_timeout_and_rerun_only_attaches(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 20_000)
    project.write_revision("r1", BUILD, "op.drop_index_concurrently('ix_ad_day')")
    project.write_revision("r2", ATTACH, ATTACH.replace("attach_", "detach_"), down_revision="r1")
    project.upgrade("r1")
    built_oid = index_oid(engine, "ix_ad_day")

    # A long transaction that read the table holds ACCESS SHARE until it ends.
    holder = engine.connect()
    holder.exec_driver_sql("SELECT count(*) FROM ad_counter")
    holder_pid = holder.exec_driver_sql("SELECT pg_backend_pid()").scalar()

    worst_read = 0.0
    stop = threading.Event()

    def reader() -> None:
        nonlocal worst_read
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            while not stop.is_set():
                started = time.perf_counter()
                conn.exec_driver_sql("SELECT hits FROM ad_counter WHERE id = 42")
                worst_read = max(worst_read, time.perf_counter() - started)
                time.sleep(0.005)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        result = project.cli("upgrade", "head")
    finally:
        stop.set()
        thread.join()
        holder.close()

    assert result.returncode != 0
    assert "LockNotAcquiredError" in result.stderr
    assert "3 attempts of 200 ms" in result.stderr
    # The table is named once: the step's description already says where it works.
    assert (
        "LockNotAcquiredError: Attaching unique constraint 'uq_ad_day' on public.ad_counter "
        "(ad_id, day)"
        " never got its ACCESS EXCLUSIVE lock on public.ad_counter: 3 attempts" in result.stderr
    ), result.stderr
    assert f"pid {holder_pid}" in result.stderr  # each retry names who holds the table
    assert result.stderr.count("could not lock public.ad_counter within 200 ms") == 3
    # Readers queued behind the waiting ALTER at most for its lock_timeout (plus slack).
    print(f"worst read stall while the attach waited: {worst_read * 1000:.0f} ms")
    assert worst_read < 0.200 + 0.150, worst_read
    assert project.current(engine) == "r1"
    assert invalid_indexes(engine) == []
    assert index_oid(engine, "ix_ad_day") == built_oid

    rerun = project.cli("upgrade", "head")

    assert rerun.returncode == 0, rerun.stderr
    assert "Reusing the valid index ix_ad_day" in rerun.stderr
    assert "Building" not in rerun.stderr
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    # ADD CONSTRAINT ... USING INDEX renames the very index that was built, no rebuild.
    assert index_oid(engine, "uq_ad_day") == built_oid


def test_attach_downgrade_restores_exactly_the_build_revision_schema(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 5_000)
    initial = schema_snapshot(engine)
    project.write_revision("r1", BUILD, "op.drop_index_concurrently('ix_ad_day')")
    project.write_revision("r2", ATTACH, ATTACH.replace("attach_", "detach_"), down_revision="r1")
    project.upgrade("r1")
    after_build = schema_snapshot(engine)
    project.upgrade("head")
    after_attach = schema_snapshot(engine)
    assert after_attach != after_build

    project.downgrade("r1")
    assert schema_snapshot(engine) == after_build
    project.downgrade("base")
    assert schema_snapshot(engine) == initial
    project.upgrade("head")
    assert schema_snapshot(engine) == after_attach


def test_detach_under_the_same_name_keeps_the_table_guarded(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 5_000)
    attach = "op.attach_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'])"
    project.write_revision(
        "r1",
        "op.create_index_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'], unique=True)",
    )
    project.write_revision("r2", attach, attach.replace("attach_", "detach_"), down_revision="r1")
    project.upgrade("r1")
    after_build = schema_snapshot(engine)
    project.upgrade("head")
    result = project.cli("downgrade", "r1")
    assert result.returncode == 0, result.stderr
    assert schema_snapshot(engine) == after_build
    assert "uq_ad_day_asu_tmp" in result.stderr  # built beside the constraint, then renamed


def test_existing_valid_index_with_the_same_definition_is_attached_not_rebuilt(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 5_000)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE UNIQUE INDEX uq_ad_day ON ad_counter (ad_id, day)")
    before = index_oid(engine, "uq_ad_day")
    project.write_revision(
        "r1",
        "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
    )
    result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    assert "Reusing the valid index uq_ad_day" in result.stderr
    assert index_oid(engine, "uq_ad_day") == before
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}


def test_existing_index_with_another_definition_is_refused_showing_both(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 5_000)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE UNIQUE INDEX uq_ad_day ON ad_counter (day, ad_id)")
    before = schema_snapshot(engine)
    project.write_revision(
        "r1",
        "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
    )
    result = project.cli("upgrade", "head")
    assert result.returncode != 0
    assert "IndexConflictError" in result.stderr
    assert (
        "existing: CREATE UNIQUE INDEX uq_ad_day ON public.ad_counter USING btree (day, ad_id)"
        in (result.stderr)
    )
    assert (
        "wanted:   CREATE UNIQUE INDEX uq_ad_day ON public.ad_counter (ad_id, day)" in result.stderr
    )
    assert schema_snapshot(engine) == before


def test_index_swapped_between_build_and_attach_in_one_run_is_refused(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """The attach trusts an index this run built only while it is that very index.

    A revision between the build and the attach replaces it with another definition under
    the same name: the attach must look at the new one and refuse it, as it would any other.
    """
    make_counter_table(engine, 1_000)
    project.write_revision("r1", BUILD)
    project.write_revision(
        "r2",
        """
        op.drop_index('ix_ad_day', table_name='ad_counter')
        op.create_index('ix_ad_day', 'ad_counter', ['day', 'ad_id'], unique=True)
        """,
        down_revision="r1",
    )
    project.write_revision("r3", ATTACH, down_revision="r2")
    result = project.cli("upgrade", "head")
    assert result.returncode != 0
    assert "IndexConflictError" in result.stderr
    assert (
        "existing: CREATE UNIQUE INDEX ix_ad_day ON public.ad_counter USING btree (day, ad_id)"
        in (result.stderr)
    )
    assert unique_constraints(engine, "ad_counter") == {}


def wait_for_lock_request(engine: sa.Engine, table: str, mode: str) -> int:
    """The pid waiting for ``mode`` on ``table``, once the catalog shows it waiting."""
    query = sa.text(
        "SELECT pid FROM pg_locks WHERE relation = to_regclass(:table) AND mode = :mode"
        " AND NOT granted"
    )
    deadline = time.monotonic() + 60
    with engine.connect() as conn:
        while time.monotonic() < deadline:
            pid = conn.execute(query, {"table": table, "mode": mode}).scalar()
            if pid is not None:
                return int(pid)
            conn.rollback()
            time.sleep(0.01)
    raise AssertionError(f"nobody asked for {mode} on {table} within 60 s")


def test_attach_log_tells_the_wait_for_the_lock_from_the_time_it_held_it(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 1_000)
    attach = ATTACH.replace("lock_timeout_ms=200", "lock_timeout_ms=20000")
    project.write_revision("r1", BUILD)
    project.write_revision("r2", attach, down_revision="r1")
    project.upgrade("r1")
    holder = engine.connect()
    holder.exec_driver_sql("SELECT count(*) FROM ad_counter")  # ACCESS SHARE until it ends
    migration = project.popen("upgrade", "head")
    try:
        wait_for_lock_request(engine, "ad_counter", "AccessExclusiveLock")
        blocked_at = time.monotonic()
        while time.monotonic() - blocked_at < 0.5:  # the attach keeps waiting meanwhile
            time.sleep(0.05)
        holder.rollback()
        _, stderr = migration.communicate(timeout=60)
    finally:
        holder.close()
        migration.kill()

    assert migration.returncode == 0, stderr
    match = re.search(r"waited ([\d.]+) ms for ACCESS EXCLUSIVE, held it ([\d.]+) ms", stderr)
    assert match, stderr
    waited, held = float(match[1]), float(match[2])
    assert waited >= 500, stderr
    assert held < 100, stderr  # the catalog-only ALTER and COMMIT, not the wait
