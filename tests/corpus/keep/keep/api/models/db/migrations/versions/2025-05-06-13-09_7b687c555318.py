"""Recalculate alerts_count for incidents

Revision ID: 7b687c555318
Revises: eddcb77eb6f3
Create Date: 2025-05-06 13:09:27.462927

"""

# revision identifiers, used by Alembic.
revision = "7b687c555318"
down_revision = "eddcb77eb6f3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
