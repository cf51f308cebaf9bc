"""``alembic-safe-unique wire`` and ``init`` on the env.py files Alembic and Flask-Migrate write.

Each env.py comes from the tool's own command (``alembic init -t ...``, ``flask db init``), is
wired with ``wire --write``, and must then be valid, lint-clean Python that autogenerates the
package's chained revisions; a second ``wire --write`` changes nothing.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import libcst as cst
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from alembic_safe_unique.cli.console import main
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import with_driver
from tests.fixtures.stories import counter
from tests.fixtures.tools import ruff_findings
from tests.integration.test_flask_migrate import FlaskApp

UNIQUE = 'sa.UniqueConstraint("ad_id", "day")'


def cli(*args: str) -> tuple[int, str]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = main(list(args))
    return code, output.getvalue()


def configure_calls(source: str) -> list[str]:
    module = cst.parse_module(source)
    found: list[str] = []

    class Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if module.code_for_node(node.func) == "context.configure":
                found.append(module.code_for_node(node))

    module.visit(Calls())
    return found


def assert_wired_twice(env_py: Path) -> None:
    """``wire --write`` makes a valid, lint-clean, wired file; a second one changes nothing."""
    clean_before = ruff_findings(env_py) == []
    code, output = cli("wire", str(env_py), "--write")
    assert code == 0, output
    text = env_py.read_text()
    compile(text, str(env_py), "exec")
    if clean_before:
        assert ruff_findings(env_py) == []
    assert text.count("import alembic_safe_unique\n") == 1
    calls = configure_calls(text)
    assert calls and all("alembic_safe_unique.rewriter" in call for call in calls)
    for call in calls:  # an added argument on a line of its own lines up with the first one
        lines = call.splitlines()
        added = [line for line in lines if line.strip().startswith("process_revision_directives=")]
        if len(lines) > 2 and added:
            first = lines[1]
            assert len(added[0]) - len(added[0].lstrip()) == len(first) - len(first.lstrip()), call

    code, output = cli("wire", str(env_py), "--write")
    assert code == 0 and "already wired; nothing to change" in output, output
    assert env_py.read_text() == text


def alembic_init(root: Path, url: sa.URL, template: str) -> AlembicProject:
    root.mkdir()
    command.init(Config(str(root / "alembic.ini")), str(root / "migrations"), template=template)
    project = AlembicProject(root, url)
    set_url(project)
    return project


def set_url(project: AlembicProject) -> None:
    rendered = project.url.render_as_string(hide_password=False).replace("%", "%%")
    text = project.ini.read_text().replace("driver://user:pass@localhost/dbname", rendered)
    project.ini.write_text(text)


def assert_autogenerates_build_then_attach(project: AlembicProject) -> None:
    """The models' table first, upgraded; then a unique on it: the package's two revisions."""
    project.write_models(counter())
    text = project.env_py.read_text()
    project.env_py.write_text(
        text.replace(
            "target_metadata = None",
            "import runpy\nfrom pathlib import Path\n\ntarget_metadata = runpy.run_path(\n"
            '    str(Path(__file__).resolve().parent.parent / "models.py")\n)["metadata"]',
        )
    )
    project.autogenerate("initial")
    project.upgrade()
    project.write_models(counter(UNIQUE))
    build, attach = project.autogenerate("unique ad day")
    assert "op.create_index_concurrently(" in build.read_text()
    assert "op.attach_unique_constraint(" in attach.read_text()


@pytest.mark.parametrize("template", ["generic", "async"])
def test_wire_writes_an_env_py_that_autogenerates_chained_revisions(
    tmp_path: Path, database_url: sa.URL, template: str
) -> None:
    driver = "asyncpg" if template == "async" else "psycopg"
    project = alembic_init(tmp_path / "project", with_driver(database_url, driver), template)
    assert_wired_twice(project.env_py)
    assert_autogenerates_build_then_attach(project)


def test_wire_wires_every_configure_call_of_a_multidb_env_py(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    command.init(Config(str(root / "alembic.ini")), str(root / "migrations"), template="multidb")
    env_py = root / "migrations" / "env.py"
    _code, shown = cli("wire", str(env_py))  # the template opens its own transactions: said
    assert "opens a transaction of its own" in shown and "Multiple databases" in shown
    assert_wired_twice(env_py)
    assert len(configure_calls(env_py.read_text())) == 2


def test_wire_reads_env_py_from_alembic_ini_and_writes_only_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    ini = root / "alembic.ini"
    command.init(Config(str(ini)), str(root / "migrations"))
    env_py = root / "migrations" / "env.py"
    before = env_py.read_text()
    code, output = cli("-c", str(ini), "wire")
    assert code == 0
    assert "+import alembic_safe_unique" in output and "run again with --write" in output
    assert env_py.read_text() == before


def test_wire_without_a_configure_call_says_where_to_add_it(tmp_path: Path) -> None:
    env_py = tmp_path / "env.py"
    env_py.write_text("from alembic import context\n")
    code, output = cli("wire", str(env_py), "--write")
    assert code == 2
    assert "no context.configure(...) call" in output and "run_migrations_online()" in output
    assert env_py.read_text() == "from alembic import context\n"


def test_wire_migration_lock_wraps_the_connection_of_the_online_run(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    command.init(Config(str(root / "alembic.ini")), str(root / "migrations"))
    env_py = root / "migrations" / "env.py"
    code, output = cli("wire", str(env_py), "--write", "--migration-lock")
    assert code == 0, output
    text = env_py.read_text()
    assert (
        "with connectable.connect() as connection, "
        "alembic_safe_unique.migration_lock(connection):" in text
    )
    compile(text, str(env_py), "exec")


def test_init_writes_a_wired_project(
    tmp_path: Path, database_url: sa.URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    code, output = cli("init", "migrations")
    assert code == 0, output
    project = AlembicProject(root, with_driver(database_url, "psycopg"))
    set_url(project)
    assert "import alembic_safe_unique\n" in project.env_py.read_text()
    assert_autogenerates_build_then_attach(project)


def test_wire_chains_flask_migrate_hook(
    tmp_path: Path, database_url: sa.URL, engine: sa.Engine
) -> None:
    app = FlaskApp(tmp_path / "app", {"APP_DATABASE_URL": database_url})
    app.ok("db", "init")
    env_py = app.root / "migrations" / "env.py"
    assert_wired_twice(env_py)
    assert "alembic_safe_unique.rewriter.chain(" in env_py.read_text()
    app.ok("db", "migrate", "-m", "initial")
    app.ok("db", "upgrade")
    build, attach = app.new_revisions("-m", "unique ad day", unique=True)
    assert "op.create_index_concurrently('uq_ad_day'" in build.read_text()
    assert "op.attach_unique_constraint('uq_ad_day'" in attach.read_text()
    app.ok("db", "upgrade", unique=True)
    # Flask-Migrate's own hook still runs, chained: no changes, no empty revision.
    versions = set((app.root / "migrations" / "versions").glob("*.py"))
    assert "No changes in schema detected." in app.ok("db", "migrate", unique=True)
    assert set((app.root / "migrations" / "versions").glob("*.py")) == versions
