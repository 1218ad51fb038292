"""Test ID cards: a sample record, simulator card files, a photo, and the stub vendor library built with cc."""

from __future__ import annotations

import dataclasses
import json
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

from counter_app.devices.idcard import CardRecord
from counter_app.domain.ids import make_resident_id

STUB_SOURCE = Path(__file__).resolve().parent / "devices" / "stub_termb.c"


def make_bmp(width: int = 102, height: int = 126, seed: int = 0) -> bytes:
    """A 24-bit BMP the size of a card photo: a light background and a darker head-and-shoulders shape."""
    row = (width * 3 + 3) & ~3
    pixels = bytearray()
    for y in range(height):  # bottom-up rows, BGR
        line = bytearray()
        for x in range(width):
            top = height - 1 - y
            head = (x - width / 2) ** 2 / 22**2 + (top - 45) ** 2 / 28**2 <= 1
            body = top > 82 and abs(x - width / 2) < 20 + (top - 82)
            line += bytes((90, 70, 60 + seed % 100)) if head or body else bytes((235, 225, 215))
        pixels += line + b"\0" * (row - len(line))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return header + info + bytes(pixels)


SAMPLE = CardRecord(
    id_number=make_resident_id("110105", date(1985, 3, 14), 123), name="张晓明", sex="1", ethnicity_code="01",
    birth_date=date(1985, 3, 14), address="北京市朝阳区建国路88号院3号楼2单元501号", issuer="北京市公安局朝阳分局",
    valid_from=date(2016, 5, 3), valid_until=date(2036, 5, 3), photo=make_bmp(),
)


def card(**changes: object) -> CardRecord:
    return dataclasses.replace(SAMPLE, **changes)


def write_sim_card(folder: Path, record: CardRecord = SAMPLE, name: str = "card.json", **extra: object) -> Path:
    """A ``sim:FILE`` JSON card (its photo beside it); ``extra`` keys override or add to the JSON."""
    folder.mkdir(parents=True, exist_ok=True)
    description: dict[str, object] = {
        "id_number": record.id_number, "name": record.name, "sex": record.sex, "ethnicity": record.ethnicity,
        "birth_date": record.birth_date.isoformat(), "address": record.address, "issuer": record.issuer,
        "valid_from": record.valid_from.isoformat(),
        "valid_until": record.valid_until.isoformat() if record.valid_until else "长期",
    }
    if record.photo:
        (folder / (Path(name).stem + "-photo.bmp")).write_bytes(record.photo)
        description["photo"] = Path(name).stem + "-photo.bmp"
    description.update(extra)
    path = folder / name
    path.write_text(json.dumps(description, ensure_ascii=False), encoding="utf-8")
    return path


def build_stub(folder: Path, plain_names: bool = False) -> Path:
    """Compile the stub reader library with the system's C compiler (scripts/_setup.sh installs gcc)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    assert compiler, "no C compiler: scripts/run-tests installs gcc"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / ("libplainreader.so" if plain_names else "libtermb.so")
    command = [compiler, "-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o", str(out), str(STUB_SOURCE)]
    if plain_names:
        command.insert(1, "-DPLAIN_NAMES")
    subprocess.run(command, check=True, capture_output=True, text=True)
    return out
