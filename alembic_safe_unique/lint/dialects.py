"""Which database each revision directory targets: lint's rules are about PostgreSQL's locks.

A project may keep SQLite (or MySQL) revisions beside its PostgreSQL ones, in a version
location of their own, or target another database altogether. Its revisions are skipped, and
the report says so once. The dialect comes from, first to last: the directory's entry in
``dialects``, the name of the folder the revision is in when it is a dialect's
(``versions/sqlite``), the project's ``dialect`` setting, the backend ``sqlalchemy.url`` in
alembic.ini names (when it is a dialect SQLAlchemy knows), then PostgreSQL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import sqlalchemy.dialects
from sqlalchemy.engine import make_url

POSTGRESQL = "postgresql"
_NAMED = frozenset(sqlalchemy.dialects.__all__) | {"mariadb"}
"""The databases SQLAlchemy itself supports: a folder of revisions named after one targets it."""


@dataclass(frozen=True)
class Dialects:
    default: str = POSTGRESQL
    by_directory: tuple[tuple[str, str], ...] = ()
    """(absolute directory, dialect) pairs: a revision under the deepest one takes its dialect."""

    def of(self, path: str) -> str:
        real = os.path.realpath(path)
        matches = [
            (len(directory), dialect)
            for directory, dialect in self.by_directory
            if real.startswith(os.path.realpath(directory) + os.sep)
        ]
        if matches:
            return max(matches)[1]
        folder = normalized(os.path.basename(os.path.dirname(real)))
        return folder if folder in _NAMED else self.default


def url_dialect(url: str | None) -> str | None:
    """The dialect ``url`` names, if SQLAlchemy knows it (``driver://...`` placeholders: None)."""
    if not url:
        return None
    try:
        return str(make_url(url).get_dialect().name)
    except Exception:  # a placeholder, a %(here)s SQLAlchemy cannot parse, a missing dialect
        return None


def normalized(name: str) -> str:
    """``postgres``, ``PostgreSQL``, ``postgresql+psycopg`` -> ``postgresql``."""
    base = name.strip().lower().split("+")[0]
    return POSTGRESQL if base in ("postgres", "pg") else base
