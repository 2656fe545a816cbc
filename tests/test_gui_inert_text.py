"""Nothing from a feed is ever rendered as markup: no image, no file is read for a hostile title.

How the test works. The store holds the seed story with hostile text written over every field
the window shows: the source's title and last error, post headlines and bodies, a speaker's name,
role and organisation, quotes with their cue and outlet, a stop's name, notes and aliases. The
hostile text holds ``<img>`` tags naming a canary, links, bold and underlined markup.

The canary is a FIFO (a named pipe) that stands in for ``/dev/zero``: like a device, it is a
file Qt opens and reads when rich text names it as an image, but it cannot hang the test or
eat memory. A thread holds the write end open and serves a small PNG to whoever opens it, and
counts them. If any widget, tooltip, dialog, chart or the report lays the hostile text out as
rich text, Qt opens the canary (through ``file://…`` or a bare path, as it did ``/dev/zero``),
and the count is no longer zero. Rendering is forced, not hoped for: every widget is grabbed,
every tooltip is shown by ``QToolTip.showText`` (Qt's own guess of rich text) and its label
grabbed, and the report is written.

A second, static check names the culprit: every string a widget, a tooltip or a model cell
holds is checked the way Qt decides — a rich text format, or ``Qt.mightBeRichText`` under the
automatic format — and a string Qt would read as rich text must not contain the hostile tags.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import open_main_window
from PySide6.QtCore import QBuffer, QIODevice, QModelIndex, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui's namespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QMessageBox,
    QToolTip,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

#: Tags the hostile text carries that the app's own rich text never uses.
HOSTILE_TAG = re.compile(r"<\s*(img|a\s|u>|table)", re.IGNORECASE)
#: The roles an item view shows, and the format Qt shows each in: cells and status tips are drawn
#: as plain text, tooltips and "what's this" are guessed (Qt.mightBeRichText).
ROLES = {Qt.ItemDataRole.DisplayRole: Qt.TextFormat.PlainText,
         Qt.ItemDataRole.StatusTipRole: Qt.TextFormat.PlainText,
         Qt.ItemDataRole.ToolTipRole: Qt.TextFormat.AutoText,
         Qt.ItemDataRole.WhatsThisRole: Qt.TextFormat.AutoText}


#: The canary's server, in a process of its own: Qt reads the FIFO on the GUI thread while holding
#: Python's interpreter lock, so a serving thread in this process could never answer.
SERVE = r"""
import os, sys
path, log, png = sys.argv[1], sys.argv[2], bytes.fromhex(sys.argv[3])
with open(path, "wb") as pipe:  # blocks until a reader opens the FIFO
    if not os.path.exists(log + ".stop"):
        with open(log, "a") as out:
            out.write("read\n")
        try:
            pipe.write(png)
        except BrokenPipeError:
            pass
# One read is enough to fail the test; without the FIFO, Qt's further reads fail at once.
os.unlink(path)
"""


class Canary:
    """A FIFO that records whether something opened it to read (serving a tiny PNG once)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.log = path.with_suffix(".log")
        os.mkfifo(path)
        image = QImage(2, 2, QImage.Format.Format_RGB32)
        image.fill(0xFF0000)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        self._server = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(path), str(self.log), bytes(buffer.data()).hex()])

    @property
    def reads(self) -> int:
        """How many times the canary was opened for reading (0 or 1: it serves once)."""
        return len(self.log.read_text().splitlines()) if self.log.exists() else 0

    def close(self) -> None:
        """Stop the server (opening the FIFO ourselves wakes it to see the stop mark)."""
        Path(str(self.log) + ".stop").touch()
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError:  # it was read, and the server is gone
            fd = None
        try:
            self._server.wait(timeout=10)
        finally:
            if fd is not None:
                os.close(fd)
            if self._server.poll() is None:
                self._server.kill()
                self._server.wait()


@pytest.fixture
def canary(tmp_path: Path):
    found = Canary(tmp_path / "canary.png")
    yield found
    found.close()


def hostile(canary: Canary, what: str) -> str:
    """Markup a feed could carry: images by file URL and by bare path, a link, bold, underline."""
    return (f'<img src="file://{canary.path}"> {what} <img src="{canary.path}">'
            f'<a href="http://127.0.0.1:9/x">click</a> <b>BOLD</b> <u>UNDER</u>'
            f'<table><tr><td>cell</td></tr></table>')


