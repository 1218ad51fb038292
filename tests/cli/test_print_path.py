"""What a cold ``counter-app print`` loads (issue #24: a receipt on paper within a second of the command).

Measured in a fresh interpreter as the CLI loads the print command: the store, ReportLab and the print
service, but neither the centre's driver (psycopg, the sync engine) nor the spreadsheet library and the
站务 operations. Their figures are printed by ``benchmarks/bench_cli_print.py``; this test keeps the
structure that gives them (the services package re-exports neither, and reading the station's settings
does not import the centre's connection code).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

LOAD = """
import json, sys
import counter_app.cli.print_cmd
print(json.dumps(sorted(sys.modules)))
"""


def test_the_print_command_loads_neither_the_centre_driver_nor_the_station_operations() -> None:
    out = subprocess.run([sys.executable, "-c", LOAD], env=dict(os.environ), capture_output=True, text=True,
                         timeout=120, check=True).stdout
    modules = json.loads(out.strip().splitlines()[-1])
    assert "counter_app.services.printing" in modules and "sqlalchemy" in modules, "the print path is what it measures"
    heavy = [m for m in modules if m.split(".")[0] in ("psycopg", "openpyxl")
             or m.startswith(("counter_app.sync", "counter_app.services.sync", "counter_app.services.operations",
                              "counter_app.services.settings"))]
    assert heavy == [], f"loaded by `counter-app print`: {heavy}"
