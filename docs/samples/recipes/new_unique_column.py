import sqlalchemy as sa

metadata = sa.MetaData(naming_convention={"uq": "uq_%(table_name)s_%(column_0_name)s"})

article = sa.Table(
    "article",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    # --8<-- [start:column]
    sa.Column("slug", sa.Text, unique=True),  # new: nullable, so existing rows need no value
    # --8<-- [end:column]
)
