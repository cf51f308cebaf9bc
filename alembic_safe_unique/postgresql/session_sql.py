"""The SQL of a session: settings set, read and restored, and the short step's one-string
transaction with the lock times the server notes.

Settings are a closed set, so nothing user-supplied reaches SET.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles

try:  # SQLAlchemy 2.0 name
    from sqlalchemy.schema import ExecutableDDLElement
except ImportError:  # pragma: no cover - SQLAlchemy 1.4
    from sqlalchemy.schema import DDLElement as ExecutableDDLElement  # type: ignore[assignment,unused-ignore]
from sqlalchemy.sql.compiler import DDLCompiler

from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.postgresql.precompiled import precompiled

# Settings this package changes; a closed set so nothing user-supplied reaches SET.
SESSION_SETTINGS = frozenset(
    {
        "lock_timeout",
        "statement_timeout",
        "client_connection_check_interval",
        "max_parallel_maintenance_workers",
        "idle_in_transaction_session_timeout",
    }
)


def _checked_setting(name: str) -> str:
    if name not in SESSION_SETTINGS:
        raise InvalidArgumentError(
            f"{name!r} is not a setting alembic-safe-unique manages; only "
            f"{', '.join(sorted(SESSION_SETTINGS))} can be set or reset here."
        )
    return name


class SetSessionSetting(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``SET name = <integer>`` for the session (``local=True``: for the transaction).

    The integer is milliseconds for the timeouts, a count for the parallel workers.
    """

    def __init__(self, name: str, value: int, *, local: bool = False) -> None:
        self.name = _checked_setting(name)
        self.value = int(value)
        self.local = local


def read_session_settings(names: Sequence[str]) -> sa.Select[Any]:
    """``SELECT current_setting(a), current_setting(b), ...``: several settings, one round trip."""
    return sa.select(
        *(sa.func.current_setting(_checked_setting(name)).label(name) for name in names)
    )


def apply_session_settings(values: Mapping[str, str], *also: Any) -> Any:
    """``SELECT set_config(a, va, false), ...``: ``SET`` for several settings in one statement.

    One plain statement (not several ``SET``s in one string) so every driver runs it, asyncpg
    included, which prepares what it is sent and refuses more than one command. ``also``:
    columns read in the same round trip, after the settings (built once: they key a cache).
    """
    return _apply(tuple((name, str(value)) for name, value in values.items()), also)


def apply_local_settings(values: Mapping[str, int]) -> Any:
    """``SELECT set_config(a, va, true), ...``: ``SET LOCAL`` for several settings, one round
    trip (drivers that send the short step statement by statement pay one, not one each)."""
    return _apply_local(tuple((name, str(int(value))) for name, value in values.items()))


def swap_session_settings(values: Mapping[str, str]) -> Any:
    """Read several settings, then set them, in one round trip: the old values come back.

    The reads sit in a ``MATERIALIZED`` CTE, which the server evaluates before the outer
    ``set_config`` calls; the row holds the old values first, then what was set.
    """
    return _swap(tuple((name, str(value)) for name, value in values.items()))


# Every op runs the same few statements: each is built and compiled once per process.
@functools.lru_cache(maxsize=64)
def _apply(values: tuple[tuple[str, str], ...], also: tuple[Any, ...] = ()) -> Any:
    return precompiled(sa.select(*_set_configs(values), *also))


@functools.lru_cache(maxsize=64)
def _apply_local(values: tuple[tuple[str, str], ...]) -> Any:
    return precompiled(sa.select(*_set_configs(values, local=True)))


@functools.lru_cache(maxsize=64)
def _swap(values: tuple[tuple[str, str], ...]) -> Any:
    names = [name for name, _ in values]
    previous = read_session_settings(names).cte("previous").prefix_with("MATERIALIZED")
    return precompiled(sa.select(*previous.c, *_set_configs(values)).select_from(previous))


