"""A real Flask-Migrate app: ``flask db init`` (and ``--multidb``), ``flask db migrate``,
``flask db upgrade``, and this package's ``flask safe-unique`` commands, all through ``flask``.

env.py is wired as the docs say: the rewriter called at the end of Flask-Migrate's own hook,
and (multidb) each database migrated in a transaction Alembic owns.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.docs_samples import commands, sample
from tests.fixtures.server import driver_under_test, scratch_database, with_driver

APP = """
import os

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["APP_DATABASE_URL"]
if os.environ.get("APP_REPORTING_URL"):
    app.config["SQLALCHEMY_BINDS"] = {"reporting": os.environ["APP_REPORTING_URL"]}
db = SQLAlchemy(app)
migrate = Migrate(app, db)
UNIQUE = bool(os.environ.get("APP_UNIQUE"))


class Counter(db.Model):
    __tablename__ = "ad_counter"
    __table_args__ = (
        (db.UniqueConstraint("ad_id", "day", name="uq_ad_day"),) if UNIQUE else ()
    )
    id = db.Column(db.Integer, primary_key=True)
    ad_id = db.Column(db.Integer, nullable=False)
    day = db.Column(db.Date, nullable=False)
    hits = db.Column(db.Integer, nullable=False)


if os.environ.get("APP_REPORTING_URL"):

    class Impression(db.Model):
        __bind_key__ = "reporting"
        __tablename__ = "impression"
        __table_args__ = (
            (db.UniqueConstraint("ad_id", "day", name="uq_impression_ad_day"),)
            if UNIQUE
            else ()
        )
        id = db.Column(db.Integer, primary_key=True)
        ad_id = db.Column(db.Integer, nullable=False)
        day = db.Column(db.Date, nullable=False)
