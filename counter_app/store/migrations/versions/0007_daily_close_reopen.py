"""Daily close revisions: a supervisor may reopen a closed day (who, when, why, approved by whom);
the next close of that day is revision N+1 (第N次日结), so (day, scope, revision) is unique.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('daily_closes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('reopened_at', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reopened_by', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reopen_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reopen_approved_by', sa.Text(), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_daily_closes_day_scope'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_daily_closes_day_scope_revision'), ['day', 'scope', 'revision'])


def downgrade() -> None:
    with op.batch_alter_table('daily_closes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_daily_closes_day_scope_revision'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_daily_closes_day_scope'), ['day', 'scope'])
        batch_op.drop_column('reopen_approved_by')
        batch_op.drop_column('reopen_reason')
        batch_op.drop_column('reopened_by')
        batch_op.drop_column('reopened_at')
        batch_op.drop_column('revision')
