"""The example application's tables, as its developers declare them."""

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ad_counter = sa.Table(
    "ad_counter",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("ad_id", sa.BigInteger, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("hits", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("code", sa.Text, unique=True),
    sa.UniqueConstraint("ad_id", "day"),
    sa.Index("ix_ad_counter_hits", "hits"),
)
