"""读卡: the ID card on this PC's reader, checked for the day of the application (the GUI's F8, ``idcard read``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.devices.idcard import CardRecord, ReaderError
from counter_app.devices.readers import ENV_READER, configured_reader, open_reader
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.idcard import check_card

RESIDENT_ID = "01"  # id_type of a resident ID card (person_fields.ID_TYPES)

__all__ = ["ENV_READER", "CardReading", "ReaderError", "card_form_values", "configured_reader", "read_card"]


@dataclass(frozen=True)
class CardReading:
    """A card as read, with what the rules say of it on ``on``."""

    card: CardRecord
    check: Checked[str]
    on: date

    @property
    def ok(self) -> bool:
        return self.check.ok

    @property
    def errors(self) -> tuple[FieldError, ...]:
        return self.check.errors

    @property
    def warnings(self) -> tuple[FieldError, ...]:
        return self.check.warnings


def read_card(reader: str | None, on: date, port: int | None = None) -> CardReading:
    """Read the card on ``reader`` (a spec: ``sim:FILE``, ``vendor[:LIBRARY]``; None: the configured one)
    and check it for ``on``. Raises ``ReaderError`` (Chinese message) when no card could be read."""
    card = open_reader(configured_reader(reader) if reader is None else reader, port=port).read()
    check = check_card(card.id_number, card.sex, card.birth_date, card.valid_from, card.valid_until, on)
    return CardReading(card, check, on)


def card_form_values(card: CardRecord) -> dict[str, Any]:
    """The card's facts by form field key (docs/CONTRACTS.md); a form takes the keys it has."""
    return {"id_type": RESIDENT_ID, "id_number": card.id_number, "name": card.name, "sex": card.sex,
            "birth_date": card.birth_date.isoformat(), "address": card.address}
