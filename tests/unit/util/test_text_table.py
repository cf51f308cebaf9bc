"""The plain-text tables of the command line: aligned, numbers to the right."""

from __future__ import annotations

from alembic_safe_unique.util.text_table import table


def test_columns_align_and_numbers_are_right_aligned() -> None:
    assert table(["index", "rows"], [["Uq Ad Day", 1200], ["ix", 7]]).splitlines() == [
        "index      rows",
        "---------  ----",
        "Uq Ad Day  1200",
        "ix            7",
    ]


def test_a_table_without_rows_is_its_header() -> None:
    assert table(["a", "bb"], []) == "a  bb\n-  --"
