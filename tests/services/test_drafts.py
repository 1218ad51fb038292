"""Drafts (草稿): half-filled forms saved per clerk and kind, loaded back, discarded; never applications."""

from __future__ import annotations

from service_world import BEFORE_ANY_APPLICATION, W, fixed_clock, table_counts

from counter_app.services import discard_draft, list_drafts, load_draft, open_counter, save_draft

HALF = {"id_number": W.active.lower(), "reason_code": "07", "amount": "６００", "materials": ["id_card"],
        "name_note": "阿依古丽·𠮷"}


def test_saved_draft_loads_back_exactly_as_typed(counter):
    save_draft(counter, "withdrawal", HALF)
    assert load_draft(counter, "withdrawal").fields == HALF
    assert table_counts(counter) == BEFORE_ANY_APPLICATION


def test_saving_again_replaces_the_draft(counter):
    save_draft(counter, "withdrawal", HALF)
    save_draft(counter, "withdrawal", {**HALF, "amount": "700"})
    assert load_draft(counter, "withdrawal").fields["amount"] == "700"
    assert len(list_drafts(counter)) == 1


def test_drafts_of_each_kind_are_kept_apart(counter):
    save_draft(counter, "withdrawal", HALF)
    save_draft(counter, "loan", {"id_number": W.active, "months": "240"})
    assert load_draft(counter, "loan").fields == {"id_number": W.active, "months": "240"}
    assert load_draft(counter, "withdrawal").fields == HALF
    assert {d.kind for d in list_drafts(counter)} == {"withdrawal", "loan"}


def test_saving_an_empty_form_removes_the_draft(counter):
    save_draft(counter, "withdrawal", HALF)
    save_draft(counter, "withdrawal", {"id_number": "", "amount": None, "materials": [], "second_home": False})
    assert load_draft(counter, "withdrawal") is None
    assert list_drafts(counter) == []


def test_discard(counter):
    save_draft(counter, "deferral", {"reason": "经营困难"})
    discard_draft(counter, "deferral")
    assert load_draft(counter, "deferral") is None
    discard_draft(counter, "deferral")  # discarding nothing is harmless
    assert load_draft(counter, "open-account") is None


def test_each_clerk_sees_only_their_own_drafts(counter, data_dir):
    save_draft(counter, "withdrawal", HALF)
    with open_counter(data_dir, clerk="li", clock=fixed_clock) as other:
        assert load_draft(other, "withdrawal") is None
        assert list_drafts(other) == []
        save_draft(other, "withdrawal", {"amount": "1"})
        assert load_draft(other, "withdrawal").fields == {"amount": "1"}
    assert load_draft(counter, "withdrawal").fields == HALF
    assert [d.kind for d in list_drafts(counter)] == ["withdrawal"]


def test_a_draft_survives_closing_the_counter(counter, data_dir):
    save_draft(counter, "info-change", {"id_number": W.active, "new_mobile": "139"})
    counter.close()
    with open_counter(data_dir, clock=fixed_clock) as again:
        assert load_draft(again, "info-change").fields == {"id_number": W.active, "new_mobile": "139"}


def test_values_json_cannot_hold_are_kept_as_text(counter):
    from decimal import Decimal

    save_draft(counter, "loan", {"amount": Decimal("300000.00"), "second_home": False})
    assert load_draft(counter, "loan").fields == {"amount": "300000.00", "second_home": False}


def test_a_form_of_blanks_and_spaces_is_empty(counter):
    save_draft(counter, "loan", {"amount": "   ", "months": None})
    assert load_draft(counter, "loan") is None


def test_a_draft_says_when_it_was_saved(counter):
    """The wizard's banner shows the time ("已恢复未完成的录入（2026年11月23日 10:00）"): it needs ``updated_at``."""
    save_draft(counter, "withdrawal", HALF)
    draft = load_draft(counter, "withdrawal")
    assert draft is not None and draft.kind == "withdrawal" and draft.key == counter.clerk
    assert draft.updated_at.tzinfo is not None  # an instant, shown in China time by the GUI
