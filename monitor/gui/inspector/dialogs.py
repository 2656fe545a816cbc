"""The analyst's corrections as dialogs: reassign a quote, merge two speakers.

Each says what will happen and that the change survives re-extraction; the confirm button stays
disabled until a speaker is chosen. (Reject is a question box the pane builds itself.)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from monitor.gui.inspector.text import quote_html
from monitor.model import Quote, Speaker
from monitor.paint.safe_text import escape


def _speaker_label(speaker: Speaker) -> str:
    extra = ", ".join(x for x in (speaker.role, speaker.organisation) if x)
    return f"{speaker.name} — {extra}" if extra else f"{speaker.name} ({speaker.kind})"


class _ChooseSpeakerDialog(QDialog):
    """A small dialog: an explanation, a list of speakers to choose from, and a confirm button."""

    def __init__(
        self, parent: QWidget | None, title: str, message: str, confirm: str,
        speakers: Sequence[Speaker], exclude: int | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        self.combo = QComboBox()
        self.combo.addItem("Choose a speaker…", None)
        for speaker in sorted(speakers, key=lambda s: s.name.casefold()):
            if speaker.id != exclude:
                self.combo.addItem(_speaker_label(speaker), speaker.id)
        layout.addWidget(self.combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(confirm)
        self.confirm_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combo.currentIndexChanged.connect(
            lambda _: self.confirm_button.setEnabled(self.selected_speaker_id() is not None)
        )

    def selected_speaker_id(self) -> int | None:
        """The chosen speaker's id, or None while nothing is chosen."""
        value = self.combo.currentData()
        return int(value) if value is not None else None

    def choose(self, speaker_id: int) -> None:
        """Select ``speaker_id`` in the list (as the analyst would)."""
        index = self.combo.findData(speaker_id)
        if index < 0:
            raise ValueError(f"speaker {speaker_id} is not offered in this dialog")
        self.combo.setCurrentIndex(index)


class ReassignDialog(_ChooseSpeakerDialog):
    """Choose who really said a quote."""

    def __init__(self, parent: QWidget | None, quote: Quote, current: str,
                 speakers: Sequence[Speaker]) -> None:
        esc = escape
        message = (
            f"<p><b>{quote_html(quote)}</b></p>"
            f"<p>Now attributed to <b>{esc(current)}</b>. Choose who said it. The change is kept as "
            "your correction: re-extraction will not undo it.</p>"
        )
        super().__init__(parent, "Reassign quote", message, "Reassign", speakers, quote.speaker_id)
        self.quote = quote


class MergeDialog(_ChooseSpeakerDialog):
    """Choose the speaker another one is the same person (or body) as."""

    def __init__(self, parent: QWidget | None, merge: Speaker, speakers: Sequence[Speaker]) -> None:
        esc = escape
        message = (
            f"<p>Merge <b>{esc(merge.name)}</b> ({merge.quote_count} quote"
            f"{'s' if merge.quote_count != 1 else ''}) into another speaker.</p>"
            f"<p>All quotes of {esc(merge.name)} move to the speaker you choose, and "
            f"“{esc(merge.name)}” becomes one of their names. Kept as your correction.</p>"
        )
        super().__init__(parent, "Merge speakers", message, "Merge", speakers, merge.id)
        self.merge = merge
