"""pytest plugin for Alembic's own suite: the one difference between its two runs.

Loaded into both runs with ``-p alembic_safe_unique_suite_plugin`` (this folder on
``PYTHONPATH``). With ``ALEMBIC_SAFE_UNIQUE_SUITE_IMPORT=1`` it imports ``alembic_safe_unique``
before Alembic's tests are collected, as an ``env.py`` would; either way every test's JUnit record
carries a ``alembic_safe_unique`` property saying what was in force while it ran, so the
comparison can prove that one run had the package and the other did not.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

MARKER = "alembic_safe_unique"
IMPORT_VARIABLE = "ALEMBIC_SAFE_UNIQUE_SUITE_IMPORT"

if os.environ.get(IMPORT_VARIABLE) == "1":
    importlib.import_module("alembic_safe_unique")


def _state() -> str:
    """``installed``: imported, every patch in force; ``absent``: never imported."""
    if "alembic_safe_unique" not in sys.modules:
        return "absent"
    patches = importlib.import_module("alembic_safe_unique.runtime.patches")
    return "installed" if patches.installed() else "imported, patches missing"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: Any) -> Iterator[None]:
    item.user_properties.append((MARKER, _state()))
    return (yield)
