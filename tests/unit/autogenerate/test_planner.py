"""The planner on hand-built ``UpgradeOps``: one test per case of docs/autogenerate.md.

Autogenerate hands the planner Alembic's own ops (``from_constraint`` / ``from_index``, as
its comparators build them); the plan says which stay as Alembic wrote them (``other``),
which become concurrent builds, and which become short-lock attaches, swaps or drops.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.operations import ops
from sqlalchemy.sql.elements import conv

from alembic_safe_unique import (
    AttachUniqueConstraintOp,
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
)
from alembic_safe_unique.autogenerate.planner import Plan, Planner, PlanOptions, op_key


def nothing_taken(name: str, table_name: str, schema: str | None) -> bool:
    return False


def plan(*operations: ops.MigrateOperation, **options: Any) -> Plan:
    taken = options.pop("name_taken", nothing_taken)
    partitioned = options.pop("is_partitioned", lambda table_name, schema: False)
    planner = Planner(PlanOptions(**options), taken, partitioned)
    return planner.plan(ops.UpgradeOps(ops=list(operations)))


def modify(table: sa.Table, *operations: ops.MigrateOperation) -> ops.ModifyTableOps:
    return ops.ModifyTableOps(table.name, list(operations), schema=table.schema)


def ad_counter(metadata: sa.MetaData | None = None, schema: str | None = "My Schema") -> sa.Table:
    return sa.Table(
        "Ad Counter",
        metadata or sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("Ad Id", sa.Integer),
        sa.Column("day", sa.Date),
        sa.Column("code", sa.String),
        schema=schema,
    )


def unique(table: sa.Table, *columns: str, **kw: Any) -> sa.UniqueConstraint:
    constraint = sa.UniqueConstraint(*(table.c[c] for c in columns), **kw)
    table.append_constraint(constraint)
    return constraint


def described(operation: Any) -> tuple[Any, ...]:
    """An op of the plan as the fields a revision renders from it."""
    if isinstance(operation, CreateIndexConcurrentlyOp):
        return (
            "create_index_concurrently",
            operation.index_name,
            operation.table_name,
            [str(c) for c in operation.columns],
            operation.schema,
            operation.unique,
            operation.partitions_only,
            operation.kw,
        )
    if isinstance(operation, DropIndexConcurrentlyOp):
        return ("drop_index_concurrently", operation.index_name, operation.table_name)
    arguments = operation.arguments()
    return (type(operation).__name__, operation.constraint_name, operation.columns, arguments)


def test_a_unique_added_to_an_existing_table_becomes_build_then_attach() -> None:
    table = ad_counter()
    found = ops.AddConstraintOp.from_constraint(unique(table, "Ad Id", "day", name="Uq Ad Day"))
    result = plan(modify(table, found), lock_timeout_ms=300, lock_attempts=4)
    assert result.other == []
    assert [described(op) for op in result.builds] == [
        (
            "create_index_concurrently",
            "Uq Ad Day",
            "Ad Counter",
            ["Ad Id", "day"],
            "My Schema",
            True,
            False,
            {},
        )
    ]
    assert [described(op) for op in result.attaches] == [
        (
            "AttachUniqueConstraintOp",
            "Uq Ad Day",
            ["Ad Id", "day"],
            {"schema": "My Schema", "lock_timeout_ms": 300, "lock_attempts": 4},
        )
    ]
    assert result.taken == {op_key(found)}
    assert result.changes_anything


def test_a_new_unique_column_is_added_as_declared_before_the_build() -> None:
    table = ad_counter()
    column = sa.Column("Code", sa.String)
    table.append_column(column)
    add_column = ops.AddColumnOp.from_column_and_tablename("My Schema", "Ad Counter", column)
    add_unique = ops.AddConstraintOp.from_constraint(unique(table, "Code", name="uq_code"))
    result = plan(modify(table, add_column, add_unique))
    assert len(result.other) == 1
    assert isinstance(result.other[0], ops.ModifyTableOps)
    assert result.other[0].ops == [add_column]
    assert [type(op) for op in result.builds] == [CreateIndexConcurrentlyOp]
    assert [type(op) for op in result.attaches] == [AttachUniqueConstraintOp]


def test_same_name_other_columns_builds_a_staging_index_and_swaps() -> None:
    old_table, new_table = ad_counter(), ad_counter()
    dropped = ops.DropConstraintOp.from_constraint(unique(old_table, "Ad Id", name="uq_ad"))
    added = ops.AddConstraintOp.from_constraint(unique(new_table, "Ad Id", "day", name="uq_ad"))
    result = plan(modify(new_table, dropped, added))
    assert [described(op) for op in result.builds] == [
        (
            "create_index_concurrently",
            "uq_ad_asu_new",
            "Ad Counter",
            ["Ad Id", "day"],
            "My Schema",
            True,
            False,
            {},
        )
    ]
    (swap,) = result.attaches
    assert isinstance(swap, ReplaceUniqueConstraintOp)
    assert (swap.constraint_name, swap.columns, swap.previous_columns, swap.index_name) == (
        "uq_ad",
        ["Ad Id", "day"],
        ["Ad Id"],
        "uq_ad_asu_new",
    )
    assert result.other == []


def test_partial_or_expression_unique_index_is_only_built() -> None:
    table = ad_counter()
    partial = sa.Index(
        "uq_active", table.c["Ad Id"], unique=True, postgresql_where=sa.text("day IS NULL")
    )
    expression = sa.Index("uq_lower_code", sa.func.lower(table.c.code), unique=True)
    result = plan(
        modify(
            table,
            ops.CreateIndexOp.from_index(partial),
            ops.CreateIndexOp.from_index(expression),
        )
    )
    assert result.attaches == []
    first, second = result.builds
    assert isinstance(first, CreateIndexConcurrentlyOp)
    assert (first.index_name, first.columns, first.schema, first.unique) == (
        "uq_active",
        ["Ad Id"],
        "My Schema",
        True,
    )
    assert str(first.kw["postgresql_where"]) == "day IS NULL"
    assert isinstance(second, CreateIndexConcurrentlyOp)
    assert (second.index_name, second.unique) == ("uq_lower_code", True)
    assert [str(c) for c in second.columns] == ['lower("My Schema"."Ad Counter".code)']


def test_plain_indexes_are_built_and_dropped_concurrently() -> None:
    table = ad_counter()
    new_index = sa.Index("ix_day", table.c.day)
    old_index = sa.Index("ix_code", table.c.code)
    result = plan(
        modify(
            table, ops.CreateIndexOp.from_index(new_index), ops.DropIndexOp.from_index(old_index)
        )
    )
    assert [described(op)[:3] for op in result.builds] == [
        ("create_index_concurrently", "ix_day", "Ad Counter"),
        ("drop_index_concurrently", "ix_code", "Ad Counter"),
    ]
    dropped = result.builds[1]
    assert isinstance(dropped, DropIndexConcurrentlyOp)
    assert dropped.reverse().columns == ["code"]  # the downgrade rebuilds it concurrently


def test_plain_indexes_stay_as_alembic_wrote_them_without_concurrent_indexes() -> None:
    table = ad_counter()
    create = ops.CreateIndexOp.from_index(sa.Index("ix_day", table.c.day))
    drop = ops.DropIndexOp.from_index(sa.Index("ix_code", table.c.code))
    unique_index = ops.CreateIndexOp.from_index(sa.Index("uq_c", table.c.code, unique=True))
    result = plan(modify(table, create, drop, unique_index), concurrent_indexes=False)
    assert result.other[0].ops == [create, drop]
    assert [op.index_name for op in result.builds] == ["uq_c"]


def test_a_removed_unique_is_dropped_under_the_lock_budget() -> None:
    table = ad_counter()
    dropped = ops.DropConstraintOp.from_constraint(
        unique(table, "Ad Id", "day", name="uq_gone", deferrable=True)
    )
    result = plan(modify(table, dropped), lock_timeout_ms=100)
    assert result.builds == []
    assert [described(op) for op in result.attaches] == [
        (
            "DropUniqueConstraintOp",
            "uq_gone",
            ["Ad Id", "day"],
            {"schema": "My Schema", "deferrable": True, "lock_timeout_ms": 100},
        )
    ]
    assert isinstance(result.attaches[0], DropUniqueConstraintOp)


def test_a_drop_without_its_columns_is_left_as_alembic_wrote_it() -> None:
    table = ad_counter()
    blind = ops.DropConstraintOp("uq_unknown", "Ad Counter", type_="unique", schema="My Schema")
    result = plan(modify(table, blind))
    assert result.other[0].ops == [blind]
    assert not result.changes_anything


def test_a_new_table_is_left_as_alembic_writes_it() -> None:
    metadata = sa.MetaData()
    table = ad_counter(metadata)
    unique(table, "Ad Id", name="uq_ad")
    create = ops.CreateTableOp.from_table(table)
    index = ops.CreateIndexOp.from_index(sa.Index("ix_day", table.c.day))
    later = modify(table, index)
    result = plan(create, later)
    assert result.other == [create, later]
    assert not result.changes_anything


def test_an_unnamed_unique_gets_the_name_postgresql_would_choose_key1_if_taken() -> None:
    table = ad_counter(schema=None)
    first = ops.AddConstraintOp.from_constraint(unique(table, "Ad Id", "day"))
    second = ops.AddConstraintOp.from_constraint(unique(table, "code"))
    taken = {"Ad Counter_Ad Id_day_key"}
    result = plan(
        modify(table, first, second), name_taken=lambda name, table_name, schema: name in taken
    )
    assert [op.constraint_name for op in result.attaches] == [
        "Ad Counter_Ad Id_day_key1",
        "Ad Counter_code_key",
    ]
    assert [op.index_name for op in result.builds] == [
        "Ad Counter_Ad Id_day_key1",
        "Ad Counter_code_key",
    ]


def test_an_unnamed_unique_under_a_naming_convention_keeps_the_conventions_name() -> None:
    metadata = sa.MetaData(naming_convention={"uq": "uq_%(table_name)s_%(column_0_N_name)s"})
    table = ad_counter(metadata, schema=None)
    found = ops.AddConstraintOp.from_constraint(unique(table, "Ad Id", "day"))
    result = plan(modify(table, found))
    (attach,) = result.attaches
    assert attach.constraint_name == "uq_Ad Counter_Ad Id_day"
    assert isinstance(attach.constraint_name, conv)  # rendered as op.f(...)


def test_a_unique_on_a_partitioned_table_is_built_on_its_partitions_only() -> None:
    table = ad_counter()
    found = ops.AddConstraintOp.from_constraint(unique(table, "Ad Id", "day", name="uq_ad_day"))
    result = plan(
        modify(table, found),
        is_partitioned=lambda name, schema: (
            (schema, name)
            == (
                "My Schema",
                "Ad Counter",
            )
        ),
    )
    (build,) = result.builds
    assert isinstance(build, CreateIndexConcurrentlyOp)
    assert build.partitions_only
    assert [type(op) for op in result.attaches] == [AttachUniqueConstraintOp]


def test_unique_options_are_carried_into_the_build_and_the_attach() -> None:
    table = ad_counter()
    found = ops.AddConstraintOp.from_constraint(
        unique(
            table,
            "Ad Id",
            name="uq_ad",
            deferrable=True,
            initially="DEFERRED",
            postgresql_nulls_not_distinct=True,
            postgresql_include=["code"],
        )
    )
    result = plan(modify(table, found))
    (build,) = result.builds
    assert build.kw == {"postgresql_nulls_not_distinct": True, "postgresql_include": ["code"]}
    (attach,) = result.attaches
    assert attach.arguments() == {
        "schema": "My Schema",
        "deferrable": True,
        "initially": "DEFERRED",
        "postgresql_nulls_not_distinct": True,
        "postgresql_include": ["code"],
    }


def test_other_operations_are_kept_in_order() -> None:
    table = ad_counter()
    alter = ops.AlterColumnOp("Ad Counter", "code", schema="My Schema", modify_nullable=False)
    execute = ops.ExecuteSQLOp("SELECT 1")
    found = ops.AddConstraintOp.from_constraint(unique(table, "Ad Id", name="uq_ad"))
    result = plan(execute, modify(table, alter, found))
    assert result.other[0] is execute
    assert result.other[1].ops == [alter]
