"""The run-time guard on plain Alembic ops, through the ``alembic`` command line on a real server.

Tables hold real rows and are ANALYZEd, so the guard's estimate (``pg_class.reltuples``) is the
catalog's own; the SQL Alembic runs is read from its ``sqlalchemy.engine`` log, as a user who
turns that logger on in ``alembic.ini`` would see it.
"""

from __future__ import annotations

import re
import subprocess

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject

TABLES = """
op.create_table(
    "ad counter",
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
)
op.create_table("tiny", sa.Column("id", sa.Integer, primary_key=True), sa.Column("code", sa.Text))
"""

ROWS = """
INSERT INTO "ad counter" (ad_id, day) SELECT g, date '2026-01-01' + g % 30
FROM generate_series(1, 5000) g;
INSERT INTO tiny (code) SELECT 'c' || g FROM generate_series(1, 10) g;
ANALYZE "ad counter";
ANALYZE tiny;
"""

UNIQUE_PAIR = 'op.create_unique_constraint("uq_ad_day", "ad counter", ["ad_id", "day"])'
PLAIN_ALTER = 'ALTER TABLE "ad counter" ADD CONSTRAINT uq_ad_day UNIQUE (ad_id, day)'


@pytest.fixture
def guarded(project: AlembicProject, engine: sa.Engine) -> AlembicProject:
    """Two tables at revision g1: "ad counter" with 5,000 rows, tiny with 10; SQL logged."""
    # [logger_sqlalchemy] says "level = WARN" (older templates) or "level = WARNING".
    project.ini.write_text(
        re.sub(
            r"(\[logger_sqlalchemy\]\nlevel = )WARN(ING)?",
            r"\1INFO",
            project.ini.read_text(),
        )
    )
    project.write_revision("g1", TABLES)
    project.upgrade("g1")
    with engine.begin() as conn:
        for statement in ROWS.split(";"):
            if statement.strip():
                conn.execute(sa.text(statement))
    return project


def prepare(project: AlembicProject, settings: str, body: str) -> None:
    """env.py configures the guard; revision g2 runs ``body``."""
    project.configure_in_env(settings)
    project.write_revision("g2", body, down_revision="g1")


def upgrade(project: AlembicProject, settings: str, body: str) -> subprocess.CompletedProcess[str]:
    """``alembic upgrade head`` to g2."""
    prepare(project, settings, body)
    return project.cli("upgrade", "head")


