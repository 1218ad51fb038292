"""One review of a whole business form: what the wizard shows as the clerk types, and what a submit checks.

``review_form`` checks every field and the rules across fields (pure), lists the materials the form
now requires and those not yet received, and (live, in one read of the store) says what the store
knows about the subject: problems such as 一人一户, its name, and a known worker's person fields to
pre-fill. It writes nothing, so it never waits for the store's write lock (a sync's snapshot load
holds it for seconds). ``submit_application`` takes the review the wizard already has when it
matches the submitted form, so a submit checks the form once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain import fieldcheck
from counter_app.domain.businesses import business
from counter_app.domain.errors import FieldError
from counter_app.domain.fieldcheck import FormCheck
from counter_app.domain.materials import Material, case_of, missing_materials
from counter_app.domain.money import format_money
from counter_app.domain.person_fields import PERSON_FIELDS
from counter_app.domain.preregistration import establishment_values
from counter_app.domain.projects import ProjectStanding, admitted_in_force, loan_problem, project_key
from counter_app.services import audit, rules
from counter_app.services.counter import Counter
from counter_app.services.forms import required_materials
from counter_app.services.projects import project_standings
from counter_app.store.uow import UnitOfWork

PERSON_KEYS = tuple(f.key for f in PERSON_FIELDS)


@dataclass(frozen=True)
class Subject:
    """Whose business the form is: the subject's code, and what the store has on it."""

    code: str
    known: bool
    name: str = ""
    # A known worker's person fields, or a pre-registered company's establishment fields (JSON values).
    prefill: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FormReview:
    """The outcome of reviewing one form, as typed (``form``), on ``today``."""

    kind: str
    form: dict[str, Any]
    today: date
    check: FormCheck  # format of every field and the rules across fields
    store_problems: tuple[FieldError, ...] = ()  # what the store says about the subject (live review only)
    subject: Subject | None = None
    materials: tuple[Material, ...] = ()  # required now, given the form
    missing_materials: tuple[Material, ...] = ()
    # The employers other USCC fields name (open-account's employer_uscc): its name beside the
    # field, and what it fills in (the employer's contribution ratios).
    employers: dict[str, Subject] = field(default_factory=dict)
    limit: rules.AmountLimit | None = None  # the most the amount may be, known before it is typed
    wanted: tuple[str, ...] = ()  # optional fields the case at hand asks for (the form stops at them)
    # The project a project field names, admitted and in force (shown beside the field); a project
    # that is not is a problem of the field instead.
    projects: dict[str, ProjectStanding] = field(default_factory=dict)

    def problems(self, key: str) -> tuple[list[FieldError], list[FieldError]]:
        """(errors, warnings) of one field, the store's facts about the subject included."""
        found = [*self.check.errors, *self.check.warnings, *self.store_problems]
        mine = [p for p in found if p.field == key]
        return [p for p in mine if p.severity != "warning"], [p for p in mine if p.severity == "warning"]

    @property
    def errors(self) -> list[FieldError]:
        return [*self.check.errors, *(p for p in self.store_problems if p.severity != "warning")]

    @property
    def ok(self) -> bool:
        """Nothing wrong and every material received (the store's own rules run at submit)."""
        return not self.errors and not self.missing_materials

    def value(self, key: str) -> Any:
        """The normalised value of a field that passed its check (None otherwise)."""
        return self.check.values.get(key)

    def matches(self, kind: str, form: Mapping[str, Any], today: date) -> bool:
        """Whether this review is of exactly this form (a submit may then reuse it)."""
        return self.kind == kind and self.today == today and self.form == _plain(form)


