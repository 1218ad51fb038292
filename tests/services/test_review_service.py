"""review_form: one review of the whole form serves the wizard's live checks and the submit."""

from __future__ import annotations

import sqlite3

import pytest
from service_world import PEOPLE, E, W, good_form, open_account_form, table_counts, withdrawal_form

from counter_app.domain import fieldcheck
from counter_app.services import review_form, submit_application
from counter_app.services.review import note_subject_lookup


def test_a_half_filled_form_says_what_is_missing_field_by_field(counter):
    review = review_form(counter, "open-account", {"id_number": W.stranger.lower(), "mobile": "1381234"})
    assert review.value("id_number") == W.stranger, "normalised (x → X)"
    errors, _warnings = review.problems("mobile")
    assert errors and "手机" in errors[0].message
    assert [e.message for e in review.problems("name")[0]] == ["请填写姓名"]
    assert review.check.values["birth_date"] == "1995-04-04", "derived from the ID"
    assert not review.ok and review.subject is not None and not review.subject.known


def test_a_known_worker_is_named_and_offered_for_pre_fill_without_writing(counter, data_dir):
    before = table_counts(counter)
    review = review_form(counter, "withdrawal", {"id_number": W.active})
    assert review.subject.known and review.subject.name == PEOPLE["active"].name
    assert review.subject.prefill["mobile"] == PEOPLE["active"].mobile
    assert review.subject.prefill["birth_date"] == "1990-05-15", "dates as JSON text"
    assert table_counts(counter) == before, "a review writes nothing"
    note_subject_lookup(counter, W.active)
    with sqlite3.connect(counter.store.path) as db:
        assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'lookup'").fetchone()[0] >= 1


def test_the_store_facts_on_the_subject_come_with_the_live_review_only(counter):
    live = review_form(counter, "open-account", open_account_form(id_number=W.active))
    assert any("一人一户" in e.message for e in live.problems("id_number")[0])
    assert not review_form(counter, "open-account", open_account_form(id_number=W.active), live=False).store_problems
    sealed = review_form(counter, "open-account", open_account_form(id_number=W.sealed))
    assert "转移接续" in sealed.problems("id_number")[1][0].message, "a warning, not an error"
    employer = review_form(counter, "deferral", {"uscc": E.registered})
    assert employer.subject.known and employer.subject.name


def test_materials_follow_the_form(counter):
    bare = review_form(counter, "withdrawal", {"id_number": W.active})
    rent = review_form(counter, "withdrawal", withdrawal_form())
    assert len(rent.materials) > len(bare.materials), "the reason adds its documents"
    assert rent.missing_materials == rent.materials
    complete = review_form(counter, "withdrawal", good_form(counter, "withdrawal"))
    assert complete.missing_materials == () and complete.ok


def test_a_submit_reuses_a_matching_review_and_checks_once(counter, monkeypatch):
    form = good_form(counter, "withdrawal")
    review = review_form(counter, "withdrawal", form)
    calls = []
    real = fieldcheck.check_form
    monkeypatch.setattr(fieldcheck, "check_form", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = submit_application(counter, "withdrawal", form, review=review)
    assert result.ok and calls == [], "the wizard's review was the submit's check"
    submit_application(counter, "withdrawal", {**form, "amount": "500.00"}, review=review)
    assert calls == [1], "a review of another form is not trusted: the submit checks itself, once"


@pytest.mark.parametrize("kind", ["open-account", "establish-employer", "withdrawal", "loan", "info-change", "deferral"])
def test_review_and_submit_agree_on_every_business(counter, kind):
    form = good_form(counter, kind)
    review = review_form(counter, kind, form, live=False)
    assert review.ok, review.errors
    assert submit_application(counter, kind, form, review=review).ok
