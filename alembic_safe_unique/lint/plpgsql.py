"""The SQL inside a ``DO $$ ... $$`` block, read with PostgreSQL's PL/pgSQL parser (pglast).

PostgreSQL's own parser sees a DO block as one statement holding its body as a string; the
statements that lock tables (``ALTER TABLE ... ADD CONSTRAINT ... UNIQUE`` behind an ``IF NOT
EXISTS``, say) are in that string. ``pglast.parse_plpgsql`` reads the body into PL/pgSQL's
tree, whose embedded SQL statements are plain text again, for the SQL rules to read. Both
branches of an ``IF`` are read: either may run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class BlockStatements:
    statements: list[str] = field(default_factory=list)
    """The SQL statements the block runs, in order (``EXECUTE 'literal'`` included)."""
    unread: list[str] = field(default_factory=list)
    """Why a part of the block could not be read (SQL built at run time)."""


_DYNAMIC = {
    "PLpgSQL_stmt_dynexecute": "EXECUTE",
    "PLpgSQL_stmt_dynfors": "FOR ... IN EXECUTE",
}


def read_do_block(pglast: Any, sql: str) -> BlockStatements:
    """The statements of the DO block ``sql``; raises pglast's ParseError if it is not PL/pgSQL."""
    found = BlockStatements()
    _walk(pglast, pglast.parse_plpgsql(sql), found)
    return found


def _walk(pglast: Any, node: Any, found: BlockStatements) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(pglast, item, found)
        return
    if not isinstance(node, dict):
        return
    for kind, value in node.items():
        if kind == "PLpgSQL_stmt_execsql":
            found.statements.append(_query(value.get("sqlstmt")))
        elif kind in _DYNAMIC:
            _dynamic(pglast, _DYNAMIC[kind], _query(value.get("query")), found)
        else:
            _walk(pglast, value, found)


def _query(expression: Any) -> str:
    inner = expression.get("PLpgSQL_expr", {}) if isinstance(expression, dict) else {}
    return str(inner.get("query", ""))


def _dynamic(pglast: Any, kind: str, expression: str, found: BlockStatements) -> None:
    """``EXECUTE 'ALTER TABLE ...'`` with a string literal is read; anything built is not."""
    try:
        (raw,) = pglast.parse_sql(f"SELECT {expression}")
        (target,) = raw.stmt.targetList
        literal = target.val.val.sval
    except Exception:  # any other shape is SQL built at run time
        found.unread.append(f"{kind} {expression} builds its SQL at run time")
        return
    found.statements.append(str(literal))
