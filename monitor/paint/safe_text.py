"""Showing text from feeds and servers so that Qt never reads it as markup.

Qt takes a string for rich text (HTML) wherever a widget is left to decide — a ``QLabel`` or
``QMessageBox`` in its default ``Qt.AutoText`` format, every tooltip (``QToolTip`` and the
``ToolTipRole`` of item models), pyqtgraph titles and labels — when ``Qt.mightBeRichText``
finds a tag in the first line. Rich text loads the images it names as it is laid out: a feed
titled ``<img src="/dev/zero">`` made the status-bar tooltip read ``/dev/zero`` until the
process died, and ``<img src="file:///…">`` reads any file on disk. So every string that comes
from a feed, a server, a route file or the store (titles, URLs, errors, speaker names, quotes,
stop names) reaches a widget through one of these functions:

- :func:`set_plain` / :func:`plain_label` — a label that is always plain text;
- :func:`plain_message_box` — a message box that is always plain text;
- :func:`plain_tooltip` — a tooltip (or ``ToolTipRole`` value) that shows the text as written;
- :func:`escape` — for rich text the app composes itself (bold names, small print), each
  untrusted part escaped.

Widgets Qt always draws as plain text (window titles, status-bar messages, buttons, combo-box
and list items, ``QPlainTextEdit``, ``QPainter.drawText``, pyqtgraph's ``TextItem.setText``)
need nothing; ``tests/test_gui_inert_text.py`` walks the whole window to check both kinds.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

#: The most characters of one tooltip: a tooltip is a glance, and laying out a 5 MB headline in
#: one would hold the window.
TOOLTIP_CHARS = 2_000


def escape(text: object) -> str:
    """``text`` as HTML that shows exactly these characters (for rich text the app composes)."""
    return html.escape(str(text), quote=True)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written, line breaks kept, whatever it contains.

    Tooltips have no plain-text switch: Qt guesses. So the text is escaped and wrapped in a
    paragraph of our own, which Qt always takes for rich text holding only characters; lines
    break where the text breaks them, as in a plain tooltip.
    """
    if not text:
        return ""
    if len(text) > TOOLTIP_CHARS:
        text = text[: TOOLTIP_CHARS - 1] + "…"
    return "<p style='white-space:pre'>" + escape(text) + "</p>"


def set_plain(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` as plain text (never as HTML)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A new label that shows its text as plain text, whatever is set later with ``setText``."""
    label = QLabel(parent)
    set_plain(label, text)
    return label


def plain_message_box(icon: QMessageBox.Icon, title: str, text: str,
                      buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                      parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text is plain text (an error from a server is shown as written)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
