"""Drafts written off the GUI thread (草稿自动保存): the latest form wins, one write at a time.

A draft write waits for the store's write lock, which a sync's snapshot load holds for seconds;
so the wizard hands the form to a ``DraftWriter`` and goes on. Saves that pile up while one waits
are coalesced (only the newest is written); a load runs after the writes asked before it; and a
discard made by a successful submit (on its worker thread) outranks every save asked before it,
so a form that was accepted never comes back as a draft — not even to a wizard of the same kind
opened while that submit still runs: a draft read then (the form being submitted, as last saved)
is held until the submit's outcome (accepted: no draft; refused: the draft).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6

from counter_app import services
from counter_app.gui.operations import Operation
from counter_app.services.drafts import Draft

log = logging.getLogger(__name__)
_DISCARD = object()


class DraftWriter:
    """The drafts of one business kind at one counter (shared by the successive wizards of that kind)."""

    def __init__(self, counter: services.Counter, kind: str) -> None:
        self.counter, self.kind = counter, kind
        self._lock = threading.Lock()  # guards the fields below
        self._write_lock = threading.Lock()  # one store write at a time, in sequence order
        self._idle = threading.Condition(self._lock)
        self._seq = 0  # last sequence number handed out
        self._written = 0  # sequence number of the last write done
        self._pending: tuple[int, Any] | None = None
        self._running = False
        # GUI thread only: submits of this kind still running, and the draft loads held for them
        # (the submits each waits for, whether one was accepted, the draft, its callback and owner).
        self._submitting: set[int] = set()
        self._held: list[tuple[set[int], list[bool], Draft, Callable[[Draft | None], None], Any]] = []

    # -- GUI thread -------------------------------------------------------------------------
    def save(self, form: dict[str, Any]) -> None:
        self._enqueue(dict(form))

    def discard(self) -> None:
        self._enqueue(_DISCARD)

    def load(self, then: Callable[[Draft | None], None], owner: Any = None) -> None:
        """``then(draft or None)`` on the GUI thread, once the writes asked before have been done (and,
        for the draft of a form being submitted, once that submit is done)."""
        def op(_progress: Any) -> Draft | None:
            self.wait_idle()
            return services.load_draft(self.counter, self.kind)

        def loaded(draft: Draft | None) -> None:
            if draft is None or not self._submitting:
                then(draft)
            else:
                self._held.append((set(self._submitting), [False], draft, then, owner))

        Operation(op, success=loaded, failure=lambda exc: log.error("草稿读取失败：%s", exc), owner=owner).run()

    def submitting(self) -> int:
        """A submit of this kind starts (GUI thread); its token goes to ``submitted``."""
        token = max(self._submitting, default=0) + 1
        self._submitting.add(token)
        return token

    def submitted(self, token: int, accepted: bool) -> None:
        """A submit is done (GUI thread): a load held for it gets no draft if one it waited for was
        accepted (its discard removed the draft), else the draft."""
        self._submitting.discard(token)
        still: list[tuple[set[int], list[bool], Draft, Callable[[Draft | None], None], Any]] = []
        for tokens, took, draft, then, owner in self._held:
            if token in tokens:
                tokens.discard(token)
                took[0] = took[0] or accepted
            if tokens:
                still.append((tokens, took, draft, then, owner))
            elif owner is None or shiboken6.isValid(owner):
                then(None if took[0] else draft)
        self._held = still

    def _enqueue(self, item: Any) -> None:
        with self._lock:
            self._seq += 1
            self._pending = (self._seq, item)
            start, self._running = not self._running, True
        if start:
            Operation(self._drain, failure=lambda exc: log.error("草稿保存失败：%s", exc)).run()

    # -- any thread -------------------------------------------------------------------------
    def discard_now(self) -> None:
        """Remove the draft at once (a submit's worker thread): newer than every save asked so far."""
        self._now(_DISCARD)

    def save_now(self, form: dict[str, Any]) -> None:
        """Write the draft on the calling thread (the crash handler: no event loop to come back to)."""
        self._now(dict(form))

    def _now(self, item: Any) -> None:
        with self._lock:
            self._seq += 1
            seq, self._pending = self._seq, None
        self._write(seq, item)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: not self._running and self._pending is None, timeout)

    def _drain(self, _progress: Any) -> None:  # worker thread: the newest pending form, until none is left
        while True:
            with self._lock:
                item, self._pending = self._pending, None
                if item is None:
                    self._running = False
                    self._idle.notify_all()
                    return
            try:
                self._write(*item)
            except Exception:
                with self._lock:
                    self._running = False
                    self._idle.notify_all()
                raise

    def _write(self, seq: int, item: Any) -> None:
        with self._write_lock:
            if seq <= self._written:
                return  # a newer write (a submit's discard) got there first
            if item is _DISCARD:
                services.discard_draft(self.counter, self.kind)
            else:
                services.save_draft(self.counter, self.kind, item)
            self._written = seq

