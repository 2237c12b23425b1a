"""household records for screening

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 15:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "household_record",
        sa.Column("record_id", AutoString(length=64), nullable=False),
        sa.Column("dong", AutoString(length=32), nullable=True),
        sa.Column("household", sa.JSON(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("import_id", AutoString(length=32), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    with op.batch_alter_table("household_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_record_dong"), ["dong"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_record_imported_at"), ["imported_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_record_import_id"), ["import_id"], unique=False)


def downgrade() -> None:
    op.drop_table("household_record")
