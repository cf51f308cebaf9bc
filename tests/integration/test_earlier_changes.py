"""A hand-written revision that changes the schema, then builds concurrently: no half-applied
revision behind the user's back, and errors that tell the truth about what stays."""

from __future__ import annotations

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject

TABLE = '"Ad Counter"'
ADD_COLUMN = "op.add_column('Ad Counter', sa.Column('Seen At', sa.DateTime()))"
BUILD_OTHER = "op.create_index_concurrently('ix ad', 'Ad Counter', ['ad_id'])"
ADD_UQ = "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])"


def make_table_with_duplicates(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
        conn.exec_driver_sql(f'INSERT INTO {TABLE} (ad_id, "Day") VALUES (1, 1), (1, 1), (2, 1)')


def test_schema_change_before_a_concurrent_build_is_refused_before_anything_commits(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table_with_duplicates(engine)
    before = schema_snapshot(engine)
    project.write_revision("r1", f"{ADD_COLUMN}\n{ADD_UQ}")

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert failure(result.stderr).startswith("UncommittedChangesError: ")
    assert "Split the revision" in result.stderr
    assert "commit_earlier_changes=True" in result.stderr
    assert schema_snapshot(engine) == before  # the column was rolled back with the revision
    assert project.current(engine) is None


def test_statements_in_an_earlier_revision_of_the_same_run_are_not_mistaken_for_this_ones(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE TABLE {TABLE} (id serial PRIMARY KEY, ad_id int, "Day" int)')
    project.write_revision("r1", ADD_COLUMN)
    project.write_revision("r2", ADD_UQ, down_revision="r1")

    result = project.cli("upgrade", "head")  # one run, one transaction (Alembic's default)

    assert result.returncode == 0, result.stderr
    assert project.current(engine) == "r2"


def test_with_the_opt_in_the_error_says_what_was_committed_and_what_stays(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table_with_duplicates(engine)
    project.configure_in_env("commit_earlier_changes=True")
    project.write_revision("r1", f"{ADD_COLUMN}\n{BUILD_OTHER}\n{ADD_UQ}")

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    stderr = " ".join(result.stderr.split())
    assert "DuplicateKeysError" in stderr
    assert "nothing is left behind" not in stderr.lower()
    assert "Index ix ad built earlier in this revision stays, valid; the re-run reuses it." in (
        stderr
    )
    assert "This revision's statements before the build were committed" in stderr
    assert "This revision is not stamped as applied." in stderr
    with engine.connect() as conn:
        columns = conn.exec_driver_sql(
            "SELECT attname FROM pg_attribute WHERE attrelid = '\"Ad Counter\"'::regclass"
            " AND attnum > 0"
        ).scalars()
        assert "Seen At" in list(columns)  # what the message says stays, stays
    assert invalid_indexes(engine) == []
    assert project.current(engine) is None


def test_a_failed_build_alone_says_nothing_else_is_left_behind(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_table_with_duplicates(engine)
    before = schema_snapshot(engine)
    project.write_revision("r1", ADD_UQ)

    result = project.cli("upgrade", "head")

    assert "The failed index was dropped. Nothing else is left behind." in result.stderr
    assert schema_snapshot(engine) == before
