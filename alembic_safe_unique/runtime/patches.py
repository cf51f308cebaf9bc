"""Everything the package changes in Alembic at run time, installed in one explicit step.

``alembic_safe_unique/__init__.py`` calls ``install()`` once; each patch is idempotent and
marks what it wrapped. The private APIs the patches rely on are listed, with why, in
``util.alembic_internals``.
"""

from __future__ import annotations

from alembic_safe_unique.runtime import autocommit_patch, guard, run_state


def install() -> None:
    autocommit_patch.install()  # TransactionOwnershipError, offline block depth, early stamps
    run_state.install()  # what the running revision wrote, the current step
    guard.install()  # configure(unsafe_ops=...) in front of plain Alembic ops


def installed() -> bool:
    """Every patch is in force (Alembic's own-suite comparison checks this in each test)."""
    return autocommit_patch.is_installed() and run_state.is_installed() and guard.is_installed()
