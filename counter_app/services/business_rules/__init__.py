"""Store-dependent rules, one module per business kind, each registering itself with
``services.rules.check_rule`` / ``subject_rule``; importing this package registers them all."""

from counter_app.services.business_rules import (
    deferral,
    establish_employer,
    info_change,
    loan,
    loan_prepay,
    loan_settle,
    offset_cancel,
    offset_sign,
    offsite_purchase_withdrawal,
    open_account,
    project_admission,
    repay_deferral,
    transfer_in,
    transfer_out,
    withdrawal,
)
from counter_app.services.rules import check, subject_problems

__all__ = [
    "check",
    "deferral",
    "establish_employer",
    "info_change",
    "loan",
    "loan_prepay",
    "loan_settle",
    "offset_cancel",
    "offset_sign",
    "offsite_purchase_withdrawal",
    "open_account",
    "project_admission",
    "repay_deferral",
    "subject_problems",
    "transfer_in",
    "transfer_out",
    "withdrawal",
]
