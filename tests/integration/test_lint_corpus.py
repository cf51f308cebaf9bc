"""``lint`` over public Alembic histories, as they are (tests/corpus, each with its licence).

Their revisions import the applications and libraries this project does not install, their
alembic.ini files point at package resources, at folders relative to where Alembic runs, at
one history per database. A team adopting lint runs it on such a history first, as its CI job
would: from the folder the project runs Alembic in, ``--format json``, nothing stood in by the
test. Every file must be read, and the blocking findings must be right: a sample of them,
labelled by hand against the files, is in tests/corpus/labels.json (precision published in
docs/safety-net.md). The cases issue 24 lists are asserted by file and rule where a history has
one; none of these histories mixes ``public.x`` and ``x`` for one table, or builds an index
concurrently after a raw ``COMMIT`` (tests/integration/test_lint.py and
tests/unit/lint/test_sql.py cover those).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from alembic_safe_unique.cli.console import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REDASH = CORPUS / "redash" / "migrations"
IMPORTS_REDASH = re.compile(
    r"^(from|import) (redash|funcy|sqlalchemy_utils|sqlalchemy_searchable)\b", re.M
)
LABELS: dict[str, Any] = json.loads((CORPUS / "labels.json").read_text())
SAFETY_NET = Path(__file__).resolve().parents[2] / "docs" / "safety-net.md"

# The histories' own code calls deprecated SQLAlchemy and Alembic APIs (Inspector.from_engine,
# declarative_base, a version_locations without path_separator) while lint reads it; Python
# shows a CLI user no DeprecationWarning, and neither does this module.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@dataclass(frozen=True)
class History:
    project: str
    """Its folder in tests/corpus: the files keep their paths in the project's repository."""
    ini: str
    """``-c``, from ``runs_in``."""
    versions: tuple[str, ...]
    """The folders of its revision files."""
    runs_in: str = "."
    """Where the project runs Alembic (a relative ``script_location`` is read from there)."""
    section: str | None = None

    @property
    def name(self) -> str:
        return self.project + (f"-{self.section}" if self.section else "")

    def revision_files(self) -> list[Path]:
        root = CORPUS / self.project
        return sorted(
            path
            for folder in self.versions
            for path in (root / folder).glob("*.py")
            if path.name != "__init__.py"
        )


PREFECT_VERSIONS = "src/prefect/server/database/_migrations/versions"
DISPATCH_REVISIONS = "src/dispatch/database/revisions"
HISTORIES = (
    History("redash", "migrations/alembic.ini", ("migrations/versions",)),
    History("lemur", "lemur/migrations/alembic.ini", ("lemur/migrations/versions",)),
    History(
        "dispatch",
        "src/dispatch/alembic.ini",
        (f"{DISPATCH_REVISIONS}/core/versions",),
        section="core",
    ),
    History(
        "dispatch",
        "src/dispatch/alembic.ini",
        (f"{DISPATCH_REVISIONS}/tenant/versions",),
        section="tenant",
    ),
    History(
        "prefect",
        "src/prefect/server/database/alembic.ini",
        (f"{PREFECT_VERSIONS}/postgresql", f"{PREFECT_VERSIONS}/sqlite"),
    ),
    History(
        "fides",
        "alembic.ini",
        ("src/fides/api/alembic/migrations/versions",),
        runs_in="src/fides/api/alembic",
    ),
    History("indico", "indico/migrations/alembic.ini", ("indico/migrations/versions",)),
    History("quetz", "alembic.ini", ("quetz/migrations/versions",)),
    History("polar", "alembic.ini", ("server/migrations/versions",), runs_in="server"),
    History("warehouse", "alembic.ini", ("warehouse/migrations/versions",)),
    History("quay", "alembic.ini", ("data/migrations/versions",)),
    History("keep", "keep/alembic.ini", ("keep/api/models/db/migrations/versions",)),
)
BY_NAME = {history.name: history for history in HISTORIES}


@dataclass(frozen=True)
class Run:
    code: int
    report: dict[str, Any]
    err: str
    left: frozenset[Path]
    """Files the run left in the project's folder (revisions that write backups, logs)."""

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self.report["findings"])

    def found(self, file: str, *, blocking: bool = True) -> set[tuple[int, str]]:
        """(line, rule) of the findings (or the notices) in the revision file named ``file``."""
        return {
            (f["line"], f["rule"])
            for f in self.findings
            if Path(f["path"]).name == file and f["blocking"] is blocking
        }


@contextmanager
def _as_a_ci_job(history: History) -> Iterator[None]:
    """In the folder the project runs Alembic in; sys.path as it was afterwards (Alembic adds
    an alembic.ini's ``prepend_sys_path`` to it)."""
    previous_dir, previous_path = os.getcwd(), list(sys.path)
    os.chdir(CORPUS / history.project / history.runs_in)
    try:
        yield
    finally:
        os.chdir(previous_dir)
        sys.path[:] = previous_path


