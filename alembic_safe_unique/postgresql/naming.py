"""The name PostgreSQL gives an unnamed unique constraint, worked out before it exists.

Autogenerate sees ``UniqueConstraint("a", "b")`` with no name and no naming convention; the
revisions it writes must still name the index they build, the constraint they attach and the
constraint a downgrade drops. PostgreSQL's rule (``ChooseRelationName`` in its source):
``<table>_<col>_<col>_key``, the table and column parts shortened, longer one first, to fit
63 bytes, then ``key1``, ``key2``... while the name is taken by a relation or a constraint in
the schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql.elements import conv

from alembic_safe_unique.util.alembic_internals import constraint_final_name

POSTGRES_MAX_IDENTIFIER_BYTES = 63
NAMEDATALEN = POSTGRES_MAX_IDENTIFIER_BYTES + 1


def _clip(text: bytes, length: int) -> bytes:
    """At most ``length`` bytes of UTF-8 ``text``, never half a character."""
    return text[:length].decode("utf-8", errors="ignore").encode("utf-8")


def make_object_name(table: str, addition: str, label: str) -> str:
    """PostgreSQL's ``makeObjectName``: ``table_addition_label`` shortened to 63 bytes."""
    name1 = table.encode("utf-8")
    name2 = addition.encode("utf-8")
    suffix = label.encode("utf-8")
    overhead = len(suffix) + 1 + (1 if name2 else 0)
    available = NAMEDATALEN - 1 - overhead
    keep1, keep2 = len(name1), len(name2)
    while keep1 + keep2 > available:
        if keep1 > keep2:
            keep1 -= 1
        else:
            keep2 -= 1
    parts = [_clip(name1, keep1)]
    if name2:
        parts.append(_clip(name2, keep2))
    parts.append(suffix)
    return b"_".join(parts).decode("utf-8")


def column_addition(columns: Sequence[str]) -> str:
    """PostgreSQL's ``ChooseIndexNameAddition``: column names joined by ``_``, stopped when long."""
    buffer = b""
    for column in columns:
        if buffer:
            buffer += b"_"
        buffer += column.encode("utf-8")
        if len(buffer) >= NAMEDATALEN:
            break
    return buffer.decode("utf-8")


def default_unique_name(
    table: str, columns: Sequence[str], is_taken: Callable[[str], bool] = lambda name: False
) -> str:
    """The name ``ALTER TABLE table ADD UNIQUE (columns)`` would give its constraint."""
    addition = column_addition(columns)
    label = "key"
    attempt = 0
    while True:
        name = make_object_name(table, addition, label)
        if not is_taken(name):
            return name
        attempt += 1
        label = "key%d" % attempt


def convention_unique_name(
    naming_convention: Mapping[Any, str], table: str, columns: Sequence[str], schema: str | None
) -> str | None:
    """The name a MetaData naming convention gives an unnamed unique, or ``None`` if it has none.

    SQLAlchemy applies the convention when the constraint joins its table, so the name comes
    from SQLAlchemy itself, exactly as the models' constraints were named.
    """
    template = naming_convention.get("uq") or naming_convention.get(sa.UniqueConstraint)
    if not template or "%(constraint_name)s" in template:
        return None
    metadata = sa.MetaData(naming_convention=dict(naming_convention))
    table_object = sa.Table(
        table, metadata, *(sa.Column(name, sa.types.NULLTYPE) for name in columns), schema=schema
    )
    constraint = sa.UniqueConstraint(*columns)
    table_object.append_constraint(constraint)
    return None if constraint.name is None else str(final_name(constraint))


def final_name(constraint: sa.UniqueConstraint) -> str | None:
    """The name PostgreSQL will hold for ``constraint``: SQLAlchemy cuts a naming convention's
    name longer than 63 characters to 55 plus a hash suffix (``uq_..._41ca``), exactly as
    ``create_all`` and Alembic's own ops name it; any other name is kept as given.
    """
    name = constraint.name
    if not isinstance(name, conv):
        return None if name is None else str(name)
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call,unused-ignore]
    final = constraint_final_name(constraint, dialect)
    return None if final is None else conv(final)  # type: ignore[no-untyped-call,unused-ignore]
