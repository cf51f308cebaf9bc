"""SQLAlchemy DDL elements for the statements SQLAlchemy has no construct for.

Compiled per dialect with ``@compiles`` so offline ``--sql`` output and online execution are the
same text, and every identifier is quoted by the dialect's preparer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateIndex

try:  # SQLAlchemy 2.0 name
    from sqlalchemy.schema import ExecutableDDLElement
except ImportError:  # pragma: no cover - SQLAlchemy 1.4
    from sqlalchemy.schema import DDLElement as ExecutableDDLElement  # type: ignore[assignment,unused-ignore]
from sqlalchemy.sql.compiler import DDLCompiler

# Settings this package changes; a closed set so nothing user-supplied reaches SET.
SESSION_SETTINGS = frozenset(
    {
        "lock_timeout",
        "statement_timeout",
        "client_connection_check_interval",
        "max_parallel_maintenance_workers",
    }
)


def _checked_setting(name: str) -> str:
    if name not in SESSION_SETTINGS:
        raise ValueError(f"{name!r} is not a setting alembic-safe-unique manages")
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


def apply_session_settings(values: Mapping[str, str]) -> sa.Select[Any]:
    """``SELECT set_config(a, va, false), ...``: ``SET`` for several settings in one statement.

    One plain statement (not several ``SET``s in one string) so every driver runs it, asyncpg
    included, which prepares what it is sent and refuses more than one command.
    """
    return sa.select(
        *(
            sa.func.set_config(_checked_setting(name), str(value), sa.false())
            for name, value in values.items()
        )
    )


class ResetSessionSetting(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``RESET name``: back to the role/database default."""

    def __init__(self, name: str) -> None:
        self.name = _checked_setting(name)


