"""Opening the station context for a CLI command (one place for --data-dir handling)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from counter_app.cli._login import sign_in
from counter_app.services import Counter, open_counter


@contextmanager
def counter_for(args: argparse.Namespace, login: bool = True) -> Iterator[Counter]:
    """The counter of ``--data-dir``, signed in as ``--clerk`` once the station has clerk accounts."""
    counter = open_counter(args.data_dir)
    try:
        if login:
            sign_in(counter, args)
        yield counter
    finally:
        counter.close()
