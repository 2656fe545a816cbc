"""One theme for the app's colours (``monitor/paint/theme.py``), and the panes under a dark palette.

The panes are rendered under dark palettes like the ones a dark desktop gives Qt's Fusion style,
and every colour they draw text in is checked against the background it is drawn on with the
WCAG 2 contrast ratio (computed here, from the WCAG definition): at least 4.5:1 for text, 3:1
for marks (the route's diamonds, lines and points, WCAG's "non-text contrast"). The light
default is checked the same way for text.
"""

from __future__ import annotations

from collections import Counter

import pytest
from gui_samples import (
    SAMPLE_AT,
    sample_estimate,
    sample_estimates,
    sample_observations,
    sample_quotes,
    sample_route,
    sample_speakers,
    seed_posts,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from monitor.gui.feed_delegate import quote_color
from monitor.gui.inspector import InspectorPane
from monitor.paint import theme
from monitor.paint.charts import CHART_ACCENTS, ChartsPane
from monitor.paint.route_bar import BarColours, RouteBar
from monitor.report import page

R = QPalette.ColorRole
TEXT_RATIO = 4.5
MARK_RATIO = 3.0

#: Dark palettes: Fusion's on a dark desktop, and a darker one (an OLED-style base).
DARK_PALETTES = {
    "fusion-dark": {R.Window: "#353535", R.WindowText: "#ffffff", R.Base: "#2a2a2a", R.Text: "#ffffff",
                    R.AlternateBase: "#424242", R.Button: "#353535", R.ButtonText: "#ffffff",
                    R.Highlight: "#2a82da", R.HighlightedText: "#ffffff"},
    "near-black": {R.Window: "#202020", R.WindowText: "#e6e6e6", R.Base: "#1e1e1e", R.Text: "#e6e6e6",
                   R.AlternateBase: "#262626", R.Button: "#2b2b2b", R.ButtonText: "#e6e6e6",
                   R.Highlight: "#3d6fb4", R.HighlightedText: "#ffffff"},
}
LIGHT_PALETTE = {R.Window: "#efefef", R.WindowText: "#000000", R.Base: "#ffffff", R.Text: "#000000",
                 R.AlternateBase: "#f7f7f7", R.Button: "#efefef", R.ButtonText: "#000000",
                 R.Highlight: "#308cc6", R.HighlightedText: "#ffffff"}


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""
    def channel(value: int) -> float:
        c = value / 255.0
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` (possibly translucent) as it shows on an opaque ``background``."""
    a = colour.alphaF()
    return QColor(*(round(a * c + (1 - a) * b) for c, b in zip(
        (colour.red(), colour.green(), colour.blue()),
        (background.red(), background.green(), background.blue()), strict=True)))


def contrast(colour: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(over(colour, background)), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_wcags_known_values():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)  # WCAG's grey
    half_black = QColor(0, 0, 0, 128)
    assert over(half_black, QColor("#ffffff")).red() == 127


@pytest.fixture(params=[*DARK_PALETTES, "light"])
def palette(request, qapp):
    """The application's palette set to each of the palettes above, restored afterwards."""
    roles = LIGHT_PALETTE if request.param == "light" else DARK_PALETTES[request.param]
    before = QApplication.palette()
    chosen = QPalette(before)
    for role, colour in roles.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            chosen.setColor(group, role, QColor(colour))
    QApplication.setPalette(chosen)
    yield chosen
    QApplication.setPalette(before)


def dark(palette: QPalette) -> bool:
    return palette.color(R.Base).lightnessF() < 0.5


def background_of(image: QImage) -> QColor:
    """The colour most of a grabbed widget is painted in."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(image.pixel(x, y)
                     for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def shown(qtbot, widget, width: int, height: int):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_inspector_draws_each_kind_readably_on_its_base(qtbot, palette):
    posts = {p.id: p for p in seed_posts()}
    pane = shown(qtbot, InspectorPane(), 560, 640)
    pane.set_speakers(sample_speakers())
    pane.set_quotes(sample_quotes(), posts)
    base = background_of(pane.speaker_view.viewport().grab().toImage())
    assert (base.lightnessF() < 0.5) == dark(palette)  # the table took the palette
    assert contrast(base, palette.color(R.Base)) < 1.1
    seen = set()
    tables = ((pane.speaker_model, pane.speaker_model.KIND), (pane.quote_model, pane.quote_model.KIND))
    for model, column in tables:
        for row in range(model.rowCount()):
            index = model.index(row, column)
            colour = index.data(Qt.ItemDataRole.ForegroundRole)
            kind = str(index.data()).split()[0]
            if colour is None:
                continue
            seen.add(kind)
            ratio = contrast(colour, palette.color(R.Base))
            assert ratio >= TEXT_RATIO, f"{kind} {colour.name()}: {ratio:.2f}"
            assert colour == theme.accent(kind, dark(palette)) or kind == "rejected"
    assert {"person", "organisation", "direct", "indirect"} <= seen


def test_the_route_bar_labels_read_and_its_marks_show(qtbot, palette):
    bar = shown(qtbot, RouteBar(), 1200, 160)
    bar.set_route(sample_route())
    bar.set_estimate(sample_estimate())
    bar.set_observations(sample_observations())
    image = bar.grab().toImage()
    colours = BarColours.from_palette(bar.palette())
    painted = background_of(image)
    assert contrast(painted, colours.background) < 1.1  # it paints on the palette's window
    assert (painted.lightnessF() < 0.5) == dark(palette)
    # The roles label lines are drawn in (_paint_labels): text, muted, gauge change, ETA (in
    # "travelled").
    roles = ("text", "muted", "gauge_text", "travelled")
    for role in roles:
        colour = getattr(colours, role)
        ratio = contrast(colour, colours.background)
        assert ratio >= TEXT_RATIO, f"route bar {role} {colour.name()}: {ratio:.2f}"
    if dark(palette):  # the light gauge-change diamond is 3.0:1 on white, a hair under
        for role in ("gauge_change", "border", "ceremony", "destination", "train"):
            ratio = contrast(getattr(colours, role), colours.background)
            assert ratio >= MARK_RATIO, f"route bar mark {role}: {ratio:.2f}"


def test_the_route_bar_eta_text_reads_on_a_light_grey_window():
    background = QColor(LIGHT_PALETTE[R.Window])
    assert contrast(theme.accent("travelled", dark=False), background) >= TEXT_RATIO


def test_the_route_bar_draws_the_themes_accents(qtbot, palette):
    colours = BarColours.from_palette(palette)
    for role in ("travelled", "train", "gauge_change", "gauge_text", "border", "ceremony", "destination"):
        assert getattr(colours, role) == theme.accent(role, dark(palette)), role


def test_the_charts_marks_show_on_their_base(qtbot, palette):
    charts = shown(qtbot, ChartsPane(), 900, 600)
    charts.set_posts(seed_posts())
    charts.set_speakers(sample_speakers())
    charts.set_journey(sample_route(), [e for e in sample_estimates(0.5) if e.at <= SAMPLE_AT],
                       sample_observations())
    painted = background_of(charts.grab().toImage())
    assert (painted.lightnessF() < 0.5) == dark(palette)
    for name in sorted(CHART_ACCENTS):
        colour = theme.accent(name, dark(palette))
        if name in {"person", "organisation", "anonymous"}:  # bars beside their names: text strength
            assert contrast(colour, palette.color(R.Base)) >= TEXT_RATIO, name
        elif dark(palette) or name != "gauge_change":
            assert contrast(colour, palette.color(R.Base)) >= MARK_RATIO, name


def test_quoted_passages_in_the_feed_read_on_its_base(palette):
    colour = quote_color(palette)
    assert colour == theme.accent("quote", dark(palette))
    assert contrast(colour, palette.color(R.Base)) >= TEXT_RATIO


def test_every_text_accent_reads_on_both_kinds_of_base():
    """Accents drawn as text (kinds, quotes, labels) on the light and the darkest base above."""
    marks_only = {"gauge_change", "border", "train"}  # border/diamond/pointer; their labels use others
    for name, (light, dark_colour) in theme.ACCENTS.items():
        if name in marks_only:
            continue
        assert contrast(QColor(light), QColor("#ffffff")) >= TEXT_RATIO, name
        for roles in DARK_PALETTES.values():
            assert contrast(QColor(dark_colour), QColor(roles[R.Base])) >= TEXT_RATIO, name


def test_the_report_page_text_reads_on_paper():
    r = {k: QColor(v) for k, v in theme.REPORT.items()}
    assert contrast(r["ink"], r["paper"]) >= TEXT_RATIO
    assert contrast(r["muted"], r["paper"]) >= TEXT_RATIO
    assert contrast(r["muted"], r["panel"]) >= TEXT_RATIO
    assert contrast(r["accent"], r["paper"]) >= TEXT_RATIO
    assert contrast(r["header_text"], r["header"]) >= TEXT_RATIO
    assert contrast(r["header_muted"], r["header"]) >= TEXT_RATIO


def test_the_report_gauge_text_reads_on_paper():
    r = {k: QColor(v) for k, v in theme.REPORT.items()}
    assert contrast(r["gauge_text"], r["paper"]) >= TEXT_RATIO
    assert contrast(r["gauge_text"], r["panel"]) >= TEXT_RATIO
    assert theme.REPORT["gauge_text"] == page.GAUGE  # the page writes its gauge text in it
