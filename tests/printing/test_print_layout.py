"""The shared layout and its blocks: page sizes and the label/value grid."""

from __future__ import annotations

import pytest

from counter_app.printing.blocks import field_grid
from counter_app.printing.layout import content_width, metrics


def test_short_values_pair_up_and_a_long_value_gets_a_whole_line():
    rows = [("姓名", "张三"), ("性别", "男"), ("通讯地址", "示范市青山镇幸福路88号幸福家园小区3幢2单元501室（靠近镇政府）"),
            ("手机", "13800138000")]
    table = field_grid(rows, "A4")
    assert len(table._cellvalues) == 3  # [姓名 性别] [通讯地址 ……] [手机 + padding]
    assert [cmd[1:] for cmd in table._spanCmds] == [((1, 1), (-1, 1)), ((1, 2), (-1, 2))]
    width, _ = table.wrap(content_width("A4"), 1000)
    assert width == pytest.approx(content_width("A4"))


def test_one_column_grid_never_spans():
    table = field_grid([("甲", "很长的内容" * 20), ("乙", "短")], "A5", columns=1)
    assert len(table._cellvalues) == 2 and table._spanCmds == []


def test_unknown_page_size_is_refused_in_chinese():
    with pytest.raises(ValueError, match="不支持的纸张规格：Letter"):
        metrics("Letter")
