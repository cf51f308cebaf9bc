"""The ``alembic-safe-unique`` command and the ``flask safe-unique`` group.

Nothing here is imported by the library itself: env.py files and revisions never load it.
"""

from __future__ import annotations

from alembic_safe_unique.cli.console import main, parser

__all__ = ["main", "parser"]
