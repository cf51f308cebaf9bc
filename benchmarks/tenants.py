"""Schema-per-tenant: one unique per tenant, the package against the hand-written recipe.

With a thousand tenants, every op's own cost is paid a thousand times. Two databases on one
embedded PostgreSQL 18, each with ``--tenants`` schemas holding a small table (100 rows); one
project per style whose env.py migrates every tenant in turn (``search_path`` set per tenant,
its own ``alembic_version``), as docs/recipes/many-tenants.md shows; two revisions per style:
the hand-written recipe (``CREATE UNIQUE INDEX CONCURRENTLY`` in an autocommit block, then
``ADD CONSTRAINT ... USING INDEX``), and what the rewriter writes for the package
(``op.create_index_concurrently``, then ``op.attach_unique_constraint``). Each style's
``alembic upgrade head`` runs in this process (``alembic.command.upgrade``), timed whole; the
styles alternate over ``--rounds`` rounds, each on fresh databases.

    .venv/bin/python benchmarks/tenants.py                     # 200 tenants, 3 rounds
    .venv/bin/python benchmarks/tenants.py --tenants 50 --rounds 1
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from alembic_safe_unique.demo.embedded import embedded_server

STYLES = ("recipe", "package")

ENV = """\
from alembic import context
from sqlalchemy import engine_from_config, pool, text

import alembic_safe_unique  # noqa: F401

config = context.config
TENANTS = {tenants!r}


def run_migrations_online():
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {{}}), prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        for tenant in TENANTS:
            connection.execute(
                text("SELECT set_config('search_path', quote_ident(:t), false)"), {{"t": tenant}}
            )
            connection.commit()
            context.configure(connection=connection, version_table_schema=tenant)
            with context.begin_transaction():
                context.run_migrations()


run_migrations_online()
"""

HEAD = """\
import sqlalchemy as sa
from alembic import op

import alembic_safe_unique  # noqa: F401

revision = {revision!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
"""

BODIES = {
    "recipe": [
        "    with op.get_context().autocommit_block():\n"
        "        op.create_index('uq_ad_day', 'ad_counter', ['ad_id', 'day'], unique=True,\n"
        "                        postgresql_concurrently=True)\n",
        "    op.execute(sa.text('ALTER TABLE ad_counter ADD CONSTRAINT uq_ad_day '\n"
        "                       'UNIQUE USING INDEX uq_ad_day'))\n",
    ],
    "package": [
        "    with op.get_context().autocommit_block():\n"
        "        op.create_index_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'],\n"
        "                                     unique=True)\n",
        "    with op.get_context().autocommit_block():\n"
        "        op.attach_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'])\n",
    ],
}


def tenant_names(count: int) -> list[str]:
    return ["tenant_%04d" % number for number in range(count)]


def make_database(server: sa.URL, name: str, tenants: list[str]) -> sa.URL:
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        quoted = conn.dialect.identifier_preparer.quote(name)
        conn.exec_driver_sql("DROP DATABASE IF EXISTS " + quoted)
        conn.exec_driver_sql("CREATE DATABASE " + quoted)
    admin.dispose()
    url = server.set(database=name)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    metadata = sa.MetaData()
    with engine.begin() as conn:
        for tenant in tenants:
            table = sa.Table(
                "ad_counter",
                metadata,
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("ad_id", sa.Integer),
                sa.Column("day", sa.Integer),
                schema=tenant,
                keep_existing=True,
            )
            conn.execute(sa.schema.CreateSchema(tenant))
            table.create(conn)
            rows = sa.select(sa.func.generate_series(1, 100), sa.literal(1))
            conn.execute(table.insert().from_select(["ad_id", "day"], rows))
            metadata.remove(table)
    engine.dispose()
    return url


def make_project(root: Path, url: sa.URL, style: str, tenants: list[str]) -> Config:
    root.mkdir(parents=True)
    ini = root / "alembic.ini"
    with contextlib.redirect_stdout(io.StringIO()):
        command.init(Config(str(ini)), str(root / "migrations"))
    rendered = url.render_as_string(hide_password=False).replace("%", "%%")
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", rendered))
    (root / "migrations" / "env.py").write_text(ENV.format(tenants=tenants))
    down = None
    for step, body in enumerate(BODIES[style]):
        revision = f"{style}_{step}"
        text = HEAD.format(revision=revision, down=down) + body
        (root / "migrations" / "versions" / f"{revision}.py").write_text(text)
        down = revision
    config = Config(str(ini))
    config.attributes["configure_logger"] = False
    return config


def constraints_attached(url: sa.URL) -> int:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_constraint WHERE conname = 'uq_ad_day' AND contype = 'u'"
        ).scalar_one()
    engine.dispose()
    return int(found)


def upgrade_seconds(config: Config) -> float:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        started = time.perf_counter()
        command.upgrade(config, "head")
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=200, help="tenant schemas (200)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (3)")
    args = parser.parse_args()
    tenants = tenant_names(args.tenants)
    seconds: dict[str, list[float]] = {style: [] for style in STYLES}
    with tempfile.TemporaryDirectory(prefix="asu-tenants-") as scratch, embedded_server() as url:
        for number in range(args.rounds):
            order = STYLES if number % 2 == 0 else STYLES[::-1]
            for style in order:
                database = make_database(url, f"tenants_{style}", tenants)
                root = Path(scratch) / f"round{number}" / style
                config = make_project(root, database, style, tenants)
                seconds[style].append(upgrade_seconds(config))
                attached = constraints_attached(database)
                if attached != len(tenants):  # the figure counts only if the work was done
                    raise SystemExit(f"{style}: {attached} of {len(tenants)} tenants attached")
    recipe, package = (statistics.median(seconds[style]) for style in STYLES)
    print(f"{args.tenants} tenants, one unique each (100-row tables), {args.rounds} rounds:")
    for style in STYLES:
        shown = ", ".join(f"{value:.2f}" for value in seconds[style])
        per = statistics.median(seconds[style]) / args.tenants * 1000
        print(f"  {style:8} {shown} s (median {per:.1f} ms per tenant)")
    print(f"  package / recipe: {package / recipe:.2f}x (target: at most 1.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