"""

ROWS = (
    "INSERT INTO {table} (ad_id, day{hits}) "
    "SELECT g, date '2026-01-01' + g %% 30{hits_value} FROM generate_series(1, 3000) g"
)
HOOK_END = "logger.info('No changes in schema detected.')"
REWRITER_CALL = "alembic_safe_unique.rewriter(context, revision, directives)"


class FlaskApp:
    def __init__(self, root: Path, urls: dict[str, sa.URL]) -> None:
        self.root = root
        root.mkdir()
        (root / "app.py").write_text(APP)
        driver = "psycopg" if driver_under_test() == "asyncpg" else driver_under_test()
        self.env = {
            **os.environ,
            "FLASK_APP": "app",
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        }
        for variable, url in urls.items():
            self.env[variable] = with_driver(url, driver).render_as_string(hide_password=False)

    def flask(self, *args: str, unique: bool = False) -> subprocess.CompletedProcess[str]:
        env = {**self.env, **({"APP_UNIQUE": "1"} if unique else {})}
        return subprocess.run(
            [str(Path(sys.executable).parent / "flask"), *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def ok(self, *args: str, unique: bool = False) -> str:
        result = self.flask(*args, unique=unique)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout + result.stderr

    def wire_rewriter(self) -> None:
        """The docs' one line at the end of Flask-Migrate's hook, and the package import."""
        env_py = self.root / "migrations" / "env.py"
        text = env_py.read_text()
        assert HOOK_END in text and REWRITER_CALL in sample("flask_migrate_hook.py")
        text = text.replace(HOOK_END, f"{HOOK_END}\n        {REWRITER_CALL}")
        env_py.write_text("import alembic_safe_unique\n" + text)

    def new_revisions(self, *args: str, unique: bool) -> list[Path]:
        versions = self.root / "migrations" / "versions"
        old = set(versions.glob("*.py"))
        self.ok("db", "migrate", *args, unique=unique)
        return sorted(set(versions.glob("*.py")) - old, key=lambda p: p.stat().st_mtime)


@pytest.fixture
def reporting_url(server_url: sa.URL) -> Iterator[sa.URL]:
    with scratch_database(server_url) as url:
        yield url


def test_flask_safe_unique_checks_and_the_flask_db_upgrade_builds(
    tmp_path: Path, database_url: sa.URL, engine: sa.Engine
) -> None:
    app = FlaskApp(tmp_path / "app", {"APP_DATABASE_URL": database_url})
    assert "safe-unique" in app.ok("--help")
    app.ok("db", "init")
    app.wire_rewriter()
    app.ok("db", "migrate", "-m", "initial")
    app.ok("db", "upgrade")
    with engine.begin() as conn:
        conn.exec_driver_sql(ROWS.format(table="ad_counter", hits=", hits", hits_value=", 1"))
        conn.exec_driver_sql(  # two planted duplicates
            "INSERT INTO ad_counter (ad_id, day, hits) VALUES (1, '2026-01-02', 5), "
            "(2, '2026-01-03', 7)"
        )
    migrate, check, invalid, upgrade = (line[1:] for line in commands("flask_check.sh"))
    build, attach = app.new_revisions(*migrate[2:], unique=True)
    assert "op.create_index_concurrently('uq_ad_day'" in build.read_text()
    assert "op.attach_unique_constraint('uq_ad_day'" in attach.read_text()

    checked = app.flask(*check, unique=True)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "DUPLICATES: 2 duplicate key groups (4 rows)" in checked.stdout
    assert "No invalid indexes." in app.ok(*invalid)

    failed = app.flask(*upgrade, unique=True)
    assert failed.returncode != 0 and "DuplicateKeysError" in failed.stderr
    assert "No invalid indexes." in app.ok("safe-unique", "invalid-indexes")

    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM ad_counter WHERE hits IN (5, 7)")
    assert "duplicates: none" in app.ok("safe-unique", "check", unique=True)
    app.ok("db", "upgrade", unique=True)
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    assert "No new upgrade operations detected" in app.ok("db", "check", unique=True)


def test_flask_migrate_multidb_splits_every_database(
    tmp_path: Path, database_url: sa.URL, reporting_url: sa.URL, engine: sa.Engine
) -> None:
    app = FlaskApp(
        tmp_path / "app",
        {"APP_DATABASE_URL": database_url, "APP_REPORTING_URL": reporting_url},
    )
    app.ok("db", "init", "--multidb")
    app.wire_rewriter()
    env_py = app.root / "migrations" / "env.py"
    text = env_py.read_text()
    start = text.index("    for name, rec in engines.items():\n        engine = rec['engine']")
    end = text.index("\n\nif context.is_offline_mode()")
    loop = textwrap.indent(sample("flask_multidb_online.py"), "    ")
    env_py.write_text(text[:start] + loop + text[end:])

    app.ok("db", "migrate", "-m", "initial")
    app.ok("db", "upgrade")
    reporting = sa.create_engine(with_driver(reporting_url), poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql(ROWS.format(table="ad_counter", hits=", hits", hits_value=", 1"))
    with reporting.begin() as conn:
        conn.exec_driver_sql(ROWS.format(table="impression", hits="", hits_value=""))

    build, attach = app.new_revisions("-m", "unique pairs", unique=True)
    build_text, attach_text = build.read_text(), attach.read_text()
    default_part = build_text[build_text.index("def upgrade_()") :]
    reporting_part = build_text[build_text.index("def upgrade_reporting()") :]
    assert "create_index_concurrently('uq_ad_day'" in default_part.split("def downgrade_")[0]
    assert (
        "create_index_concurrently('uq_impression_ad_day'"
        in (reporting_part.split("def downgrade_")[0])
    )
    assert "attach_unique_constraint('uq_impression_ad_day'" in attach_text

    app.ok("db", "upgrade", unique=True)
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    assert unique_constraints(reporting, "impression") == {
        "uq_impression_ad_day": "UNIQUE (ad_id, day)"
    }
    assert invalid_indexes(engine) == [] and invalid_indexes(reporting) == []
    assert "No new upgrade operations detected" in app.ok("db", "check", unique=True)
    reporting.dispose()
