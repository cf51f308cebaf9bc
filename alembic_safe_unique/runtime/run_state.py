"""What the current ``alembic upgrade`` run has done so far, as the operations need to know it.

Two questions cannot be answered from inside one operation: which revision the run believes
is applied (another process may have moved ``alembic_version`` since), and whether the
running revision already changed something in its transaction (leaving the transaction for a
concurrent build would commit that half of the revision). Alembic tells us when each
revision is stamped (``on_version_apply``); SQLAlchemy tells us what each statement is.
``install()`` wraps ``MigrationContext.run_migrations`` once to listen to both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.runtime.connection import inspectable
from alembic_safe_unique.util import alembic_internals

_STATE = "_alembic_safe_unique_run_state"
_CURRENT_STEP = "_alembic_safe_unique_step"
_TXID = sa.text("SELECT txid_current_if_assigned() IS NOT NULL")


class RunState:
    """One run of migrations on one connection (online, PostgreSQL)."""

    def __init__(self, context: MigrationContext, heads: tuple[str, ...] | None = None) -> None:
        self.context = context
        # Alembic read the heads as the run began and hands them to its step function (see
        # ``_recording``); asking the server again would cost two more statements per run.
        self.heads: tuple[str, ...] = context.get_current_heads() if heads is None else heads
        self.steps_seen = heads is not None
        """Whether the run notes each step as it begins (``current_step``)."""
        self.revision_ran_statements = False
        self.committed_earlier_statements = False
        self.built_in_revision: list[str] = []
        # Indexes this run built, by oid: an index reused later in the run (the attach after
        # the build) needs no look at its definition if it is the very one built here.
        self.built_in_run: dict[int, IndexSpec] = {}
        self._ours = 0

    def after_revision(self, *, heads: set[str], **_: Any) -> None:
        """Alembic stamped a revision: the next one starts clean."""
        self.heads = tuple(sorted(heads))
        self.revision_ran_statements = False
        self.committed_earlier_statements = False
        self.built_in_revision = []

    def saw_statement(self, conn: Any, cursor: Any, statement: Any, *args: Any) -> None:
        """Note a statement the revision itself ran (not ours, not a read, not Alembic's)."""
        if self._ours:
            return
        if self.steps_seen and current_step(self.context) is None:
            # Alembic's own look before the first step (SQLAlchemy 1.4 asks whether the
            # version table exists with a text query, which would read as the revision's).
            return
        context = args[-2] if len(args) >= 2 else None
        if context is None or self._is_read_or_bookkeeping(context):
            return
        self.revision_ran_statements = True

    def _is_read_or_bookkeeping(self, context: Any) -> bool:
        compiled = getattr(context, "compiled", None)
        statement = getattr(compiled, "statement", None)
        version_table = getattr(self.context, "_version", None)
        if statement is not None and version_table is not None:
            if getattr(statement, "table", None) is version_table:
                return True  # the stamp
            if getattr(statement, "element", None) is version_table:
                return True  # CREATE TABLE alembic_version
        if getattr(context, "isddl", False) or getattr(context, "is_text", False):
            return False
        return not any(
            getattr(context, flag, False) for flag in ("isinsert", "isupdate", "isdelete")
        )

    def built_here(self, index_oid: int, spec: IndexSpec) -> bool:
        """Did this run build the index ``index_oid`` from the same definition as ``spec``?

        An oid names one index for its lifetime: dropped and created again, it has another.
        """
        built = self.built_in_run.get(index_oid)
        return built is not None and built.same_definition(spec)

    @contextmanager
    def ours(self) -> Iterator[None]:
        """Statements run inside this block are the package's own."""
        self._ours += 1
        try:
            yield
        finally:
            self._ours -= 1

    def revision_wrote(self, connection: Connection) -> bool:
        """Has the running revision changed anything that is not committed yet?

        The server knows whether the transaction wrote (``txid_current_if_assigned``); the
        statements seen since the last stamp say whether this revision did, rather than an
        earlier one in the same transaction.
        """
        if not self.revision_ran_statements:
            return False
        with self.ours():
            return bool(connection.execute(_TXID).scalar())


def current_step(context: MigrationContext) -> Any:
    """The revision step the run is in (Alembic keeps it in a local variable)."""
    return getattr(context, _CURRENT_STEP, None)


def _recording(steps: Any) -> Any:
    """Alembic's step generator, noting each step on the context as the run reaches it."""

    def recorded(heads: Any, context: MigrationContext) -> Iterator[Any]:
        state = of(context)
        if state is not None:
            state.heads = tuple(sorted(heads))
        try:
            for step in steps(heads, context):
                setattr(context, _CURRENT_STEP, step)
                yield step
        finally:
            setattr(context, _CURRENT_STEP, None)

    return recorded


def of(context: MigrationContext) -> RunState | None:
    state = getattr(context, _STATE, None)
    return state if isinstance(state, RunState) else None


def is_installed() -> bool:
    return bool(getattr(MigrationContext.run_migrations, "_alembic_safe_unique", False))


def install() -> None:
    """Wrap ``MigrationContext.run_migrations`` (once) to keep a ``RunState`` beside it, and to
    note the current step (see ``util.alembic_internals``)."""
    original = MigrationContext.run_migrations
    if getattr(original, "_alembic_safe_unique", False):
        return

    def run_migrations(self: MigrationContext, **kw: Any) -> None:
        steps = alembic_internals.migration_steps(self)
        if steps is not None:
            alembic_internals.set_migration_steps(self, _recording(steps))
        try:
            _run_with_state(self, **kw)
        finally:
            alembic_internals.set_migration_steps(self, steps)

    def _run_with_state(self: MigrationContext, **kw: Any) -> None:
        connection = inspectable(self.connection)
        if self.as_sql or connection is None or self.dialect.name != "postgresql":
            original(self, **kw)
            return
        # The step function tells the heads; without it (an Alembic that moved it), ask.
        steps_known = alembic_internals.migration_steps(self) is not None
        state = RunState(self, heads=() if steps_known else None)
        setattr(self, _STATE, state)
        callbacks = self.on_version_apply_callbacks
        self.on_version_apply_callbacks = [*callbacks, state.after_revision]
        sa.event.listen(connection, "before_cursor_execute", state.saw_statement)
        try:
            original(self, **kw)
        finally:
            sa.event.remove(connection, "before_cursor_execute", state.saw_statement)
            self.on_version_apply_callbacks = callbacks
            setattr(self, _STATE, None)

    run_migrations.__doc__ = original.__doc__
    run_migrations._alembic_safe_unique = True  # type: ignore[attr-defined]
    MigrationContext.run_migrations = run_migrations  # type: ignore[method-assign]


def what_remains(state: RunState | None, failed_index: str) -> str:
    """The truth about what a failed build leaves, for the error the user reads."""
    parts = ["The failed index was dropped."]
    others = [name for name in state.built_in_revision if name != failed_index] if state else []
    if others:
        plural = len(others) > 1
        parts.append(
            f"{'Indexes' if plural else 'Index'} {', '.join(others)} built earlier in this "
            f"revision {'stay' if plural else 'stays'}, valid; the re-run reuses "
            f"{'them' if plural else 'it'}."
        )
    if state is not None and state.committed_earlier_statements:
        parts.append(
            "This revision's statements before the build were committed when it left the "
            "transaction, and stay: the re-run runs them again, so make them safe to repeat "
            "(or move them into a revision of their own)."
        )
    elif not others:
        parts.append("Nothing else is left behind.")
    parts.append("This revision is not stamped as applied.")
    return " ".join(parts)
