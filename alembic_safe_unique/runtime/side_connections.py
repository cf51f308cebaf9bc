"""The package's own extra connections must never hang a migration on a silent network.

A connection whose peer vanished (a network cut, a frozen load balancer or pooler) waits for
an answer that never comes: nothing on the client ends that wait unless the socket has TCP
keepalive and a user timeout. The migration's own connection is env.py's to configure
(docs/troubleshooting.md); the ones this package opens (the progress watcher, the look after
an interrupt) get these options where the driver or the socket takes them, and every wait
on them from the migration's thread is bounded.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from alembic_safe_unique.runtime.connection import log

T = TypeVar("T")

CONNECT_TIMEOUT_S = 10
KEEPALIVE_IDLE_S = 10
KEEPALIVE_INTERVAL_S = 5
KEEPALIVE_COUNT = 3
USER_TIMEOUT_MS = 30_000
"""Unacknowledged data older than this ends the connection (Linux ``TCP_USER_TIMEOUT``)."""

_TCP_OPTIONS = (
    ("TCP_KEEPIDLE", KEEPALIVE_IDLE_S),
    ("TCP_KEEPINTVL", KEEPALIVE_INTERVAL_S),
    ("TCP_KEEPCNT", KEEPALIVE_COUNT),
    ("TCP_USER_TIMEOUT", USER_TIMEOUT_MS),
)
_LIBPQ_OPTIONS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": KEEPALIVE_IDLE_S,
    "keepalives_interval": KEEPALIVE_INTERVAL_S,
    "keepalives_count": KEEPALIVE_COUNT,
    "tcp_user_timeout": USER_TIMEOUT_MS,
}


def connect_args(driver: str) -> dict[str, Any]:
    """Connect arguments that bound a new connection's waits, for a driver that takes them."""
    if driver in ("psycopg", "psycopg2"):
        return dict(_LIBPQ_OPTIONS)  # libpq's keywords; ignored on a Unix socket
    if driver == "asyncpg":
        return {"timeout": CONNECT_TIMEOUT_S, "command_timeout": USER_TIMEOUT_MS / 1000}
    return {}


def keep_alive(driver_connection: Any) -> bool:
    """Turn TCP keepalive and the user timeout on for an open connection's socket.

    For a connection the package did not create (it came from the migration's engine, whose
    connect arguments are env.py's): the options are set on the socket itself, through a
    duplicate of its descriptor. Whether it was a TCP socket the options now cover.
    """
    fileno = getattr(driver_connection, "fileno", None)
    if not callable(fileno):
        return False
    with socket.socket(fileno=os.dup(fileno())) as sock:
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return False  # a Unix socket: no network to go silent
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in _TCP_OPTIONS:
            option = getattr(socket, name, None)
            if option is not None:
                sock.setsockopt(socket.IPPROTO_TCP, option, value)
    return True


def bounded(call: Callable[[], T], seconds: float, what: str) -> T | None:
    """``call()`` in a thread of its own, waited for at most ``seconds`` (``None`` past that).

    The thread is a daemon: if the network never answers it is left behind, and the process
    still exits.
    """
    found: list[T] = []
    failed: list[Exception] = []

    def run() -> None:
        try:
            found.append(call())
        except Exception as error:  # raised again in the caller's thread
            failed.append(error)

    thread = threading.Thread(target=run, name=f"alembic-safe-unique {what}", daemon=True)
    thread.start()
    thread.join(seconds)
    if failed:
        raise failed[0]
    if not found:
        log.warning("%s: no answer within %g s; going on without it.", what, seconds)
        return None
    return found[0]
