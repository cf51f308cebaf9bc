"""The benchmark: plain Alembic against alembic-safe-unique, side by side, in one run.

    .venv/bin/nox -s bench                       # 1M rows, embedded PostgreSQL 18
    .venv/bin/nox -s bench -- --rows 10000000    # 10M rows
    .venv/bin/python benchmarks/run.py --url postgresql+psycopg://...   # a server you have

Measures, on the same table under the same reads and writes: each migration's wall time and
the worst write and read stall; how long the attach holds ACCESS EXCLUSIVE; a baseline window
with no migration (the machine's own noise); the check's scan time against the build time; the
lock-queue case (a transaction holding the table while the attach waits); autogenerate wall
time with and without the rewriter on a 300-table schema. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from alembic_safe_unique.cli import preflight
from alembic_safe_unique.cli.pending import PlannedUnique
from alembic_safe_unique.demo.command import demo_database, migrate_under_load, start_load
from alembic_safe_unique.demo.project import DemoProject, create_and_fill
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.util.text_table import table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from autogenerate_bench import autogenerate_overhead

TARGETS = {
    "stall vs plain": 0.02,
    "stall ms": 50.0,
    "wall vs plain": 2.5,
    "attach lock ms": 10.0,
    "autogenerate overhead": 0.05,
    "lock queue slack ms": 100.0,
}
LOCK_TIMEOUT_MS = 1000


def baseline(load: Any, seconds: float = 3.0) -> Any:
    time.sleep(1.5)
    started = time.monotonic()
    time.sleep(seconds)
    return load.stats(started, time.monotonic())


def check_scan_seconds(url: sa.URL) -> float:
    spec = IndexSpec.build("uq_bench", "demo_events", ["account_id", "external_id"], unique=True)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        preflight.start_read_only(conn, 600_000, 2_000)
        result = preflight.check(conn, PlannedUnique("bench", "check", spec), 5)
    engine.dispose()
    assert result.check_seconds is not None
    return result.check_seconds


def lock_queue(url: sa.URL, rows: int, project: DemoProject, hold_s: float) -> dict[str, float]:
    """Readers while the attach waits on a transaction that holds the table for ``hold_s``."""
    if project.alembic("upgrade", "+1").returncode != 0:  # the build; the attach is left
        raise RuntimeError("lock-queue: building the index failed")
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    holder = engine.connect()
    holder.execute(sa.select(sa.literal(1)).select_from(sa.table("demo_events")).limit(1))
    release = threading.Timer(hold_s, holder.commit)
    with start_load(url, rows) as load:
        time.sleep(1.0)
        started = time.monotonic()
        release.start()
        result = project.alembic("upgrade", "head")
        ended = time.monotonic()
        stats = load.stats(started, ended)
    release.join()
    holder.close()
    engine.dispose()
    if result.returncode != 0:
        raise RuntimeError(f"lock-queue: the attach failed:\n{result.stderr}")
    return {
        "hold_s": hold_s,
        "attach_wall_s": ended - started,
        "attempts": result.stderr.count("could not lock"),
        "worst_read_ms": stats.worst_read_ms,
        "worst_write_ms": stats.worst_write_ms,
        "lock_timeout_ms": LOCK_TIMEOUT_MS,
    }


def measure(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    with demo_database(args.url) as url:
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        create_and_fill(engine, args.rows, report=lambda line: None)
        version = engine.connect().execute(sa.text("SHOW server_version")).scalar()
        engine.dispose()
        settings = f"lock_timeout_ms={LOCK_TIMEOUT_MS}, lock_attempts=100, retry_max_delay_s=2"
        plain = DemoProject.create(workdir / "plain", url, rewriter=False)
        safe = DemoProject.create(workdir / "safe", url, rewriter=True, env_settings=settings)
        plain.autogenerate("unique")
        safe.autogenerate("unique")
        check_s = check_scan_seconds(url)
        with start_load(url, args.rows) as load:
            idle = baseline(load)
            plain_run = migrate_under_load(load, plain, "plain")
        plain.alembic("downgrade", "base")
        with start_load(url, args.rows) as load:
            safe_run = migrate_under_load(load, safe, "safe")
        built_match = re.search(r"Built index \S+ in ([\d.]+) s", safe_run.log)
        built = float(built_match[1]) if built_match else float("nan")
        safe.alembic("downgrade", "base")
        queue = lock_queue(url, args.rows, safe, args.hold_seconds)
        server = url.set(database="postgres")
        autogenerate = autogenerate_overhead(server, workdir / "autogen", args.tables)
    return {
        "rows": args.rows,
        "server_version": version,
        "machine": f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}",
        "baseline": asdict(idle),
        "plain": {"seconds": plain_run.seconds, **asdict(plain_run.during)},
        "safe": {
            "seconds": safe_run.seconds,
            "attach_lock_ms": safe_run.lock_held_ms,
            "build_seconds": built,
            **asdict(safe_run.during),
        },
        "check_scan_seconds": check_s,
        "lock_queue": queue,
        "autogenerate": autogenerate,
    }


def verdicts(figures: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    plain, safe, queue = figures["plain"], figures["safe"], figures["lock_queue"]
    auto = figures["autogenerate"]
    rows = []
    for kind in ("write", "read"):
        ours, theirs = safe[f"worst_{kind}_ms"], plain[f"worst_{kind}_ms"]
        limit = min(theirs * TARGETS["stall vs plain"], TARGETS["stall ms"])
        rows.append(
            (
                f"worst {kind} stall",
                f"{theirs:,.0f} ms",
                f"{ours:,.0f} ms",
                _met(ours <= limit, limit),
            )
        )
    ratio = safe["seconds"] / plain["seconds"]
    rows.append(
        (
            "wall time",
            f"{plain['seconds']:.2f} s",
            f"{safe['seconds']:.2f} s ({ratio:.2f}x)",
            _met(ratio <= TARGETS["wall vs plain"], "2.5x"),
        )
    )
    lock = safe["attach_lock_ms"] or 0.0
    rows.append(("attach lock held", "whole build", f"{lock:.1f} ms", _met(lock <= 10.0, "10 ms")))
    overhead = auto["overhead"]
    rows.append(
        (
            f"autogenerate, {auto['tables']} tables",
            f"{auto['plain_s']:.2f} s",
            f"{auto['rewriter_s']:.2f} s ({overhead:+.1%}; hook {auto['hook_share']:.1%})",
            _met(overhead <= TARGETS["autogenerate overhead"], "5%"),
        )
    )
    queue_limit = queue["lock_timeout_ms"] + TARGETS["lock queue slack ms"]
    rows.append(
        (
            f"readers, attach queued {queue['hold_s']:.0f} s",
            f"{queue['hold_s'] * 1000:,.0f} ms (waits it out)",
            f"{queue['worst_read_ms']:,.0f} ms",
            _met(queue["worst_read_ms"] <= queue_limit, f"{queue_limit:,.0f} ms"),
        )
    )
    return rows


def _met(ok: bool, limit: object) -> str:
    shown = limit if isinstance(limit, str) else f"{limit:,.0f} ms"
    return f"{'met' if ok else 'NOT met'} (<= {shown})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--tables", type=int, default=300, help="schema size for autogenerate")
    parser.add_argument("--hold-seconds", type=float, default=30.0, help="lock-queue holder")
    parser.add_argument("--url", help="a PostgreSQL server (default: embedded 18)")
    parser.add_argument("--json", default="benchmarks/results/latest.json")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-bench-"))
    try:
        figures = measure(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    headers = ("measure", "plain Alembic", "alembic-safe-unique", "target")
    print(
        f"\n{figures['rows']:,} rows, PostgreSQL {figures['server_version']}, {figures['machine']}"
    )
    print(table(headers, verdicts(figures)))
    base = figures["baseline"]
    print(
        f"\nNo migration at all (same load, 3 s): worst write {base['worst_write_ms']:,.0f} ms, "
        f"worst read {base['worst_read_ms']:,.0f} ms. Check scan "
        f"{figures['check_scan_seconds']:.2f} s vs concurrent build "
        f"{figures['safe']['build_seconds']:.2f} s."
    )
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
