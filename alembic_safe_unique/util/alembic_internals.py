"""Every private Alembic and SQLAlchemy API the package touches, each behind one name, with why.

Nothing else in the package reaches for an underscore name of Alembic or SQLAlchemy: it asks
here. ``tests/unit/util/test_alembic_internals.py`` checks each entry against the installed
versions, so an upgrade that moves one fails that test by name instead of a migration at run
time. The patches the package applies (``MigrationContext.autocommit_block`` and
``run_migrations``, the guard's implementations) are installed by ``runtime.patches``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import alembic.context
import alembic.op
import alembic.util
import sqlalchemy as sa
import sqlalchemy.inspection
from alembic.operations import MigrateOperation, Operations
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import HeadMaintainer, MigrationContext, RevisionStep
from alembic.util import sqla_compat

__all__ = [
    "PRIVATE_APIS",
    "HeadMaintainer",
    "RevisionStep",
    "bound_index",
    "constraint_final_name",
    "implementation_of",
    "in_external_transaction",
    "installed_context_proxy",
    "installed_op_proxy",
    "migration_steps",
    "owns_transaction",
    "register_inspection",
    "replace_implementation",
    "replaced_revision_loader",
    "reverse_of",
    "set_migration_steps",
    "step_transaction",
    "textual_index_column",
]

PRIVATE_APIS: dict[str, str] = {
    "MigrationContext._transaction": (
        "whether Alembic's begin_transaction() owns the transaction; when it does not, "
        "autocommit_block() only asserts, and we raise an error saying what to change in env.py"
    ),
    "MigrationContext._in_external_transaction": (
        "a connection handed over inside the caller's transaction cannot be committed"
    ),
    "MigrationContext._migrations_fn": (
        "the step generator; wrapped to know which revision step is running (for stamps)"
    ),
    "alembic.runtime.migration.HeadMaintainer, RevisionStep": (
        "stamp a downgrade step before its autocommit block commits, as Alembic would after it"
    ),
    "alembic.op._proxy, Operations._install_proxy, Operations._remove_proxy": (
        "record what a revision asks for (check, lint) without a database, then put back "
        "the proxy of the migration that is running"
    ),
    "alembic.context._proxy, EnvironmentContext._install_proxy, ._remove_proxy": (
        "lint answers `from alembic import context` in a revision (is_offline_mode(), config) "
        "while it records, then puts back the proxy of the environment that is running"
    ),
    "sqlalchemy.inspection._inspects": (
        "sa.inspect() on lint's recording connection answers as an empty database instead of "
        "raising NoInspectionAvailable (revisions inspect op.get_bind() to decide what to do)"
    ),
    "Operations._to_impl.dispatch, ._registry": (
        "the implementation in force for a plain op, to put the guard in front of it; the "
        "registry is written only on Alembic < 1.17.2, which has no replace=True"
    ),
    "sqlalchemy sqla_compat._textual_index_column": (
        "index expressions given as text become the same column objects Alembic makes"
    ),
    "sa.Index(_table=...)": (
        "an index bound to its table stub even when every element is a text expression "
        "(text carries no table, so the index could not compile otherwise)"
    ),
    "sqla_compat._get_constraint_final_name": (
        "the name SQLAlchemy gives a naming-convention name in DDL for a dialect: one longer "
        "than 63 characters is cut to 55 plus '_' and 4 hex digits of its md5, as create_all "
        "and Alembic's own ops name it"
    ),
    "MigrationContext.begin_transaction(_per_migration=True)": (
        "the transaction Alembic opens around each step; a command that runs work outside any "
        "step (invalid-indexes --drop) opens it the same way, so that transaction_per_migration "
        "projects get an owned transaction too"
    ),
    "alembic.util.load_python_file": (
        "how ScriptDirectory imports a revision file; lint wraps it while it loads a history, "
        "so that a file whose module-level code fails is kept as far as it ran"
    ),
    "DropConstraintOp._reverse": (
        "the constraint autogenerate dropped, as reflected: without it the columns are unknown "
        "and no safe inverse can be written"
    ),
}


def owns_transaction(context: MigrationContext) -> bool:
    """Alembic's ``begin_transaction()`` opened the transaction the connection is in."""
    return getattr(context, "_transaction", None) is not None


