"""Progress of a concurrent build, as a person running ``alembic upgrade`` sees it."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import termios
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.docs_samples import assert_output_as_documented
from tests.fixtures.network import silent_after_first
from tests.fixtures.processes import Run, build_waiting, old_snapshot, until
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import with_driver
from tests.fixtures.tables import ADD_UQ, make_counter_table, wait_until

PROGRESS_LINE = re.compile(
    r"INFO  \[alembic\.safe_unique\.progress\] uq_ad_day on public\.ad_counter: "
    r"(?P<phase>[a-z :]+?)"
    r"(?: (?P<percent>\d+)%)?(?: \(.*\))?; about (?P<overall>\d+)% overall"
)


class Output:
    """A process's stderr, read line by line as it comes, for the test to wait on."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=lambda: self.lines.extend(process.stderr or []))
        self._thread.start()

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def text(self) -> str:
        self._thread.join()
        return "".join(self.lines)


@pytest.mark.slow
def test_progress_lines_show_with_the_stock_alembic_ini(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 1_000_000)
    project.configure_in_env("progress_interval_s=0.1")
    project.write_revision("r1", ADD_UQ)

    # The watcher starts once a build has lasted a second; a writer left open holds the build
    # at its start until the watcher reports, so every phase of the scan is seen however fast.
    with engine.connect() as writer:
        writer.exec_driver_sql("INSERT INTO ad_counter (ad_id, day, hits) VALUES (-1, -1, 1)")
        migration = project.popen("upgrade", "head")
        try:
            output = Output(migration)
            wait_until(lambda: output.shows("waiting for writers before build"))
            writer.commit()
            migration.wait(300)
        finally:
            migration.kill()
    result = subprocess.CompletedProcess(migration.args, migration.returncode, "", output.text())

    assert result.returncode == 0, result.stderr
    lines = [m for m in map(PROGRESS_LINE.search, result.stderr.splitlines()) if m]
    assert len(lines) >= 4, result.stderr
    phases = [m["phase"] for m in lines]
    assert any(phase.startswith("building index: ") for phase in phases), phases
    assert len(set(phases)) >= 2, phases
    assert_output_as_documented("output/progress.txt", result.stderr)
    overall = [int(m["overall"]) for m in lines]
    assert overall == sorted(overall), overall
    assert overall[-1] > overall[0]
    assert re.search(r"\(blocks [\d,]+ of [\d,]+\)", result.stderr)
    # Past the first tenth, the line says how long is left at the pace so far.
    assert re.search(r"% overall, about \d+ (s|min) left$", result.stderr, re.MULTILINE)


def test_a_build_waiting_on_a_transaction_names_it(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_counter_table(engine, 20_000)
    project.configure_in_env("progress_interval_s=0.3")
    project.write_revision("r1", ADD_UQ)

    with engine.connect() as holder:
        holder_pid = holder.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        holder.execute(sa.text("UPDATE ad_counter SET hits = hits + 1 WHERE id = 7"))
        process = project.popen("upgrade", "head")
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(process.stderr or []))
        reader.start()
        wait_until(lambda: any("waiting for pid" in line for line in lines), timeout=60)
        time.sleep(0.5)
        holder.commit()
    process.wait(60)
    reader.join()
    output = "".join(lines)

    assert process.returncode == 0, output
    assert re.search(
        rf"uq_ad_day on public\.ad_counter: waiting for writers before build, waiting for pid "
        rf"{holder_pid} \(idle in transaction for \d+\.\d s\): 'UPDATE ad_counter SET hits = "
        rf"hits \+ 1 WHERE id = 7'",
        output,
    ), output
    assert_output_as_documented("output/waiting.txt", output)


def build_has_run_for(engine: sa.Engine, seconds: float) -> bool:
    """Has a CREATE INDEX CONCURRENTLY been running this long (waits included)?"""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE UNIQUE INDEX"
                    " CONCURRENTLY%' AND clock_timestamp() - query_start > make_interval(secs"
                    " => :seconds)"
                ),
                {"seconds": seconds},
            ).scalar()
        )


