"""Errors a clerk can fix, as values: a field key plus a plain-Chinese message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. ``severity="warning"`` informs but does not block."""

    field: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True)
class Checked(Generic[T]):
    """The outcome of checking one input: the normalised value, errors, warnings, derived facts."""

    value: T | None
    errors: tuple[FieldError, ...] = ()
    warnings: tuple[FieldError, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @classmethod
    def fail(cls, field_key: str, message: str, value: Any = None) -> Checked[Any]:
        return cls(value=value, errors=(FieldError(field_key, message),))


def errors_as_dicts(errors: list[FieldError] | tuple[FieldError, ...]) -> list[dict[str, str]]:
    return [e.as_dict() for e in errors]
