"""pytest-alembic's own judgement of a project whose revisions the rewriter wrote.

``tests/example_project`` is an application's Alembic project: ``env.py`` wired to
``alembic_safe_unique.rewriter``, revisions written by ``alembic revision --autogenerate``
(an initial schema, then a unique pair, a unique column and an index, split in three).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

EXAMPLE = Path(__file__).resolve().parents[1] / "example_project"


def test_pytest_alembic_default_tests_pass_on_the_example_project(
    database_url: sa.URL, tmp_path: Path
) -> None:
    versions = sorted(path.name for path in (EXAMPLE / "migrations" / "versions").glob("*.py"))
    assert len(versions) == 4, versions
    # A copy outside the repository, as an application's own project would be: pytest-alembic
    # 0.12 (the last for Python 3.9) fails on files above its rootdir, which pytest 8 visits.
    project = tmp_path / "example_project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--test-alembic",
            "--rootdir",
            str(project),
            "--alembic-tests-path",
            "conftest.py",
            "-p",
            "no:cacheprovider",
            "-q",
            str(project),
        ],
        cwd=project,
        env={
            **os.environ,
            "ALEMBIC_SAFE_UNIQUE_EXAMPLE_URL": database_url.render_as_string(hide_password=False),
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in (
        "test_single_head_revision",
        "test_upgrade",
        "test_model_definitions_match_ddl",
        "test_up_down_consistency",
    ):
        assert name in result.stdout or "4 passed" in result.stdout
    assert "4 passed" in result.stdout, result.stdout
