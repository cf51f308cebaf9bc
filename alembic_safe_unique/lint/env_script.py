"""What a project's env.py sets for the whole run, read from its source: never run.

A project that bounds every lock wait in env.py (``SET lock_timeout = '2s'`` on the
connection, ``context.execute(...)``, or ``-c lock_timeout=...`` in the driver's
``options``) has a lock_timeout in force in every revision. Lint reads env.py with Python's
``ast`` and the SQL strings it executes with PostgreSQL's parser (pglast), and nothing else:
env.py imports the application and connects, which lint must not do.
"""

from __future__ import annotations

import ast
import shlex
from pathlib import Path
from typing import Any

_EXECUTES = {"execute", "exec_driver_sql"}


def sets_session_lock_timeout(env_py: Path) -> bool:
    """env.py sets a non-zero session ``lock_timeout`` somewhere on its way to the migrations."""
    try:
        tree = ast.parse(env_py.read_text(), str(env_py))
    except (OSError, SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node) in _EXECUTES:
            if any(_sql_sets_lock_timeout(text) for text in _strings(node.args)):
                return True
        elif isinstance(node, ast.keyword) and node.arg == "options":
            if any(_options_set_lock_timeout(text) for text in _strings([node.value])):
                return True
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if _constant(key) == "options" and any(
                    _options_set_lock_timeout(text) for text in _strings([value])
                ):
                    return True
    return False


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else None


def _constant(node: ast.AST | None) -> Any:
    return node.value if isinstance(node, ast.Constant) else None


def _strings(nodes: list[ast.expr]) -> list[str]:
    """The string literals inside ``nodes`` (``text("...")`` included)."""
    return [
        inner.value
        for node in nodes
        for inner in ast.walk(node)
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str)
    ]


def _sql_sets_lock_timeout(sql: str) -> bool:
    try:
        import pglast
        from pglast import ast as sql_ast
        from pglast import enums
    except ImportError:  # without the parser, env.py's SQL is not read
        return False
    try:
        statements = pglast.parse_sql(sql)
    except pglast.parser.ParseError:
        return False
    for raw in statements:
        statement = raw.stmt
        if (
            isinstance(statement, sql_ast.VariableSetStmt)
            and statement.name == "lock_timeout"
            and not statement.is_local
            and statement.kind == enums.VariableSetKind.VAR_SET_VALUE
            and not _is_zero(statement.args)
        ):
            return True
    return False


def _is_zero(args: Any) -> bool:
    """``lock_timeout = 0`` waits forever: no bound."""
    for arg in args or ():
        constant = getattr(arg, "val", None)
        value = getattr(constant, "ival", getattr(constant, "sval", None))
        if str(value).strip() in ("0", "0ms", "0s"):
            return True
    return False


def _options_set_lock_timeout(options: str) -> bool:
    """libpq's ``options`` (``-c lock_timeout=2s``, ``--lock_timeout=2s``) sets it."""
    try:
        words = shlex.split(options)
    except ValueError:
        return False
    settings = []
    for index, word in enumerate(words):
        if word == "-c" and index + 1 < len(words):
            settings.append(words[index + 1])
        elif word.startswith("-c") or word.startswith("--"):
            settings.append(word[2:])
    for setting in settings:
        name, _equals, value = setting.partition("=")
        if name.strip().replace("-", "_") == "lock_timeout" and value.strip() not in ("", "0"):
            return True
    return False
