"""Schema-per-tenant: the documented env.py loop runs every op in each tenant's schema.

Both ways of pointing a connection at a tenant (SQLAlchemy's ``schema_translate_map`` and a
``search_path`` of the tenant's schema alone), tenants whose names need quoting, a failure in
one tenant that the report names and a re-run heals, and ``alembic-safe-unique check`` that
counts every tenant's builds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import driver_under_test

TENANTS = ("Tenant A", "Tenant B")
MODELS = """
import sqlalchemy as sa

metadata = sa.MetaData()
sa.Table(
    "ad_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("hits", sa.Integer, nullable=False),
    sa.Column("code", sa.Text),
)
"""
ROWS = """
INSERT INTO ad_counter (ad_id, day, hits, code)
SELECT g, date '2026-01-01' + g % 30, g, 'c' || g FROM generate_series(1, 500) AS g
"""

# A second row with the key (ad_id, day) of the first one.
DUPLICATE = "INSERT INTO ad_counter (ad_id, day, hits) SELECT ad_id, day, 0 FROM ad_counter LIMIT 1"

EVENTS = """
CREATE TABLE event (id int, day date, kind text) PARTITION BY RANGE (day);
CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
"""


def tenant_project(project: AlembicProject, pattern: str) -> AlembicProject:
    """The recipe's env.py (its async form on asyncpg), pointed at tenants by ``pattern``."""
    env = sample("recipes/tenants_env.py").replace(
        "from models import metadata",
        "import runpy\nfrom pathlib import Path\n\n"
        'metadata = runpy.run_path(str(Path(__file__).resolve().parent.parent / "models.py"))'
        '["metadata"]',
    )
    if pattern == "search_path":
        start, end = env.index("def on_tenant"), env.index("# --8<-- [end:on_tenant]")
        helper = sample("recipes/tenants_search_path.py")
        env = env[:start] + helper[helper.index("def on_tenant") :] + "\n\n" + env[end:]
    if driver_under_test() == "asyncpg":
        template = project.env_py.read_text()
        start = template.index("async def run_async_migrations")
        online = template[start : template.index("if context.is_offline_mode")]
        env = (
            "import asyncio\nfrom sqlalchemy.ext.asyncio import async_engine_from_config\n"
            + env[: env.index("def run_migrations_online")]
            + online
            + env[env.index("# --8<-- [end:loop]") :]
        )
    project.env_py.write_text(env)
    project.write_models(MODELS)
    project.write_revision(
        "r1",
        """
        op.create_table(
            "ad_counter",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("ad_id", sa.Integer, nullable=False),
            sa.Column("day", sa.Date, nullable=False),
            sa.Column("hits", sa.Integer, nullable=False),
            sa.Column("code", sa.Text),
        )
        """,
        'op.drop_table("ad_counter")',
    )
    project.write_revision(
        "r2",
        'op.create_index_concurrently("uq_ad_day", "ad_counter", ["ad_id", "day"], unique=True)',
        'op.drop_index_concurrently("uq_ad_day", "ad_counter")',
        down_revision="r1",
    )
    project.write_revision(
        "r3",
        """
        op.attach_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day"])
        op.create_unique_constraint_concurrently("uq_code", "ad_counter", ["code"])
        """,
        """
        op.drop_unique_constraint("uq_code", "ad_counter", ["code"])
        op.detach_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day"])
        """,
        down_revision="r2",
    )
    return project


