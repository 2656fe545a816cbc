"""The replay bar: an "as of" slider over the story's span and a button back to live."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from monitor.model.timefmt import local_time

#: Slider steps are minutes; a move settles for this long before panes are asked to follow.
SETTLE_MS = 150


class ReplayBar(QWidget):
    """Pick a moment in the story; ``asOfChanged`` carries it (None: live)."""

    asOfChanged = Signal(object)  # datetime (UTC) or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReplayBar")
        self._start = datetime(1970, 1, 1, tzinfo=UTC)
        self.title = QLabel("Replay — as of", self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("replaySlider")
        self.slider.setSingleStep(5)
        self.slider.setPageStep(60)
        self.slider.setTracking(True)
        self.when = QLabel(self)
        self.when.setObjectName("replayTime")
        sample = "Wed 30 Sep, 23:59 (UTC 14:59)"
        self.when.setMinimumWidth(self.when.fontMetrics().horizontalAdvance(sample) + 8)
        self.live = QPushButton("Live", self)
        self.live.setObjectName("replayLive")
        self.live.setToolTip("Leave the replay and show the situation now")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.when)
        layout.addWidget(self.live)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(lambda: self.asOfChanged.emit(self.as_of()))
        self.slider.valueChanged.connect(self._moved)
        self.live.clicked.connect(lambda: self.asOfChanged.emit(None))
        self.set_span(None)

    def set_span(self, span: tuple[datetime, datetime] | None) -> None:
        """The story's first and last moments; the slider keeps its time where it can."""
        current = self.as_of() if self.slider.maximum() > 0 else None
        # A new span is not a move by the reader: changing the range clamps the value, and the
        # signal that sends must not start a replay nobody asked for (the window once showed
        # "replay as of …" with the replay bar hidden after opening another database).
        self.slider.blockSignals(True)
        try:
            if span is None:
                self.slider.setEnabled(False)
                self.slider.setRange(0, 0)
                self.when.setText("no posts yet")
                return
            self._start = span[0]
            minutes = max(1, int((span[1] - span[0]).total_seconds() // 60))
            self.slider.setEnabled(True)
            self.slider.setRange(0, minutes)
            value = minutes if current is None else int((current - self._start).total_seconds() // 60)
            self.slider.setValue(min(max(0, value), minutes))
        finally:
            self.slider.blockSignals(False)
        self._label()

    def reset(self) -> None:
        """Forget the span and any move still settling (another database was opened)."""
        self._settle.stop()
        self.set_span(None)

    def as_of(self) -> datetime:
        """The moment the slider points at, in UTC."""
        return self._start + timedelta(minutes=self.slider.value())

    def set_as_of(self, when: datetime) -> None:
        """Move the slider to ``when`` (clamped to the span)."""
        self.slider.setValue(int((when - self._start).total_seconds() // 60))

    def _moved(self, _value: int) -> None:
        self._label()
        self._settle.start()

    def _label(self) -> None:
        when = self.as_of()
        self.when.setText(f"{local_time(when, 'minute')} (UTC {when:%H:%M})")
