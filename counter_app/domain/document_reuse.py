"""Documents used once (一证一用): a purchase contract, lease or agreement number serves one worker.

A risk-control rule apart from the withdrawal limits: the number of a document already used by
*another* worker's withdrawal (in the centre's history the station holds, or among this station's
own applications still in progress) is refused at the counter, as far as the station knows. The
centre flags the same across all stations (central revision 0007). Reasons whose document several
workers may share (a joint loan contract of co-borrowers) say so in the policy (``shared_document``).
The message names no other person: the clerk learns only that the number is taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import normalize_code


@dataclass(frozen=True)
class DocumentUse:
    """A withdrawal of another worker that used the same document number."""

    where: str  # "history" (decided, from the centre) or "pending" (taken here, not yet decided)


def document_key(document_no: object) -> str:
    """The number compared: upper case, without white space or hyphens (as the store's index)."""
    return normalize_code(document_no)


def reuse_problem(label: str, document_no: str, uses: list[DocumentUse]) -> FieldError | None:
    """The error on ``document_no`` when another worker already used this document; None otherwise."""
    if not uses or not document_key(document_no):
        return None
    place = "中心的提取记录中" if any(u.where == "history" for u in uses) else "本站在办的提取申请中"
    return FieldError("document_no", f"该{label}（{document_no}）已在{place}用于其他职工的提取，同一份合同/协议不能为"
                                     "不同职工重复提取；如确属共同购房人等情形，请申请人到管理中心核实办理")
