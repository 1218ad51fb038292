"""楼盘准入's pure rules: counts, the old file's documents, the agreement a back-fill carries."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.businesses import business
from counter_app.domain.businesses.project_admission import (
    BACKFILL,
    KIND,
    MAX_COUNT,
    NEW,
    cross_checks,
    held_refs,
    parse_count,
)
from counter_app.domain.materials import case_of, required_refs
from counter_app.domain.policy import default_policy

VERSION = default_policy().latest
SPEC = business(KIND)
AGREEMENT = {"agreement_no": "HZ-1", "agreement_date": "2019-06-01", "agreement_valid_until": "2029-05-31"}


@given(st.integers(min_value=1, max_value=MAX_COUNT))
def test_every_count_in_range_parses_as_typed_or_full_width(n):
    assert parse_count(str(n)) == n
    assert parse_count(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n
    assert parse_count(f" {n} ") == n


@given(st.one_of(st.integers(max_value=0), st.integers(min_value=MAX_COUNT + 1)))
def test_counts_out_of_range_are_refused(n):
    assert parse_count(str(n)) is None


@given(st.text())
def test_parse_count_never_raises_and_accepts_only_digits(text):
    got = parse_count(text)
    assert got is None or 1 <= got <= MAX_COUNT


def _fields(errors):
    return [e.field for e in errors]


def test_a_new_project_with_whole_counts_passes():
    assert cross_checks({"admission_type": NEW, "buildings": "3", "units": "120"}, ()) == []


def test_units_fewer_than_buildings_refused():
    assert _fields(cross_checks({"admission_type": NEW, "buildings": "30", "units": "12"}, ())) == ["units"]


def test_a_new_project_with_agreement_fields_or_old_file_refused_field_by_field():
    errors = cross_checks({"admission_type": NEW, **AGREEMENT, "on_file": "项目简介"}, ())
    assert _fields(errors) == ["agreement_no", "agreement_date", "agreement_valid_until", "on_file"]


def test_a_backfill_names_each_missing_agreement_field():
    for key in AGREEMENT:
        values = {"admission_type": BACKFILL, **{k: v for k, v in AGREEMENT.items() if k != key}}
        assert _fields(cross_checks(values, ())) == [key]
    assert cross_checks({"admission_type": BACKFILL, **AGREEMENT}, ()) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
       st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)))
def test_validity_must_end_after_signing(signed, until):
    values = {"admission_type": BACKFILL, "agreement_no": "HZ-1", "agreement_date": signed.isoformat(),
              "agreement_valid_until": until.isoformat()}
    assert (_fields(cross_checks(values, ())) == ["agreement_valid_until"]) == (until <= signed)


def test_held_documents_by_code_or_name_with_any_separator():
    held, unknown = held_refs("项目简介，developer_profile、 国有土地使用证;项目简介", VERSION)
    assert held == ("project_brief", "developer_profile", "land_use_cert") and unknown == ()
    held, unknown = held_refs("项目简介 购房合同 id_card", VERSION)
    assert held == ("project_brief",) and unknown == ("购房合同", "id_card")  # not documents of this business


@given(st.sets(st.sampled_from(VERSION.business_materials(KIND))))
def test_a_backfill_needs_exactly_the_documents_not_on_file(on_file):
    typed = "、".join(VERSION.material_name(ref) for ref in sorted(on_file))
    case = case_of(KIND, {"admission_type": "backfill", "on_file": typed}, VERSION, date(2026, 11, 23))
    needed = required_refs(KIND, VERSION, held=case.held)
    assert set(needed) == set(VERSION.business_materials(KIND)) - on_file
    assert needed == [r for r in VERSION.business_materials(KIND) if r not in on_file]  # notice order kept


def test_a_new_project_needs_all_thirteen_whatever_the_old_file_field_says():
    case = case_of(KIND, {"admission_type": "新楼盘准入", "on_file": "项目简介"}, VERSION, date(2026, 11, 23))
    assert case.held == ()
    assert len(required_refs(KIND, VERSION, held=case.held)) == 13