def make_hostile(db: Path, canary: Canary) -> None:
    """Write hostile text over every field of the seed story that the window shows."""
    h = lambda what: hostile(canary, what)  # noqa: E731
    with sqlite3.connect(db) as conn:
        conn.execute("update sources set title = ?, last_error = ?, last_status = 'error', "
                     "last_polled = '2023-09-11T10:00:00Z'", [h("Evil source"), h("Evil error")])
        conn.execute("update posts set title = ?, byline = ?, location = ?, body = ? || body",
                     [h("Evil headline"), h("Evil byline"), h("Evil place"), h("Evil body") + "\n\n"])
        conn.execute("update speakers set name = ?, role = ?, organisation = ?",
                     [h("Evil speaker"), h("Evil role"), h("Evil org")])
        conn.execute("update quotes set text = ?, cue = ?, outlet = ?",
                     [h("Evil quote"), h("Evil cue"), h("Evil outlet")])
        evil_stop = h("Evil stop")
        aliases = json.dumps([h("Evil alias")])
        conn.execute("update stops set name = ?, notes = ?, dwell_source = ?, aliases = ? "
                     "where name = 'Khasan'", [evil_stop, h("Evil notes"), h("Evil dwell"), aliases])
        conn.execute("update observations set name = ?, evidence = ? where name = 'Khasan'",
                     [evil_stop, h("Evil evidence")])


def rich(text: str, fmt: Qt.TextFormat) -> bool:
    """Would Qt lay ``text`` out as rich text in a widget with text format ``fmt``?"""
    if fmt == Qt.TextFormat.RichText:
        return True
    if fmt == Qt.TextFormat.PlainText:
        return False
    return GuiQt.mightBeRichText(text)


def model_strings(view: QAbstractItemView, limit: int = 200) -> list[tuple[str, str, Qt.TextFormat]]:
    """Every string a view's model offers for its cells (tooltips are auto-detected by Qt)."""
    model = view.model()
    found = []
    if model is None:
        return found
    for row in range(min(model.rowCount(QModelIndex()), limit)):
        # List models keep columnCount private: walk the columns while they are valid.
        for column in range(20):
            index = model.index(row, column)
            if not index.isValid():
                break
            for role, fmt in ROLES.items():
                value = index.data(role)
                if isinstance(value, str) and value:
                    found.append((f"{type(view).__name__} {view.objectName()} row {row} col {column} "
                                  f"role {role.name}", value, fmt))
    return found


def widget_strings() -> list[tuple[str, str, Qt.TextFormat]]:
    """Every string every widget of the app holds, with the format Qt would use for it."""
    found = []
    for widget in QApplication.allWidgets():
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        for what, text in (("toolTip", widget.toolTip()), ("statusTip", widget.statusTip()),
                           ("whatsThis", widget.whatsThis())):
            if text:
                found.append((f"{name} {what}", text, Qt.TextFormat.AutoText))
        if isinstance(widget, QLabel) and widget.text():
            found.append((f"{name} text", widget.text(), widget.textFormat()))
        if isinstance(widget, QMessageBox):
            found.append((f"{name} text", widget.text(), widget.textFormat()))
            if widget.informativeText():
                found.append((f"{name} informativeText", widget.informativeText(), widget.textFormat()))
        if isinstance(widget, QAbstractButton) and widget.toolTip():
            found.append((f"{name} button toolTip", widget.toolTip(), Qt.TextFormat.AutoText))
        if isinstance(widget, QAbstractItemView):
            found.extend(model_strings(widget))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if item.toolTip():
                    found.append((f"{name} scene item toolTip", item.toolTip(), Qt.TextFormat.AutoText))
                if isinstance(item, QGraphicsTextItem) and HOSTILE_TAG.search(item.toHtml()):
                    # toHtml escapes plain text; a raw hostile tag there means it was set as HTML.
                    found.append((f"{name} chart text {type(item).__name__} {item.toPlainText()[:40]!r}",
                                  item.toHtml(), Qt.TextFormat.RichText))
    for action_owner in QApplication.allWidgets():
        for action in action_owner.actions():
            if action.toolTip():
                found.append((f"action {action.text()!r} toolTip", action.toolTip(), Qt.TextFormat.AutoText))
    return found


