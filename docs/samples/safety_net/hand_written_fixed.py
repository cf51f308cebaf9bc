"""one row per ad and day; index hits"""

from alembic import op
import alembic_safe_unique  # noqa: F401  (registers the op.* it calls)

revision = "5c1e7a9d2b40"
down_revision = "1975ea83b712"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per ad and day: the daily report groups by it.
    op.create_unique_constraint_concurrently(
        "uq_ad_day", "ad_counter", ["ad_id", "day"]
    )
    with op.get_context().autocommit_block():
        op.create_index_concurrently("ix_ad_counter_hits", "ad_counter", ["hits"])


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index_concurrently("ix_ad_counter_hits", table_name="ad_counter")
    op.drop_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day"])
