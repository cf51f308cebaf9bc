"""Stand-ins for what a revision imports but lint's environment lacks, and only for that."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from alembic_safe_unique.lint.stand_ins import StandInModule, stand_ins, stood_in_names

REVISION = """
import not_installed_anywhere_pkg
from not_installed_anywhere_app.models import Base, Kind

class Counter(Base):
    kind = Kind.BIG | None
    tags = list(not_installed_anywhere_pkg.helpers.tags()["x"])
"""


def test_a_revision_file_imports_what_is_missing_and_says_which(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "r1.py").write_text(REVISION)
    with stand_ins([str(versions)]):
        module = runpy.run_path(str(versions / "r1.py"))
    assert module["Counter"].tags == []
    holder = type(sys)("holder")
    holder.__dict__.update(module)
    assert stood_in_names(holder) == [
        "not_installed_anywhere_app.models.Base",
        "not_installed_anywhere_app.models.Kind",
        "not_installed_anywhere_pkg",
    ]
    assert not any(name.startswith("not_installed_anywhere") for name in sys.modules)


def test_code_outside_the_revision_directories_keeps_its_import_error(tmp_path: Path) -> None:
    """A library's optional ``try: import x`` must still see that x is missing."""
    versions, library = tmp_path / "versions", tmp_path / "library.py"
    versions.mkdir()
    library.write_text("import not_installed_anywhere_optional\n")
    with stand_ins([str(versions)]), pytest.raises(ModuleNotFoundError):
        runpy.run_path(str(library))
    assert not isinstance(sys.modules.get("not_installed_anywhere_optional"), StandInModule)
