"""Search finds what this station took in (#16 item 6): people and employers of undecided registrations
(开户, 单位建制) are found by ID, name, pinyin and USCC, marked with their receipt numbers, until the
centre's record of them arrives; their cards show the form's facts and do not offer the registration again."""

from __future__ import annotations

from service_world import E, W, submit_good

from counter_app.services import cancel_application, employer_card, person_card, search
from counter_app.services.lookup import reveal
from counter_app.sync.engine import apply_changes
from counter_app.sync.protocol import Change


def _by_key(hits, key):
    return next((h for h in hits if h.key == key), None)


def test_a_person_whose_account_was_opened_here_is_found_every_way_before_the_centre_decides(counter):
    before = search(counter, "吴十")
    assert _by_key(before, W.stranger) is None  # not in the centre's data
    result = submit_good(counter, "open-account")
    assert result.ok, result.errors
    for query in ("吴十", "吴", "wushi", "ws", "WS", W.stranger, W.stranger[:10]):
        hit = _by_key(search(counter, query), W.stranger)
        assert hit is not None, query
        assert hit.kind == "worker" and hit.name == "吴十" and hit.pending == (result.receipt_number,), query
        assert hit.account_no is None and hit.status is None
        assert hit.masked_id_or_uscc != W.stranger and hit.masked_id_or_uscc.endswith(W.stranger[-4:])
    assert _by_key(search(counter, W.stranger), W.stranger).score == 100  # the exact ID ranks first
    assert search(counter, "wushi")[0].employer_name == "示范市南山机械有限公司"  # the employer of the form


def test_the_card_of_a_pending_person_shows_the_form_and_offers_no_second_opening(counter):
    result = submit_good(counter, "open-account")
    card = person_card(counter, W.stranger)
    assert card is not None and card.provisional and card.pending == (result.receipt_number,)
    assert card.worker.name == "吴十" and card.worker.mobile == "13912345678"
    assert str(card.worker.birth_date) == "1995-04-04" and card.worker.sex == "1"
    assert card.accounts == [] and card.employer is not None and card.employer.uscc == E.registered
    assert [a.receipt_number for a in card.applications] == [result.receipt_number]
    assert result.receipt_number in card.unavailable["open-account"]
    assert "待中心审核" in card.unavailable["open-account"]
    assert "withdrawal" in card.unavailable  # no account yet: nothing to withdraw from
    assert reveal(counter, W.stranger, "id_number") == W.stranger  # the masked ID shown in full on request


def test_a_known_person_is_not_marked(counter):
    hit = _by_key(search(counter, "张三"), W.active)
    assert hit is not None and hit.pending == () and hit.matched != "pending"
    assert person_card(counter, W.active).provisional is False


def test_an_employer_established_here_is_found_by_name_alias_pinyin_and_uscc(counter):
    result = submit_good(counter, "establish-employer")
    name = "示范市南山食品有限公司"
    for query in (name, "南山食品", "sfsnsspyxgs", "nssp", E.unknown, E.unknown[:8].lower()):
        hit = _by_key(search(counter, query), E.unknown)
        assert hit is not None, query
        assert hit.kind == "employer" and hit.name == name and hit.pending == (result.receipt_number,), query
    card = employer_card(counter, E.unknown)
    assert card is not None and card.provisional and card.pending == (result.receipt_number,)
    assert card.employer.name == name and card.employer.legal_rep == "黄伟"
    assert card.employer.address == "示范市南山镇食品街5号" and str(card.employer.worker_ratio) == "10"
    assert card.employer.registered is False


def test_the_centres_record_replaces_the_pending_one(counter):
    result = submit_good(counter, "open-account")
    worker = Change("worker", W.stranger, "upsert", {"id_number": W.stranger, "id_type": "01", "name": "吴十",
                                                     "sex": "1", "employer_uscc": E.registered, "township": "南山镇"})
    decision = Change("decision", result.client_id, "upsert", {"client_id": result.client_id, "decision": "approve"})
    for changes in ([worker], [decision]):  # a pull may bring the centre's record before its decision
        with counter.store.unit_of_work(write=True) as uow:
            apply_changes(uow, changes)
            uow.commit()
        hits = [h for h in search(counter, "吴十") if h.key == W.stranger]
        assert len(hits) == 1 and hits[0].township == "南山镇" and hits[0].matched != "pending"  # the centre's, once
        assert hits[0].pending == (() if changes == [decision] else (result.receipt_number,))
    card = person_card(counter, W.stranger)
    assert not card.provisional and card.pending == () and "open-account" not in card.unavailable


def test_undecided_means_until_the_centre_decides_and_a_cancelled_one_is_gone(counter):
    result = submit_good(counter, "open-account")
    with counter.store.unit_of_work(write=True) as uow:
        uow.applications.set_status(result.client_id, "received", by="centre")
        uow.commit()
    assert _by_key(search(counter, "吴十"), W.stranger).pending == (result.receipt_number,)
    with counter.store.unit_of_work(write=True) as uow:
        uow.applications.set_status(result.client_id, "rejected", by="centre", reason="材料不全")
        uow.commit()
    assert _by_key(search(counter, "吴十"), W.stranger) is None
    assert person_card(counter, W.stranger) is None
    again = submit_good(counter, "open-account")
    assert again.ok
    cancel_application(counter, again.receipt_number, "申请人撤回")
    assert _by_key(search(counter, "吴十"), W.stranger) is None
