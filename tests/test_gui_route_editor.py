"""The route editor (monitor/gui/route_editor.py): its stop model passes Qt's model tester, its
delegates edit kind, gauge, km and time zone, a problem is shown beside its row with Save
disabled, and a route made by hand is saved, loads with the loader and is followed by the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_ROUTE
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QStyleOptionViewItem

from monitor.gui.route_editor import DWELL, GAUGE, KIND, KM, LAT, LON, NAME, PROBLEM, ZONE, RouteEditor
from monitor.journey.editing import BY_HAND, draft_from_route, new_draft
from monitor.journey.geodesy import distance_m
from monitor.journey.route import load_route
from monitor.service import Monitor

# Four stops of the seed's route by their coordinates (ROUTE-FACTS.md) and one typed km.
HAND_STOPS = [("Rajin", "origin", None, 42.2497, 130.2892, 1435, None),
              ("Tumangang", "gauge_change", None, 42.4214, 130.6081, 1520, 90),
              ("Khasan", "ceremony", None, 42.4281, 130.6453, 1520, 60),
              ("Vladivostok", "destination", 400.0, None, None, 1520, None)]


@pytest.fixture
def routes_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "my-routes"
    monkeypatch.setenv("MONITOR_ROUTES", str(folder))
    return folder


def _editor(qtbot, draft=None, on_use=None) -> RouteEditor:
    editor = RouteEditor(None, draft, on_use=on_use)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _commit(editor: RouteEditor, row: int, column: int, value) -> None:
    """Edit a cell the way the view does: the column's delegate makes the editor and sets the model."""
    index = editor.model.index(row, column)
    delegate = editor.table.itemDelegateForColumn(column) or editor.table.itemDelegate()
    widget = delegate.createEditor(editor.table.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(widget, index)
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findText(str(value)))
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(str(value))
    delegate.setModelData(widget, editor.model, index)
    widget.deleteLater()


def _fill(editor: RouteEditor) -> None:
    editor.title_edit.setText("Rajin → Vladivostok")
    editor.title_edit.textEdited.emit("Rajin → Vladivostok")  # as typing does: the name follows
    editor.zone_edit.setText("Asia/Pyongyang")
    while editor.model.rowCount() < len(HAND_STOPS):
        editor.table.setCurrentIndex(editor.model.index(0, NAME))
        editor.add_button.click()
    for row, (name, kind, km, lat, lon, gauge, dwell) in enumerate(HAND_STOPS):
        _commit(editor, row, NAME, name)
        _commit(editor, row, KIND, kind)
        _commit(editor, row, KM, "" if km is None else km)
        _commit(editor, row, LAT, "" if lat is None else lat)
        _commit(editor, row, LON, "" if lon is None else lon)
        _commit(editor, row, GAUGE, gauge)
        _commit(editor, row, DWELL, "" if dwell is None else dwell)
    _commit(editor, 2, ZONE, "Asia/Vladivostok")
    _commit(editor, 3, ZONE, "Asia/Vladivostok")


def test_the_stop_model_passes_the_model_tester(qtbot, qtmodeltester):
    editor = _editor(qtbot, draft_from_route(load_route(SEED_ROUTE)))
    qtmodeltester.check(editor.model)
    editor.add_stop()
    editor.move_stop(-1)
    editor.remove_stop()
    qtmodeltester.check(editor.model)
    empty = _editor(qtbot)
    qtmodeltester.check(empty.model)


def test_a_problem_is_shown_beside_its_row_and_save_waits_until_it_is_fixed(qtbot):
    editor = _editor(qtbot, draft_from_route(load_route(SEED_ROUTE)))
    assert editor.save_button.isEnabled()
    assert editor.problems_label.text() == "Valid: 16 stops, 1183.2 km"
    _commit(editor, 4, KM, "100")
    model = editor.model
    assert not editor.save_button.isEnabled()
    assert model.headerData(4, Qt.Orientation.Vertical) == "⚠ 5"
    assert model.headerData(3, Qt.Orientation.Vertical) == "4"
    assert model.index(4, PROBLEM).data() == "100 is not greater than the previous stop's 544.6"
    assert model.index(4, KM).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(4, NAME).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "stop 5 'Kilju Chongnyon': field 'km'" in editor.problems_label.text()
    _commit(editor, 4, KM, "586.9")
    assert editor.save_button.isEnabled() and model.headerData(4, Qt.Orientation.Vertical) == "5"


