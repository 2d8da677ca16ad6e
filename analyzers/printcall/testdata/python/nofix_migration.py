"""add severity

Revision ID: 748744207122
"""
import sqlalchemy as sa
from alembic import op

revision = "748744207122"
down_revision = "e40aefe7fc4d"


def upgrade():
    op.add_column("incident", sa.Column("severity", sa.String()))
    print("Default incident severity created.")  # want "`print` call"
