"""Names worked out before the objects exist: PostgreSQL's own rule, the 63-byte limit,
SQLAlchemy naming conventions (and the hash suffix SQLAlchemy adds to long ones).

``tests/test_naming.py`` checks the same rule against a real server; these cases pin the
arithmetic without one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic.operations import ops
from sqlalchemy.schema import CreateTable
from sqlalchemy.sql.elements import conv

from alembic_safe_unique.autogenerate.planner import Planner, PlanOptions
from alembic_safe_unique.postgresql.naming import (
    column_addition,
    convention_unique_name,
    default_unique_name,
    final_name,
    make_object_name,
)
from alembic_safe_unique.postgresql.shapes import with_suffix
from tests.unit.offline import compiled

LONG_CONVENTION = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}
LONG_COLUMNS = ["advertiser_identifier_column", "calendar_day_of_the_impression"]


def test_short_names_follow_table_columns_key() -> None:
    assert default_unique_name("ad_counter", ["ad_id", "day"]) == "ad_counter_ad_id_day_key"
    assert default_unique_name("Ad Counter", ["Ad Id"]) == "Ad Counter_Ad Id_key"


def test_long_names_are_cut_to_63_bytes_longer_part_first() -> None:
    name = default_unique_name("t" * 40, ["c" * 40])
    assert len(name.encode()) == 63
    # 63 - len("_key") - 1 = 58 bytes shared: each part cut to 29, the longer one first.
    assert name == "t" * 29 + "_" + "c" * 29 + "_key"
    uneven = make_object_name("t" * 10, "c" * 80, "key")
    assert uneven == "t" * 10 + "_" + "c" * 48 + "_key"


def test_multibyte_names_are_never_cut_inside_a_character() -> None:
    name = default_unique_name("é" * 40, ["a"])
    assert len(name.encode()) <= 63
    assert name == "é" * 28 + "_a_key"  # 57 bytes budget: 28 whole characters, not 28.5


def test_taken_names_get_key1_key2() -> None:
    taken = {"t_a_key", "t_a_key1"}
    assert default_unique_name("t", ["a"], taken.__contains__) == "t_a_key2"


def test_the_column_part_stops_once_it_is_long_enough() -> None:
    assert column_addition(["a", "b", "c"]) == "a_b_c"
    long = column_addition(["x" * 60, "y" * 10, "z" * 10])
    assert long == "x" * 60 + "_" + "y" * 10  # stopped at 64 bytes: z is never added


def test_naming_convention_names_an_unnamed_unique_as_sqlalchemy_does() -> None:
    assert (
        convention_unique_name(LONG_CONVENTION, "ad_counter", ["ad_id", "day"], "s")
        == "uq_ad_counter_ad_id_day"
    )
    by_class = {sa.UniqueConstraint: "uq_%(table_name)s_%(column_0_name)s"}
    assert convention_unique_name(by_class, "t", ["a", "b"], None) == "uq_t_a"


def test_no_convention_or_one_that_needs_a_name_gives_none() -> None:
    assert convention_unique_name({"ix": "ix_%(column_0_label)s"}, "t", ["a"], None) is None
    needs_name = {"uq": "uq_%(table_name)s_%(constraint_name)s"}
    assert convention_unique_name(needs_name, "t", ["a"], None) is None


def test_a_long_convention_name_gets_sqlalchemys_hash_suffix() -> None:
    """What ``create_all`` names the constraint is what the package must name it too."""
    metadata = sa.MetaData(naming_convention=LONG_CONVENTION)
    table = sa.Table(
        "impression_counter_table",
        metadata,
        *(sa.Column(c, sa.Integer) for c in LONG_COLUMNS),
        sa.UniqueConstraint(*LONG_COLUMNS),
    )
    created = compiled(CreateTable(table))
    expected = "uq_impression_counter_table_advertiser_identifier_colum_41ca"
    assert f"CONSTRAINT {expected} UNIQUE" in created
    assert (
        convention_unique_name(LONG_CONVENTION, "impression_counter_table", LONG_COLUMNS, None)
        == expected
    )


def test_autogenerate_plans_a_long_convention_name_as_create_all_would() -> None:
    metadata = sa.MetaData(naming_convention=LONG_CONVENTION)
    table = sa.Table(
        "impression_counter_table", metadata, *(sa.Column(c, sa.Integer) for c in LONG_COLUMNS)
    )
    constraint = sa.UniqueConstraint(*LONG_COLUMNS)
    table.append_constraint(constraint)
    found = ops.ModifyTableOps(table.name, [ops.AddConstraintOp.from_constraint(constraint)])
    plan = Planner(PlanOptions(), lambda name, table_name, schema: False).plan(
        ops.UpgradeOps(ops=[found])
    )
    (attach,) = plan.attaches
    assert attach.constraint_name == "uq_impression_counter_table_advertiser_identifier_colum_41ca"
    assert isinstance(attach.constraint_name, conv)  # op.f(...): not cut a second time


def test_final_name_keeps_plain_names_as_given() -> None:
    table = sa.Table("t", sa.MetaData(), sa.Column("a", sa.Integer))
    constraint = sa.UniqueConstraint(table.c.a, name="Mixed Case")
    assert final_name(constraint) == "Mixed Case"
    assert final_name(sa.UniqueConstraint(table.c.a)) is None


def test_suffixed_names_fit_63_bytes() -> None:
    assert with_suffix("uq", "_asu_tmp") == "uq_asu_tmp"
    assert with_suffix("n" * 63, "_asu_tmp") == "n" * 55 + "_asu_tmp"
    assert with_suffix("€" * 21, "_asu_tmp") == "€" * 18 + "_asu_tmp"  # 3-byte characters
