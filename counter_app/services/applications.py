"""Taking an application at the counter (受理): check, number, store with its outbox row, list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import uuid6

from counter_app.domain import status
from counter_app.domain.businesses import BusinessSpec, business
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.fieldcheck import FormCheck
from counter_app.domain.materials import Material
from counter_app.domain.normalize import format_control_problem, normalize_text, valid_text
from counter_app.services import approvals, audit, business_rules, rules
from counter_app.services.counter import Counter
from counter_app.services.day_lock import closed_problem
from counter_app.services.payload_check import outbox_payload
from counter_app.services.review import FormReview, review_form
from counter_app.services.station import not_configured
from counter_app.services.views import RecordView, record_view

__all__ = [
    "RecordView", "SubmitResult", "cancel_application", "evaluate", "get_record", "list_records", "outbox_payload",
    "submit_application",
]
from counter_app.store.records import ApplicationRecord
from counter_app.store.uow import UnitOfWork


@dataclass
class SubmitResult:
    """What the clerk sees after pressing submit."""

    ok: bool
    receipt_number: str | None = None
    client_id: str | None = None
    status: str | None = None
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[FieldError] = field(default_factory=list)
    missing_materials: list[Material] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)  # the form as normalised and stored

    def as_dict(self) -> dict[str, Any]:
        if not self.ok:
            return {"errors": [e.as_dict() for e in self.errors]}
        return {"receipt_number": self.receipt_number, "client_id": self.client_id, "status": self.status}


def evaluate(counter: Counter, kind: str, form: Mapping[str, Any], uow: UnitOfWork,
             review: FormReview | None = None) -> SubmitResult:
    """Every check of a submission, in one read of the store; writes nothing. ``review`` is the
    wizard's review of this very form: reused when it matches, so a submit checks the form once."""
    if review is None or not review.matches(kind, form, counter.today()):
        review = review_form(counter, kind, form, live=False)
    c = review.check  # copied: the rules below must not change the caller's review
    checked = FormCheck(dict(c.values), list(c.errors), list(c.warnings), dict(c.facts))
    result = SubmitResult(ok=False, errors=list(checked.errors), warnings=list(checked.warnings))
    result.missing_materials = list(review.missing_materials)
    if result.missing_materials:
        names = "、".join(m.name for m in result.missing_materials)
        result.errors.append(FieldError("materials", f"还缺少材料：{names}（可打印一次性告知单交给申请人）"))
    if not checked.ok:
        return result  # store rules need well-formed values
    ctx = rules.RuleContext(uow=uow, version=counter.policy_on(), today=counter.today(), station_code=counter.station_code)
    outcome = business_rules.check(ctx, kind, checked.values, checked.facts)
    result.errors += outcome.errors
    result.warnings += outcome.warnings
    result.details = outcome.details
    result.values = checked.values
    result.ok = not result.errors
    return result


def submit_application(counter: Counter, kind: str, form: Mapping[str, Any], approval: Any = None,
                       review: FormReview | None = None) -> SubmitResult:
    """Accept an application: on success it is stored with its receipt number and outbox row.

    A withdrawal above the policy's approval limit also needs a supervisor's ``approval``
    (``services.approvals.approve``); without one the result is an error on field ``approval``
    and ``details["approval_request"]`` says what to approve. ``review``: see ``evaluate``.
    """
    spec = business(kind)  # unknown kinds fail loudly before anything else
    unset = not_configured(counter)
    if unset:
        return SubmitResult(ok=False, errors=[unset])
    with counter.store.unit_of_work(write=True) as uow:
        closed = _day_closed(uow, counter.today(), counter.clerk)
        if closed:
            return SubmitResult(ok=False, errors=[closed])
        result = evaluate(counter, kind, form, uow, review)
        if not result.ok:
            return result
        request = approvals.submission_request(counter, kind, result.values)
        refused = approvals.refusal(counter, request, approval, uow) if request else None
        if refused:
            result.ok, result.errors = False, [*result.errors, refused]
            result.details["approval_request"] = request
            return result
        values = result.values
        subject = values[spec.subject_field]
        stored_fields = dict(values)
        if "changes" in result.details:
            stored_fields["before"] = {k: c["before"] for k, c in result.details["changes"].items()}
        # What the store rule saw and the paper must show (a loan's balance and months left on the day).
        stored_fields.update(result.details.get("record", {}))
        now = counter.now()
        receipt_number = uow.receipts.next_number(counter.station_code, counter.terminal, counter.today())
        client_id = str(uuid6.uuid7())
        record = ApplicationRecord(
            client_id=client_id, receipt_number=receipt_number, kind=kind, status=status.ACCEPTED,
            subject_key=subject, subject_name=_subject_name(uow, spec, values),
            fields=stored_fields, materials=list(values.get("materials", [])), clerk=counter.clerk,
            station_code=counter.station_code, terminal=counter.terminal, created_at=now, updated_at=now,
        )
        uow.applications.add(record, earlier_steps=status.ACCEPTED_STEPS)  # accepted, and queued for the centre
        queued, digest = audit.seal_payload(counter, uow, outbox_payload(record))  # digest + MAC of what is queued
        uow.outbox.add(client_id, "application", queued)
        audit.record(counter, "submit", receipt_number, {
            "kind": kind, "client_id": client_id, "subject": audit.masked(subject), "payload_sha256": digest,
            **({"approved_by": approvals.approver_of(approval)} if request and approvals.approver_of(approval) else {}),
        }, uow=uow)
        uow.commit()
    result.receipt_number, result.client_id, result.status = receipt_number, client_id, status.ACCEPTED
    return result


