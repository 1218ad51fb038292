"""Initial schema: reference data, search keys, applications, outbox, receipt counters, settings.

Revision ID: 0001
Revises: None
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_no', sa.Text(), nullable=False),
    sa.Column('id_number', sa.Text(), nullable=False),
    sa.Column('employer_uscc', sa.Text(), nullable=True),
    sa.Column('status', sa.Text(), server_default='01', nullable=False),
    sa.Column('balance', sa.Integer(), server_default='0', nullable=False),
    sa.Column('monthly_base', sa.Integer(), nullable=True),
    sa.Column('worker_ratio', sa.Text(), nullable=True),
    sa.Column('employer_ratio', sa.Text(), nullable=True),
    sa.Column('monthly_contribution', sa.Integer(), nullable=True),
    sa.Column('consecutive_months', sa.Integer(), server_default='0', nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=True),
    sa.Column('in_arrears', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('offset_agreement', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('banned_until', sa.Date(), nullable=True),
    sa.Column('updated_seq', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('account_no', name=op.f('uq_accounts_account_no'))
    )
    op.create_index(op.f('ix_accounts_employer_uscc'), 'accounts', ['employer_uscc'], unique=False)
    op.create_index(op.f('ix_accounts_id_number'), 'accounts', ['id_number'], unique=False)
    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Text(), nullable=False),
    sa.Column('receipt_number', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('subject_key', sa.Text(), nullable=False),
    sa.Column('subject_name', sa.Text(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('materials', sa.JSON(), nullable=False),
    sa.Column('clerk', sa.Text(), nullable=False),
    sa.Column('station_code', sa.Text(), nullable=False),
    sa.Column('terminal', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('conflict', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('client_id', name=op.f('uq_applications_client_id')),
    sa.UniqueConstraint('receipt_number', name=op.f('uq_applications_receipt_number'))
    )
    op.create_index(op.f('ix_applications_created_at'), 'applications', ['created_at'], unique=False)
    op.create_index(op.f('ix_applications_kind'), 'applications', ['kind'], unique=False)
    op.create_index(op.f('ix_applications_status'), 'applications', ['status'], unique=False)
    op.create_index(op.f('ix_applications_subject_key'), 'applications', ['subject_key'], unique=False)
    op.create_table('employers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('legal_rep', sa.Text(), nullable=True),
    sa.Column('contact_name', sa.Text(), nullable=True),
    sa.Column('contact_mobile', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('district', sa.Text(), nullable=True),
    sa.Column('township', sa.Text(), nullable=True),
    sa.Column('status', sa.Text(), server_default='01', nullable=False),
    sa.Column('registered', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('insured_staff', sa.Integer(), nullable=True),
    sa.Column('account_no', sa.Text(), nullable=True),
    sa.Column('bank_name', sa.Text(), nullable=True),
    sa.Column('bank_account', sa.Text(), nullable=True),
    sa.Column('worker_ratio', sa.Text(), nullable=True),
    sa.Column('employer_ratio', sa.Text(), nullable=True),
    sa.Column('updated_seq', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employers')),
    sa.UniqueConstraint('uscc', name=op.f('uq_employers_uscc'))
    )
    op.create_index(op.f('ix_employers_account_no'), 'employers', ['account_no'], unique=False)
    op.create_index(op.f('ix_employers_name'), 'employers', ['name'], unique=False)
    op.create_index(op.f('ix_employers_township'), 'employers', ['township'], unique=False)
    op.create_table('loans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_no', sa.Text(), nullable=False),
    sa.Column('id_number', sa.Text(), nullable=False),
    sa.Column('principal', sa.Integer(), nullable=False),
    sa.Column('outstanding', sa.Integer(), nullable=False),
    sa.Column('annual_rate', sa.Text(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('method', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loans')),
    sa.UniqueConstraint('loan_no', name=op.f('uq_loans_loan_no'))
    )
    op.create_index(op.f('ix_loans_id_number'), 'loans', ['id_number'], unique=False)
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('client_id', sa.Text(), nullable=False),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('rejected_reason', sa.Text(), nullable=True),
    sa.Column('rejected_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('client_id', name=op.f('uq_outbox_client_id')),
    sqlite_autoincrement=True
    )
    op.create_table('policy_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('toml', sa.Text(), nullable=False),
    sa.Column('pulled_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy_versions')),
    sa.UniqueConstraint('effective_from', 'label', name=op.f('uq_policy_versions_effective_from_label'))
    )
    op.create_table('receipt_counters',
    sa.Column('station_code', sa.Text(), nullable=False),
    sa.Column('terminal', sa.Text(), nullable=False),
    sa.Column('day', sa.Text(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('station_code', 'terminal', 'day', name=op.f('pk_receipt_counters'))
    )
    op.create_table('search_keys',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.Column('ref', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', 'owner', 'ref', name=op.f('pk_search_keys')),
    sqlite_with_rowid=False
    )
    op.create_table('settings',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('sync_state',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_state'))
    )
    op.create_table('withdrawal_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_number', sa.Text(), nullable=False),
    sa.Column('reason_code', sa.Text(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('document_no', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_withdrawal_history'))
    )
    op.create_index(op.f('ix_withdrawal_history_id_number'), 'withdrawal_history', ['id_number'], unique=False)
    op.create_table('workers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_type', sa.Text(), server_default='01', nullable=False),
    sa.Column('id_number', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('sex', sa.Text(), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('mobile', sa.Text(), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('postcode', sa.Text(), nullable=True),
    sa.Column('marital_status', sa.Text(), nullable=True),
    sa.Column('bank_name', sa.Text(), nullable=True),
    sa.Column('bank_card', sa.Text(), nullable=True),
    sa.Column('employer_uscc', sa.Text(), nullable=True),
    sa.Column('township', sa.Text(), nullable=True),
    sa.Column('updated_seq', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workers')),
    sa.UniqueConstraint('id_number', name=op.f('uq_workers_id_number'))
    )
    op.create_index(op.f('ix_workers_employer_uscc'), 'workers', ['employer_uscc'], unique=False)
    op.create_index(op.f('ix_workers_name'), 'workers', ['name'], unique=False)
    op.create_table('application_status_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.Column('by', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_status_history_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_status_history'))
    )
    op.create_index(op.f('ix_application_status_history_application_id'), 'application_status_history', ['application_id'], unique=False)


def downgrade() -> None:
    op.drop_table('application_status_history')
    op.drop_table('workers')
    op.drop_table('withdrawal_history')
    op.drop_table('sync_state')
    op.drop_table('settings')
    op.drop_table('search_keys')
    op.drop_table('receipt_counters')
    op.drop_table('policy_versions')
    op.drop_table('outbox')
    op.drop_table('loans')
    op.drop_table('employers')
    op.drop_table('applications')
    op.drop_table('accounts')
