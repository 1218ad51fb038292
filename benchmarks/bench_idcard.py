"""ID card reading speed: the card's text block parsed per second, a read through the vendor driver
(ctypes into the stub termb library the suite builds, files and accessors) and through the simulator,
p50/p95 per read, and ``counter-app idcard read`` cold from the shell.

Run: ``.venv/bin/python benchmarks/bench_idcard.py [--reads N]``. Prints figures; asserts nothing.
A real reader adds its radio time (about 0.5–1 s a card); these are the software's share.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from idcard_helpers import SAMPLE, build_stub, write_sim_card

from counter_app.devices.idcard import encode_card_text, parse_card_text
from counter_app.devices.readers import open_reader


def timed(label: str, fn: Callable[[], object], n: int) -> None:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{label:<46} p50 {statistics.median(times):7.3f} ms   p95 {p95:7.3f} ms   ({n} reads)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reads", type=int, default=500)
    args = parser.parse_args()
    block = encode_card_text(SAMPLE)
    start = time.perf_counter()
    count = 20_000
    for _ in range(count):
        parse_card_text(block, SAMPLE.photo)
    print(f"text block parsed: {count / (time.perf_counter() - start):,.0f} cards/s")
    with tempfile.TemporaryDirectory(prefix="bench-idcard-") as tmp:
        folder = Path(tmp)
        stub = build_stub(folder / "lib")
        (folder / "card.bin").write_bytes(block)
        (folder / "photo.bmp").write_bytes(SAMPLE.photo)
        os.environ.update({"IDCARD_STUB_TEXT": str(folder / "card.bin"), "IDCARD_STUB_PHOTO": str(folder / "photo.bmp")})
        os.chdir(folder)
        os.environ["IDCARD_STUB_OUT"] = str(folder / "lib")
        reader = open_reader(f"vendor:{stub}", port=1001)
        timed("vendor (ctypes), wz.txt + zp.bmp written", reader.read, args.reads)
        del os.environ["IDCARD_STUB_OUT"]
        timed("vendor (ctypes), GBK accessors + GetBMPData", reader.read, args.reads)
        scan = open_reader(f"vendor:{stub}")  # port scan: USB 1001 answers first
        timed("vendor (ctypes), port scan from 1001", scan.read, args.reads)
        sim = open_reader(f"sim:{write_sim_card(folder / 'sim')}")
        timed("sim:FILE (JSON + photo)", sim.read, args.reads)
        cold = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "counter_app", "idcard", "read", "--reader",
                            f"sim:{folder / 'sim' / 'card.json'}", "--json"], check=True, capture_output=True)
            cold.append((time.perf_counter() - start) * 1000)
        print(f"counter-app idcard read --json (cold process): median {statistics.median(cold):.0f} ms of 5")


if __name__ == "__main__":
    main()