def test_the_delegates_edit_kind_gauge_km_and_zone(qtbot):
    editor = _editor(qtbot, draft_from_route(load_route(SEED_ROUTE)))
    model = editor.model
    _commit(editor, 1, KIND, "border")
    assert editor.draft.rows[1].kind == "border"
    _commit(editor, 1, GAUGE, "none")
    assert editor.draft.rows[1].gauge is None
    assert model.index(1, GAUGE).data() == "none"
    # One gauge per row, the one after the stop: the next stop's gauge before follows, so they join.
    assert editor.checked.data["stops"][2]["gauge_before"] is None and editor.save_button.isEnabled()
    _commit(editor, 1, GAUGE, "1435")
    # Hamhung's km left empty: measured from Pyongyang's coordinates, shown grey and italic.
    _commit(editor, 1, KM, "")
    expected = round(distance_m(39.0047, 125.7364, 39.917, 127.533) / 1000, 3)
    assert model.index(1, KM).data() == repr(expected)
    assert model.index(1, KM).data(Qt.ItemDataRole.FontRole).italic()
    assert "from coordinates" in model.index(1, KM).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, KM).data(Qt.ItemDataRole.EditRole) == ""
    assert not model.setData(model.index(1, LAT), "north")  # not a number: refused, nothing changed
    assert editor.draft.rows[1].lat == 39.917
    assert model.index(5, ZONE).data() == "Asia/Pyongyang"  # the route's zone, for an empty cell
    _commit(editor, 5, ZONE, "Europe/Nowhere")
    assert model.headerData(5, Qt.Orientation.Vertical) == "⚠ 6"
    assert not model.setData(model.index(0, PROBLEM), "x")
    assert not model.flags(model.index(0, PROBLEM)) & Qt.ItemFlag.ItemIsEditable


def test_rows_are_added_removed_and_moved(qtbot):
    editor = _editor(qtbot, new_draft())
    model = editor.model
    assert model.rowCount() == 2
    editor.table.setCurrentIndex(model.index(0, NAME))
    editor.add_stop()  # after the current row
    assert model.rowCount() == 3 and editor.draft.rows[1].kind == "station"
    _commit(editor, 1, NAME, "Middle")
    editor.table.setCurrentIndex(model.index(1, NAME))
    editor.down_button.click()
    assert [r.name for r in editor.draft.rows] == ["", "", "Middle"]
    assert editor.table.currentIndex().row() == 2
    editor.up_button.click()
    editor.up_button.click()
    assert [r.name for r in editor.draft.rows] == ["Middle", "", ""]
    assert not editor.up_button.isEnabled()
    editor.remove_button.click()
    assert model.rowCount() == 2 and "Middle" not in [r.name for r in editor.draft.rows]
    assert not editor.remove_button.isEnabled()  # a route keeps two stops
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)  # onto itself: refused


def test_a_four_stop_route_made_by_hand_is_saved_reloaded_and_followed(qtbot, routes_folder, db_path):
    used: list[str] = []
    editor = _editor(qtbot, new_draft(), on_use=used.append)
    _fill(editor)
    assert editor.draft.name == "rajin-vladivostok"
    assert editor.save_button.isEnabled(), editor.problems_label.text()
    tumangang_km = distance_m(42.2497, 130.2892, 42.4214, 130.6081) / 1000
    assert editor.checked.km[1] == pytest.approx(tumangang_km, abs=0.001)
    with qtbot.waitSignal(editor.accepted):
        path = editor.save()
    assert path == routes_folder / "rajin-vladivostok.json" and used == [str(path)]
    route = load_route(path)
    assert [(s.name, s.kind, s.gauge_before, s.gauge_after) for s in route.stops] == [
        ("Rajin", "origin", 1435, 1435), ("Tumangang", "gauge_change", 1435, 1520),
        ("Khasan", "ceremony", 1520, 1520), ("Vladivostok", "destination", 1520, 1520)]
    assert route.stops[3].km == 400.0 and route.stops[1].dwell_minutes == 90
    assert route.stops[2].timezone == "Asia/Vladivostok" and route.stops[0].timezone == "Asia/Pyongyang"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["stops"][3]["provenance"]["km"] == BY_HAND
    assert "straight line" in raw["stops"][2]["provenance"]["km"]
    with Monitor(db_path) as monitor:
        monitor.use_route(used[0])
        assert monitor.route().name == "rajin-vladivostok" and len(monitor.route().stops) == 4


