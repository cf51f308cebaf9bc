import sqlalchemy as sa

metadata = sa.MetaData()

price = sa.Table(
    "price",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("product_id", sa.Integer, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("region", sa.Text, nullable=False),
    sa.Column("amount", sa.Numeric, nullable=False),
    # --8<-- [start:constraint]
    # was: sa.UniqueConstraint("product_id", "currency", name="uq_price")
    sa.UniqueConstraint("product_id", "currency", "region", name="uq_price"),
    # --8<-- [end:constraint]
)
