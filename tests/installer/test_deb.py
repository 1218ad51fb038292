"""installer/deb/build-deb: layout, control fields, link, desktop entry and icons of the package.

A stand-in one-dir bundle (a script) is packaged, so the test runs in a second; the real bundle is
packaged the same way after ``installer/build``.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from counter_app import __version__

ROOT = Path(__file__).resolve().parents[2]
BUILD_DEB = ROOT / "installer" / "deb" / "build-deb"


def dpkg_deb(*args: str | Path) -> str:
    return subprocess.run(["dpkg-deb", *map(str, args)], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("deb")
    bundle = base / "counter-app"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    exe = bundle / "counter-app"
    exe.write_text("#!/bin/sh\necho counter-app test\n", encoding="utf-8")
    exe.chmod(0o700)  # the package must make it runnable by every user anyway
    (bundle / "_internal" / "resources" / "demo-city.toml").write_text("# policy\n", encoding="utf-8")
    done = subprocess.run([BUILD_DEB, "--bundle", bundle, "--out", base / "out"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    [package] = (base / "out").glob("*.deb")
    return package


def test_the_package_is_named_and_described_for_dpkg(deb: Path) -> None:
    assert deb.name.startswith(f"counter-app_{__version__}_") and deb.suffix == ".deb"
    fields = dict(line.split(": ", 1) for line in dpkg_deb("-f", deb).splitlines() if ": " in line)
    assert fields["Package"] == "counter-app" and fields["Version"] == __version__
    assert fields["Depends"].startswith("libc6 (>= ") and int(fields["Installed-Size"]) > 0
    assert "公积金" in dpkg_deb("-I", deb)


def test_the_layout_owners_and_the_command_link(deb: Path) -> None:
    listing = dpkg_deb("-c", deb).splitlines()
    entries = {line.split()[5].lstrip("."): line for line in listing}
    assert "/opt/counter-app/counter-app" in entries
    assert "/opt/counter-app/_internal/resources/demo-city.toml" in entries
    assert all(line.split()[1] == "root/root" for line in listing)
    exe = entries["/opt/counter-app/counter-app"]
    assert exe.startswith("-rwxr-xr-x")
    link = next(line for line in listing if "./usr/bin/counter-app" in line)
    assert link.startswith("l") and link.endswith("-> /opt/counter-app/counter-app")
    for icon in ("256x256/apps/counter-app.png", "48x48/apps/counter-app.png", "scalable/apps/counter-app.svg"):
        assert f"/usr/share/icons/hicolor/{icon}" in entries


def test_the_desktop_entry_starts_the_command_with_its_icon(deb: Path, tmp_path: Path) -> None:
    dpkg_deb("-x", deb, tmp_path)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(tmp_path / "usr/share/applications/counter-app.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"] == "counter-app"
    assert desktop["Icon"] == "counter-app" and desktop["Terminal"] == "false"
    assert desktop["Name[zh_CN]"] == "公积金窗口服务系统"
    assert (tmp_path / "opt/counter-app/counter-app").read_text(encoding="utf-8").startswith("#!/bin/sh")
    icon = tmp_path / "usr/share/icons/hicolor/256x256/apps/counter-app.png"
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", tmp_path / "usr/share/applications/counter-app.desktop"], check=True)


def test_a_missing_bundle_is_refused_in_chinese(tmp_path: Path) -> None:
    done = subprocess.run([BUILD_DEB, "--bundle", tmp_path, "--out", tmp_path / "out"], capture_output=True, text=True)
    assert done.returncode == 1 and "installer/build" in done.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.deb"))
