"""``python -m alembic_safe_unique``: the ``alembic-safe-unique`` command, where the console
script is not on PATH (a virtualenv not activated, ``pipx run``, an IDE's interpreter)."""

from __future__ import annotations

import sys

from alembic_safe_unique.cli.console import main

if __name__ == "__main__":
    sys.exit(main())
