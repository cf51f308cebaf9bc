"""``create_index_concurrently`` / ``drop_index_concurrently``: inverses and diff forms."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alembic_safe_unique import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
    IdentifierTooLongError,
    InvalidArgumentError,
    SafeUniqueError,
)
from tests.unit.offline import compiled


def partial_unique() -> CreateIndexConcurrentlyOp:
    return CreateIndexConcurrentlyOp(
        "Uq Active Email",
        "User Account",
        ["Email", sa.text("lower(name)")],
        schema="Auth",
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def test_create_reverses_to_a_drop_that_remembers_the_definition() -> None:
    create = partial_unique()
    drop = create.reverse()
    assert isinstance(drop, DropIndexConcurrentlyOp)
    assert (drop.index_name, drop.table_name, drop.schema) == (
        "Uq Active Email",
        "User Account",
        "Auth",
    )
    assert drop.reverse() is create


def test_diff_tuples_carry_the_whole_index_definition() -> None:
    kind, index = partial_unique().to_diff_tuple()
    assert kind == "add_index"
    assert compiled(sa.schema.CreateIndex(index)) == (
        'CREATE UNIQUE INDEX "Uq Active Email" ON "Auth"."User Account" '
        '("Email", (lower(name))) WHERE deleted_at IS NULL'
    )
    kind, removed = partial_unique().reverse().to_diff_tuple()
    assert (kind, removed.name, removed.unique) == ("remove_index", "Uq Active Email", True)


def test_a_hand_written_drop_has_no_reverse_and_says_to_write_the_downgrade() -> None:
    drop = DropIndexConcurrentlyOp("ix_day", "events", schema="s")
    with pytest.raises(SafeUniqueError, match="write the downgrade by hand"):
        drop.reverse()
    kind, index = drop.to_diff_tuple()
    assert (kind, index.name, index.table.fullname) == ("remove_index", "ix_day", "s.events")


def test_concurrently_is_a_dialect_option_of_the_index_it_builds() -> None:
    index = partial_unique().spec().to_index(concurrently=True)
    assert compiled(sa.schema.CreateIndex(index)).startswith(
        'CREATE UNIQUE INDEX CONCURRENTLY "Uq Active Email" ON "Auth"."User Account"'
    )


@pytest.mark.parametrize(
    ("name", "columns", "error", "hint"),
    [
        ("ix", "a,b", InvalidArgumentError, r"Write columns=\['a', 'b'\]"),
        ("ix", [], InvalidArgumentError, "columns is empty"),
        ("ix", ["a", "a"], InvalidArgumentError, "'a' more than once"),
        ("i" * 64, ["a"], IdentifierTooLongError, "64 bytes long"),
    ],
)
def test_bad_index_arguments_are_refused(
    name: str, columns: object, error: type[Exception], hint: str
) -> None:
    with pytest.raises(error, match=hint):
        CreateIndexConcurrentlyOp(name, "t", columns)  # type: ignore[arg-type]
