"""add description column to plus_control

Revision ID: d6e7f8a9b0c1
Revises: a42ef09a3dfe
Create Date: 2026-04-14 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d6e7f8a9b0c1"
down_revision = "a42ef09a3dfe"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "plus_control",
        sa.Column("description", sa.String(), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("plus_control", "description")
