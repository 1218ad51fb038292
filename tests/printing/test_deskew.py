"""Deskew (纠偏): a page turned by a known angle is found within half a degree and straightened; a straight one is left alone."""

from __future__ import annotations

import io

import pytest
from archive_images import document_photo, small_scan
from PIL import Image
from scanner_helpers import text_page

from counter_app.printing.deskew import estimate, straighten
from counter_app.printing.scans import archive_copy


@pytest.mark.parametrize("angle", [-9.0, -4.5, -1.2, 0.7, 2.5, 6.0, 9.5])
def test_the_skew_of_a_turned_page_is_found_within_half_a_degree(angle: float) -> None:
    page = Image.open(io.BytesIO(text_page(angle)))
    assert estimate(page) == pytest.approx(angle, abs=0.5)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_straight_page_is_left_alone(seed: int) -> None:
    assert estimate(Image.open(io.BytesIO(text_page(0.0, lines=20 + seed * 7)))) == 0.0
    assert estimate(Image.open(io.BytesIO(document_photo(seed, (1500, 2000))))) == 0.0


def test_a_page_without_lines_of_text_is_left_alone() -> None:
    blank = Image.new("RGB", (1654, 2339), "white")
    assert estimate(blank) == 0.0
    dark = Image.effect_noise((1200, 1600), 80).convert("RGB")  # a photo, not a page
    assert estimate(dark) == 0.0


def test_straightening_fills_the_uncovered_corners_with_paper_white() -> None:
    page = Image.open(io.BytesIO(text_page(4.0))).convert("RGB")
    straight = straighten(page, 4.0)
    assert straight.size == page.size
    white = (255, 255, 255)
    assert straight.getpixel((0, 0)) == white and straight.getpixel((page.width - 1, page.height - 1)) == white
    assert estimate(straight) == 0.0  # turned back: nothing left to correct
    assert straighten(page, 0.0) is page


def test_the_archive_copy_of_a_turned_scan_is_straightened_and_the_original_kept() -> None:
    data = text_page(-3.0)
    copy = archive_copy(data)
    assert copy.shrunk and copy.skew == pytest.approx(-3.0, abs=0.5)
    assert estimate(Image.open(io.BytesIO(copy.data))) == 0.0  # the copy stands straight
    assert len(copy.data) <= 300_000


def test_a_straight_small_scan_is_still_kept_as_it_came() -> None:
    data = small_scan()
    copy = archive_copy(data)
    assert not copy.shrunk and copy.data == data and copy.skew == 0.0
