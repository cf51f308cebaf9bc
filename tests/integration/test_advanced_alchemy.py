"""A real Litestar app with Advanced-Alchemy: ``litestar database init`` (its own templates),
``make-migrations``, ``upgrade``, ``downgrade``, and this package's ``litestar safe-unique``.

Advanced-Alchemy's revision template runs each revision's body inside
``autocommit_block()``: the blocks the rewriter writes and the operations' own sit inside it.
env.py is wired as the docs say (the rewriter chained to the template's ``Rewriter``). The
app's config is async (``postgresql+psycopg`` / ``+asyncpg``), as Advanced-Alchemy's docs
show, and sync on psycopg2, so both of its templates are run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

pytest.importorskip("advanced_alchemy")  # left out where SQLAlchemy < 2.0.41 (nox -s versions)

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.docs_samples import commands, sample
from tests.fixtures.server import with_driver
from tests.fixtures.tools import psql

APP = """
import os

from litestar import Litestar
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped

from advanced_alchemy.base import BigIntBase
from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    AlembicSyncConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    SQLAlchemySyncConfig,
)

UNIQUE = bool(os.environ.get("APP_UNIQUE"))


class Counter(BigIntBase):
    __tablename__ = "Ad Counter"
    __table_args__ = (UniqueConstraint("ad_id", "Day", name="uq Ad Day"),) if UNIQUE else ()
    ad_id: Mapped[int]
    Day: Mapped[int]


if os.environ["APP_ASYNC"]:
    alchemy = SQLAlchemyAsyncConfig(
        connection_string=os.environ["APP_DATABASE_URL"],
        alembic_config=AlembicAsyncConfig(script_location="migrations"),
    )
else:
    alchemy = SQLAlchemySyncConfig(
        connection_string=os.environ["APP_DATABASE_URL"],
        alembic_config=AlembicSyncConfig(script_location="migrations"),
    )
