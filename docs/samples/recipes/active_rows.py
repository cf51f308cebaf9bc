"""one active subscription per email"""

import sqlalchemy as sa
from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "a7c1e5d3b2f0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index_concurrently(
            "uq_subscription_active_email",
            "subscription",
            ["email"],
            unique=True,
            postgresql_where=sa.text("cancelled_at IS NULL"),
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index_concurrently("uq_subscription_active_email", "subscription")