def in_external_transaction(context: MigrationContext) -> bool:
    """env.py handed over a connection already inside a transaction of its own."""
    return bool(getattr(context, "_in_external_transaction", False))


def step_transaction(context: MigrationContext) -> Any:
    """The transaction Alembic would open around one migration step (a no-op context when
    env.py's own ``begin_transaction()`` already owns one)."""
    return context.begin_transaction(_per_migration=True)


def migration_steps(context: MigrationContext) -> Any:
    return context._migrations_fn


def set_migration_steps(context: MigrationContext, steps: Any) -> None:
    context._migrations_fn = steps


@contextmanager
def _installed_proxy(module: Any, target: Any) -> Iterator[None]:
    """Make ``module`` (``alembic.op``, ``alembic.context``) point at ``target``, then restore
    whatever it pointed at."""
    previous = getattr(module, "_proxy", None)
    target._install_proxy()
    try:
        yield
    finally:
        if previous is not None:
            previous._install_proxy()
        else:
            target._remove_proxy()


def installed_op_proxy(operations: Operations) -> AbstractContextManager[None]:
    """Make ``alembic.op`` point at ``operations``, then restore whatever it pointed at."""
    return _installed_proxy(alembic.op, operations)


def installed_context_proxy(environment: EnvironmentContext) -> AbstractContextManager[None]:
    """Make ``alembic.context`` point at ``environment``, then restore what it pointed at."""
    return _installed_proxy(alembic.context, environment)


def register_inspection(kind: type, inspect: Callable[[Any], Any]) -> None:
    """``sa.inspect(obj)`` of an instance of ``kind`` returns ``inspect(obj)`` (once per kind)."""
    if kind not in sqlalchemy.inspection._registrars:
        sqlalchemy.inspection._inspects(kind)(inspect)


def implementation_of(op_class: type[MigrateOperation]) -> Callable[..., Any]:
    implementation: Callable[..., Any] = Operations._to_impl.dispatch(op_class)
    return implementation


def replace_implementation(op_class: type[MigrateOperation], function: Callable[..., Any]) -> None:
    try:
        Operations.implementation_for(op_class, replace=True)(function)
    except TypeError:  # Alembic < 1.17.2 has no `replace` and asserts on a second entry
        Operations._to_impl._registry[(op_class, "default")] = function


def textual_index_column(table: sa.Table, column: Any) -> Any:
    return sqla_compat._textual_index_column(table, column)


def bound_index(name: str | None, *elements: Any, table: sa.Table, **options: Any) -> sa.Index:
    """An index on ``table``, even when ``elements`` are all text (they name no table)."""
    return sa.Index(name, *elements, _table=table, **options)


def reverse_of(operation: MigrateOperation) -> Any:
    """The add op autogenerate paired with a drop op (its reflected columns), or None."""
    return getattr(operation, "_reverse", None)


def constraint_final_name(constraint: Any, dialect: Any) -> str | None:
    """The constraint's name as ``dialect`` writes it in DDL (long convention names cut)."""
    name: str | None = sqla_compat._get_constraint_final_name(constraint, dialect)
    return name


@contextmanager
def replaced_revision_loader(
    wrap: Callable[[Callable[..., Any]], Callable[..., Any]],
) -> Iterator[None]:
    """While the block runs, ScriptDirectory loads revision files with ``wrap(load)``, where
    ``load(directory, filename)`` is Alembic's own loader."""
    original = alembic.util.load_python_file
    alembic.util.load_python_file = wrap(original)
    try:
        yield
    finally:
        alembic.util.load_python_file = original
