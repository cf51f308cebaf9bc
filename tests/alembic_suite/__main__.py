"""Run Alembic's own suite twice, without and with ``alembic_safe_unique``, and compare.

    python -m tests.alembic_suite --db sqlite
    python -m tests.alembic_suite --db postgresql   # a throwaway server, as the suite's own

The sdist of the Alembic version installed here is downloaded once (``pip download``) into
``.nox/alembic-sdist`` and unpacked afresh for each comparison. Both runs load the same pytest
plugin (``alembic_safe_unique_suite_plugin``); only the second imports the package. Any test
whose outcome differs fails the comparison, named; a test that fails the same way in both runs
(this machine lacks a collation one of Alembic's PostgreSQL tests needs) is not the package's.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from tests.alembic_suite import outcomes
from tests.fixtures.npm_postgres import ROOT
from tests.fixtures.server import postgres_server, with_driver

CACHE = ROOT / ".nox" / "alembic-sdist"
PLUGIN_DIR = Path(__file__).resolve().parent
PLUGIN = "alembic_safe_unique_suite_plugin"
# The schemas Alembic's README.unittests asks for on PostgreSQL, and the extension it tests.
POSTGRESQL_SETUP = (
    "CREATE SCHEMA test_schema",
    "CREATE SCHEMA test_schema_2",
    "CREATE EXTENSION IF NOT EXISTS hstore",
)
# pytest's exit codes 0 (all passed) and 1 (some failed) are results; anything else is not.
RESULT_CODES = (0, 1)


def sdist(version: str) -> Path:
    """Alembic ``version``'s source distribution, from the cache or PyPI."""
    wanted = CACHE / f"alembic-{version}.tar.gz"
    if not wanted.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"),
                *("--no-binary", ":all:", f"alembic=={version}", "--dest", str(CACHE)),
            ],
            check=True,
        )
    if not wanted.exists():
        raise SystemExit(f"pip download did not leave {wanted.name} in {CACHE}")
    return wanted


def unpacked(tarball: Path, into: Path) -> Path:
    with tarfile.open(tarball) as archive:
        # The filter argument exists from Python 3.12 (and in patched 3.9-3.11 releases).
        if hasattr(tarfile, "data_filter"):
            archive.extractall(into, filter="data")
        else:
            archive.extractall(into)  # PyPI's own sdist of the Alembic installed here
    return into / tarball.name.removesuffix(".tar.gz")


@contextmanager
def postgresql_databases(workdir: Path) -> Iterator[tuple[str, str]]:
    """Two identical empty databases on a throwaway server: one per run."""
    with postgres_server(workdir) as server:
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
        urls = []
        for name in ("alembic_plain", "alembic_imported"):
            with admin.connect() as conn:
                conn.exec_driver_sql(
                    "CREATE DATABASE " + name + " ENCODING 'utf8' TEMPLATE template0"
                )
            database = sa.create_engine(server.set(database=name), poolclass=sa.pool.NullPool)
            with database.begin() as conn:
                for statement in POSTGRESQL_SETUP:
                    conn.exec_driver_sql(statement)
            database.dispose()
            urls.append(
                with_driver(server.set(database=name), "psycopg").render_as_string(
                    hide_password=False
                )
            )
        admin.dispose()
        yield urls[0], urls[1]


def run_suite(source: Path, report: Path, *, imported: bool, dburi: str | None) -> None:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = str(PLUGIN_DIR)
    environment["ALEMBIC_SAFE_UNIQUE_SUITE_IMPORT"] = "1" if imported else "0"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", PLUGIN]
    command += ["--junitxml", str(report), "-o", "junit_family=xunit1"]
    if dburi:
        command += ["--dburi", dburi]
    print(f"Alembic's suite {'with' if imported else 'without'} alembic_safe_unique", flush=True)
    finished = subprocess.run(
        command, cwd=source, env=environment, stdout=subprocess.PIPE, text=True
    )
    summary = finished.stdout.strip().splitlines()[-1:] or ["(no output)"]
    print("  " + summary[0], flush=True)
    if finished.returncode not in RESULT_CODES:
        print(finished.stdout)
        raise SystemExit(f"pytest stopped with exit code {finished.returncode}: no result")


def compare(source: Path, workdir: Path, dburis: tuple[str | None, str | None]) -> int:
    reports = workdir / "plain.xml", workdir / "imported.xml"
    run_suite(source, reports[0], imported=False, dburi=dburis[0])
    run_suite(source, reports[1], imported=True, dburi=dburis[1])
    plain, imported = outcomes.read(reports[0]), outcomes.read(reports[1])
    problems = outcomes.marker_problems(plain, "absent", "plain")
    problems += outcomes.marker_problems(imported, "installed", "imported")
    problems += outcomes.differences(plain, imported)
    if problems:
        print(f"{len(problems)} differences between the runs:")
        for line in problems:
            print("  " + line)
        return 1
    not_passed = sum(1 for outcome in plain.values() if outcome.result != "passed")
    print(
        f"Same outcome for all {len(plain)} tests with and without alembic_safe_unique "
        f"({not_passed} skipped or failing the same way in both runs)."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.alembic_suite", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args(argv)
    version = importlib.metadata.version("alembic")
    with tempfile.TemporaryDirectory(prefix="alembic-suite-") as scratch:
        workdir = Path(scratch)
        source = unpacked(sdist(version), workdir)
        print(f"Alembic {version}'s own suite on {args.db}, from {source.name}.tar.gz")
        if args.db == "sqlite":
            return compare(source, workdir, (None, None))
        server_dir = workdir / "server"
        server_dir.mkdir()
        with postgresql_databases(server_dir) as dburis:
            return compare(source, workdir, dburis)


if __name__ == "__main__":
    sys.exit(main())
