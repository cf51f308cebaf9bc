"""Multi-database projects: ``alembic init -t multidb`` with the env.py our docs adapt.

Alembic calls the autogenerate hook once per database; every database's uniques must still
land in the build and attach revisions, each under its own ``upgrade_<engine>()``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import driver_under_test, scratch_database, with_driver
from tests.fixtures.tools import ruff_findings

BEFORE = """
import sqlalchemy as sa

accounts = sa.MetaData()
sa.Table(
    "account", accounts,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.Text, nullable=False),
    {account_extra}
)
reporting = sa.MetaData()
sa.Table(
    "Ad Counter", reporting,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("hits", sa.Integer, nullable=False),
    {counter_extra}
)
"""

AFTER = BEFORE.format(
    account_extra='sa.Column("code", sa.Text), sa.UniqueConstraint("email", name="uq_email"),',
    counter_extra='sa.UniqueConstraint("ad_id", "day", name="uq ad day"),'
    ' sa.Index("ix_hits", "hits"),',
)


@pytest.fixture
def second_database_url(server_url: sa.URL) -> Iterator[sa.URL]:
    with scratch_database(server_url) as url:
        yield url


def multidb_project(root: Path, first: sa.URL, second: sa.URL) -> AlembicProject:
    """``alembic init -t multidb``, its run_migrations_online replaced as the docs show."""
    driver = "psycopg" if driver_under_test() == "asyncpg" else driver_under_test()
    urls = [with_driver(url, driver) for url in (first, second)]
    project = AlembicProject.create(root, urls[0], template="multidb")
    env = project.env_py.read_text()
    start, end = env.index("def run_migrations_online"), env.index("if context.is_offline")
    env = env[:start] + sample("env_multidb_online.py") + "\n\n" + env[end:]
    env = env.replace(
        "target_metadata = {}",
        "import runpy\nfrom pathlib import Path\n\n"
        "_models = runpy.run_path(\n"
        '    str(Path(__file__).resolve().parent.parent / "models.py")\n'
        ")\n"
        'target_metadata = {"engine1": _models["accounts"], "engine2": _models["reporting"]}\n',
    )
    project.env_py.write_text(env)
    rendered = [url.render_as_string(hide_password=False).replace("%", "%%") for url in urls]
    # create() put the first URL in place of the template's dbname, and dbname2 with it.
    project.ini.write_text(project.ini.read_text().replace(rendered[0] + "2", rendered[1]))
    return project


def function_body(text: str, name: str) -> str:
    match = re.search(rf"^def {name}\(\).*?(?=^def |\Z)", text, re.M | re.S)
    assert match, f"no {name}() in the revision"
    return match.group(0)


def run(project: AlembicProject, *args: str) -> str:
    result = project.cli(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_every_database_unique_is_built_then_attached_under_its_own_engine(
    tmp_path: Path, database_url: sa.URL, second_database_url: sa.URL
) -> None:
    project = multidb_project(tmp_path / "project", database_url, second_database_url)
    project.write_models(BEFORE.format(account_extra="", counter_extra=""))
    run(project, "revision", "--autogenerate", "-m", "initial")
    run(project, "upgrade", "head")
    accounts = sa.create_engine(with_driver(database_url), poolclass=sa.pool.NullPool)
    reporting = sa.create_engine(with_driver(second_database_url), poolclass=sa.pool.NullPool)
    with accounts.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO account (email) SELECT 'a' || g FROM generate_series(1, 5000) g"
        )
    with reporting.begin() as conn:
        conn.exec_driver_sql(
            'INSERT INTO "Ad Counter" (ad_id, day, hits) '
            "SELECT g, date '2026-01-01' + g %% 30, g FROM generate_series(1, 5000) g"
        )
    before = [schema_snapshot(accounts), schema_snapshot(reporting)]

    project.write_models(AFTER)
    old = set(project.versions.glob("*.py"))
    run(project, "revision", "--autogenerate", "-m", "uniques everywhere")
    written = sorted(set(project.versions.glob("*.py")) - old, key=lambda p: p.stat().st_mtime)
    assert len(written) == 3, [path.name for path in written]
    schema, build, attach = (path.read_text() for path in written)

    assert "op.add_column('account'" in function_body(schema, "upgrade_engine1")
    assert "op.create_index" not in schema and "op.create_unique" not in schema
    assert "'uq_email'" in function_body(build, "upgrade_engine1")
    reporting_build = function_body(build, "upgrade_engine2")
    assert "op.create_index_concurrently('uq ad day', 'Ad Counter'" in reporting_build
    assert "op.create_index_concurrently('ix_hits', 'Ad Counter'" in reporting_build
    assert "op.attach_unique_constraint('uq_email', 'account'" in function_body(
        attach, "upgrade_engine1"
    )
    assert "op.attach_unique_constraint('uq ad day', 'Ad Counter'" in function_body(
        attach, "upgrade_engine2"
    )
    assert "uq ad day" in function_body(attach, "downgrade_engine2")
    assert set(ruff_findings(*written)) <= {"F401 `sqlalchemy` imported but unused"}

    upgraded = run(project, "upgrade", "head")
    assert "AssertionError" not in upgraded
    assert unique_constraints(accounts, "account") == {"uq_email": "UNIQUE (email)"}
    assert unique_constraints(reporting, '"Ad Counter"') == {"uq ad day": "UNIQUE (ad_id, day)"}
    assert invalid_indexes(accounts) == [] and invalid_indexes(reporting) == []
    assert "No new upgrade operations detected" in run(project, "check")

    run(project, "downgrade", "-3")
    assert [schema_snapshot(accounts), schema_snapshot(reporting)] == before
    accounts.dispose()
    reporting.dispose()


def test_a_second_database_alone_is_split_too(
    tmp_path: Path, database_url: sa.URL, second_database_url: sa.URL
) -> None:
    """The first database has nothing to split; the second one's unique is still split."""
    project = multidb_project(tmp_path / "project", database_url, second_database_url)
    project.write_models(BEFORE.format(account_extra="", counter_extra=""))
    run(project, "revision", "--autogenerate", "-m", "initial")
    run(project, "upgrade", "head")
    project.write_models(
        BEFORE.format(
            account_extra='sa.Column("code", sa.Text),',
            counter_extra='sa.UniqueConstraint("ad_id", "day", name="uq ad day"),',
        )
    )
    old = set(project.versions.glob("*.py"))
    run(project, "revision", "--autogenerate", "-m", "code and pair")
    written = sorted(set(project.versions.glob("*.py")) - old, key=lambda p: p.stat().st_mtime)
    schema, build, attach = (path.read_text() for path in written)
    assert "op.add_column('account'" in function_body(schema, "upgrade_engine1")
    assert "pass" in function_body(build, "upgrade_engine1")
    assert "'uq ad day'" in function_body(build, "upgrade_engine2")
    assert "'uq ad day'" in function_body(attach, "upgrade_engine2")
    run(project, "upgrade", "head")
    assert "No new upgrade operations detected" in run(project, "check")


