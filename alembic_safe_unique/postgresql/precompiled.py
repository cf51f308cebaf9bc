"""Statements compiled once per process rather than once per engine.

SQLAlchemy keeps a statement's compiled form per engine, and env.py makes a new engine on
every run: a test suite applying revisions in-process would compile the same session and
coordination statements again for every op (0.2 to 0.9 ms each, more than the round trip).
These statements are still built with SQLAlchemy; they are compiled once for PostgreSQL with
named parameters, and each engine gets them as text, which costs next to nothing to compile.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql.base import PGDialect

# PostgreSQL without a driver: no driver's placeholders or casts, so the text suits them all.
_DIALECT = PGDialect(paramstyle="named")  # type: ignore[no-untyped-call]


def precompiled(statement: Any) -> Any:
    """``statement`` as text for every PostgreSQL driver, its literal values already bound.

    Parameters declared with ``sa.bindparam(name)`` and no value are given at execution. If
    the text would not read back as the same statement (a quoted name holding ``:`` or
    ``\\``, which text reads as a parameter or an escape), the statement itself is returned:
    it then compiles per engine as usual. Cache the result: compiling is the cost it avoids.
    """
    compiled = statement.compile(dialect=_DIALECT)
    sql = str(compiled)
    text = sa.text(sql)
    if "\\" in sql or set(text.compile().binds) != set(compiled.params):
        return statement
    required = {name for name, bind in compiled.binds.items() if bind.required}
    values = {name: value for name, value in compiled.params.items() if name not in required}
    return text.bindparams(**values)
