"""The use-case layer: the only door from the GUI and the CLI to the store, printing and sync."""

from counter_app.services.applications import (
    RecordView,
    SubmitResult,
    cancel_application,
    get_record,
    list_records,
    submit_application,
)
from counter_app.services.certificates import print_certificate
from counter_app.services.counter import Counter
from counter_app.services.drafts import discard_draft, list_drafts, load_draft, save_draft
from counter_app.services.forms import (
    check_field,
    check_form,
    field_choices,
    form_defaults,
    prefill_person,
    required_materials,
)
from counter_app.services.loans import LoanPreview, loan_preview
from counter_app.services.lookup import EmployerCard, PersonCard, employer_card, person_card, search
from counter_app.services.postloan import PrepayPreview, SettlePreview, prepay_mode, prepay_preview, settle_preview
from counter_app.services.printing import (
    LetterFilter,
    Printed,
    PrintRefused,
    print_establishment_notice,
    print_form,
    print_letters,
    print_one_time_notice,
    print_receipt,
)
from counter_app.services.projects import find_projects
from counter_app.services.review import FormReview, Subject, note_subject_lookup, review_form
from counter_app.services.station import open_counter
from counter_app.services.status import StationStatus, station_status, store_damage

__all__ = [
    "Counter",
    "EmployerCard",
    "FormReview",
    "LetterFilter",
    "LoanPreview",
    "PersonCard",
    "PrepayPreview",
    "PrintRefused",
    "Printed",
    "RecordView",
    "SettlePreview",
    "StationStatus",
    "Subject",
    "SubmitResult",
    "cancel_application",
    "check_field",
    "check_form",
    "discard_draft",
    "employer_card",
    "field_choices",
    "find_projects",
    "form_defaults",
    "get_record",
    "list_drafts",
    "list_records",
    "load_draft",
    "loan_preview",
    "note_subject_lookup",
    "open_counter",
    "person_card",
    "prefill_person",
    "prepay_mode",
    "prepay_preview",
    "print_certificate",
    "print_establishment_notice",
    "print_form",
    "print_letters",
    "print_one_time_notice",
    "print_receipt",
    "required_materials",
    "review_form",
    "save_draft",
    "search",
    "settle_preview",
    "station_status",
    "store_damage",
    "submit_application",
]
