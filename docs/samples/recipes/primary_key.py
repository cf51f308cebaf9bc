"""give events a primary key"""

from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "c5e7a9b1d3f2"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "Id" was nullable: nullable_before lets the downgrade make it nullable again.
    op.create_primary_key_concurrently(
        "Event Log pkey", "Event Log", ["Id"], nullable_before=["Id"]
    )


def downgrade() -> None:
    op.drop_primary_key_concurrently("Event Log pkey", "Event Log", ["Id"], make_nullable=["Id"])
