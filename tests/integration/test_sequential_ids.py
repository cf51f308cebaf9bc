"""A hook that numbers revisions (0001, 0002, ...), chained after or before the rewriter.

The common recipe renumbers only the first script it is given; the split files must go on
from that number, each revising the one before, whichever hook runs first, and the next
``alembic revision`` must find a numbered head.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject
from tests.fixtures.stories import ROWS, counter

NUMBERING = sample("sequential_ids.py")
CHAIN = "process_revision_directives = alembic_safe_unique.rewriter.chain(number_revisions)"
BEFORE = """
def process_revision_directives(context, revision, directives):
    number_revisions(context, revision, directives)
    alembic_safe_unique.rewriter(context, revision, directives)
"""


def ids(path: Path) -> tuple[str, str]:
    text = path.read_text()
    revision = re.search(r"^revision(?:: str)? = '(\w+)'", text, re.M)
    down = re.search(r"^down_revision(?:: [^=]*)? = '(\w+)'", text, re.M)
    assert revision and down, path.name
    return revision.group(1), down.group(1)


@pytest.mark.parametrize("order", ["numbering after the rewriter", "numbering before it"])
def test_split_revisions_are_numbered_in_sequence(
    project: AlembicProject, engine: sa.Engine, order: str
) -> None:
    assert CHAIN in NUMBERING
    prelude = NUMBERING if order.endswith("rewriter") else NUMBERING.replace(CHAIN, BEFORE)
    project.use_rewriter(counter(), hook="process_revision_directives", prelude=prelude)
    (initial,) = project.autogenerate("initial schema")
    assert initial.name.startswith("0001_")
    project.upgrade()
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))

    project.write_models(counter('sa.Column("code", sa.Text, unique=True)'))
    files = project.autogenerate("add code")
    assert [path.name[:5] for path in files] == ["0002_", "0003_", "0004_"]
    assert [ids(path) for path in files] == [("0002", "0001"), ("0003", "0002"), ("0004", "0003")]
    project.upgrade()
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_counter_code": "UNIQUE (code)"}

    project.write_models(
        counter('sa.Column("code", sa.Text, unique=True)', 'sa.UniqueConstraint("ad_id", "day")')
    )
    following = project.autogenerate("ad and day")
    assert [ids(path) for path in following] == [("0005", "0004"), ("0006", "0005")]
    project.upgrade()
    assert "No new upgrade operations detected" in project.check()
