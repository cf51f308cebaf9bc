"""``flask safe-unique check`` / ``invalid-indexes``: the command line inside a Flask app.

Flask-Migrate projects have no ``script_location`` in their ``alembic.ini`` and an env.py that
reads ``current_app``; so, like ``flask db``, these commands take Flask-Migrate's own Alembic
configuration and run env.py inside the application context. Registered through the
``flask.commands`` entry point: installed with the package, listed by ``flask --help``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext

from alembic_safe_unique.cli.console import run_check, run_invalid_indexes
from alembic_safe_unique.cli.framework_commands import (
    check_options,
    invalid_indexes_options,
    run_command,
)


def _alembic_config(directory: str | None, x_arg: tuple[str, ...]) -> Any:
    """Flask-Migrate's configuration, exactly as ``flask db`` builds it."""
    migrate = current_app.extensions.get("migrate")
    if migrate is None:
        raise click.UsageError(
            "This app has no Flask-Migrate (Migrate(app, db)); `flask safe-unique` reads "
            "its migrations directory."
        )
    return migrate.migrate.get_config(directory, x_arg=list(x_arg) or None)


_directory = click.option(
    "-d", "--directory", default=None, help="Migration script directory (default: migrations)"
)
_x_arg = click.option(
    "-x", "--x-arg", "x_arg", multiple=True, help="Additional arguments consumed by env.py"
)


@click.group("safe-unique")
def safe_unique() -> None:
    """Check and operate the unique-constraint migrations (alembic-safe-unique)."""


@safe_unique.command("check")
@_directory
@_x_arg
@check_options
@with_appcontext
def check(
    directory: str | None,
    x_arg: tuple[str, ...],
    revision_range: str | None,
    samples: int,
    statement_timeout_ms: int,
    lock_timeout_ms: int,
) -> None:
    """Count the duplicates that would make pending unique builds fail (read-only).

    Exit status 1 when a build would fail, 3 when a target could not be checked.
    """
    args = argparse.Namespace(
        alembic_config=_alembic_config(directory, x_arg),
        range=revision_range,
        samples=samples,
        statement_timeout_ms=statement_timeout_ms,
        lock_timeout_ms=lock_timeout_ms,
    )
    sys.exit(run_command("flask safe-unique", run_check, args))


@safe_unique.command("invalid-indexes")
@_directory
@_x_arg
@invalid_indexes_options
@with_appcontext
def invalid_indexes(
    directory: str | None, x_arg: tuple[str, ...], drop: bool, index: tuple[str, ...]
) -> None:
    """List indexes left invalid by failed builds; drop them concurrently with --drop."""
    args = argparse.Namespace(
        alembic_config=_alembic_config(directory, x_arg), drop=drop, index=list(index) or None
    )
    sys.exit(run_command("flask safe-unique", run_invalid_indexes, args))
