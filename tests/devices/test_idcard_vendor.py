"""The vendor driver through ctypes, against a stub termb library the test compiles with the system's cc."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from idcard_helpers import SAMPLE, build_stub, card

from counter_app.devices.idcard import ReaderError, encode_card_text
from counter_app.devices.idcard_vendor import VendorReader
from counter_app.devices.readers import open_reader

STUB_ENV = ("IDCARD_STUB_DELAY_MS", "IDCARD_STUB_PORT", "IDCARD_STUB_TEXT", "IDCARD_STUB_PHOTO", "IDCARD_STUB_OUT",
            "IDCARD_STUB_READ_RESULT", "IDCARD_STUB_LOG", "COUNTER_IDCARD_LIB", "COUNTER_IDCARD_PORT",
            "COUNTER_IDCARD_OUTPUT")


@pytest.fixture(scope="module")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_stub(tmp_path_factory.mktemp("stub-lib"))


@pytest.fixture
def reader_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The stub's card on the reader: text block and photo, its output folder, its call log."""
    for name in STUB_ENV:
        monkeypatch.delenv(name, raising=False)
    paths = {"text": tmp_path / "card.bin", "photo": tmp_path / "photo.bmp", "out": tmp_path / "out",
             "log": tmp_path / "calls.log"}
    paths["text"].write_bytes(encode_card_text(SAMPLE))
    paths["photo"].write_bytes(SAMPLE.photo)
    paths["out"].mkdir()
    monkeypatch.setenv("IDCARD_STUB_TEXT", str(paths["text"]))
    monkeypatch.setenv("IDCARD_STUB_PHOTO", str(paths["photo"]))
    monkeypatch.setenv("IDCARD_STUB_OUT", str(paths["out"]))
    monkeypatch.setenv("IDCARD_STUB_LOG", str(paths["log"]))
    monkeypatch.chdir(tmp_path)
    return paths


def calls(paths: dict[str, Path]) -> list[str]:
    return paths["log"].read_text().split()


def test_reads_the_card_the_library_wrote_out(stub: Path, reader_env: dict[str, Path]) -> None:
    record = VendorReader(str(stub), output_dir=reader_env["out"]).read()
    assert record == SAMPLE  # text block and photo, byte for byte
    assert sorted(reader_env["out"].iterdir()) == [], "the SDK's copies of the card and photo are not left behind"
    assert calls(reader_env) == ["InitComm", "Authenticate", "Read_Content", "CloseComm"]


