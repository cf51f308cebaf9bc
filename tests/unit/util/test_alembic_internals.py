"""One check per entry of ``PRIVATE_APIS``: the private Alembic/SQLAlchemy API is still there,
with the shape the package uses.

An Alembic or SQLAlchemy upgrade that moves one fails here, by the entry's name, instead of
in a user's migration. The checks run without PostgreSQL: an offline MigrationContext, or an
in-memory SQLite connection where a real transaction is needed.
"""

from __future__ import annotations

import re
import tempfile
import types
from collections.abc import Callable
from pathlib import Path

import alembic.context
import alembic.op
import pytest
import sqlalchemy as sa
from alembic.operations import Operations, ops
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.base import Script
from alembic.script.revision import RevisionMap
from sqlalchemy.schema import CreateIndex
from sqlalchemy.sql.elements import conv

from alembic_safe_unique import CreateIndexConcurrentlyOp
from alembic_safe_unique.util import alembic_internals
from alembic_safe_unique.util.alembic_internals import PRIVATE_APIS
from tests.unit.offline import compiled, offline_migration, sqlite_connection


def check_transaction() -> None:
    with sqlite_connection() as connection:
        # SQLite has no transactional DDL by default; PostgreSQL has.
        context = MigrationContext.configure(connection, opts={"transactional_ddl": True})
        assert not alembic_internals.owns_transaction(context)
        with context.begin_transaction():
            assert alembic_internals.owns_transaction(context)
        assert not alembic_internals.owns_transaction(context)


def check_in_external_transaction() -> None:
    with sqlite_connection() as connection:
        assert not alembic_internals.in_external_transaction(MigrationContext.configure(connection))
        with connection.begin():
            context = MigrationContext.configure(connection)
            assert alembic_internals.in_external_transaction(context)


def check_step_transaction() -> None:
    """Per-migration mode: the step's transaction is Alembic's own; otherwise env.py's is."""
    with sqlite_connection() as connection:
        options = {"transactional_ddl": True, "transaction_per_migration": True}
        context = MigrationContext.configure(connection, opts=options)
        connection.exec_driver_sql("SELECT 1")  # a read autobegins a transaction nobody owns
        with alembic_internals.step_transaction(context):
            assert alembic_internals.owns_transaction(context)
        assert not connection.in_transaction()
    with sqlite_connection() as connection:
        context = MigrationContext.configure(connection, opts={"transactional_ddl": True})
        with context.begin_transaction():
            outer = connection.get_transaction()
            with alembic_internals.step_transaction(context):
                assert connection.get_transaction() is outer


def check_migrations_fn() -> None:
    def steps(rev: object, context: object) -> list[object]:
        return []

    context = MigrationContext.configure(dialect_name="postgresql", opts={"fn": steps})
    assert alembic_internals.migration_steps(context) is steps
    alembic_internals.set_migration_steps(context, None)
    assert alembic_internals.migration_steps(context) is None


def check_head_maintainer_and_revision_step() -> None:
    module = types.ModuleType("rev_a")
    module.__dict__.update(revision="a", down_revision=None, upgrade=None, downgrade=None)
    revision_map = RevisionMap(lambda: [Script(module, "a", "a.py")])
    with offline_migration(transactional=False) as (operations, script):
        context = operations.get_context()
        step = alembic_internals.RevisionStep(revision_map, revision_map.get_revision("a"), True)
        assert step.is_upgrade
        heads = alembic_internals.HeadMaintainer(context, ())
        heads.update_to_step(step)
        assert heads.heads == {"a"}
        undo = alembic_internals.RevisionStep(step.revision_map, step.revision, False)
        alembic_internals.HeadMaintainer(context, heads.heads).update_to_step(undo)
    assert [s.split(" RETURNING")[0] for s in script.statements()] == [
        "INSERT INTO alembic_version (version_num) VALUES ('a')",
        "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a'",
    ]


def check_op_proxy() -> None:
    with offline_migration() as (outer, _script):
        outer._install_proxy()
        inner = Operations(outer.get_context())
        with alembic_internals.installed_op_proxy(inner):
            assert alembic.op._proxy is inner  # type: ignore[attr-defined]
        assert alembic.op._proxy is outer  # type: ignore[attr-defined]
        outer._remove_proxy()
    with alembic_internals.installed_op_proxy(inner):
        assert alembic.op._proxy is inner  # type: ignore[attr-defined]
    assert getattr(alembic.op, "_proxy", None) is None


def check_context_proxy() -> None:
    from alembic.config import Config
    from alembic.runtime.environment import EnvironmentContext

    outer = EnvironmentContext(Config(), None)  # type: ignore[arg-type]
    inner = EnvironmentContext(Config(), None, as_sql=True)  # type: ignore[arg-type]
    with outer:
        with alembic_internals.installed_context_proxy(inner):
            assert alembic.context.is_offline_mode()  # type: ignore[attr-defined]
        assert alembic.context._proxy is outer  # type: ignore[attr-defined]
    with alembic_internals.installed_context_proxy(inner):
        assert alembic.context._proxy is inner  # type: ignore[attr-defined]
    assert getattr(alembic.context, "_proxy", None) is None


def check_inspects() -> None:
    class Probe:
        pass

    alembic_internals.register_inspection(Probe, lambda probe: ("inspected", probe))
    probe = Probe()
    assert sa.inspect(probe) == ("inspected", probe)


