"""Bad input is refused before anything is built or committed, with the catalog as it was."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import schema_snapshot, unique_constraints
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject

SETUP = """
CREATE TABLE "Ad Counter" (id serial PRIMARY KEY, ad_id int, "Day" int, hits int,
                           CONSTRAINT "uq check" CHECK (hits >= 0));
INSERT INTO "Ad Counter" (ad_id, "Day", hits) SELECT k, mod(k, 7), 1 FROM generate_series(1, 50) k;
CREATE MATERIALIZED VIEW "Daily Hits" AS SELECT ad_id, "Day", sum(hits) AS hits
  FROM "Ad Counter" GROUP BY ad_id, "Day";
CREATE VIEW "Recent Ads" AS SELECT * FROM "Ad Counter";
CREATE FOREIGN DATA WRAPPER "Remote Wrapper";
CREATE SERVER "Remote" FOREIGN DATA WRAPPER "Remote Wrapper";
CREATE FOREIGN TABLE "Remote Ads" (ad_id int, "Day" int) SERVER "Remote";
CREATE SEQUENCE "uq taken";
"""

CREATE = "op.create_unique_constraint_concurrently"
CASES = {
    "column listed twice": (
        f"{CREATE}('uq_ad_day', 'Ad Counter', ['ad_id', 'Day', 'ad_id'])",
        "InvalidArgumentError",
        "lists 'ad_id' more than once",
    ),
    "column that does not exist": (
        f"{CREATE}('uq_ad_day', 'Ad Counter', ['ad_id', 'day'])",
        "ColumnNotFoundError",
        "Ad Counter has no column 'day' (named in columns). Its columns are: id, ad_id, Day, hits",
    ),
    "included column that does not exist": (
        "op.create_index_concurrently('ix_ad', 'Ad Counter', ['ad_id'], unique=True,"
        " postgresql_include=['hitz'])",
        "ColumnNotFoundError",
        "no column 'hitz' (named in postgresql_include)",
    ),
    "empty column list": (
        f"{CREATE}('uq_ad_day', 'Ad Counter', [])",
        "InvalidArgumentError",
        "columns is empty",
    ),
    "a string for the columns": (
        f"{CREATE}('uq_ad_day', 'Ad Counter', 'ad_id, Day')",
        "InvalidArgumentError",
        "Write columns=['ad_id', 'Day']",
    ),
    "a string for the dedupe key": (
        "op.deduplicate_rows('Ad Counter', 'ad_id, Day')",
        "InvalidArgumentError",
        "Write columns=['ad_id', 'Day']",
    ),
    "a comma-separated order_by": (
        "op.deduplicate_rows('Ad Counter', ['ad_id'], order_by='Day, id')",
        "InvalidArgumentError",
        "Write order_by=['Day', 'id']",
    ),
    "dedupe counter that does not exist": (
        "op.deduplicate_rows('Ad Counter', ['ad_id'], sum_columns=['hit'])",
        "ColumnNotFoundError",
        "no column 'hit' (named in sum_columns)",
    ),
    "constraint on a materialized view": (
        f"{CREATE}('uq_daily', 'Daily Hits', ['ad_id', 'Day'])",
        "NotATableError",
        "'Daily Hits' is a materialized view and cannot carry a unique constraint. PostgreSQL "
        "cannot put a constraint on one, but a unique index works",
    ),
    "constraint on a view": (
        f"{CREATE}('uq_recent', 'Recent Ads', ['ad_id'])",
        "NotATableError",
        "'Recent Ads' is a view and cannot carry a unique constraint. A view holds no rows",
    ),
    "index on a view": (
        "op.create_index_concurrently('ix_recent', 'Recent Ads', ['ad_id'])",
        "NotATableError",
        "'Recent Ads' is a view and cannot carry an index",
    ),
    "constraint on a foreign table": (
        f"{CREATE}('uq_remote', 'Remote Ads', ['ad_id'])",
        "NotATableError",
        "'Remote Ads' is a foreign table and cannot carry a unique constraint. Its rows live "
        "on another server",
    ),
    "dedupe of a materialized view": (
        "op.deduplicate_rows('Daily Hits', ['ad_id'])",
        "NotATableError",
        "remove the duplicates from the tables it reads",
    ),
    "name of a CHECK constraint on the table": (
        f"{CREATE}('uq check', 'Ad Counter', ['ad_id', 'Day'])",
        "NameInUseError",
        "'uq check' is already the name of a CHECK constraint on public.Ad Counter",
    ),
    "name of a sequence in the schema": (
        f"{CREATE}('uq taken', 'Ad Counter', ['ad_id', 'Day'])",
        "NameInUseError",
        "'uq taken' is already the name of a sequence in the schema of public.Ad Counter",
    ),
    "name of an index on another table": (
        "op.create_index_concurrently('Daily Hits ad', 'Daily Hits', ['ad_id'])\n"
        f"{CREATE}('Daily Hits ad', 'Ad Counter', ['ad_id', 'Day'])",
        "NameInUseError",
        "'Daily Hits ad' is already the name of a index (on another table)",
    ),
}


@pytest.fixture
def bad_input_project(project: AlembicProject, engine: sa.Engine) -> AlembicProject:
    with engine.begin() as conn:
        conn.exec_driver_sql(SETUP)
    return project


@pytest.mark.parametrize("case", list(CASES))
def test_refused_with_what_to_change_and_the_catalog_untouched(
    bad_input_project: AlembicProject, engine: sa.Engine, case: str
) -> None:
    upgrade, error, message = CASES[case]
    before = schema_snapshot(engine)
    first, _, second = upgrade.partition("\n")
    if second:  # the setup half runs in a revision of its own, which must succeed
        bad_input_project.write_revision("r0", first)
        assert bad_input_project.cli("upgrade", "r0").returncode == 0
        before = schema_snapshot(engine)
        bad_input_project.write_revision("r1", second, down_revision="r0")
    else:
        bad_input_project.write_revision("r1", upgrade)

    result = bad_input_project.cli("upgrade", "head")

    assert result.returncode != 0
    assert failure(result.stderr).startswith(f"{error}: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert message in " ".join(result.stderr.split()), result.stderr
    assert "Nothing was changed" in result.stderr or error == "InvalidArgumentError"
    assert schema_snapshot(engine) == before
    assert bad_input_project.current(engine) == ("r0" if second else None)


def test_unnamed_constraint_is_named_as_postgresql_would_and_reruns_cleanly(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'CREATE TABLE "Ad Counter" (id serial PRIMARY KEY, ad_id int, "Day" int)'
        )
    project.write_revision("r1", f"{CREATE}(None, 'Ad Counter', ['ad_id', 'Day'])")

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert unique_constraints(engine, '"Ad Counter"') == {
        "Ad Counter_ad_id_Day_key": 'UNIQUE (ad_id, "Day")'
    }
    assert "was given no name: it is Ad Counter_ad_id_Day_key, by PostgreSQL's own rule" in (
        result.stderr
    )
    project.write_revision(
        "r2", f"{CREATE}(None, 'Ad Counter', ['ad_id', 'Day'])", down_revision="r1"
    )
    again = project.cli("upgrade", "head")
    assert again.returncode == 0, again.stderr
    assert "is already in place; nothing to do" in again.stderr
    assert len(unique_constraints(engine, '"Ad Counter"')) == 1


def test_unnamed_constraint_follows_the_models_naming_convention(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'CREATE TABLE "Ad Counter" (id serial PRIMARY KEY, ad_id int, "Day" int)'
        )
    project.use_rewriter(
        """
        import sqlalchemy as sa

        metadata = sa.MetaData(naming_convention={"uq": "uq_%(table_name)s_%(column_0_N_name)s"})
        """
    )
    project.write_revision("r1", f"{CREATE}(None, 'Ad Counter', ['ad_id', 'Day'])")

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert unique_constraints(engine, '"Ad Counter"') == {
        "uq_Ad Counter_ad_id_Day": 'UNIQUE (ad_id, "Day")'
    }
