"""Which database a revision targets: its version location, the project, the URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_safe_unique.lint.dialects import Dialects, normalized, url_dialect


def test_the_deepest_version_location_decides(tmp_path: Path) -> None:
    dialects = Dialects(
        "postgresql",
        ((str(tmp_path / "versions"), "mysql"), (str(tmp_path / "versions/lite"), "sqlite")),
    )
    assert dialects.of(str(tmp_path / "versions/lite/r1.py")) == "sqlite"
    assert dialects.of(str(tmp_path / "versions/r2.py")) == "mysql"
    assert dialects.of(str(tmp_path / "elsewhere/r3.py")) == "postgresql"
    assert dialects.of(str(tmp_path / "versions-old/r4.py")) == "postgresql"


def test_a_folder_named_after_a_database_holds_its_revisions(tmp_path: Path) -> None:
    """As Prefect keeps them: versions/postgresql and versions/sqlite; a declared entry wins."""
    dialects = Dialects("mysql", ((str(tmp_path / "versions/Postgres"), "oracle"),))
    assert dialects.of(str(tmp_path / "versions/sqlite/r1.py")) == "sqlite"
    assert dialects.of(str(tmp_path / "versions/postgresql/r2.py")) == "postgresql"
    assert dialects.of(str(tmp_path / "versions/Postgres/r3.py")) == "oracle"
    assert dialects.of(str(tmp_path / "sqlite/versions/r4.py")) == "mysql"  # not its folder
    assert dialects.of(str(tmp_path / "versions/legacy/r5.py")) == "mysql"


@pytest.mark.parametrize(
    ("url", "dialect"),
    [
        ("sqlite:///app.db", "sqlite"),
        ("postgresql+psycopg://u@h/db", "postgresql"),
        ("mysql+pymysql://u@h/db", "mysql"),
        ("driver://user:pass@localhost/dbname", None),  # alembic init's placeholder
        ("", None),
        (None, None),
    ],
)
def test_the_url_names_a_dialect_only_when_sqlalchemy_knows_it(
    url: str | None, dialect: str | None
) -> None:
    assert url_dialect(url) == dialect


def test_names_are_normalized() -> None:
    assert [
        normalized(n) for n in ("PostgreSQL", "postgres", "postgresql+asyncpg", " SQLite ")
    ] == [
        "postgresql",
        "postgresql",
        "postgresql",
        "sqlite",
    ]
