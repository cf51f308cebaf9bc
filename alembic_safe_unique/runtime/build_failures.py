"""What a build or drop that did not finish left, and what the person running it should do.

Read from the catalog after the failure (on a fresh connection when the first may be dead),
so each message says what is there now, not what was planned.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.errors import DuplicateKeysError, WaitTimeoutError
from alembic_safe_unique.postgresql import catalog, duplicate_keys
from alembic_safe_unique.postgresql.driver_errors import error_detail
from alembic_safe_unique.postgresql.index_builders import Builder
from alembic_safe_unique.postgresql.sessions import CANCEL, TERMINATE, OtherSession, signal_advice
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.runtime import side_connections
from alembic_safe_unique.runtime.waits import WaitBound

_LOOK_WAIT_S = 10.0


def state_now(conn: Connection, spec: IndexSpec) -> catalog.IndexState | None:
    """The index ``spec`` names, if it is on ``spec``'s table now (``None`` otherwise)."""
    table_oid = catalog.relation_oid(conn, spec.table_name, spec.schema)
    state = catalog.index_state(conn, table_oid, spec.name) if table_oid else None
    return state if state is not None and state.table_oid == table_oid else None


def drop_timeout_error(
    conn: Connection, index_name: str, schema: str | None, shown: str, bound: WaitBound
) -> WaitTimeoutError:
    """The drop was cancelled for waiting too long: what it left, who held it, what to run."""
    found = catalog.locate(conn, index_name, schema)
    state = None if found is None else catalog.index_state_by_oid(conn, found.oid)
    if state is None:
        left = f"The index {shown} is gone after all."
    elif state.is_valid:
        left = f"The index {shown} is still there, valid and in use."
    else:
        does = "still rejects colliding writes" if state.is_ready else "is not used"
        left = f"The invalid index {shown} is still there (it {does})."
    shown_blockers = "; ".join(b.describe() for b in bound.blockers) or "(sessions gone by now)"
    unblock = signal_advice(bound.blockers, TERMINATE)
    return WaitTimeoutError(
        f"DROP INDEX CONCURRENTLY {shown} waited for other sessions for more than "
        f"{bound.seconds:g} s (wait_timeout_s) and was cancelled. It was waiting for: "
        f"{shown_blockers}. {left} It waits for every transaction that holds a lock on the "
        f"table: have those sessions commit or roll back, or end them with {unblock} Then run "
        "the migration again (it drops the index first); this revision is not stamped as "
        "applied."
    )


def cancel_advice(builder: Builder) -> str:
    """How to cancel another session's build, true for the role that reads it."""
    session = OtherSession(builder.pid, None, None, None, builder.role, builder.may_signal)
    return signal_advice([session], CANCEL)


def one_line(message: object) -> str:
    return " ".join(str(message).split()).rstrip(".")


def leftover_after_interrupt(conn: Connection, spec: IndexSpec) -> str:
    """What the catalog holds now, read on a fresh connection (the interrupted one may be dead).

    The look is bounded: a network gone silent must not keep an interrupted run from ending
    (an async engine's connection needs the migration's own loop, so it looks in line).
    """

    def look() -> tuple[catalog.IndexState | None]:
        with conn.engine.connect() as fresh:
            return (state_now(fresh, spec),)

    try:
        if conn.dialect.is_async:
            looked: tuple[catalog.IndexState | None] | None = look()
        else:
            looked = side_connections.bounded(look, _LOOK_WAIT_S, "The look at what it left")
    except DBAPIError as error:
        return f"Could not look at what it left ({error.orig}); a re-run heals either way."
    if looked is None:
        return (
            f"Could not look at what it left (no answer within {_LOOK_WAIT_S:g} s); a re-run "
            "heals either way."
        )
    (state,) = looked
    if state is None:
        return "No index was left behind; the revision is not stamped as applied."
    if state.is_valid:
        return (
            f"The index {spec.name} was built and is valid; the revision is not stamped as "
            "applied, and a re-run reuses the index."
        )
    return (
        f"An invalid index {spec.name} remains (it "
        f"{'still rejects colliding writes' if state.is_ready else 'is not used'}); run the "
        "migration again: it removes it and builds anew."
    )


def duplicates_error(
    conn: Connection, spec: IndexSpec, error: DBAPIError, remains: str
) -> DuplicateKeysError:
    detail = error_detail(error) or "(no detail from the driver)"
    query = duplicate_keys.render_query(conn, duplicate_keys.duplicate_groups_query(spec))
    columns = ", ".join(str(c) for c in spec.columns)
    # Four lines: a deploy log shows it twice (Alembic logs it, then prints FAILED: it).
    one_line_query = " ".join(query.split())
    return DuplicateKeysError(
        f"Cannot build unique index {spec.name!r} on {spec.qualified_table} ({columns}): the "
        f"table holds duplicate keys. PostgreSQL reported: {detail}\n"
        f"{remains}\n"
        f"List every duplicate group with: {one_line_query};\n"
        "Next: remove or merge the duplicates in a revision before this one, then run the "
        "migration again; this writes that revision, placed just before this build: "
        f"alembic-safe-unique dedupe-revision {spec.name} --keep newest"
    )
