"""The "Safety net" page: its rules table, and every sample it shows, run as the page says."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from sqlalchemy.engine import make_url

from alembic_safe_unique.lint import RULES
from tests.fixtures.catalog_snapshot import schema_snapshot, unique_constraints
from tests.fixtures.docs_samples import SAMPLES, assert_output_as_documented, commands, sample
from tests.fixtures.project import AlembicProject

PAGE = SAMPLES.parent / "safety-net.md"
BIN = Path(sys.executable).parent
BASE = "1975ea83b712"
NO_SERVER = make_url("postgresql+psycopg://nobody@127.0.0.1:1/not_used_by_lint")

CREATE_TABLES = """
op.create_table(
    "ad_counter",
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("hits", sa.Integer, nullable=False),
)
op.create_table(
    "country",
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
)
"""

ROWS = [
    "INSERT INTO ad_counter (ad_id, day, hits) "
    "SELECT g, date '2026-01-01' + g % 30, g % 97 FROM generate_series(1, 60000) g",
    "INSERT INTO country (code, name) "
    "SELECT 'c' || g, 'Country ' || g FROM generate_series(1, 40) g",
    "ANALYZE ad_counter",
    "ANALYZE country",
]


def docs_project(root: Path, url: sa.URL) -> AlembicProject:
    """The page's project: 1975ea83b712 created the tables, then the two sample revisions."""
    project = AlembicProject.create(root, url)
    project.write_revision(
        BASE, CREATE_TABLES, 'op.drop_table("country")\nop.drop_table("ad_counter")'
    )
    for name in ("safety_net/hand_written.py", "safety_net/suppressed.py"):
        shutil.copy(SAMPLES / name, project.versions / Path(name).name)
    return project


def run(project: AlembicProject, *command: str) -> subprocess.CompletedProcess[str]:
    """A command line from the page, in the project directory, with this environment's tools."""
    return subprocess.run(
        command,
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
    )


def test_the_rules_table_lists_every_rule_by_id_and_name() -> None:
    rows = re.findall(r"^\| (ASU\d{3}) \| ([\w-]+) \|", PAGE.read_text(), re.M)
    assert rows == [(rule.id, rule.name) for rule in RULES]


def test_lint_finds_what_the_page_shows_and_fix_writes_the_fixed_revision(
    tmp_path: Path, database_url: sa.URL, engine: sa.Engine
) -> None:
    project = docs_project(tmp_path / "project", database_url)
    project.upgrade(BASE)
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(sa.text(statement))
    everything, since, fix = commands("safety_net/lint.sh")

    # The whole history: the hand-written revision runs on a table an earlier one created,
    # which holds rows by then. Not clean (it used to read "0 findings in 3 revisions").
    whole = run(project, *everything)
    assert whole.returncode == 1, whole.stdout + whole.stderr
    assert_output_as_documented("safety_net/lint_output.txt", whole.stdout)
    result = run(project, *since)
    assert result.returncode == 1, result.stderr
    assert_output_as_documented("safety_net/lint_output.txt", result.stdout)

    before = schema_snapshot(engine)
    project.upgrade("head")  # the plain revision, as written
    plain_head = schema_snapshot(engine)
    project.downgrade(BASE)

    result = run(project, *fix)
    assert result.returncode == 0, result.stdout + result.stderr
    revision = project.versions / "hand_written.py"
    assert revision.read_text() == sample("safety_net/hand_written_fixed.py")
    project.upgrade("head")
    assert schema_snapshot(engine) == plain_head
    project.downgrade(BASE)
    assert schema_snapshot(engine) == before


def test_the_guard_settings_refuse_the_plain_revision_and_accept_the_fixed_one(
    tmp_path: Path, database_url: sa.URL, engine: sa.Engine
) -> None:
    project = docs_project(tmp_path / "project", database_url)
    env = project.env_py.read_text().replace("import alembic_safe_unique  # noqa: F401\n", "")
    project.env_py.write_text(sample("safety_net/guard_env.py") + env)
    project.upgrade(BASE)
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(sa.text(statement))

    refused = project.cli("upgrade", "head")
    assert refused.returncode != 0
    assert (
        "UnsafeOperationError: op.create_unique_constraint('uq_ad_day') on ad_counter (about "
        "60,000 rows (pg_class.reltuples), above unsafe_ops_min_rows=50,000)"
    ) in refused.stderr
    assert project.current(engine) == BASE

    shutil.copy(SAMPLES / "safety_net/hand_written_fixed.py", project.versions / "hand_written.py")
    applied = project.cli("upgrade", "head")
    assert applied.returncode == 0, applied.stderr
    assert "runs as written (assume_safe: country: 40 rows, written once a year)" in (
        applied.stderr
    )
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    assert unique_constraints(engine, "country") == {"uq_country_code": "UNIQUE (code)"}


@pytest.mark.parametrize(
    ("sample_name", "place"),
    [
        ("safety_net/pyproject_lint.toml", "pyproject.toml"),
        ("safety_net/alembic_ini_section.ini", ""),
    ],
)
def test_config_samples_set_since_and_drop_a_rule(
    tmp_path: Path, sample_name: str, place: str
) -> None:
    project = docs_project(tmp_path / "project", NO_SERVER)
    if place:
        shutil.copy(SAMPLES / sample_name, project.root / place)
    else:
        project.ini.write_text(project.ini.read_text() + "\n" + sample(sample_name))
    result = run(project, "alembic-safe-unique", "lint", "--format", "json")
    assert result.returncode == 1, result.stderr
    rules = re.findall(r'"rule": "(ASU\d+)"', result.stdout)
    assert rules == ["ASU001", "ASU002", "ASU006"]  # ASU004 ignored, 1975ea83b712 left alone


def test_ci_and_pre_commit_samples_report_the_hand_written_revision(tmp_path: Path) -> None:
    project = docs_project(tmp_path / "project", NO_SERVER)
    workflow = yaml.safe_load(sample("safety_net/github_actions.yml"))
    lint_step = workflow["jobs"]["lint"]["steps"][-1]["run"]
    result = run(project, *shlex.split(lint_step))
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(
        "::error file=migrations/versions/hand_written.py,line=13,col=5,"
        "title=ASU001 unique-constraint-locks-table::"
    )

    [repo] = yaml.safe_load(sample("safety_net/pre-commit-config.yaml"))["repos"]
    [hook] = repo["hooks"]
    staged = ["migrations/versions/hand_written.py", "migrations/env.py", "models.py"]
    passed = [path for path in staged if re.search(hook["files"], path)]
    assert passed == ["migrations/versions/hand_written.py"]
    result = run(project, *shlex.split(hook["entry"]), *passed)
    assert result.returncode == 1, result.stderr
    assert result.stdout.rstrip().endswith("4 findings in 1 revisions; 4 fixable with --fix.")
