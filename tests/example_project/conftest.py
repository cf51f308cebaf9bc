"""pytest-alembic's fixtures for the example project (run with ``pytest --test-alembic``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

HERE = Path(__file__).parent


@pytest.fixture
def alembic_config() -> dict[str, str]:
    return {"file": str(HERE / "alembic.ini")}


@pytest.fixture
def alembic_engine() -> Iterator[sa.Engine]:
    url = os.environ.get("ALEMBIC_SAFE_UNIQUE_EXAMPLE_URL")
    if not url:
        pytest.fail("ALEMBIC_SAFE_UNIQUE_EXAMPLE_URL names the database to migrate")
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()
