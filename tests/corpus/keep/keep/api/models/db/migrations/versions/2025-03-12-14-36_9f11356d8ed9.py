"""empty message

Revision ID: 9f11356d8ed9
Revises: 16309df224d1, ab333148350e
Create Date: 2025-03-12 14:36:09.529471

"""

# revision identifiers, used by Alembic.
revision = "9f11356d8ed9"
down_revision = ("16309df224d1", "ab333148350e")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
