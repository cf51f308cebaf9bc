"""The lint rules: a stable id, a name, why the pattern locks, and the safe replacement.

Ids never change meaning once released; names are what suppressions and config may use too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    why: str
    fix: str
    blocking: bool = True
    """A finding of a blocking rule makes ``lint`` exit 1; the others are notices."""


UNIQUE_CONSTRAINT = Rule(
    "ASU001",
    "unique-constraint-locks-table",
    "ALTER TABLE ... ADD CONSTRAINT ... UNIQUE builds the unique index while holding ACCESS "
    "EXCLUSIVE on the table: every read and write waits for the whole build.",
    "op.create_unique_constraint_concurrently(name, table, columns): CREATE UNIQUE INDEX "
    "CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX under a short lock_timeout.",
)
INDEX_NOT_CONCURRENT = Rule(
    "ASU002",
    "index-not-concurrent",
    "CREATE INDEX without CONCURRENTLY holds a SHARE lock for the whole build: every write "
    "to the table waits until the index is built.",
    "op.create_index_concurrently(name, table, columns, unique=...) inside "
    "`with op.get_context().autocommit_block():`.",
)
CONCURRENT_IN_TRANSACTION = Rule(
    "ASU003",
    "concurrently-inside-transaction",
    "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block: the migration "
    "fails with 'cannot run inside a transaction block' (SQLSTATE 25001).",
    "Move it under `with op.get_context().autocommit_block():`, or use "
    "op.create_index_concurrently / op.drop_index_concurrently, which leave the transaction.",
)
DROP_INDEX_NOT_CONCURRENT = Rule(
    "ASU004",
    "drop-index-not-concurrent",
    "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table; while it waits for "
    "that lock, with no lock_timeout, every later query on the table queues behind it.",
    "op.drop_index_concurrently(name, table) inside `with op.get_context().autocommit_block():`, "
    "or op.set_local_timeouts(lock_timeout_ms=...) earlier in the same transaction.",
)
UNIQUE_COLUMN = Rule(
    "ASU005",
    "unique-column-locks-table",
    "ADD COLUMN with unique=True adds the column and builds its unique index in one ACCESS "
    "EXCLUSIVE lock: reads and writes wait for the whole build.",
    "op.add_column(...) without unique=True, then "
    "op.create_unique_constraint_concurrently(name, table, [column]) in a later revision "
    "(what `alembic revision --autogenerate` writes with the rewriter).",
)
UNBOUNDED_DROP_CONSTRAINT = Rule(
    "ASU006",
    "drop-constraint-without-lock-timeout",
    "DROP CONSTRAINT is quick once it holds ACCESS EXCLUSIVE, but with no lock_timeout it "
    "can wait behind a long transaction while every later query on the table queues behind it.",
    "op.drop_unique_constraint(name, table, columns) (short lock_timeout, retried), or "
    "op.set_local_timeouts(lock_timeout_ms=...) earlier in the same transaction.",
)
PRIMARY_KEY = Rule(
    "ASU007",
    "primary-key-locks-table",
    "ALTER TABLE ... ADD PRIMARY KEY builds the index while holding ACCESS EXCLUSIVE on the "
    "table, and on nullable columns also scans it to set NOT NULL: every read and write waits "
    "for both.",
    "op.create_primary_key_concurrently(name, table, columns): NOT NULL through a validated "
    "NOT VALID check, CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX under "
    "a short lock_timeout.",
)
NOT_ANALYSED = Rule(
    "ASU900",
    "sql-not-analysed",
    "This SQL could not be read, so lint cannot tell whether it locks a table.",
    "Install the parser (the package's `lint` extra: pglast), pass SQL as a literal "
    "string, or review the statement by hand and suppress this notice.",
    blocking=False,
)
NOT_READ = Rule(
    "ASU901",
    "revision-not-fully-read",
    "Lint reads a revision by running upgrade()/downgrade() against a recorder; code that "
    "needs a live database stopped it, so the operations after that line were not checked.",
    "Review the rest of the function by hand, or move data work into a revision of its own.",
    blocking=False,
)

STOOD_IN = Rule(
    "ASU902",
    "imports-stood-in",
    "This revision imports modules that are not installed where lint ran (the application's "
    "packages, libraries of its own); lint stood in for them to read the file, so an op "
    "whose arguments come from them is read with stand-in values.",
    "Run lint where the application's dependencies are installed to read those values, or "
    "review the ops that use them by hand.",
    blocking=False,
)

UNKNOWN_OP = Rule(
    "ASU903",
    "unknown-op",
    "The revision calls an op lint does not know: one registered by env.py or by a library "
    "lint did not import. What it does was not checked; the ops after it were.",
    "Name the module that registers it under plugins in [tool.alembic-safe-unique.lint] "
    "(lint imports it first and reads the op's SQL), or review the call by hand.",
    blocking=False,
)

RULES: tuple[Rule, ...] = (
    UNIQUE_CONSTRAINT,
    INDEX_NOT_CONCURRENT,
    CONCURRENT_IN_TRANSACTION,
    DROP_INDEX_NOT_CONCURRENT,
    UNIQUE_COLUMN,
    UNBOUNDED_DROP_CONSTRAINT,
    PRIMARY_KEY,
    NOT_ANALYSED,
    NOT_READ,
    STOOD_IN,
    UNKNOWN_OP,
)


def find_rule(reference: str) -> Rule | None:
    """The rule with this id or name (any case)."""
    wanted = reference.strip().lower()
    return next((rule for rule in RULES if wanted in (rule.id.lower(), rule.name)), None)


Hit = tuple[Rule, str]
"""A rule a statement breaks, with the words that say where."""
