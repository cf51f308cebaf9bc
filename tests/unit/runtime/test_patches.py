"""``runtime.patches.install()``: the package's changes to Alembic, applied once and marked.

``import alembic_safe_unique`` installs them; a second install (a re-import, a test harness,
an env.py that calls it again) must not wrap Alembic a second time: every block would then
count its depth twice and stamp twice.
"""

from __future__ import annotations

from alembic.runtime.migration import MigrationContext

import alembic_safe_unique  # noqa: F401  (installs the patches)
from alembic_safe_unique.runtime import autocommit_patch, patches
from alembic_safe_unique.runtime.guard import GUARDED_OPS
from alembic_safe_unique.util import alembic_internals

MARK = "_alembic_safe_unique"


def installed() -> tuple[object, ...]:
    return (
        MigrationContext.autocommit_block,
        MigrationContext.run_migrations,
        *(alembic_internals.implementation_of(op_class) for op_class in GUARDED_OPS),
    )


def test_importing_the_package_marks_what_it_wrapped() -> None:
    assert autocommit_patch.is_installed()
    assert getattr(MigrationContext.autocommit_block, MARK) is True
    assert getattr(MigrationContext.run_migrations, MARK) is True
    for op_class in GUARDED_OPS:
        implementation = alembic_internals.implementation_of(op_class)
        assert getattr(implementation, "_alembic_safe_unique_guard", False), op_class


def test_install_again_changes_nothing() -> None:
    before = installed()
    patches.install()
    patches.install()
    assert installed() == before


def test_the_wrapped_methods_keep_alembics_documentation() -> None:
    assert MigrationContext.autocommit_block.__doc__
    assert "autocommit" in MigrationContext.autocommit_block.__doc__
    assert MigrationContext.run_migrations.__doc__
