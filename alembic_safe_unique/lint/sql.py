"""Raw SQL read with PostgreSQL's own parser (pglast wraps libpg_query), never with patterns.

pglast is optional (the ``lint`` extra): without it raw SQL is reported as not analysed.
"""

from __future__ import annotations

from typing import Any

from .plpgsql import read_do_block
from .rules import (
    CONCURRENT_IN_TRANSACTION,
    DROP_INDEX_NOT_CONCURRENT,
    INDEX_NOT_CONCURRENT,
    NOT_ANALYSED,
    PRIMARY_KEY,
    UNBOUNDED_DROP_CONSTRAINT,
    UNIQUE_COLUMN,
    UNIQUE_CONSTRAINT,
    Hit,
)
from .state import TableKey, WalkState, table_key

try:
    import pglast
    from pglast import ast, enums
except ImportError:  # the lint extra is not installed
    PARSER: Any = None
else:
    PARSER = pglast


def parser_available() -> bool:
    return PARSER is not None


def _shown(sql: str) -> str:
    one_line = " ".join(sql.split())
    return one_line if len(one_line) <= 80 else one_line[:77] + "..."


def _table(relation: Any) -> TableKey:
    return table_key(relation.relname, relation.schemaname)


def _name(key: TableKey) -> str:
    return key[1] if key[0] is None else f"{key[0]}.{key[1]}"


def analyse(sql: str, state: WalkState) -> list[Hit]:
    """The locking patterns in ``sql``, updating ``state`` as the statements run in order."""
    if PARSER is None:
        return [
            (
                NOT_ANALYSED,
                f"raw SQL not analysed ({_shown(sql)!r}): the PostgreSQL parser is not "
                "installed; install the package with its `lint` extra (pglast)",
            )
        ]
    try:
        statements = PARSER.parse_sql(sql)
    except PARSER.parser.ParseError as error:
        return [(NOT_ANALYSED, f"raw SQL not analysed ({_shown(sql)!r}): {error}")]
    hits: list[Hit] = []
    for raw in statements:
        if isinstance(raw.stmt, ast.DoStmt):
            text = sql[raw.stmt_location :][: raw.stmt_len or None]
            hits.extend(_do_block(raw.stmt, text, state))
        else:
            hits.extend(_statement(raw.stmt, state))
    return hits


def _do_block(statement: Any, sql: str, state: WalkState) -> list[Hit]:
    """A ``DO`` block: its body's SQL statements, read as they would run."""
    language = next(
        (item.arg.sval for item in statement.args or () if item.defname == "language"), "plpgsql"
    )
    if language.lower() != "plpgsql":
        return [(NOT_ANALYSED, f"DO block in {language} not read ({_shown(sql)!r})")]
    try:
        block = read_do_block(PARSER, sql)
    except PARSER.parser.ParseError as error:
        return [(NOT_ANALYSED, f"DO block not read ({_shown(sql)!r}): {error}")]
    hits: list[Hit] = [
        (NOT_ANALYSED, f"DO block partly read ({_shown(sql)!r}): {reason}")
        for reason in block.unread
    ]
    for inner in block.statements:
        hits.extend(analyse(inner, state))
    return hits


_ENDS_TRANSACTION = {"TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK"}
_STARTS_TRANSACTION = {"TRANS_STMT_BEGIN", "TRANS_STMT_START"}


def _statement(statement: Any, state: WalkState) -> list[Hit]:
    if isinstance(statement, ast.TransactionStmt) and statement.kind is not None:
        kind = enums.TransactionStmtKind(statement.kind).name
        if kind in _ENDS_TRANSACTION | _STARTS_TRANSACTION:
            state.transaction_ended(kind in _ENDS_TRANSACTION)
    elif isinstance(statement, ast.CreateStmt):
        state.created.add(_table(statement.relation))
    elif isinstance(statement, ast.VariableSetStmt) and statement.name == "lock_timeout":
        is_reset = statement.kind != enums.VariableSetKind.VAR_SET_VALUE
        if statement.is_local:
            state.local_lock_timeout = not is_reset
        else:
            state.session_lock_timeout = not is_reset
    elif isinstance(statement, ast.IndexStmt):
        return _create_index(statement, state)
    elif (
        isinstance(statement, ast.DropStmt)
        and statement.removeType == enums.ObjectType.OBJECT_INDEX
    ):
        return _drop_index(statement, state)
    elif isinstance(statement, ast.AlterTableStmt):
        return _alter_table(statement, state)
    return []


