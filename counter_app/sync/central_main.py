"""``counter-central``'s entry point: the clock is checked before any library reads it.

psycopg imports ``logging``, which reads the clock when it is imported; with the machine's clock
past 2262 (e.g. 9999-12-31) ``time.time()`` overflows, so the command module could not even be
loaded. Like ``counter-app``, the command then exits 2 naming the clock.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    try:
        time.time()
    except (OverflowError, OSError, ValueError):
        from counter_app import console  # the error path: foundation only, nothing that reads the clock
        from counter_app.faults import CLOCK_UNREADABLE

        console.force_utf8_stdio()
        words = list(sys.argv[1:] if argv is None else argv)
        return console.report_error(console.CliError.single("clock", CLOCK_UNREADABLE), as_json="--json" in words)
    from counter_app.sync.central_cli import main as run  # psycopg, logging: only with a readable clock

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
