"""Transaction ownership: the user's autocommit_block, and env.py connections already in one."""

from __future__ import annotations

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import schema_snapshot, unique_constraints
from tests.fixtures.project import AlembicProject
from tests.fixtures.tables import ADD_UQ, make_counter_table


def test_call_nested_in_users_own_autocommit_block_simply_works(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 2_000)
    project.write_revision(
        "r1",
        f"""
        op.execute("CREATE TABLE before_block (id int)")
        with op.get_context().autocommit_block():
            {ADD_UQ}
            op.execute("CREATE TABLE in_block (id int)")
        op.execute("CREATE TABLE after_block (id int)")
        """,
    )
    result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    with engine.connect() as conn:
        tables = set(
            conn.execute(
                sa.text("SELECT tablename FROM pg_tables WHERE tablename LIKE '%block'")
            ).scalars()
        )
    assert tables == {"before_block", "in_block", "after_block"}
    assert project.current(engine) == "r1"


def test_with_the_opt_in_work_before_the_op_in_the_same_revision_is_kept(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """commit_earlier_changes: the block commits what ran before it; the revision completes."""
    make_counter_table(engine, 2_000)
    project.configure_in_env("commit_earlier_changes=True")
    project.write_revision(
        "r1",
        f"""
        op.add_column('ad_counter', sa.Column('note', sa.Text))
        {ADD_UQ}
        op.create_table('after_op', sa.Column('id', sa.Integer))
        """,
    )
    project.upgrade()
    with engine.connect() as conn:
        note = conn.execute(
            sa.text(
                "SELECT count(*) FROM information_schema.columns "
                "WHERE table_name = 'ad_counter' AND column_name = 'note'"
            )
        ).scalar()
        after = conn.execute(sa.text("SELECT to_regclass('after_op')")).scalar()
    assert note == 1
    assert after == "after_op"
    assert project.current(engine) == "r1"


def test_env_py_that_hands_over_a_connection_in_a_transaction_gets_told_what_to_change(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 2_000)
    before = schema_snapshot(engine)
    env = project.env_py.read_text()
    # A common env.py variant: the engine's transaction, begun before Alembic sees it.
    project.env_py.write_text(
        env.replace(
            "with connectable.connect() as connection:", "with connectable.begin() as connection:"
        )
    )
    assert "connectable.begin()" in project.env_py.read_text()
    project.write_revision("r1", ADD_UQ)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert "TransactionOwnershipError" in result.stderr
    assert "engine.connect()" in result.stderr
    assert "AssertionError" not in result.stderr
    assert schema_snapshot(engine) == before


def test_set_local_timeouts_on_an_autocommit_engine_says_what_to_change_instead_of_nothing(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """No transaction and no block: SET LOCAL would bound nothing and only warn."""
    make_counter_table(engine, 2_000)
    env = project.env_py.read_text()
    assert "poolclass=pool.NullPool," in env
    project.env_py.write_text(
        env.replace(
            "poolclass=pool.NullPool,", 'poolclass=pool.NullPool, isolation_level="AUTOCOMMIT",'
        )
    )
    project.write_revision(
        "r1",
        """
        op.set_local_timeouts(lock_timeout_ms=200)
        op.add_column('ad_counter', sa.Column('note', sa.Text))
        """,
    )
    before = schema_snapshot(engine)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert "TransactionOwnershipError" in result.stderr
    assert "Remove isolation_level='AUTOCOMMIT' from env.py" in result.stderr
    assert schema_snapshot(engine) == before
