"""Migrations through a real PgBouncer: session mode works, transaction mode is refused first.

Through ``pool_mode = transaction`` each statement outside a transaction may run in another
server session, and what one statement sets stays on a pooled session for the application's
next client. The run must stop before it sets anything or builds anything, say why and what to
use instead; the application's clients, going through the same pooler meanwhile, must never see
a changed setting; no advisory lock, invalid index or version stamp may be left; and the same
revision must then run through session mode.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.docs_samples import assert_output_as_documented
from tests.fixtures.pgbouncer import pgbouncer
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import with_driver

TABLE = '"Ad Counter"'
ADD_UQ = "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])"
DEFAULTS = {"lock_timeout": "3s", "statement_timeout": "20s"}
NEW_KEYS = itertools.count(1)


def make_table(engine: sa.Engine, database: str) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(
            f'INSERT INTO {TABLE} (ad_id, "Day") SELECT g, g FROM generate_series(1, 1000) g'
        )
        for name, value in DEFAULTS.items():  # what the application's sessions rely on
            conn.exec_driver_sql(f"ALTER DATABASE \"{database}\" SET {name} = '{value}'")


def pooled_url(url: sa.URL, driver: str) -> sa.URL:
    pooled = with_driver(url, driver)
    if driver == "asyncpg":  # PgBouncer 1.18 keeps no prepared statements across transactions
        pooled = pooled.update_query_dict({"prepared_statement_cache_size": "0"})
    return pooled


@contextmanager
def application_clients(url: sa.URL, clients: int = 4) -> Iterator[list[dict[str, str]]]:
    """Clients of the application, through the pooler, reading their timeouts as they write.

    Yields what they saw that differs from the database's defaults (must stay empty).
    """
    # As applications behind PgBouncer 1.18 must: no server-side prepared statements.
    engine = sa.create_engine(
        with_driver(url), poolclass=sa.pool.NullPool, connect_args={"prepare_threshold": None}
    )
    seen: list[dict[str, str]] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    with engine.connect() as conn:
        workers = conn.exec_driver_sql("SHOW max_parallel_maintenance_workers").scalar()

    def client(number: int) -> None:
        try:
            with engine.connect() as conn:
                while not stop.is_set():
                    row = conn.exec_driver_sql(
                        "SELECT current_setting('lock_timeout'), "
                        "current_setting('statement_timeout'), "
                        "current_setting('max_parallel_maintenance_workers')"
                    ).one()
                    settings = {"lock_timeout": row[0], "statement_timeout": row[1]}
                    if settings != DEFAULTS or row[2] != workers:
                        seen.append({**settings, "max_parallel_maintenance_workers": row[2]})
                    conn.execute(
                        sa.text(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (:ad, -1)'),
                        {"ad": next(NEW_KEYS)},  # never a duplicate, across every run
                    )
                    conn.commit()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    try:
        yield seen
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        engine.dispose()
    assert errors == [], errors


def advisory_locks(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            ).scalar_one()
        )


def test_transaction_pooling_is_refused_before_anything_then_session_mode_builds(
    tmp_path: Path,
    engine: sa.Engine,
    database_url: sa.URL,
    project_driver: str,
) -> None:
    make_table(engine, str(database_url.database))
    with pgbouncer(database_url, "transaction") as transaction_url:
        project = AlembicProject.create(
            tmp_path / "project",
            pooled_url(transaction_url, project_driver),
            template="async" if project_driver == "asyncpg" else "generic",
        )
        project.write_revision("r1", ADD_UQ)
        with application_clients(transaction_url) as seen:
            refused = project.cli("upgrade", "head")
        assert refused.returncode != 0
        final = failure(refused.stderr)
        assert final.startswith(
            "TransactionPoolingError: This connection goes through "
            "a connection pooler in transaction mode"
        ), refused.stderr
        assert "pool_mode = session" in final and "Nothing was changed." in final
        assert_output_as_documented(
            "output/transaction_pooling.txt", refused.stderr + refused.stdout
        )
        assert seen == []  # no client of the application saw a changed setting
    assert advisory_locks(engine) == 0
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, TABLE) == {}
    assert project.current(engine) is None

    with pgbouncer(database_url, "session") as session_url:
        project.ini.write_text(
            project.ini.read_text().replace(
                pooled_url(transaction_url, project_driver)
                .render_as_string(False)
                .replace("%", "%%"),
                pooled_url(session_url, project_driver).render_as_string(False).replace("%", "%%"),
            )
        )
        with application_clients(session_url) as seen:
            upgraded = project.cli("upgrade", "head")
        assert upgraded.returncode == 0, upgraded.stderr
        assert seen == []
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
    assert project.current(engine) == "r1"
    assert advisory_locks(engine) == 0


@pytest.mark.parametrize("pool_mode", ["session", "transaction"])
def test_the_migration_lock_through_a_pooler(
    tmp_path: Path, engine: sa.Engine, database_url: sa.URL, pool_mode: str
) -> None:
    """``migration_lock`` is a session lock: refused through transaction pooling, held and
    released through session mode."""
    import alembic_safe_unique

    with pgbouncer(database_url, pool_mode) as url:
        pooled = sa.create_engine(with_driver(url), poolclass=sa.pool.NullPool)
        try:
            with pooled.connect() as conn:
                if pool_mode == "transaction":
                    with (
                        pytest.raises(alembic_safe_unique.TransactionPoolingError),
                        alembic_safe_unique.migration_lock(conn),
                    ):
                        pass
                else:
                    with alembic_safe_unique.migration_lock(conn):
                        assert advisory_locks(engine) == 1
        finally:
            pooled.dispose()
    assert advisory_locks(engine) == 0
