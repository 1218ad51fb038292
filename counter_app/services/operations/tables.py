"""Tables in and out (表格导入导出): any table to XLSX (openpyxl) or CSV, and CSV/XLSX lists read in.

Money cells are numbers with a two-decimal format, written from ``Decimal`` as their exact text
(openpyxl writes a Decimal's ``str``; never a float). CSV is UTF-8 with a BOM so that Excel on
a Chinese Windows opens it without mojibake.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

MONEY_FORMAT = "#,##0.00"
MAX_SHEET_TITLE = 31  # Excel's limit


class TableError(Exception):
    """A file that cannot be read as a table (message in Chinese, for the clerk)."""


@dataclass(frozen=True)
class Table:
    """A titled table: header, rows of plain values (str, int, Decimal, date, None)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    notes: tuple[str, ...] = ()


@dataclass
class ReadTable:
    """A table read from a file: known columns, and rows numbered as the file shows them."""

    columns: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def write_xlsx(tables: Sequence[Table], out: str | os.PathLike[str]) -> Path:
    """One sheet per table; notes under a blank row after the table."""
    book = Workbook()
    for blank in book.worksheets:  # the sheet a new workbook starts with
        book.remove(blank)
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.title, used))
        sheet.append(list(table.header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
            for cell, value in zip(sheet[sheet.max_row], row):
                if isinstance(value, Decimal):
                    cell.number_format = MONEY_FORMAT
                elif isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
        if table.notes:
            sheet.append([])
            for note in table.notes:
                sheet.append([note])
        for index, name in enumerate(table.header, start=1):
            width = max([len(str(name)) * 2, *(len(str(r[index - 1])) + 2 for r in table.rows if index <= len(r))])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(max(width, 8), 60)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _sheet_title(title: str, used: set[str]) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)[:MAX_SHEET_TITLE] or "Sheet"
    name, n = clean, 2
    while name in used:
        name = f"{clean[:MAX_SHEET_TITLE - 3]}({n})"
        n += 1
    used.add(name)
    return name


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no zones: the caller passes local time
    return value


def write_csv(table: Table, out: str | os.PathLike[str]) -> Path:
    """The table as UTF-8 CSV (with BOM); money as "1234.50", dates ISO."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, (date, datetime)) else str(v)
                             for v in row])
    return path


def read_table(path: Path, columns: Mapping[str, str]) -> ReadTable:
    """Rows of a CSV or XLSX file whose header names are keys of ``columns`` (mapped to fields)."""
    if not path.is_file():
        raise TableError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path)
    else:
        raise TableError("只能导入 CSV 或 XLSX 文件")
    if not raw:
        raise TableError("文件是空的")
    header = [columns.get(str(h or "").strip().lower(), columns.get(str(h or "").strip(), "")) for h in raw[0]]
    out = ReadTable(columns=[h for h in header if h])
    for number, values in enumerate(raw[1:], start=2):
        if all(v in (None, "") for v in values):
            continue
        out.rows.append((number, {h: v for h, v in zip(header, values) if h}))
    return out


def _csv_rows(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves CSV as GBK
        try:
            return list(csv.reader(data.decode(encoding).splitlines()))
        except UnicodeDecodeError:
            continue
    raise TableError("无法识别文件编码（应为 UTF-8 或 GBK）")


def _xlsx_rows(path: Path) -> list[list[Any]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same clerk message
        raise TableError(f"无法读取 XLSX 文件：{exc}") from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