@cache
def lint(history: History) -> Run:
    """``alembic-safe-unique -c <ini> [-n <section>] lint --format json``, once per history."""
    section = ["-n", history.section] if history.section else []
    out, err = io.StringIO(), io.StringIO()
    before = set((CORPUS / history.project).rglob("*"))
    with _as_a_ci_job(history), redirect_stdout(out), redirect_stderr(err):
        code = main(["-c", history.ini, *section, "lint", "--format", "json"])
    left = frozenset(set((CORPUS / history.project).rglob("*")) - before)
    return Run(code, json.loads(out.getvalue()), err.getvalue(), left)


def _in_project(history: History, finding: dict[str, Any]) -> str:
    """A finding's file, relative to the project's folder (as labels.json names files)."""
    return os.path.normpath(os.path.join(history.runs_in, finding["path"]))


def _labels(history: History, kind: str) -> list[dict[str, Any]]:
    return [
        label
        for label in LABELS[kind]
        if label["project"] == history.project
        and any(label["file"].startswith(folder + "/") for folder in history.versions)
    ]


@pytest.mark.parametrize("history", HISTORIES, ids=lambda history: history.name)
def test_every_revision_file_is_read_and_the_labelled_findings_hold(history: History) -> None:
    run = lint(history)
    blocking = [f for f in run.findings if f["blocking"]]
    assert run.code == (1 if blocking else 0), run.err  # never 2: every directory loads
    assert not run.left  # the checkout as it was (a Fides revision backs tables up to CSV)

    files = history.revision_files()
    skipped = sum(int(line.split()[0]) for line in run.report["skipped"])
    assert run.report["revisions"] + skipped == len(files)
    assert all(finding["line"] >= 1 for finding in run.findings)  # never line 0
    assert {_in_project(history, f) for f in run.findings} <= {
        str(path.relative_to(CORPUS / history.project)) for path in files
    }

    reported = {(_in_project(history, f), f["line"], f["rule"]) for f in blocking}
    labelled = _labels(history, "labels") + _labels(history, "fixed")
    correct = {(x["file"], x["line"], x["rule"]) for x in labelled if x["verdict"] == "correct"}
    false = {(x["file"], x["line"], x["rule"]) for x in labelled if x["verdict"] == "false"}
    assert correct <= reported
    assert not false & reported


def test_the_labelled_sample_is_at_least_95_percent_right_as_the_docs_say() -> None:
    labels = LABELS["labels"]
    correct = sum(label["verdict"] == "correct" for label in labels)
    assert len(labels) >= 40 and correct / len(labels) >= 0.95
    assert {label["verdict"] for label in LABELS["fixed"]} == {"false"}
    assert f"{correct} of {len(labels)} labelled findings" in SAFETY_NET.read_text()


def test_a_folder_of_sqlite_revisions_is_skipped_and_the_postgresql_one_read() -> None:
    """Prefect: env.py picks versions/postgresql or versions/sqlite at run time."""
    run = lint(BY_NAME["prefect"])
    assert run.report["skipped"] == [
        "112 revisions in src/prefect/server/database/_migrations/versions/sqlite skipped: they "
        "target sqlite, and lint's rules are about PostgreSQL's locks"
    ]
    folders = {Path(f["path"]).parent.name for f in run.findings}
    assert folders == {"postgresql"} and run.report["revisions"] == 116


def test_a_session_lock_timeout_set_in_env_py_bounds_every_drop() -> None:
    """Warehouse's env.py runs SET lock_timeout = 4000 on its connection: its many constraint
    and index drops wait at most that long, and none is reported; its builds still are."""
    run = lint(BY_NAME["warehouse"])
    rules = {f["rule"] for f in run.findings}
    assert not rules & {"ASU004", "ASU006"}
    assert {"ASU001", "ASU002", "ASU007"} <= rules
    # f7cd7a943caa drops and re-adds two unique constraints, in each direction.
    assert run.found("f7cd7a943caa_update_gh_publisher_constraints.py") == {
        (20, "ASU001"),
        (30, "ASU001"),
        (43, "ASU001"),
        (51, "ASU001"),
    }
    # DROP INDEX CONCURRENTLY in the transaction env.py opens for each migration fails.
    assert run.found("635b80625fc9_add_index_to_provenance_file_id.py") == {(31, "ASU003")}


def test_constraint_drops_of_no_stated_type_or_of_a_check_are_found() -> None:
    indico = lint(BY_NAME["indico"])
    # op.drop_constraint('ck_logs_valid_enum_realm', 'logs', schema='users'): no type_.
    assert indico.found("20250618_1630_a5b6d7237997_add_new_realm_to_userlogrealm.py") == {
        (19, "ASU006"),
        (24, "ASU006"),
    }
    fides = lint(BY_NAME["fides"])
    # op.drop_constraint("ck_monitorconfig_key_no_dots", "monitorconfig", type_="check")
    assert (436, "ASU006") in fides.found(
        "2f3c1a2d6b10_disallow_dot_in_monitor_key_and_update_refs.py"
    )


