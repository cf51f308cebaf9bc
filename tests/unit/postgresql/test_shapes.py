"""``IndexSpec`` / ``UniqueConstraintSpec``: what is built, compared and named in messages."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.schema import CreateIndex

from alembic_safe_unique.postgresql.ddl import (
    table_stub,
)
from alembic_safe_unique.postgresql.shapes import IndexSpec, UniqueConstraintSpec
from tests.unit.offline import compiled


def test_index_spec_compiles_expressions_include_and_where() -> None:
    spec = IndexSpec.build(
        "Uq Code",
        "Ad Counter",
        ["Ad Id", sa.text("lower(code)"), sa.text("hits * 2")],
        schema="My Schema",
        unique=True,
        options={
            "postgresql_include": ["Extra"],
            "postgresql_where": sa.text("hits > 0"),
            "postgresql_nulls_not_distinct": None,  # a default: left out
        },
    )
    assert compiled(CreateIndex(spec.to_index(concurrently=True))) == (
        'CREATE UNIQUE INDEX CONCURRENTLY "Uq Code" ON "My Schema"."Ad Counter" '
        '("Ad Id", (lower(code)), (hits * 2)) INCLUDE ("Extra") WHERE hits > 0'
    )
    assert spec.describe() == (
        "unique index 'Uq Code' on My Schema.Ad Counter (Ad Id, lower(code), hits * 2) "
        "WHERE hits > 0"
    )
    assert "postgresql_nulls_not_distinct" not in spec.option_map


def test_index_spec_on_another_table_builds_the_scratch_twin_index() -> None:
    spec = IndexSpec.build("ix", "t", ["a"], schema="s")
    scratch = table_stub("Scratch Twin", None, ("a",))
    assert compiled(CreateIndex(spec.renamed("ix_tmp").to_index(on_table=scratch))) == (
        'CREATE INDEX ix_tmp ON "Scratch Twin" (a)'
    )
    assert spec.name == "ix"  # renamed() is a copy


def test_equal_specs_compare_equal_whatever_the_option_order() -> None:
    first = IndexSpec.build("ix", "t", ["a"], options={"b": 1, "a": 2})
    second = IndexSpec.build("ix", "t", ["a"], options={"a": 2, "b": 1})
    assert first == second
    assert hash(first) == hash(second)


def test_unique_constraint_spec_backing_index_and_scratch_name() -> None:
    spec = UniqueConstraintSpec(
        "uq_ad_day",
        "ad counter",
        ("ad_id", "day"),
        schema="s",
        nulls_not_distinct=True,
        include=("hits",),
    )
    assert spec.source_index_name == "uq_ad_day"
    assert spec.scratch_index_name() == "uq_ad_day_asu_tmp"
    index = spec.index()
    assert index.unique
    assert index.option_map == {
        "postgresql_include": ["hits"],
        "postgresql_nulls_not_distinct": True,
    }
    assert spec.index("staging").name == "staging"
    assert spec.describe() == "unique constraint 'uq_ad_day' on s.ad counter (ad_id, day)"
    built_elsewhere = UniqueConstraintSpec("uq", "t", ("a",), index_name="ix_built")
    assert built_elsewhere.source_index_name == "ix_built"
    assert built_elsewhere.scratch_index_name() == "ix_built_asu_tmp"


def test_the_build_and_the_attach_describe_the_same_index_whatever_the_name() -> None:
    """What the rewriter writes: create_index_concurrently(..., unique=True), then the attach."""
    built = IndexSpec.build("Uq Day", "Ad Counter", ["Ad Id", "Day"], unique=True)
    attached = UniqueConstraintSpec("Uq Day", "Ad Counter", ("Ad Id", "Day")).index()
    assert built.same_definition(attached) and attached.same_definition(built)
    assert built.same_definition(attached.renamed("elsewhere"))
    with_include = IndexSpec.build(
        "u", "Ad Counter", ["Ad Id", "Day"], unique=True, options={"postgresql_include": ("x",)}
    )
    attach_with_include = UniqueConstraintSpec(
        "u", "Ad Counter", ("Ad Id", "Day"), include=("x",), nulls_not_distinct=False
    ).index()
    assert with_include.same_definition(attach_with_include)


def test_a_different_or_uncertain_definition_is_never_the_same() -> None:
    base = IndexSpec.build("u", "t", ["a", "b"], schema="s", unique=True)
    others = [
        IndexSpec.build("u", "t", ["b", "a"], schema="s", unique=True),
        IndexSpec.build("u", "t", ["a", "b"], schema="s", unique=False),
        IndexSpec.build("u", "t", ["a", "b"], schema=None, unique=True),
        IndexSpec.build("u", "t2", ["a", "b"], schema="s", unique=True),
        IndexSpec.build(
            "u", "t", ["a", "b"], schema="s", unique=True, options={"postgresql_include": ["c"]}
        ),
        IndexSpec.build(
            "u",
            "t",
            ["a", "b"],
            schema="s",
            unique=True,
            options={"postgresql_nulls_not_distinct": True},
        ),
    ]
    for other in others:
        assert not base.same_definition(other), other
    # Expressions and SQL text are for the server to compare, even against themselves.
    predicate = {"postgresql_where": sa.text("b > 0")}
    partial = IndexSpec.build("u", "t", ["a"], unique=True, options=predicate)
    assert not partial.same_definition(partial)
    expression = IndexSpec.build("u", "t", [sa.text("lower(a)")], unique=True)
    assert not expression.same_definition(expression)
