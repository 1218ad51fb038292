"""Policy rules of issue #18: the worker's category (职工/干部, a woman's retirement age), arrears
enforcement cases (条例第三十八条) beside establishment ones, and 多证合一 pre-registrations.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('workers', sa.Column('worker_category', sa.Text(), nullable=True))
    op.add_column('enforcement_cases', sa.Column('kind', sa.Text(), nullable=False, server_default='establishment'))
    op.add_column('enforcement_cases', sa.Column('arrears_amount', sa.Integer(), nullable=True))
    op.add_column('enforcement_cases', sa.Column('arrears_from', sa.Text(), nullable=True))
    op.add_column('enforcement_cases', sa.Column('arrears_to', sa.Text(), nullable=True))
    op.create_table('preregistrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('legal_rep', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('contact_name', sa.Text(), nullable=True),
    sa.Column('contact_mobile', sa.Text(), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('district', sa.Text(), nullable=True),
    sa.Column('township', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preregistrations')),
    sa.UniqueConstraint('uscc', name=op.f('uq_preregistrations_uscc'))
    )


def downgrade() -> None:
    op.drop_table('preregistrations')
    with op.batch_alter_table('enforcement_cases') as batch:
        for column in ('arrears_to', 'arrears_from', 'arrears_amount', 'kind'):
            batch.drop_column(column)
    with op.batch_alter_table('workers') as batch:
        batch.drop_column('worker_category')