def _create_index(statement: Any, state: WalkState) -> list[Hit]:
    table = _table(statement.relation)
    kind = "CREATE UNIQUE INDEX" if statement.unique else "CREATE INDEX"
    if statement.concurrent:
        if not state.in_autocommit_block:
            return [(CONCURRENT_IN_TRANSACTION, f"{kind} CONCURRENTLY outside an autocommit block")]
        return []
    if table in state.created:
        return []
    return [
        (
            INDEX_NOT_CONCURRENT,
            _words(kind, statement.idxname, "on", _name(table), "without CONCURRENTLY"),
        )
    ]


def _drop_index(statement: Any, state: WalkState) -> list[Hit]:
    names = ", ".join(".".join(part.sval for part in name) for name in statement.objects)
    if statement.concurrent:
        if not state.in_autocommit_block:
            return [
                (
                    CONCURRENT_IN_TRANSACTION,
                    f"DROP INDEX CONCURRENTLY {names} outside an autocommit block",
                )
            ]
        return []
    if state.lock_bounded:  # quick once it holds the lock: lock_timeout bounds the queue
        return []
    return [
        (DROP_INDEX_NOT_CONCURRENT, f"DROP INDEX {names} without CONCURRENTLY or a lock_timeout")
    ]


def _alter_table(statement: Any, state: WalkState) -> list[Hit]:
    table = _table(statement.relation)
    hits: list[Hit] = []
    for command in statement.cmds or ():
        definition = command.def_
        if command.subtype == enums.AlterTableType.AT_AddConstraint:
            if table in state.created:
                continue
            if _builds_primary_key(definition):
                hits.append(
                    (
                        PRIMARY_KEY,
                        _words(
                            "ALTER TABLE",
                            _name(table),
                            "ADD CONSTRAINT",
                            definition.conname,
                            "PRIMARY KEY",
                        ),
                    )
                )
                continue
            if not _builds_unique(definition):
                continue
            hits.append(
                (
                    UNIQUE_CONSTRAINT,
                    _words(
                        "ALTER TABLE", _name(table), "ADD CONSTRAINT", definition.conname, "UNIQUE"
                    ),
                )
            )
        elif command.subtype == enums.AlterTableType.AT_AddColumn:
            if table in state.created:
                continue
            if any(_builds_unique(c) for c in definition.constraints or ()):
                hits.append(
                    (
                        UNIQUE_COLUMN,
                        f"ALTER TABLE {_name(table)} ADD COLUMN {definition.colname} ... UNIQUE",
                    )
                )
        elif (
            command.subtype == enums.AlterTableType.AT_DropConstraint
            and not state.lock_bounded
            and table not in state.created
        ):
            hits.append(
                (
                    UNBOUNDED_DROP_CONSTRAINT,
                    f"ALTER TABLE {_name(table)} DROP "
                    f"CONSTRAINT {command.name} with no lock_timeout set",
                )
            )
    return hits


def _words(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)


def _builds_primary_key(constraint: Any) -> bool:
    """A PRIMARY KEY that builds its own index (``USING INDEX`` only attaches one)."""
    return (
        isinstance(constraint, ast.Constraint)
        and constraint.contype == enums.ConstrType.CONSTR_PRIMARY
        and not constraint.indexname
    )


def _builds_unique(constraint: Any) -> bool:
    """A UNIQUE constraint that builds its own index (``USING INDEX`` only attaches one)."""
    return (
        isinstance(constraint, ast.Constraint)
        and constraint.contype == enums.ConstrType.CONSTR_UNIQUE
        and not constraint.indexname
    )