def test_a_terminal_gets_a_live_bar_and_quiet_means_quiet(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """A writer left open holds each build at its start for as long as the test needs."""
    make_counter_table(engine, 1_000)
    project.configure_in_env("progress_interval_s=0.1")
    project.write_revision("r1", ADD_UQ)
    project.write_revision(
        "r2",
        "op.create_unique_constraint_concurrently('uq_ad_day_hits', 'ad_counter',"
        " ['ad_id', 'day', 'hits'])",
        down_revision="r1",
    )

    controller, terminal = os.openpty()
    # A fresh pseudo-terminal is 0 columns wide; a person's terminal is not.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    chunks: list[bytes] = []

    def read_screen() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the other end closed: the process is done
                return
            if not chunk:
                return
            chunks.append(chunk)

    with engine.connect() as writer:
        writer.exec_driver_sql("INSERT INTO ad_counter (ad_id, day, hits) VALUES (-1, -1, 1)")
        process = project.popen("upgrade", "r1", stdout=terminal, stderr=terminal)
        os.close(terminal)
        reader = threading.Thread(target=read_screen)
        reader.start()
        # The bar is on the screen, and it names the writer the build waits for.
        wait_until(lambda: b"%|" in b"".join(chunks) and b"waiting for pid" in b"".join(chunks))
        writer.commit()
    process.wait(60)
    reader.join()
    os.close(controller)
    screen = b"".join(chunks).decode()

    assert process.returncode == 0, screen
    assert re.search(r"uq_ad_day on public\.ad_counter: +\d+%\|", screen), screen
    assert "waiting for pid" in screen
    assert "\r" in screen

    with engine.connect() as writer:
        writer.exec_driver_sql("INSERT INTO ad_counter (ad_id, day, hits) VALUES (-2, -2, 1)")
        quiet = project.popen("upgrade", "head", env={"ALEMBIC_SAFE_UNIQUE_PROGRESS": "off"})
        # Past the second after which a watcher would have started reporting.
        wait_until(lambda: build_has_run_for(engine, 1.5))
        writer.commit()
    _, quiet_stderr = quiet.communicate(timeout=60)
    assert quiet.returncode == 0, quiet_stderr
    assert "Building unique index 'uq_ad_day_hits'" in quiet_stderr
    assert "alembic.safe_unique.progress" not in quiet_stderr


def test_an_unknown_progress_mode_is_refused(project: AlembicProject, engine: sa.Engine) -> None:
    make_counter_table(engine, 100)
    project.write_revision("r1", ADD_UQ)
    result = project.cli("upgrade", "head", env={"ALEMBIC_SAFE_UNIQUE_PROGRESS": "loud"})
    assert result.returncode != 0
    assert "ALEMBIC_SAFE_UNIQUE_PROGRESS / progress must be one of auto, bar, log, off" in (
        result.stderr
    )


def test_a_progress_connection_on_a_silent_network_does_not_hang_the_migration(
    tmp_path: Path, database_url: sa.URL, project_driver: str, engine: sa.Engine
) -> None:
    """The migration's own connection works; the watcher's, opened once the build has lasted a
    second, is accepted and never answered. The build ends, and so does the run."""
    if "host" not in database_url.query:
        pytest.skip("the silent front forwards to the test server's Unix socket")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'CREATE TABLE "Ad Counter" (id serial PRIMARY KEY, ad_id int, "Day" int)'
        )
        conn.exec_driver_sql("CREATE TABLE other (x int)")
    with silent_after_first(with_driver(database_url, project_driver)) as (front, url):
        project = AlembicProject.create(
            tmp_path / "silent",
            url,
            template="async" if project_driver == "asyncpg" else "generic",
        )
        project.write_revision(
            "r1",
            "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])",
        )
        with old_snapshot(engine):
            run = Run(project)
            until(lambda: build_waiting(engine), "the build waits for the old snapshot")
            until(lambda: front.accepted >= 2, "the watcher's connection is left unanswered")
        try:
            until(run.finished, "the run ends without its progress connection", timeout=30)
        finally:
            if not run.finished():
                run.process.kill()
            code = run.wait()
    assert code == 0, run.stderr
    assert (
        "uq ad day on public.Ad Counter: the progress connection did not answer within 5 s "
        "(a silent network or pooler?); going on without it."
    ) in run.stderr
    assert unique_constraints(engine, '"Ad Counter"') == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
