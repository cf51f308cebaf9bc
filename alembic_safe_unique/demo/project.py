"""The demo's table, its rows, and the two throwaway Alembic projects that migrate it.

Both projects are what ``alembic init`` writes, with the model and env.py lines a user adds;
the only difference is the rewriter in the second one's env.py.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from alembic_safe_unique.demo.errors import DemoError

TABLE_NAME = "demo_events"
CONSTRAINT_NAME = "uq_demo_events_account_external"
KEY_COLUMNS = ("account_id", "external_id")
LOAD_CHUNK_ROWS = 250_000

MODELS = f'''\
"""The application's models: events, now with one row per (account_id, external_id)."""
import sqlalchemy as sa

metadata = sa.MetaData()

events = sa.Table(
    "{TABLE_NAME}",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("account_id", sa.BigInteger, nullable=False),
    sa.Column("external_id", sa.BigInteger, nullable=False),
    sa.Column("hits", sa.Integer, nullable=False, server_default="0"),
    sa.Column("payload", sa.Text),
    sa.UniqueConstraint("account_id", "external_id", name="{CONSTRAINT_NAME}"),
)
'''

ENV_MODELS = """\
import runpy
from pathlib import Path

import alembic_safe_unique

target_metadata = runpy.run_path(
    str(Path(__file__).resolve().parent.parent / "models.py")
)["metadata"]
"""


def events_table(metadata: sa.MetaData | None = None) -> sa.Table:
    """The table as it is before the migration: no unique constraint yet."""
    return sa.Table(
        TABLE_NAME,
        metadata if metadata is not None else sa.MetaData(),
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("account_id", sa.BigInteger, nullable=False),
        sa.Column("external_id", sa.BigInteger, nullable=False),
        sa.Column("hits", sa.Integer, nullable=False, server_default="0"),
        sa.Column("payload", sa.Text),
    )


def create_and_fill(
    engine: sa.Engine, rows: int, report: Callable[[str], None] = print
) -> sa.Table:
    """Create the table and fill it in chunks (each its own transaction), then ANALYZE it."""
    metadata = sa.MetaData()
    table = events_table(metadata)
    metadata.create_all(engine)
    started = time.monotonic()
    for low in range(1, rows + 1, LOAD_CHUNK_ROWS):
        high = min(low + LOAD_CHUNK_ROWS - 1, rows)
        series = (
            sa.func.generate_series(low, high)
            .table_valued(sa.column("value", sa.BigInteger))
            .render_derived(name="g")
        )
        rows_query = sa.select(
            sa.func.div(series.c.value, 50),  # 50 events per account
            series.c.value,
            sa.func.md5(sa.cast(series.c.value, sa.Text)),
        ).select_from(series)
        with engine.begin() as conn:
            # ids come from the sequence (1..rows), which then goes on for the load's inserts
            columns = ["account_id", "external_id", "payload"]
            conn.execute(table.insert().from_select(columns, rows_query))
        report(f"  {high:,} of {rows:,} rows")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(
            sa.text("VACUUM ANALYZE " + conn.dialect.identifier_preparer.quote(TABLE_NAME))
        )
    report(f"  loaded in {time.monotonic() - started:.1f} s")
    return table


@dataclass
class DemoProject:
    """A throwaway Alembic project on disk, driven through the ``alembic`` command line."""

    root: Path

    @classmethod
    def create(
        cls, root: Path, url: sa.URL, *, rewriter: bool, env_settings: str = ""
    ) -> DemoProject:
        """``env_settings``: keyword arguments for ``alembic_safe_unique.configure`` in env.py."""
        root.mkdir(parents=True)
        ini = root / "alembic.ini"
        with contextlib.redirect_stdout(io.StringIO()):  # "Creating directory..." lines
            command.init(Config(str(ini)), str(root / "migrations"))
        rendered = url.render_as_string(hide_password=False).replace("%", "%%")
        ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", rendered))
        env = root / "migrations" / "env.py"
        text = env.read_text().replace("target_metadata = None\n", ENV_MODELS)
        if env_settings:
            text = text.replace(
                "import alembic_safe_unique\n",
                f"import alembic_safe_unique\n\nalembic_safe_unique.configure({env_settings})\n",
            )
        if rewriter:
            text = text.replace(
                "target_metadata=target_metadata",
                "target_metadata=target_metadata,\n"
                "        process_revision_directives=alembic_safe_unique.rewriter",
            )
        env.write_text(text)
        (root / "models.py").write_text(MODELS)
        return cls(root)

    def alembic(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``alembic -c <ini> <args>`` as a user types it; log lines as plain lines."""
        return subprocess.run(
            [sys.executable, "-m", "alembic", "-c", str(self.root / "alembic.ini"), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "ALEMBIC_SAFE_UNIQUE_PROGRESS": "log"},
        )

    def autogenerate(self, message: str) -> list[Path]:
        result = self.alembic("revision", "--autogenerate", "-m", message)
        if result.returncode != 0:
            raise DemoError(f"alembic revision --autogenerate failed:\n{result.stderr}")
        script = ScriptDirectory.from_config(Config(str(self.root / "alembic.ini")))
        return [Path(revision.path) for revision in reversed(list(script.walk_revisions()))]


def upgrade_body(path: Path) -> str:
    """The upgrade() of a revision file, to print."""
    text = path.read_text()
    body = text.split("def upgrade()", 1)[1].split("\ndef downgrade()", 1)[0]
    return textwrap.dedent("def upgrade()" + body).rstrip()
