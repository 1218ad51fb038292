"""Finding people and employers (search, cards, pre-fill), listing records and the station status."""

from __future__ import annotations

from service_world import (
    ACCOUNT_NO,
    PURCHASE_CONTRACT,
    RENT_LEASE,
    STRANGER_X,
    E,
    W,
    receipt,
    submit_good,
)

from counter_app.services import (
    employer_card,
    get_record,
    list_records,
    person_card,
    prefill_person,
    search,
    station_status,
)

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９ｘ")


def keys(hits) -> list[str]:
    return [h.key for h in hits]


# --- search -------------------------------------------------------------------------------------------


def test_pinyin_initials_find_the_person_first(counter):
    hits = search(counter, "zs")
    assert hits[0].key == W.active and hits[0].name == "张三" and hits[0].kind == "worker"
    assert W.offset in keys(hits)  # 郑十一 (zsy) starts with zs too, ranked below the exact key
    assert hits[0].score > hits[1].score


def test_upper_case_initials_and_full_pinyin(counter):
    assert search(counter, "ZS")[0].key == W.active
    assert keys(search(counter, "zhangsan")) == [W.active]


def test_id_number_exact_and_prefix(counter):
    exact = search(counter, W.active.translate(FULL_WIDTH))
    assert keys(exact)[0] == W.active and exact[0].matched == "id"
    assert W.active in keys(search(counter, W.active[:10]))


def test_masked_id_hides_the_birth_date(counter):
    hit = search(counter, "张三")[0]
    assert hit.masked_id_or_uscc.startswith(W.active[:6]) and hit.masked_id_or_uscc.endswith(W.active[-4:])
    assert W.active[6:14] not in hit.masked_id_or_uscc


def test_account_number_finds_its_owner(counter):
    assert keys(search(counter, ACCOUNT_NO["frozen"])) == [W.frozen]


def test_employers_by_uscc_and_by_pinyin_initials(counter):
    assert keys(search(counter, E.registered.lower())) == [E.registered]
    hits = search(counter, "nsjx")  # 南山机械
    assert [(h.kind, h.key) for h in hits] == [("employer", E.registered)]


def test_blank_search_finds_nothing(counter):
    assert search(counter, "") == [] and search(counter, "   ") == []


# --- cards and pre-fill ----------------------------------------------------------------------------------


def test_person_card_gathers_accounts_employer_and_loans(counter):
    card = person_card(counter, W.borrower)
    assert card.worker.name == "赵六"
    assert [a.account_no for a in card.accounts] == [ACCOUNT_NO["borrower"]]
    assert card.employer.uscc == E.registered
    assert [(loan.loan_no, loan.status) for loan in card.loans] == [("DK0000000001", "repaying")]
    assert card.withdrawals == [] and card.applications == []


def test_person_card_lists_past_withdrawals_newest_first(counter):
    card = person_card(counter, W.history)
    assert [w.document_no for w in card.withdrawals] == [RENT_LEASE, PURCHASE_CONTRACT]


def test_person_card_shows_applications_taken_here_even_for_an_id_typed_full_width(counter):
    result = submit_good(counter, "info-change")
    card = person_card(counter, W.active.translate(FULL_WIDTH))
    assert card is not None and card.worker.id_number == W.active
    assert [a.receipt_number for a in card.applications] == [result.receipt_number]
    assert card.applications[0].kind == "info-change" and card.applications[0].status == "queued"


def test_person_card_of_an_unknown_person_is_none(counter):
    assert person_card(counter, W.stranger) is None


def test_employer_card_with_its_applications(counter):
    result = submit_good(counter, "deferral")
    card = employer_card(counter, E.registered.lower())
    assert card.employer.name == "示范市南山机械有限公司" and card.employer.registered
    assert [a.receipt_number for a in card.applications] == [result.receipt_number]
    assert employer_card(counter, E.unknown) is None


def test_prefill_person_gives_person_fields_in_form_form(counter):
    person = prefill_person(counter, W.active.lower())
    assert person["name"] == "张三" and person["id_number"] == W.active
    assert person["birth_date"] == "1990-05-15" and person["sex"] == "1"
    assert person["mobile"] == "13800000001" and person["marital_status"] == "20"
    assert "employer_uscc" not in person and "bank_card" not in person  # only known person fields
    assert prefill_person(counter, STRANGER_X) is None


# --- records and status -----------------------------------------------------------------------------------


def test_list_records_newest_first_with_filters(counter):
    a = submit_good(counter, "info-change")
    b = submit_good(counter, "deferral")
    c = submit_good(counter, "withdrawal")
    rows = list_records(counter)
    assert [r.receipt_number for r in rows] == [c.receipt_number, b.receipt_number, a.receipt_number]
    assert [r.receipt_number for r in list_records(counter, kind="deferral")] == [b.receipt_number]
    assert len(list_records(counter, status="queued")) == 3
    assert list_records(counter, status="approved") == []
    assert [r.receipt_number for r in list_records(counter, limit=1, offset=1)] == [b.receipt_number]


def test_record_view_as_dict_has_the_records_json_shape(counter):
    result = submit_good(counter, "withdrawal")
    view = get_record(counter, result.receipt_number)
    assert view.subject_name == "张三" and view.clerk == counter.clerk
    d = view.as_dict()
    assert set(d) == {"receipt_number", "kind", "status", "client_id", "created_at", "fields"}
    assert d["receipt_number"] == receipt(counter, 1) and d["client_id"] == result.client_id
    assert d["created_at"] == "2026-11-23T02:00:00+00:00"
    assert d["fields"]["amount"] == "600.00"
    assert get_record(counter, receipt(counter, 2)) is None


def test_station_status_counts_what_waits_in_the_outbox(counter):
    status = station_status(counter)
    assert (status.station_code, status.terminal, status.pending) == (counter.station_code, "01", 0)
    assert status.station_name == "城关区南山镇服务站"
    assert status.connection == "not_configured"
    assert status.policy_label  # the version in force on the counter's day
    submit_good(counter, "info-change")
    submit_good(counter, "withdrawal", id_number=W.frozen)  # refused: nothing waits for it
    submit_good(counter, "deferral")
    assert station_status(counter).pending == 2


def test_demo_seeding_never_loads_over_existing_reference_data(data_dir):
    # The world already holds workers (as a synced station would): --demo must not add a city.
    from counter_app.services import open_counter

    with open_counter(data_dir) as before, before.store.unit_of_work() as uow:
        workers = uow.workers.count()
    with open_counter(data_dir, demo=True) as counter, counter.store.unit_of_work() as uow:
        assert uow.workers.count() == workers
        assert uow.settings.get("demo_seeded") is True
