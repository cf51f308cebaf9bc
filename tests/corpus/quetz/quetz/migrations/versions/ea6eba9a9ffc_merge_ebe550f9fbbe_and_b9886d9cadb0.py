"""merge ebe550f9fbbe and b9886d9cadb0

Revision ID: ea6eba9a9ffc
Revises: ebe550f9fbbe, b9886d9cadb0
Create Date: 2021-02-09 16:40:52.637115

"""

# revision identifiers, used by Alembic.
revision = 'ea6eba9a9ffc'
down_revision = ('ebe550f9fbbe', 'b9886d9cadb0')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
