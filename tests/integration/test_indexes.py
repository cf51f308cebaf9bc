"""Partial and expression uniques (only ever indexes) and plain indexes, built concurrently."""

from __future__ import annotations

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot
from tests.fixtures.project import AlembicProject

ACTIVE_UNIQUE = (
    "op.create_index_concurrently('unique_active_foo_bar', 'baz', ['foo', 'bar'], unique=True, "
    "postgresql_where=sa.text('is_active'))"
)
EMAIL_UNIQUE = (
    "op.create_index_concurrently('uq_email_ci', 'baz', [sa.text('lower(email)')], unique=True)"
)
DOWN = (
    "op.drop_index_concurrently('uq_email_ci')\nop.drop_index_concurrently('unique_active_foo_bar')"
)


def make_baz(engine: sa.Engine, *, inactive_duplicates: bool = True) -> None:
    """The seed story: foo/bar pairs unique among active rows only."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE baz (id serial PRIMARY KEY, foo int, bar int, is_active bool, email text)"
        )
        conn.exec_driver_sql(
            "INSERT INTO baz (foo, bar, is_active, email) "
            "SELECT g, g, true, 'User' || g || '@example.com' FROM generate_series(1, 3000) g"
        )
        if inactive_duplicates:
            conn.exec_driver_sql(
                "INSERT INTO baz (foo, bar, is_active) "
                "SELECT g, g, false FROM generate_series(1, 50) g"
            )


def index_definitions(engine: sa.Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'baz'")
        ).all()
    return dict(rows)  # type: ignore[arg-type]


def test_partial_and_expression_uniques_build_rerun_and_drop(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_baz(engine)
    before = schema_snapshot(engine)
    project.write_revision("r1", ACTIVE_UNIQUE + "\n" + EMAIL_UNIQUE, DOWN)

    project.upgrade()

    definitions = index_definitions(engine)
    assert definitions["unique_active_foo_bar"] == (
        "CREATE UNIQUE INDEX unique_active_foo_bar ON public.baz USING btree (foo, bar) "
        "WHERE is_active"
    )
    assert definitions["uq_email_ci"] == (
        "CREATE UNIQUE INDEX uq_email_ci ON public.baz USING btree (lower(email))"
    )
    # Re-running finds both valid with the same definition (as the server normalizes it).
    project.cli("stamp", "base")
    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.count("Reusing the valid index") == 2

    project.downgrade("base")
    assert schema_snapshot(engine) == before
    assert invalid_indexes(engine) == []


def test_duplicates_in_a_partial_unique_count_only_matching_rows(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_baz(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO baz (foo, bar, is_active) VALUES (7, 7, true)")
    project.write_revision("r1", ACTIVE_UNIQUE)

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    assert "Key (foo, bar)=(7, 7) is duplicated." in result.stderr
    query = result.stderr.split("List every duplicate group with:")[1].split(";")[0]
    assert "is_active" in query
    with engine.connect() as conn:
        assert conn.execute(sa.text(query)).all() == [(7, 7, 2)]
    assert invalid_indexes(engine) == []


def test_drop_index_concurrently_refuses_an_index_that_backs_a_constraint(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_baz(engine, inactive_duplicates=False)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE baz ADD CONSTRAINT uq_foo UNIQUE (foo)")
    project.write_revision("r1", "op.drop_index_concurrently('uq_foo')")
    result = project.cli("upgrade", "head")
    assert result.returncode != 0
    assert "backs the constraint 'uq_foo'" in result.stderr
    assert "op.drop_constraint" in result.stderr
    assert "uq_foo" in index_definitions(engine)


def test_drop_index_concurrently_of_a_missing_index_completes(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """A re-run after the drop already happened must not fail."""
    make_baz(engine)
    project.write_revision("r1", "op.drop_index_concurrently('never_built')")
    result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    assert "does not exist; nothing to drop" in result.stderr
    assert project.current(engine) == "r1"
