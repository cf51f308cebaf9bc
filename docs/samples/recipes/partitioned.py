"""one reading per sensor and time"""

from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "d4e5f6a7b8c9"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # measurement is PARTITION BY RANGE (taken_at): the key must include taken_at.
    op.create_unique_constraint_concurrently(
        "uq_measurement_sensor_taken", "measurement", ["sensor_id", "taken_at"]
    )


def downgrade() -> None:
    op.drop_unique_constraint(
        "uq_measurement_sensor_taken", "measurement", ["sensor_id", "taken_at"]
    )
