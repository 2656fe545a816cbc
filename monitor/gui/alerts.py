"""Alert keywords: saved in QSettings, edited in a small dialog, announced in the tray."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

SETTINGS_KEY = "alerts/keywords"
DEFAULT_KEYWORDS = ("Khasan", "arrived")


def load_keywords(settings: QSettings) -> tuple[str, ...]:
    """The saved keywords (the defaults on first run)."""
    value = settings.value(SETTINGS_KEY)
    if value is None:
        return DEFAULT_KEYWORDS
    if isinstance(value, str):
        value = [value]
    return tuple(k.strip() for k in value if str(k).strip())


def save_keywords(settings: QSettings, keywords: tuple[str, ...]) -> None:
    """Keep the keywords for the next run."""
    settings.setValue(SETTINGS_KEY, list(keywords))


class KeywordsDialog(QDialog):
    """Edit alert keywords, one per line."""

    def __init__(self, keywords: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Alert keywords")
        self.edit = QPlainTextEdit("\n".join(keywords), self)
        self.edit.setObjectName("alertKeywords")
        note = QLabel("One word or phrase per line (a place, a speaker's name). New posts that "
                      "mention one are marked, counted in the window title and announced.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def keywords(self) -> tuple[str, ...]:
        """The keywords as edited, blanks and repeats dropped."""
        seen: dict[str, str] = {}
        for line in self.edit.toPlainText().splitlines():
            word = line.strip()
            if word and word.lower() not in seen:
                seen[word.lower()] = word
        return tuple(seen.values())


class Notifier:
    """Desktop notifications through a tray icon, where the desktop has a tray."""

    def __init__(self, icon: QIcon, parent: QWidget) -> None:
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, parent)
            self.tray.setToolTip("Situation Monitor")
            self.tray.show()
        self.sent: list[tuple[str, str]] = []
        #: Preferences → Notifications: off, nothing is raised (nor kept in ``sent``).
        self.enabled = True
        self.beeps = 0

    def notify(self, title: str, text: str) -> None:
        """Raise a desktop notification (kept in ``sent`` either way) unless notifications are off."""
        if not self.enabled:
            return
        self.sent.append((title, text))
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def beep(self) -> None:
        """Sound an alert (the desktop's bell; counted in ``beeps``) unless notifications are off."""
        if not self.enabled:
            return
        self.beeps += 1
        QApplication.beep()
