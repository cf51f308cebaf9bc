"""Reading ``op.*`` calls in a revision's syntax tree: what each call is, what it may change."""

from __future__ import annotations

import re

import libcst as cst

PLAIN_TO_SAFE = {
    "create_unique_constraint": "create_unique_constraint_concurrently",
    "create_primary_key": "create_primary_key_concurrently",
    "create_index": "create_index_concurrently",
    "drop_index": "drop_index_concurrently",
}
NEEDS_BLOCK = {"create_index", "drop_index"}
CONSTRAINT_CREATES = {"create_unique_constraint": "unique", "create_primary_key": "primary"}
CONSTRAINT_OPS = {
    **CONSTRAINT_CREATES,
    "create_unique_constraint_concurrently": "unique",
    "replace_unique_constraint": "unique",
    "create_primary_key_concurrently": "primary",
}
"""Ops that leave a constraint of this kind in place (plain or safe), by name."""
CONSTRAINT_DROPS = {"drop_unique_constraint": "unique", "drop_primary_key_concurrently": "primary"}
SAFE_DROPS = {"unique": "drop_unique_constraint", "primary": "drop_primary_key_concurrently"}
COMMITTING_OPS = {
    "create_unique_constraint_concurrently",
    "drop_unique_constraint",
    "replace_unique_constraint",
    "attach_unique_constraint",
    "detach_unique_constraint",
    "create_index_concurrently",
    "drop_index_concurrently",
    "deduplicate_rows",
    "create_primary_key_concurrently",
    "drop_primary_key_concurrently",
}
"""The package's ops that leave Alembic's transaction (committing what ran before them)."""

# Keywords the safe op takes as well: anything else and the call is left for a person.
_KNOWN_KEYWORDS = {
    "create_unique_constraint": {
        "schema",
        "deferrable",
        "initially",
        "postgresql_nulls_not_distinct",
        "postgresql_include",
    },
    "create_primary_key": {"schema"},
    "create_index": {"schema", "unique", "table_name", "index_name", "columns"},
    "drop_index": {"schema", "table_name", "index_name"},
    "drop_constraint": {"schema", "type_"},
}
DIALECT_PREFIX = "postgresql_"
"""``create_index`` passes these on; ``drop_index`` has no use for them (DROP INDEX is the same)."""

# Calls that read or build but change nothing in the database.
_READERS = {
    "f",
    "get_bind",
    "get_context",
    "is_offline_mode",
    "get_x_argument",
    "get_main_option",
    "get_section_option",
    "inline_literal",
}
_BUILDER_MODULES = {"sa", "sqlalchemy", "postgresql", "warnings", "logging", "log", "logger"}
_BUILTINS = {
    "print",
    "len",
    "range",
    "list",
    "tuple",
    "dict",
    "set",
    "str",
    "int",
    "sorted",
    "enumerate",
    "zip",
    "isinstance",
    # SQLAlchemy's builders, imported by name
    "text",
    "table",
    "column",
}
_COMMIT = re.compile(r"\s*(COMMIT|END)(\s+(WORK|TRANSACTION))?\s*;?\s*$", re.IGNORECASE)
_SET_LOCAL = re.compile(r"\s*SET\s+LOCAL\s", re.IGNORECASE)
_SET_SESSION = re.compile(
    r"\s*(SET\s+(SESSION\s+)?(?!TRANSACTION|CONSTRAINTS|LOCAL)\w|RESET\s)", re.I
)


def code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def op_method(node: cst.BaseExpression) -> str | None:
    """``name`` for a call ``op.name(...)``."""
    if not isinstance(node, cst.Call):
        return None
    func = node.func
    if (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "op"
    ):
        return func.attr.value
    return None


def keyword(call: cst.Call, name: str) -> cst.Arg | None:
    return next((arg for arg in call.args if arg.keyword and arg.keyword.value == name), None)


def positional(call: cst.Call) -> list[cst.Arg]:
    return [arg for arg in call.args if arg.keyword is None]


def string_value(node: cst.BaseExpression) -> str | None:
    """The text of a plain string literal (``"x"``, ``'x'``), else ``None``."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def literal_names(node: cst.BaseExpression) -> bool:
    """A list or tuple of string literals: columns that can be copied to another function."""
    return isinstance(node, (cst.List, cst.Tuple)) and all(
        isinstance(element, cst.Element) and string_value(element.value) is not None
        for element in node.elements
    )


def constraint_type(call: cst.Call) -> str | None:
    """``type_="unique"`` of a ``drop_constraint`` call, as written (a literal), else ``None``."""
    found = keyword(call, "type_")
    return None if found is None else string_value(found.value)


def _same(node: cst.BaseExpression) -> str:
    """What an argument stands for: a string's value (any quotes), else its code."""
    value = string_value(node)
    return repr(value) if value is not None else code(node)