class AddUniqueConstraintUsingIndex(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i [DEFERRABLE ...]``.

    ``only_if_missing`` wraps it in a ``DO`` block that skips it when the constraint exists:
    PostgreSQL has no ``ADD CONSTRAINT IF NOT EXISTS``, and an offline script must be safe to
    run again after it failed part-way.
    """

    def __init__(
        self,
        table: sa.Table,
        constraint_name: str,
        index_name: str,
        *,
        deferrable: bool | None = None,
        initially: str | None = None,
        only_if_missing: bool = False,
    ) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.index_name = index_name
        self.deferrable = deferrable
        self.initially = initially
        self.only_if_missing = only_if_missing


class DropConstraintIfExists(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE t DROP CONSTRAINT IF EXISTS c``: a re-run after the drop is a no-op.

    ``note`` lines are written as ``--`` comments right above the statement, where a reader of
    the offline script (and squawk's ``squawk-ignore``) sees them.
    """

    def __init__(self, table: sa.Table, constraint_name: str, note: Sequence[str] = ()) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.note = tuple(note)


class RenameIndex(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER INDEX schema.old RENAME TO new``."""

    def __init__(self, schema: str | None, old_name: str, new_name: str) -> None:
        self.schema = schema
        self.old_name = old_name
        self.new_name = new_name


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
            raise ValueError(f"moment must be one of {self.MOMENTS}, got {moment!r}")
        self.moment = moment


def _lock_time_setting(moment: str) -> str:
    return f"alembic_safe_unique.lock_{moment}_at"


def read_lock_times() -> sa.Select[Any]:
    """Milliseconds from asking for the lock to getting it, and from then to its release."""

    def noted(moment: str) -> Any:
        setting = sa.func.current_setting(_lock_time_setting(moment))
        return sa.cast(setting, sa.types.TIMESTAMP(timezone=True))

    def milliseconds(start: str, end: str) -> Any:
        return sa.extract("epoch", noted(end) - noted(start)) * 1000

    return sa.select(
        milliseconds("asked", "granted").label("waited_ms"),
        milliseconds("granted", "released").label("held_ms"),
    )


class CreateScratchTableLike(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``CREATE TEMPORARY TABLE scratch (LIKE source)``: an empty twin to compile indexes on."""

    def __init__(self, scratch_name: str, source: sa.Table) -> None:
        self.scratch_name = scratch_name
        self.source = source


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


@compiles(AddUniqueConstraintUsingIndex)
def _compile_add_using_index(
    element: AddUniqueConstraintUsingIndex, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    parts = _add_unique_head(compiler, element.table, element.constraint_name)
    parts += ["USING INDEX", preparer.quote(element.index_name)]
    parts.extend(_deferral(element.deferrable, element.initially))
    statement = " ".join(parts)
    if not element.only_if_missing:
        return statement
    literal = compiler.sql_compiler.render_literal_value
    body = (
        "IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(%s) "
        "AND conname = %s) THEN %s; END IF;"
        % (
            literal(preparer.format_table(element.table), sa.String()),
            literal(element.constraint_name, sa.String()),
            statement,
        )
    )
    if _DOLLAR_TAG in body:
        raise ValueError(f"names must not contain {_DOLLAR_TAG!r}")
    return "DO %s BEGIN %s END %s" % (_DOLLAR_TAG, body, _DOLLAR_TAG)


_DOLLAR_TAG = "$alembic_safe_unique$"


def _add_unique_head(compiler: DDLCompiler, table: sa.Table, constraint_name: str) -> list[str]:
    """``ALTER TABLE t ADD CONSTRAINT c UNIQUE``, each name quoted by the dialect."""
    preparer = compiler.preparer
    return [
        "ALTER TABLE",
        preparer.format_table(table),
        "ADD CONSTRAINT",
        preparer.quote(constraint_name),
        "UNIQUE",
    ]


def _deferral(deferrable: bool | None, initially: str | None) -> list[str]:
    parts = []
    if deferrable is not None:
        parts.append("DEFERRABLE" if deferrable else "NOT DEFERRABLE")
    if initially is not None:
        parts.append("INITIALLY " + _checked_initially(initially))
    return parts


def _checked_initially(initially: str) -> str:
    value = initially.upper()
    if value not in ("DEFERRED", "IMMEDIATE"):
        raise ValueError(f"initially must be 'DEFERRED' or 'IMMEDIATE', got {initially!r}")
    return value


@compiles(DropConstraintIfExists)
def _compile_drop_if_exists(
    element: DropConstraintIfExists, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    # One line per comment, whatever the names in it hold: a newline would end the comment.
    comments = ["-- " + " ".join(line.splitlines()) + "\n" for line in element.note]
    return "".join(comments) + "ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s" % (
        preparer.format_table(element.table),
        preparer.quote(element.constraint_name),
    )


@compiles(RenameIndex)
def _compile_rename_index(element: RenameIndex, compiler: DDLCompiler, **kw: Any) -> str:
    old = _qualified(compiler, element.schema, element.old_name)
    return "ALTER INDEX %s RENAME TO %s" % (old, compiler.preparer.quote(element.new_name))


@compiles(CreateScratchTableLike)
def _compile_scratch(element: CreateScratchTableLike, compiler: DDLCompiler, **kw: Any) -> str:
    preparer = compiler.preparer
    return "CREATE TEMPORARY TABLE %s (LIKE %s)" % (
        preparer.quote(element.scratch_name),
        preparer.format_table(element.source),
    )


class CreateTemporaryTableAs(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``CREATE TEMPORARY TABLE name AS <select>``: session-private work space, no locks shared."""

    def __init__(self, name: str, query: Any) -> None:
        self.name = name
        self.query = query


@compiles(CreateTemporaryTableAs)
def _compile_temporary_as(element: CreateTemporaryTableAs, compiler: DDLCompiler, **kw: Any) -> str:
    query = compiler.sql_compiler.process(element.query, literal_binds=True)
    return "CREATE TEMPORARY TABLE %s AS %s" % (compiler.preparer.quote(element.name), query)


def table_stub(table_name: str, schema: str | None, columns: tuple[str, ...] = ()) -> sa.Table:
    """A detached Table with just enough to compile statements about ``schema.table_name``."""
    return sa.Table(
        table_name,
        sa.MetaData(),
        *(sa.Column(c, sa.types.NULLTYPE) for c in columns),
        schema=schema,
    )


def unique_constraint(
    constraint_name: str | None,
    table_name: str,
    columns: tuple[str, ...],
    schema: str | None,
    **kw: Any,
) -> sa.UniqueConstraint:
    """The UniqueConstraint a ``DROP CONSTRAINT`` or a non-PostgreSQL dialect needs."""
    table = table_stub(table_name, schema, columns)
    constraint = sa.UniqueConstraint(*(table.c[c] for c in columns), name=constraint_name, **kw)
    table.append_constraint(constraint)
    return constraint


class AddUniqueConstraintOnPartitioned(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER TABLE parent ADD CONSTRAINT c UNIQUE [NULLS NOT DISTINCT] (cols) [INCLUDE] ...``.

    On a partitioned table whose partitions already hold a matching constraint, PostgreSQL
    attaches those instead of building anything. SQLAlchemy's ``UniqueConstraint`` cannot say
    ``INCLUDE`` or ``NULLS NOT DISTINCT`` on every supported version, and a clause missing
    here would make PostgreSQL build new indexes under its lock.
    """

    def __init__(
        self,
        table: sa.Table,
        constraint_name: str,
        columns: Sequence[str],
        *,
        include: Sequence[str] = (),
        nulls_not_distinct: bool | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
    ) -> None:
        self.table = table
        self.constraint_name = constraint_name
        self.columns = tuple(columns)
        self.include = tuple(include)
        self.nulls_not_distinct = nulls_not_distinct
        self.deferrable = deferrable
        self.initially = initially


@compiles(AddUniqueConstraintOnPartitioned)
def _compile_add_on_partitioned(
    element: AddUniqueConstraintOnPartitioned, compiler: DDLCompiler, **kw: Any
) -> str:
    preparer = compiler.preparer
    parts = _add_unique_head(compiler, element.table, element.constraint_name)
    if element.nulls_not_distinct:
        parts.append("NULLS NOT DISTINCT")
    parts.append("(%s)" % ", ".join(preparer.quote(column) for column in element.columns))
    if element.include:
        parts.append("INCLUDE (%s)" % ", ".join(preparer.quote(c) for c in element.include))
    parts.extend(_deferral(element.deferrable, element.initially))
    return " ".join(parts)


class CreateIndexOnOnly(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``CREATE [UNIQUE] INDEX i ON ONLY parent ...``: the parent's index, built from nothing.

    It starts invalid and becomes valid once every partition's index is attached to it.
    """

    def __init__(self, index: sa.Index) -> None:
        self.index = index


@compiles(CreateIndexOnOnly)
def _compile_create_on_only(element: CreateIndexOnOnly, compiler: DDLCompiler, **kw: Any) -> str:
    statement: str = compiler.process(CreateIndex(element.index), **kw)
    preparer = compiler.preparer
    head = "CREATE %sINDEX %s ON " % (
        "UNIQUE " if element.index.unique else "",
        preparer.format_index(element.index),
    )
    if not statement.startswith(head):  # pragma: no cover - a dialect that words it otherwise
        raise ValueError(f"unexpected CREATE INDEX form: {statement}")
    return head + "ONLY " + statement[len(head) :]


class AttachIndexPartition(ExecutableDDLElement):  # type: ignore[misc,unused-ignore]
    """``ALTER INDEX parent ATTACH PARTITION child``: a catalog change, nothing is built."""

    def __init__(self, parent: tuple[str | None, str], child: tuple[str | None, str]) -> None:
        self.parent = parent
        self.child = child


@compiles(AttachIndexPartition)
def _compile_attach_index(element: AttachIndexPartition, compiler: DDLCompiler, **kw: Any) -> str:
    return "ALTER INDEX %s ATTACH PARTITION %s" % (
        _qualified(compiler, *element.parent),
        _qualified(compiler, *element.child),
    )


def _qualified(compiler: DDLCompiler, schema: str | None, name: str) -> str:
    preparer = compiler.preparer
    quoted = preparer.quote(name)
    return quoted if schema is None else preparer.quote_schema(schema) + "." + quoted
