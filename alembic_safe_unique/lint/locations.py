"""Where the revision files are, when alembic.ini names them as a package resource.

``script_location = myapp:migrations`` (and ``version_locations = myapp:migrations/versions``)
make Alembic import ``myapp`` to find the folder. Lint runs where the application is not
installed (a CI job, pre-commit's environment): the folder is then looked up in the checkout
around alembic.ini, as the package's source tree (``myapp/``, ``src/myapp/``, or the folder
alembic.ini sits in), so the files read are the ones the package would ship.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

from alembic.config import Config


def _installed(package: str) -> bool:
    """Whether ``package`` (its top level) can be imported here, without importing it."""
    top = package.split(".")[0]
    try:
        return importlib.util.find_spec(top) is not None
    except (ImportError, ValueError):
        return False


def _in_checkout(location: str, ini: Path) -> str | None:
    """``package:path`` of a package that is not installed: the folder in the source tree
    nearest to alembic.ini, if there is one; None for a plain path or an installed package."""
    if os.path.isabs(location) or ":" not in location:
        return None
    package, *parts = location.split(":")
    if not package or _installed(package):
        return None  # Alembic finds it as it always does
    tail = Path(*package.split("."))
    for folder in (ini.resolve().parent, *ini.resolve().parents):
        roots = [folder / tail, folder / "src" / tail]
        if folder.parts[-len(tail.parts) :] == tail.parts:
            roots.insert(0, folder)  # alembic.ini inside the package itself
        for root in roots:
            candidate = root.joinpath(*parts)
            if candidate.is_dir():
                return str(candidate)
    return None


def _relative(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path


_SEPARATORS = {"space": " ", "newline": "\n", "os": os.pathsep, ":": ":", ";": ";"}


def _version_locations(config: Config, raw: str) -> list[str]:
    """The entries of ``version_locations``, split as Alembic splits them."""
    split = getattr(config, "get_version_locations_list", None)
    if split is not None:  # Alembic 1.16 and later
        return list(split() or [])
    separator = _SEPARATORS.get(config.get_main_option("version_path_separator") or "")
    if separator is None:  # the legacy split, on spaces and commas
        return [part for part in re.split(r", *|(?: +)", raw) if part]
    return [part.strip() for part in raw.split(separator) if part]


def resolve_in_checkout(config: Config, ini: Path) -> None:
    """Point ``config`` at the checkout's folders for package resources Alembic cannot import.

    A version location is written back relative to the working directory (Alembic reads
    relative ones from there), so the list keeps the separator alembic.ini splits it with.
    """
    script_location = config.get_main_option("script_location")
    if script_location is not None:
        found = _in_checkout(script_location, ini)
        if found is not None:
            config.set_main_option("script_location", found.replace("%", "%%"))
    raw = config.get_main_option("version_locations")
    if not raw:
        return
    changed = raw
    for location in _version_locations(config, raw):
        found = _in_checkout(location, ini)
        if found is not None:
            changed = changed.replace(location, _relative(found))
    if changed != raw:
        config.set_main_option("version_locations", changed.replace("%", "%%"))
