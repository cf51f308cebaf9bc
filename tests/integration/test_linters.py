"""Generated revisions pass the linters users run on them, after their post-write hooks.

Every line the package writes (docstrings, comments) fits in 79 columns, the split files
import only what they use, and the files come out of ``[post_write_hooks]`` for ruff or for
black clean under ``ruff check`` (E501 at 79), flake8, ``ruff format --check`` and
``black --check``. The hooks are the docs' samples, pasted into the ``alembic.ini`` that
``alembic init`` wrote.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import driver_under_test, with_driver
from tests.fixtures.stories import ROWS, counter

BIN = Path(sys.executable).parent
PATH = {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
# A project that keeps pycodestyle's 79 columns.
RUFF_CONFIG = 'line-length = 79\n\n[lint]\nextend-select = ["E501"]\n'
# Alembic's script.py.mako imports sqlalchemy in every file; the ruff hook's --fix removes it
# where unused, black leaves it (flake8 then reports the template's line, not ours).
TEMPLATE_IMPORT = "F401 'sqlalchemy as sa' imported but unused"

CHANGES = (
    'sa.Column("code", sa.Text, unique=True)',
    'sa.UniqueConstraint("ad_id", "day")',
    'sa.UniqueConstraint("ad_id", "hits")',
    'sa.UniqueConstraint("id", "day")',
    'sa.Index("ix_ad_counter_hits_active", "hits", "active")',
)


def tool(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True)


def with_hooks(project: AlembicProject, hooks_sample: str) -> None:
    ini = project.ini.read_text()
    start, end = ini.index("[post_write_hooks]"), ini.index("# Logging configuration")
    project.ini.write_text(ini[:start] + sample(hooks_sample) + "\n" + ini[end:])
    (project.root / "ruff.toml").write_text(RUFF_CONFIG)


def generate(project: AlembicProject, engine: sa.Engine) -> list[Path]:
    project.use_rewriter(counter())
    first = project.cli("revision", "--autogenerate", "-m", "initial schema", env=PATH)
    assert first.returncode == 0, first.stderr
    project.upgrade()
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    project.write_models(counter(*CHANGES))
    old = set(project.versions.glob("*.py"))
    result = project.cli("revision", "--autogenerate", "-m", "add code", env=PATH)
    assert result.returncode == 0, result.stderr
    return sorted(set(project.versions.glob("*.py")) - old, key=lambda p: p.stat().st_mtime)


@pytest.fixture
def sync_project(tmp_path: Path, database_url: sa.URL) -> AlembicProject:
    driver = "psycopg" if driver_under_test() == "asyncpg" else driver_under_test()
    return AlembicProject.create(tmp_path / "project", with_driver(database_url, driver))


def test_split_files_after_the_ruff_hooks_pass_ruff_check_and_format(
    sync_project: AlembicProject, engine: sa.Engine
) -> None:
    with_hooks(sync_project, "post_write_hooks_ruff.ini")
    files = generate(sync_project, engine)
    assert len(files) == 3
    # The first file is named after the user's message, nothing else.
    assert files[0].name.endswith("_add_code.py"), files[0].name
    names = [str(path) for path in files]
    checked = tool("ruff", "check", *names, cwd=sync_project.root)
    assert checked.returncode == 0, checked.stdout
    formatted = tool("ruff", "format", "--check", *names, cwd=sync_project.root)
    assert formatted.returncode == 0, formatted.stdout
    flake8 = tool("flake8", *names, cwd=sync_project.root)
    assert flake8.returncode == 0, flake8.stdout
    sync_project.upgrade()
    assert "No new upgrade operations detected" in sync_project.check()


def test_split_files_after_the_black_hook_pass_flake8_and_black(
    sync_project: AlembicProject, engine: sa.Engine
) -> None:
    with_hooks(sync_project, "post_write_hooks_black.ini")
    files = generate(sync_project, engine)
    assert len(files) == 3
    names = [str(path) for path in files]
    flake8 = tool("flake8", "--format=%(code)s %(text)s", *names, cwd=sync_project.root)
    assert set(flake8.stdout.splitlines()) <= {TEMPLATE_IMPORT}, flake8.stdout
    black = tool("black", "--check", "-l", "79", *names, cwd=sync_project.root)
    assert black.returncode == 0, black.stderr
    sync_project.upgrade()
    assert "No new upgrade operations detected" in sync_project.check()


def test_lines_the_package_writes_fit_in_79_columns_before_any_hook(
    sync_project: AlembicProject, engine: sa.Engine
) -> None:
    files = generate(sync_project, engine)
    for path in files:
        text = path.read_text()
        docstring = text[: text.index('"""', 3)]
        comments = [line for line in text.splitlines() if line.strip().startswith("#")]
        long = [line for line in docstring.splitlines() + comments if len(line) > 79]
        assert not long, f"{path.name}: {long}"
    # The build file's long list of names wrapped onto lines of its own.
    build = files[1].read_text()
    heading = build[: build.index("Revision ID")]
    assert heading.count("\n") > 2 and "uq_ad_counter_id_day" in heading
