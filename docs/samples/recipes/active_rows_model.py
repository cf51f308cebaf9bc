import sqlalchemy as sa

metadata = sa.MetaData()

subscription = sa.Table(
    "subscription",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("cancelled_at", sa.DateTime),
    # --8<-- [start:index]
    sa.Index(
        "uq_subscription_active_email",
        "email",
        unique=True,
        postgresql_where=sa.text("cancelled_at IS NULL"),
    ),
    # --8<-- [end:index]
)