def show_tooltip(text: str, widget) -> bool:
    """Show ``text`` as Qt shows a tooltip (its own rich-text guess) and paint it; True if shown."""
    QToolTip.showText(QPoint(100, 100), text, widget)
    QApplication.processEvents()
    shown = False
    for top in QApplication.topLevelWidgets():
        if top.objectName() == "qtooltip_label" and top.isVisible():
            top.grab()
            shown = True
    QToolTip.hideText()
    return shown


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, showing tooltips
def test_hostile_feed_text_is_never_rendered_as_markup(qtbot, gui_settings, seeded_db, canary, tmp_path):
    make_hostile(seeded_db, canary)
    window = open_main_window(qtbot, gui_settings, seeded_db)
    qtbot.waitUntil(lambda: window.inspector.quote_model.rowCount() > 0, timeout=10000)
    assert "Evil" in window.sources_label.toolTip()
    assert any("Evil stop" in s.name for s in window.route_bar._route.stops)

    # Everything that shows feed text: the selected speaker and quote, the post dialog, the
    # correction dialogs, warnings and messages naming a server's error.
    inspector = window.inspector
    inspector.select_speaker(inspector.speaker_model.speaker(0).id)
    qtbot.waitUntil(lambda: inspector.quote_model.rowCount() > 0, timeout=10000)
    inspector.select_quote(inspector.quote_model.quote(0).id)
    window.feed.select_row(0)
    window.feed.open_post(0)
    qtbot.waitUntil(lambda: window.feed.post_dialog.versions.count() > 0, timeout=5000)
    window.feed.set_speaker_filter(inspector.speaker_model.speaker(0).id,
                                   inspector.speaker_model.speaker(0).name)
    window.feed.show_message(hostile(canary, "Evil message"))
    window._warn("Import failed", hostile(canary, "Evil import error"))
    window._open_failed(RuntimeError(hostile(canary, "Evil open error")))
    dialogs = [inspector.open_reassign_dialog(), inspector.open_merge_dialog(),
               inspector.open_reject_dialog()]
    assert all(d is not None for d in dialogs)
    QApplication.processEvents()

    # Tooltips the panes make on hover (the route bar's stops and band, the chart's points).
    tips = [(f"route stop {stop.name[:20]}", window.route_bar.tooltip_for(stop.name))
            for stop in window.route_bar._route.stops]
    if window.route_bar._estimate is not None:
        tips.append(("route estimate", window.route_bar.estimate_tooltip()))
    points = window.charts.observation_points
    tip_of = points.opts.get("tip")
    if tip_of is not None:
        for spot in points.points():
            tips.append(("chart point", tip_of(x=spot.pos().x(), y=spot.pos().y(), data=spot.data())))

    strings = widget_strings() + [(where, text, Qt.TextFormat.AutoText) for where, text in tips]
    assert any("Evil speaker" in text for _, text, _ in strings)  # the walk did reach feed text

    # Force everything to render: widgets (dialogs included), then every tooltip as Qt shows it.
    for widget in QApplication.allWidgets():
        if widget.isWindow() or widget.isVisible():
            widget.grab()
    tooltips = [text for where, text, fmt in strings if fmt == Qt.TextFormat.AutoText
                and ("toolTip" in where or "ToolTip" in where or where.startswith(("route", "chart")))]
    shown = sum(show_tooltip(text, window) for text in tooltips)
    assert shown == len(tooltips) and any("Evil source" in text for text in tooltips)

    # The report draws the same store.
    if window.features.report:
        out = tmp_path / "report.png"
        window.export_report(str(out))
        qtbot.waitUntil(lambda: "Report saved" in window.statusBar().currentMessage()
                        or window.statusBar().currentMessage().startswith("Report failed"), timeout=60000)
        assert out.is_file()

    markup = sorted({where for where, text, fmt in strings if rich(text, fmt) and HOSTILE_TAG.search(text)})
    assert canary.reads == 0, f"an image named by feed text was read; markup in: {markup}"
    assert not markup, f"feed text would be taken for markup in: {markup}"
