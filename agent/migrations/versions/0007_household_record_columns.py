"""household records: the columns SQL narrows the screening on

The JSON document stays the source of truth; these columns are its projection, written at import. Rows that
exist before this migration have no projection (`columns_version` NULL): screening derives them first
(`tools.screening.records.refresh_columns`), so nothing is derived here from code that may change later.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any]], ...] = (
    ("columns_version", sa.Integer()),
    ("as_of", sa.Date()),
    ("size", sa.Integer()),
    ("applicant_age", sa.Integer()),
    ("applicant_age_moves", sa.Boolean()),
    ("applicant_foreign", sa.Boolean()),
    ("applicant_disability", sa.String(length=8)),
    ("applicant_employed", sa.Boolean()),
    ("applicant_long_term_care", sa.Boolean()),
    ("has_spouse", sa.Boolean()),
    ("has_parent", sa.Boolean()),
    ("oldest_age", sa.Integer()),
    ("youngest_age", sa.Integer()),
    ("ages_move", sa.Boolean()),
    ("youngest_child_age", sa.Integer()),
    ("children_open", sa.Boolean()),
    ("minor_children", sa.Integer()),
    ("pupils", sa.Integer()),
    ("any_disability", sa.Boolean()),
    ("any_pregnant", sa.Boolean()),
    ("single_parent", sa.Boolean()),
    ("support_obligor", sa.String(length=8)),
    ("earned_krw", sa.BigInteger()),
    ("other_krw", sa.BigInteger()),
    ("income_krw", sa.BigInteger()),
    ("income_recognition_krw", sa.BigInteger()),
    ("property_krw", sa.BigInteger()),
    ("financial_krw", sa.BigInteger()),
    ("debt_krw", sa.BigInteger()),
    ("tenure", sa.String(length=16)),
    ("sido", sa.Text()),
    ("sigungu", sa.Text()),
    ("nbls_region", sa.String(length=16)),
    ("city_class", sa.String(length=16)),
    ("months_resident", sa.Integer()),
    ("gyeonggi_years", sa.Float()),
    ("gyeonggi_total_years", sa.Float()),
    ("crisis", sa.Text()),
    ("receiving", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("household_record", schema=None) as batch_op:
        for name, kind in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("household_record", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
