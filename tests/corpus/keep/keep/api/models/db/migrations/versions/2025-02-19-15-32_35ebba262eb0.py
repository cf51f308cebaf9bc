"""Merge heads

Revision ID: 35ebba262eb0
Revises: 90e2d22edc6a, 876a424d8f06
Create Date: 2025-02-19 15:32:56.689105

"""

# revision identifiers, used by Alembic.
revision = "35ebba262eb0"
down_revision = ("90e2d22edc6a", "876a424d8f06")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
