"""A real Alembic project on disk (``alembic init`` output), driven as users drive it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

REVISION_TEMPLATE = '''"""{message}"""
import sqlalchemy as sa
from alembic import op

revision = {revision!r}
down_revision = {down_revision!r}
branch_labels = None
depends_on = None


def upgrade():
{upgrade}


def downgrade():
{downgrade}
'''


@dataclass
class AlembicProject:
    root: Path
    url: sa.URL

    @classmethod
    def create(cls, root: Path, url: sa.URL) -> AlembicProject:
        """``alembic init`` (generic template), then the two lines the README tells users to add."""
        root.mkdir(parents=True)
        ini = root / "alembic.ini"
        command.init(Config(str(ini)), str(root / "migrations"), template="generic")
        rendered = url.render_as_string(hide_password=False).replace("%", "%%")
        text = ini.read_text()
        text = text.replace("driver://user:pass@localhost/dbname", rendered)
        ini.write_text(text)
        env = root / "migrations" / "env.py"
        env.write_text("import alembic_safe_unique  # noqa: F401\n" + env.read_text())
        return cls(root, url)

    @property
    def ini(self) -> Path:
        return self.root / "alembic.ini"

    @property
    def env_py(self) -> Path:
        return self.root / "migrations" / "env.py"

    @property
    def versions(self) -> Path:
        return self.root / "migrations" / "versions"

    def config(self, output: io.StringIO | None = None) -> Config:
        config = Config(str(self.ini), output_buffer=output)
        return config

    def write_revision(
        self,
        revision: str,
        upgrade: str,
        downgrade: str = "pass",
        *,
        down_revision: str | None = None,
        message: str = "test revision",
    ) -> Path:
        path = self.versions / f"{revision}.py"
        path.write_text(
            REVISION_TEMPLATE.format(
                message=message,
                revision=revision,
                down_revision=down_revision,
                upgrade=textwrap.indent(textwrap.dedent(upgrade).strip(), "    "),
                downgrade=textwrap.indent(textwrap.dedent(downgrade).strip(), "    "),
            )
        )
        return path

    def upgrade(self, target: str = "head") -> None:
        command.upgrade(self.config(), target)

    def downgrade(self, target: str) -> None:
        command.downgrade(self.config(), target)

    def upgrade_sql(self, target: str = "head") -> str:
        """``alembic upgrade <target> --sql``: the offline script."""
        buffer = io.StringIO()
        command.upgrade(self.config(buffer), target, sql=True)
        return buffer.getvalue()

    def cli(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run the ``alembic`` command line in the project directory, as a user would."""
        return subprocess.run(
            [sys.executable, "-m", "alembic", "-c", str(self.ini), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

    def popen(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "alembic", "-c", str(self.ini), *args],
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

    def current(self, engine: sa.Engine) -> str | None:
        with engine.connect() as conn:
            exists = conn.execute(sa.text("SELECT to_regclass('alembic_version')")).scalar()
            if exists is None:
                return None
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
