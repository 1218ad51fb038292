"""Autosaved half-filled forms (草稿): nothing typed is lost on switching, closing or a crash."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from counter_app.domain.fieldcheck import is_blank
from counter_app.services.counter import Counter
from counter_app.store.records import Draft


def save_draft(counter: Counter, kind: str, form: Mapping[str, Any]) -> None:
    """Keep the form as typed; an empty form removes the draft. Values JSON cannot hold
    (a Decimal from a calculator widget) are kept as their text."""
    fields = json.loads(json.dumps(dict(form), ensure_ascii=False, default=str))
    with counter.store.unit_of_work(write=True) as uow:
        if any(not (is_blank(v) or v is False) for v in fields.values()):
            uow.drafts.save(kind, counter.clerk, fields)
        else:
            uow.drafts.delete(kind, counter.clerk)
        uow.commit()


def list_drafts(counter: Counter) -> list[Draft]:
    """This clerk's drafts, newest first."""
    with counter.store.unit_of_work() as uow:
        return [d for d in uow.drafts.query() if d.key == counter.clerk]


def load_draft(counter: Counter, kind: str) -> Draft | None:
    """This clerk's draft of ``kind``: its ``fields`` as typed and when it was saved (``updated_at``, UTC)."""
    with counter.store.unit_of_work() as uow:
        return uow.drafts.load(kind, counter.clerk)


def discard_draft(counter: Counter, kind: str) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.drafts.delete(kind, counter.clerk)
        uow.commit()
