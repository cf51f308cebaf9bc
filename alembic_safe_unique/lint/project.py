"""What lint reads about the project around its revision files: its configuration, which
database each version location targets, and what env.py sets for the whole run."""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from .dialects import POSTGRESQL, Dialects, url_dialect
from .env_script import sets_session_lock_timeout
from .settings import LintSettings


@dataclass(frozen=True)
class LintProject:
    config: Config | None = None
    """alembic.ini, for revisions that read ``context.config`` or ``op.get_context().config``."""
    dialects: Dialects = field(default_factory=Dialects)
    session_lock_timeout: bool = False
    """env.py sets a session ``lock_timeout``: every revision starts with it in force."""


def read_project(config: Config, scripts: ScriptDirectory, settings: LintSettings) -> LintProject:
    try:
        url = config.get_main_option("sqlalchemy.url")
    except (configparser.Error, ValueError):  # an interpolation env.py fills in
        url = None
    default = settings.dialect or url_dialect(url) or POSTGRESQL
    return LintProject(
        config=config,
        dialects=Dialects(default, settings.dialects),
        session_lock_timeout=sets_session_lock_timeout(Path(scripts.dir) / "env.py"),
    )
