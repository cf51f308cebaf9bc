"""A key that foreign keys use: its drop is refused up front, naming them, with nothing changed.

PostgreSQL refuses ``DROP CONSTRAINT`` of a unique or primary key whose index a foreign key
uses; reached in the short step, that was a raw ``DependentObjectsStillExist`` traceback, and a
detach had built a copy of the index first.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject

PARENT = '"Parent Rows"'


def make_tables(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f'CREATE TABLE {PARENT} (id int NOT NULL, "Code" text, '
            'CONSTRAINT "pk parent" PRIMARY KEY (id), CONSTRAINT "uq code" UNIQUE ("Code"))'
        )
        conn.exec_driver_sql(
            'CREATE TABLE "Child Rows" (parent int CONSTRAINT "fk parent" REFERENCES '
            f'{PARENT} (id), code text CONSTRAINT "fk code" REFERENCES {PARENT} ("Code"))'
        )


@pytest.mark.parametrize(
    ("upgrade", "refused"),
    [
        (
            "op.drop_primary_key_concurrently('pk parent', 'Parent Rows', ['id'])",
            "the primary key 'pk parent' of public.Parent Rows: foreign keys use its index "
            "('fk parent' on public.Child Rows)",
        ),
        (
            "op.drop_unique_constraint('uq code', 'Parent Rows', ['Code'])",
            "unique constraint 'uq code' of public.Parent Rows: foreign keys use its index "
            "('fk code' on public.Child Rows)",
        ),
        (
            "op.detach_unique_constraint('uq code', 'Parent Rows', ['Code'])",
            "unique constraint 'uq code' of public.Parent Rows: foreign keys use its index "
            "('fk code' on public.Child Rows)",
        ),
    ],
    ids=["drop primary key", "drop unique", "detach unique"],
)
def test_dropping_a_key_foreign_keys_use_is_refused_naming_them_with_nothing_changed(
    project: AlembicProject, engine: sa.Engine, upgrade: str, refused: str
) -> None:
    make_tables(engine)
    before = schema_snapshot(engine)
    project.write_revision("r1", upgrade)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    message = failure(result.stderr)
    assert message.startswith(f"ConstraintInUseError: Cannot drop {refused}. Nothing was changed.")
    assert "op.drop_constraint(name, table, type_='foreignkey') in an earlier revision" in message
    assert "Traceback" not in result.stderr
    assert schema_snapshot(engine) == before
    assert invalid_indexes(engine) == []
    assert project.current(engine) is None
