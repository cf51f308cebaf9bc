"""What ``flask safe-unique`` and ``litestar safe-unique`` share: their options, how they run.

Each framework finds the project's Alembic configuration its own way; from there, both run
the console script's own ``check`` and ``invalid-indexes`` with the same options, the same
quiet output and the same plain error line.
"""

from __future__ import annotations

import argparse
from typing import Any, Callable, TypeVar

import click

from alembic_safe_unique.cli.console import EXIT_USAGE
from alembic_safe_unique.cli.quiet import alembic_runtime_notices_off
from alembic_safe_unique.errors import SafeUniqueError

Command = TypeVar("Command", bound=Callable[..., Any])

_CHECK = (
    click.argument("revision_range", required=False),
    click.option("--samples", type=int, default=5, help="Duplicate groups shown (5)"),
    click.option(
        "--statement-timeout-ms",
        type=int,
        default=300_000,
        help="statement_timeout of the duplicate scans, ms (300000)",
    ),
    click.option(
        "--lock-timeout-ms", type=int, default=2_000, help="lock_timeout of the scans, ms (2000)"
    ),
)
_INVALID_INDEXES = (
    click.option("--drop", is_flag=True, help="DROP INDEX CONCURRENTLY each one"),
    click.option("--index", multiple=True, help="Only this index (repeatable)"),
)


def _applied(decorators: tuple[Callable[[Any], Any], ...], command: Command) -> Command:
    for decorator in reversed(decorators):  # as if written one above the other, in order
        command = decorator(command)
    return command


def check_options(command: Command) -> Command:
    """``check``'s range argument and options, as the console script has them."""
    return _applied(_CHECK, command)


def invalid_indexes_options(command: Command) -> Command:
    """``invalid-indexes``' options, as the console script has them."""
    return _applied(_INVALID_INDEXES, command)


def run_command(prog: str, command: Callable[[argparse.Namespace], int], args: Any) -> int:
    """Run one of the console script's commands; a refusal is one line, no traceback."""
    try:
        with alembic_runtime_notices_off():
            return int(command(args))
    except SafeUniqueError as error:
        click.echo(f"{prog}: {error}", err=True)
        return EXIT_USAGE
