"""多证合一 feed import: rows per second and peak memory of a long registration feed (CSV and XLSX).

Usage: python benchmarks/bench_preregistration.py [--rows 100000]
The import reads the file row by row and writes in batches of 500 (one executemany upsert each), so
the rows themselves are never all in memory; what grows is the map of USCCs seen (to report a company
listed twice), about 100 bytes a row. The figures printed show it (no target is asserted here).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from counter_app.domain.ids import make_uscc_of
from counter_app.services import open_counter
from counter_app.services.operations import import_preregistrations

HEADER = "统一社会信用代码,企业名称,法定代表人,住所,联系人,联系电话,成立日期,乡镇"


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8-sig") as out:
        out.write(HEADER + "\n")
        for i in range(rows):
            out.write(f"{make_uscc_of('91620102', f'BP{i:06d}')},示范市测评{i}号有限公司,王强,示范市南山镇创业路{i}号,"
                      f"李梅,13912345678,2026-11-02,南山镇\n")


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER.split(","))
    for i in range(rows):
        sheet.append([make_uscc_of("91620121", f"BX{i:06d}"), f"示范市测评{i}号有限公司", "王强", "示范市青山镇",
                      "李梅", "13912345678", "2026-11-02", "青山镇"])
    book.save(path)


def run(label: str, path: Path, data: Path) -> None:
    with open_counter(data) as counter:
        tracemalloc.start()
        start = time.perf_counter()
        result = import_preregistrations(counter, path).value
        seconds = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # high-water mark of the whole run so far
    print(f"{label}: {result.imported} rows in {seconds:.1f} s ({result.imported / seconds:,.0f} rows/s), "
          f"Python heap peak {peak / 2**20:.1f} MiB, process max RSS so far {max_rss:.0f} MiB")


def use_file_keyring(path: Path) -> None:
    """The audit chain's key needs a keyring: the tests' JSON-file backend, in the run's temporary folder."""
    import keyring

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "sync"))
    from keyring_file_backend import FileKeyring

    os.environ["COUNTER_TEST_KEYRING"] = str(path)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring_file_backend.FileKeyring"
    keyring.set_keyring(FileKeyring())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        use_file_keyring(root / "keyring.json")
        for rows in (args.rows // 10, args.rows):
            write_csv(root / f"feed{rows}.csv", rows)
            run(f"CSV  {rows:>7}", root / f"feed{rows}.csv", root / f"csv{rows}")
        write_xlsx(root / "feed.xlsx", args.rows // 10)
        run(f"XLSX {args.rows // 10:>7}", root / "feed.xlsx", root / "xlsx")


if __name__ == "__main__":
    main()
