"""A build that runs out of disk: a real tablespace on a small tmpfs, filled by the build.

A build estimated above ``large_build_warning_mb`` is announced first, with the room it takes.

The index goes to ``default_tablespace`` (set for the database, as a DBA would for new
objects); the tmpfs holds 1 MB, the index needs several. The user reads what happened, how much
room the index needs where, what was cleaned up and what to do; nothing is left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.processes import failure
from tests.fixtures.project import AlembicProject

TABLESPACE = "Small Disk"
ADD_UQ = "op.create_unique_constraint_concurrently('uq ad day', 'Ad Counter', ['ad_id', 'Day'])"


@pytest.fixture
def small_tablespace(engine: sa.Engine, database_url: sa.URL) -> Iterator[str]:
    """A 1 MB tmpfs as a tablespace, the database's default for new objects."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    with engine.connect() as conn:
        data = Path(str(conn.exec_driver_sql("SHOW data_directory").scalar()))
    if not data.exists():
        pytest.skip("the test server's files are not on this machine")
    mount = Path(tempfile.mkdtemp(prefix="asu-small-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if mounted.returncode:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    owner = data.stat()
    os.chown(mount, owner.st_uid, owner.st_gid)
    os.chmod(mount.parent, 0o755)
    quoted = '"' + TABLESPACE + '"'
    database = '"' + str(database_url.database) + '"'
    autocommit = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        with autocommit as conn:
            conn.exec_driver_sql(f"CREATE TABLESPACE {quoted} LOCATION '{mount}'")
            conn.exec_driver_sql(f"ALTER DATABASE {database} SET default_tablespace = {quoted}")
        yield TABLESPACE
    finally:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"ALTER DATABASE {database} RESET default_tablespace")
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
            conn.exec_driver_sql(f"DROP TABLESPACE IF EXISTS {quoted}")
        subprocess.run(["umount", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)


def test_a_build_that_fills_the_disk_says_what_it_needs_where_and_leaves_nothing(
    project: AlembicProject, engine: sa.Engine, small_tablespace: str
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'CREATE TABLE "Ad Counter" (id serial, ad_id int, "Day" int, '
            "PRIMARY KEY (id) USING INDEX TABLESPACE pg_default) TABLESPACE pg_default"
        )
        conn.exec_driver_sql(
            'INSERT INTO "Ad Counter" (ad_id, "Day") '
            "SELECT g, mod(g, 7) FROM generate_series(1, 200000) g"
        )
        conn.exec_driver_sql('ANALYZE "Ad Counter"')
    project.write_revision("r1", ADD_UQ)
    project.configure_in_env("large_build_warning_mb=2")  # the index needs about 6 MB

    result = project.cli("upgrade", "head")

    assert result.returncode != 0
    message = failure(result.stderr)
    assert message.startswith("DiskFullError: The build of 'uq ad day' on public.Ad Counter ran ")
    assert "could not extend file" in message
    needs = message.split("It needs about ")[1].split(" MB")[0]
    assert f"about {needs} MB in tablespace {small_tablespace} (200,000 rows)" in message
    assert "The failed index was dropped." in message
    assert "postgresql_tablespace=" in message
    assert "Traceback" not in result.stderr
    # Said before the build started, with the same figure and place.
    warning = (
        f"The build of uq ad day on public.Ad Counter needs about {needs} MB in tablespace "
        f"{small_tablespace} (200,000 rows), and room for its sort in temp_tablespaces"
    )
    assert warning in result.stderr, result.stderr
    assert result.stderr.index(warning) < result.stderr.index("Building unique index")
    assert "dropping the invalid index it left" in result.stderr  # the clean-up is logged
    assert invalid_indexes(engine) == []
    assert unique_constraints(engine, '"Ad Counter"') == {}


def test_a_build_below_the_warning_size_starts_without_a_space_warning(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql('CREATE TABLE "Ad Counter" (id serial, ad_id int, "Day" int)')
        conn.exec_driver_sql(
            'INSERT INTO "Ad Counter" (ad_id, "Day") SELECT g, 1 FROM generate_series(1, 200000) g'
        )
        conn.exec_driver_sql('ANALYZE "Ad Counter"')
    project.write_revision("r1", ADD_UQ)

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, failure(result.stderr)
    assert "needs about" not in result.stderr  # about 6 MB: under the 1024 MB default
    assert unique_constraints(engine, '"Ad Counter"') == {"uq ad day": 'UNIQUE (ad_id, "Day")'}
