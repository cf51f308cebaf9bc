"""op.create_primary_key_concurrently end to end: a real server, a real project, the CLI."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject
from tests.fixtures.tools import psql, squawk

TABLE = '"Ad Counter"'
ADD_PK = (
    "op.create_primary_key_concurrently('Ad Counter pkey', 'Ad Counter', ['Id'], "
    "nullable_before=['Id'])"
)
DROP_PK = (
    "op.drop_primary_key_concurrently('Ad Counter pkey', 'Ad Counter', ['Id'], "
    "make_nullable=['Id'])"
)
HELPER = "Ad Counter pkey_asu_not_null"


def make_table(engine: sa.Engine, rows: int = 20_000) -> None:
    """A table without a primary key whose key-to-be is nullable (as legacy tables are)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} ("Id" bigint, "Ad" int, hits int)')
        conn.execute(
            sa.text(
                f'INSERT INTO {TABLE} ("Id", "Ad", hits) '
                "SELECT g, g % 100, 1 FROM generate_series(1, :rows) AS g"
            ),
            {"rows": rows},
        )


def constraints(engine: sa.Engine) -> dict[str, str]:
    """The table's constraints but NOT NULL (a constraint of its own from PostgreSQL 18)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = to_regclass(:table) AND contype <> 'n'"
            ),
            {"table": TABLE},
        ).all()
    return dict(rows)  # type: ignore[arg-type]


def id_not_null(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT attnotnull FROM pg_attribute "
                    "WHERE attrelid = to_regclass(:table) AND attname = 'Id'"
                ),
                {"table": TABLE},
            ).scalar()
        )


def test_upgrade_under_writers_sets_not_null_builds_and_attaches_then_round_trips(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine)
    before = schema_snapshot(engine)
    project.write_revision("r1", ADD_PK, DROP_PK)
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def write() -> None:
        with engine.connect() as conn:
            key = 1_000_000
            while not stop.is_set():
                try:
                    conn.execute(
                        sa.text(f'INSERT INTO {TABLE} ("Id", "Ad", hits) VALUES (:id, 1, 1)'),
                        {"id": key},
                    )
                    conn.commit()
                    written.append(key)
                    key += 1
                except sa.exc.DBAPIError as error:
                    errors.append(error)
                    conn.rollback()
                    return

    writer = threading.Thread(target=write)
    writer.start()
    try:
        result = project.cli("upgrade", "head")
    finally:
        stop.set()
        writer.join(30)

    assert result.returncode == 0, result.stderr
    assert errors == []
    assert written, "the writer kept writing during the upgrade"
    assert "Set NOT NULL on Id of public.Ad Counter" in result.stderr
    assert constraints(engine) == {"Ad Counter pkey": 'PRIMARY KEY ("Id")'}
    assert id_not_null(engine)
    assert invalid_indexes(engine) == []
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql(f'INSERT INTO {TABLE} ("Id") VALUES ({written[0]})')
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DELETE FROM {TABLE} WHERE "Id" >= 1000000')
    after = schema_snapshot(engine)

    project.downgrade("base")
    assert schema_snapshot(engine) == before  # no key, and "Id" nullable again
    project.upgrade()
    assert schema_snapshot(engine) == after


def test_rows_with_null_are_refused_naming_the_column_and_leaving_nothing(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine, 1000)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'INSERT INTO {TABLE} ("Id") VALUES (NULL), (NULL), (NULL)')
    before = schema_snapshot(engine)
    project.write_revision("r1", ADD_PK)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    message = failure(result.stderr)
    assert message.startswith("NullValuesError: Cannot add primary key 'Ad Counter pkey'")
    assert "'Id': 3 rows" in message
    assert schema_snapshot(engine) == before  # the NOT VALID check is gone again
    assert project.current(engine) is None


def test_duplicates_are_refused_and_the_leftover_index_dropped(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine, 1000)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'INSERT INTO {TABLE} ("Id") VALUES (7)')
    project.write_revision("r1", ADD_PK)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    message = failure(result.stderr)
    assert message.startswith("DuplicateKeysError: Cannot build unique index 'Ad Counter pkey'")
    assert re.search(r'Key \("Id"\)=\(7\) is duplicated', message)
    assert invalid_indexes(engine) == []
    assert constraints(engine) == {}  # no key, no helper check left
    assert project.current(engine) is None


def test_a_table_with_a_primary_key_or_a_missing_column_is_refused_with_nothing_changed(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table(engine, 10)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f'ALTER TABLE {TABLE} ADD CONSTRAINT "Old Key" PRIMARY KEY ("Ad", hits)'
        )
    project.write_revision("r1", ADD_PK)
    before = schema_snapshot(engine)

    result = project.cli("upgrade", "head")

    message = failure(result.stderr)
    assert message.startswith("PrimaryKeyExistsError: public.Ad Counter already has a primary")
    assert "'Old Key' on (Ad, hits)" in message
    assert schema_snapshot(engine) == before

    project.write_revision("r1", "op.create_primary_key_concurrently('pk', 'Ad Counter', ['Nope'])")
    result = project.cli("upgrade", "head")
    assert failure(result.stderr).startswith("ColumnNotFoundError:")
    assert schema_snapshot(engine) == before


@pytest.mark.parametrize(
    ("left_behind", "then_said"),
    [
        (
            f'ALTER TABLE {TABLE} ADD CONSTRAINT "{HELPER}" CHECK ("Id" IS NOT NULL) NOT VALID',
            "Validating Ad Counter pkey_asu_not_null",
        ),
        (
            f'ALTER TABLE {TABLE} ADD CONSTRAINT "{HELPER}" CHECK ("Id" IS NOT NULL)',
            "Reusing the valid check Ad Counter pkey_asu_not_null",
        ),
        (
            f'ALTER TABLE {TABLE} ALTER COLUMN "Id" SET NOT NULL; '
            f'ALTER TABLE {TABLE} ADD CONSTRAINT "{HELPER}" CHECK ("Id" IS NOT NULL)',
            "Dropping the helper check",
        ),
        (
            f'CREATE UNIQUE INDEX "Ad Counter pkey" ON {TABLE} ("Id"); '
            "UPDATE pg_index SET indisvalid = false "
            "WHERE indexrelid = '\"Ad Counter pkey\"'::regclass",
            "Dropping the invalid index Ad Counter pkey",
        ),
        (
            f'ALTER TABLE {TABLE} ALTER COLUMN "Id" SET NOT NULL; '
            f'CREATE UNIQUE INDEX "Ad Counter pkey" ON {TABLE} ("Id")',
            "Reusing the valid index Ad Counter pkey",
        ),
    ],
    ids=["check-not-valid", "check-valid", "not-null-check-left", "invalid-index", "valid-index"],
)
def test_rerun_after_a_failure_at_any_step_continues_from_what_is_there(
    project: AlembicProject, engine: sa.Engine, left_behind: str, then_said: str
) -> None:
    make_table(engine, 2000)
    with engine.begin() as conn:
        for statement in left_behind.split("; "):
            conn.exec_driver_sql(statement)
    project.write_revision("r1", ADD_PK)

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert then_said in result.stderr
    assert constraints(engine) == {"Ad Counter pkey": 'PRIMARY KEY ("Id")'}
    assert invalid_indexes(engine) == []
    project.cli("stamp", "base")
    again = project.cli("upgrade", "head")
    assert again.returncode == 0, again.stderr
    assert "Primary key 'Ad Counter pkey' is already in place; nothing to do." in again.stderr


def test_offline_script_runs_twice_in_psql_and_squawk_finds_no_issue(
    project: AlembicProject, engine: sa.Engine, tmp_path: Path
) -> None:
    make_table(engine, 1000)
    project.write_revision("r0", "pass")
    project.write_revision("r1", ADD_PK, down_revision="r0")
    project.upgrade("r0")
    script = tmp_path / "upgrade.sql"
    script.write_text(project.upgrade_sql("r0:head"))

    verdict = squawk(script)
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    for _ in range(2):
        psql(engine, script)
    assert constraints(engine) == {"Ad Counter pkey": 'PRIMARY KEY ("Id")'}
    assert id_not_null(engine)
    assert project.current(engine) == "r1"
