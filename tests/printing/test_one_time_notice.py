"""One-time notice of required documents (一次性告知单)."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.printing.one_time_notice import (
    MISSING_MARK,
    RECEIVED_MARK,
    Material,
    OneTimeNoticeData,
    render_one_time_notice,
)


def notice(materials) -> OneTimeNoticeData:
    return OneTimeNoticeData(
        centre_name="示范市住房公积金管理中心", station_name="青山镇服务站", number="QS01-T1-20250603-0009",
        issued_at=datetime(2025, 6, 3, 10, 20), business="住房公积金提取", applicant_name="阿依古丽·买买提",
        reason="缺少无房证明", materials=tuple(materials), return_place="青山镇便民服务中心2号窗口",
        return_hours="周一至周五 8:30—17:00", station_phone="0571-12329", valid_until=date(2025, 9, 3),
        clerk="李晓梅",
    )


def flat(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.booleans(), min_size=1, max_size=12), st.sampled_from(["A4", "A5"]))
def test_every_material_is_listed_and_the_missing_ones_are_marked(tmp_path, pdf, received, page_size):
    materials = [Material(f"材料{i}号", f"要求{i}", got) for i, got in enumerate(received)]
    out = tmp_path / "n.pdf"
    render_one_time_notice(notice(materials), out, page_size=page_size)
    text = flat(pdf.text(out))
    assert all(f"材料{i}号" in text for i in range(len(received)))
    missing = received.count(False)
    # one mark per row, plus the legend / the summary sentence that name each mark once
    assert text.count(flat(MISSING_MARK)) == missing + 1
    assert text.count(RECEIVED_MARK) == received.count(True) + 1
    assert f"共{len(received)}项，已提交{len(received) - missing}项，尚缺{missing}项" in text


def test_where_and_when_to_come_back_and_contact(tmp_path, pdf):
    out = tmp_path / "n.pdf"
    render_one_time_notice(notice([Material("居民身份证", received=True), Material("无房证明")]), out)
    text = flat(pdf.text(out))
    for expected in ("住房公积金业务一次性告知单", "QS01-T1-20250603-0009", "住房公积金提取", "阿依古丽·买买提",
                     "缺少无房证明", "青山镇便民服务中心2号窗口", "周一至周五8:30—17:00", "0571-12329",
                     "2025年09月03日", "申请人（签收）"):
        assert expected in text, expected