def cancel_application(counter: Counter, receipt_number: str, reason: str, approval: Any = None) -> Checked[RecordView]:
    """Withdraw an application not yet sent to the centre (撤销): it leaves the outbox, its status
    becomes ``cancelled`` with the reason. Refused once a push of it has started (the centre may hold
    it). Needs a supervisor's approval once there are clerks."""
    number = valid_text(receipt_number).strip().upper()
    why = normalize_text(reason)
    hidden = format_control_problem(reason, "撤销原因")
    if hidden:
        return Checked.fail("reason", hidden)
    if not why:
        return Checked.fail("reason", "撤销申请须填写原因")
    with counter.store.unit_of_work(write=True) as uow:
        record = uow.applications.get_by_receipt(number)
        if record is None:
            return Checked.fail("receipt_number", f"本站没有受理编号为 {number} 的业务")
        closed = _day_closed(uow, counter.local(record.taken_at).date(), record.clerk)
        if closed:
            return Checked(value=None, errors=(closed,))
        queued = uow.outbox.get(record.client_id)
        if record.status not in status.CANCELLABLE or queued is None:
            return Checked.fail("receipt_number", "该申请已上传管理中心，不能在本站撤销，请联系管理中心处理")
        if queued.attempts:  # a push started: the centre may hold it even without an acknowledgement
            return Checked.fail("receipt_number",
                                "该申请已开始上传管理中心（可能已送达），不能在本站撤销；请同步后联系管理中心处理")
        refused = approvals.refusal(counter, approvals.cancel_request(number), approval, uow)
        if refused:
            return Checked(value=None, errors=(refused,))
        uow.outbox.ack([record.client_id])  # never sent: it simply leaves the queue
        updated = uow.applications.set_status(record.client_id, status.ApplicationStatus.CANCELLED, by=counter.clerk,
                                              reason=why, at=counter.now())
        audit.record(counter, "cancel", number, {
            "reason": why, "client_id": record.client_id, "from": record.status,
            **({"approved_by": approvals.approver_of(approval)} if approvals.approver_of(approval) else {}),
        }, uow=uow)
        uow.commit()
    return Checked(value=record_view(updated))


def _day_closed(uow: UnitOfWork, day: date, clerk: str) -> FieldError | None:
    """A day closed (日结) by this clerk or the station is read-only."""
    return closed_problem(uow, day, clerk)


def _subject_name(uow: UnitOfWork, spec: BusinessSpec, values: Mapping[str, Any]) -> str:
    """The name the form gives for its subject, else the name on record (worker or employer)."""
    if spec.subject_name_field and values.get(spec.subject_name_field):
        return str(values[spec.subject_name_field])
    subject = str(values.get(spec.subject_field, ""))
    found = uow.employers.get(subject) if spec.subject_lookup == "employer" else uow.workers.get(subject)
    return found.name if found else ""


def list_records(
    counter: Counter, status: str | None = None, kind: str | None = None, limit: int = 200, offset: int = 0
) -> list[RecordView]:
    with counter.store.unit_of_work() as uow:
        rows = uow.applications.query(status=None if status is None else valid_text(status), kind=kind, limit=limit,
                                     offset=offset)
    return [record_view(a) for a in rows]


def get_record(counter: Counter, receipt_number: str) -> RecordView | None:
    with counter.store.unit_of_work() as uow:
        record = uow.applications.get_by_receipt(valid_text(receipt_number))
    return record_view(record) if record else None
