"""Partitioned tables, one and two levels deep, end to end on a real server and project."""

from __future__ import annotations

import re
import signal

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject
from tests.fixtures.stories import upgrade_body
from tests.fixtures.tables import wait_until

SCHEMA = "Sales Dept"
TABLE = 'Event "Log"'
QUALIFIED = '"Sales Dept"."Event ""Log"""'
EU = '"Sales Dept"."Event ""Log"" EU"'
US = '"Sales Dept"."Event ""Log"" US"'
US_HIGH = '"Sales Dept"."Event ""Log"" US high"'

LAYOUTS = {
    "one level": [
        'CREATE TABLE {parent} ("Region" text, id bigint, code int, hits int) '
        'PARTITION BY LIST ("Region")',
        "CREATE TABLE {eu} PARTITION OF {parent} FOR VALUES IN ('eu')",
        "CREATE TABLE {us} PARTITION OF {parent} FOR VALUES IN ('us')",
        'CREATE TABLE "Sales Dept"."Event ""Log"" AP" PARTITION OF {parent} FOR VALUES IN (\'ap\')',
    ],
    "two levels": [
        'CREATE TABLE {parent} ("Region" text, id bigint, code int, hits int) '
        'PARTITION BY LIST ("Region")',
        "CREATE TABLE {eu} PARTITION OF {parent} FOR VALUES IN ('eu')",
        "CREATE TABLE {us} PARTITION OF {parent} FOR VALUES IN ('us') PARTITION BY RANGE (id)",
        'CREATE TABLE "Sales Dept"."Event ""Log"" US low" PARTITION OF {us} '
        "FOR VALUES FROM (MINVALUE) TO (5000)",
        "CREATE TABLE {us_high} PARTITION OF {us} FOR VALUES FROM (5000) TO (MAXVALUE)",
        'CREATE TABLE "Sales Dept"."Event ""Log"" AP" PARTITION OF {parent} FOR VALUES IN (\'ap\')',
    ],
}


def make_partitioned_table(engine: sa.Engine, layout: str, rows: int = 2000) -> None:
    """``rows`` rows per region; names that need quoting at every level."""
    names = {"parent": QUALIFIED, "eu": EU, "us": US, "us_high": US_HIGH}
    with engine.begin() as conn:
        conn.exec_driver_sql('CREATE SCHEMA "Sales Dept"')
        for statement in LAYOUTS[layout]:
            conn.exec_driver_sql(statement.format(**names))
        conn.execute(
            sa.text(
                f'INSERT INTO {QUALIFIED} ("Region", id, code, hits) '
                "SELECT region, g * 5, g, 1 FROM generate_series(1, :rows) AS g, "
                "unnest(ARRAY['eu', 'us', 'ap']) AS region"
            ),
            {"rows": rows},
        )


