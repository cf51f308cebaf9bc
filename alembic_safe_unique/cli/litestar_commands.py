"""``litestar safe-unique check`` / ``invalid-indexes``: the command line inside a Litestar app.

Advanced-Alchemy's env.py reads its own Alembic ``Config`` subclass (``config.db_url``,
``config.engine``, ``config.bind_key``), which its plugin builds from the app's SQLAlchemy
config: ``alembic-safe-unique check`` with a plain ``alembic.ini`` fails on it. So, like
``litestar database``, these commands take that configuration from the app's plugin and run
env.py with it. Registered through the ``litestar.commands`` entry point: installed with the
package, listed by ``litestar --help``; Advanced-Alchemy is imported only when one runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

import click

from alembic_safe_unique.cli.console import run_check, run_invalid_indexes
from alembic_safe_unique.cli.framework_commands import (
    check_options,
    invalid_indexes_options,
    run_command,
)

if TYPE_CHECKING:
    from litestar import Litestar


def _alembic_config(app: Litestar, bind_key: str | None) -> Any:
    """Advanced-Alchemy's Alembic configuration, exactly as ``litestar database`` builds it."""
    try:
        from advanced_alchemy.alembic.commands import AlembicCommands
        from advanced_alchemy.extensions.litestar.plugins import SQLAlchemyInitPlugin
    except ImportError as error:
        raise click.UsageError(
            "`litestar safe-unique` reads Advanced-Alchemy's migration settings, but "
            f"advanced-alchemy cannot be imported ({error}); pip install advanced-alchemy."
        ) from error
    try:
        configs = app.plugins.get(SQLAlchemyInitPlugin).config
    except KeyError:
        raise click.UsageError(
            "This app has no Advanced-Alchemy plugin (SQLAlchemyPlugin or SQLAlchemyInitPlugin "
            "in Litestar(plugins=[...])); `litestar safe-unique` reads its migration settings."
        ) from None
    chosen = [c for c in configs if bind_key is None or c.bind_key == bind_key][:1]
    if not chosen:
        keys = ", ".join("(none)" if c.bind_key is None else repr(c.bind_key) for c in configs)
        raise click.UsageError(
            f"The app has no SQLAlchemy config with bind key {bind_key!r} (its bind keys: "
            f"{keys}); pass one of those to --bind-key, or leave it out for the first config."
        )
    return AlembicCommands(sqlalchemy_config=chosen[0]).config


_bind_key = click.option(
    "--bind-key", default=None, help="The SQLAlchemy config of this bind key (default: the first)"
)


@click.group("safe-unique")
def safe_unique() -> None:
    """Check and operate the unique-constraint migrations (alembic-safe-unique)."""


@safe_unique.command("check")
@_bind_key
@check_options
def check(
    app: Litestar,
    bind_key: str | None,
    revision_range: str | None,
    samples: int,
    statement_timeout_ms: int,
    lock_timeout_ms: int,
) -> None:
    """Count the duplicates that would make pending unique builds fail (read-only).

    Exit status 1 when a build would fail, 3 when a target could not be checked.
    """
    args = argparse.Namespace(
        alembic_config=_alembic_config(app, bind_key),
        range=revision_range,
        samples=samples,
        statement_timeout_ms=statement_timeout_ms,
        lock_timeout_ms=lock_timeout_ms,
    )
    sys.exit(run_command("litestar safe-unique", run_check, args))


@safe_unique.command("invalid-indexes")
@_bind_key
@invalid_indexes_options
def invalid_indexes(
    app: Litestar, bind_key: str | None, drop: bool, index: tuple[str, ...]
) -> None:
    """List indexes left invalid by failed builds; drop them concurrently with --drop."""
    args = argparse.Namespace(
        alembic_config=_alembic_config(app, bind_key), drop=drop, index=list(index) or None
    )
    sys.exit(run_command("litestar safe-unique", run_invalid_indexes, args))
