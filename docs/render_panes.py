"""Render the route bar, the inspector and the charts to the PNGs shown in docs/panes.md.

Run from the project root: ``QT_QPA_PLATFORM=offscreen python docs/render_panes.py``.
Everything comes from the real engines on the seed (a temporary database), except a day of timed
posts for the hourly chart, taken from tests/gui_samples.py: the seed's posts carry only a date.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import gui_samples as samples  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from monitor.gui.inspector import InspectorPane  # noqa: E402
from monitor.journey.estimate import estimate_from  # noqa: E402
from monitor.paint.charts import ChartsPane  # noqa: E402
from monitor.paint.route_bar import RouteBar  # noqa: E402
from monitor.service import Monitor  # noqa: E402

AT = datetime.fromisoformat("2023-09-12T06:00:00+09:00")
DOCS = ROOT / "docs"


def dark_palette() -> QPalette:
    """A plain dark palette, as a desktop in dark mode gives."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1e1f22"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#2b2d31"), (QPalette.ColorRole.AlternateBase, "#313338"),
        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#2b2d31"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f6fb0"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.PlaceholderText, "#8b8f98"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main() -> None:
    """Write docs/route_bar.png, docs/route_bar_dark.png, docs/inspector.png, docs/charts.png."""
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as tmp, Monitor(Path(tmp) / "monitor.db") as monitor:
        monitor.seed_if_empty()
        route = monitor.route()
        observations = monitor.observations()
        estimate = monitor.estimate(AT)
        schedule = monitor.schedule()
        estimates = [estimate_from(schedule, AT - timedelta(minutes=20 * n)) for n in range(108, -1, -1)]
        speakers = monitor.quotes.speakers()
        posts = {p.id: p for p in monitor.posts.posts(limit=100)}
        ryder = next(s for s in speakers if s.name == "Patrick Ryder")
        ryder_quotes = monitor.quotes.quotes(speaker_id=ryder.id)

    bar = RouteBar()
    bar.set_route(route)
    bar.set_estimate(estimate)
    bar.set_observations(observations)
    bar.resize(1280, bar.sizeHint().height())
    bar.grab().save(str(DOCS / "route_bar.png"))

    inspector = InspectorPane()
    inspector.set_speakers(speakers)
    inspector.select_speaker(ryder.id)
    inspector.set_quotes(ryder_quotes, posts)
    inspector.select_quote(ryder_quotes[0].id)
    inspector.resize(520, 600)
    inspector.show()
    app.processEvents()
    inspector.grab().save(str(DOCS / "inspector.png"))

    charts = ChartsPane()
    # The seed's posts carry only a date; a day of timed sample posts fills the hourly chart.
    charts.set_posts(list(posts.values()) + samples.live_posts())
    charts.set_speakers(speakers)
    charts.set_journey(route, estimates, observations)
    charts.resize(1400, 300)
    charts.show()
    app.processEvents()
    charts.grab().save(str(DOCS / "charts.png"))

    app.setPalette(dark_palette())
    app.processEvents()  # the palette reaches widgets through posted change events
    bar.resize(1280, bar.sizeHint().height())
    bar.grab().save(str(DOCS / "route_bar_dark.png"))
    print("wrote", ", ".join(f"docs/{n}.png" for n in ("route_bar", "route_bar_dark", "inspector", "charts")))


if __name__ == "__main__":
    main()
