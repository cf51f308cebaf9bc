"""``lint`` over a public Alembic history, as it is: Redash's (tests/corpus/redash, BSD-2).

Its revisions import Redash itself and libraries this project does not install (funcy,
sqlalchemy_utils, sqlalchemy_searchable), and its alembic.ini is Flask-Migrate's, without
``script_location``. A team adopting lint runs it on such a history first: every file must be
read, and what locks a big table must be found. The blocking findings below were checked by
hand against the files.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from alembic_safe_unique.cli.console import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "redash" / "migrations"
IMPORTS_REDASH = re.compile(
    r"^(from|import) (redash|funcy|sqlalchemy_utils|sqlalchemy_searchable)\b", re.M
)


def test_lint_reads_every_revision_of_a_public_history_and_finds_its_index_builds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["-c", str(CORPUS / "alembic.ini"), "lint", "--format", "json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)

    files = sorted(CORPUS.glob("versions/*.py"))
    assert code == 1, captured.err
    assert report["revisions"] == len(files)
    blocking = {
        (Path(f["path"]).name, f["line"], f["rule"]) for f in report["findings"] if f["blocking"]
    }
    assert blocking == {
        # CREATE INDEX on queries, a table of every saved query: writes wait for the build.
        ("5ec5c84ba61e_.py", 24, "ASU002"),
        ("6b5be7e0a0ef_.py", 45, "ASU002"),
        # add_column(..., index=True) on two existing tables.
        ("65fc9ede4746_add_is_draft_status_to_queries_and_.py", 23, "ASU002"),
        ("65fc9ede4746_add_is_draft_status_to_queries_and_.py", 26, "ASU002"),
        # A unique constraint on favorites, created by an earlier revision (d4c798575877):
        # built under ACCESS EXCLUSIVE; its downgrade drops it with no lock_timeout.
        ("71477dadd6ef_favorites_unique_constraint.py", 20, "ASU001"),
        ("71477dadd6ef_favorites_unique_constraint.py", 26, "ASU006"),
        # A foreign key dropped from favorites with no lock_timeout: every constraint drop
        # waits for ACCESS EXCLUSIVE, whatever its type.
        ("e7004224f284_add_org_id_to_favorites.py", 25, "ASU006"),
        # DROP INDEX without CONCURRENTLY.
        ("5ec5c84ba61e_.py", 38, "ASU004"),
        ("6b5be7e0a0ef_.py", 44, "ASU004"),
    }
    stood_in = {Path(f["path"]).name for f in report["findings"] if f["rule"] == "ASU902"}
    importing = {path.name for path in files if IMPORTS_REDASH.search(path.read_text())}
    assert stood_in == importing


def test_a_baseline_lets_a_team_adopt_lint_on_its_history_and_fail_on_new_findings_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "redash"
    shutil.copytree(CORPUS, project / "migrations")
    ini = str(project / "migrations" / "alembic.ini")
    baseline = tmp_path / "lint-baseline.json"
    assert main(["-c", ini, "lint", "--write-baseline", str(baseline)]) == 0
    assert "Recorded " in capsys.readouterr().err

    assert main(["-c", ini, "lint", "--baseline", str(baseline)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("0 findings in 27 revisions") and "in the baseline, not shown" in out

    head = _head(ini)
    (project / "migrations" / "versions" / "new_unique.py").write_text(
        "from alembic import op\n\n"
        f"revision = 'new_unique'\ndown_revision = {head!r}\n\n\n"
        "def upgrade():\n"
        "    op.create_unique_constraint('uq_users_email_org', 'users', ['email', 'org_id'])\n\n\n"
        "def downgrade():\n"
        "    op.drop_constraint('uq_users_email_org', 'users', type_='unique')\n"
    )
    code = main(["-c", ini, "lint", "--baseline", str(baseline), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert {(Path(f["path"]).name, f["rule"]) for f in report["findings"] if f["blocking"]} == {
        ("new_unique.py", "ASU001"),
        ("new_unique.py", "ASU006"),
    }

    main(["-c", ini, "lint", "--baseline", str(baseline), "--no-downgrade", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert {f["function"] for f in report["findings"]} == {"upgrade"}


def _head(ini: str) -> str:
    """The corpus's head revision, as Alembic reads it."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from alembic_safe_unique.lint.stand_ins import stand_ins

    config = Config(ini)
    config.set_main_option("script_location", str(Path(ini).parent))
    script = ScriptDirectory.from_config(config)
    with stand_ins([script.versions]):  # its revisions import Redash
        return str(script.get_current_head())
