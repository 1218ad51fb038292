"""Random junk in any field of any business: the services answer with field errors or a receipt,
never an exception (the start of the fuzzing of issue 8; a few hundred examples)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_world import E, W, good_form, table_counts

from counter_app.domain.catalog import BUSINESSES, KINDS
from counter_app.services import check_field, load_draft, loan_preview, required_materials, save_draft, submit_application

PEOPLE = [W.active, W.sealed, W.frozen, W.borrower, W.history, W.newcomer, W.senior, W.stranger, W.offset, W.repaid]
PLAUSIBLE = ["0", "-1", "1e400", "NaN", "Infinity", "0.001", "99999999999999", "２０２６-１３", "2026-02-30", "1900-01",
             "\x00", "\u202e", "X" * 300, "07", "03", "91", "public", "commercial", "是", "annuity", "id_card"]
junk = st.one_of(
    st.none(), st.text(max_size=20), st.integers(), st.floats(), st.booleans(), st.decimals(),
    st.lists(st.one_of(st.text(max_size=6), st.integers(), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(PLAUSIBLE + PEOPLE + [E.registered, E.unregistered, E.unknown]),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), data=st.data())
def test_junk_never_raises(counter, kind, data):
    form = good_form(counter, kind)
    keys = list(BUSINESSES[kind].keys)
    for key in data.draw(st.lists(st.sampled_from([*keys, "junk_key"]), min_size=1, max_size=4)):
        form[key] = data.draw(junk)
    before = table_counts(counter)

    result = submit_application(counter, kind, form)

    after = table_counts(counter)
    if result.ok:
        assert result.receipt_number and after["applications"] == before["applications"] + 1
    else:
        assert result.errors and all(e.field and e.message for e in result.errors)
        assert after == before
    required_materials(counter, kind, form)
    for key in keys:
        check_field(counter, kind, key, form.get(key), form)
    if kind == "loan":
        loan_preview(counter, form)
    save_draft(counter, kind, form)
    load_draft(counter, kind)
