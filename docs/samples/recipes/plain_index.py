"""index orders by customer"""

from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "b3d9f1a2c4e6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index_concurrently("ix_orders_customer_id", "orders", ["customer_id"])


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index_concurrently("ix_orders_customer_id", "orders")