def _set_configs(values: tuple[tuple[str, str], ...], *, local: bool = False) -> list[Any]:
    is_local = sa.true() if local else sa.false()
    return [
        sa.func.set_config(_checked_setting(name), value, is_local).label("new_" + name)
        for name, value in values
    ]


class ResetSessionSetting(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``RESET name``: back to the role/database default."""

    def __init__(self, name: str) -> None:
        self.name = _checked_setting(name)


class LockTable(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``LOCK TABLE t IN ACCESS EXCLUSIVE MODE``: the short steps' lock, taken on its own."""

    def __init__(self, table: sa.Table) -> None:
        self.table = table


class TransactionScript(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``BEGIN; <statements>; COMMIT; <after_commit>`` sent as one string: one round trip.

    The server runs the whole transaction without waiting on the client between statements,
    so locks taken in it are released as soon as the work is done. Only for drivers that send
    a parameterless string as a simple query (psycopg, psycopg2); asyncpg prepares it and
    refuses more than one command.
    """

    def __init__(self, statements: Sequence[Any], after_commit: Sequence[Any] = ()) -> None:
        self.statements = tuple(statements)
        self.after_commit = tuple(after_commit)


class NoteLockTime(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """Keep the server's clock at one moment of a short step in a session setting.

    ``moment`` is ``"asked"``, ``"granted"`` or ``"released"``; read them back with
    :func:`read_lock_times` once the step is over, so the measuring costs the lock nothing.
    """

    MOMENTS = ("asked", "granted", "released")

    def __init__(self, moment: str) -> None:
        if moment not in self.MOMENTS:
            raise InvalidArgumentError(f"moment must be one of {self.MOMENTS}, got {moment!r}")
        self.moment = moment


def _lock_time_setting(moment: str) -> str:
    return f"alembic_safe_unique.lock_{moment}_at"


@functools.lru_cache(maxsize=1)
def read_lock_times() -> Any:
    """Milliseconds from asking for the lock to getting it, and from then to its release."""

    def noted(moment: str) -> Any:
        # missing_ok: NULL rather than an error if the step's notes are not in this session
        setting = sa.func.current_setting(_lock_time_setting(moment), sa.true())
        return sa.cast(setting, sa.types.TIMESTAMP(timezone=True))

    def milliseconds(start: str, end: str) -> Any:
        return sa.extract("epoch", noted(end) - noted(start)) * 1000

    return precompiled(
        sa.select(
            milliseconds("asked", "granted").label("waited_ms"),
            milliseconds("granted", "released").label("held_ms"),
        )
    )


@compiles(SetSessionSetting)
def _compile_set(element: SetSessionSetting, compiler: DDLCompiler, **kw: Any) -> str:
    scope = "SET LOCAL" if element.local else "SET"
    return "%s %s = %d" % (scope, element.name, element.value)


@compiles(TransactionScript)
def _compile_script(element: TransactionScript, compiler: DDLCompiler, **kw: Any) -> str:
    inside = [compiler.process(statement, **kw) for statement in element.statements]
    after = [compiler.process(statement, **kw) for statement in element.after_commit]
    return ";\n".join(["BEGIN", *inside, "COMMIT", *after])


@compiles(NoteLockTime)
def _compile_note_lock_time(element: NoteLockTime, compiler: DDLCompiler, **kw: Any) -> str:
    literal = compiler.sql_compiler.render_literal_value
    return "SELECT set_config(%s, clock_timestamp()::text, false)" % literal(
        _lock_time_setting(element.moment), sa.String()
    )


@compiles(LockTable)
def _compile_lock_table(element: LockTable, compiler: DDLCompiler, **kw: Any) -> str:
    return "LOCK TABLE %s IN ACCESS EXCLUSIVE MODE" % compiler.preparer.format_table(element.table)


@compiles(ResetSessionSetting)
def _compile_reset(element: ResetSessionSetting, compiler: DDLCompiler, **kw: Any) -> str:
    return "RESET %s" % element.name
