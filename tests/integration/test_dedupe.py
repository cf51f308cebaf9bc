"""op.deduplicate_rows: the data fix before a unique, on real tables, in bounded batches."""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import unique_constraints
from tests.fixtures.project import AlembicProject
from tests.fixtures.tools import psql

TABLE = '"Ad Counter"'


def make_story_table(engine: sa.Engine) -> None:
    """Impressions counted per (ad, day), written twice or three times by a racing upsert."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f'CREATE TABLE {TABLE} (id bigserial PRIMARY KEY, ad_id int, "Day" int, '
            "hits int NOT NULL, seen_at timestamptz, active boolean NOT NULL DEFAULT true)"
        )
        # 300 keys; every third has 3 copies, every fifth 2: the newest copy has the largest id.
        conn.exec_driver_sql(
            f'INSERT INTO {TABLE} (ad_id, "Day", hits, seen_at) '
            "SELECT k / 10, mod(k, 10), mod(k, 7) + 1, "
            "       now() - k * interval '1 minute' + copy * interval '1 s' "
            "FROM generate_series(1, 300) k, generate_series(1, 3) copy "
            "WHERE copy = 1 OR (copy = 2 AND (mod(k, 3) = 0 OR mod(k, 5) = 0)) "
            "   OR (copy = 3 AND mod(k, 3) = 0) ORDER BY copy, k"
        )
        # NULL key parts are distinct for a plain unique: these must all stay.
        conn.exec_driver_sql(
            f'INSERT INTO {TABLE} (ad_id, "Day", hits, seen_at) VALUES '
            "(NULL, 1, 5, now()), (NULL, 1, 5, now() + interval '1 s'), (7, NULL, 1, now())"
        )


def table_state(engine: sa.Engine) -> dict[str, object]:
    with engine.connect() as conn:
        return dict(
            conn.execute(
                sa.text(
                    f'SELECT count(*) AS rows, sum(hits) AS hits, count(DISTINCT (ad_id, "Day")) '
                    f'AS keys, count(*) FILTER (WHERE ad_id IS NULL OR "Day" IS NULL) AS nulls '
                    f"FROM {TABLE}"
                )
            )
            .mappings()
            .one()
        )


def test_counter_story_keeps_newest_and_adds_up_hits(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_story_table(engine)
    before = table_state(engine)
    with engine.connect() as conn:
        newest = set(
            conn.execute(
                sa.text(
                    f'SELECT max(id) FROM {TABLE} WHERE ad_id IS NOT NULL AND "Day" IS NOT NULL'
                    ' GROUP BY ad_id, "Day"'
                )
            ).scalars()
        )
    project.write_revision(
        "r1",
        "report = op.deduplicate_rows('Ad Counter', ['ad_id', 'Day'], keep='newest',"
        " sum_columns=['hits'], batch_size=25)\n"
        "assert report.rows_removed == 240 and report.groups == 140, report",
    )
    project.write_revision(
        "r2",
        "op.create_unique_constraint_concurrently('uq_ad_day', 'Ad Counter', ['ad_id', 'Day'])",
        down_revision="r1",
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    after = table_state(engine)
    assert after["hits"] == before["hits"]  # counters merged, none lost
    assert after["rows"] == before["rows"] - 240
    assert after["nulls"] == 3  # rows with a NULL key part are untouched
    assert unique_constraints(engine, TABLE) == {"uq_ad_day": 'UNIQUE (ad_id, "Day")'}
    with engine.connect() as conn:
        kept = set(
            conn.execute(
                sa.text(f'SELECT id FROM {TABLE} WHERE ad_id IS NOT NULL AND "Day" IS NOT NULL')
            ).scalars()
        )
    assert kept == newest
    assert re.search(
        r"Deduplicated public\.Ad Counter \(ad_id, Day\), keeping the newest by id and adding hits "
        r"into it: removed 240 rows from 140 key groups in 6 batches",
        result.stderr,
    ), result.stderr


def test_oldest_by_a_column_only_rows_in_scope_nulls_not_distinct(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_story_table(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE {TABLE} SET active = false WHERE ad_id = 3")
        inactive = conn.exec_driver_sql(f"SELECT count(*) FROM {TABLE} WHERE NOT active").scalar()
        oldest = set(
            conn.exec_driver_sql(
                f'SELECT DISTINCT ON (ad_id, "Day") id FROM {TABLE} WHERE active '
                f'ORDER BY ad_id, "Day", seen_at'
            ).scalars()
        )
    project.write_revision(
        "r1",
        "op.deduplicate_rows('Ad Counter', ['ad_id', 'Day'], keep='oldest', order_by='seen_at',"
        " where='active', nulls_not_distinct=True)",
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    with engine.connect() as conn:
        kept_active = set(conn.exec_driver_sql(f"SELECT id FROM {TABLE} WHERE active").scalars())
        still_inactive = conn.exec_driver_sql(f"SELECT count(*) FROM {TABLE} WHERE NOT active")
        assert still_inactive.scalar() == inactive  # outside the WHERE: left alone
    assert kept_active == oldest  # DISTINCT ON treats NULLs as equal, like NULLS NOT DISTINCT


def test_a_locked_row_stops_with_progress_kept_and_rerun_finishes(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_story_table(engine)
    project.configure_in_env("lock_timeout_ms=100, lock_attempts=2, retry_base_delay_s=0")
    project.write_revision(
        "r1", "op.deduplicate_rows('Ad Counter', ['ad_id', 'Day'], batch_size=10)"
    )
    with engine.connect() as holder:
        # A transaction updating one duplicate of the last key group, and not finishing.
        holder.exec_driver_sql(f'UPDATE {TABLE} SET hits = hits WHERE ad_id = 30 AND "Day" = 0')
        result = project.cli("upgrade", "head")
        holder.rollback()

    assert result.returncode != 0
    assert "LockNotAcquiredError" in result.stderr
    assert "Earlier batches are committed; run the migration again" in result.stderr
    assert table_state(engine)["rows"] < 1000  # the first batches did their work

    rerun = project.cli("upgrade", "head")
    assert rerun.returncode == 0, rerun.stderr
    assert table_state(engine)["rows"] == 300 + 3


def test_offline_script_deduplicates_in_one_statement(
    project: AlembicProject, engine: sa.Engine, tmp_path: Path
) -> None:
    make_story_table(engine)
    before = table_state(engine)
    project.write_revision(
        "r1",
        "op.deduplicate_rows('Ad Counter', ['ad_id', 'Day'], order_by=['id'],"
        " sum_columns=['hits'])",
    )
    script = tmp_path / "upgrade.sql"
    script.write_text(project.upgrade_sql())
    assert "-- Offline scripts cannot batch" in script.read_text()

    psql(engine, script)

    after = table_state(engine)
    assert after["hits"] == before["hits"]
    assert after["rows"] == 300 + 3


def test_bad_arguments_fail_before_touching_the_table(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_story_table(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'ALTER TABLE {TABLE} DROP CONSTRAINT "Ad Counter_pkey"')
    project.write_revision("r1", "op.deduplicate_rows('Ad Counter', ['ad_id'], keep='latest')")
    wrong_keep = project.cli("upgrade", "head")
    assert "keep must be 'newest' or 'oldest' (by order_by), got 'latest'" in wrong_keep.stderr

    project.write_revision("r1", "op.deduplicate_rows('Ad Counter', ['ad_id', 'Day'])")
    no_order = project.cli("upgrade", "head")
    assert "has no primary key" in no_order.stderr
    assert "name the column that orders rows with order_by=[...]" in no_order.stderr
    assert table_state(engine)["rows"] == 543


COUNTERS = '"Hit Counts"'


def _counter_groups(engine: sa.Engine) -> dict[int, object]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f'SELECT "Key", sum(hits) FROM {COUNTERS} GROUP BY "Key"')
        return dict(rows.all())  # type: ignore[arg-type]


def test_counters_add_up_as_sum_does_wherever_the_nulls_are(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """NULL counts as nothing; a group that is all NULL stays NULL, like sum() over it."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f'CREATE TABLE {COUNTERS} (id serial PRIMARY KEY, "Key" int, hits int)'
        )
        # keep="newest" keeps the largest id, the last row of each group below.
        conn.exec_driver_sql(
            f'INSERT INTO {COUNTERS} ("Key", hits) VALUES '
            "(1, 5), (1, 7), (1, NULL),"  # kept row NULL, removed rows count
            "(2, NULL), (2, 3),"  # a removed NULL must not wipe the kept 3
            "(3, NULL), (3, NULL), (3, NULL),"  # all NULL: stays NULL
            "(4, 7), (4, NULL), (4, 5),"  # NULL among the removed
            "(5, 1), (5, 2),"  # no NULL at all
            "(6, NULL)"  # no duplicate: untouched
        )
    truth = _counter_groups(engine)  # sum() per key, computed by PostgreSQL
    assert truth == {1: 12, 2: 3, 3: None, 4: 12, 5: 3, 6: None}
    project.write_revision(
        "r1", "op.deduplicate_rows('Hit Counts', ['Key'], sum_columns=['hits'], batch_size=2)"
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f'SELECT "Key", count(*) FROM {COUNTERS} GROUP BY "Key"')
        assert all(count == 1 for _, count in rows)
    assert _counter_groups(engine) == truth


