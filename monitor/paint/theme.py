"""The app's colours: one place for every accent the panes, the feed and the reports draw.

Text and backgrounds come from the palette, so the app follows the platform's light or dark
look. What the palette has no role for (a stop's kind, a speaker's kind, a quoted passage, an
alert) is an *accent* here, in a pair: the first for a light background, the second, brighter,
for a dark one. ``tests/test_theme.py`` renders the panes under a dark palette and checks that
every accent drawn as text stands out from the background it is drawn on (WCAG contrast).

The reports draw on paper, always light: their colours and the palette their widgets are
rendered with are here too (:data:`REPORT`, :data:`REPORT_PALETTE`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: Accents as (on a light background, on a dark background).
ACCENTS: dict[str, tuple[str, str]] = {
    # The journey (route bar, distance chart).
    "travelled": ("#1b66c2", "#4ea1ff"),  # the part travelled, the band, ETAs, the likely line
    # (the light one is ETA text too: 4.9:1 on the light grey window Fusion gives, 5.6:1 on white)
    "train": ("#111827", "#ffffff"),  # the train's pointer, observation points
    "gauge_change": ("#e07b00", "#f5a623"),  # the gauge-change diamond
    "gauge_text": ("#a05600", "#f8c471"),  # its label: darker than the mark, to read as text
    "border": ("#c62828", "#ff6b6b"),
    "ceremony": ("#7b3fa0", "#c39bd3"),
    "destination": ("#1e8449", "#58d68d"),
    # Speakers and quotes by kind (inspector, quotes chart).
    "person": ("#1f6fd1", "#4ea1ff"),
    "organisation": ("#7b3fa0", "#c39bd3"),
    "anonymous": ("#6b7280", "#a0a7b4"),
    "direct": ("#1e8449", "#58d68d"),
    "mixed": ("#1f6fd1", "#4ea1ff"),
    "indirect": ("#8a6d00", "#f4d03f"),
    # The feed: quoted passages in a post (the link colour, readable on the base).
    "quote": ("#1c5d99", "#74c0fc"),
}

#: An accent name nobody defined draws in this grey rather than failing.
FALLBACK = "#888888"

#: Colours that are the same in both palettes: they carry their own background or foreground.
ALERT = "#e8590c"  # the bar beside a post that matched an alert
MATCH = "#ffd43b"  # the background of a search match (black text on it)
HIGHLIGHT = "#ff922b"  # the span an analyst activated in the inspector (black text on it)
MATCH_TEXT = "#000000"
SELECTED_QUOTE = "#fff3bf"  # a quoted passage in a selected row, on the highlight colour
FAILING = "#e03131"  # "N failing" sources in the status bar
#: A post's versions compared (the post dialog): words an edit removed are struck through in this
#: red; words it added are underlined on this translucent green (#AARRGGBB), which lets the
#: palette's base show through in either look.
DIFF_REMOVED = "#c62828"
DIFF_ADDED_BACKGROUND = "#3c2ea043"

#: The report page's colours (paper is white whatever the desktop's palette).
REPORT: dict[str, str] = {
    "paper": "#ffffff",
    "ink": "#1b2330",
    "muted": "#5b6472",
    "faint": "#d8dde5",
    "panel": "#f4f6f9",
    "header": "#0f2138",
    "header_text": "#ffffff",
    "header_muted": "#b9c6d8",
    "accent": "#1f6fd1",
    "gauge": "#e07b00",  # the gauge-change mark
    "gauge_text": "#a05600",  # text about it: the mark's orange is 3.0:1 on paper, this 5.5:1
}

#: The light palette a report renders its widgets (route bar, charts) with.
REPORT_PALETTE: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: REPORT["paper"],
    QPalette.ColorRole.WindowText: REPORT["ink"],
    QPalette.ColorRole.Base: REPORT["paper"],
    QPalette.ColorRole.AlternateBase: "#f3f5f8",
    QPalette.ColorRole.Text: REPORT["ink"],
    QPalette.ColorRole.Button: "#f3f5f8",
    QPalette.ColorRole.ButtonText: REPORT["ink"],
    QPalette.ColorRole.Highlight: REPORT["accent"],
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: REPORT["ink"],
    QPalette.ColorRole.PlaceholderText: "#6b7280",
}


def is_dark_colour(colour: QColor) -> bool:
    """True for a background that wants the bright accents."""
    return colour.lightnessF() < 0.5


def is_dark(palette: QPalette | None = None, role: QPalette.ColorRole = QPalette.ColorRole.Base) -> bool:
    """True when ``palette`` (the application's when None) draws on a dark ``role``.

    Without an application there is no palette, and the light accents are the answer.
    """
    if palette is None:
        if QGuiApplication.instance() is None:
            return False
        palette = QGuiApplication.palette()
    return is_dark_colour(palette.color(role))


def accent(name: str, dark: bool) -> QColor:
    """The accent ``name`` for a dark or a light background (grey for an unknown name)."""
    pair = ACCENTS.get(name)
    return QColor(pair[1] if dark else pair[0]) if pair else QColor(FALLBACK)


def kind_colour(kind: str, palette: QPalette | None = None) -> QColor | None:
    """The accent colour of a speaker or quote kind in ``palette`` (the application's when None)."""
    return accent(kind, is_dark(palette)) if kind in _KINDS else None


_KINDS = frozenset({"person", "organisation", "anonymous", "direct", "mixed", "indirect"})
