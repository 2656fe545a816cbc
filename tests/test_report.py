"""The briefing renders offscreen on the seed: PNG size and content, PDF pages, the golden image."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from conftest import SEED_ROUTE
from PySide6.QtGui import QColor, QFontDatabase, QImage

from monitor.paint.theme import REPORT
from monitor.report import ReportError, gather, render_report
from monitor.report.page import HEADER
from monitor.report.qt import FAMILY, load_fonts
from monitor.service import Monitor

GOLDEN = Path(__file__).resolve().parent / "golden" / "report_seed.png"
#: The moment of the golden image: the night the train likely reached the gauge change.
AT = datetime(2023, 9, 11, 21, 0, tzinfo=UTC)
UPDATE = os.environ.get("MONITOR_UPDATE_GOLDEN") == "1"


@pytest.fixture
def seeded(db_path: Path, seed_path: Path, qapp) -> Monitor:
    monitor = Monitor(db_path)
    monitor.set_route(SEED_ROUTE)
    monitor.ingest_path(seed_path)
    yield monitor
    monitor.close()


def pixels(path: Path) -> np.ndarray:
    """An image file as an H × W × 4 array of bytes (B, G, R, A)."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    assert not image.isNull(), f"{path} is not an image"
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return buffer.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()].copy()


def colour_share(array: np.ndarray, colour: str, tolerance: int = 40) -> float:
    """Share of pixels within ``tolerance`` of ``colour``."""
    c = QColor(colour)
    target = np.array([c.blue(), c.green(), c.red()], dtype=int)
    near = np.abs(array[:, :, :3].astype(int) - target).max(axis=2) <= tolerance
    return float(near.mean())


def pdf_pages(data: bytes) -> int:
    """Number of pages in a PDF, from its page objects (QtPdf is not in PySide6-Essentials)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def test_fonts_are_bundled_and_load(qapp):
    assert load_fonts() == FAMILY
    assert FAMILY in QFontDatabase.families()


def _drawn(text: str) -> QImage:
    """``text`` drawn in the report's font, black on white."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter

    from monitor.report.qt import font

    image = QImage(240, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font(24))
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return image


@pytest.mark.parametrize("first, second", [("평양", "서울"), ("北京", "东京"), ("💬", "🚂")],
                         ids=["hangul", "han", "emoji"])
def test_text_the_bundled_font_lacks_is_drawn_from_a_fallback_not_as_boxes(qapp, first, second):
    """Posts in Korean, Chinese or with emoji: DejaVu has no such glyphs, and without a fallback
    font every character is the same empty box, so two different words look alike."""
    load_fonts()
    a, b = _drawn(first), _drawn(second)
    assert a != b, f"{first!r} and {second!r} are drawn alike: no font on this machine has them " \
                   "(.ci/system-deps.sh installs fonts-droid-fallback and fonts-noto-color-emoji)"


def test_png_on_the_seed_is_a_full_briefing(seeded, tmp_path):
    out = render_report(seeded, tmp_path / "brief.png", at=AT)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    array = pixels(out)
    # Not blank: many distinct colours, the dark header band, text and the route bar.
    assert len(np.unique(array.reshape(-1, 4), axis=0)) > 500
    assert colour_share(array[:80], HEADER, 8) > 0.8
    # The gauge-change stop is drawn in its own colour in the route bar (below the header).
    assert colour_share(array[100:260], REPORT["gauge"]) > 0.0002
    assert image.text("Title") == "Situation briefing"


def test_size_and_title_are_honoured(seeded, tmp_path):
    out = render_report(seeded, tmp_path / "big.png", at=AT, size=(2400, 1350), title="Kim's train")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2400, 1350)
    assert image.text("Title") == "Kim's train"


def test_pdf_has_the_briefing_and_list_pages(seeded, tmp_path):
    out = render_report(seeded, tmp_path / "brief.pdf", at=AT)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) >= 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_pages_rasterise_with_content(seeded, tmp_path):
    out = render_report(seeded, tmp_path / "brief.pdf", at=AT)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    for page in pages:
        array = pixels(page)
        assert colour_share(array, "#ffffff", 10) < 0.97, f"{page.name} is blank"
    # Page one carries the route bar with the gauge-change stop in its colour, as the PNG does.
    first = pixels(pages[0])
    band = first[int(first.shape[0] * 0.1):int(first.shape[0] * 0.26)]
    assert colour_share(band, REPORT["gauge"]) > 0.0002


def test_same_database_and_moment_give_the_same_image(seeded, tmp_path):
    first = pixels(render_report(seeded, tmp_path / "a.png", at=AT))
    second = pixels(render_report(seeded, tmp_path / "b.png", at=AT))
    assert np.array_equal(first, second)


def test_golden_image(seeded, tmp_path):
    out = render_report(seeded, tmp_path / "golden.png", at=AT)
    if UPDATE or not GOLDEN.exists():
        if not UPDATE:
            pytest.fail(f"{GOLDEN.name} missing; run with MONITOR_UPDATE_GOLDEN=1 to create it")
        GOLDEN.parent.mkdir(exist_ok=True)
        shutil.copyfile(out, GOLDEN)
    expected, actual = pixels(GOLDEN).astype(int), pixels(out).astype(int)
    assert expected.shape == actual.shape
    diff = np.abs(expected - actual).max(axis=2)
    # Small tolerance: antialiasing may differ by a shade; a moved label or bar does not.
    assert diff.mean() < 1.5, f"mean difference {diff.mean():.2f}"
    assert (diff > 48).mean() < 0.004, f"{(diff > 48).mean():.2%} of pixels changed"


