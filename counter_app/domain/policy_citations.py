"""Legal citations a notice may print (法律依据): only a text the policy marks verified.

A version whose ``notices`` are marked 待核对 (``verified = false``) is in force for everything
else, but its citations never reach paper: the notice prints the latest earlier version whose
text was verified, and the supervisor is told why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.domain.policy import PolicyBook, PolicyError
from counter_app.domain.policy_schema import NOTICE_LOCAL_KEYS, NoticePolicy


@dataclass(frozen=True)
class Citations:
    """The notice texts to print; ``warning`` is empty when they are the ones in force."""

    notices: NoticePolicy
    version_label: str  # the version whose (verified) text is printed
    withheld_label: str | None = None  # the version in force whose text is 待核对
    warning: str = ""

    @property
    def withheld(self) -> bool:
        return self.withheld_label is not None


def printable_citations(book: PolicyBook, day: date) -> Citations:
    """The verified notice texts for a notice dated ``day``."""
    current = book.in_force(day)
    if current.notices.verified:
        return Citations(current.notices, current.version_label)
    earlier = [v for v in book.versions if v.effective_from < current.effective_from and v.notices.verified]
    if not earlier:
        raise PolicyError(f"{current.version_label}起施行的法律依据标注为待核对，且没有更早的已核对文本，不能打印法律文书")
    old = earlier[-1].notices
    since = next(v for v in earlier if _same_text(v.notices, old))  # where that text came in
    n = current.notices
    why = f"（{n.source}）" if n.source else ""
    text = old.verified_against or f"{since.version_label}起施行的文本"
    warning = (
        f"{current.version_label}起施行的法律依据（{n.regulation}{n.penalty_article}、{n.arrears_article}）在政策文件中"
        f"标注为待核对{why}，未印在通知书上；本通知书使用最近一次已核对的文本：{text}"
        f"{old.penalty_article}、{old.arrears_article}。请核对官方公布文本后由管理中心更新政策文件。"
    )
    return Citations(old, since.version_label, current.version_label, warning)


def _same_text(a: NoticePolicy, b: NoticePolicy) -> bool:
    legal = [k for k in type(a).model_fields if k not in NOTICE_LOCAL_KEYS]
    return all(getattr(a, k) == getattr(b, k) for k in legal)
