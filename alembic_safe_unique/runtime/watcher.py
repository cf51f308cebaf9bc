"""A thread that watches a long statement from a connection of its own, and never hangs us.

The progress of a build and the waits of a ``DROP INDEX CONCURRENTLY`` are read while the
statement runs, so from a second connection; most statements end before anyone needs to hear
of them, and never pay for it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import Settings
from alembic_safe_unique.runtime import side_connections

if TYPE_CHECKING:
    from alembic_safe_unique.runtime.waits import WaitBound

log = logging.getLogger("alembic.safe_unique.progress")

_START_AFTER_S = 1.0  # a build that ends sooner is never watched, and costs no connection
_STOP_WAIT_S = 5.0  # a poll is a catalog read of milliseconds: past this, the network is silent


class Watch(Protocol):
    bound: WaitBound | None

    def poll(self, watch: Connection) -> None: ...


class _Watcher(threading.Thread):
    """Polls from its own thread, on a connection of its own opened only if the statement lasts.

    Most builds (small tables: tests, CI, development databases) end within a second; they
    never pay for a second connection. An async engine's connections belong to the event
    loop of the migration, which is busy awaiting the build; the watcher then runs a private
    loop with its own async engine. Its connection gets TCP keepalive and a user timeout
    (``side_connections``), so a silent network ends it instead of hanging it.
    """

    def __init__(
        self, engine: sa.Engine, target: str, watch: Watch, poll_s: float, start_after_s: float
    ) -> None:
        super().__init__(name="alembic-safe-unique-progress", daemon=True)
        self.engine = engine
        self.target = target
        self.watch = watch
        self.poll_s = poll_s
        self.start_after_s = start_after_s
        self.stopped = threading.Event()

    def run(self) -> None:
        if self.stopped.wait(self.start_after_s):
            return  # the statement is over before anyone needed to hear of it
        try:
            if self.engine.dialect.is_async:
                asyncio.run(self._poll_async(self.engine.url))
            else:
                self._poll_on_own_connection()
        except Exception as error:  # a failing watcher must never fail the migration
            log.debug("Progress reporting stopped: %s", error)

    def _poll_on_own_connection(self) -> None:
        try:
            watch = self.engine.connect()
            side_connections.keep_alive(watch.connection.driver_connection)
        except Exception as error:
            self._no_connection(error)
            return
        with watch:
            self._poll(watch)

    async def _poll_async(self, url: sa.URL) -> None:
        from sqlalchemy.ext.asyncio import create_async_engine

        engine = create_async_engine(
            url,
            poolclass=sa.pool.NullPool,
            connect_args=side_connections.connect_args(self.engine.dialect.driver),
        )
        try:
            async with engine.connect() as watch:
                await watch.run_sync(self._poll)
        except Exception as error:
            self._no_connection(error, url.render_as_string())
        finally:
            await engine.dispose()

    def _no_connection(self, error: Exception, where: str | None = None) -> None:
        unbounded = " and wait_timeout_s does not apply to it" if self.watch.bound else ""
        log.warning(
            "No progress for %s%s: a second connection failed (%s)%s.",
            self.target,
            f" ({where})" if where else "",
            str(error) or type(error).__name__,  # a connect timeout says nothing more
            unbounded,
        )

    def _poll(self, watch: Connection) -> None:
        while True:
            self.watch.poll(watch)
            if self.stopped.wait(self.poll_s):
                return


@contextmanager
def watching(
    connection: Connection, target: str, watch: Watch, poll_s: float, settings: Settings
) -> Iterator[None]:
    """Run ``watch`` from its own thread while the body runs; never wait long for it after."""
    start_after_s = min(_START_AFTER_S, settings.wait_timeout_s or _START_AFTER_S)
    watcher = _Watcher(connection.engine, target, watch, poll_s, start_after_s)
    watcher.start()
    try:
        yield
    finally:
        watcher.stopped.set()
        watcher.join(_STOP_WAIT_S)
        if watcher.is_alive():
            log.warning(
                "%s: the progress connection did not answer within %g s (a silent network or "
                "pooler?); going on without it.",
                target,
                _STOP_WAIT_S,
            )
