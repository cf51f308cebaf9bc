"""merge duplicate ad counters"""

from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "c0a1d2e3f4a5"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.deduplicate_rows(
        "ad_counter",
        ["ad_id", "day"],
        keep="newest",  # the row with the latest updated_at survives ("oldest": the first)
        order_by=["updated_at"],  # default: the primary key
        sum_columns=["hits"],  # the removed rows' hits are added to it: none are lost
    )


def downgrade() -> None:
    pass  # merged rows cannot be split again
