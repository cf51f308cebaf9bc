"""``--since current``: where the database env.py connects to is, asked as ``alembic current``.

Production's position is what decides which tables already hold rows; asking its database
beats a revision id copied into CI by hand, which goes stale with the next deploy. env.py runs
as for ``alembic current``: it connects, nothing is migrated. A tenant loop runs the callback
once per schema; a revision counts as run only where every run has it.
"""

from __future__ import annotations

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError as AlembicCommandError

from alembic_safe_unique.errors import SafeUniqueError

CURRENT = "current"


class DatabasePositionError(SafeUniqueError):
    """``--since current`` could not read the database's revisions."""


def current_heads(config: Config, script: ScriptDirectory) -> list[tuple[str, ...]]:
    """The heads of the database of each run of env.py (one run but in a tenant loop)."""
    runs: list[tuple[str, ...]] = []

    def read(revision: object, context: MigrationContext) -> list[object]:
        runs.append(tuple(context.get_current_heads()))
        return []

    try:
        with EnvironmentContext(config, script, fn=read, dont_mutate=True):
            script.run_env()
    except Exception as error:
        raise DatabasePositionError(
            f"--since {CURRENT} asks the database env.py connects to which revisions it has "
            f"run, as `alembic current` does, and could not: {type(error).__name__}: "
            f"{error}. Make `alembic current` work here, or give the revision production is "
            "at: --since REVISION."
        ) from error
    if not runs:
        raise DatabasePositionError(
            f"--since {CURRENT}: env.py never asked the database (did it run offline?). Give "
            "the revision production is at: --since REVISION."
        )
    return runs


def applied_in(script: ScriptDirectory, runs: list[tuple[str, ...]]) -> set[str]:
    """The revisions of this history every run has applied (the ancestors of its heads).

    A head this history does not know (a folder for another database, as Prefect keeps one
    per database) stands for nothing here.
    """
    applied: set[str] | None = None
    for heads in runs:
        ancestors = set()
        for head in heads:
            try:
                found = script.iterate_revisions(head, "base")
                ancestors |= {revision.revision for revision in found if revision is not None}
            except AlembicCommandError:
                continue
        applied = ancestors if applied is None else applied & ancestors
    return applied or set()
