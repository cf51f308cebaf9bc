"""Which revision files to lint: all, an Alembic range, everything after ``--since``, or files."""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from alembic.script import Script, ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError as AlembicCommandError
from alembic.util import coerce_resource_to_filename

from alembic_safe_unique.errors import SafeUniqueError

from .database_position import CURRENT


class RevisionSelectionError(SafeUniqueError, ValueError):
    """A range, revision or file that does not name revisions of this project."""


class UnknownRevisionError(RevisionSelectionError):
    """A revision (or range) that this history does not have."""


_REVISION_FILE = re.compile(r"(?!\.#|__init__)(.*\.py)$")
"""A file Alembic reads as a revision (its own pattern for source files)."""


def _in_upgrade_order(script: ScriptDirectory, upper: str, lower: str) -> list[Script]:
    try:
        found = [rev for rev in script.iterate_revisions(upper, lower) if rev is not None]
    except (AlembicCommandError, ResolutionError) as error:
        raise UnknownRevisionError(
            f"Alembic cannot resolve {lower}:{upper} ({error}); name revisions that exist "
            "(see `alembic history`)."
        ) from error
    except Exception as error:  # a revision file that fails to import (they load lazily)
        where = _failing_file(error, script)
        raise RevisionSelectionError(
            f"Alembic could not load the revision files{where}: {type(error).__name__}: "
            f"{error}. Lint imports them as `alembic history` does (modules that are not "
            "installed are stood in for); make that file import, or lint the others by name."
        ) from error
    found.reverse()
    return found


def _holds_revisions(folder: Path) -> bool:
    return any(path.is_file() and _REVISION_FILE.match(path.name) for path in folder.iterdir())


def histories(script: ScriptDirectory) -> list[ScriptDirectory]:
    """The project's revision histories: usually one; one per subfolder of ``versions`` when
    the revisions are kept there by database and env.py picks the folder at run time
    (``versions/postgresql``, ``versions/sqlite``), which no configuration names.

    Each is read on its own, as env.py would run it: the folders may share revision ids.
    """
    if script.version_locations or script.recursive_version_locations:
        return [script]
    versions = Path(script.versions)
    if not versions.is_dir() or _holds_revisions(versions):
        return [script]
    folders = sorted(
        path for path in versions.iterdir() if path.is_dir() and _holds_revisions(path)
    )
    if not folders:
        return [script]
    return [
        ScriptDirectory(script.dir, version_locations=[str(path)], sourceless=script.sourceless)
        for path in folders
    ]


def version_directories(script: ScriptDirectory) -> list[str]:
    """Where the revision files are: every version location (``script.versions`` refuses to
    answer when there are several), else the one ``versions`` folder; a package resource
    (``myapp:migrations/versions``) as the folder Alembic reads."""
    locations = script.version_locations or [script.versions]
    return [str(coerce_resource_to_filename(location)) for location in locations]


def _failing_file(error: BaseException, script: ScriptDirectory) -> str:
    """`` (in <file>)`` for the revision file the error came from, if one is on its traceback."""
    directories = version_directories(script)
    prefixes = tuple(os.path.realpath(path) + os.sep for path in directories)
    candidates = [getattr(error, "filename", None)]
    candidates += [frame.filename for frame in traceback.extract_tb(error.__traceback__)]
    for filename in reversed([name for name in candidates if isinstance(name, str)]):
        if os.path.realpath(filename).startswith(prefixes):
            return f" (in {os.path.relpath(filename)})"
    return ""


def select(
    script: ScriptDirectory,
    targets: Sequence[str],
    since: str | None,
    applied: Collection[str] = (),
) -> list[Script]:
    """The revisions to lint, base first.

    ``targets`` holds revision files (what pre-commit passes) or one ``lower:upper`` range;
    ``since`` leaves that revision and everything before it alone; with ``since`` "current",
    ``applied`` names the revisions the database has run, left alone likewise.
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
        found = [rev for rev in everything if os.path.realpath(rev.path) in wanted]
        if not found:  # none of them is a revision here: that must not pass as a clean run
            # (with some revisions among them, the rest is what pre-commit passes beside them)
            directories = ", ".join(version_directories(script))
            raise UnknownRevisionError(
                f"Not a revision file of this project: {', '.join(sorted(wanted))}. Lint reads "
                f"the revisions Alembic finds in {directories}; put the file there, or point -c "
                "at the alembic.ini of the project it belongs to."
            )
        return found
    if ranges:
        if ":" not in ranges[0]:
            raise RevisionSelectionError(
                f"A range looks like 'lower:upper' (e.g. 'ae10:head'), not {ranges[0]!r}."
            )
        lower, upper = ranges[0].split(":", 1)
        if since:
            raise RevisionSelectionError("Give a range or --since, not both.")
        return _in_upgrade_order(script, upper or "heads", lower or "base")
    if since == CURRENT:
        return [rev for rev in everything if rev.revision not in applied]
    if since:
        return _in_upgrade_order(script, "heads", since)
    return everything


def select_each(
    scripts: Sequence[ScriptDirectory],
    targets: Sequence[str],
    since: str | None,
    applied: Callable[[ScriptDirectory], Collection[str]] = lambda script: (),
) -> list[list[Script]]:
    """``select`` in each history. With several, a history that does not have the revisions
    or files named is left out (they name a point in another); none having them is an error.
    ``applied(history)`` names the revisions the database has run, for ``since`` "current"."""
    if len(scripts) == 1:
        return [select(scripts[0], targets, since, applied(scripts[0]))]
    chosen: list[list[Script]] = []
    unknown: list[UnknownRevisionError] = []
    for script in scripts:
        try:
            chosen.append(select(script, targets, since, applied(script)))
        except UnknownRevisionError as error:
            unknown.append(error)
    if not chosen:
        raise unknown[0]
    return chosen