def create_tenants(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        for tenant in TENANTS:
            conn.execute(sa.schema.CreateSchema(tenant))


def in_tenant(engine: sa.Engine, tenant: str, sql: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.text("SELECT set_config('search_path', quote_ident(:tenant), true)"),
            {"tenant": tenant},
        )
        conn.execute(sa.text(sql))


def version(engine: sa.Engine, tenant: str) -> list[str]:
    table = sa.table("alembic_version", sa.column("version_num"), schema=tenant)
    with engine.connect() as conn:
        return list(conn.execute(sa.select(table.c.version_num)).scalars())


def constraints(engine: sa.Engine, tenant: str) -> dict[str, str]:
    preparer = engine.dialect.identifier_preparer
    return unique_constraints(engine, preparer.quote_schema(tenant) + ".ad_counter")


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


@pytest.mark.parametrize("pattern", ["schema_translate_map", "search_path"])
def test_each_tenant_is_migrated_a_failing_one_is_named_and_a_rerun_heals_it(
    project: AlembicProject, engine: sa.Engine, pattern: str
) -> None:
    tenant_project(project, pattern)
    create_tenants(engine)
    first = project.cli("upgrade", "r1")
    assert first.returncode == 0, first.stdout + first.stderr
    for tenant in TENANTS:
        in_tenant(engine, tenant, ROWS)
    in_tenant(engine, "Tenant B", DUPLICATE)

    failed = project.cli("upgrade", "head")

    output = failed.stdout + failed.stderr
    assert failed.returncode != 0, output
    assert "Cannot build unique index 'uq_ad_day' on Tenant B.ad_counter" in output, output
    assert "Tenant 'Tenant B' failed" in output
    assert version(engine, "Tenant A") == ["r3"]
    assert constraints(engine, "Tenant A") == {
        "uq_ad_day": "UNIQUE (ad_id, day)",
        "uq_code": "UNIQUE (code)",
    }
    assert version(engine, "Tenant B") == ["r1"]
    assert constraints(engine, "Tenant B") == {}
    assert invalid_indexes(engine) == []
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT to_regclass('public.ad_counter')")).scalar() is None

    in_tenant(engine, "Tenant B", "DELETE FROM ad_counter WHERE code IS NULL")
    healed = project.cli("upgrade", "head")
    assert healed.returncode == 0, healed.stdout + healed.stderr
    for tenant in TENANTS:
        assert version(engine, tenant) == ["r3"]
        assert constraints(engine, tenant) == {
            "uq_ad_day": "UNIQUE (ad_id, day)",
            "uq_code": "UNIQUE (code)",
        }

    down = project.cli("downgrade", "r1")
    assert down.returncode == 0, down.stdout + down.stderr
    with engine.connect() as conn:
        indexes = conn.execute(
            sa.text("SELECT schemaname, indexname FROM pg_indexes WHERE tablename = 'ad_counter'")
        ).all()
    assert sorted(indexes) == [("Tenant A", "ad_counter_pkey"), ("Tenant B", "ad_counter_pkey")]
    assert [version(engine, tenant) for tenant in TENANTS] == [["r1"], ["r1"]]


def test_tenant_errors_continue_migrates_the_tenants_after_a_failing_one(
    project: AlembicProject, engine: sa.Engine
) -> None:
    tenant_project(project, "schema_translate_map")
    create_tenants(engine)
    assert project.cli("upgrade", "r1").returncode == 0
    in_tenant(engine, "Tenant A", ROWS)
    in_tenant(engine, "Tenant A", DUPLICATE)
    in_tenant(engine, "Tenant B", ROWS)

    result = project.cli("-x", "tenant_errors=continue", "upgrade", "head")

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Cannot build unique index 'uq_ad_day' on Tenant A.ad_counter" in output
    assert "Tenants that failed (run again to resume them): ['Tenant A']" in output
    assert version(engine, "Tenant A") == ["r1"]
    assert version(engine, "Tenant B") == ["r3"]
    assert "uq_code" in constraints(engine, "Tenant B")


def test_offline_script_migrates_each_tenant_in_its_own_schema(
    project: AlembicProject, engine: sa.Engine
) -> None:
    tenant_project(project, "schema_translate_map")
    create_tenants(engine)
    script = project.upgrade_sql("base:head")
    parts = re.split(r"SELECT set_config\('search_path', quote_ident\('(Tenant [AB])'\)", script)
    assert [parts[1], parts[3]] == list(TENANTS), script
    for part in (parts[2], parts[4]):
        assert "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_ad_day ON ad_counter" in part
        assert "ALTER TABLE ad_counter ADD CONSTRAINT uq_code UNIQUE USING INDEX uq_code" in part
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for statement in _statements(script):
            conn.exec_driver_sql(statement)
    for tenant in TENANTS:
        assert version(engine, tenant) == ["r3"]
        assert set(constraints(engine, tenant)) == {"uq_ad_day", "uq_code"}


def _statements(script: str) -> list[str]:
    """The script's statements, for a driver that takes one at a time (no psql here)."""
    statements, current = [], []
    for line in script.splitlines():
        if line.startswith("--") or not line.strip():
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current).replace("%", "%%"))
            current = []
    return statements


