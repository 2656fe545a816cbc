"""Plain stand-ins for the route bar, inspector and charts when a build lacks them.

They take the same calls as the real panes and show the same facts as text, so the window
works (and says what it knows) whichever panes are installed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from monitor.model import Estimate, Observation, Post, Quote, Route, Speaker


class _TextPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setContentsMargins(10, 8, 10, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)


class PlainRouteBar(_TextPane):
    """The journey in one line of text."""

    stopClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._route: Route | None = None
        self._estimate: Estimate | None = None
        self._observations: list[Observation] = []
        self._show()

    def set_route(self, route: Route) -> None:
        """The route to show."""
        self._route = route
        self._show()

    def set_estimate(self, estimate: Estimate) -> None:
        """Where the train probably is."""
        self._estimate = estimate
        self._show()

    def set_observations(self, observations: list[Observation]) -> None:
        """Reports of where the train was."""
        self._observations = list(observations)
        self._show()

    def _show(self) -> None:
        if self._route is None:
            self.label.setText("No route loaded.")
            return
        stops = " → ".join(s.name for s in self._route.stops)
        text = f"<b>{self._route.title}</b>: {stops}"
        est = self._estimate
        if est is not None:
            text += (f"<br>Train at about km {est.km_likely:.0f} "
                     f"({est.km_min:.0f}–{est.km_max:.0f}) of {self._route.length_km:.0f}, {est.state}")
        self.label.setText(text)


class PlainInspector(QWidget):
    """Speakers and their quotes as two lists."""

    speakerSelected = Signal(object)
    quoteActivated = Signal(int, int, int)
    reassignRequested = Signal(int, int)
    mergeRequested = Signal(int, int)
    rejectRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speakers = QListWidget(self)
        self.quotes = QListWidget(self)
        self.note = QLabel("No speakers yet: quotes appear once the posts have been read for them.", self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel("<b>Speakers</b>", self))
        layout.addWidget(self.speakers, 1)
        layout.addWidget(QLabel("<b>Quotes</b>", self))
        layout.addWidget(self.quotes, 2)
        layout.addWidget(self.note)
        self._quotes: list[Quote] = []
        self.speakers.currentItemChanged.connect(self._speaker_changed)
        self.quotes.itemActivated.connect(self._quote_activated)

    def set_speakers(self, speakers: list[Speaker]) -> None:
        """Who is quoted."""
        self.speakers.clear()
        self.note.setVisible(not speakers)
        for speaker in speakers:
            item = QListWidgetItem(f"{speaker.name} ({speaker.quote_count})")
            item.setData(Qt.ItemDataRole.UserRole, speaker.id)
            self.speakers.addItem(item)

    def set_quotes(self, quotes: list[Quote], posts: dict[int, Post]) -> None:
        """What they said."""
        self._quotes = list(quotes)
        self.quotes.clear()
        for quote in quotes[:500]:  # a plain list; the real inspector pages through all of them
            item = QListWidgetItem(quote.text)
            item.setData(Qt.ItemDataRole.UserRole, (quote.post_id, quote.start, quote.end))
            self.quotes.addItem(item)

    def _speaker_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        self.speakerSelected.emit(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _quote_activated(self, item: QListWidgetItem) -> None:
        self.quoteActivated.emit(*item.data(Qt.ItemDataRole.UserRole))


class PlainCharts(_TextPane):
    """Counts instead of charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._posts = 0
        self._speakers = 0
        self._show()

    def set_posts(self, posts: list[Post]) -> None:
        """Posts to count per hour."""
        self._posts = len(posts)
        self._show()

    def set_speakers(self, speakers: list[Speaker]) -> None:
        """Speakers to count quotes of."""
        self._speakers = len(speakers)
        self._show()

    def set_journey(self, route: Route, estimates: list[Estimate], observations: list[Observation]) -> None:
        """The journey's distance against time."""
        self._show()

    def _show(self) -> None:
        self.label.setText(f"{self._posts} posts, {self._speakers} speakers. "
                           "Charts are not part of this build.")
