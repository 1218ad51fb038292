"""Autosaved half-filled forms (草稿): nothing typed is lost on switching, closing or a crash."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter_app.services.counter import Counter


def save_draft(counter: Counter, kind: str, form: Mapping[str, Any]) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        if any(v not in (None, "", [], False) for v in form.values()):
            uow.drafts.save(kind, counter.clerk, dict(form))
        else:
            uow.drafts.delete(kind, counter.clerk)
        uow.commit()


def list_drafts(counter: Counter) -> list[Any]:
    """This clerk's drafts, newest first."""
    with counter.store.unit_of_work() as uow:
        return [d for d in uow.drafts.list() if d.key == counter.clerk]


def load_draft(counter: Counter, kind: str) -> dict[str, Any] | None:
    with counter.store.unit_of_work() as uow:
        draft = uow.drafts.load(kind, counter.clerk)
    return dict(draft.fields) if draft else None


def discard_draft(counter: Counter, kind: str) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.drafts.delete(kind, counter.clerk)
        uow.commit()
