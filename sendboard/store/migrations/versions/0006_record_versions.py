"""Record versions: every editable record counts its saves, so a save made by someone who read
an older version is refused instead of silently overwriting theirs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    'organisations', 'people', 'boards', 'memberships', 'priority_areas', 'meeting_series',
    'agenda_template_items', 'meetings', 'agenda_items', 'actions', 'risks', 'risk_appetites',
    'measures', 'measure_targets', 'action_milestones', 'settings',
)


def upgrade() -> None:
    # A plain ADD COLUMN (with its default, so existing rows start at 1) on SQLite too: a
    # batch copy of each table would trip over the foreign keys pointing at it.
    for table in TABLES:
        op.add_column(
            table, sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False)
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
