"""Keep ``alembic_version`` true when a downgrade commits half-way through a run.

An autocommit block commits the run's transaction, and with it the version stamps of the
revisions downgraded before it, while the stamp of the revision that holds the block only
lands with the next commit. Should anything later in the run fail (a view that depends on a
column the next revision drops), the table says the revision is still applied while its
indexes were dropped for good, and ``alembic upgrade head`` never builds them again: a unique
guard lost without a word.

So a downgrade step stamps itself *before* its block commits: from then on, the database says
the revision is undone, and a failure leaves it at worst with an index the next
``upgrade head`` accepts or rebuilds (the build operations are re-runnable). Once the block
is over, the early stamp is undone in the new transaction, so Alembic's own stamp, at the
end of the step, applies as usual. Upgrades need none of this: their stamp lands after the
build, and a rolled-back stamp only makes the next run repeat a build that is already there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic.runtime.migration import MigrationContext

from alembic_safe_unique.runtime import run_state
from alembic_safe_unique.runtime.connection import inspectable
from alembic_safe_unique.util import alembic_internals
from alembic_safe_unique.util.alembic_internals import HeadMaintainer, RevisionStep


def _downgrade_step(context: MigrationContext) -> RevisionStep | None:
    step = run_state.current_step(context)
    if isinstance(step, RevisionStep) and not step.is_upgrade:
        return step
    return None


@contextmanager
def stamped_before_commit(context: MigrationContext) -> Iterator[None]:
    """Around Alembic's ``autocommit_block``: a downgrade step's stamp goes out with the commit."""
    step = _downgrade_step(context)
    conn = None if context.as_sql else inspectable(context.connection)
    owned = (
        conn is not None and conn.in_transaction() and alembic_internals.owns_transaction(context)
    )
    if step is None or not owned:
        yield
        return
    early = HeadMaintainer(context, context.get_current_heads())
    early.update_to_step(step)
    state = run_state.of(context)
    before = state.heads if state is not None else ()
    if state is not None:  # the run itself moved alembic_version: not another run
        state.heads = tuple(sorted(early.heads))
    yield
    undo = RevisionStep(step.revision_map, step.revision, True)
    HeadMaintainer(context, early.heads).update_to_step(undo)
    if state is not None:
        state.heads = before
