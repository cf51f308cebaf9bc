"""Every DDL element of ``postgresql/ddl.py``, compiled for PostgreSQL with awkward names.

The same text goes to the server online and into ``--sql`` scripts, so the exact string is
the contract: names with capitals, spaces, quotes and a schema must come out quoted.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic_safe_unique.errors import SafeUniqueError
from alembic_safe_unique.postgresql.ddl import (
    AddUniqueConstraintUsingIndex,
    CreateScratchTableLike,
    CreateTemporaryTableAs,
    DropConstraintIfExists,
    RenameIndex,
    table_stub,
    unique_constraint,
)
from alembic_safe_unique.postgresql.partition_ddl import (
    AddUniqueConstraintOnPartitioned,
    AttachIndexPartition,
    CreateIndexOnOnly,
)
from alembic_safe_unique.postgresql.session_sql import (
    LockTable,
    ResetSessionSetting,
    SetSessionSetting,
    swap_session_settings,
)
from tests.unit.offline import compiled, table

AD_COUNTER = table("Ad Counter", "Ad Id", "day", "hits", schema="My Schema")
SCHEMA_AND_TABLE = '"My Schema"."Ad Counter"'


def test_set_session_setting_for_the_session_and_for_the_transaction() -> None:
    assert compiled(SetSessionSetting("lock_timeout", 0)) == "SET lock_timeout = 0"
    assert (
        compiled(SetSessionSetting("statement_timeout", 1500, local=True))
        == "SET LOCAL statement_timeout = 1500"
    )


def test_settings_are_read_before_they_are_set_in_one_statement() -> None:
    statement = swap_session_settings({"lock_timeout": "0", "statement_timeout": "0"})
    swap = str(
        statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    )
    assert swap.startswith(
        "WITH previous AS MATERIALIZED \n(SELECT current_setting('lock_timeout') AS lock_timeout, "
        "current_setting('statement_timeout') AS statement_timeout)"
    ), swap
    assert swap.endswith(
        "SELECT previous.lock_timeout, previous.statement_timeout, "
        "set_config('lock_timeout', '0', false) AS new_lock_timeout, "
        "set_config('statement_timeout', '0', false) AS new_statement_timeout \nFROM previous"
    ), swap


def test_reset_session_setting() -> None:
    assert compiled(ResetSessionSetting("lock_timeout")) == "RESET lock_timeout"


def test_only_the_settings_the_package_manages_can_reach_set() -> None:
    with pytest.raises(SafeUniqueError, match="'search_path' is not a setting"):
        SetSessionSetting("search_path", 0)
    with pytest.raises(SafeUniqueError, match="'role; DROP TABLE t' is not a setting"):
        ResetSessionSetting("role; DROP TABLE t")


def test_setting_value_is_rendered_as_a_number_only() -> None:
    with pytest.raises(ValueError):
        SetSessionSetting("lock_timeout", "0; DROP TABLE t")  # type: ignore[arg-type]


def test_add_unique_constraint_using_index_quotes_every_name() -> None:
    element = AddUniqueConstraintUsingIndex(AD_COUNTER, 'uq "ad" Day', "Ix Build")
    assert compiled(element) == (
        'ALTER TABLE "My Schema"."Ad Counter" ADD CONSTRAINT "uq ""ad"" Day" UNIQUE '
        'USING INDEX "Ix Build"'
    )


def test_add_unique_constraint_using_index_keeps_deferral() -> None:
    element = AddUniqueConstraintUsingIndex(
        table("t", "a"), "uq", "uq", deferrable=True, initially="deferred"
    )
    assert compiled(element) == (
        "ALTER TABLE t ADD CONSTRAINT uq UNIQUE USING INDEX uq DEFERRABLE INITIALLY DEFERRED"
    )
    not_deferrable = AddUniqueConstraintUsingIndex(table("t", "a"), "uq", "uq", deferrable=False)
    assert compiled(not_deferrable).endswith("USING INDEX uq NOT DEFERRABLE")


def test_add_unique_constraint_only_if_missing_is_a_do_block_with_literal_names() -> None:
    element = AddUniqueConstraintUsingIndex(AD_COUNTER, "uq Ad'Day", "Ix", only_if_missing=True)
    assert compiled(element) == (
        "DO $alembic_safe_unique$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE "
        "conrelid = to_regclass('\"My Schema\".\"Ad Counter\"') AND conname = 'uq Ad''Day') "
        'THEN ALTER TABLE "My Schema"."Ad Counter" ADD CONSTRAINT "uq Ad\'Day" UNIQUE '
        'USING INDEX "Ix"; END IF; END $alembic_safe_unique$'
    )


def test_a_name_holding_the_dollar_quote_tag_is_refused() -> None:
    element = AddUniqueConstraintUsingIndex(
        table("t", "a"), "x$alembic_safe_unique$; DROP TABLE t; --", "ix", only_if_missing=True
    )
    with pytest.raises(SafeUniqueError, match=r"must not contain '\$alembic_safe_unique\$'"):
        compiled(element)


def test_unknown_initially_is_refused_with_the_choices() -> None:
    element = AddUniqueConstraintUsingIndex(table("t", "a"), "uq", "uq", initially="later")
    with pytest.raises(SafeUniqueError, match="'DEFERRED' or 'IMMEDIATE'"):
        compiled(element)


def test_drop_constraint_if_exists_writes_its_note_as_one_line_comments() -> None:
    element = DropConstraintIfExists(
        AD_COUNTER, "Uq Old", note=["why: swapped", "a name with\na newline"]
    )
    assert compiled(element) == (
        "-- why: swapped\n"
        "-- a name with a newline\n"
        'ALTER TABLE "My Schema"."Ad Counter" DROP CONSTRAINT IF EXISTS "Uq Old"'
    )


def test_rename_index_with_and_without_schema() -> None:
    assert compiled(RenameIndex("My Schema", "Old Ix", "new_ix")) == (
        'ALTER INDEX "My Schema"."Old Ix" RENAME TO new_ix'
    )
    assert compiled(RenameIndex(None, "old_ix", 'Ne"w')) == 'ALTER INDEX old_ix RENAME TO "Ne""w"'


def test_lock_table_in_access_exclusive_mode() -> None:
    assert compiled(LockTable(AD_COUNTER)) == (
        f"LOCK TABLE {SCHEMA_AND_TABLE} IN ACCESS EXCLUSIVE MODE"
    )


def test_scratch_table_like_the_source() -> None:
    assert compiled(CreateScratchTableLike("Scratch Twin", AD_COUNTER)) == (
        f'CREATE TEMPORARY TABLE "Scratch Twin" (LIKE {SCHEMA_AND_TABLE})'
    )


def test_scratch_table_beside_the_source_for_a_role_without_temporary() -> None:
    assert compiled(CreateScratchTableLike("Scratch Twin", AD_COUNTER, "My Schema")) == (
        f'CREATE TABLE "My Schema"."Scratch Twin" (LIKE {SCHEMA_AND_TABLE})'
    )


def test_temporary_table_as_select_renders_literal_values() -> None:
    query = sa.select(AD_COUNTER.c["Ad Id"]).where(AD_COUNTER.c.hits > 5)
    assert compiled(CreateTemporaryTableAs("Dup Keys", query)) == (
        'CREATE TEMPORARY TABLE "Dup Keys" AS SELECT "My Schema"."Ad Counter"."Ad Id" \n'
        'FROM "My Schema"."Ad Counter" \n'
        'WHERE "My Schema"."Ad Counter".hits > 5'
    )


def test_add_unique_on_partitioned_parent_names_every_clause() -> None:
    element = AddUniqueConstraintOnPartitioned(
        AD_COUNTER,
        "Uq Ad Day",
        ["Ad Id", "day"],
        include=["hits", "Extra Col"],
        nulls_not_distinct=True,
        deferrable=True,
        initially="IMMEDIATE",
    )
    assert compiled(element) == (
        f'ALTER TABLE {SCHEMA_AND_TABLE} ADD CONSTRAINT "Uq Ad Day" UNIQUE NULLS NOT DISTINCT '
        '("Ad Id", day) INCLUDE (hits, "Extra Col") DEFERRABLE INITIALLY IMMEDIATE'
    )


def test_add_unique_on_partitioned_parent_plain() -> None:
    element = AddUniqueConstraintOnPartitioned(table("events", "id", "day"), "uq", ["id", "day"])
    assert compiled(element) == "ALTER TABLE events ADD CONSTRAINT uq UNIQUE (id, day)"


def test_create_index_on_only_the_parent() -> None:
    parent = table("Events", "Tenant", "day", schema="Ledger")
    index = sa.Index("Uq Events", parent.c.Tenant, parent.c.day, unique=True)
    assert compiled(CreateIndexOnOnly(index)) == (
        'CREATE UNIQUE INDEX "Uq Events" ON ONLY "Ledger"."Events" ("Tenant", day)'
    )
    plain = sa.Index("ix_day", parent.c.day)
    assert (
        compiled(CreateIndexOnOnly(plain)) == 'CREATE INDEX ix_day ON ONLY "Ledger"."Events" (day)'
    )


def test_attach_index_partition_qualifies_both_sides() -> None:
    element = AttachIndexPartition(("Ledger", "Uq Events"), (None, "events_2024_Uq"))
    assert compiled(element) == (
        'ALTER INDEX "Ledger"."Uq Events" ATTACH PARTITION "events_2024_Uq"'
    )


def test_table_stub_and_unique_constraint_compile_as_sqlalchemy_would() -> None:
    stub = table_stub("Ad Counter", "My Schema", ("Ad Id",))
    assert stub.fullname == "My Schema.Ad Counter"
    assert list(stub.c.keys()) == ["Ad Id"]
    constraint = unique_constraint("Uq X", "Ad Counter", ("Ad Id", "day"), "My Schema")
    assert compiled(sa.schema.AddConstraint(constraint)) == (
        f'ALTER TABLE {SCHEMA_AND_TABLE} ADD CONSTRAINT "Uq X" UNIQUE ("Ad Id", day)'
    )
