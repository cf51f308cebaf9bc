"""Merge revision

Revision ID: e0d568f345c9
Revises:
Create Date: 2021-07-23 15:53:45.523064

"""
# revision identifiers, used by Alembic.
revision = "e0d568f345c9"
down_revision = ("c0bc938b058e", "8f364cf49a23")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
