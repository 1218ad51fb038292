"""Station operations (站务): coverage drive, enforcement cases, complaints, deferral follow-up,
daily close, service ratings and reports — the services behind the 站务 menu and ``report``."""

from counter_app.services.operations.complaints import (
    ComplaintView, close_complaint, get_complaint, link_case, list_complaints, take_complaint,
)
from counter_app.services.operations.coverage import (
    CoverageStatus, coverage_candidates, coverage_progress, import_staff_counts, list_targets, set_target,
)
from counter_app.services.operations.daily_close import (
    DayReport, close_day, closed_problem, day_closed, day_report, get_close, list_closes, reopen_day,
)
from counter_app.services.operations.deferrals import (
    DeferralView, list_deferrals, mark_paid, payback_reminders, track_deferral,
)
from counter_app.services.operations.enforcement import (
    CaseView, StepInput, advance, assign_case, export_dossier, get_case, list_cases, open_case,
)
from counter_app.services.operations.ratings import CustomerView, customer_view, rate, rating_for, ratings_between
from counter_app.services.operations.reports import (
    Dashboard, coverage_report, daily_tables, dashboard, export_table, write_daily_report,
)
from counter_app.services.operations.tables import Table

__all__ = [
    "CaseView", "ComplaintView", "CoverageStatus", "CustomerView", "customer_view", "Dashboard", "DayReport", "DeferralView", "StepInput", "Table",
    "advance", "assign_case", "close_complaint", "close_day", "closed_problem", "coverage_candidates",
    "coverage_progress", "coverage_report", "daily_tables", "dashboard", "day_closed", "day_report", "export_dossier",
    "export_table", "get_case", "get_close", "get_complaint", "import_staff_counts", "link_case", "list_cases",
    "list_closes", "list_complaints", "list_deferrals", "list_targets", "mark_paid", "open_case",
    "payback_reminders", "rate", "rating_for", "ratings_between", "reopen_day", "set_target", "take_complaint",
    "track_deferral", "write_daily_report",
]
