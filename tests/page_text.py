"""The strings a report page draws, caught by a real painter on a real image."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from monitor.report.page import Overview


class RecordingPainter(QPainter):
    """A real painter on a real image that also keeps every string drawn with drawText."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args):  # noqa: N802 - Qt API
        self.texts += [a for a in args if isinstance(a, str)]
        return super().drawText(*args)


def overview_texts(briefing) -> list[str]:
    """Every string the report's first page (the overview) draws for ``briefing``, in order."""
    image = QImage(1600, 1000, QImage.Format.Format_RGB32)
    painter = RecordingPainter(image)
    Overview(briefing, 1600, 1000).paint(painter)
    painter.end()
    return painter.texts
