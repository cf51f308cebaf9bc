"""unique ad and day"""

from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "c0a1d2e3f4a6"
down_revision = "c0a1d2e3f4a5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_unique_constraint_concurrently("uq_ad_day", "ad_counter", ["ad_id", "day"])


def downgrade() -> None:
    op.drop_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day"])
