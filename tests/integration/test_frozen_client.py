"""A migration process frozen while it holds the attach's ACCESS EXCLUSIVE lock.

Drivers that send the attach statement by statement (asyncpg) leave the session "idle in
transaction" between them; a process stopped there (SIGSTOP, a debugger, a VM paused, a network
gone silent) kept every reader and writer of the table waiting for as long as it stayed
stopped. The server now ends such a session after ``idle_in_transaction_timeout_ms``: the
lock goes without the client's help. On psycopg and psycopg2 the attach is one string the
server runs to its COMMIT alone, so freezing the client holds nothing in the first place.
"""

from __future__ import annotations

import os
import signal
import time

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.processes import Run, attach_waiting, until
from tests.fixtures.project import AlembicProject

TABLE = '"Ad Counter"'
BUILD = "op.create_index_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'], unique=True)"
ATTACH = (
    "op.attach_unique_constraint('uq ad day', 'Ad Counter', ['ad_id', 'Day'],"
    " lock_timeout_ms=60000, lock_attempts=1)"
)
IDLE_BOUND_MS = 1500


def exclusive_lock_held(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_locks WHERE relation = to_regclass(:table)"
                    " AND mode = 'AccessExclusiveLock' AND granted"
                ),
                {"table": TABLE},
            ).scalar()
        )


def test_a_frozen_client_cannot_keep_the_table_locked(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (1, 1), (2, 1)')
    project.configure_in_env(f"idle_in_transaction_timeout_ms={IDLE_BOUND_MS}")
    project.write_revision("r1", BUILD)
    project.write_revision("r2", ATTACH, down_revision="r1")
    project.upgrade("r1")

    with engine.connect() as reader:
        reader.exec_driver_sql(f"SELECT count(*) FROM {TABLE}")  # holds ACCESS SHARE
        run = Run(project)
        until(lambda: attach_waiting(engine, TABLE), "the attach waits behind the reader")
        os.kill(run.process.pid, signal.SIGSTOP)
        try:
            reader.rollback()  # the lock is granted to a client that cannot go on
            stopped_at = time.monotonic()
            # Released by the server (or, on script drivers, by the COMMIT sent with it),
            # while the client is still stopped.
            until(lambda: not exclusive_lock_held(engine), "the lock goes", timeout=30)
            held_s = time.monotonic() - stopped_at
            with engine.begin() as writer:  # the table takes writes again
                writer.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (3, 1)')
        finally:
            os.kill(run.process.pid, signal.SIGCONT)
        run.wait()
    assert held_s < IDLE_BOUND_MS / 1000 + 10, held_s

    rerun = project.cli("upgrade", "head")  # wherever the frozen run stopped, this heals
    assert rerun.returncode == 0, rerun.stderr
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
    assert project.current(engine) == "r2"