def test_warn_names_the_op_the_table_and_the_fix_and_runs_it(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    result = upgrade(guarded, "unsafe_ops_min_rows=1000", UNIQUE_PAIR)  # "warn" by default
    assert result.returncode == 0, result.stderr
    assert (
        "op.create_unique_constraint('uq_ad_day') on ad counter (about 5,000 rows "
        "(pg_class.reltuples), above unsafe_ops_min_rows=1,000) builds while holding a lock "
        "that stops reads and writes for the whole build. Use "
        "op.create_unique_constraint_concurrently('uq_ad_day', 'ad counter', ...)"
    ) in result.stderr
    assert PLAIN_ALTER in result.stderr
    assert unique_constraints(engine, '"ad counter"') == {"uq_ad_day": "UNIQUE (ad_id, day)"}


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (UNIQUE_PAIR, "op.create_unique_constraint('uq_ad_day')"),
        (
            'op.create_index("ix_day", "ad counter", ["day"])',
            "op.create_index('ix_day') (index)",
        ),
        (
            'op.add_column("ad counter", sa.Column("code", sa.Text, unique=True))',
            "op.add_column('code', unique=True)",
        ),
    ],
)
def test_refuse_stops_a_plain_op_on_a_large_table_before_it_runs(
    guarded: AlembicProject, engine: sa.Engine, body: str, named: str
) -> None:
    result = upgrade(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=1000", body)
    assert result.returncode != 0
    assert f"UnsafeOperationError: {named} on ad counter (about 5,000 rows" in result.stderr
    assert "(unsafe_ops='refuse'). Nothing was changed by this operation." in result.stderr
    assert '"ad counter" ADD' not in result.stderr and "CREATE INDEX" not in result.stderr
    assert guarded.current(engine) == "g1"


def test_below_min_rows_and_on_new_tables_plain_ops_run_quietly(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    body = """
    op.create_unique_constraint("uq_tiny_code", "tiny", ["code"])
    op.create_table("fresh", sa.Column("id", sa.Integer), sa.Column("code", sa.Text))
    op.create_index("ix_fresh_code", "fresh", ["code"], unique=True)
    """
    result = upgrade(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=1000", body)
    assert result.returncode == 0, result.stderr
    assert "unsafe_ops_min_rows" not in result.stderr
    assert "ALTER TABLE tiny ADD CONSTRAINT uq_tiny_code UNIQUE (code)" in result.stderr
    assert guarded.current(engine) == "g2"


def never_analysed(engine: sa.Engine, table: str, rows: int) -> None:
    """A seeded table autovacuum leaves alone (it analyses nothing below 50 changed rows)."""
    quoted = '"' + table + '"'
    with engine.begin() as conn:  # autovacuum off: it stays never analysed
        conn.exec_driver_sql(
            f"CREATE TABLE {quoted} (id int, code text) WITH (autovacuum_enabled = false)"
        )
        conn.execute(
            sa.text(f"INSERT INTO {quoted} SELECT g, 'c' || g FROM generate_series(1, :rows) g"),
            {"rows": rows},
        )


def test_a_seeded_lookup_table_never_analysed_is_small_by_its_size_on_disk(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    never_analysed(engine, "Country Code", 10)  # one 8 kB page: 291 rows at most
    body = 'op.create_unique_constraint("uq country code", "Country Code", ["code"])'
    result = upgrade(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=1000", body)
    assert result.returncode == 0, result.stderr
    assert "unsafe_ops_min_rows" not in result.stderr
    assert unique_constraints(engine, '"Country Code"') == {"uq country code": "UNIQUE (code)"}


def test_a_big_table_never_analysed_counts_as_large(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    never_analysed(engine, "Raw Events", 10_000)
    with engine.connect() as conn:
        size = conn.execute(sa.text("SELECT pg_relation_size('\"Raw Events\"')")).scalar_one()
    body = 'op.create_index("ix raw", "Raw Events", ["id"])'
    result = upgrade(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=1000", body)
    assert result.returncode != 0
    assert (
        f"op.create_index('ix raw') (index) on Raw Events (never analysed, {size:,} bytes on "
        f"disk (room for up to {size // 8192 * 291:,} rows): row count unknown, taken as large"
    ) in failure(result.stderr)
    assert guarded.current(engine) == "g1"


def test_rewrite_builds_concurrently_then_attaches_instead(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    body = UNIQUE_PAIR + '\nop.create_index("ix_day", "ad counter", ["day"])'
    result = upgrade(guarded, "unsafe_ops='rewrite', unsafe_ops_min_rows=1000", body)
    assert result.returncode == 0, result.stderr
    assert (
        "op.create_unique_constraint('uq_ad_day') on ad counter: running "
        "op.create_unique_constraint_concurrently('uq_ad_day', 'ad counter', ...) instead."
    ) in result.stderr
    assert 'CREATE UNIQUE INDEX CONCURRENTLY uq_ad_day ON public."ad counter" (ad_id, day)' in (
        result.stderr
    )
    attach = 'ALTER TABLE public."ad counter" ADD CONSTRAINT uq_ad_day UNIQUE USING INDEX uq_ad_day'
    assert attach in result.stderr
    assert 'CREATE INDEX CONCURRENTLY ix_day ON public."ad counter" (day)' in result.stderr
    assert PLAIN_ALTER not in result.stderr
    assert unique_constraints(engine, '"ad counter"') == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    assert guarded.current(engine) == "g2"


def test_rewrite_refuses_when_the_revision_already_wrote_in_its_transaction(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    body = 'op.add_column("ad counter", sa.Column("note", sa.Text))\n' + UNIQUE_PAIR
    result = upgrade(guarded, "unsafe_ops='rewrite', unsafe_ops_min_rows=1000", body)
    assert result.returncode != 0
    assert (
        "unsafe_ops='rewrite' cannot replace it: this revision has already changed something "
        "in its transaction" in result.stderr
    )
    assert "Run this op in a revision of its own" in result.stderr
    assert "CONCURRENTLY" not in result.stderr
    with engine.connect() as conn:  # the add_column was rolled back with the rest
        columns = sa.inspect(conn).get_columns("ad counter")
    assert "note" not in {column["name"] for column in columns}
    assert guarded.current(engine) == "g1"


def test_assume_safe_lets_a_deliberate_plain_op_through(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    body = f"""
    import alembic_safe_unique
    with alembic_safe_unique.assume_safe("maintenance window, table locked anyway"):
        {UNIQUE_PAIR}
    """
    result = upgrade(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=1000", body)
    assert result.returncode == 0, result.stderr
    assert (
        "op.create_unique_constraint('uq_ad_day') runs as written (assume_safe: maintenance "
        "window, table locked anyway)."
    ) in result.stderr
    assert PLAIN_ALTER in result.stderr


def test_offline_sql_is_written_without_touching_a_database(guarded: AlembicProject) -> None:
    guarded.ini.write_text(
        guarded.ini.read_text().replace(
            guarded.url.render_as_string(hide_password=False).replace("%", "%%"),
            "postgresql+psycopg://nobody@127.0.0.1:1/unreachable",
        )
    )
    prepare(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=0", UNIQUE_PAIR)
    result = guarded.cli("upgrade", "g1:head", "--sql")
    assert result.returncode == 0, result.stderr
    assert PLAIN_ALTER + ";" in result.stdout
    assert "reltuples" not in result.stdout and "txid" not in result.stdout


def test_batch_ops_are_guarded_and_not_rewritten(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    body = """
    with op.batch_alter_table("ad counter") as batch_op:
        batch_op.create_unique_constraint("uq_ad_day", ["ad_id", "day"])
    """
    result = upgrade(guarded, "unsafe_ops='rewrite', unsafe_ops_min_rows=1000", body)
    assert result.returncode != 0
    assert (
        "unsafe_ops='rewrite' cannot replace it: it runs inside batch_alter_table(), which "
        "applies its ops together."
    ) in result.stderr
    assert guarded.current(engine) == "g1"


def test_a_partitioned_table_is_sized_by_its_partitions(
    guarded: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        for statement in (
            "CREATE TABLE measurement (sensor_id int, taken_on date) PARTITION BY RANGE (taken_on)",
            "CREATE TABLE measurement_2025 PARTITION OF measurement "
            "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
            "CREATE TABLE measurement_2026 PARTITION OF measurement "
            "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
            "INSERT INTO measurement SELECT g, date '2025-07-01' + g % 360 "
            "FROM generate_series(1, 6000) g",
            "ANALYZE measurement_2025",
            "ANALYZE measurement_2026",
        ):
            conn.execute(sa.text(statement))
    body = 'op.create_index("ix_measurement_sensor", "measurement", ["sensor_id"])'
    result = upgrade(guarded, "unsafe_ops='refuse', unsafe_ops_min_rows=5000", body)
    assert result.returncode != 0
    assert (
        "op.create_index('ix_measurement_sensor') (index) on measurement (about 6,000 rows "
        "(pg_class.reltuples), above unsafe_ops_min_rows=5,000) builds while holding a lock that "
        "stops writes for the whole build."
    ) in result.stderr
