"""Preferences on a real window: kept in QSettings, the display time zone used for times, the
journey's stops offered as zones, notifications off, the interval Add source offers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDialog

from monitor.gui.formatting import row_time, set_display_zone
from monitor.gui.preferences import Preferences, load_preferences


@pytest.fixture(autouse=True)
def _local_zone_after():
    yield
    set_display_zone(None)


def test_preferences_are_kept_and_applied(qtbot, main_window, gui_settings):
    window = main_window
    assert window.act_preferences in window.menuBar().actions()[0].menu().actions()
    window.act_preferences.trigger()
    dialog = window.preferences_dialog
    zones = [dialog.zone.itemData(i) for i in range(dialog.zone.count())]
    # Local, UTC, then the zones of the seed journey's stops (Pyongyang, then Russia's Far East).
    assert zones[:2] == ["local", "UTC"] and "Asia/Pyongyang" in zones and "Asia/Vladivostok" in zones
    label = dialog.zone.itemText(zones.index("Asia/Vladivostok"))
    assert "Vladivostok" in label and "Khasan" in label
    dialog.interval.setValue(900)
    dialog.zone.setCurrentIndex(zones.index("Asia/Vladivostok"))
    dialog.notify.setChecked(False)
    dialog.done(QDialog.DialogCode.Accepted)

    assert load_preferences(gui_settings) == Preferences(900, "Asia/Vladivostok", False)
    now = datetime(2023, 9, 12, 12, tzinfo=UTC)
    assert row_time("2023-09-12T06:00:00Z", "minute", now).startswith("Tue 12 Sep, 16:00")
    # Notifications off: an alert is counted in the title but raises nothing.
    window._alerts_arrived({1: ["Khasan"]})
    assert window.notifier.sent == [] and window.windowTitle().startswith("(1 alert)")
    # Add source offers the preferred interval.
    window.act_add_source.trigger()
    assert window.sources_pane.dialog.interval.value() == 900
    window.sources_pane.dialog.reject()

    window.set_preferences(Preferences(60, "UTC", True))
    assert row_time("2023-09-12T06:00:00Z", "minute", now).startswith("Tue 12 Sep, 6:00")
    window._alerts_arrived({2: ["arrived"]})
    assert len(window.notifier.sent) == 1


def test_a_new_window_reads_the_saved_preferences(qtbot, gui_settings):
    from monitor.gui.app import make_application
    from monitor.gui.main_window import MainWindow

    gui_settings.setValue("prefs/interval", "120")
    gui_settings.setValue("prefs/timezone", "UTC")
    gui_settings.setValue("prefs/notify", "false")
    make_application([])
    window = MainWindow(gui_settings)
    qtbot.addWidget(window)
    assert window.prefs == Preferences(120, "UTC", False)
    assert window.sources_pane.default_interval == 120 and not window.notifier.enabled
    now = datetime(2023, 9, 12, 12, tzinfo=UTC)
    assert row_time("2023-09-12T06:05:00Z", "minute", now).startswith("Tue 12 Sep, 6:05")


def test_an_unknown_saved_zone_falls_back_to_local(gui_settings):
    gui_settings.setValue("prefs/timezone", "Mars/Olympus")
    gui_settings.setValue("prefs/interval", "soon")
    prefs = load_preferences(gui_settings)
    assert prefs.zone() is None and prefs.interval == 60
