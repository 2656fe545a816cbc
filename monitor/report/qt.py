"""The Qt set-up a report needs: an application object, the bundled fonts and a fixed palette.

Reports must look the same on every machine and without a display, so they never use the system's
fonts or colours: the DejaVu Sans files shipped in ``resources/fonts`` are loaded once and every
font is sized in pixels (a PNG at 96 dpi and a PDF at 1200 dpi then lay out identically). Only
characters DejaVu has no glyph for (Chinese, Japanese, Korean, emoji) come from the system's
fallback fonts, which ``.ci/system-deps.sh`` installs; without them they would be empty boxes.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from monitor.paint.theme import REPORT_PALETTE
from monitor.paths import resources_dir

FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


class FontError(RuntimeError):
    """The report fonts cannot be loaded: Qt would draw empty boxes instead of text."""


def ensure_app() -> QApplication:
    """The running QApplication, or a new one on the offscreen platform when there is none.

    Widgets (the route bar, the charts) need a QApplication, not just a QGuiApplication.
    """
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    load_fonts()
    return app


@lru_cache(maxsize=1)
def load_fonts() -> str:
    """Register the bundled DejaVu fonts; returns the family name. Raises FontError if missing."""
    folder = resources_dir() / "fonts"
    for name in FONT_FILES:
        path = folder / name
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise FontError(f"{path.name}: report font missing or unreadable in resources/fonts")
    if FAMILY not in QFontDatabase.families():
        raise FontError(f"{FAMILY}: font family not available after loading resources/fonts")
    return FAMILY


def font(pixels: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A report font of ``pixels`` height (logical pixels of the page)."""
    result = QFont(FAMILY)
    result.setPixelSize(max(1, round(pixels)))
    result.setBold(bold)
    result.setItalic(italic)
    # Identical glyph placement at any device resolution, for the golden image and the PDF.
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    result.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return result


def light_palette() -> QPalette:
    """The fixed light palette reports are drawn in, whatever the desktop's theme."""
    palette = QPalette()
    for role, colour in REPORT_PALETTE.items():
        palette.setColor(role, QColor(colour))
    return palette
