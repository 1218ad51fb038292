"""Station operations (站务): coverage targets and candidates, enforcement cases and their steps,
complaints, deferral follow-up (affected workers, payback instalments), daily closes, service ratings.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coverage_candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('insured_staff', sa.Integer(), nullable=False),
    sa.Column('township', sa.Text(), nullable=True),
    sa.Column('contact_name', sa.Text(), nullable=True),
    sa.Column('contact_mobile', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coverage_candidates')),
    sa.UniqueConstraint('uscc', name=op.f('uq_coverage_candidates_uscc'))
    )
    op.create_table('coverage_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope_kind', sa.Text(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('set_by', sa.Text(), nullable=False),
    sa.Column('set_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coverage_targets')),
    sa.UniqueConstraint('scope_kind', 'scope', 'period_start', 'period_end', name=op.f('uq_coverage_targets_scope_kind_scope_period_start_period_end'))
    )
    op.create_table('daily_closes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('closed_by', sa.Text(), nullable=False),
    sa.Column('closed_at', sa.Text(), nullable=False),
    sa.Column('totals', sa.JSON(), nullable=False),
    sa.Column('sheet_path', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_daily_closes')),
    sa.UniqueConstraint('day', 'scope', name=op.f('uq_daily_closes_day_scope'))
    )
    op.create_table('deferrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.Text(), nullable=False),
    sa.Column('employer_name', sa.Text(), nullable=False),
    sa.Column('receipt_number', sa.Text(), nullable=True),
    sa.Column('from_month', sa.Text(), nullable=False),
    sa.Column('to_month', sa.Text(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deferrals'))
    )
    op.create_index(op.f('ix_deferrals_uscc'), 'deferrals', ['uscc'], unique=False)
    op.create_table('enforcement_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.Text(), nullable=False),
    sa.Column('uscc', sa.Text(), nullable=False),
    sa.Column('employer_name', sa.Text(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('last_on', sa.Date(), nullable=False),
    sa.Column('notice_number', sa.Text(), nullable=True),
    sa.Column('notice_on', sa.Date(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('fine_min', sa.Integer(), nullable=True),
    sa.Column('fine_max', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enforcement_cases')),
    sa.UniqueConstraint('case_no', name=op.f('uq_enforcement_cases_case_no'))
    )
    op.create_index(op.f('ix_enforcement_cases_state'), 'enforcement_cases', ['state'], unique=False)
    op.create_index(op.f('ix_enforcement_cases_uscc'), 'enforcement_cases', ['uscc'], unique=False)
    op.create_table('case_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('document', sa.Text(), server_default='', nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['enforcement_cases.id'], name=op.f('fk_case_events_case_id_enforcement_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    op.create_index(op.f('ix_case_events_case_id'), 'case_events', ['case_id'], unique=False)
    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_no', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('complainant', sa.Text(), nullable=False),
    sa.Column('complainant_id', sa.Text(), nullable=True),
    sa.Column('contact', sa.Text(), nullable=True),
    sa.Column('uscc', sa.Text(), nullable=True),
    sa.Column('employer_name', sa.Text(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['enforcement_cases.id'], name=op.f('fk_complaints_case_id_enforcement_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sa.UniqueConstraint('complaint_no', name=op.f('uq_complaints_complaint_no'))
    )
    op.create_index(op.f('ix_complaints_status'), 'complaints', ['status'], unique=False)
    op.create_index(op.f('ix_complaints_uscc'), 'complaints', ['uscc'], unique=False)
    op.create_table('deferral_paybacks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deferral_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['deferral_id'], ['deferrals.id'], name=op.f('fk_deferral_paybacks_deferral_id_deferrals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deferral_paybacks')),
    sa.UniqueConstraint('deferral_id', 'seq', name=op.f('uq_deferral_paybacks_deferral_id_seq'))
    )
    op.create_table('deferral_workers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deferral_id', sa.Integer(), nullable=False),
    sa.Column('id_number', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('monthly', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deferral_id'], ['deferrals.id'], name=op.f('fk_deferral_workers_deferral_id_deferrals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deferral_workers'))
    )
    op.create_index(op.f('ix_deferral_workers_deferral_id'), 'deferral_workers', ['deferral_id'], unique=False)
    op.create_table('service_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_number', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['receipt_number'], ['applications.receipt_number'], name=op.f('fk_service_ratings_receipt_number_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_ratings')),
    sa.UniqueConstraint('receipt_number', name=op.f('uq_service_ratings_receipt_number'))
    )


def downgrade() -> None:
    op.drop_table('service_ratings')
    op.drop_index(op.f('ix_deferral_workers_deferral_id'), table_name='deferral_workers')
    op.drop_table('deferral_workers')
    op.drop_table('deferral_paybacks')
    op.drop_index(op.f('ix_complaints_uscc'), table_name='complaints')
    op.drop_index(op.f('ix_complaints_status'), table_name='complaints')
    op.drop_table('complaints')
    op.drop_index(op.f('ix_case_events_case_id'), table_name='case_events')
    op.drop_table('case_events')
    op.drop_index(op.f('ix_enforcement_cases_uscc'), table_name='enforcement_cases')
    op.drop_index(op.f('ix_enforcement_cases_state'), table_name='enforcement_cases')
    op.drop_table('enforcement_cases')
    op.drop_index(op.f('ix_deferrals_uscc'), table_name='deferrals')
    op.drop_table('deferrals')
    op.drop_table('daily_closes')
    op.drop_table('coverage_targets')
    op.drop_table('coverage_candidates')
