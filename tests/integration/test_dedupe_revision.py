"""The dedupe workflow end to end: a failed build names the command, the command writes the
``deduplicate_rows`` revision just before the build (chain relinked), and the run succeeds.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.docs_samples import commands
from tests.fixtures.project import AlembicProject
from tests.fixtures.stories import ROWS, counter

TOOL = os.path.join(os.path.dirname(sys.executable), "alembic-safe-unique")


def tool(project: AlembicProject, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TOOL, "-c", str(project.ini), *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_failed_build_names_the_command_that_writes_the_dedupe_revision_before_it(
    project: AlembicProject, engine: sa.Engine
) -> None:
    project.use_rewriter(counter())
    project.autogenerate("initial schema")
    project.upgrade()
    start = project.current(engine)
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
        conn.exec_driver_sql(  # two late rows for existing (ad_id, day) pairs, more hits
            "INSERT INTO ad_counter (ad_id, day, hits, active) "
            "SELECT ad_id, day, 1000, active FROM ad_counter WHERE ad_id IN (3, 4)"
        )
    project.write_models(counter('sa.UniqueConstraint("ad_id", "day")'))
    build, attach = project.autogenerate("unique ad day")

    failed = project.cli("upgrade", "head")
    assert failed.returncode != 0 and "DuplicateKeysError" in failed.stderr
    suggested = re.search(r"(alembic-safe-unique dedupe-revision .+)$", failed.stderr, re.M)
    assert suggested, failed.stderr
    command = shlex.split(suggested.group(1))
    reported = tool(project, "check")
    assert reported.returncode == 1
    assert " ".join(command) in reported.stdout

    documented = commands("dedupe_revision.sh")
    assert documented[0][:2] == command[:2] and documented[0][-2:] == ["--order-by", "hits"]
    written = tool(project, *command[1:], "--order-by", "hits")
    assert written.returncode == 0, written.stdout + written.stderr
    heads = project.cli("heads")
    assert heads.stdout.count("(head)") == 1, heads.stdout
    history = project.cli("history")
    chain = re.findall(r"^(\w+) -> (\w+)", history.stdout, re.M)
    dedupe = next(new for old, new in chain if old == start)
    assert (dedupe, _revision(build)) in chain
    dedupe_text = next(project.versions.glob(f"{dedupe}_*.py")).read_text()
    assert "op.deduplicate_rows('ad_counter', ['ad_id', 'day'], keep='newest'" in dedupe_text
    downgrade = dedupe_text[dedupe_text.index("def downgrade()") :]
    assert "# The rows op.deduplicate_rows() deleted do not come back" in downgrade

    checked = tool(project, "check")
    assert checked.returncode == 0, checked.stdout
    assert "removed first" in checked.stdout
    applied = project.cli("upgrade", "head")
    assert applied.returncode == 0, applied.stderr
    assert unique_constraints(engine, "ad_counter") == {
        "uq_ad_counter_ad_id_day": "UNIQUE (ad_id, day)"
    }
    assert invalid_indexes(engine) == []
    with engine.connect() as conn:  # the newest by hits was kept
        kept = conn.exec_driver_sql(
            "SELECT hits FROM ad_counter WHERE ad_id IN (3, 4) ORDER BY ad_id"
        ).scalars()
        assert list(kept) == [1000, 1000]
    assert "No new upgrade operations detected" in project.check()
    assert attach.exists()


def _revision(path: Path) -> str:
    text = path.read_text()
    found = re.search(r"^revision(?:: str)? = ['\"](\w+)['\"]", text, re.M)
    assert found
    return found.group(1)
