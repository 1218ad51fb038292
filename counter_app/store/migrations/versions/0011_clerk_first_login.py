"""Clerk accounts from the centre (issue #22 item 2): a one-time code must be changed at first login,
and the centre's confirmation of each account is kept for the offline lock.

``must_change_password``: the account's password is a one-time code (the centre's add or reset);
the clerk sets an own password before anything else. ``confirmed_at``: the last sync at which the
centre listed the account as active. ``offline_override_until``: a supervisor let the account log in
past the offline lock until then (audited).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('confirmed_at', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('offline_override_until', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('clerks', schema=None) as batch_op:
        batch_op.drop_column('offline_override_until')
        batch_op.drop_column('confirmed_at')
        batch_op.drop_column('must_change_password')
