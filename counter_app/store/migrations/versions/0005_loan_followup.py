"""Post-loan follow-up: what the centre knows of a loan's repayment today (co-borrower, next due date and
amount, arrears and since when), and the station's contact log of overdue loans (逾期催收联系记录).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('loans') as batch:
        batch.add_column(sa.Column('co_borrower_id', sa.Text(), nullable=True))
        batch.add_column(sa.Column('next_due_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('next_due_amount', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('arrears_months', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('arrears_amount', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('overdue_since', sa.Date(), nullable=True))
    op.create_table('collection_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_no', sa.Text(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('way', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('promised_date', sa.Date(), nullable=True),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collection_contacts'))
    )
    op.create_index(op.f('ix_collection_contacts_loan_no'), 'collection_contacts', ['loan_no'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_collection_contacts_loan_no'), table_name='collection_contacts')
    op.drop_table('collection_contacts')
    with op.batch_alter_table('loans') as batch:
        for column in ('overdue_since', 'arrears_amount', 'arrears_months', 'next_due_amount', 'next_due_date',
                       'co_borrower_id'):
            batch.drop_column(column)
