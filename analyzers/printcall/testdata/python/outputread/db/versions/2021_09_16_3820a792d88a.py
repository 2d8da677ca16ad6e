"""Backfills the case costs.

Revision ID: 3820a792d88a
Revises: 1a2b3c4d5e6f
"""
from alembic import op

revision = "3820a792d88a"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    print("Backfilling case costs, this may take a while...")
    op.execute("UPDATE case_cost SET amount = 0 WHERE amount IS NULL")
