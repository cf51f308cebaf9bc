"""The primary-key ops: arguments checked up front, inverses that keep what the downgrade needs,
and the offline script: every step, in order, each name quoted."""

from __future__ import annotations

import pytest

from alembic_safe_unique import (
    CreatePrimaryKeyConcurrentlyOp,
    DropPrimaryKeyConcurrentlyOp,
    IdentifierTooLongError,
    InvalidArgumentError,
)
from tests.unit.offline import offline_migration

WAIT = {"schema": "S s", "lock_timeout_ms": 250, "lock_attempts": 3}


def test_create_reverses_to_a_drop_that_makes_the_nullable_before_columns_nullable_again() -> None:
    create = CreatePrimaryKeyConcurrentlyOp(
        "Ad Counter pkey", "Ad Counter", ["Id", "day"], nullable_before=["day"], **WAIT
    )
    drop = create.reverse()
    assert isinstance(drop, DropPrimaryKeyConcurrentlyOp)
    assert (drop.constraint_name, drop.table_name, drop.columns) == (
        "Ad Counter pkey",
        "Ad Counter",
        ["Id", "day"],
    )
    assert drop.arguments() == {**WAIT, "make_nullable": ["day"]}
    back = drop.reverse()
    assert isinstance(back, CreatePrimaryKeyConcurrentlyOp)
    assert back.arguments() == {**WAIT, "nullable_before": ["day"]}
    assert create.to_diff_tuple()[0] == "add_constraint"
    assert drop.to_diff_tuple()[0] == "remove_constraint"


def test_without_nullable_before_the_downgrade_keeps_not_null() -> None:
    drop = CreatePrimaryKeyConcurrentlyOp("pk", "t", ["id"]).reverse()
    assert drop.nullable == [] and "make_nullable" not in drop.arguments()


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ((None, "t", ["id"]), InvalidArgumentError, "needs its name"),
        (("pk", "t", "id"), InvalidArgumentError, r"Write columns=\['id'\]"),
        (("pk", "t", ["id", "id"]), InvalidArgumentError, "more than once"),
        (("x" * 64, "t", ["id"]), IdentifierTooLongError, "is 64 bytes long"),
    ],
)
def test_bad_arguments_are_refused_before_any_sql(
    arguments: tuple[object, ...], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        CreatePrimaryKeyConcurrentlyOp(*arguments)  # type: ignore[arg-type]


def test_nullable_before_must_name_key_columns() -> None:
    with pytest.raises(InvalidArgumentError, match="'day', not among the key's columns"):
        CreatePrimaryKeyConcurrentlyOp("pk", "t", ["id"], nullable_before=["day"])


def test_offline_script_sets_not_null_through_a_validated_check_then_builds_and_attaches() -> None:
    with offline_migration() as (op, script):
        op.create_primary_key_concurrently('Ad "Pk"', "Ad Counter", ["Id", "day"], schema="S s")
    table = '"S s"."Ad Counter"'
    helper = '"Ad ""Pk""_asu_not_null"'
    statements = [s for s in script.statements() if not s.startswith(("SET", "RESET"))]
    assert statements == [
        "BEGIN",
        "COMMIT",
        "BEGIN",
        "DO $alembic_safe_unique$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
        f"conrelid = to_regclass('{table}') AND conname = 'Ad \"Pk\"_asu_not_null') THEN "
        f'ALTER TABLE {table} ADD CONSTRAINT {helper} CHECK ("Id" IS NOT NULL AND day IS NOT '
        "NULL) NOT VALID; END IF; END $alembic_safe_unique$",
        "COMMIT",
        f"ALTER TABLE {table} VALIDATE CONSTRAINT {helper}",
        "BEGIN",
        f'ALTER TABLE {table} ALTER COLUMN "Id" SET NOT NULL, ALTER COLUMN day SET NOT NULL',
        f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {helper}",
        "COMMIT",
        f'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Ad ""Pk""" ON {table} ("Id", day)',
        "BEGIN",
        "DO $alembic_safe_unique$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
        f"conrelid = to_regclass('{table}') AND conname = 'Ad \"Pk\"') THEN ALTER TABLE {table} "
        'ADD CONSTRAINT "Ad ""Pk""" PRIMARY KEY USING INDEX "Ad ""Pk"""; END IF; '
        "END $alembic_safe_unique$",
        "COMMIT",
        "BEGIN",
        "COMMIT",
    ]
    assert "-- squawk-ignore prefer-robust-stmts" in script.comments()


def test_offline_drop_is_one_short_step_that_restores_nullability() -> None:
    with offline_migration() as (op, script):
        op.drop_primary_key_concurrently("pk", "Ad Counter", ["Id"], make_nullable=["Id"])
    assert [s for s in script.statements() if not s.startswith("SET LOCAL")] == [
        "BEGIN",
        "COMMIT",
        "BEGIN",
        'ALTER TABLE "Ad Counter" DROP CONSTRAINT IF EXISTS pk',
        'ALTER TABLE "Ad Counter" ALTER COLUMN "Id" DROP NOT NULL',
        "COMMIT",
        "BEGIN",
        "COMMIT",
    ]
