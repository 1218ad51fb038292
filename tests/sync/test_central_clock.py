"""Issue #17: ``counter-central`` with the machine's clock past what Python can read (libfaketime sets it
for the one process) names the clock, exit 2, like ``counter-app`` — no traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("clock", ["9999-12-31 23:59:00", "2263-01-01 00:00:00"])
@pytest.mark.parametrize("as_json", [False, True])
def test_counter_central_with_a_clock_past_2262_exits_2_naming_the_clock(clock, as_json):
    # Gap: psycopg imports logging, which reads the clock at import: the entry point's own import failed
    # with an OverflowError traceback before any of counter-central's code ran.
    central = str(Path(sys.executable).with_name("counter-central"))
    assert shutil.which("faketime"), "faketime (Debian package faketime) is missing: scripts/run-tests installs it"
    argv = ["status", "--dsn", "postgresql://nobody@127.0.0.1:9/none", *(["--json"] if as_json else [])]
    done = subprocess.run(["faketime", clock, central, *argv], capture_output=True, text=True, encoding="utf-8",
                          timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    if as_json:
        assert json.loads(done.stdout)["errors"][0]["field"] == "clock"
    said = done.stdout if as_json else done.stderr
    assert "时钟" in said and "2262" in said, said
