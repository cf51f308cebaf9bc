"""What a least-privilege migration role is told, and what it can do, next to other roles' work.

The role (``migration_role``) owns its table but is no superuser, has neither
``pg_read_all_stats`` nor ``pg_signal_backend``: other roles' sessions show it no state nor
query, and it may not end them. The advice it gets must be true for it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.docs_samples import sample
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import with_driver

TABLE = '"Ad Counter"'
ADD_UQ = "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])"
HIDDEN = "a session of another role; its query is not visible to you"


def make_table(engine: sa.Engine, owner: str | None, schema: str = "public") -> None:
    with engine.begin() as conn:
        quote = conn.dialect.identifier_preparer.quote
        table = quote(schema) + "." + TABLE
        conn.exec_driver_sql(f'CREATE TABLE {table} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(f'INSERT INTO {table} (ad_id, "Day") VALUES (1, 1), (2, 1)')
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS other (x int)")
        conn.exec_driver_sql("GRANT SELECT ON other TO PUBLIC")
        if owner:
            conn.exec_driver_sql(f"ALTER TABLE {table} OWNER TO {quote(owner)}")


def migrator(tmp_path: Path, url: sa.URL, driver: str) -> AlembicProject:
    return AlembicProject.create(
        tmp_path / "migrator",
        with_driver(url, driver),
        template="async" if driver == "asyncpg" else "generic",
    )


def pid_of(conn: sa.Connection) -> int:
    return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


@contextmanager
def old_snapshot_of(engine: sa.Engine) -> Iterator[int]:
    """A REPEATABLE READ transaction of ``engine``'s role: every concurrent build waits for it."""
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
        conn.exec_driver_sql("SELECT count(*) FROM other")
        yield pid_of(conn)
        conn.rollback()


@contextmanager
def another_role(engine: sa.Engine, database_url: sa.URL) -> Iterator[sa.Engine]:
    """An engine of a plain role (no superuser) that is not the migrator's."""
    role = "other role " + uuid.uuid4().hex[:8]
    password = uuid.uuid4().hex
    with engine.begin() as conn:
        quoted = conn.dialect.identifier_preparer.quote(role)
        conn.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN PASSWORD '{password}'")
    other = sa.create_engine(
        database_url.set(username=role, password=password), poolclass=sa.pool.NullPool
    )
    try:
        yield other
    finally:
        other.dispose()
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP ROLE " + quoted)