def test_invalid_indexes_lists_the_leftovers_of_every_database(
    tmp_path: Path, database_url: sa.URL, second_database_url: sa.URL
) -> None:
    """The second database's env.py run counts as much as the first one's."""
    project = multidb_project(tmp_path / "project", database_url, second_database_url)
    project.write_models(BEFORE.format(account_extra="", counter_extra=""))
    run(project, "revision", "--autogenerate", "-m", "initial")
    run(project, "upgrade", "head")
    reporting = sa.create_engine(
        with_driver(second_database_url), poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT"
    )
    with reporting.connect() as conn:
        conn.exec_driver_sql(
            "INSERT INTO \"Ad Counter\" (ad_id, day, hits) VALUES (1, date '2026-01-01', 1), "
            "(1, date '2026-01-01', 2)"
        )
        with pytest.raises(sa.exc.IntegrityError):
            conn.exec_driver_sql(
                'CREATE UNIQUE INDEX CONCURRENTLY "Left Over" ON "Ad Counter" (ad_id)'
            )
    reporting.dispose()
    executable = Path(sys.executable).parent / "alembic-safe-unique"

    listed = subprocess.run(
        [str(executable), "-c", str(project.ini), "invalid-indexes"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert listed.returncode == 1, listed.stdout + listed.stderr
    assert re.search(r"public +Ad Counter +Left Over", listed.stdout), listed.stdout
