"""``alembic-safe-unique wire`` and ``init``: the env.py changes shown as a diff, then written.

A tool that edits someone's env.py shows what it would change first; ``--write`` (or ``init``,
whose env.py was written a moment ago by Alembic itself) writes it.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

from alembic_safe_unique.cli.env_wiring import WiringError, wire_source


def wire_file(env_py: Path, *, write: bool, migration_lock: bool) -> int:
    """Print the diff that wires ``env_py``; write it when asked. Exit status 0."""
    if not env_py.is_file():
        raise WiringError(f"No env.py at {str(env_py)!r}; give its path, or -c your alembic.ini.")
    source = env_py.read_text(encoding="utf-8")
    wired = wire_source(source, migration_lock=migration_lock, where=str(env_py))
    for note in wired.notes:
        print(note, file=sys.stderr)
    if wired.code == source:
        print(f"{env_py} is already wired; nothing to change.")
        return 0
    sys.stdout.writelines(
        difflib.unified_diff(
            source.splitlines(keepends=True),
            wired.code.splitlines(keepends=True),
            fromfile=f"{env_py} (before)",
            tofile=f"{env_py} (wired)",
        )
    )
    if write:
        env_py.write_text(wired.code, encoding="utf-8")
        print(f"Wrote {env_py}.")
    else:
        print(f"Nothing written; run again with --write to change {env_py}.")
    return 0


def init(
    directory: Path, template: str, config: Config, *, package: bool, migration_lock: bool
) -> int:
    """``alembic init`` (Alembic's own command, same templates), then its env.py wired."""
    command.init(config, str(directory), template=template, package=package)
    return wire_file(directory / "env.py", write=True, migration_lock=migration_lock)
