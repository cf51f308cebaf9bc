"""What every op's implementation shares: its statements are its own, one run at a time."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from alembic.operations import Operations

from alembic_safe_unique.config import Settings
from alembic_safe_unique.runtime import (
    coordination,
    run_state,
)

Implementation = TypeVar("Implementation", bound=Callable[..., Any])


def ours(implementation: Implementation) -> Implementation:
    """Statements an operation runs are its own, not the revision's (see ``run_state``)."""

    @functools.wraps(implementation)
    def run(operations: Operations, operation: Any) -> Any:
        state = run_state.of(operations.get_context())
        if state is None:
            return implementation(operations, operation)
        with state.ours():
            return implementation(operations, operation)

    return cast(Implementation, run)


def is_sqlite(operations: Operations) -> bool:
    return operations.get_context().dialect.name == "sqlite"


@contextmanager
def one_run_at_a_time(
    operations: Operations,
    schema: str | None,
    index_name: str,
    settings: Settings,
    done: Callable[[], bool],
) -> Iterator[bool]:
    """Refuse to race a run that is ahead; wait for one working on the same index.

    The body gets whether it waited for another session (what it saw before may be stale).
    """
    name = f"{schema}.{index_name}" if schema else index_name
    with coordination.exclusive_work(operations, name, settings, done) as waited:
        yield waited
