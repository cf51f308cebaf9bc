"""One revision serves a SQLite development database and PostgreSQL: elsewhere the op is plain."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.fixtures.project import AlembicProject

CREATE = """
op.create_table('ad_counter', sa.Column('id', sa.Integer, primary_key=True),
                sa.Column('ad_id', sa.Integer), sa.Column('day', sa.Integer))
op.execute("INSERT INTO ad_counter (ad_id, day) VALUES (1, 1), (1, 2), (2, 1)")
"""
ADD_UQ = "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])"
PARTIAL = (
    "op.create_index_concurrently('ix_recent', 'ad_counter', ['day'], "
    "postgresql_where=sa.text('day > 1'))"
)


def test_sqlite_gets_a_real_unique_constraint_through_batch_mode(tmp_path: Path) -> None:
    url = make_url(f"sqlite:///{tmp_path / 'dev.db'}")
    project = AlembicProject.create(tmp_path / "project", url)
    project.write_revision("r0", CREATE)
    project.write_revision("r1", ADD_UQ + "\n" + PARTIAL, down_revision="r0")

    project.upgrade()

    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    assert [
        (c["name"], c["column_names"]) for c in inspector.get_unique_constraints("ad_counter")
    ] == [("uq_ad_day", ["ad_id", "day"])]
    assert [i["name"] for i in inspector.get_indexes("ad_counter")] == ["ix_recent"]
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO ad_counter (ad_id, day) VALUES (1, 1)")
    engine.dispose()


def test_mysql_offline_script_uses_the_plain_statements(tmp_path: Path) -> None:
    project = AlembicProject.create(tmp_path / "project", make_url("mysql://u@localhost/app"))
    project.write_revision("r0", CREATE)
    project.write_revision("r1", ADD_UQ, down_revision="r0")
    buffer = io.StringIO()
    from alembic import command

    command.upgrade(project.config(buffer), "r0:head", sql=True)
    script = buffer.getvalue()
    assert "ALTER TABLE ad_counter ADD CONSTRAINT uq_ad_day UNIQUE (ad_id, day);" in script
    assert "CONCURRENTLY" not in script
