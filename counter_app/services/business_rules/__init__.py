"""Store-dependent rules, one module per business kind, each registering itself with
``services.rules.check_rule`` / ``subject_rule``; importing this package registers them all."""

from counter_app.services.business_rules import (
    deferral,
    establish_employer,
    info_change,
    loan,
    open_account,
    withdrawal,
)
from counter_app.services.rules import check, subject_problems

__all__ = ["check", "deferral", "establish_employer", "info_change", "loan", "open_account", "subject_problems", "withdrawal"]
