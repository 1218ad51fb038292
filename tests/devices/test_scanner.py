"""Scanners (SANE's scanimage): listed, a page scanned, a failure said, a scan cancelled mid-page — against a fake scanimage."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from scanner_helpers import DEVICE_ID, DEVICE_NAME, install_fake_scanimage, text_page

from counter_app.devices import scanner
from counter_app.devices.scanner import ScanCancelled, ScannerDevice, ScannerError, find_scanners, parse_sane_list, scan
from counter_app.services.scanning import list_scanners, scan_page

LISTED = """device `epson2:libusb:001:004' is a Epson PID 0x0120 flatbed scanner
device `net:192.168.1.20:pixma:04A9176D_3EBCC9' is a CANON Canon PIXMA MG5200 multi-function peripheral
"""


def test_scanimage_l_output_is_parsed_into_devices() -> None:
    assert parse_sane_list(LISTED) == [
        ScannerDevice("epson2:libusb:001:004", "Epson PID 0x0120 flatbed scanner", "sane"),
        ScannerDevice("net:192.168.1.20:pixma:04A9176D_3EBCC9", "CANON Canon PIXMA MG5200 multi-function peripheral",
                      "sane")]
    assert parse_sane_list("\nNo scanners were identified. If you were expecting something different,\n") == []


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: Any) -> Path:
    bin_dir = tmp_path / "bin"
    install_fake_scanimage(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(scanner.ENV_SCANIMAGE, raising=False)
    page = tmp_path / "page.png"
    page.write_bytes(text_page(2.0))
    monkeypatch.setenv("FAKE_SCAN_PAGE", str(page))
    monkeypatch.setenv("FAKE_SCAN_ARGS", str(tmp_path / "args.txt"))
    return tmp_path


def test_no_scanimage_means_no_scanners(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(scanner.ENV_SCANIMAGE, raising=False)
    assert find_scanners() == []


def test_a_system_with_sane_but_no_scanner_lists_none(fake: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("FAKE_SCAN_NONE", "1")
    assert list_scanners() == []


def test_the_scanner_is_listed_and_a_page_scanned_as_png(fake: Path) -> None:
    devices = list_scanners()
    assert devices == [ScannerDevice(DEVICE_ID, DEVICE_NAME, "sane")]
    out = scan(devices[0], fake / "out" / "page.png")
    assert out.read_bytes() == (fake / "page.png").read_bytes()
    assert not list((fake / "out").glob("*.part"))
    args = (fake / "args.txt").read_text().splitlines()
    assert args == ["-L", f"--device-name={DEVICE_ID} --format=png --resolution=200 --mode=Color"]


def test_the_scanned_page_comes_with_its_skew_and_a_straightened_preview(fake: Path) -> None:
    page = scan_page(fake / "captures", list_scanners()[0], number=3)
    assert page.path.parent == fake / "captures" and page.path.name.startswith("扫描-") and page.path.name.endswith("-3.png")
    assert page.skew == pytest.approx(2.0, abs=0.5)
    assert page.preview.startswith(b"\x89PNG")


def test_a_failing_scanner_says_why_and_leaves_no_file(fake: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("FAKE_SCAN_FAIL", "open of device genesys:libusb:001:007 failed: Device busy")
    with pytest.raises(ScannerError, match="Device busy"):
        scan(list_scanners()[0], fake / "out" / "page.png")
    assert not (fake / "out").exists() or not any((fake / "out").iterdir())


def test_a_scan_cancelled_mid_page_stops_the_scanner_and_keeps_nothing(fake: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("FAKE_SCAN_SECONDS", "30")
    monkeypatch.setenv("FAKE_SCAN_PID", str(fake / "pid"))
    device = list_scanners()[0]
    started = time.monotonic()
    with pytest.raises(ScanCancelled):  # cancelled as soon as the scanner's process is running
        scan(device, fake / "out" / "page.png", cancelled=(fake / "pid").exists)
    assert time.monotonic() - started < 10
    assert not any((fake / "out").iterdir())
    pid = int((fake / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the scanner's process is gone (reaped), not left running


def test_a_hung_scanner_is_stopped_at_the_timeout(fake: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("FAKE_SCAN_SECONDS", "30")
    with pytest.raises(ScannerError, match="没有完成"):
        scan(list_scanners()[0], fake / "out" / "page.png", timeout=0.5)
