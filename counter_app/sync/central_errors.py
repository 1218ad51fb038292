"""The back office's refusal: a request that cannot be carried out, naming the offending input."""

from __future__ import annotations


class CentralError(Exception):
    """A back-office request that cannot be carried out; ``field`` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
