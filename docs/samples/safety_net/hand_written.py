"""one row per ad and day; index hits"""

from alembic import op

revision = "5c1e7a9d2b40"
down_revision = "1975ea83b712"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per ad and day: the daily report groups by it.
    op.create_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day"])
    op.create_index("ix_ad_counter_hits", "ad_counter", ["hits"])


def downgrade() -> None:
    op.drop_index("ix_ad_counter_hits", table_name="ad_counter")
    op.drop_constraint("uq_ad_day", "ad_counter", type_="unique")