def test_the_window_edits_the_route_in_use_and_follows_the_saved_file(qtbot, main_window, routes_folder,
                                                                     seeded_db):
    controls = main_window.journey
    controls.menu.aboutToShow.emit()  # as opening View → Journey does
    texts = [a.text() for a in controls.menu.actions()]
    assert "&New route…" in texts and "&Edit route…" in texts
    edit = next(a for a in controls.menu.actions() if a.text() == "&Edit route…")
    assert edit.isEnabled()  # the seed follows a route
    edit.trigger()
    editor = controls.editor
    assert editor is not None and editor.isVisible() and editor.windowTitle() == "Edit route"
    assert [r.name for r in editor.draft.rows][0] == "Pyongyang" and editor.model.rowCount() == 16
    assert editor.follow_check.isChecked() and not editor.follow_check.isHidden()
    editor.name_edit.setText("seed-by-hand")
    editor.name_edit.textEdited.emit("seed-by-hand")
    editor.title_edit.setText("The seed's route, by hand")
    editor.title_edit.textEdited.emit("The seed's route, by hand")
    _commit(editor, 10, DWELL, "120")  # a longer wheel change at Tumangang
    with qtbot.waitSignal(main_window.snapshotApplied, timeout=15000):
        path = editor.save()
    assert path == routes_folder / "seed-by-hand.json"
    qtbot.waitUntil(lambda: controls.current == "seed-by-hand", timeout=10000)
    assert main_window.route_bar.route().stops[10].dwell_minutes == 120
    assert ("The seed's route, by hand", True) in controls.choices()  # listed from the folder, in use
    with Monitor(seeded_db) as monitor:
        assert monitor.route().name == "seed-by-hand" and monitor.route().stops[10].dwell_minutes == 120


def test_new_route_opens_an_empty_route_with_an_origin_and_a_destination(qtbot, main_window):
    controls = main_window.journey
    controls.menu.aboutToShow.emit()
    new = next(a for a in controls.menu.actions() if a.text() == "&New route…")
    new.trigger()
    editor = controls.editor
    assert editor is not None and editor.windowTitle() == "New route"
    assert [r.kind for r in editor.draft.rows] == ["origin", "destination"]
    assert not editor.save_button.isEnabled() and editor.save() is None  # nothing written
    editor.reject()


def test_a_route_that_cannot_be_written_is_named_and_the_dialog_stays_open(qtbot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    used: list[str] = []
    editor = RouteEditor(None, draft_from_route(load_route(SEED_ROUTE)), on_use=used.append,
                         folder=blocker / "routes")
    qtbot.addWidget(editor)
    editor.show()
    assert editor.save() is None and used == []  # nothing followed
    box = next(w for w in editor.findChildren(QMessageBox))
    assert "cannot write" in box.text() and "pyongyang-vladivostok.json" in box.text()
    assert editor.isVisible() and editor.result() == 0


def test_a_stop_name_with_markup_is_shown_as_written(qtbot, tmp_path):
    canary = tmp_path / "canary.png"
    hostile = f"<img src='file://{canary}'><b>Bold</b>"
    draft = draft_from_route(load_route(SEED_ROUTE))
    draft.rows[1].name = hostile
    draft.rows[1].km = 1.0e9  # a problem, so the name reaches the tooltips and the list
    editor = _editor(qtbot, draft)
    model = editor.model
    assert model.index(1, NAME).data() == hostile  # a table cell is plain text
    for tip in (model.index(1, KM).data(Qt.ItemDataRole.ToolTipRole),
                model.headerData(1, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)):
        assert tip.startswith("<p style='white-space:pre'>") and "<img" not in tip and "&lt;img" in tip
    assert editor.problems_label.textFormat() == Qt.TextFormat.PlainText
    assert hostile in editor.problems_label.text()
