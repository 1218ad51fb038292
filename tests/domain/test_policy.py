"""The city policy file: the demo city loads, versions by date, bad files refused with line and key."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.catalog import KINDS, PROOF_REQUIRED_CHANGES
from counter_app.domain.policy import PolicyError, default_policy, key_lines, load_policy, parse_policy
from counter_app.domain.retirement import DEFAULT_RULES
from counter_app.paths import resources_dir

DEMO = resources_dir() / "policy" / "demo-city.toml"
TEXT = DEMO.read_text(encoding="utf-8")
D = Decimal


@pytest.fixture(scope="module")
def book():
    return default_policy()


# --- the demo file ----------------------------------------------------------------------------------

def test_demo_file_loads_every_version_in_date_order(book):
    raw = tomllib.loads(TEXT)
    assert len(book.versions) == 1 + len(raw["versions"])
    dates = [v.effective_from for v in book.versions]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert [v.version_label for v in book.versions] == [d.isoformat() for d in dates]
    assert {"2024-05-18", "2025-05-08", "2026-09-20"} <= {v.version_label for v in book.versions}


def test_default_policy_is_loaded_once(book):
    assert default_policy() is book
    assert load_policy(DEMO).versions == book.versions


def test_every_version_is_complete(book):
    for v in book.versions:
        assert v.city == "示范市" and v.centre_name
        assert set(v.loan.categories) == {"general", "talent", "outside_urban"}
        for kind in KINDS:
            assert v.decision_days(kind) > 0
            assert all(code in v.materials for ref in v.business_materials(kind) for code in ref.split("|"))
        assert {"01", "02", "03", "04", "05", "06", "07", "08", "09", "91"} <= set(v.withdrawal.reasons)
        assert all(code == r.code for code, r in v.withdrawal.reasons.items())
        assert [s.district in v.districts for s in v.stations] == [True] * len(v.stations)


def test_closing_reasons_are_03_04_05_08(book):
    for v in book.versions:
        assert {c for c, r in v.withdrawal.reasons.items() if r.closing} == {"03", "04", "05", "08"}


@pytest.mark.parametrize(
    ("day", "rates"),
    [
        (date(2024, 5, 18), ("2.35", "2.85", "2.775", "3.325")),
        (date(2025, 5, 7), ("2.35", "2.85", "2.775", "3.325")),
        (date(2025, 5, 8), ("2.1", "2.6", "2.525", "3.075")),
        (date(2026, 9, 19), ("2.1", "2.6", "2.525", "3.075")),
        (date(2026, 9, 20), ("2.1", "2.6", "2.525", "3.075")),
    ],
)
def test_rates_are_looked_up_by_the_application_date(book, day, rates):
    loan = book.in_force(day).loan
    got = (loan.rate(False, 60), loan.rate(False, 61), loan.rate(True, 60), loan.rate(True, 61))
    assert got == tuple(D(r) for r in rates)


def test_amendment_of_2026_takes_effect_on_its_day(book):
    before, after = book.in_force(date(2026, 9, 19)), book.in_force(date(2026, 9, 20))
    assert (before.decision_days("loan"), after.decision_days("loan")) == (15, 10)
    assert before.decision_days("withdrawal") == after.decision_days("withdrawal") == 3
    assert before.notices.penalty_article == "第三十七条" and "第三十七条" in before.notices.legal_basis
    assert after.notices.penalty_article == "第三十九条" and "第三十九条" in after.notices.legal_basis
    assert (before.notices.fine_min, before.notices.fine_max) == (D("10000"), D("50000"))
    assert (after.notices.fine_min, after.notices.fine_max) == (D("50000"), D("300000"))
    assert before.notices.deadline_days == after.notices.deadline_days == 30
    assert "92" not in before.withdrawal.reasons and "93" not in before.withdrawal.reasons
    assert after.withdrawal.reasons["92"].name and after.withdrawal.reasons["93"].name
    assert before.loan.fraud_ban_years is None and after.loan.fraud_ban_years == 5
    assert before.withdrawal.fraud_ban_years is None and after.withdrawal.fraud_ban_years == 3


def test_a_version_inherits_what_it_does_not_change(book):
    first, second = book.in_force(date(2024, 6, 1)), book.in_force(date(2025, 5, 8))
    assert second.loan.categories == first.loan.categories
    assert second.withdrawal == first.withdrawal and second.notices == first.notices
    assert second.summary != first.summary  # a summary belongs to its own version
    assert book.in_force(date(2025, 7, 1)).summary and book.in_force(date(2025, 7, 1)).loan.rates == second.loan.rates


def test_before_the_first_version_there_is_no_policy(book):
    with pytest.raises(PolicyError, match="2024-05-17"):
        book.in_force(date(2024, 5, 17))


def test_a_datetime_is_looked_up_by_its_date(book):
    assert book.in_force(datetime(2025, 5, 8, 0, 0)) is book.in_force(date(2025, 5, 8))
    assert book.in_force(datetime(2025, 5, 7, 23, 59)) is book.in_force(date(2025, 5, 7))


@given(st.dates(min_value=date(2024, 5, 18), max_value=date(2040, 12, 31)))
def test_the_version_in_force_is_the_latest_that_has_started(day):
    book = default_policy()
    v = book.in_force(day)
    assert v.effective_from <= day
    later = [x.effective_from for x in book.versions if x.effective_from > v.effective_from]
    assert not later or later[0] > day


def test_loan_values_of_the_demo_city(book):
    loan = book.in_force(date(2025, 6, 1)).loan
    assert loan.areas == ("district", "county")
    caps = {(c, a): loan.category_cap(c, a) for c in loan.categories for a in loan.areas}
    assert caps == {
        ("general", "district"): D("800000"), ("general", "county"): D("600000"),
        ("talent", "district"): D("1200000"), ("talent", "county"): D("1000000"),
        ("outside_urban", "district"): D("1000000"), ("outside_urban", "county"): D("800000"),
    }
    assert loan.category_label("talent") == "高层次人才及引进人才"
    assert (loan.balance_multiple, loan.max_repayment_ratio) == (D("15"), D("50"))
    assert (loan.max_ltv(False), loan.max_ltv(True)) == (D("80"), D("70"))
    assert (loan.max_term_months, loan.max_years_over_retirement, loan.min_contribution_months) == (360, 5, 6)
    assert loan.limit_round_down_to == D("1000")
    for bad in (("nobody", "district"), ("general", "city")):
        with pytest.raises(KeyError):
            loan.category_cap(*bad)
    with pytest.raises(ValueError):
        loan.rate(False, 0)


def test_contribution_and_retirement_values(book):
    v = book.in_force(date(2025, 6, 1))
    c = v.contribution
    assert (c.ratio_min, c.ratio_max) == (D("5"), D("12"))
    assert c.base_floor < c.base_cap and isinstance(c.base_floor, Decimal)
    assert book.in_force(date(2025, 7, 1)).contribution.base_cap != c.base_cap  # the July adjustment
    for group in ("male", "female_cadre", "female_worker"):
        assert v.retirement_rule(group) == DEFAULT_RULES[group]  # the 2024 reform, as the calculator knows it
        assert v.retirement[group].base_age_years == DEFAULT_RULES[group].base_age_years
    with pytest.raises(KeyError):
        v.retirement["child"]


def test_documents_and_counter_settings(book):
    v = book.in_force(date(2026, 10, 1))
    assert v.materials["id_card"] == "居民身份证原件" and v.materials["no_house_cert"] == "无房证明（本人及配偶）"
    for field in PROOF_REQUIRED_CHANGES:  # the catalog's promise: these changes need proof
        assert "household_register|police_cert" in v.info_change_materials[field]
    assert v.material_name("household_register|police_cert") == "户口簿或派出所证明"
    assert v.supervisor_approval_above == D("50000") and v.idle_lock_minutes == 10
    assert v.notices.rights_text and v.notices.complaint_days > 0 and v.notices.deferral_max_months == 12
    assert v.station(v.stations[0].code) is v.stations[0]
    rent = v.withdrawal.reasons["07"]
    assert (rent.max_amount_per_month, rent.max_amount_per_year, rent.min_months_between) == (D("600"), D("12000"), 3)
    assert v.withdrawal.reasons["91"].once_only and v.withdrawal.reasons["91"].within_years_of_event == 3


# --- bad files ------------------------------------------------------------------------------------------

def _line_of(text: str, fragment: str) -> int:
    """Line number (1-based) where ``fragment`` starts in ``text``."""
    assert text.count(fragment) == 1, fragment
    return text[: text.index(fragment)].count("\n") + 1


def _refused(text: str) -> list[tuple[int, str, str]]:
    with pytest.raises(PolicyError) as info:
        parse_policy(text, "policies/demo-city.toml")
    problems = info.value.problems
    assert problems and str(info.value).splitlines()[0] == str(problems[0])
    assert all(str(p).startswith(f"demo-city.toml:{p.line}: ") for p in problems)
    return [(p.line, p.key, p.message) for p in problems]


def _edit(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


def test_wrong_type_is_refused_at_its_line():
    text = _edit("max_term_months = 360", 'max_term_months = "360"')
    assert _refused(text) == [(_line_of(text, 'max_term_months = "360"'), "base.loan.max_term_months", "应为整数")]


def test_ratio_over_100_percent_is_refused():
    text = _edit("ratio_max = 12", "ratio_max = 130")
    assert _refused(text) == [(_line_of(text, "ratio_max = 130"), "base.contribution.ratio_max", "应在0到100之间")]


def test_a_bad_value_in_a_later_version_names_that_version():
    text = _edit("[versions.loan]\n", "[versions.loan]\nmax_ltv_first = 130\n")
    line = _line_of(text, "max_ltv_first = 130")
    assert _refused(text) == [(line, "versions[2].loan.max_ltv_first", "应在0到100之间")]


def test_unknown_key_is_refused():
    text = _edit("idle_lock_minutes = 10 ", "idle_lock_minute = 10 ")
    assert (_line_of(text, "idle_lock_minute ="), "base.idle_lock_minute", "未知的配置项") in _refused(text)


def test_missing_key_points_at_its_table():
    text = _edit('centre_name = "示范市住房公积金管理中心"\n', "")
    assert _refused(text) == [(_line_of(text, "[base]\n"), "base.centre_name", "缺少必填项")]


def test_missing_key_of_a_table_added_later_is_blamed_on_that_version():
    text = _edit('name = "自住住房装修"\n', "")
    line = _line_of(text, '[versions.withdrawal.reasons."92"]')
    assert _refused(text) == [(line, "versions[2].withdrawal.reasons.92.name", "缺少必填项")]


def test_overlapping_effective_dates_are_refused():
    text = _edit("effective_from = 2025-07-01", "effective_from = 2025-05-08")
    problems = _refused(text)
    assert problems == [(_line_of(text, "effective_from = 2025-05-08\nsummary = \"2025年度"), "versions[1].effective_from",
                         "生效日期应晚于上一版本的2025-05-08")]


def test_versions_out_of_order_are_refused():
    text = _edit("effective_from = 2025-07-01", "effective_from = 2024-01-01")
    assert [p[1] for p in _refused(text)] == ["versions[1].effective_from"]


def test_a_version_without_effective_date_is_refused():
    text = _edit("effective_from = 2025-07-01\n", "")
    line = _line_of(text, 'summary = "2025年度')  # the version's table starts one line above
    assert _refused(text) == [(line - 1, "versions[1].effective_from", "缺少必填项：每个版本都要写生效日期")]


def test_unknown_material_code_in_a_reason_is_refused():
    text = _edit('materials = ["lease", "bank_card"]', 'materials = ["lease", "bank_crd"]')
    [(line, key, message)] = _refused(text)
    assert (line, key) == (_line_of(text, '"bank_crd"'), "base.withdrawal.reasons.07.materials[1]")
    assert "bank_crd" in message


def test_unknown_material_in_an_alternative_is_refused():
    text = _edit('id_number = ["household_register|police_cert"]', 'id_number = ["household_register|polic_cert"]')
    [(line, key, message)] = _refused(text)
    assert (line, key) == (_line_of(text, "polic_cert"), "base.info_change_materials.id_number[0]")
    assert "polic_cert" in message and "household_register" not in message


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        ("effective_from = 2025-07-01", 'effective_from = "2025-07-01"', "versions[1].effective_from", "应为日期"),
        ("effective_from = 2025-07-01", "effective_from = 2025-07-01T08:00:00", "versions[1].effective_from", "应为日期"),
        ("once_only = true", 'once_only = "yes"', "base.withdrawal.reasons.91.once_only", "应为 true 或 false"),
        ('base_floor = "2200"', 'base_floor = "22x00"', "versions[1].contribution.base_floor", "应为数字"),
        ('base_floor = "2200"', 'base_floor = "2200.001"', "versions[1].contribution.base_floor", "两位小数"),
        ('base_floor = "2200"', "base_floor = -5", "versions[1].contribution.base_floor", "负数"),
        ("first_home_short = 2.35", "first_home_short = true", "base.loan.rates.first_home_short", "应为数字"),
        ('area = "county"\noffice = "示范市住房公积金管理中心青山县', 'area = "town"\noffice = "示范市住房公积金管理中心青山县',
         "base.districts.21.area", "district、county"),
        ("[versions.decision_days]\nloan = 10", "[versions.decision_days]\nloans = 10", "versions[2].decision_days.loans",
         "应为以下之一"),
        ('code = "BS01"\nname = "白水县白水镇服务站"\ndistrict = "22"',
         'code = "BS01"\nname = "白水县白水镇服务站"\ndistrict = "23"',
         "base.stations[4].district", "未知的区县代码"),
        ('[base.withdrawal.reasons."91"]', '[base.withdrawal.reasons."9A"]', "base.withdrawal.reasons.9A", "代码格式"),
    ],
)
def test_each_bad_value_is_refused_with_line_key_and_reason(old, new, key, reason):
    text = _edit(old, new)
    problems = _refused(text)
    found = [p for p in problems if p[1] == key]
    assert found, problems
    line, _, message = found[0]
    assert reason in message
    assert text.splitlines()[line - 1].strip()  # the line exists and is not blank
    first_changed = next(i for i, (a, b) in enumerate(zip(TEXT.splitlines(), text.splitlines()), 1) if a != b)
    assert first_changed - 3 <= line <= first_changed + 3


def test_toml_syntax_error_gives_its_line():
    text = _edit("ratio_max = 12", "ratio_max = = 12")
    [(line, key, message)] = _refused(text)
    assert line == _line_of(text, "ratio_max = = 12") and "TOML" in message and key == ""


def test_top_level_shape_is_checked():
    problems = _refused(TEXT.replace("schema_version = 1", "schema_version = 2\ncolour = 1"))
    assert {p[1] for p in problems} == {"schema_version", "colour"}
    assert [p[1] for p in _refused("schema_version = 1\n")] == ["base"]


def test_missing_or_undecodable_file_is_a_policy_error(tmp_path: Path):
    with pytest.raises(PolicyError, match="找不到"):
        load_policy(tmp_path / "nowhere.toml")
    bad = tmp_path / "gbk.toml"
    bad.write_bytes(TEXT.encode("gb18030"))
    with pytest.raises(PolicyError, match="UTF-8"):
        load_policy(bad)


def test_a_file_written_elsewhere_loads_with_its_own_name(tmp_path: Path):
    path = tmp_path / "other-city.toml"
    path.write_text(TEXT.replace('city = "示范市"', 'city = "样例市"'), encoding="utf-8")
    book = load_policy(path)
    assert book.source == str(path) and book.latest.city == "样例市" and book.sha256 != default_policy().sha256
    path.write_text(TEXT.replace("ratio_max = 12", "ratio_max = 130"), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"^other-city\.toml:\d+: base\.contribution\.ratio_max"):
        load_policy(path)


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2), st.booleans())
def test_money_is_read_exactly_from_strings_and_numbers(amount, as_string):
    written = f'"{amount}"' if as_string else str(amount)
    text = _edit('supervisor_approval_above = "50000"', f"supervisor_approval_above = {written}")
    assert parse_policy(text).latest.supervisor_approval_above == amount


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=-1000, max_value=1000, places=3))
def test_percent_range_is_enforced(pct):
    text = _edit("max_repayment_ratio = 50 ", f'max_repayment_ratio = "{pct}" ')
    if 0 <= pct <= 100:
        assert parse_policy(text).latest.loan.max_repayment_ratio == pct
    else:
        assert _refused(text)[0][1:] == ("base.loan.max_repayment_ratio", "应在0到100之间")


# --- locating keys in text -----------------------------------------------------------------------------

def test_key_lines_follows_tables_arrays_and_multiline_values():
    text = (
        'a = 1\n'                      # 1
        '[t."x.y"]\n'                  # 2
        'k = """\n'                    # 3
        'fake = 2\n'                   # 4
        '[not.a.header]\n'             # 5
        '"""\n'                        # 6
        'list = [\n'                   # 7
        '  "a", # ] not closing\n'     # 8
        '  "b",\n'                     # 9
        ']\n'                          # 10
        'd.e = 3\n'                    # 11
        '[[arr]]\n'                    # 12
        'n = 0\n'                      # 13
        '[[arr]]\n'                    # 14
        'n = 1\n'                      # 15
        '[arr.sub]\n'                  # 16
        "'q k' = 'v = w'\n"            # 17
    )
    tomllib.loads(text)  # the sample is valid TOML
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("t", "x.y")] == 2 and lines[("t", "x.y", "k")] == 3
    assert ("t", "x.y", "fake") not in lines and ("not", "a", "header") not in lines
    assert lines[("t", "x.y", "list")] == 7 and lines[("t", "x.y", "d", "e")] == 11
    assert lines[("arr", 0, "n")] == 13 and lines[("arr", 1)] == 14 and lines[("arr", 1, "n")] == 15
    assert lines[("arr", 1, "sub", "q k")] == 17


def test_every_leaf_of_the_demo_file_is_located():
    lines = key_lines(TEXT)
    raw = tomllib.loads(TEXT)

    def leaves(node, path=()):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from leaves(v, (*path, k))
        elif isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
            for i, v in enumerate(node):
                yield from leaves(v, (*path, i))
        else:
            yield path

    for path in leaves(raw):
        line = TEXT.splitlines()[lines[path] - 1]
        assert line.lstrip().startswith((path[-1], f'"{path[-1]}"')), (path, line)


def test_lookup_boundaries_are_exact(book):
    for v in book.versions[1:]:
        day = v.effective_from
        assert book.in_force(day) is v
        assert book.in_force(day - timedelta(days=1)) is not v