def review_form(counter: Counter, kind: str, form: Mapping[str, Any], *, live: bool = True,
                uow: UnitOfWork | None = None) -> FormReview:
    """Review ``form`` of business ``kind``; ``live`` adds the store's facts on the subject (read only)."""
    spec = business(kind)
    raw = _plain(form)
    today = counter.today()
    checked = fieldcheck.check_form(spec, raw, version=counter.policy_on(), today=today)
    required = tuple(required_materials(counter, kind, checked.values))
    missing = tuple(missing_materials(list(required), checked.values.get("materials", [])))
    version = counter.policy_on()
    wanted = spec.case_fields(version, case_of(kind, checked.values, version, today))
    review = FormReview(kind=kind, form=raw, today=today, check=checked, materials=required,
                        missing_materials=missing, wanted=wanted)
    code = checked.values.get(spec.subject_field)
    named = {f.key: checked.values[f.key] for f in spec.fields
             if f.kind == "uscc" and f.key != spec.subject_field and checked.values.get(f.key)}
    projects = {f.key: str(checked.values[f.key]) for f in spec.fields
                if f.lookup == "project" and checked.values.get(f.key)}
    if not live or (code is None and not named and not projects):
        return review

    def read(unit: UnitOfWork) -> FormReview:
        found = _with_subject(review, unit, code) if code is not None else review
        found = _with_employers(found, unit, named) if named else found
        found = _with_projects(found, unit, projects) if projects else found
        ctx = rules.RuleContext(unit, counter.policy_on(), today, counter.station_code)
        return _with_limit(found, rules.amount_limit(ctx, kind, dict(checked.values)))

    if uow is not None:
        return read(uow)
    with counter.store.unit_of_work() as own:
        return read(own)


def _with_limit(review: FormReview, limit: rules.AmountLimit | None) -> FormReview:
    if limit is None:
        return review
    problems = review.store_problems
    asked = review.check.values.get(limit.field)
    if asked is not None and Decimal(str(asked)) > limit.maximum:
        problems = (*problems, FieldError(limit.field, f"超过{limit.label}{format_money(limit.maximum)}元（{limit.why}）"))
    return replace(review, limit=limit, store_problems=problems)


def _with_projects(review: FormReview, uow: UnitOfWork, named: dict[str, str]) -> FormReview:
    """Each project field's project as it stands today: in force (shown), or the loan's refusal."""
    standings = project_standings(uow)
    in_force = {project_key(p.name): p for p in admitted_in_force(standings, review.today)}
    problems, found = list(review.store_problems), {}
    for key, name in named.items():
        problem = loan_problem(name, standings, review.today)
        if problem:
            problems.append(FieldError(key, problem))
        else:
            found[key] = in_force[project_key(name)]
    return replace(review, store_problems=tuple(problems), projects=found)


def _with_employers(review: FormReview, uow: UnitOfWork, named: dict[str, str]) -> FormReview:
    employers = {}
    for key, uscc in named.items():
        employer = uow.employers.get(uscc)
        ratios = {"worker_ratio": employer.worker_ratio, "employer_ratio": employer.employer_ratio} if employer else {}
        prefill = {k: format(v.normalize(), "f") for k, v in ratios.items() if v is not None}
        employers[key] = Subject(uscc, employer is not None, employer.name if employer else "", prefill)
    return replace(review, employers=employers)


def _with_subject(review: FormReview, uow: UnitOfWork, code: str) -> FormReview:
    found = rules.subject_problems(uow, review.kind, code)
    spec = business(review.kind)
    if spec.subject_field == "uscc":
        employer = uow.employers.get(code)
        # 多证合一: a company not yet established is filled from its pre-registration, never retyped
        pre = uow.preregistrations.get(code) if employer is None and spec.prefills_preregistration else None
        prefill = establishment_values(pre) if pre is not None else {}
        subject = Subject(code, employer is not None, employer.name if employer else pre.name if pre else "", prefill)
    else:
        worker = uow.workers.get(code)
        record = asdict(worker) if worker is not None else {}
        prefill = {k: _jsonable(record[k]) for k in PERSON_KEYS if record.get(k) not in (None, "")}
        subject = Subject(code, worker is not None, record.get("name") or "", prefill)
    return replace(review, store_problems=(*found.errors, *found.warnings), subject=subject)


def note_subject_lookup(counter: Counter, code: str) -> None:
    """Audit that a form looked a worker up (as ``prefill_person`` does): a write, run apart from the review."""
    audit.record(counter, "lookup", audit.masked(code), {"via": "form"}, about=code)


def _plain(form: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in form.items()}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