def constraint_key(call: cst.Call) -> tuple[str, str, str] | None:
    """(name, table, schema) of a constraint op as written: which constraint it is about."""
    args = positional(call)
    if len(args) < 2:
        return None
    schema = keyword(call, "schema")
    return _same(args[0].value), _same(args[1].value), "" if schema is None else _same(schema.value)


def not_rewritable(call: cst.Call, method: str) -> str | None:
    """Why the call cannot become the safe op with the same arguments (``None``: it can)."""
    args = positional(call)
    if any(arg.star for arg in call.args):
        return "it passes *args or **kwargs, which --fix cannot see into"
    most = 2 if method in ("drop_index", "drop_constraint") else 3
    if len(args) > most:
        return "it passes options by position, which the safe op takes by keyword only"
    named = bool(args) and code(args[0].value) != "None"
    if (method in CONSTRAINT_CREATES or method == "drop_constraint") and not named:
        return (
            "the constraint has no name (PostgreSQL would pick it): name it, then run --fix again"
        )
    if method in CONSTRAINT_CREATES and len(args) < 3:
        return "its columns are not the third positional argument"
    for arg in call.args:
        if arg.keyword is None:
            continue
        name = arg.keyword.value
        if name in _KNOWN_KEYWORDS[method]:
            continue
        dialect = name.startswith(DIALECT_PREFIX) and name != "postgresql_concurrently"
        if dialect and method in ("create_index", "drop_index"):
            continue
        safe = PLAIN_TO_SAFE.get(method, "drop_unique_constraint")
        return f"op.{safe} takes no {name}="
    return None


def is_autocommit_block(node: cst.With) -> bool:
    return any(
        isinstance(item.item, cst.Call)
        and isinstance(item.item.func, cst.Attribute)
        and item.item.func.attr.value == "autocommit_block"
        for item in node.items
    )


class _Calls(cst.CSTVisitor):
    def __init__(self) -> None:
        self.calls: list[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False  # a lambda's body runs when it is called, not here


def calls_in(node: cst.CSTNode) -> list[cst.Call]:
    visitor = _Calls()
    node.visit(visitor)
    return visitor.calls


def _is_harmless_call(call: cst.Call) -> bool:
    func = call.func
    if isinstance(func, cst.Name):
        return func.value in _BUILTINS
    if not isinstance(func, cst.Attribute):
        return False
    if func.attr.value in _READERS:
        return True
    root: cst.BaseExpression = func
    while isinstance(root, cst.Attribute):
        root = root.value
    execute = func.attr.value in ("execute", "exec_driver_sql")
    return isinstance(root, cst.Name) and root.value in _BUILDER_MODULES and not execute


def sql_of_execute(call: cst.Call) -> str | None:
    """The SQL of ``op.execute("...")`` or ``op.execute(sa.text("..."))``, if a literal."""
    if op_method(call) != "execute" or len(call.args) != 1 or call.args[0].keyword:
        return None
    value = call.args[0].value
    if isinstance(value, cst.Call) and len(value.args) == 1:
        func = value.func
        name = func.attr.value if isinstance(func, cst.Attribute) else code(func)
        if name != "text":
            return None
        value = value.args[0].value
    return string_value(value)


def is_set_local(node: cst.BaseSmallStatement) -> bool:
    """``op.execute("SET LOCAL ...")`` or ``op.set_local_timeouts(...)``: lasts until a commit."""
    if not isinstance(node, cst.Expr) or not isinstance(node.value, cst.Call):
        return False
    call = node.value
    if op_method(call) == "set_local_timeouts":
        return True
    sql = sql_of_execute(call)
    return sql is not None and _one_statement(sql) and _SET_LOCAL.match(sql) is not None


def is_commit(node: cst.BaseSmallStatement) -> bool:
    """``op.execute("COMMIT")``: the revision ends Alembic's transaction by hand here."""
    if not isinstance(node, cst.Expr) or not isinstance(node.value, cst.Call):
        return False
    sql = sql_of_execute(node.value)
    return sql is not None and _COMMIT.match(sql) is not None


def _one_statement(sql: str) -> bool:
    return ";" not in sql.strip().rstrip(";")


def changes_nothing(node: cst.CSTNode) -> bool:
    """Code whose calls only read or build (``op.f``, ``sa.Column``), or a session ``SET``."""
    for call in calls_in(node):
        sql = sql_of_execute(call)
        if sql is not None and _one_statement(sql) and _SET_SESSION.match(sql):
            continue
        if not _is_harmless_call(call):
            return False
    return True
