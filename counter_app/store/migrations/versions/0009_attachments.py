"""Documents attached to applications (电子档案, issue #21): one row per file, by content hash.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Text(), nullable=False),
    sa.Column('application_client_id', sa.Text(), nullable=False),
    sa.Column('receipt_number', sa.Text(), nullable=False),
    sa.Column('material', sa.Text(), server_default='', nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('media_type', sa.Text(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('bytes', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('original_sha256', sa.Text(), nullable=True),
    sa.Column('original_bytes', sa.Integer(), nullable=True),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('attached_at', sa.Text(), nullable=False),
    sa.Column('synced_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    sa.UniqueConstraint('client_id', name=op.f('uq_attachments_client_id'))
    )
    op.create_index(op.f('ix_attachments_application_client_id'), 'attachments', ['application_client_id'])
    op.create_index(op.f('ix_attachments_receipt_number'), 'attachments', ['receipt_number'])
    op.create_index(op.f('ix_attachments_sha256'), 'attachments', ['sha256'])


def downgrade() -> None:
    op.drop_table('attachments')
