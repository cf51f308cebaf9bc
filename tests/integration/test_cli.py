"""``alembic-safe-unique check`` and ``invalid-indexes`` on real projects and servers."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time

import sqlalchemy as sa

from alembic_safe_unique.cli.console import parser
from tests.fixtures.catalog_snapshot import invalid_indexes
from tests.fixtures.docs_samples import assert_output_as_documented, commands
from tests.fixtures.project import AlembicProject


def tool(project: AlembicProject, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script, run from the project directory as a user would."""
    executable = os.path.join(os.path.dirname(sys.executable), "alembic-safe-unique")
    return subprocess.run(
        [executable, "-c", str(project.ini), *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def plant_duplicates(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'CREATE TABLE "Order Lines" (id serial PRIMARY KEY, "Order" int, sku text, '
            "coupon text, active boolean NOT NULL DEFAULT true)"
        )
        conn.exec_driver_sql(
            'INSERT INTO "Order Lines" ("Order", sku, coupon) '
            "SELECT g, 'sku-' || g, 'c-' || g FROM generate_series(1, 5000) g"
        )
        # Two (Order, sku) pairs duplicated: one three times, one twice.
        conn.exec_driver_sql(
            'INSERT INTO "Order Lines" ("Order", sku, coupon) VALUES '
            "(7, 'sku-7', 'x1'), (7, 'sku-7', 'x2'), (9, 'sku-9', 'x3')"
        )
        # Repeated (Order, NULL): distinct for a plain unique, equal under NULLS NOT DISTINCT.
        conn.exec_driver_sql(
            'INSERT INTO "Order Lines" ("Order", sku, coupon) VALUES '
            "(11, NULL, 'n1'), (11, NULL, 'n2')"
        )
        # Duplicate coupons only among inactive rows: a partial unique on active ignores them.
        conn.exec_driver_sql(
            'INSERT INTO "Order Lines" ("Order", sku, coupon, active) VALUES '
            "(20, 'z-1', 'c-20', false), (21, 'z-2', 'c-21', false)"
        )


def test_check_counts_duplicates_with_null_and_partial_semantics(
    project: AlembicProject, engine: sa.Engine
) -> None:
    plant_duplicates(engine)
    project.write_revision(
        "r1",
        "op.create_unique_constraint_concurrently('uq_order_sku', 'Order Lines', ['Order', 'sku'])",
    )
    project.write_revision(
        "r2",
        "op.create_unique_constraint('uq_order_sku_nnd', 'Order Lines', ['Order', 'sku'],"
        " postgresql_nulls_not_distinct=True)",
        down_revision="r1",
    )
    project.write_revision(
        "r3",
        "with op.get_context().autocommit_block():\n"
        "    op.create_index_concurrently('uq_active_coupon', 'Order Lines', ['coupon'],"
        " unique=True, postgresql_where=sa.text('active'))\n"
        "op.create_index('uq_any_coupon', 'Order Lines', ['coupon'], unique=True)",
        down_revision="r2",
    )
    with engine.begin() as conn:
        conn.exec_driver_sql('ANALYZE "Order Lines"')  # the planner's count, shown as such

    result = tool(project, "check")

    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    first = out.split("r1  op.create_unique_constraint_concurrently")[1].split("\nr2")[0]
    assert "DUPLICATES: 2 duplicate key groups (5 rows)" in first
    assert "(7, 'sku-7'): 3 rows" in first and "(9, 'sku-9'): 2 rows" in first
    assert re.search(r"table: about [\d,]+ rows, [\d.,]+ \w+ heap, [\d.,]+ \w+ with indexes", first)
    assert re.search(r"build estimate: about [\d.,]+ s", first)
    assert '"Order Lines"."Order" IS NOT NULL' in first  # the listing query, ready to paste
    nnd = out.split("r2  op.create_unique_constraint")[1].split("\nr3")[0]
    assert "3 duplicate key groups (7 rows)" in nnd and "(11, NULL): 2 rows" in nnd
    partial = out.split("r3  op.create_index_concurrently")[1].split("\nr3  op.create_index:")[0]
    assert "duplicates: none; the build can succeed" in partial
    whole = out.split("r3  op.create_index:")[1]
    assert "2 duplicate key groups (4 rows)" in whole
    assert "3 of 4 unique index builds would fail on duplicate keys" in out
    # A live read-only command: none of Alembic's notices about contexts and static SQL.
    for notice in ("Context impl", "Will assume transactional DDL", "Generating static SQL"):
        assert notice not in result.stderr + out, result.stderr
    # Read-only: nothing was created, not even Alembic's version table.
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT to_regclass('alembic_version')")).scalar() is None


def test_check_shows_keys_as_sql_literals_and_says_when_rows_were_never_counted(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """A table never vacuumed nor analysed has no row estimate (reltuples -1): not "about 0
    rows". Keys read as psql would take them back, not as Python reprs."""
    with engine.begin() as conn:
        conn.exec_driver_sql('CREATE TABLE "Visits" (id serial, day date, who text, n numeric)')
        conn.exec_driver_sql(
            'INSERT INTO "Visits" (day, who, n) VALUES '
            "('2024-01-31', 'O''Brien', 1.5), ('2024-01-31', 'O''Brien', 1.5), "
            "('2024-02-01', 'ann', 2)"
        )
    project.write_revision(
        "r1",
        "op.create_unique_constraint_concurrently('uq_visit', 'Visits', ['day', 'who', 'n'])",
    )

    result = tool(project, "check")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "table: rows not counted yet (never vacuumed or analysed), " in result.stdout
    assert "('2024-01-31', 'O''Brien', 1.5): 2 rows" in result.stdout, result.stdout
    assert "datetime" not in result.stdout and "Decimal" not in result.stdout


def test_check_follows_the_range_and_a_preceding_dedupe(
    project: AlembicProject, engine: sa.Engine
) -> None:
    plant_duplicates(engine)
    project.write_revision("r1", "op.create_index('ix_sku', 'Order Lines', ['sku'])")
    project.write_revision(
        "r2",
        "op.deduplicate_rows('Order Lines', ['Order', 'sku'], keep='oldest')",
        down_revision="r1",
    )
    project.write_revision(
        "r3",
        "op.create_unique_constraint_concurrently('uq_order_sku', 'Order Lines', ['sku', 'Order'])",
        down_revision="r2",
    )
    assert project.cli("upgrade", "r1").returncode == 0

    result = tool(project, "check")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pending revisions r1 -> heads: 2; unique indexes to build: 1;" in result.stdout
    assert "2 duplicate key groups (5 rows); removed first: revision r2 deduplicates" in (
        result.stdout
    )
    only_r3 = tool(project, "check", "r2:r3")
    assert only_r3.returncode == 1
    assert "Pending revisions r2 -> r3: 1" in only_r3.stdout


def test_check_is_bounded_by_its_statement_timeout(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE big (a int, b int)")
        conn.exec_driver_sql("INSERT INTO big SELECT g, g FROM generate_series(1, 2000000) g")
    project.write_revision(
        "r1", "op.create_unique_constraint_concurrently('uq_big', 'big', ['a', 'b'])"
    )
    project.write_revision(
        "r2",
        "op.create_unique_constraint_concurrently('uq_none', 'nowhere', ['a'])",
        down_revision="r1",
    )

    result = tool(project, "check", "--statement-timeout-ms", "50")

    assert result.returncode == 3, result.stdout + result.stderr
    assert "NOT CHECKED: canceling statement due to statement timeout" in result.stdout
    assert "NOT CHECKED: the table does not exist yet" in result.stdout


def test_check_reads_ini_section_and_x_arguments(
    project: AlembicProject, engine: sa.Engine
) -> None:
    plant_duplicates(engine)
    text = project.ini.read_text()
    real_url = re.search(r"^sqlalchemy\.url = (.*)$", text, re.M)[1]  # type: ignore[index]
    project.ini.write_text(
        text.replace(real_url, "postgresql+psycopg://nobody@127.0.0.1:1/nothing")
        + f"\n[staging]\nscript_location = {project.root / 'migrations'}\n"
        "sqlalchemy.url = postgresql+psycopg://nobody@127.0.0.1:1/nothing\n"
    )
    env = project.env_py.read_text()
    project.env_py.write_text(
        env.replace(
            "config = context.config\n",
            "config = context.config\n"
            "x_url = context.get_x_argument(as_dictionary=True).get('url')\n"
            "if x_url:\n"
            "    config.set_section_option(config.config_ini_section, 'sqlalchemy.url', x_url)\n",
        )
    )
    project.write_revision(
        "r1", "op.create_unique_constraint('uq_order_sku', 'Order Lines', ['Order', 'sku'])"
    )

    result = tool(project, "-n", "staging", "-x", f"url={real_url}", "check")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 duplicate key groups" in result.stdout
    missing = tool(project, "-c", str(project.root / "nope.ini"), "check")
    assert missing.returncode == 2
    assert "No Alembic configuration at" in missing.stderr


def test_invalid_indexes_are_listed_and_dropped_concurrently(
    project: AlembicProject, engine: sa.Engine
) -> None:
    plant_duplicates(engine)
    autocommit = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    with autocommit as conn, contextlib.suppress(sa.exc.IntegrityError):  # duplicates: it fails
        conn.exec_driver_sql(
            'CREATE UNIQUE INDEX CONCURRENTLY "Left Over" ON "Order Lines" ("Order", sku)'
        )
    cancel_build_while_it_waits(
        engine, 'CREATE UNIQUE INDEX CONCURRENTLY "Ready" ON "Order Lines" (id)'
    )
    assert sorted(invalid_indexes(engine)) == ['"Left Over"', '"Ready"']

    list_them, drop_them = commands("troubleshooting/invalid_indexes.sh")
    listed = tool(project, *list_them[1:])

    assert listed.returncode == 1
    # Failed while building: never ready. Cancelled after it was marked ready: it still checks
    # every write for uniqueness, so it rejects writes.
    assert re.search(
        r"public\s+Order Lines\s+Left Over\s+no\s+[\d.,]+ \w+\s+no\s+leftover of a failed build",
        listed.stdout,
    ), listed.stdout
    assert re.search(
        r"public\s+Order Lines\s+Ready\s+yes\s+[\d.,]+ kB\s+yes\s+leftover", listed.stdout
    ), listed.stdout
    assert_output_as_documented("output/invalid_indexes.txt", listed.stdout)
    dropped = tool(project, *drop_them[1:])
    assert dropped.returncode == 0, dropped.stdout + dropped.stderr
    assert "Dropped public.Left Over (DROP INDEX CONCURRENTLY)." in dropped.stdout
    assert "Dropped public.Ready (DROP INDEX CONCURRENTLY)." in dropped.stdout
    assert invalid_indexes(engine) == []
    again = tool(project, "invalid-indexes")
    assert again.returncode == 0 and "No invalid indexes." in again.stdout


def cancel_build_while_it_waits(engine: sa.Engine, create_index: str) -> None:
    """Cancel a concurrent build in its last phase, after the index was marked ready.

    An open REPEATABLE READ transaction holds a snapshot older than the build, so the build
    ends up in "waiting for old snapshots"; cancelling it there leaves a ready, invalid index.
    """
    errors: list[BaseException] = []

    def build() -> None:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as builder:
            try:
                builder.exec_driver_sql(create_index)
            except sa.exc.OperationalError as error:  # query_canceled
                errors.append(error)

    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as old:
        old.exec_driver_sql('SELECT count(*) FROM "Order Lines"')
        thread = threading.Thread(target=build)
        thread.start()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
            pid = None
            deadline = time.monotonic() + 60
            while pid is None and time.monotonic() < deadline:
                pid = watcher.exec_driver_sql(
                    "SELECT pid FROM pg_stat_progress_create_index "
                    "WHERE phase = 'waiting for old snapshots'"
                ).scalar()
                time.sleep(0.05)
            assert pid is not None, "the build never reached 'waiting for old snapshots'"
            watcher.execute(sa.text("SELECT pg_cancel_backend(:pid)"), {"pid": pid})
        thread.join(30)
    assert errors and "canceling statement" in str(errors[0])


def test_check_refuses_a_connection_it_cannot_make_read_only(
    project: AlembicProject, engine: sa.Engine
) -> None:
    plant_duplicates(engine)
    env = project.env_py.read_text()
    assert "poolclass=pool.NullPool," in env
    project.env_py.write_text(
        env.replace(
            "poolclass=pool.NullPool,", 'poolclass=pool.NullPool, isolation_level="AUTOCOMMIT",'
        )
    )
    project.write_revision(
        "r1", "op.create_unique_constraint('uq_order_sku', 'Order Lines', ['Order', 'sku'])"
    )

    result = tool(project, "check")

    assert result.returncode == 2, result.stdout + result.stderr
    assert "Could not make the check's transaction read-only" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_report_reads_as_documented(project: AlembicProject, engine: sa.Engine) -> None:
    plant_duplicates(engine)
    project.write_revision("r1", "op.create_index('ix_sku', 'Order Lines', ['sku'])")
    project.write_revision(
        "r2",
        "op.create_unique_constraint_concurrently('uq_order_sku', 'Order Lines', ['Order', 'sku'])",
        down_revision="r1",
    )
    assert project.cli("upgrade", "r1").returncode == 0
    documented = commands("check.sh")
    assert all(line[0] == "alembic-safe-unique" for line in documented)
    for line in documented:  # every documented invocation is one the tool accepts
        parser().parse_args(line[1:])

    result = tool(project, *documented[0][1:])

    assert result.returncode == 1, result.stdout + result.stderr
    assert_output_as_documented("output/check.txt", result.stdout)


def test_python_dash_m_runs_the_command_where_the_script_is_not_on_path(
    project: AlembicProject,
) -> None:
    project.write_revision("r1", "op.create_unique_constraint('uq_t', 't', ['a'])")
    result = subprocess.run(
        [sys.executable, "-m", "alembic_safe_unique", "-c", str(project.ini), "lint"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr  # the plain unique is found
    assert "ASU001" in result.stdout
    assert "Warning" not in result.stderr, result.stderr
