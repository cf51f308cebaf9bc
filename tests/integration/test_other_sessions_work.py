"""Never touch another session's work: an index someone is building is not a leftover.

A migration role without ``pg_read_all_stats`` sees other roles' rows of
``pg_stat_progress_create_index`` without the index they build; ``REINDEX CONCURRENTLY`` reports
the old index while it builds ``<name>_ccnew``. Both used to read as leftovers of a failed
build, and the package dropped them: the other session's build died with "deadlock detected".
Here a DBA (the superuser) really builds, and the least-privilege role really migrates.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.processes import build_waiting, failure, old_snapshot, until
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import with_driver
from tests.integration.test_cli import tool

TABLE = '"Ad Counter"'
ADD_UQ = "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])"


def make_table(engine: sa.Engine, owner: str | None = None) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (1, 1), (2, 1)')
        conn.exec_driver_sql("CREATE TABLE other (x int)")
        if owner:
            conn.exec_driver_sql(f'ALTER TABLE {TABLE} OWNER TO "{owner}"')


@dataclass
class DbaBuild:
    pid: int
    role: str
    errors: list[BaseException] = field(default_factory=list)


@contextmanager
def open_writer(engine: sa.Engine) -> Iterator[None]:
    """A transaction that wrote to the table and stays open: builds wait for it to end."""
    with engine.connect() as conn:
        conn.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (100, 100)')
        yield
        conn.rollback()


@contextmanager
def dba_build(
    engine: sa.Engine, statement: str, held_by: Callable[[sa.Engine], Any] = old_snapshot
) -> Iterator[DbaBuild]:
    """``statement`` run by the superuser, held in one of its waits (an old snapshot: its last
    phase; an open writer: before it builds) until the block ends; then it must finish."""
    with engine.connect() as dba:
        pid, role = dba.exec_driver_sql("SELECT pg_backend_pid(), current_user::text").one()
        dba.commit()
        build = DbaBuild(int(pid), str(role))
        autocommit = dba.execution_options(isolation_level="AUTOCOMMIT")

        def run() -> None:
            try:
                autocommit.exec_driver_sql(statement)
            except sa.exc.DBAPIError as error:
                build.errors.append(error)

        thread = threading.Thread(target=run)
        with held_by(engine):
            thread.start()
            until(lambda: build_waiting(engine), "the DBA's build waits for the old snapshot")
            yield build
        thread.join(timeout=60)
    assert not thread.is_alive(), "the DBA's build did not finish once the snapshot was gone"
    assert build.errors == [], "the DBA's build failed"


def migrator_project(tmp_path: Path, url: sa.URL, driver: str) -> AlembicProject:
    return AlembicProject.create(
        tmp_path / "migrator",
        with_driver(url, driver),
        template="async" if driver == "asyncpg" else "generic",
    )


def test_a_least_privilege_role_leaves_a_dbas_build_of_the_same_index_alone(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_table(engine, owner=migration_role.username)
    project = migrator_project(tmp_path, migration_role, project_driver)
    project.configure_in_env("other_build_wait_s=1")
    project.write_revision("r1", ADD_UQ)
    statement = f'CREATE UNIQUE INDEX CONCURRENTLY "uq ad day" ON {TABLE} (ad_id, "Day")'
    with dba_build(engine, statement) as build:
        with migrator_project_connection(migration_role) as migrator:
            hidden = migrator.exec_driver_sql(
                "SELECT index_relid FROM pg_stat_progress_create_index WHERE pid = %d" % build.pid
            ).scalar()
        assert hidden is None  # what the role can see of the DBA's build: not the index

        result = project.cli("upgrade", "head")

        assert result.returncode != 0
        final = failure(result.stderr)
        assert final.startswith(
            "BuildInProgressError: Index 'uq ad day' on "
            "public.Ad Counter "
            f"is still possibly being built by another session (pid {build.pid}, role "
            f"{build.role}): it is building an index on this table, and this role cannot see "
            "which (that needs pg_read_all_stats). It was left alone"
        ), result.stderr
        assert (
            f"cancel it: pid {build.pid} belongs to the superuser {build.role}, which only a "
            f"superuser may signal: a DBA must run SELECT pg_cancel_backend({build.pid}); Then "
            "run the migration again" in final
        ), final
        assert "Dropping the invalid index" not in result.stderr
        assert invalid_indexes(engine) == ['"uq ad day"']  # still the DBA's, still building
    assert invalid_indexes(engine) == []  # the DBA's build finished

    rerun = project.cli("upgrade", "head")  # the DBA's valid index, same definition: reused
    assert rerun.returncode == 0, rerun.stderr
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}


@contextmanager
def migrator_project_connection(url: sa.URL) -> Iterator[sa.Connection]:
    engine = sa.create_engine(with_driver(url), poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def test_invalid_indexes_drop_leaves_a_dbas_build_to_a_least_privilege_role(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_table(engine, owner=migration_role.username)
    project = migrator_project(tmp_path, migration_role, project_driver)
    statement = f"CREATE INDEX CONCURRENTLY dba_idx ON {TABLE} (ad_id)"
    with dba_build(engine, statement) as build:
        dropped = tool(project, "invalid-indexes", "--drop")
        assert dropped.returncode == 0, dropped.stdout + dropped.stderr
        assert (
            f"Skipped public.dba_idx: possibly being built by another session (pid "
            f"{build.pid}, role {build.role})" in dropped.stdout
        ), dropped.stdout
        assert "Dropped" not in dropped.stdout
        assert invalid_indexes(engine) == ["dba_idx"]
    assert invalid_indexes(engine) == []


def test_invalid_indexes_drop_leaves_reindex_concurrentlys_new_index_alone(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE INDEX ad_idx ON {TABLE} (ad_id)")
    # Waiting for writers, REINDEX CONCURRENTLY reports the old index in the progress view.
    with dba_build(engine, "REINDEX INDEX CONCURRENTLY ad_idx", open_writer) as build:
        assert invalid_indexes(engine) == ["ad_idx_ccnew"]
        dropped = tool(project, "invalid-indexes", "--drop")
        assert dropped.returncode == 0, dropped.stdout + dropped.stderr
        assert (
            f"Skipped public.ad_idx_ccnew: possibly being built by another session (pid "
            f"{build.pid}, role {build.role}), which is running REINDEX CONCURRENTLY on this "
            "table" in " ".join(dropped.stdout.split())
        ), dropped.stdout
        assert invalid_indexes(engine) == ["ad_idx_ccnew"]
    assert invalid_indexes(engine) == []  # the REINDEX finished: no deadlock, no leftover


def test_invalid_indexes_drop_works_with_transaction_per_migration(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    env = project.env_py.read_text()
    project.env_py.write_text(
        env.replace(
            "target_metadata=target_metadata",
            "target_metadata=target_metadata, transaction_per_migration=True",
        )
    )
    assert "transaction_per_migration=True" in project.env_py.read_text()
    with engine.begin() as conn:
        conn.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (1, 1)')
    autocommit = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    # The duplicate (1, 1) fails the build: a real leftover.
    with autocommit as conn, contextlib.suppress(sa.exc.IntegrityError):
        conn.exec_driver_sql(f'CREATE UNIQUE INDEX CONCURRENTLY gone ON {TABLE} (ad_id, "Day")')
    assert invalid_indexes(engine) == ["gone"]

    dropped = tool(project, "invalid-indexes", "--drop")

    assert dropped.returncode == 0, dropped.stdout + dropped.stderr
    assert "Dropped public.gone (DROP INDEX CONCURRENTLY)." in dropped.stdout
    assert invalid_indexes(engine) == []


def test_a_least_privilege_role_told_of_a_dbas_session_holding_the_index_lock_says_who_must_end_it(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    """The holder's state is hidden from the role: not called working, nor idle; the
    statement that ends it is for a DBA to run, and the error says so."""
    from alembic_safe_unique.runtime.coordination import _NAMESPACE, _key

    make_table(engine, owner=migration_role.username)
    project = migrator_project(tmp_path, migration_role, project_driver)
    project.configure_in_env("other_build_wait_s=1")
    project.write_revision("r1", ADD_UQ)
    lock = sa.text("SELECT pg_advisory_lock(:namespace, :key), pg_backend_pid(), current_user")
    parameters = {"namespace": _NAMESPACE, "key": _key("public.uq ad day")[0]}
    with engine.connect() as dba:
        _, dba_pid, dba_role = dba.execute(lock, parameters).one()
        dba.commit()
        result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert (
        f"Another session (pid {dba_pid}, role {dba_role}) holds the lock on public.uq ad day; "
        "whether it is working or sitting idle is not visible to you" in result.stderr
    ), result.stderr
    final = failure(result.stderr)
    assert final.startswith(
        f"BuildInProgressError: Another session (pid {dba_pid}, role {dba_role}) has held the "
        "lock on public.uq ad day for more than 1 s (other_build_wait_s)"
    ), final
    assert (
        f"pid {dba_pid} belongs to the superuser {dba_role}, which only a superuser may signal: "
        f"a DBA must run SELECT pg_terminate_backend({dba_pid});" in final
    ), final
    assert "is working on" not in result.stderr
    assert project.current(engine) is None