def test_without_files_the_text_accessors_give_the_card(stub: Path, reader_env: dict[str, Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IDCARD_STUB_OUT")  # a library version that writes nothing: GBK accessors, GetBMPData
    long_term = card(valid_until=None, sex="2", ethnicity_code="05", name="古丽娜尔·买买提",
                     id_number=SAMPLE.id_number[:-1] + "X")
    reader_env["text"].write_bytes(encode_card_text(long_term))
    assert VendorReader(str(stub), output_dir=reader_env["out"]).read() == long_term


def test_a_stale_wz_txt_of_the_last_card_is_never_taken(stub: Path, reader_env: dict[str, Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    stale = card(name="王五", id_number="110105196001010011")
    (reader_env["out"] / "wz.txt").write_bytes(encode_card_text(stale))
    os.utime(reader_env["out"] / "wz.txt", ns=(1_000_000_000, 1_000_000_000))
    monkeypatch.delenv("IDCARD_STUB_OUT")  # this read writes no file: the old one stays
    assert VendorReader(str(stub), output_dir=reader_env["out"]).read().name == SAMPLE.name


def test_the_library_found_through_the_environment_and_the_working_folder(stub: Path, reader_env: dict[str, Path],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_IDCARD_LIB", str(stub))
    monkeypatch.setenv("IDCARD_STUB_OUT", str(reader_env["text"].parent))  # = the working folder
    assert open_reader("vendor").read() == SAMPLE


def test_the_port_scan_finds_a_serial_reader(stub: Path, reader_env: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDCARD_STUB_PORT", "3")
    assert VendorReader(str(stub)).read().id_number == SAMPLE.id_number
    assert calls(reader_env).count("InitComm") == 16 + 3  # USB 1001–1016, then serial 1, 2, 3


def test_no_reader_on_the_named_port(stub: Path, reader_env: dict[str, Path]) -> None:
    with pytest.raises(ReaderError, match="端口1002均无应答") as caught:
        VendorReader(str(stub), port=1002).read()
    assert caught.value.kind == "no_device"
    assert "CloseComm" not in calls(reader_env)  # nothing was opened


def test_no_card_on_the_reader_is_said_and_the_port_closed(stub: Path, reader_env: dict[str, Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("counter_app.devices.idcard_vendor.AUTH_PAUSE_S", 0)
    reader_env["text"].unlink()
    with pytest.raises(ReaderError, match="未放卡") as caught:
        VendorReader(str(stub), port=1001).read()
    assert caught.value.kind == "no_card"
    assert calls(reader_env) == ["InitComm", "Authenticate", "Authenticate", "Authenticate", "CloseComm"]


def test_a_failed_read_gives_its_code(stub: Path, reader_env: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDCARD_STUB_READ_RESULT", "99")
    with pytest.raises(ReaderError, match="读卡器异常（返回码99）"):
        VendorReader(str(stub), port=1001).read()
    assert calls(reader_env)[-1] == "CloseComm"


def test_a_vendor_without_the_prefix(tmp_path: Path, reader_env: dict[str, Path]) -> None:
    plain = build_stub(tmp_path / "plain", plain_names=True)
    assert VendorReader(str(plain), output_dir=reader_env["out"]).read() == SAMPLE


def test_a_missing_library_says_what_to_install(tmp_path: Path, reader_env: dict[str, Path]) -> None:
    with pytest.raises(ReaderError, match="未找到身份证阅读器驱动库") as caught:
        VendorReader(str(tmp_path / "libnothing.so")).read()
    assert caught.value.kind == "library"


def test_a_library_that_is_not_a_card_reader(reader_env: dict[str, Path]) -> None:
    import ctypes.util

    libm = ctypes.util.find_library("m")
    assert libm
    with pytest.raises(ReaderError, match="InitComm/Authenticate/Read_Content/CloseComm"):
        VendorReader(libm).read()


@pytest.mark.parametrize("spec", ["", "vendor", "sim:x.json", "nonsense", "sim:"])
def test_reader_specs(spec: str) -> None:
    if spec in ("nonsense", "sim:"):
        with pytest.raises(ReaderError):
            open_reader(spec)
    else:
        assert open_reader(spec).description


def test_a_day_of_cards_each_read_is_the_card_on_the_reader(stub: Path, reader_env: dict[str, Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Two hundred clients in a row, some readers writing files and some not: never the previous card."""
    reader = VendorReader(str(stub), port=1001, output_dir=reader_env["out"])
    for n in range(200):
        person = card(name=f"测试{n:03d}", id_number=f"{110105198503140000 + n:018d}")
        reader_env["text"].write_bytes(encode_card_text(person))
        if n % 3 == 0:
            monkeypatch.delenv("IDCARD_STUB_OUT", raising=False)
        else:
            monkeypatch.setenv("IDCARD_STUB_OUT", str(reader_env["out"]))
        got = reader.read()
        assert (got.name, got.id_number) == (person.name, person.id_number)
    assert calls(reader_env).count("CloseComm") == 200


def test_a_hung_reader_does_not_hold_up_the_next_read(stub: Path, reader_env: dict[str, Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    monkeypatch.setattr("counter_app.devices.idcard_vendor.LOCK_WAIT_S", 0.2)
    monkeypatch.setenv("IDCARD_STUB_DELAY_MS", "1500")
    first: list[object] = []
    slow = threading.Thread(target=lambda: first.append(VendorReader(str(stub), port=1001).read()))
    slow.start()
    while "Authenticate" not in (reader_env["log"].read_text() if reader_env["log"].exists() else ""):
        time.sleep(0.01)  # the slow read holds the port now
    with pytest.raises(ReaderError, match="上一次读卡仍未结束") as caught:
        VendorReader(str(stub), port=1001).read()
    assert caught.value.kind == "no_device"
    slow.join(10)
    assert first and first[0] == SAMPLE, "the slow read still finishes with its card"
