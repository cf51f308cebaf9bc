"""Which revision files to lint: all, an Alembic range, everything after ``--since``, or files."""

from __future__ import annotations

import os
from collections.abc import Sequence

from alembic.script import Script, ScriptDirectory
from alembic.util import CommandError as AlembicCommandError

from alembic_safe_unique.errors import SafeUniqueError


class RevisionSelectionError(SafeUniqueError, ValueError):
    """A range, revision or file that does not name revisions of this project."""


def _in_upgrade_order(script: ScriptDirectory, upper: str, lower: str) -> list[Script]:
    try:
        found = [rev for rev in script.iterate_revisions(upper, lower) if rev is not None]
    except AlembicCommandError as error:
        raise RevisionSelectionError(
            f"Alembic cannot resolve {lower}:{upper} ({error}); name revisions that exist "
            "(see `alembic history`)."
        ) from error
    except Exception as error:  # a revision file that fails to import (they load lazily)
        raise RevisionSelectionError(
            f"Alembic could not load the revision files: {type(error).__name__}: {error}. "
            "Lint imports them as `alembic history` does; make that work first."
        ) from error
    found.reverse()
    return found


def select(script: ScriptDirectory, targets: Sequence[str], since: str | None) -> list[Script]:
    """The revisions to lint, base first.

    ``targets`` holds revision files (what pre-commit passes) or one ``lower:upper`` range;
    ``since`` leaves that revision and everything before it alone.
    """
    files = [target for target in targets if target.endswith(".py")]
    ranges = [target for target in targets if not target.endswith(".py")]
    if (files and ranges) or len(ranges) > 1:
        raise RevisionSelectionError(
            "Give either revision files or one range 'lower:upper', not both."
        )
    everything = _in_upgrade_order(script, "heads", "base")
    if files:
        wanted = {os.path.realpath(path) for path in files}
        return [rev for rev in everything if os.path.realpath(rev.path) in wanted]
    if ranges:
        if ":" not in ranges[0]:
            raise RevisionSelectionError(
                f"A range looks like 'lower:upper' (e.g. 'ae10:head'), not {ranges[0]!r}."
            )
        lower, upper = ranges[0].split(":", 1)
        if since:
            raise RevisionSelectionError("Give a range or --since, not both.")
        return _in_upgrade_order(script, upper or "heads", lower or "base")
    if since:
        return _in_upgrade_order(script, "heads", since)
    return everything