def test_ties_and_nulls_in_order_by_are_broken_by_the_primary_key_in_the_same_direction(
    project: AlembicProject, engine: sa.Engine
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f'CREATE TABLE {COUNTERS} (id int PRIMARY KEY, "Key" int, seen_at timestamptz)'
        )
        # Ids out of insertion order, so the physical order (ctid) says nothing.
        conn.exec_driver_sql(
            f'INSERT INTO {COUNTERS} (id, "Key", seen_at) VALUES '
            "(20, 1, '2026-01-01'), (10, 1, '2026-01-01'), (30, 1, '2026-01-01'),"  # a tie
            "(41, 2, NULL), (40, 2, '2025-06-01'), (42, 2, NULL),"  # NULLs never win
            "(51, 3, NULL), (50, 3, NULL), (52, 3, NULL)"  # all NULL: the key decides
        )
        conn.exec_driver_sql(f"CREATE TABLE copy AS SELECT * FROM {COUNTERS}")
    project.write_revision(
        "r1", "op.deduplicate_rows('Hit Counts', ['Key'], keep='newest', order_by=['seen_at'])"
    )
    project.write_revision(
        "r2",
        "op.execute('TRUNCATE \"Hit Counts\"')\n"
        "op.execute('INSERT INTO \"Hit Counts\" SELECT * FROM copy')",
        down_revision="r1",
    )
    project.write_revision(
        "r3",
        "op.deduplicate_rows('Hit Counts', ['Key'], keep='oldest', order_by=['seen_at'])",
        down_revision="r2",
    )

    def kept() -> set[int]:
        with engine.connect() as conn:
            return set(conn.exec_driver_sql(f"SELECT id FROM {COUNTERS}").scalars())

    newest = project.cli("upgrade", "r1")
    assert newest.returncode == 0, newest.stderr
    assert kept() == {30, 40, 52}

    oldest = project.cli("upgrade", "r3")
    assert oldest.returncode == 0, oldest.stderr
    assert kept() == {10, 40, 50}


def test_listing_is_not_cut_short_by_the_roles_statement_timeout(
    project: AlembicProject, engine: sa.Engine
) -> None:
    """The read pass scans the whole table; a 100 ms role timeout must not cancel it."""
    make_story_table(engine)
    with engine.begin() as conn:
        database = conn.exec_driver_sql("SELECT current_database()").scalar()
        role = conn.exec_driver_sql("SELECT current_user").scalar()
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql(
            f"ALTER ROLE {quote(role)} IN DATABASE {quote(database)} SET statement_timeout = 100"
        )
    # Each row in scope costs 1 ms to look at: the listing takes about half a second.
    project.write_revision(
        "r1",
        "op.deduplicate_rows('Ad Counter', ['ad_id', 'Day'], where='pg_sleep(0.001) IS NOT NULL')",
    )

    result = project.cli("upgrade", "head")

    assert result.returncode == 0, result.stderr
    assert table_state(engine)["rows"] == 300 + 3
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "100ms"
