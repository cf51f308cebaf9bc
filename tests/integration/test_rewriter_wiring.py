"""How the rewriter meets env.py: chained with a user's hook, inside one, and off PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject
from tests.fixtures.stories import ROWS, Story, counter, models, upgrade_body

UNIQUE_PAIR = 'sa.UniqueConstraint("ad_id", "day")'

# The hooks exactly as the documentation shows them.
CHAIN_HOOK = sample("chain_hook.py")
FLASK_MIGRATE_HOOK = sample("flask_migrate_hook.py")


def test_chained_with_a_user_hook_which_sees_every_split_revision(
    project: AlembicProject, engine: sa.Engine, tmp_path: Path
) -> None:
    project.use_rewriter(counter(), hook="process_revision_directives", prelude=CHAIN_HOOK)
    story = Story(project, engine, tmp_path)
    story.begin(counter(), ROWS)
    files = story.generate(counter(UNIQUE_PAIR), "pair")
    assert len(files) == 2
    for path in files:
        assert path.read_text().startswith('"""[reviewed] ')
    story.run()


def test_called_from_a_flask_migrate_style_hook_through_the_command_line(
    project: AlembicProject, engine: sa.Engine, tmp_path: Path
) -> None:
    project.use_rewriter(counter(), hook="process_revision_directives", prelude=FLASK_MIGRATE_HOOK)
    Story(project, engine, tmp_path).begin(counter(), ROWS)

    unchanged = project.cli("revision", "--autogenerate", "-m", "nothing")
    assert unchanged.returncode == 0, unchanged.stderr
    assert "No changes in schema detected." in unchanged.stdout
    assert len(list(project.versions.glob("*.py"))) == 1

    project.write_models(counter(UNIQUE_PAIR))
    changed = project.cli("revision", "--autogenerate", "-m", "pair")
    assert changed.returncode == 0, changed.stderr
    written = re.findall(r"Generating (\S+\.py)", changed.stdout)
    assert len(written) == 2
    assert "_indexes_pair_build_" in written[0] and "_constraints_pair_attach_" in written[1]
    upgraded = project.cli("upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "No new upgrade operations detected" in project.cli("check").stdout


def test_other_dialects_get_exactly_what_alembic_writes(tmp_path: Path) -> None:
    """A SQLite project with the rewriter writes the same revision as one without it."""
    bodies = []
    for name, hook in (("with", "alembic_safe_unique.rewriter"), ("without", None)):
        url = make_url(f"sqlite:///{tmp_path / name}.db")
        project = AlembicProject.create(tmp_path / name, url)
        project.use_rewriter(counter(convention=False), hook=hook)
        project.autogenerate("initial")
        project.upgrade()
        project.write_models(counter(UNIQUE_PAIR, 'sa.Index("ix_hits", "hits")', convention=False))
        [path] = project.autogenerate("pair")
        bodies.append(upgrade_body(path) + path.read_text().split("def downgrade()")[1])
    assert bodies[0] == bodies[1]
    assert "op.create_index('ix_hits'" in bodies[0]


def test_models_without_a_naming_convention_in_a_schema_of_their_own(
    project: AlembicProject, engine: sa.Engine, tmp_path: Path
) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text('CREATE SCHEMA "Sales"'))
    table = (
        'sa.Table("ledger", metadata, sa.Column("id", sa.Integer, primary_key=True), '
        'sa.Column("ref", sa.Integer), {extra} schema="Sales")\n'
    )
    story = Story(project, engine, tmp_path)
    story.begin(
        models(table.format(extra=""), convention=False),
        'INSERT INTO "Sales".ledger (ref) SELECT g FROM generate_series(1, 2000) g',
    )
    project.env_py.write_text(
        project.env_py.read_text().replace(
            "process_revision_directives=", "include_schemas=True, process_revision_directives="
        )
    )
    build, _attach = story.generate(
        models(table.format(extra='sa.UniqueConstraint("ref"),'), convention=False), "ref"
    )
    assert (
        "op.create_index_concurrently('ledger_ref_key', 'ledger', ['ref'], schema='Sales', "
        "unique=True)" in build.read_text()
    )
    story.run()