def test_check_reports_every_tenant_and_fails_for_a_failing_second_one(
    project: AlembicProject, engine: sa.Engine
) -> None:
    tenant_project(project, "schema_translate_map")
    create_tenants(engine)
    assert project.cli("upgrade", "r1").returncode == 0
    for tenant in TENANTS:
        in_tenant(engine, tenant, ROWS)
    in_tenant(engine, "Tenant B", "UPDATE ad_counter SET code = 'c1' WHERE id = 2")

    result = tool(project, "check")

    assert result.returncode == 1, result.stdout + result.stderr
    sections = re.split(r"^== ", result.stdout, flags=re.M)
    assert [section.splitlines()[0] for section in sections[1:]] == [
        "Run 1 of 2: schema Tenant A",
        "Run 2 of 2: schema Tenant B",
    ], result.stdout
    assert "on Tenant A.ad_counter (code)" in sections[1]
    assert "DUPLICATES" not in sections[1]
    assert "unique index 'uq_code' on Tenant B.ad_counter (code)" in sections[2]
    assert "DUPLICATES: 1 duplicate key groups (2 rows)" in sections[2]
    assert "1 of 2 runs has unique builds that would fail" in result.stdout


def test_every_op_works_in_the_tenants_schema_through_the_map(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """Deduplication, a swap, a drop, a partitioned table and invalid-indexes, per tenant."""
    tenant_project(project, "schema_translate_map")
    create_tenants(engine)
    project.versions.joinpath("r3.py").unlink()
    project.write_revision(
        "r2",
        """
        op.deduplicate_rows("ad_counter", ["ad_id", "day"], keep="newest", order_by=["id"])
        op.create_unique_constraint_concurrently("uq_ad_day", "ad_counter", ["ad_id", "day"])
        op.replace_unique_constraint(
            "uq_ad_day", "ad_counter", ["ad_id", "day", "hits"], previous_columns=["ad_id", "day"]
        )
        op.drop_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day", "hits"])
        op.create_unique_constraint_concurrently("uq_event", "event", ["id", "day"])
        op.create_index_concurrently("ix_event_kind", "event", ["kind"])
        op.drop_index_concurrently("ix_event_kind", "event")
        """,
        down_revision="r1",
    )
    assert project.cli("upgrade", "r1").returncode == 0
    for tenant in TENANTS:
        in_tenant(engine, tenant, ROWS)
        in_tenant(engine, tenant, DUPLICATE)
        in_tenant(engine, tenant, EVENTS)

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Deduplicated Tenant A.ad_counter (ad_id, day), keeping the newest" in result.stderr
    preparer = engine.dialect.identifier_preparer
    for tenant in TENANTS:
        assert version(engine, tenant) == ["r2"]
        assert constraints(engine, tenant) == {}
        event = preparer.quote_schema(tenant) + ".event"
        assert unique_constraints(engine, event) == {"uq_event": "UNIQUE (id, day)"}
        with engine.connect() as conn:
            count = f"SELECT count(*) FROM {preparer.quote_schema(tenant)}.ad_counter"
            assert conn.exec_driver_sql(count).scalar() == 500
