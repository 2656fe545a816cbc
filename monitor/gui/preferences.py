"""Preferences: the default poll interval of new sources, the time zone times are shown in,
desktop notifications on or off, and the name corrections are signed with. Kept with QSettings;
applied by the window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from monitor.model import Route
from monitor.paint.safe_text import plain_label
from monitor.service import correction_author

LOCAL = "local"
#: The interval a new source is offered, in seconds.
DEFAULT_INTERVAL_S = 60
MAX_INTERVAL_S = 86400
_KEYS = ("prefs/interval", "prefs/timezone", "prefs/notify")
_AUTHOR_KEY = "prefs/author"


@dataclass(frozen=True)
class Preferences:
    """What the reader chose."""

    interval: int = DEFAULT_INTERVAL_S
    #: "local", "UTC" or an IANA zone name (a stop's zone).
    timezone: str = LOCAL
    notify: bool = True
    #: The name the analyst's corrections are signed with; blank: the user logged in.
    author: str = ""

    def zone(self) -> tzinfo | None:
        """The display zone as a tzinfo; None for the system's local zone (also for a zone
        name this system does not know)."""
        if self.timezone == LOCAL:
            return None
        if self.timezone == "UTC":
            return UTC
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return None


def _as_bool(value: object, default: bool) -> bool:
    # An INI file gives "true"/"false" back as text.
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def load_preferences(settings: QSettings) -> Preferences:
    """The saved preferences (the defaults for anything not saved or unreadable)."""
    interval_key, zone_key, notify_key = _KEYS
    try:
        interval = int(str(settings.value(interval_key, DEFAULT_INTERVAL_S)))
    except (TypeError, ValueError):
        interval = DEFAULT_INTERVAL_S
    interval = min(max(interval, 1), MAX_INTERVAL_S)
    zone = str(settings.value(zone_key, LOCAL) or LOCAL)
    author = str(settings.value(_AUTHOR_KEY, "") or "").strip()
    return Preferences(interval, zone, _as_bool(settings.value(notify_key), True), author)


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    """Keep the preferences for the next run."""
    interval_key, zone_key, notify_key = _KEYS
    settings.setValue(interval_key, prefs.interval)
    settings.setValue(zone_key, prefs.timezone)
    settings.setValue(notify_key, prefs.notify)
    settings.setValue(_AUTHOR_KEY, prefs.author)
    settings.sync()


def zone_choices(route: Route | None, current: str = LOCAL) -> list[tuple[str, str]]:
    """(label, zone) for the zone box: local, UTC, then each zone of the journey's stops (named
    by the stops in it), and the saved zone if it is none of those."""
    choices = [("Local time (this computer)", LOCAL), ("UTC", "UTC")]
    stops: dict[str, list[str]] = {}
    for stop in route.stops if route else []:
        if stop.timezone and stop.timezone != "UTC":
            stops.setdefault(stop.timezone, []).append(stop.name)
    for zone, names in stops.items():
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        choices.append((f"{shown} ({zone})", zone))
    if current not in {z for _, z in choices}:
        choices.append((current, current))
    return choices


class PreferencesDialog(QDialog):
    """Edit the preferences."""

    def __init__(self, prefs: Preferences, route: Route | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.interval = QSpinBox(self)
        self.interval.setObjectName("prefsInterval")
        self.interval.setRange(1, MAX_INTERVAL_S)
        self.interval.setSuffix(" s")
        self.interval.setValue(prefs.interval)
        self.zone = QComboBox(self)
        self.zone.setObjectName("prefsZone")
        for label, zone in zone_choices(route, prefs.timezone):
            self.zone.addItem(label, zone)
        self.zone.setCurrentIndex(max(0, self.zone.findData(prefs.timezone)))
        self.notify = QCheckBox("Show a desktop notification for alerts", self)
        self.notify.setObjectName("prefsNotify")
        self.notify.setChecked(prefs.notify)
        self.author = QLineEdit(prefs.author, self)
        self.author.setObjectName("prefsAuthor")
        self.author.setPlaceholderText(correction_author())
        self.author.setMaxLength(80)
        self.interval.setMinimumWidth(120)
        self.zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form = QFormLayout()
        # Fields keep their own width: a wide dialog does not stretch a number across it.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Poll new sources every", self.interval)
        form.addRow("Show times in", self.zone)
        form.addRow("Notifications", self.notify)
        form.addRow("Sign corrections as", self.author)
        note = plain_label("The interval is what Add source offers; each source keeps its own "
                           "(Sources → Interval…). Times of the route's stops can be shown in "
                           "their own zones.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def preferences(self) -> Preferences:
        """The preferences as edited."""
        return Preferences(self.interval.value(), str(self.zone.currentData()), self.notify.isChecked(),
                           self.author.text().strip())
