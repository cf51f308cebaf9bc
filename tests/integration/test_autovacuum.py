"""Autovacuum on the table: the attach outlasts deadlock_timeout, so the worker gives way.

A real autovacuum worker, slowed down so it would hold its SHARE UPDATE EXCLUSIVE lock for
minutes, and a least-privilege migration role that sees neither its query nor its type. With
``lock_timeout`` at 1 s (the default, as is ``deadlock_timeout``) every attempt used to give up
before the server cancelled the worker: the attach failed after all its attempts.

The test needs ``autovacuum_naptime`` at one second, a server-wide setting: it runs on a
server of its own so the tests beside it keep the server they expect.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.processes import failure
from tests.fixtures.server import own_server
from tests.fixtures.tables import make_counter_table, wait_until
from tests.integration.test_other_sessions_work import migrator_project

BUILD = "op.create_index_concurrently('ix_ad_day', 'ad_counter', ['ad_id', 'day'], unique=True)"
ATTACH = (
    "op.attach_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'], "
    "index_name='ix_ad_day')"
)
# Costs that make the worker crawl: a page per 100 ms.
SLOW_AUTOVACUUM = (
    "ALTER TABLE ad_counter SET (autovacuum_enabled = true, autovacuum_vacuum_threshold = 0,"
    " autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 100,"
    " autovacuum_vacuum_cost_limit = 1)"
)
AUTOVACUUM_ON_TABLE = sa.text(
    """
    SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.relation = 'ad_counter'::regclass AND l.granted
       AND a.backend_type = 'autovacuum worker'
    """
)


@pytest.fixture(scope="module")
def server_url() -> Iterator[sa.URL]:
    """This module's own server (the databases, engines and roles of the tests come from it)."""
    workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-pg-"))
    try:
        with own_server(workdir) as url:
            yield url
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_the_attach_waits_past_deadlock_timeout_once_so_autovacuum_gives_way(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_counter_table(engine, 20_000)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE ad_counter SET (autovacuum_enabled = false)")
        conn.exec_driver_sql(f'ALTER TABLE ad_counter OWNER TO "{migration_role.username}"')
    project = migrator_project(tmp_path, migration_role, project_driver)
    project.write_revision("r1", BUILD, "op.drop_index_concurrently('ix_ad_day')")
    project.write_revision("r2", ATTACH, ATTACH.replace("attach_", "detach_"), down_revision="r1")
    project.upgrade("r1")

    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM ad_counter WHERE mod(id, 10) = 0")
        conn.exec_driver_sql(SLOW_AUTOVACUUM)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ALTER SYSTEM SET autovacuum_naptime = '1s'")
        conn.exec_driver_sql("SELECT pg_reload_conf()")
        wait_until(lambda: conn.execute(AUTOVACUUM_ON_TABLE).first() is not None)
        worker = conn.execute(AUTOVACUUM_ON_TABLE).scalar_one()

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, failure(result.stderr)
    assert result.stderr.count("could not lock public.ad_counter within 1000 ms") == 1
    assert (
        f"Held by: pid {worker} (ShareUpdateExclusiveLock): an autovacuum worker" in result.stderr
    ), result.stderr
    assert (
        "Autovacuum gives way to a lock request that waits longer than deadlock_timeout "
        "(1000 ms): the next attempt waits 1200 ms." in result.stderr
    )
    assert "within 1200 ms" not in result.stderr  # the longer attempt got the lock
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