def test_a_moment_changes_the_picture(seeded, tmp_path):
    early = pixels(render_report(seeded, tmp_path / "early.png", at=datetime(2023, 9, 11, 3, 0, tzinfo=UTC)))
    late = pixels(render_report(seeded, tmp_path / "late.png", at=AT))
    assert (np.abs(early.astype(int) - late.astype(int)).max(axis=2) > 48).mean() > 0.01


def test_briefing_only_knows_posts_up_to_its_moment(seeded):
    before = gather(seeded, datetime(2023, 9, 10, 20, 0, tzinfo=UTC))
    assert before.posts == ()
    assert before.estimate.state == "not_started"
    after = gather(seeded, AT)
    assert len(after.posts) == 5
    assert after.estimate.km_min <= after.estimate.km_likely <= after.estimate.km_max
    assert any(s.kind == "gauge_change" for s in after.route.stops)


def test_a_moment_with_no_posts_yet_still_renders(seeded, tmp_path):
    out = render_report(seeded, tmp_path / "early.png", at=datetime(2023, 9, 10, 20, 0, tzinfo=UTC))
    assert QImage(str(out)).width() == 1600


def test_rendering_from_a_worker_thread_paints_on_the_gui_thread(seeded, db_path, tmp_path, qtbot):
    # The desktop app reads in a worker; widgets must still be made on the GUI thread.
    result: dict[str, object] = {}

    def work() -> None:
        with Monitor(db_path) as own:  # a connection belongs to the thread that opened it
            try:
                result["path"] = render_report(own, tmp_path / "worker.png", at=AT)
            except Exception as exc:  # reported to the test below
                result["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    qtbot.waitUntil(lambda: "path" in result or "error" in result, timeout=30_000)
    thread.join()
    assert "error" not in result, result.get("error")
    assert np.array_equal(pixels(result["path"]), pixels(render_report(seeded, tmp_path / "m.png", at=AT)))


def test_empty_database_is_refused(db_path, tmp_path, qapp):
    with Monitor(db_path) as monitor, pytest.raises(ReportError, match="no posts"):
        render_report(monitor, tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_speakers_and_quotes_fill_their_column_and_pages(seeded, tmp_path):
    from monitor.report.render import write_briefing

    before = gather(seeded, datetime(2023, 9, 10, 20, 0, tzinfo=UTC))  # no post yet, so no quote
    after = gather(seeded, AT)
    assert before.quote_count == 0 and after.quote_count > 0
    names = {entry.speaker.name for entry in after.quoted_speakers}
    assert any("Peskov" in n for n in names) and any("Kirby" in n for n in names)
    assert any("Ryder" in n for n in names)
    # Most quoted first, each speaker's quotes newest first.
    counts = [len(entry.quotes) for entry in after.quoted_speakers]
    assert counts == sorted(counts, reverse=True)
    empty = pixels(write_briefing(before, tmp_path / "before.png"))
    full = pixels(write_briefing(after, tmp_path / "after.png"))
    # The middle column (x 580–1020, below the figures) carries the speakers' names and quotes.
    middle = (slice(460, 900), slice(580, 1020))
    assert colour_share(full[middle], "#ffffff", 10) < colour_share(empty[middle], "#ffffff", 10) - 0.03
    before_pdf = write_briefing(before, tmp_path / "before.pdf").read_bytes()
    after_pdf = write_briefing(after, tmp_path / "after.pdf").read_bytes()
    assert pdf_pages(after_pdf) > pdf_pages(before_pdf)


def test_list_pages_flow_without_overflow(seeded):
    from dataclasses import replace

    from monitor.report.page import ListPages

    brief = gather(seeded, AT)
    # Forty copies of the seed's posts: a long story's full list.
    many = tuple(replace(p, id=1000 + i * 10 + p.id) for i in range(40) for p in brief.posts)
    times = {p.id: brief.post_times[p.id % 10] for p in many}
    long_brief = replace(brief, posts=many, post_times=times)
    flow = ListPages(long_brief, 1600, 1000)
    pages = flow.pages()
    assert len(pages) > len(ListPages(brief, 1600, 1000).pages()) + 5
    bottom = 1000 - 44
    for page in pages:
        columns: dict[float, float] = {}
        for item, x, y in page:
            assert y >= columns.get(x, 0), "items overlap"
            columns[x] = y + item.height
            assert y + item.height <= bottom + item.gap or y == 86.0, "an item runs off the page"
    # Every item is placed once; at most one "(continued)" note is added per column.
    from monitor.report.page import list_items

    expected = len(list_items(long_brief, flow.column_width))
    placed = sum(len(page) for page in pages)
    assert expected <= placed <= expected + 2 * len(pages)


def test_an_attribution_is_printed_whole_with_its_quoted_words_marked():
    from monitor.model import Quote
    from monitor.report.page import _quote_text

    over_paragraphs = Quote(1, 1, 1, "direct", "We expect a meeting,” he said.\n\n“Based on it", 0, 40,
                            parts=((0, 19), (31, 40)))
    assert _quote_text(over_paragraphs) == "“We expect a meeting,” he said. “Based on it”"
    mixed = Quote(2, 1, 1, "mixed", "the talks will “strengthen” ties", 0, 32, parts=((15, 25),))
    assert _quote_text(mixed) == "the talks will “strengthen” ties"
