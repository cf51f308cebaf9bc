"""The small-table path: on an empty table an op costs about what its SQL costs.

Test suites, CI and development databases run every revision on tiny tables, where the
build takes no time and every extra round trip or connection is the whole overhead.
"""

from __future__ import annotations

import sqlalchemy as sa

from tests.fixtures.project import AlembicProject
from tests.fixtures.round_trips import WireCount, counting

ADD_UQ = "op.create_unique_constraint_concurrently('uq Ad%Day', 'Ad Counter', ['ad id', 'Day'])"


def make_empty_table(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'CREATE TABLE "Ad Counter" (id bigserial PRIMARY KEY, "ad id" int, "Day" int)'
        )


def op_cost(project: AlembicProject, upgrade: str) -> WireCount:
    """What one revision holding ``upgrade`` costs beyond an empty revision."""
    project.write_revision("r0", "pass")
    project.write_revision("r1", "pass", down_revision="r0")
    project.write_revision("r2", upgrade, down_revision="r1")
    project.upgrade("r0")
    with counting() as empty:
        project.upgrade("r1")
    with counting() as full:
        project.upgrade("r2")
    full.baseline = empty
    return full


# Beyond an empty revision: the preconditions (table, columns, names and the index's state in
# one look), the advisory lock with the version-table probe in one statement, the lock's
# release, the estimate of the room the index takes (large_build_warning_mb), the build's
# settings (read and set in one statement), the build, the settings restored with the built
# index's oid read (so the attach can trust it), the attach as one string and the read of its
# lock timings.
MOST_ROUND_TRIPS = 9
# asyncpg prepares every statement and refuses several in one: the attach's transaction
# goes statement by statement (BEGIN, the SET LOCALs in one statement, LOCK, ALTER, COMMIT).
ASYNCPG_ATTACH_EXTRA = 4


def test_op_on_an_empty_table_costs_few_round_trips_and_no_second_connection(
    project: AlembicProject, engine: sa.Engine, project_driver: str
) -> None:
    make_empty_table(engine)
    cost = op_cost(project, ADD_UQ)
    print(f"\n{cost.round_trips} round trips, {cost.extra_connections} connections opened:")
    print("\n".join(cost.statements))
    with engine.connect() as conn:
        constraint = conn.execute(
            sa.text(
                "SELECT conname FROM pg_constraint WHERE conrelid = '\"Ad Counter\"'::regclass"
                " AND contype = 'u'"
            )
        ).scalar()
    assert constraint == "uq Ad%Day"
    assert cost.extra_connections == 0
    extra = ASYNCPG_ATTACH_EXTRA if project_driver == "asyncpg" else 0
    assert cost.round_trips <= MOST_ROUND_TRIPS + extra
    if project_driver != "asyncpg":
        attach = [s for s in cost.statements if "ADD CONSTRAINT" in s]
        assert len(attach) == 1 and attach[0].startswith("BEGIN;"), attach
        assert attach[0].endswith("lock_released_at', clock_timestamp()::text, false)")


def test_the_attach_after_a_build_in_the_same_run_asks_the_server_nothing_about_its_shape(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """The two revisions the rewriter writes, applied in one run, as test suites apply them.

    The index the attach finds is the one this run just built from the same definition: no
    scratch table is built to compare definitions. (A separate run still compares them, and a
    same-named index swapped in between is refused: see test_attach.py.)
    """
    make_empty_table(engine)
    build = "op.create_index_concurrently('uq Ad%Day', 'Ad Counter', ['ad id', 'Day'], unique=True)"
    attach = "op.attach_unique_constraint('uq Ad%Day', 'Ad Counter', ['ad id', 'Day'])"
    project.write_revision("r0", "pass")
    project.write_revision("r1", build, down_revision="r0")
    project.write_revision("r2", attach, down_revision="r1")
    project.upgrade("r0")
    with counting() as both:
        project.upgrade("r2")
    scratch = [s for s in both.statements if "alembic_safe_unique_scratch" in s]
    assert scratch == []
    assert unique_constraint_names(engine) == ["uq Ad%Day"]


def unique_constraint_names(engine: sa.Engine) -> list[str]:
    query = sa.text(
        "SELECT conname FROM pg_constraint WHERE conrelid = '\"Ad Counter\"'::regclass"
        " AND contype = 'u'"
    )
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())
