"""Every pane renders real content, and real fonts are there to draw it with."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QWidget

from monitor.paths import resources_dir

# What Qt lists when fontconfig finds no font files: aliases, no real family.
GENERIC_FAMILIES = {"sans serif", "sans-serif", "serif", "monospace", "cursive", "fantasy", "system-ui"}


def _distinct_colours(image: QImage, step: int = 3) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def _dark_pixel_share(image: QImage, step: int = 2) -> float:
    """Share of sampled pixels much darker than the background (text, lines, marks)."""
    background = image.pixelColor(image.width() - 2, image.height() - 2).lightness()
    total = dark = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            dark += abs(image.pixelColor(x, y).lightness() - background) > 80
    return dark / max(1, total)


def _render(widget: QWidget, path: Path) -> QImage:
    pixmap = widget.grab()
    assert pixmap.save(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    return image


def test_real_fonts_are_installed(qapp):
    families = QFontDatabase.families()
    real = [f for f in families if f.strip().lower() not in GENERIC_FAMILIES]
    assert real, f"no real font families, only {families}: text would render as empty boxes"


def test_text_renders_with_ink(qapp):
    image = QImage(200, 40, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.drawText(10, 28, "Khasan")
    painter.end()
    assert _dark_pixel_share(image, step=1) > 0.01


@pytest.mark.parametrize("pane", ["feed", "route", "inspector", "charts"])
def test_each_pane_renders_content(main_window, tmp_path, pane):
    widget = main_window.docks[pane].widget()
    image = _render(widget, tmp_path / f"{pane}.png")
    assert image.width() > 100 and image.height() > 40
    assert _distinct_colours(image) > 4, f"{pane} rendered as a flat image"
    assert _dark_pixel_share(image) > 0.002, f"{pane} has no visible text or marks"


def test_whole_window_renders(main_window, tmp_path):
    image = _render(main_window, tmp_path / "window.png")
    assert image.width() >= 1000
    assert _distinct_colours(image) > 20
    assert _dark_pixel_share(image) > 0.01


def test_feed_rows_show_headline_time_and_quote_marks(main_window, tmp_path):
    """The feed draws distinct colours for quoted passages, not just black on white."""
    image = _render(main_window.feed.view.viewport(), tmp_path / "feed-rows.png")
    assert _distinct_colours(image, step=1) > 30


def test_replay_bar_renders(main_window, tmp_path):
    main_window.act_replay.setChecked(True)
    image = _render(main_window.replay, tmp_path / "replay.png")
    assert _dark_pixel_share(image) > 0.005


def test_icon_and_desktop_file_ship():
    icons = resources_dir() / "icons"
    assert not QImage(str(icons / "monitor.png")).isNull()
    assert (icons / "monitor.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
    desktop = (resources_dir() / "situation-monitor.desktop").read_text(encoding="utf-8")
    assert "Exec=monitor" in desktop and "Icon=" in desktop and "Type=Application" in desktop


def test_feed_follows_a_dark_palette(qtbot, main_window, tmp_path):
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette()
    for role, colour in [(QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.WindowText, "#e6e6e6")]:
        dark.setColor(role, QColor(colour))
    view = main_window.feed.view
    view.setPalette(dark)
    main_window.feed.delegate.clear_cache()
    image = _render(view.viewport(), tmp_path / "feed-dark.png")
    lightness = [image.pixelColor(x, y).lightness()
                 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)]
    assert sorted(lightness)[len(lightness) // 2] < 60, "the background is dark"
    assert sum(v > 180 for v in lightness) > len(lightness) * 0.005, "the text is light"