def test_a_superusers_old_snapshot_is_named_for_what_it_is_and_left_to_a_dba(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_table(engine, owner=migration_role.username)
    project = migrator(tmp_path, migration_role, project_driver)
    project.configure_in_env("wait_timeout_s=2")
    project.write_revision("r1", ADD_UQ)
    with old_snapshot_of(engine) as pid:
        result = project.cli("upgrade", "head")
    assert result.returncode != 0
    final = failure(result.stderr)
    assert final.startswith("WaitTimeoutError: The build of uq ad day"), result.stderr
    assert f"It was waiting for: pid {pid} (role postgres): {HIDDEN}" in final
    assert (
        f"pid {pid} belongs to the superuser postgres, which only a superuser may signal: a DBA "
        f"must run SELECT pg_terminate_backend({pid}); Then run the migration again" in final
    )
    # The progress lines say the same, never the server's placeholders.
    assert f"waiting for pid {pid} (role postgres): {HIDDEN}" in result.stderr
    assert "<insufficient privilege>" not in result.stderr
    assert "state unknown" not in result.stderr
    assert invalid_indexes(engine) == []


def test_another_plain_roles_session_needs_pg_signal_backend_and_then_the_statement_is_given(
    tmp_path: Path,
    engine: sa.Engine,
    database_url: sa.URL,
    migration_role: sa.URL,
    project_driver: str,
) -> None:
    make_table(engine, owner=migration_role.username)
    project = migrator(tmp_path, migration_role, project_driver)
    project.configure_in_env("wait_timeout_s=2")
    project.write_revision("r1", ADD_UQ)
    with another_role(engine, database_url) as other, old_snapshot_of(other) as pid:
        role = other.url.username
        refused = project.cli("upgrade", "head")
        with engine.begin() as conn:
            conn.exec_driver_sql(f'GRANT pg_signal_backend TO "{migration_role.username}"')
        granted = project.cli("upgrade", "head")
    assert refused.returncode != 0
    final = failure(refused.stderr)
    assert f"It was waiting for: pid {pid} (role {role}): {HIDDEN}" in final, refused.stderr
    assert (
        f"pid {pid} belongs to role {role}, which this role may not signal (that needs "
        "membership in pg_signal_backend): the session's owner or a DBA must run "
        f"SELECT pg_terminate_backend({pid}); Then run" in final
    )
    assert granted.returncode != 0
    final = failure(granted.stderr)
    assert f"or end them: SELECT pg_terminate_backend({pid}); Then run" in final, granted.stderr
    assert "may not signal" not in final


def test_the_attach_names_a_superusers_lock_as_hidden_and_says_who_may_end_it(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_table(engine, owner=migration_role.username)
    project = migrator(tmp_path, migration_role, project_driver)
    project.write_revision("r1", ADD_UQ.replace("])", "], lock_timeout_ms=50, lock_attempts=2)"))
    with engine.connect() as reader:
        reader.exec_driver_sql(f"SELECT count(*) FROM {TABLE}")  # ACCESS SHARE, kept
        pid = pid_of(reader)
        result = project.cli("upgrade", "head")
        reader.rollback()
    assert result.returncode != 0
    final = failure(result.stderr)
    assert final.startswith("LockNotAcquiredError:"), result.stderr
    assert f"pid {pid} (role postgres, holding AccessShareLock): {HIDDEN}" in final
    assert f"a DBA must run SELECT pg_terminate_backend({pid}); Then run" in final
    assert "<insufficient privilege>" not in result.stderr
    assert "None" not in final


@pytest.fixture
def without_temporary(engine: sa.Engine, database_url: sa.URL, migration_role: sa.URL) -> None:
    """TEMPORARY on the test database taken from everyone (PUBLIC has it by default)."""
    with engine.begin() as conn:
        quote = conn.dialect.identifier_preparer.quote
        database = quote(str(database_url.database))
        conn.exec_driver_sql(f"REVOKE TEMPORARY ON DATABASE {database} FROM PUBLIC")
        conn.exec_driver_sql(
            f"REVOKE TEMPORARY ON DATABASE {database} FROM {quote(str(migration_role.username))}"
        )


def dba_index(engine: sa.Engine, definition: str, schema: str = "public") -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        table = conn.dialect.identifier_preparer.quote(schema) + "." + TABLE
        conn.exec_driver_sql(
            f'CREATE UNIQUE INDEX CONCURRENTLY "uq ad day" ON {table} {definition}'
        )


@pytest.mark.usefixtures("without_temporary")
def test_without_temporary_the_same_index_is_still_compared_and_reused(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_table(engine, owner=migration_role.username)
    dba_index(engine, '(ad_id, "Day")')
    project = migrator(tmp_path, migration_role, project_driver)
    project.write_revision("r1", ADD_UQ)
    result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    assert "Reusing the valid index uq ad day built earlier (same definition)." in result.stderr
    assert unique_constraints(engine, TABLE) == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
    with engine.connect() as conn:  # the twin went with its transaction
        twins = sa.text("SELECT count(*) FROM pg_class WHERE starts_with(relname, :prefix)")
        assert conn.execute(twins, {"prefix": "alembic_safe_unique_scratch"}).scalar() == 0


@pytest.mark.usefixtures("without_temporary")
def test_without_temporary_another_definition_is_still_refused(
    tmp_path: Path, engine: sa.Engine, migration_role: sa.URL, project_driver: str
) -> None:
    make_table(engine, owner=migration_role.username)
    dba_index(engine, '("Day", ad_id)')
    project = migrator(tmp_path, migration_role, project_driver)
    project.write_revision("r1", ADD_UQ)
    result = project.cli("upgrade", "head")
    assert result.returncode != 0
    assert failure(result.stderr).startswith(
        "IndexConflictError: Index 'uq ad day' already exists with another definition."
    ), result.stderr
    assert unique_constraints(engine, TABLE) == {}


@pytest.mark.usefixtures("without_temporary")
def test_without_temporary_nor_create_on_the_schema_the_missing_privilege_is_named(
    tmp_path: Path,
    engine: sa.Engine,
    database_url: sa.URL,
    migration_role: sa.URL,
    project_driver: str,
) -> None:
    role = str(migration_role.username)
    with engine.begin() as conn:
        conn.exec_driver_sql('CREATE SCHEMA "Ad Data"')
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "Ad Data" TO "{role}"')
    make_table(engine, owner=role, schema="Ad Data")
    dba_index(engine, '(ad_id, "Day")', schema="Ad Data")
    project = migrator(tmp_path, migration_role, project_driver)
    project.write_revision("r1", ADD_UQ.replace("])", "], schema='Ad Data')"))
    result = project.cli("upgrade", "head")
    assert result.returncode != 0
    final = failure(result.stderr)
    assert final == (
        "InsufficientPrivilegeError: Index 'uq ad day' already exists on Ad Data.Ad Counter; "
        "to tell whether it is the index wanted, its definition is compared with one built on "
        f"an empty twin of the table, and role {role} may create that twin nowhere: it lacks "
        f"TEMPORARY on database {database_url.database} and CREATE on schema Ad Data. Nothing "
        f"was changed. Grant one of them (GRANT TEMPORARY ON DATABASE {database_url.database} "
        f'TO {role}; or GRANT CREATE ON SCHEMA "Ad Data" TO {role};), or, if that index is not '
        "the one wanted, drop it (DROP INDEX CONCURRENTLY), then run the migration again."
    ), result.stderr
    assert "permission denied" not in result.stderr
    with engine.begin() as conn:
        conn.exec_driver_sql(f'GRANT CREATE ON SCHEMA "Ad Data" TO "{role}"')
    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert unique_constraints(engine, '"Ad Data".' + TABLE) == {
        "uq ad day": 'UNIQUE (ad_id, "Day")'
    }


def test_the_documented_role_migrates_without_temporary_and_reuses_a_dbas_index(
    tmp_path: Path, engine: sa.Engine, database_url: sa.URL, project_driver: str
) -> None:
    """docs/recipes/privileges.md: its grants are enough, TEMPORARY revoked from everyone."""
    role = "Migrator " + uuid.uuid4().hex[:8]
    password = uuid.uuid4().hex
    with engine.begin() as conn:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql("CREATE TABLE ad_counter (id serial PRIMARY KEY, ad_id int, day int)")
        grants = sample("recipes/privileges.sql").replace("'change me'", f"'{password}'")
        conn.exec_driver_sql(re.sub(r"\bmigrator\b", quote(role), grants))
        database = quote(str(database_url.database))
        conn.exec_driver_sql(f"REVOKE TEMPORARY ON DATABASE {database} FROM PUBLIC")
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as dba:
            dba.exec_driver_sql(
                "CREATE UNIQUE INDEX CONCURRENTLY uq_ad_day ON ad_counter (ad_id, day)"
            )
        project = migrator(
            tmp_path, database_url.set(username=role, password=password), project_driver
        )
        project.write_revision(
            "r1",
            "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
        )
        result = project.cli("upgrade", "head")
        assert result.returncode == 0, result.stderr
        assert "Reusing the valid index uq_ad_day built earlier" in result.stderr
        assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP OWNED BY " + quote(role))
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP ROLE " + quote(role))
