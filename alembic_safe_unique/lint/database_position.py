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

from alembic_safe_unique.errors import SafeUniqueError

CURRENT = "current"


class DatabasePositionError(SafeUniqueError):
    """``--since current`` could not read the database's revisions."""


def applied_revisions(config: Config, script: ScriptDirectory) -> set[str]:
    """The revisions every run of env.py's database has applied (ancestors of its heads)."""
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
    applied: set[str] | None = None
    for heads in runs:
        ancestors = {
            revision.revision
            for head in heads
            for revision in script.iterate_revisions(head, "base")
            if revision is not None
        }
        applied = ancestors if applied is None else applied & ancestors
    return applied or set()
