"""More record versions: the minutes text, decisions, the register of interests, engagement
events and the notice's requirements count their saves too, so two people editing one of them
cannot silently overwrite each other. A minute section also says who saved it last, and numbers
its saves so a colleague's typing reaches an open window without an audit row per autosave.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 02:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('minute_sections', 'decisions', 'interests', 'engagement_events', 'notice_requirements')


def upgrade() -> None:
    # As 0006: a plain ADD COLUMN with its default (existing rows start at 1) on SQLite too,
    # since a batch copy of each table would trip over the foreign keys pointing at it.
    for table in TABLES:
        op.add_column(
            table, sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False)
        )
    op.add_column(
        'minute_sections',
        sa.Column('saved_by', sa.String(length=128), server_default='', nullable=False),
    )
    op.add_column(
        'minute_sections',
        sa.Column('stamp', sa.Integer(), server_default=sa.text('0'), nullable=False),
    )
    op.create_index(op.f('ix_minute_sections_stamp'), 'minute_sections', ['stamp'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_minute_sections_stamp'), table_name='minute_sections')
    with op.batch_alter_table('minute_sections', schema=None) as batch_op:
        batch_op.drop_column('stamp')
        batch_op.drop_column('saved_by')
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
