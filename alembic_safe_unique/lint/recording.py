"""Run a revision's ``upgrade()``/``downgrade()`` against a recorder, keeping where each op was.

Alembic sends every ``op.*`` (and ``batch_op.*``) call through ``Operations.invoke``; the
recorder keeps the operation, the line of the revision file that asked for it (found on the
call stack, so loops and helper functions point at the right line) and whether it ran inside
``autocommit_block()``. Nothing reaches a database: the context is offline, like ``--sql``.
"""

from __future__ import annotations

import builtins
import inspect
import io
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Callable

import alembic.op
from alembic.config import Config
from alembic.operations import MigrateOperation, Operations
from alembic.operations import ops as alembic_ops
from alembic.operations.base import BatchOperations
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from sqlalchemy.schema import DDLElement
from sqlalchemy.sql.elements import ClauseElement, TextClause

from alembic_safe_unique.runtime.guard import accepted_reason
from alembic_safe_unique.runtime.transactions import BLOCK_DEPTH
from alembic_safe_unique.util.alembic_internals import installed_context_proxy, installed_op_proxy

from .offline_bind import NoRows, RecordingConnection, text_sql
from .stand_ins import StandIn


@dataclass(frozen=True)
class RecordedOp:
    operation: MigrateOperation
    line: int
    in_autocommit_block: bool
    batch: bool = False
    accepted: str | None = None
    """The reason of an enclosing ``assume_safe(...)``: the author accepted this op's lock."""


@dataclass
class Recording:
    function: str
    ops: list[RecordedOp] = field(default_factory=list)
    stopped: tuple[int, str] | None = None
    """Line and reason when the function raised before its end."""
    unknown: list[tuple[int, str]] = field(default_factory=list)
    """Line and name of each ``op.<name>(...)`` that is no op lint knows."""


def offline_context(buffer: io.StringIO | None = None) -> MigrationContext:
    """A PostgreSQL migration context that writes SQL to ``buffer`` instead of a server."""
    return MigrationContext.configure(
        dialect_name="postgresql",
        opts={"as_sql": True, "output_buffer": buffer or io.StringIO()},
    )


def _offline_environment(buffer: io.StringIO, config: Config | None) -> EnvironmentContext:
    """What ``from alembic import context`` is while lint records: offline, with the project's
    configuration (``context.config``, ``op.get_context().config``), and a bind that answers
    what revisions ask a connection (``offline_bind``)."""
    # No ScriptDirectory: nothing a revision function calls on the context reads it.
    environment = EnvironmentContext(config or Config(), None, as_sql=True)  # type: ignore[arg-type]
    environment.configure(dialect_name="postgresql", output_buffer=buffer)
    context = environment.get_context()
    written = context.connection
    assert written is not None

    def execute(statement: Any, parameters: Any = None) -> NoRows:
        """Write the SQL down (a query or DML construct is data: nothing to check); no rows."""
        if isinstance(statement, TextClause):  # written with NULL for the values lint has not
            try:
                buffer.write(text_sql(statement, context.dialect) + ";")
            except Exception:  # not renderable: written with its placeholders
                written.execute(statement, parameters)
        elif isinstance(statement, DDLElement) or not isinstance(statement, ClauseElement):
            written.execute(statement, parameters)
        return NoRows()

    bind = RecordingConnection(context.dialect, execute)
    context.connection = context.impl.connection = bind  # type: ignore[assignment]
    return environment


def _line_in(path: str, frame: FrameType | None) -> int:
    """The innermost line of ``path`` on the stack above ``frame``."""
    while frame is not None:
        if os.path.realpath(frame.f_code.co_filename) == path:
            return frame.f_lineno
        frame = frame.f_back
    return 0


class _StatementBuffer(io.StringIO):
    """Where offline SQL goes: SQL a revision runs on ``op.get_bind()`` is recorded as well."""

    def __init__(self, on_statement: Callable[[str], None]) -> None:
        super().__init__()
        self.on_statement = on_statement

    def write(self, text: str) -> int:
        statement = text.strip()
        if statement and statement.upper() not in _OWN_STATEMENTS:
            self.on_statement(statement)
        return super().write(text)


