"""Document scanners where the system has one: SANE's ``scanimage`` on Linux, WIA on Windows.

Both are driven as a child process, so a scan can be cancelled at any moment (the process is
stopped and the half-written page removed) and a hung driver never hangs the counter. A scanner is
optional: ``find_scanners`` returns an empty list when none is installed or connected.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RESOLUTION = 200  # dpi: an A4 page is 1654×2339 px, the archive copy's own size
LIST_TIMEOUT = 30.0  # seconds for ``scanimage -L``: network scanners are probed too
SCAN_TIMEOUT = 180.0  # a flatbed at 200 dpi colour takes 10–40 s; a jammed feeder must not wait forever
ENV_SCANIMAGE = "COUNTER_SCANIMAGE"  # another scanimage binary (tests, a SANE built elsewhere)


class ScannerError(RuntimeError):
    """A scanner that could not be listed or did not scan (message in Chinese)."""


class ScanCancelled(ScannerError):
    """The clerk cancelled the scan: the process was stopped and nothing was kept."""


@dataclass(frozen=True)
class ScannerDevice:
    """One scanner: the id its system uses and the name the clerk sees."""

    id: str
    name: str
    system: str  # "sane" | "wia"


_SANE_LINE = re.compile(r"^device [`'‘](?P<id>.+?)['’] is an? (?P<name>.+)$")


def parse_sane_list(text: str) -> list[ScannerDevice]:
    """The devices of ``scanimage -L``'s output (its "No scanners were identified" gives none)."""
    found = []
    for line in text.splitlines():
        match = _SANE_LINE.match(line.strip())
        if match:
            found.append(ScannerDevice(match["id"], match["name"].strip(), "sane"))
    return found


def scanimage() -> str | None:
    """The ``scanimage`` to run, or None when SANE's front end is not installed."""
    configured = os.environ.get(ENV_SCANIMAGE, "").strip()
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("scanimage")


# WIA through PowerShell's COM bridge (no pywin32 in the bundle). Device type 1 is a scanner; the
# transfer format is PNG. Written after Microsoft's WIA automation reference, not yet run on a Windows
# counter with a scanner: the listing and the scan are what a first Windows test must check.
_WIA_LIST = ("$m = New-Object -ComObject WIA.DeviceManager; foreach ($d in $m.DeviceInfos) { if ($d.Type -eq 1) "
             "{ $d.DeviceID + [char]9 + $d.Properties.Item('Name').Value } }")
_WIA_SCAN = ("$m = New-Object -ComObject WIA.DeviceManager; "
             "$d = $m.DeviceInfos | Where-Object { $_.DeviceID -eq $env:COUNTER_WIA_DEVICE }; "
             "$i = $d.Connect().Items.Item(1); "
             "foreach ($p in @(@('6147', $env:COUNTER_WIA_DPI), @('6148', $env:COUNTER_WIA_DPI))) "
             "{ try { $i.Properties.Item($p[0]).Value = [int]$p[1] } catch {} }; "
             "$f = $i.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'); $f.SaveFile($env:COUNTER_WIA_OUT)")


def _powershell() -> str | None:
    return shutil.which("powershell") or shutil.which("pwsh")


def find_scanners() -> list[ScannerDevice]:
    """The scanners this PC has (empty when none: the scan source is then switched off)."""
    if sys.platform == "win32":
        return _wia_list()
    return _sane_list()


def _sane_list() -> list[ScannerDevice]:
    program = scanimage()
    if program is None:
        return []
    try:
        done = subprocess.run([program, "-L"], capture_output=True, text=True, timeout=LIST_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return parse_sane_list(done.stdout)


def _wia_list() -> list[ScannerDevice]:
    shell = _powershell()
    if shell is None:
        return []
    try:
        done = subprocess.run([shell, "-NoProfile", "-NonInteractive", "-Command", _WIA_LIST], capture_output=True,
                              text=True, timeout=LIST_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = []
    for line in done.stdout.splitlines():
        device, _, name = line.strip().partition("\t")
        if device:
            found.append(ScannerDevice(device, name.strip() or device, "wia"))
    return found


def scan(device: ScannerDevice, out: Path, cancelled: Callable[[], bool] | None = None,
         resolution: int = RESOLUTION, timeout: float = SCAN_TIMEOUT) -> Path:
    """One page from ``device`` as a PNG at ``out``. ``cancelled()`` true → ``ScanCancelled`` (nothing kept);
    a scanner that fails → ``ScannerError`` with what it said."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    env = dict(os.environ)
    if device.system == "wia":
        shell = _powershell()
        if shell is None:
            raise ScannerError("找不到 PowerShell，无法通过 WIA 扫描")
        argv = [shell, "-NoProfile", "-NonInteractive", "-Command", _WIA_SCAN]
        env.update(COUNTER_WIA_DEVICE=device.id, COUNTER_WIA_DPI=str(resolution), COUNTER_WIA_OUT=str(partial))
        stdout_to_file = False
    else:
        program = scanimage()
        if program is None:
            raise ScannerError("未安装 SANE（scanimage），无法扫描")
        argv = [program, f"--device-name={device.id}", "--format=png", f"--resolution={resolution}", "--mode=Color"]
        stdout_to_file = True
    try:
        _run(argv, env, partial, stdout_to_file, cancelled, timeout)
        if not partial.is_file() or partial.stat().st_size == 0:
            raise ScannerError("扫描仪没有返回图像：请检查是否放好了材料、盖好了盖板")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def _run(argv: list[str], env: dict[str, str], partial: Path, stdout_to_file: bool,
         cancelled: Callable[[], bool] | None, timeout: float) -> None:
    with tempfile.TemporaryFile() as errors, contextlib.ExitStack() as files:
        # scanimage writes the page to its stdout; WIA's SaveFile refuses a file that already exists.
        sink = files.enter_context(open(partial, "wb")) if stdout_to_file else subprocess.DEVNULL
        try:
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=sink, stderr=errors, env=env)
        except OSError as exc:
            raise ScannerError(f"无法启动扫描程序：{exc.strerror or exc}") from exc
        deadline = time.monotonic() + timeout
        while process.poll() is None:
            if cancelled is not None and cancelled():
                _stop(process)
                raise ScanCancelled("扫描已取消")
            time.sleep(0.1)
            if time.monotonic() > deadline:
                _stop(process)
                raise ScannerError(f"扫描超过 {int(timeout)} 秒没有完成，已停止：请检查扫描仪")
        if process.returncode != 0:
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip().splitlines()
            detail = said[-1] if said else f"退出码 {process.returncode}"
            raise ScannerError(f"扫描失败：{detail[:200]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(3)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
