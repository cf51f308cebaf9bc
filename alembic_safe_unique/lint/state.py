"""What lint knows while it walks a revision: tables that are new, and the lock bound in force."""

from __future__ import annotations

from dataclasses import dataclass, field

TableKey = tuple["str | None", str]

DEFAULT_SCHEMA = "public"
"""Where PostgreSQL puts a table named without a schema (the default ``search_path``)."""


def table_key(table_name: str, schema: str | None) -> TableKey:
    """One key for one table: ``public.widgets``, ``schema="public"`` and ``widgets`` are the
    same table under the default ``search_path``."""
    return (None if schema == DEFAULT_SCHEMA else schema, table_name)


@dataclass
class WalkState:
    created: set[TableKey] = field(default_factory=set)
    """Tables created earlier in the linted range (or this function): no rows to protect.
    Keys come from ``table_key``."""
    local_lock_timeout: bool = False
    """``SET LOCAL lock_timeout`` in the current transaction (lost at an autocommit block)."""
    session_lock_timeout: bool = False
    """``SET lock_timeout`` for the session: holds until reset (env.py may set it for the run)."""
    in_autocommit_block: bool = False
    outside_transaction: bool = False
    """A raw ``COMMIT`` ended Alembic's transaction (a common idiom before a concurrent build):
    what follows runs outside one until a raw ``BEGIN``."""
    dropped: set[TableKey] = field(default_factory=set)
    """Tables the function drops: locking one on the way out costs what the drop costs."""

    def create(self, table_name: str, schema: str | None) -> None:
        self.created.add(table_key(table_name, schema))

    def is_new(self, table_name: str | None, schema: str | None) -> bool:
        return table_name is not None and table_key(table_name, schema) in self.created

    def is_dropped(self, table_name: str | None, schema: str | None) -> bool:
        return table_name is not None and table_key(table_name, schema) in self.dropped

    @property
    def lock_bounded(self) -> bool:
        return self.session_lock_timeout or (
            self.local_lock_timeout and not self.in_autocommit_block
        )

    def enter(self, in_autocommit_block: bool) -> None:
        """Each statement in an autocommit block is its own transaction: SET LOCAL is gone."""
        if in_autocommit_block:
            self.local_lock_timeout = False
        self.in_autocommit_block = in_autocommit_block or self.outside_transaction

    def transaction_ended(self, ended: bool) -> None:
        """A raw ``COMMIT``/``ROLLBACK`` (``ended``) or ``BEGIN`` ran."""
        self.outside_transaction = ended
        self.in_autocommit_block = ended or self.in_autocommit_block
        self.local_lock_timeout = False
