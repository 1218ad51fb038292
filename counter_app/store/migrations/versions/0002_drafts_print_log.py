"""Form drafts kept between visits, and the print log (every print and reprint, with reason).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts')),
    sa.UniqueConstraint('kind', 'key', name=op.f('uq_drafts_kind_key'))
    )
    op.create_table('print_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('receipt_number', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('reprint', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('path', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_log'))
    )
    op.create_index(op.f('ix_print_log_receipt_number'), 'print_log', ['receipt_number'], unique=False)


def downgrade() -> None:
    op.drop_table('print_log')
    op.drop_table('drafts')