def test_indexes_dropped_right_before_their_table_are_not_findings() -> None:
    """Fides c61fd9d4f73e's downgrade drops emailconfig's four indexes, then emailconfig."""
    fides = lint(BY_NAME["fides"])
    assert fides.found("c61fd9d4f73e_emailconfig.py") == set()


def test_do_blocks_are_read_statement_by_statement() -> None:
    # Keep: DO $$ BEGIN IF NOT EXISTS (...) THEN CREATE INDEX ... ON workflowexecution ...
    keep = lint(BY_NAME["keep"])
    assert keep.found("2025-04-08-10-43_59991b568c7d.py") == {(42, "ASU002")}
    # Warehouse: a DO block looping over UPDATEs: read, nothing to report, no notice.
    warehouse = lint(BY_NAME["warehouse"])
    name = "f449e5bff5a5_disallow_multiple_sdists_for_a_release.py"
    assert warehouse.found(name) == {(68, "ASU002")}
    assert warehouse.found(name, blocking=False) == set()


def test_a_commit_ends_the_transaction_not_the_lock_of_a_plain_build() -> None:
    """Keep 971abbbf0a2c runs op.execute("COMMIT"), then a plain CREATE INDEX: outside
    Alembic's transaction, the build still holds its SHARE lock; nothing is concurrent in a
    transaction, so no ASU003 anywhere in Keep's history."""
    keep = lint(BY_NAME["keep"])
    assert (117, "ASU002") in keep.found("2025-03-18-14-54_971abbbf0a2c.py")
    assert not any(f["rule"] == "ASU003" for f in keep.findings)


def test_parameterised_upgrades_are_read_and_never_reported_at_line_0() -> None:
    """Quay's revisions are upgrade(op, tables, tester): called with op and stand-ins."""
    quay = lint(BY_NAME["quay"])
    assert (28, "ASU002") in quay.found("e2894a3a3c19_add_full_text_search_indexing_for_repo_.py")
    stops = [f for f in quay.findings if "it takes parameters lint cannot supply" in f["message"]]
    assert stops and all(f["line"] > 1 for f in stops)
    text = CORPUS / "quay/data/migrations/versions/0246c2d0e750_add_login_logout_logentrykind.py"
    assert text.read_text().splitlines()[26].startswith("    op.execute(")
    assert quay.found("0246c2d0e750_add_login_logout_logentrykind.py", blocking=False) == {
        (27, "ASU901")
    }


def test_files_that_stop_while_imported_are_read_as_far_as_they_ran() -> None:
    lemur = lint(BY_NAME["lemur"])
    assert (19, "ASU901") in lemur.found("1db4f82bc780_.py", blocking=False)  # current_app
    quay = lint(BY_NAME["quay"])
    name = "a6c463dfb9fe_back_fill_build_expand_config.py"  # TextField from `import *`
    assert (23, "ASU901") in quay.found(name, blocking=False)


def test_ops_env_py_registers_are_named_where_called_and_read_past() -> None:
    """Lemur's env.py registers alembic-postgresql-enum's op.sync_enum_values (not installed
    here): both of an upgrade's calls are named, the second one read past the first."""
    lemur = lint(BY_NAME["lemur"])
    assert lemur.found("9f79024fe67b_.py", blocking=False) == {(18, "ASU903"), (27, "ASU903")}
    polar = lint(BY_NAME["polar"])
    squash = "2026-06-17-1455_initial_migration_june_2026_squash.py"
    notices = polar.found(squash, blocking=False)
    unknown = [line for line, rule in notices if rule == "ASU903"]
    assert len(unknown) > 1 and "ASU901" not in {rule for _line, rule in notices}


def test_revisions_that_print_leave_the_report_valid_json() -> None:
    """Redash and Fides print while their upgrades run: to stderr, the report stays JSON."""
    assert "Updating dashboards position data:" in lint(BY_NAME["redash"]).err
    assert "Created template: " in lint(BY_NAME["fides"]).err


def test_lint_reads_every_revision_of_a_public_history_and_finds_its_index_builds() -> None:
    run = lint(BY_NAME["redash"])
    files = sorted(REDASH.glob("versions/*.py"))
    assert run.code == 1, run.err
    assert run.report["revisions"] == len(files)
    blocking = {(Path(f["path"]).name, f["line"], f["rule"]) for f in run.findings if f["blocking"]}
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
    stood_in = {Path(f["path"]).name for f in run.findings if f["rule"] == "ASU902"}
    importing = {path.name for path in files if IMPORTS_REDASH.search(path.read_text())}
    assert stood_in == importing


def test_a_baseline_lets_a_team_adopt_lint_on_its_history_and_fail_on_new_findings_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "redash"
    shutil.copytree(REDASH, project / "migrations")
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
