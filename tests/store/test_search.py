"""Counter search: ranking (exact before prefix), pinyin forms, rare characters, full-width input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.ids import mask_id_number
from counter_app.store import AccountRecord, Store


@pytest.fixture
def people(store: Store, make_worker, make_employer):
    """A small town: 张三 and namesakes, rare and minority names, one employer."""
    employer = make_employer("青山镇兴旺建材有限公司")
    named = {name: make_worker(name, employer_uscc=employer.uscc)
             for name in ("张三", "张三丰", "赵四", "周小山", "曾小明", "王𠮷", "买买提·艾力", "阿依古丽·吐尔逊")}
    with store.unit_of_work(write=True) as uow:
        uow.employers.upsert(employer)
        uow.workers.bulk_insert(named.values())
        uow.accounts.upsert(AccountRecord(account_no="800000000001", id_number=named["张三"].id_number))
        uow.accounts.upsert(AccountRecord(account_no="800000000002", id_number=named["张三"].id_number,
                                          status="02"))
        uow.accounts.upsert(AccountRecord(account_no="800000000011", id_number=named["赵四"].id_number))
        uow.commit()
    return named, employer


def _names(store: Store, text: str, limit: int = 20) -> list[str]:
    return [hit.name for hit in store.search(text, limit)]


@pytest.mark.parametrize("typed", ["zs", "zhs", "zsan", "zhsan", "zhangs", "zhangsan", "ZhangSan", "zhang san"])
def test_pinyin_forms_find_zhang_san(store: Store, people, typed: str) -> None:
    assert "张三" in _names(store, typed)


def test_exact_pinyin_ranks_before_longer_names(store: Store, people) -> None:
    hits = store.search("zhangsan")
    assert [h.name for h in hits] == ["张三", "张三丰"]
    assert hits[0].score > hits[1].score


def test_initials_find_every_name_with_those_initials(store: Store, people) -> None:
    assert _names(store, "zs") == ["张三", "赵四", "张三丰"]  # exact initials first, then prefix
    assert _names(store, "zxs") == ["周小山"]


def test_polyphonic_surname_found_by_both_readings(store: Store, people) -> None:
    assert _names(store, "zengxiaoming") == ["曾小明"]
    assert _names(store, "cengxiaoming") == ["曾小明"]


def test_name_exact_before_name_prefix(store: Store, people) -> None:
    assert _names(store, "张三") == ["张三", "张三丰"]
    assert _names(store, "张") == ["张三", "张三丰"]


def test_rare_character_and_middle_dot_names_are_found(store: Store, people) -> None:
    assert _names(store, "王𠮷") == ["王𠮷"]
    assert _names(store, "王") == ["王𠮷"]  # 𠮷 sorts after U+FFFF: the prefix range still covers it
    assert _names(store, "wangji") == ["王𠮷"]
    assert _names(store, "买买提·艾力") == ["买买提·艾力"]
    assert _names(store, "买买提•艾力") == ["买买提·艾力"]  # a look-alike dot from an IME
    assert _names(store, "mmtal") == ["买买提·艾力"]
    assert _names(store, "ayiguli") == ["阿依古丽·吐尔逊"]


def test_id_number_exact_prefix_full_width_and_lower_case(store: Store, people) -> None:
    named, _ = people
    zhang = named["张三"].id_number
    (hit,) = store.search(zhang)
    assert (hit.kind, hit.key, hit.score) == ("worker", zhang, 100)
    assert hit.masked_id_or_uscc == mask_id_number(zhang) and zhang[6:14] not in hit.masked_id_or_uscc
    full_width = zhang.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert [h.key for h in store.search(full_width)] == [zhang]
    assert len(store.search(zhang[:6])) == len(named)  # every test worker shares the area code
    assert store.search(zhang[:6])[0].score < 100


def test_exact_id_ranks_before_prefix_matches(store: Store, people, make_worker) -> None:
    named, _ = people
    target = named["赵四"].id_number
    hits = store.search(target[:10])
    assert hits and all(h.score == 90 for h in hits)
    assert store.search(target)[0].key == target


def test_account_number_finds_its_owner_with_that_account(store: Store, people) -> None:
    _named, employer = people
    (hit,) = store.search("800000000002")
    assert (hit.name, hit.account_no, hit.status, hit.score) == ("张三", "800000000002", "02", 100)
    assert hit.employer_name == employer.name and hit.township == "青山镇"
    by_prefix = store.search("8000000000")
    assert [h.name for h in by_prefix] == ["张三", "赵四"]  # one hit per person
    assert by_prefix[0].account_no == "800000000001"  # the normal account of the two


def test_a_worker_found_by_name_shows_the_normal_account(store: Store, people) -> None:
    (hit,) = [h for h in store.search("张三") if h.name == "张三"]
    assert (hit.account_no, hit.status) == ("800000000001", "01")
    assert [h.account_no for h in store.search("曾小明")] == [None]


def test_employer_found_by_uscc_name_alias_and_pinyin(store: Store, people) -> None:
    _, employer = people
    for typed in (employer.uscc, employer.uscc[:8].lower(), "青山镇兴旺", "兴旺建材", "xwjc", "qszxw"):
        hits = [h for h in store.search(typed) if h.kind == "employer"]
        assert [h.key for h in hits] == [employer.uscc], typed
    (exact,) = store.search(employer.uscc)
    assert exact.score == 100 and exact.masked_id_or_uscc == employer.uscc


def test_misses_and_blank_input_return_nothing(store: Store, people) -> None:
    for typed in ("", "   ", "qqqq", "欧阳", "999999", "!!"):
        assert store.search(typed) == []


def test_limit_is_respected(store: Store, people) -> None:
    assert len(store.search("z", limit=2)) == 2


@settings(max_examples=50, deadline=None)
@given(text=st.text(max_size=12))
def test_any_input_is_answered_without_error(module_store: Store, text: str) -> None:
    hits = module_store.search(text, limit=5)
    assert len(hits) <= 5
    assert all(h.kind in ("worker", "employer") for h in hits)


@pytest.fixture(scope="module")
def module_store(tmp_path_factory: pytest.TempPathFactory):
    from counter_app.store import WorkerRecord

    store = Store.open(tmp_path_factory.mktemp("search"))
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(WorkerRecord(id_number="11010519491231002X", name="张三"))
        uow.commit()
    yield store
    store.close()


def test_a_passport_holder_is_found_by_the_letters_of_the_name(store: Store, make_worker) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(make_worker("JOHN SMITH", id_type="03", id_number="E12345678"))
        uow.commit()
    assert [h.key for h in store.search("john sm")] == ["E12345678"]
