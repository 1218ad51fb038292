"""Pages from the counter's scanner for the form's materials (扫描): listed, scanned, shown straightened.

The GUI runs these on its operation runner: listing probes USB and the network for seconds, and a
scan takes as long as the scanner does. The page is kept as scanned (the original); the archive
copy made on attaching is straightened the same way the preview shows (``printing/deskew.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.devices.scanner import ScanCancelled, ScannerDevice, ScannerError, find_scanners, scan
from counter_app.printing.deskew import preview

__all__ = ["ScanCancelled", "ScannedPage", "ScannerDevice", "ScannerError", "list_scanners", "scan_page"]


@dataclass(frozen=True)
class ScannedPage:
    """One scanned page: the file as scanned, the skew found (degrees) and a straightened PNG preview."""

    path: Path
    skew: float
    preview: bytes


def list_scanners() -> list[ScannerDevice]:
    """This PC's scanners (SANE or WIA); empty when it has none."""
    return find_scanners()


def scan_page(out_dir: Path, device: ScannerDevice, number: int = 1,
              cancelled: Callable[[], bool] | None = None) -> ScannedPage:
    """Scan one page into ``out_dir`` (the data dir's ``captures/``); ``ScanCancelled`` when cancelled."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    path = scan(device, out_dir / f"扫描-{stamp}-{number}.png", cancelled=cancelled)
    try:
        skew, image = preview(path.read_bytes())
    except (OSError, ValueError) as exc:  # PIL's UnidentifiedImageError is an OSError
        path.unlink(missing_ok=True)
        raise ScannerError("扫描仪返回的不是可识别的图像") from exc
    return ScannedPage(path, skew, image)
