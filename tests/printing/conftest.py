"""Helpers for the printing tests: read PDFs back with poppler and look at their font objects."""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

import pytest


class PdfReader:
    """What poppler and the raw font objects say about a PDF file."""

    @staticmethod
    def text(path: Path, first: int | None = None, last: int | None = None) -> str:
        args = ["pdftotext", "-enc", "UTF-8"]
        if first:
            args += ["-f", str(first)]
        if last:
            args += ["-l", str(last)]
        return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout

    @staticmethod
    def pages(path: Path) -> int:
        """Page count from pdfinfo, which must report no syntax error at all."""
        done = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
        assert done.stderr == "", done.stderr
        return int(re.search(r"^Pages:\s+(\d+)", done.stdout, re.M).group(1))

    @staticmethod
    def page_size(path: Path) -> tuple[float, float]:
        out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
        w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M).groups()
        return float(w), float(h)

    @staticmethod
    def fonts(path: Path) -> list[dict[str, str]]:
        """pdffonts rows: name, type, emb, sub, uni."""
        out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        rows = []
        for line in out.splitlines()[2:]:
            parts = line.split()
            # name, type words…, encoding, emb, sub, uni, object, id
            rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
        return rows

    @staticmethod
    def mapped_chars(path: Path) -> dict[str, set[str]]:
        """For each embedded font (by base name without subset tag), the characters its
        ToUnicode maps cover: what was really drawn with that font."""
        data = path.read_bytes()
        result: dict[str, set[str]] = {}
        for match in re.finditer(rb"/BaseFont /[A-Z]{6}\+(\S+)[^>]*?/ToUnicode (\d+) 0 R", data):
            font, number = match.group(1).decode(), int(match.group(2))
            result.setdefault(font, set()).update(_cmap_chars(_stream(data, number)))
        return result


def _stream(data: bytes, number: int) -> bytes:
    start = data.index(b"\n%d 0 obj\n" % number)
    head_end = data.index(b"stream", start)
    head = data[start:head_end]
    length = int(re.search(rb"/Length (\d+)", head).group(1))
    body_start = data.index(b"\n", head_end) + 1
    body = data[body_start:body_start + length]
    return zlib.decompress(body) if b"FlateDecode" in head else body


def _cmap_chars(cmap: bytes) -> set[str]:
    chars = set()
    table = cmap[cmap.index(b"beginbfchar"):cmap.index(b"endbfchar")]
    for hex_text in re.findall(rb"<[0-9A-F]{2}> <([0-9A-F]+)>", table):
        chars.add(bytes.fromhex(hex_text.decode()).decode("utf-16-be"))
    return chars


@pytest.fixture
def pdf() -> type[PdfReader]:
    return PdfReader
