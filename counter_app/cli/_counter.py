"""Opening the station context for a CLI command (one place for --data-dir handling)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counter_app.services import Counter


@contextmanager
def counter_for(args: argparse.Namespace, login: bool = True) -> Iterator[Counter]:
    """The counter of ``--data-dir``, signed in as ``--clerk`` once the station has clerk accounts."""
    # Imported here so that quick commands (check, calc) do not load the store and services.
    from counter_app.cli._login import sign_in
    from counter_app.services import open_counter

    counter = open_counter(args.data_dir)
    try:
        if login:
            sign_in(counter, args)
        yield counter
    finally:
        counter.close()