def check_implementation_dispatch() -> None:
    original = alembic_internals.implementation_of(CreateIndexConcurrentlyOp)
    assert callable(original)
    assert (CreateIndexConcurrentlyOp, "default") in Operations._to_impl._registry

    def replacement(operations: Operations, operation: object) -> None:
        return None

    try:
        alembic_internals.replace_implementation(CreateIndexConcurrentlyOp, replacement)
        assert alembic_internals.implementation_of(CreateIndexConcurrentlyOp) is replacement
    finally:
        alembic_internals.replace_implementation(CreateIndexConcurrentlyOp, original)
    assert alembic_internals.implementation_of(CreateIndexConcurrentlyOp) is original


def check_textual_index_column() -> None:
    table = sa.Table("Ad Counter", sa.MetaData(), sa.Column("a", sa.Integer))
    element = alembic_internals.textual_index_column(table, sa.text("(lower(code))"))
    index = alembic_internals.bound_index("ix", table.c.a, element, table=table)
    assert compiled(CreateIndex(index)) == 'CREATE INDEX ix ON "Ad Counter" (a, (lower(code)))'


def check_index_bound_to_table() -> None:
    table = sa.Table("t", sa.MetaData(), sa.Column("a", sa.Integer))
    index = alembic_internals.bound_index("ix", sa.text("lower(a)"), table=table, unique=True)
    assert index.table is table  # text alone names no table
    assert compiled(CreateIndex(index)) == "CREATE UNIQUE INDEX ix ON t (lower(a))"


def check_constraint_final_name() -> None:
    long = conv("uq_" + "x" * 70)
    table = sa.Table("t", sa.MetaData(), sa.Column("a", sa.Integer))
    constraint = sa.UniqueConstraint(table.c.a, name=long)
    name = alembic_internals.constraint_final_name(constraint, sa.dialects.postgresql.dialect())
    assert name is not None
    assert re.fullmatch("uq_" + "x" * 52 + "_[0-9a-f]{4}", name), name


def check_drop_constraint_reverse() -> None:
    table = sa.Table("t", sa.MetaData(), sa.Column("a", sa.Integer), sa.Column("b", sa.Integer))
    constraint = sa.UniqueConstraint(table.c.a, table.c.b, name="uq")
    table.append_constraint(constraint)
    dropped = ops.DropConstraintOp.from_constraint(constraint)
    added = alembic_internals.reverse_of(dropped)
    assert isinstance(added, ops.AddConstraintOp)
    assert [c.name for c in added.to_constraint().columns] == ["a", "b"]
    blind = ops.DropConstraintOp("uq", "t", type_="unique")
    assert alembic_internals.reverse_of(blind) is None


def check_revision_loader() -> None:
    """ScriptDirectory loads revision files through alembic.util.load_python_file."""
    loaded: list[str] = []

    def wrap(load: Callable[..., types.ModuleType]) -> Callable[..., types.ModuleType]:
        def counting(directory: object, filename: object) -> types.ModuleType:
            loaded.append(Path(str(filename)).name)
            return load(directory, filename)

        return counting

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "versions").mkdir()
        (Path(folder) / "versions" / "a1.py").write_text("revision = 'a1'\ndown_revision = None\n")
        with alembic_internals.replaced_revision_loader(wrap):
            heads = ScriptDirectory(folder).get_heads()
    assert heads == ["a1"] and loaded == ["a1.py"]


CHECKS: dict[str, Callable[[], None]] = {
    "MigrationContext._transaction": check_transaction,
    "MigrationContext._in_external_transaction": check_in_external_transaction,
    "MigrationContext._migrations_fn": check_migrations_fn,
    "alembic.runtime.migration.HeadMaintainer, RevisionStep": (
        check_head_maintainer_and_revision_step
    ),
    "alembic.op._proxy, Operations._install_proxy, Operations._remove_proxy": check_op_proxy,
    "alembic.context._proxy, EnvironmentContext._install_proxy, ._remove_proxy": (
        check_context_proxy
    ),
    "sqlalchemy.inspection._inspects": check_inspects,
    "Operations._to_impl.dispatch, ._registry": check_implementation_dispatch,
    "sqlalchemy sqla_compat._textual_index_column": check_textual_index_column,
    "sa.Index(_table=...)": check_index_bound_to_table,
    "sqla_compat._get_constraint_final_name": check_constraint_final_name,
    "DropConstraintOp._reverse": check_drop_constraint_reverse,
    "alembic.util.load_python_file": check_revision_loader,
    "MigrationContext.begin_transaction(_per_migration=True)": check_step_transaction,
}


def test_every_private_api_has_a_check() -> None:
    assert set(CHECKS) == set(PRIVATE_APIS), "add a check for each new PRIVATE_APIS entry"


@pytest.mark.parametrize("entry", sorted(PRIVATE_APIS))
def test_private_api_still_has_the_shape_we_use(entry: str) -> None:
    try:
        CHECKS[entry]()
    except Exception as error:  # name the entry, whatever broke
        pytest.fail(
            f"The installed Alembic/SQLAlchemy no longer has {entry!r} as alembic-safe-unique "
            f"uses it ({PRIVATE_APIS[entry]}): {type(error).__name__}: {error}"
        )