# What Alembic's offline autocommit_block() writes around the block.
_OWN_STATEMENTS = {"COMMIT;", "BEGIN;"}


@contextmanager
def _recorder(path: str, recording: Recording, config: Config | None) -> Iterator[None]:
    def record_statement(statement: str) -> None:
        record_op(alembic_ops.ExecuteSQLOp(statement))

    environment = _offline_environment(_StatementBuffer(record_statement), config)
    context = environment.get_context()
    operations = Operations(context)

    def record_op(operation: MigrateOperation, batch: bool = False) -> Any:
        line = _line_in(path, sys._getframe(1))
        in_block = bool(getattr(context, BLOCK_DEPTH, 0))
        recording.ops.append(RecordedOp(operation, line, in_block, batch, accepted_reason()))
        return None

    def record_batch(_self: BatchOperations, operation: MigrateOperation) -> Any:
        return record_op(operation, batch=True)

    def unknown_op(name: str) -> Any:
        """``op.<name>`` that no one registered: recorded, and reading goes on past it."""
        if name.startswith("_"):
            raise AttributeError(f"module 'alembic.op' has no attribute {name!r}")

        def call(*_args: Any, **_kwargs: Any) -> Any:
            recording.unknown.append((_line_in(path, sys._getframe(1)), name))
            return StandIn(f"op.{name}()")

        return call

    operations.invoke = record_op  # type: ignore[method-assign]
    previous_batch_invoke = BatchOperations.invoke
    BatchOperations.invoke = record_batch  # type: ignore[method-assign,assignment]
    op_module = vars(alembic.op)
    op_module["__getattr__"] = unknown_op  # PEP 562: asked only for names the module lacks
    try:
        with installed_op_proxy(operations), installed_context_proxy(environment):
            yield
    finally:
        BatchOperations.invoke = previous_batch_invoke  # type: ignore[method-assign]
        del op_module["__getattr__"]


@contextmanager
def no_file_writes() -> Iterator[None]:
    """While the block runs, ``open()`` for writing raises PermissionError: revision code runs
    under lint (a backup of a table to CSV, a log file), but leaves the checkout as it was."""
    original = builtins.open

    def read_only(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise PermissionError(f"lint lets no revision write files (open({file!r}, {mode!r}))")
        return original(file, mode, *args, **kwargs)

    builtins.open = io.open = read_only
    try:
        yield
    finally:
        builtins.open = io.open = original


def record(
    path: str, function_name: str, function: Callable[..., Any], config: Config | None = None
) -> Recording:
    """The operations ``function`` (a revision's upgrade or downgrade) asks for, in order.

    A function that takes parameters (a project's own runner passes them) is called with
    ``op`` for a parameter of that name and stand-ins for the rest; if that fails, the notice
    is at its ``def`` line.
    """
    real_path = os.path.realpath(path)
    recording = Recording(function_name)
    first_line = _def_line(function)
    with _recorder(real_path, recording, config), no_file_writes():
        parameters = _parameters(function)
        arguments = [alembic.op if name == "op" else StandIn(name) for name in parameters]
        try:
            function(*arguments)
        except Exception as error:  # the revision's own code: report where it stopped
            lines = [
                line
                for frame, line in traceback.walk_tb(error.__traceback__)
                if os.path.realpath(frame.f_code.co_filename) == real_path
            ]
            reason = f"{type(error).__name__}: {error}"
            if parameters:
                reason = (
                    f"it takes parameters lint cannot supply ({', '.join(parameters)}); called "
                    f"with stand-ins for them, {reason}"
                )
            recording.stopped = (lines[-1] if lines else first_line, reason)
    return recording


def _def_line(function: Callable[..., Any]) -> int:
    code = getattr(function, "__code__", None)
    return code.co_firstlineno if code is not None else 1


def _parameters(function: Callable[..., Any]) -> list[str]:
    """The parameters a call must fill in (those without a default)."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return []
    return [
        parameter.name
        for parameter in signature.parameters.values()
        if parameter.default is parameter.empty
        and parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    ]


def offline_sql(operation: MigrateOperation) -> str:
    """The SQL an operation's own implementation writes offline (how plugin ops are read)."""
    buffer = io.StringIO()
    Operations(offline_context(buffer)).invoke(operation)
    return buffer.getvalue()
