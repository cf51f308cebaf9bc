"""What is particular to one driver, checked with that driver whatever the suite runs on."""

from __future__ import annotations

import re
import signal
import threading
from pathlib import Path

import sqlalchemy as sa

from tests.fixtures.project import AlembicProject
from tests.fixtures.server import with_driver
from tests.fixtures.tables import ADD_UQ, make_counter_table, wait_until

STOCK_ASYNC_RUN = """\
    async with connectable.connect() as connection:
        await connection.run_sync(do_run_migrations)
"""

APPLICATION_CONNECTION_LEFT_OPEN = """\
    async with connectable.connect() as application:
        # The program also holds a connection of its own, left inside a transaction.
        await application.execute(sa.text("SELECT 1"))
        async with connectable.connect() as connection:
            await connection.run_sync(do_run_migrations)
"""


def test_asyncpg_connection_idle_in_transaction_is_named_instead_of_a_silent_hang(
    tmp_path: Path, database_url: sa.URL, engine: sa.Engine
) -> None:
    """Alembic issue #1460: an asyncpg connection of the same program, idle in a transaction,
    keeps its snapshot, and CREATE INDEX CONCURRENTLY waits for it forever. The migration
    cannot end that wait; it must say so, naming the connection, instead of hanging quietly."""
    project = AlembicProject.create(
        tmp_path / "project", with_driver(database_url, "asyncpg"), template="async"
    )
    project.configure_in_env("progress_interval_s=0.5")
    text = project.env_py.read_text()
    assert STOCK_ASYNC_RUN in text  # the template `alembic init -t async` writes
    project.env_py.write_text(
        "import sqlalchemy as sa\n"
        + text.replace(STOCK_ASYNC_RUN, APPLICATION_CONNECTION_LEFT_OPEN)
    )
    make_counter_table(engine, 20_000)
    project.write_revision("r1", ADD_UQ)

    process = project.popen("upgrade", "head")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or []))
    reader.start()
    try:
        wait_until(lambda: any(line.startswith("WARN") for line in lines), timeout=60)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        reader.join()
    output = "".join(lines)

    warning = re.search(
        r"WARN\w* \[alembic\.safe_unique\.progress\] uq_ad_day on public\.ad_counter cannot go on "
        r"while "
        r"pid (\d+) stays idle in transaction .* SELECT pg_terminate_backend\((\d+)\);",
        output,
    )
    assert warning, output
    assert warning[1] == warning[2]
    assert "waiting for old snapshots" in output or "waiting for writers" in output
