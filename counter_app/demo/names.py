"""Chinese names for the demo city: a realistic surname mix, minority names with ·, rare characters."""

from __future__ import annotations

import re
from itertools import accumulate

from counter_app.demo.dice import Dice

# The most common surnames with their approximate share in per mille (population statistics),
# then a tail of rarer and polyphonic/compound ones, so that search meets realistic collisions.
_SURNAMES_PER_MILLE = (
    "王71 李70 张67 刘54 陈46 杨31 黄24 赵23 吴20 周19 徐15 孙15 马13 朱13 胡12 郭11 何11 林10 高10 "
    "罗9 郑8 梁8 谢7 宋7 唐7 许6 韩6 冯6 邓6 曹6 彭5 曾5 肖5 田5 董5 袁4 潘4 于4 蒋4 蔡4 余4 杜4 "
    "叶4 程4 苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范2 金2 石2 廖2 贾2 夏2 韦2 "
    "付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶1 黎1 贺1 顾1 毛1 郝1 "
    "龚1 邵1 万1 钱1 严1 覃1 武1 戴1 莫1 孔1 向1 汤1 单1 解1 查1 仇1 区1 欧阳1 司马1 诸葛1 上官1"
)
_PAIRS = tuple(re.fullmatch(r"(\D+)(\d+)", item).groups() for item in _SURNAMES_PER_MILLE.split())  # type: ignore[union-attr]
SURNAMES: tuple[str, ...] = tuple(name for name, _ in _PAIRS)
_SURNAME_CUM = tuple(accumulate(int(share) for _, share in _PAIRS))

MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣建国志文军海峰亮成东兵德才"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲桂英华燕梅琳丹萍红雪婷颖慧倩洁佳琪欣悦晶月兰凤琴云莉楠蕾"
COMMON_CHARS = "子一晨思嘉雨春秋新永天小金玉振家德"
# Rare characters that real names carry and fonts, search and printing must all handle.
RARE_CHARS = ("𠮷", "堃", "喆", "昇", "䶮", "赟", "犇", "淼")

# Uyghur-style names: given name · father's name (the middle dot U+00B7).
MINORITY_MALE = ("买买提", "艾力", "艾合买提", "阿不都拉", "吐尔逊", "依明", "热合曼", "努尔")
MINORITY_FEMALE = ("阿依古丽", "热依拉", "古丽娜尔", "迪丽娜尔", "帕提古丽", "米热古丽")
MINORITY_FATHER = ("艾力", "吐尔逊", "买买提", "阿不都拉", "艾山", "热合曼", "尼亚孜", "库尔班")

# How often (per worker index) a name is a minority name or carries a rare character: fixed
# positions rather than chance, so every city of a few dozen people has both.
MINORITY_EVERY, MINORITY_AT = 50, 7
RARE_EVERY, RARE_AT = 50, 23


def surname(rng: Dice) -> str:
    return rng.weighted(SURNAMES, _SURNAME_CUM)


def given_name(rng: Dice, male: bool) -> str:
    pool = MALE_CHARS if male else FEMALE_CHARS
    first = rng.choice(pool)
    if rng.random() < 0.25:  # single-character given names are common too
        return first
    return rng.choice(COMMON_CHARS + pool) + first if rng.random() < 0.5 else first + rng.choice(pool)


def person_name(rng: Dice, male: bool, index: int) -> str:
    """A name for worker ``index``: mostly Han names, some minority names, some rare characters."""
    if index % MINORITY_EVERY == MINORITY_AT:
        given = rng.choice(MINORITY_MALE if male else MINORITY_FEMALE)
        return f"{given}·{rng.choice(MINORITY_FATHER)}"
    name = surname(rng) + given_name(rng, male)
    if index % RARE_EVERY == RARE_AT:
        name = name[:-1] + rng.choice(RARE_CHARS)
    return name