def constraint_tree(engine: sa.Engine) -> dict[str, tuple[str, str | None]]:
    """``{table: (constraint, parent constraint)}`` for every unique constraint in the schema."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT c.conrelid::regclass::text, c.conname, p.conname "
                "FROM pg_constraint c LEFT JOIN pg_constraint p ON p.oid = c.conparentid "
                "WHERE c.contype = 'u' AND c.connamespace = to_regnamespace(:schema)"
            ),
            {"schema": '"Sales Dept"'},
        ).all()
    return {table: (name, parent) for table, name, parent in rows}


def leaf_tables(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                sa.text(
                    "SELECT relid::regclass::text FROM pg_partition_tree(to_regclass(:t)) "
                    "WHERE isleaf ORDER BY 1"
                ),
                {"t": QUALIFIED},
            ).scalars()
        )


def bare_name(regclass_text: str) -> str:
    """``"Sales Dept"."Event ""Log"" EU"`` -> ``Event "Log" EU``."""
    return regclass_text.split(".", 1)[1].strip('"').replace('""', '"')


UQ = (
    "op.create_unique_constraint_concurrently("
    f"'uq \"Region\" id', {TABLE!r}, ['Region', 'id'], schema={SCHEMA!r})"
)


@pytest.mark.parametrize("layout", ["one level", "two levels"])
def test_constraint_is_built_per_partition_and_round_trips(
    project: AlembicProject, engine: sa.Engine, layout: str
) -> None:
    make_partitioned_table(engine, layout)
    before = schema_snapshot(engine)
    project.write_revision(
        "r1", UQ, f"op.drop_constraint('uq \"Region\" id', {TABLE!r}, schema={SCHEMA!r})"
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert unique_constraints(engine, QUALIFIED) == {'uq "Region" id': 'UNIQUE ("Region", id)'}
    tree = constraint_tree(engine)
    # Every leaf holds its own constraint, attached (conparentid) up to the parent's.
    for leaf in leaf_tables(engine):
        assert tree[leaf][1] is not None, (leaf, tree)
    assert len(tree) == len(leaf_tables(engine)) + (2 if layout == "two levels" else 1)
    assert len(re.findall(r"Built index .* in", result.stderr)) == len(leaf_tables(engine))
    assert "nothing rebuilt" in result.stderr
    assert invalid_indexes(engine) == []
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO {QUALIFIED} (\"Region\", id, code) VALUES ('us', 10, -1)"
        )
    after = schema_snapshot(engine)

    project.downgrade("base")
    assert schema_snapshot(engine) == before
    project.upgrade()
    assert schema_snapshot(engine) == after


@pytest.mark.parametrize(
    ("layout", "columns", "missing", "level"),
    [
        ("one level", ["code"], "'Region'", "partitioned"),
        ("two levels", ["Region", "code"], "'id'", "sub-partitioned"),
    ],
)
def test_key_without_the_partition_key_is_refused_before_anything_is_built(
    project: AlembicProject,
    engine: sa.Engine,
    layout: str,
    columns: list[str],
    missing: str,
    level: str,
) -> None:
    make_partitioned_table(engine, layout)
    before = schema_snapshot(engine)
    project.write_revision(
        "r1",
        f"op.create_unique_constraint_concurrently('uq_code', {TABLE!r}, {columns!r}, "
        f"schema={SCHEMA!r})",
    )

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert f"lacks column {missing}" in result.stderr
    assert f"is {level} by" in result.stderr
    assert "Nothing was built" in result.stderr
    assert schema_snapshot(engine) == before
    assert project.current(engine) is None


MODELS = """
import sqlalchemy as sa

