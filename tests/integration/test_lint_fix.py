"""``alembic-safe-unique lint --fix``: the hand-written plain ops become the safe ones, the file
keeps its comments and layout, ruff and lint are happy, and the revision upgrades and
downgrades a live table to exactly the schema the plain revision gave."""

from __future__ import annotations

import ast
import json
import shutil
import textwrap
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from alembic_safe_unique import UncommittedChangesError
from alembic_safe_unique.cli.console import main
from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot, unique_constraints
from tests.fixtures.project import AlembicProject
from tests.fixtures.tools import black_check, ruff, ruff_findings

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "redash" / "migrations"

CREATE_COUNTER = """
op.create_table(
    "ad counter",
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("hits", sa.Integer, nullable=False),
    sa.Column("code", sa.Text),
)
"""

ROWS = """
INSERT INTO "ad counter" (ad_id, day, hits, code)
SELECT g, date '2026-01-01' + g % 30, g % 97, CASE WHEN g % 2 = 0 THEN 'c' || g END
FROM generate_series(1, 5000) g
"""

PLAIN_UPGRADE = """
# One row per ad and day, as the report expects.
op.create_unique_constraint(
    "uq_ad_day", "ad counter", ["ad_id", "day"]  # the report's grouping key
)
op.create_index("ix_hits", "ad counter", ["hits"], unique=False)
op.create_index(
    op.f("uq_code"),
    "ad counter",
    ["code"],
    unique=True,
    postgresql_where=sa.text("code IS NOT NULL"),
)
"""

PLAIN_DOWNGRADE = """
op.drop_index(op.f("uq_code"), table_name="ad counter")
op.drop_index("ix_hits", table_name="ad counter")  # plain drop
op.drop_constraint("uq_ad_day", "ad counter", type_="unique")
"""

FIXED_UPGRADE = """def upgrade():
    # One row per ad and day, as the report expects.
    op.create_unique_constraint_concurrently(
        "uq_ad_day", "ad counter", ["ad_id", "day"]  # the report's grouping key
    )
    with op.get_context().autocommit_block():
        op.create_index_concurrently("ix_hits", "ad counter", ["hits"], unique=False)
        op.create_index_concurrently(
            op.f("uq_code"),
            "ad counter",
            ["code"],
            unique=True,
            postgresql_where=sa.text("code IS NOT NULL"),
        )
"""

FIXED_DOWNGRADE = """def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index_concurrently(op.f("uq_code"), table_name="ad counter")
        op.drop_index_concurrently("ix_hits", table_name="ad counter")  # plain drop
    op.drop_unique_constraint("uq_ad_day", "ad counter", ["ad_id", "day"])
"""


def lint(project: AlembicProject, *args: str) -> int:
    return main(["-c", str(project.ini), "lint", *args])


