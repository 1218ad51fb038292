"""Opening the station context for a CLI command (one place for --data-dir handling)."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from collections.abc import Iterator

from counter_app.services import Counter, open_counter


@contextmanager
def counter_for(args: argparse.Namespace) -> Iterator[Counter]:
    counter = open_counter(args.data_dir)
    try:
        yield counter
    finally:
        counter.close()