metadata = sa.MetaData()
events = sa.Table(
    'Event "Log"', metadata,
    sa.Column("Region", sa.Text), sa.Column("id", sa.BigInteger),
    sa.Column("code", sa.Integer), sa.Column("hits", sa.Integer),
    schema="Sales Dept",
    postgresql_partition_by='LIST ("Region")',
)
{extra}
"""

# The include_object the partitioned-tables recipe shows.
ONLY_MODEL_TABLES = sample("recipes/partitioned_env.py")


@pytest.mark.parametrize("layout", ["one level", "two levels"])
def test_autogenerate_writes_a_per_partition_build_then_the_attach(
    project: AlembicProject, engine: sa.Engine, layout: str
) -> None:
    make_partitioned_table(engine, layout)
    project.use_rewriter(
        MODELS.format(extra=""),
        hook="alembic_safe_unique.rewriter, include_schemas=True, include_object=include_object",
        prelude=ONLY_MODEL_TABLES,
    )
    project.autogenerate("baseline")
    project.upgrade()
    before = schema_snapshot(engine)
    project.write_models(
        MODELS.format(extra='events.append_constraint(sa.UniqueConstraint("Region", "id"))')
    )

    paths = project.autogenerate("unique region id")

    build, attach = (upgrade_body(path) for path in paths[-2:])
    assert "partitions_only=True" in build
    assert "op.attach_unique_constraint(" in attach
    project.upgrade("+1")
    built = schema_snapshot(engine)
    # After the build revision: one unique index per leaf, none on the parents.
    new_indexes = [row for row in built if row not in before]
    assert sorted(row[2] for row in new_indexes) == sorted(
        bare_name(name) for name in leaf_tables(engine)
    )
    assert all("UNIQUE INDEX" in row[3] for row in new_indexes)

    project.upgrade()
    expected_name = 'Event "Log"_Region_id_key'
    assert unique_constraints(engine, QUALIFIED) == {expected_name: 'UNIQUE ("Region", id)'}
    assert project.check().strip().startswith("No new upgrade operations detected")

    project.downgrade("-1")
    assert schema_snapshot(engine) == built
    project.downgrade("-1")
    assert schema_snapshot(engine) == before


@pytest.mark.parametrize("layout", ["one level", "two levels"])
def test_plain_index_on_a_partitioned_table_is_assembled_from_concurrent_builds(
    project: AlembicProject, engine: sa.Engine, layout: str
) -> None:
    make_partitioned_table(engine, layout)
    before = schema_snapshot(engine)
    project.write_revision(
        "r1",
        f"""
        with op.get_context().autocommit_block():
            op.create_index_concurrently('ix_hits', {TABLE!r}, ['hits'], schema={SCHEMA!r})
        """,
        f"""
        with op.get_context().autocommit_block():
            op.drop_index_concurrently('ix_hits', {TABLE!r}, schema={SCHEMA!r})
        """,
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert "Assembled index 'ix_hits'" in result.stderr
    with engine.connect() as conn:
        parent_index = conn.execute(
            sa.text(
                "SELECT i.indisvalid, (SELECT count(*) FROM pg_partition_tree(i.indexrelid)) "
                "FROM pg_index i WHERE i.indexrelid = to_regclass(:name)"
            ),
            {"name": '"Sales Dept".ix_hits'},
        ).one()
    levels = 2 if layout == "two levels" else 1
    assert tuple(parent_index) == (True, len(leaf_tables(engine)) + levels)

    project.downgrade("base")
    assert schema_snapshot(engine) == before


@pytest.mark.parametrize("layout", ["one level", "two levels"])
def test_migration_killed_on_one_partition_resumes_without_redoing_the_others(
    project: AlembicProject, engine: sa.Engine, layout: str
) -> None:
    """SIGKILL ``alembic upgrade`` while the build on the US high partition waits, re-run it."""
    make_partitioned_table(engine, layout)
    target = US_HIGH if layout == "two levels" else US
    project.write_revision("r1", UQ)
    writer = engine.connect()
    writer.exec_driver_sql(  # an open write: the build on this one partition waits for it
        f"INSERT INTO {target} (\"Region\", id, code) VALUES ('us', 999995, -1)"
    )

    process = project.popen("upgrade", "head")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
        wait_until(
            lambda: (
                watcher.execute(
                    sa.text(
                        "SELECT count(*) FROM pg_stat_progress_create_index "
                        "WHERE relid = to_regclass(:t) AND phase LIKE 'waiting%'"
                    ),
                    {"t": target},
                ).scalar()
                == 1
            ),
            timeout=60,
        )
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    writer.rollback()
    writer.close()
    done_before_kill = [leaf for leaf in leaf_tables(engine) if leaf in constraint_tree(engine)]
    assert EU in done_before_kill and target not in done_before_kill

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    for leaf in done_before_kill:
        name = bare_name(leaf)
        assert re.search(rf"unique constraint '{re.escape(name)}_.*already in place", result.stderr)
    assert len(re.findall(r"Built index .* in", result.stderr)) <= len(leaf_tables(engine)) - len(
        done_before_kill
    )
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, QUALIFIED) == {'uq "Region" id': 'UNIQUE ("Region", id)'}
    assert all(leaf in constraint_tree(engine) for leaf in leaf_tables(engine))
    assert project.current(engine) == "r1"


def test_partition_names_fit_in_63_bytes_and_stay_distinct() -> None:
    """The constraint names given to partitions stay within PostgreSQL's 63 bytes."""
    from alembic_safe_unique.postgresql.partition_tree import Partition, partition_object_name

    long = Partition(1, "s", "p" * 60, None, 1, "r")
    name = partition_object_name("uq_" + "x" * 40, long)
    assert len(name.encode()) <= 63
    assert name != partition_object_name("uq_" + "x" * 41, long)