def test_fix_rewrites_plain_ops_and_the_revision_round_trips_to_the_same_schema(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    project.write_revision("f1", CREATE_COUNTER, 'op.drop_table("ad counter")')
    revision = project.write_revision("f2", PLAIN_UPGRADE, PLAIN_DOWNGRADE, down_revision="f1")
    project.upgrade("f1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    before = schema_snapshot(engine)
    project.upgrade("head")  # the plain revision, as written
    plain_head = schema_snapshot(engine)
    project.downgrade("f1")
    assert schema_snapshot(engine) == before
    # By default f1 ran in production before f2: its table holds rows, f2's ops are found.
    assert lint(project) == 1
    # Nothing applied yet (a range from base): f1's table is new to f2.
    assert lint(project, "base:heads") == 0
    assert lint(project, "--since", "f1") == 1

    capsys.readouterr()
    assert lint(project, "--since", "f1", "--fix") == 0
    captured = capsys.readouterr()
    assert "Fixed 6 findings in" in captured.err
    assert captured.out.strip() == "0 findings in 1 revisions."
    text = revision.read_text()
    assert FIXED_UPGRADE in text and FIXED_DOWNGRADE in text
    assert "from alembic import op\nimport alembic_safe_unique  # noqa: F401" in text
    assert ruff_findings(revision) == []

    project.upgrade("head")
    assert schema_snapshot(engine) == plain_head
    assert unique_constraints(engine, '"ad counter"') == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    assert invalid_indexes(engine) == []
    project.downgrade("f1")
    assert schema_snapshot(engine) == before


def test_fix_leaves_what_it_cannot_rewrite_and_still_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = AlembicProject.create(
        tmp_path / "project", make_url("postgresql+psycopg://nobody@127.0.0.1:1/not_used")
    )
    upgrade = """
    op.create_unique_constraint(None, "ad_counter", ["ad_id"])  # PostgreSQL picks the name
    op.create_index("ix_hits", "ad_counter", ["hits"], if_not_exists=True)
    with op.batch_alter_table("ad_counter") as batch_op:
        batch_op.create_index("ix_day", ["day"])
    """
    revision = project.write_revision("n1", upgrade)
    source = revision.read_text()
    assert lint(project, "--fix") == 1
    out = capsys.readouterr().out
    assert revision.read_text() == source
    assert out.count("ASU001") == 1 and out.count("ASU002") == 2
    assert out.rstrip().endswith("3 findings in 1 revisions.")


PLAIN_PRIMARY_KEY = """
op.create_primary_key("Ad Counter pkey", "ad counter", ["code"])  # the natural key
"""
PLAIN_PRIMARY_KEY_DOWN = """
op.drop_constraint("Ad Counter pkey", "ad counter", type_="primary")
"""
# 100 characters with the comment: wrapped at the default line length (88), as black would.
FIXED_PRIMARY_KEY = """def upgrade():
    op.create_primary_key_concurrently(
        "Ad Counter pkey", "ad counter", ["code"]
    )  # the natural key


def downgrade():
    op.drop_primary_key_concurrently("Ad Counter pkey", "ad counter", ["code"])
"""


def test_fix_rewrites_a_plain_primary_key_and_its_drop_and_the_schema_is_the_plain_ones(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    create = CREATE_COUNTER.replace('sa.Column("id", sa.Integer, primary_key=True),\n', "")
    project.write_revision("f1", create, 'op.drop_table("ad counter")')
    revision = project.write_revision(
        "f2", PLAIN_PRIMARY_KEY, PLAIN_PRIMARY_KEY_DOWN, down_revision="f1"
    )
    project.upgrade("f1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS.replace("CASE WHEN g % 2 = 0 THEN 'c' || g END", "'c' || g")))
    project.upgrade("head")
    plain_head = schema_snapshot(engine)
    project.downgrade("f1")
    plain_down = schema_snapshot(engine)  # "code" stays NOT NULL after the plain drop

    capsys.readouterr()
    assert lint(project, "--since", "f1", "--fix") == 0
    assert "Fixed 2 findings in" in capsys.readouterr().err
    text = revision.read_text()
    assert FIXED_PRIMARY_KEY in text
    assert ruff_findings(revision) == ["F401 `sqlalchemy` imported but unused"]  # the template's

    project.upgrade("head")
    assert schema_snapshot(engine) == plain_head
    project.downgrade("f1")
    assert schema_snapshot(engine) == plain_down


def revision_text(path: Path, function: str) -> str:
    """``def <function>():`` and its body, as the file holds it."""
    text = path.read_text()
    start = text.index(f"def {function}():")
    end = text.find("\n\n\ndef ", start)
    return text[start : None if end < 0 else end + 1]


KEY_V1 = 'op.create_unique_constraint("uq_ad", "ad counter", ["ad_id", "day"])'
SWAP_UP = """
op.drop_constraint("uq_ad", "ad counter", type_="unique")
op.create_unique_constraint("uq_ad", "ad counter", ["ad_id", "day", "hits"])
"""
SWAP_DOWN = """
op.drop_constraint("uq_ad", "ad counter", type_="unique")
op.create_unique_constraint("uq_ad", "ad counter", ["ad_id", "day"])
"""


def test_a_constraint_name_reused_with_new_columns_becomes_one_swap_each_way(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """Drop then create of one name is atomic in the plain revision; two committed safe steps
    would leave the table unguarded in between. The swap keeps it guarded, and each way takes
    the columns from the function that made the constraint being replaced."""
    project.write_revision("f1", CREATE_COUNTER + KEY_V1, 'op.drop_table("ad counter")')
    revision = project.write_revision("f2", SWAP_UP, SWAP_DOWN, down_revision="f1")
    project.upgrade("f1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    before = schema_snapshot(engine)
    project.upgrade("head")
    plain_head = schema_snapshot(engine)
    project.downgrade("f1")

    capsys.readouterr()
    assert lint(project, "--since", "f1", "--fix") == 0
    assert "Fixed 4 findings in" in capsys.readouterr().err  # each drop and create
    assert revision_text(revision, "upgrade") == (
        "def upgrade():\n"
        "    op.replace_unique_constraint(\n"
        '        "uq_ad",\n'
        '        "ad counter",\n'
        '        ["ad_id", "day", "hits"],\n'
        '        previous_columns=["ad_id", "day"],\n'
        "    )\n"
    )
    assert revision_text(revision, "downgrade") == (
        "def downgrade():\n"
        "    op.replace_unique_constraint(\n"
        '        "uq_ad",\n'
        '        "ad counter",\n'
        '        ["ad_id", "day"],\n'
        '        previous_columns=["ad_id", "day", "hits"],\n'
        "    )\n"
    )

    project.upgrade("head")
    assert unique_constraints(engine, '"ad counter"') == {"uq_ad": "UNIQUE (ad_id, day, hits)"}
    assert schema_snapshot(engine) == plain_head
    project.downgrade("f1")
    assert unique_constraints(engine, '"ad counter"') == {"uq_ad": "UNIQUE (ad_id, day)"}
    assert schema_snapshot(engine) == before


def test_a_reused_name_whose_old_columns_are_unknown_is_left_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = AlembicProject.create(
        tmp_path / "project", make_url("postgresql+psycopg://nobody@127.0.0.1:1/not_used")
    )
    project.write_revision("f1", CREATE_COUNTER + KEY_V1)
    revision = project.write_revision("f2", SWAP_UP, down_revision="f1")  # downgrade: pass
    source = revision.read_text()
    capsys.readouterr()
    assert lint(project, "--since", "f1", "--fix") == 1
    captured = capsys.readouterr()
    assert revision.read_text() == source
    reason = (
        '"uq_ad" is dropped on line 12 and created again here; op.replace_unique_constraint '
        "would swap the two without a gap, but the columns it had are not known (downgrade() "
        'creates no "uq_ad" with a list of column names)'
    )
    assert f"left line 13: {reason}" in captured.err
    assert f"(lint --fix leaves it: {reason})" in captured.out


UNBOUNDED_DROP_DOWN = """
op.drop_index("ix_ad", table_name="ad counter", if_exists=True)
op.create_unique_constraint("uq_ad", "ad counter", ["ad_id", "day"])
"""


def test_a_create_after_a_plain_change_is_left_as_the_runtime_would_refuse_the_rewrite(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """The downgrade's drop_index stays plain (if_exists: the safe op has no such option);
    a concurrent create after it would be refused at run time, so --fix leaves the create."""
    project.write_revision("f1", CREATE_COUNTER + KEY_V1, 'op.drop_table("ad counter")')
    upgrade = """
    op.drop_constraint("uq_ad", "ad counter", type_="unique")
    op.create_index("ix_ad", "ad counter", ["ad_id"])
    """
    revision = project.write_revision("f2", upgrade, UNBOUNDED_DROP_DOWN, down_revision="f1")
    project.upgrade("f1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    before = schema_snapshot(engine)
    project.upgrade("head")
    plain_head = schema_snapshot(engine)
    project.downgrade("f1")

    capsys.readouterr()
    assert lint(project, "--since", "f1", "--fix") == 1
    err = capsys.readouterr().err
    assert "Fixed 2 findings in" in err
    assert "left line 17: op.drop_index_concurrently takes no if_exists=" in err
    assert (
        "left line 18: op.drop_index(...) on line 17 changes the database before it in the "
        "same transaction: the safe op would commit that first"
    ) in err
    assert revision_text(revision, "upgrade") == (
        "def upgrade():\n"
        '    op.drop_unique_constraint("uq_ad", "ad counter", ["ad_id", "day"])\n'
        "    with op.get_context().autocommit_block():\n"
        '        op.create_index_concurrently("ix_ad", "ad counter", ["ad_id"])\n'
    )
    assert revision_text(revision, "downgrade") == (
        "def downgrade():\n" + textwrap.indent(UNBOUNDED_DROP_DOWN.lstrip(), "    ")
    )
    project.upgrade("head")
    assert schema_snapshot(engine) == plain_head
    project.downgrade("f1")
    assert schema_snapshot(engine) == before

    # What the rewrite would have been: the runtime refuses it, nothing changed.
    project.upgrade("head")
    text = revision.read_text()
    concurrent = "op.create_unique_constraint_concurrently("
    revision.write_text(text.replace("op.create_unique_constraint(", concurrent))
    with pytest.raises(UncommittedChangesError):
        project.downgrade("f1")
    assert schema_snapshot(engine) == plain_head


CREATE_PARENT = """
op.create_table("parent", sa.Column("id", sa.Integer, primary_key=True))
"""
BOUNDED_UPGRADE = """
op.execute("SET LOCAL lock_timeout = '1s'")
op.create_index("ix_hits", "ad counter", ["hits"])
op.create_foreign_key("fk_ad_parent", "ad counter", "parent", ["ad_id"], ["id"])
"""
BOUNDED_DOWNGRADE = """
op.drop_index("ix_hits", table_name="ad counter")
op.drop_constraint("fk_ad_parent", "ad counter", type_="foreignkey")
"""


def test_the_revisions_set_local_is_set_again_after_the_block_and_still_bounds_what_follows(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """The inserted block commits, which ends SET LOCAL: without setting it again the foreign
    key would queue behind a long transaction on parent instead of failing after 1 s."""
    project.write_revision(
        "f1", CREATE_COUNTER + CREATE_PARENT, 'op.drop_table("parent")\nop.drop_table("ad counter")'
    )
    revision = project.write_revision("f2", BOUNDED_UPGRADE, BOUNDED_DOWNGRADE, down_revision="f1")
    project.upgrade("f1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
        conn.execute(sa.text("INSERT INTO parent SELECT g FROM generate_series(1, 5000) g"))
    project.upgrade("head")
    plain_head = schema_snapshot(engine)
    project.downgrade("f1")

    capsys.readouterr()
    lint(project, "--since", "f1", "--fix")
    assert "Fixed 2 findings in" in capsys.readouterr().err
    assert revision_text(revision, "upgrade") == (
        "def upgrade():\n"
        "    op.execute(\"SET LOCAL lock_timeout = '1s'\")\n"
        "    with op.get_context().autocommit_block():\n"
        '        op.create_index_concurrently("ix_hits", "ad counter", ["hits"])\n'
        "    # The commit above ended the SET LOCAL: set it again for what follows.\n"
        "    op.execute(\"SET LOCAL lock_timeout = '1s'\")\n"
        '    op.create_foreign_key("fk_ad_parent", "ad counter", "parent", ["ad_id"], ["id"])\n'
    )

    with engine.connect() as holder:  # a long transaction that wrote to parent
        # If the fix were wrong the upgrade would wait this long, then pass and fail the test.
        holder.execute(sa.text("SET idle_in_transaction_session_timeout = '30s'"))
        holder.execute(sa.text("LOCK TABLE parent IN ROW EXCLUSIVE MODE"))
        with pytest.raises(sa.exc.DBAPIError, match="lock timeout"):
            project.upgrade("head")
        holder.rollback()
    assert project.current(engine) == "f1"
    assert invalid_indexes(engine) == []  # the index committed; the re-run reuses it
    project.upgrade("head")
    assert schema_snapshot(engine) == plain_head


ADD_THEN_BUILD = """
op.add_column("ad counter", sa.Column("note", sa.Text))
op.create_index("uq_day", "ad counter", ["day"], unique=True)
"""


def test_a_build_after_add_column_is_left_so_a_failed_build_leaves_no_column_behind(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """The block would commit the column before the build; the build fails on duplicates, and
    the re-run fails on the column. Left as it is, the revision fails whole and can re-run."""
    project.write_revision("f1", CREATE_COUNTER, 'op.drop_table("ad counter")')
    revision = project.write_revision("f2", ADD_THEN_BUILD, down_revision="f1")
    source = revision.read_text()
    project.upgrade("f1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    before = schema_snapshot(engine)

    capsys.readouterr()
    assert lint(project, "--since", "f1", "--fix") == 1
    captured = capsys.readouterr()
    assert revision.read_text() == source
    reason = (
        "op.add_column(...) on line 12 changes the database before it in the same "
        "transaction: the safe op would commit that first, so if it then failed, the re-run "
        "would fail on what line 12 did (the package's concurrent ops refuse to run there: "
        "UncommittedChangesError); move this op into a revision of its own"
    )
    assert f"left line 13: {reason}" in captured.err
    assert f"(lint --fix leaves it: {reason})" in captured.out

    with pytest.raises(sa.exc.IntegrityError):  # 30 days, 5000 rows: duplicates
        project.upgrade("head")
    assert schema_snapshot(engine) == before  # no "note" column left to trip the re-run


def test_the_revision_message_survives_an_op_import_with_other_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The package import goes under ``from alembic import context, op``, not above the
    docstring: Alembic reads the revision's message from it (``alembic history``)."""
    project = AlembicProject.create(
        tmp_path / "project", make_url("postgresql+psycopg://nobody@127.0.0.1:1/not_used")
    )
    project.write_revision("f1", CREATE_COUNTER)
    revision = project.write_revision(
        "f2", 'op.create_index("ix_hits", "ad counter", ["hits"])', down_revision="f1"
    )
    text = revision.read_text()
    revision.write_text(text.replace("from alembic import op", "from alembic import context, op"))
    message = revision.read_text().splitlines()[0]
    assert message == '"""test revision"""'
    assert lint(project, "--since", "f1", "--fix") == 0
    assert revision.read_text().startswith(
        f"{message}\nimport sqlalchemy as sa\nfrom alembic import context, op\n"
        "import alembic_safe_unique  # noqa: F401"
    )
    history = project.cli("history")
    assert history.returncode == 0, history.stderr
    assert "f1 -> f2 (head), test revision" in history.stdout


NARROW_PROJECT = '''"""index hits; one row per ad and day"""

from alembic import op

revision = "w2"
down_revision = "w1"
branch_labels = None
depends_on = None


def upgrade():
    # This comment is longer than the project's 79 columns, and no rewrite touches it.
    op.create_unique_constraint("uq_ad_day", "ad counter", ["ad_id", "day"])
    op.create_index("ix_hits_day", "ad counter", ["hits", "day"], unique=False)
    op.create_index(
        "ix_ad_hits", "ad counter", ["ad_id", "hits"]  # the report's filter
    )


def downgrade():
    op.drop_index("ix_ad_hits", table_name="ad counter")
    op.drop_index("ix_hits_day", table_name="ad counter")
    op.drop_constraint("uq_ad_day", "ad counter", type_="unique")
'''


def test_rewritten_calls_are_wrapped_at_the_projects_line_length_as_its_formatter_would(
    project: AlembicProject, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project formats with black and checks with ruff, both at 79 columns: the fixed
    file gains no E501 and black has nothing to change in it."""
    settings = "[tool.ruff]\nline-length = 79\n\n[tool.black]\nline-length = 79\n"
    (project.root / "pyproject.toml").write_text(settings)
    project.write_revision("w1", CREATE_COUNTER, 'op.drop_table("ad counter")')
    revision = project.versions / "w2.py"
    revision.write_text(NARROW_PROJECT)
    check = ("check", "--select", "E501", "--output-format", "concise", str(revision))
    before = ruff(*check, cwd=project.root).stdout
    assert before.count("E501") == 1  # the comment, which is not --fix's to wrap
    assert black_check(revision, cwd=project.root).returncode == 0
    project.upgrade("w1")
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    project.upgrade("head")
    plain_head = schema_snapshot(engine)
    project.downgrade("w1")

    assert lint(project, "--since", "w1", "--fix") == 0
    assert revision_text(revision, "upgrade") == (
        "def upgrade():\n"
        "    # This comment is longer than the project's 79 columns, and no rewrite "
        "touches it.\n"
        "    op.create_unique_constraint_concurrently(\n"
        '        "uq_ad_day", "ad counter", ["ad_id", "day"]\n'
        "    )\n"
        "    with op.get_context().autocommit_block():\n"
        "        op.create_index_concurrently(\n"
        '            "ix_hits_day", "ad counter", ["hits", "day"], unique=False\n'
        "        )\n"
        "        op.create_index_concurrently(\n"
        '            "ix_ad_hits",\n'
        '            "ad counter",\n'
        '            ["ad_id", "hits"],  # the report\'s filter\n'
        "        )\n"
    )
    assert ruff(*check, cwd=project.root).stdout.count("E501") == 1
    checked = black_check(revision, cwd=project.root)
    assert checked.returncode == 0, checked.stderr
    project.upgrade("head")
    assert schema_snapshot(engine) == plain_head
    project.downgrade("w1")


SHAPES_TABLES = """
op.create_table(
    "ad_counter",
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer),
    sa.Column("day", sa.Date),
    sa.Column("hits", sa.Integer),
)
op.create_table("parent", sa.Column("id", sa.Integer))
"""
SHAPES = {
    "s2": (
        """
        op.create_unique_constraint("uq_s2_a", "ad_counter", ["ad_id"])
        if op.get_context().as_sql: op.create_index("ix_s2_suite", "ad_counter", ["hits"])
        op.drop_index("ix_s2_where", table_name="ad_counter", postgresql_where=sa.text("hits > 0"))
        op.create_index("ix_s2_exists", "ad_counter", ["day"], if_not_exists=True)
        [op.create_index(n, "ad_counter", [c]) for n, c in [("ix_s2_comp", "day")]]
        op.create_unique_constraint(None, "ad_counter", ["day", "hits"])
        op.add_column("ad_counter", sa.Column("note", sa.Text))
        op.create_index("ix_s2_note", "ad_counter", ["note"])
        with op.batch_alter_table("ad_counter") as batch_op:
            batch_op.create_index("ix_s2_batch", ["day"])
        """,
        """
        op.drop_index("ix_s2_note", table_name="ad_counter")
        op.drop_column("ad_counter", "note")
        op.drop_constraint("uq_s2_a", "ad_counter", type_="unique")
        """,
    ),
    "s3": (
        """
        op.execute("SET LOCAL lock_timeout = '2s'")
        op.create_index("ix_s3_set", "ad_counter", ["hits", "day"])
        op.drop_constraint('uq_s3', 'ad_counter', type_='unique')  # quotes as the other
        op.create_unique_constraint("uq_s3", "ad_counter", ["ad_id", "hits"])
        op.drop_constraint("uq_s3_old", "ad_counter", type_="unique")
        """,
        """
        op.drop_constraint("uq_s3", "ad_counter", type_="unique")
        op.create_unique_constraint("uq_s3", "ad_counter", ["ad_id"])
        op.create_primary_key("pk_s3", "parent", ["id"])
        """,
    ),
    "s4": (
        """
        for name in ("hits",):
            op.create_index(f"ix_s4_{name}", "ad_counter", [name])
        with op.get_context().autocommit_block():
            _helper()
        """,
        """
        op.drop_constraint("fk_s4", "ad_counter", type_="foreignkey")
        op.drop_index("ix_s4_hits", table_name="ad_counter")
        op.drop_primary_key("pk_s4", "parent")
        """,
    ),
}
HELPERS = """

def _helper():
    op.create_index("ix_s4_helper", "ad_counter", ["day", "hits"])


def _never_called():
    op.create_unique_constraint("uq_s4_never", "ad_counter", ["day"])
"""


def statement_text(path: Path, line: int) -> str | None:
    """The source of the innermost simple statement on ``line`` (what a finding points at)."""
    text = path.read_text()
    found = [
        node
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.stmt)
        and not hasattr(node, "body")
        and node.lineno <= line <= (node.end_lineno or node.lineno)
    ]
    if not found:  # a notice at a def line
        return None
    node = min(found, key=lambda node: (node.end_lineno or 0) - node.lineno)
    return ast.get_source_segment(text, node)


def findings(ini: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    main(["-c", str(ini), "lint", "--format", "json"])
    report: list[dict[str, object]] = json.loads(capsys.readouterr().out)["findings"]
    return report


def assert_fix_rewrites_exactly_what_lint_marks_fixable(
    ini: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, int]:
    """Each finding marked fixable is rewritten by --fix (its statement is gone from the file),
    and each one not marked is left: same statement, reported again after --fix."""
    before = findings(ini, capsys)
    texts: dict[str, str] = {}
    rewritten: Counter[tuple[str, str]] = Counter()
    for finding in before:
        path = Path(str(finding["path"]))
        statement = statement_text(path, int(str(finding["line"])))
        if statement is not None:
            texts[str(path)] = path.read_text()
            rewritten[(str(path), statement)] += bool(finding["fixable"])
    main(["-c", str(ini), "lint", "--fix"])
    for (path, statement), count in rewritten.items():
        was, now = texts[path].count(statement), Path(path).read_text().count(statement)
        assert now == was - count, (path, statement)
    left = Counter(
        (f["path"], f["rule"], f["function"], f["message"]) for f in before if not f["fixable"]
    )
    after = Counter(
        (f["path"], f["rule"], f["function"], f["message"]) for f in findings(ini, capsys)
    )
    assert after == left
    marked = sum(bool(f["fixable"]) for f in before)
    return marked, len(before) - marked


def test_fix_rewrites_exactly_the_findings_lint_marks_fixable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project = AlembicProject.create(
        tmp_path / "project", make_url("postgresql+psycopg://nobody@127.0.0.1:1/not_used")
    )
    project.write_revision("s1", SHAPES_TABLES)
    previous = "s1"
    for name, (upgrade, downgrade) in SHAPES.items():
        path = project.write_revision(name, upgrade, downgrade, down_revision=previous)
        previous = name
    path.write_text(path.read_text() + HELPERS)
    # Fixable: s2's first three and its downgrade's drop_index; s3's all (a SET LOCAL set
    # again, both swaps, the primary key after them); s4's loop and the helper in a block.
    assert assert_fix_rewrites_exactly_what_lint_marks_fixable(project.ini, capsys) == (11, 9)

    # A public history, as it is (tests/corpus/redash).
    shutil.copytree(CORPUS, tmp_path / "redash")
    ini = tmp_path / "redash" / "alembic.ini"
    assert assert_fix_rewrites_exactly_what_lint_marks_fixable(ini, capsys) == (2, 25)
