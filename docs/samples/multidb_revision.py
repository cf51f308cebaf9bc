"""unique ad and day on the reporting database"""

from alembic import op

import alembic_safe_unique  # noqa: F401

revision = "7a1c0e2f9b31"
down_revision = None
branch_labels = None
depends_on = None


def upgrade(engine_name: str) -> None:
    globals()[f"upgrade_{engine_name}"]()


def downgrade(engine_name: str) -> None:
    globals()[f"downgrade_{engine_name}"]()


def upgrade_engine1() -> None:
    pass


def downgrade_engine1() -> None:
    pass


# --8<-- [start:engine2]
def upgrade_engine2() -> None:
    op.create_unique_constraint_concurrently("uq_ad_day", "ad_counter", ["ad_id", "day"])


def downgrade_engine2() -> None:
    op.drop_unique_constraint("uq_ad_day", "ad_counter", ["ad_id", "day"])


# --8<-- [end:engine2]
