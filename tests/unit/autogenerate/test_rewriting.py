"""The autogenerate hook on a hand-built ``MigrationScript``, as Alembic hands it over.

An offline PostgreSQL context (no connection) stands in for the database: nothing is looked
up, so unnamed constraints get PostgreSQL's own names and no table counts as partitioned.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import render_python_code
from alembic.operations import ops
from alembic.runtime.migration import MigrationContext

from alembic_safe_unique import rewriter


def ad_counter_change() -> ops.MigrationScript:
    """``add code`` adds a column and a unique on (ad_id, day) to an existing table."""
    table = sa.Table(
        "ad_counter",
        sa.MetaData(),
        sa.Column("id", sa.Integer),
        sa.Column("ad_id", sa.Integer),
        sa.Column("day", sa.Date),
    )
    column = sa.Column("code", sa.Text)
    table.append_column(column)
    constraint = sa.UniqueConstraint(table.c.ad_id, table.c.day, name="uq_ad_day")
    table.append_constraint(constraint)
    upgrade = ops.UpgradeOps(
        [
            ops.ModifyTableOps(
                "ad_counter",
                [
                    ops.AddColumnOp.from_column_and_tablename(None, "ad_counter", column),
                    ops.AddConstraintOp.from_constraint(constraint),
                ],
            )
        ]
    )
    return ops.MigrationScript("0007", upgrade, upgrade.reverse(), message="add code", head="head")


def code_lines(operations: ops.OpContainer) -> list[str]:
    """The rendered body without Alembic's markers and the package's comments."""
    lines = [line.strip() for line in render_python_code(operations).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def rewritten(dialect_name: str = "postgresql") -> list[ops.MigrationScript]:
    context = MigrationContext.configure(dialect_name=dialect_name)
    directives = [ad_counter_change()]
    rewriter(context, ("head",), directives)
    return directives


def test_one_change_becomes_three_chained_revisions() -> None:
    schema, build, attach = rewritten()
    assert [(s.rev_id, s.head) for s in (schema, build, attach)] == [
        ("0007", "head"),
        ("0008", "0007"),
        ("0009", "0008"),
    ]
    assert [s.message for s in (schema, build, attach)] == [
        "add code",
        "indexes: add code (build uq_ad_day)",
        "constraints: add code (attach uq_ad_day)",
    ]


def test_the_schema_revision_keeps_alembics_ops_under_timeouts() -> None:
    schema, _build, _attach = rewritten()
    assert code_lines(schema.upgrade_ops) == [
        "op.set_local_timeouts(lock_timeout_ms=2000, statement_timeout_ms=60000)",
        "op.add_column('ad_counter', sa.Column('code', sa.Text(), nullable=True))",
    ]
    # The unique's inverse went with it to the later revisions.
    assert code_lines(schema.downgrade_ops) == [
        "op.set_local_timeouts(lock_timeout_ms=2000, statement_timeout_ms=60000)",
        "op.drop_column('ad_counter', 'code')",
    ]


def test_the_build_and_attach_revisions_run_in_autocommit_blocks() -> None:
    _schema, build, attach = rewritten()
    assert code_lines(build.upgrade_ops) == [
        "with op.get_context().autocommit_block():",
        "op.create_index_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'], unique=True)",
    ]
    assert code_lines(build.downgrade_ops) == [
        "with op.get_context().autocommit_block():",
        "op.drop_index_concurrently('uq_ad_day', 'ad_counter')",
    ]
    assert code_lines(attach.upgrade_ops) == [
        "with op.get_context().autocommit_block():",
        "op.attach_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
    ]
    assert code_lines(attach.downgrade_ops) == [
        "with op.get_context().autocommit_block():",
        "op.detach_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
    ]


def test_alembic_check_reads_every_found_change_from_the_last_revision() -> None:
    *_earlier, attach = rewritten()
    assert [diff[0] for diff in attach.upgrade_ops.as_diffs()] == [
        "add_column",
        "add_constraint",
    ]


def test_other_dialects_get_the_revision_alembic_wrote() -> None:
    (script,) = rewritten("sqlite")
    assert script.message == "add code"
    assert code_lines(script.upgrade_ops) == [
        "op.add_column('ad_counter', sa.Column('code', sa.Text(), nullable=True))",
        "op.create_unique_constraint('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
    ]