app = Litestar(plugins=[SQLAlchemyPlugin(config=alchemy)])
"""

TEMPLATE_WRITER = "writer = rewriter.Rewriter()"
TEMPLATE_BODY = '    """schema upgrade migrations go here."""\n    pass\n'
TEMPLATE_DOWN_BODY = '    """schema downgrade migrations go here."""\n    pass\n'
ROWS = 'INSERT INTO "Ad Counter" (ad_id, "Day") SELECT g, g %% 30 FROM generate_series(1, 3000) g'
TABLE = '"Ad Counter"'


class LitestarApp:
    """A Litestar app directory, its ``litestar`` command, and its migrations folder."""

    def __init__(self, root: Path, url: sa.URL, driver: str) -> None:
        self.root = root
        root.mkdir()
        (root / "app.py").write_text(APP)
        self.env = {
            **os.environ,
            "LITESTAR_APP": "app:app",
            "APP_ASYNC": "" if driver == "psycopg2" else "1",
            "APP_DATABASE_URL": with_driver(url, driver).render_as_string(hide_password=False),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        }

    @property
    def versions(self) -> Path:
        return self.root / "migrations" / "versions"

    def litestar(
        self, *args: str, unique: bool = False, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        env = {**self.env, **({"APP_UNIQUE": "1"} if unique else {})}
        return subprocess.run(
            [str(Path(sys.executable).parent / "litestar"), *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def ok(self, *args: str, unique: bool = False) -> str:
        result = self.litestar(*args, unique=unique)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout + result.stderr

    def init(self) -> None:
        """``litestar database init``, then env.py wired as the docs say."""
        self.ok("database", "init", "--no-prompt")
        assert (
            "with op.get_context().autocommit_block():"
            in (self.root / "migrations" / "script.py.mako").read_text()
        )
        wiring = sample("advanced_alchemy_env.py")
        writer = next(line for line in wiring.splitlines() if line.startswith("writer = "))
        env_py = self.root / "migrations" / "env.py"
        text = env_py.read_text()
        assert TEMPLATE_WRITER + "\n" in text
        text = text.replace(TEMPLATE_WRITER + "\n", writer + "\n")
        env_py.write_text("import alembic_safe_unique\n" + text)

    def make_migrations(self, *args: str, unique: bool = False) -> list[Path]:
        old = set(self.versions.glob("*.py"))
        self.ok("database", "make-migrations", "--no-prompt", *args, unique=unique)
        return sorted(set(self.versions.glob("*.py")) - old, key=lambda p: p.stat().st_mtime)

    def hand_written(self, rev_id: str, upgrade: str, downgrade: str) -> Path:
        """A revision from the template (``--no-autogenerate``), its bodies filled in."""
        (path,) = self.make_migrations("--no-autogenerate", "-m", rev_id, "--rev-id", rev_id)
        text = path.read_text()
        assert TEMPLATE_BODY in text and TEMPLATE_DOWN_BODY in text
        text = text.replace(TEMPLATE_BODY, TEMPLATE_BODY.replace("pass", upgrade))
        path.write_text(
            text.replace(TEMPLATE_DOWN_BODY, TEMPLATE_DOWN_BODY.replace("pass", downgrade))
        )
        return path


@pytest.fixture
def app(tmp_path: Path, database_url: sa.URL, project_driver: str) -> LitestarApp:
    app = LitestarApp(tmp_path / "app", database_url, project_driver)
    app.init()
    return app


def revision_of(path: Path) -> str:
    return next(
        line.split("=", 1)[1].strip().strip("'\"")
        for line in path.read_text().splitlines()
        if line.startswith("revision = ")
    )


def test_autogenerated_revisions_check_upgrade_and_downgrade_inside_the_templates_block(
    app: LitestarApp, engine: sa.Engine
) -> None:
    assert "safe-unique" in app.ok("--help")
    (initial,) = app.make_migrations("-m", "initial")
    app.ok("database", "upgrade", "--no-prompt")
    with engine.begin() as conn:
        conn.exec_driver_sql(ROWS)
        conn.exec_driver_sql('INSERT INTO "Ad Counter" (ad_id, "Day") VALUES (1, 1), (2, 2)')
    migrate, check, invalid, upgrade = (line[1:] for line in commands("litestar_check.sh"))
    build, attach = app.make_migrations(*migrate[2:], unique=True)
    assert "op.create_index_concurrently('uq Ad Day'" in build.read_text()
    assert "op.attach_unique_constraint('uq Ad Day'" in attach.read_text()

    checked = app.litestar(*check, unique=True)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "DUPLICATES: 2 duplicate key groups (4 rows)" in checked.stdout
    with engine.begin() as conn:
        conn.exec_driver_sql('DELETE FROM "Ad Counter" WHERE id > 3000')
    assert "duplicates: none" in app.ok(*check, unique=True)

    app.ok(*upgrade, "--no-prompt", unique=True)
    assert unique_constraints(engine, TABLE) == {"uq Ad Day": 'UNIQUE (ad_id, "Day")'}
    assert "No invalid indexes." in app.ok(*invalid)
    wrong_key = app.litestar("safe-unique", "invalid-indexes", "--bind-key", "reporting")
    assert wrong_key.returncode == 2
    assert "no SQLAlchemy config with bind key 'reporting'" in wrong_key.stderr
    assert "No new upgrade operations detected" in app.ok("database", "check", unique=True)

    app.ok("database", "downgrade", "--no-prompt", revision_of(initial), unique=True)
    assert unique_constraints(engine, TABLE) == {}
    assert [row for row in schema_snapshot(engine) if "uq Ad Day" in row] == []
    assert invalid_indexes(engine) == []


def test_set_local_timeouts_bound_the_statements_of_the_templates_block_then_are_put_back(
    app: LitestarApp, engine: sa.Engine
) -> None:
    app.make_migrations("-m", "initial", "--rev-id", "r0")
    app.hand_written(
        "r1",
        "op.set_local_timeouts(lock_timeout_ms=200)\n"
        "    op.add_column('Ad Counter', sa.Column('Hits', sa.Integer()))\n"
        "    op.create_unique_constraint_concurrently('uq Ad Day', 'Ad Counter', ['ad_id', 'Day'])",
        "op.drop_constraint('uq Ad Day', 'Ad Counter', type_='unique')\n"
        "    op.drop_column('Ad Counter', 'Hits')",
    )
    app.hand_written(
        "r2",
        "op.execute('CREATE TABLE \"Seen\" AS SELECT current_setting(\\'lock_timeout\\') AS v')",
        "op.drop_table('Seen')",
    )
    app.ok("database", "upgrade", "r0", "--no-prompt")
    before = schema_snapshot(engine)

    with engine.connect() as holder:  # a long transaction that read the table
        holder.exec_driver_sql('LOCK TABLE "Ad Counter" IN ACCESS SHARE MODE')
        blocked = app.litestar("database", "upgrade", "--no-prompt", timeout=60)
        holder.rollback()
    assert blocked.returncode != 0
    assert "lock timeout" in blocked.stderr
    assert schema_snapshot(engine) == before

    app.ok("database", "upgrade", "--no-prompt")
    assert unique_constraints(engine, TABLE) == {"uq Ad Day": 'UNIQUE (ad_id, "Day")'}
    with engine.connect() as conn:
        # r2 ran on the same session, after r1's block ended: the timeout was put back.
        assert conn.exec_driver_sql('SELECT v FROM "Seen"').scalar() == "0"

    app.ok("database", "downgrade", "r0", "--no-prompt")
    assert schema_snapshot(engine) == before


def test_offline_script_runs_in_psql_without_a_stray_transaction_or_warning(
    app: LitestarApp, engine: sa.Engine, tmp_path: Path
) -> None:
    app.make_migrations("-m", "initial", "--rev-id", "r0")
    app.hand_written(
        "r1",
        "op.set_local_timeouts(lock_timeout_ms=2000)\n"
        "    op.add_column('Ad Counter', sa.Column('Hits', sa.Integer()))\n"
        "    op.create_unique_constraint_concurrently('uq Ad Day', 'Ad Counter', ['ad_id', 'Day'])",
        "op.drop_constraint('uq Ad Day', 'Ad Counter', type_='unique')",
    )
    app.hand_written(  # a block of its own inside the template's, as the rewriter writes them
        "r2",
        "with op.get_context().autocommit_block():\n"
        "        op.create_index_concurrently('ix Day', 'Ad Counter', ['Day'])",
        "with op.get_context().autocommit_block():\n"
        "        op.drop_index_concurrently('ix Day', 'Ad Counter')",
    )
    app.ok("database", "upgrade", "r0", "--no-prompt")
    offline = app.litestar("database", "upgrade", "r0:head", "--sql", "--no-prompt")
    assert offline.returncode == 0, offline.stderr
    script = offline.stdout[offline.stdout.index("BEGIN;") :]  # after the CLI's own banner
    assert "SET LOCAL lock_timeout = 2000" not in script
    path = tmp_path / "upgrade.sql"
    path.write_text(script)

    warnings = psql(engine, path)

    assert "WARNING" not in warnings, warnings
    assert unique_constraints(engine, TABLE) == {"uq Ad Day": 'UNIQUE (ad_id, "Day")'}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_versions").scalar() == "r2"
        assert conn.exec_driver_sql("SELECT to_regclass('\"ix Day\"') IS NOT NULL").scalar()
