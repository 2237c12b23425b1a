"""handoff contact, results, transcript and messages; officer console sessions

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 09:29:25.150909
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handoff_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", AutoString(length=32), nullable=False),
        sa.Column("sender", AutoString(length=8), nullable=False),
        sa.Column("author", AutoString(length=100), nullable=True),
        sa.Column("text", AutoString(length=4000), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["handoff.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("handoff_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handoff_message_case_id"), ["case_id"], unique=False)

    op.create_table(
        "officer_session",
        sa.Column("id", AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf", AutoString(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["api_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("officer_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_officer_session_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("handoff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", AutoString(length=8), nullable=False, server_default="chat"))
        batch_op.add_column(sa.Column("phone", AutoString(length=32), nullable=True))
        batch_op.add_column(sa.Column("outcome", AutoString(length=2000), nullable=True))
        batch_op.add_column(sa.Column("results", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("transcript", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("handoff", schema=None) as batch_op:
        batch_op.drop_column("transcript")
        batch_op.drop_column("results")
        batch_op.drop_column("outcome")
        batch_op.drop_column("phone")
        batch_op.drop_column("contact")

    with op.batch_alter_table("officer_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_officer_session_user_id"))

    op.drop_table("officer_session")
    with op.batch_alter_table("handoff_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handoff_message_case_id"))

    op.drop_table("handoff_message")
