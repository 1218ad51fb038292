"""Developers' projects (楼盘准入) pulled from the centre: every station knows the city's admitted projects.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_key', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('developer_uscc', sa.Text(), nullable=False),
    sa.Column('standing', sa.Text(), nullable=False),
    sa.Column('developer_name', sa.Text(), nullable=False),
    sa.Column('district', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('presale_permit_no', sa.Text(), nullable=True),
    sa.Column('agreement_no', sa.Text(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('receipt_number', sa.Text(), nullable=True),
    sa.Column('station_code', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('project_key', name=op.f('uq_projects_project_key'))
    )


def downgrade() -> None:
    op.drop_table('projects')
