"""A journey belongs to a database and may be none: a story without one shows no journey anywhere.

A store made from a live blog on another story (Prime Minister's Questions) follows no route: the
window's route pane is one line with a button and the distance chart is not shown, the report
leaves out the route bar, the journey figures, the chart and the stops ahead, and ``monitor
route`` says so with exit status 0. The seed keeps its route because its seeds folder names it;
a story that names three stops of a shipped route is offered it, never given it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FEED_SAMPLES, SEED, SEED_ROUTE, open_main_window
from page_text import overview_texts
from PySide6.QtGui import QImage

from monitor.cli import cli
from monitor.report import render_report
from monitor.report.briefing import gather
from monitor.service import Monitor

PMQS = FEED_SAMPLES / "gu_live_pmqs.liveblogposting.jsonld"
#: Words only a journey element would print.
JOURNEY_WORDS = ("Travelled", "To go", "Next stop", "Stops ahead", "Distance over time", "Pyongyang",
                 "Vladivostok", "km")


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def pmqs_db(db_path: Path) -> Path:
    """A new store holding a live blog with no journey in it."""
    with Monitor(db_path) as monitor:
        assert all(r.ok for r in monitor.ingest_path(PMQS))
    return db_path


# -- the store and the service ----------------------------------------------------------------------


def test_a_new_store_follows_no_journey_and_keeps_no_route_reports(pmqs_db):
    with Monitor(pmqs_db) as monitor:
        assert monitor.route() is None
        assert monitor.journey.route_names() == []  # nothing was stored for a default route
        assert monitor.journey.observation_count() == 0
        situation = monitor.situation()
        assert situation.route is None and situation.estimate is None
        assert situation.chart == () and situation.observations == () and situation.timeline() == []
        assert situation.suggestion is None  # PMQs names no stop of a shipped route
        assert situation.span is not None  # the story's own span, from its posts


def test_seeding_applies_the_route_its_folder_names(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    (seeds / "seed-route.txt").write_text(f"{SEED_ROUTE}\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_SEEDS", str(seeds))
    with Monitor(tmp_path / "seeded.db") as monitor:
        reports = monitor.seed_if_empty()
        assert [r.added for r in reports] == [5]  # the choice file is no story
        assert monitor.route() is not None and monitor.route().name == SEED_ROUTE
        assert monitor.situation().estimate is not None
    (seeds / "seed-route.txt").unlink()  # a seeds folder that names no route gives no journey
    with Monitor(tmp_path / "plain.db") as monitor:
        monitor.seed_if_empty()
        assert monitor.route() is None


def test_a_store_made_before_routes_could_be_none_keeps_its_route(seeded_db):
    # Stores from earlier versions have no "journey.route" setting; they followed the default route
    # and have route reports matched to it. They keep it: no migration needed.
    with sqlite3.connect(seeded_db) as conn:
        conn.execute("delete from settings where key = 'journey.route'")
    with Monitor(seeded_db) as monitor:
        assert monitor.route() is not None and monitor.route().name == SEED_ROUTE


def test_none_is_a_choice_and_drops_the_route_reports(seeded_db):
    with Monitor(seeded_db) as monitor:
        assert monitor.journey.observation_count() > 0
        monitor.use_route("none")
        assert monitor.route() is None and monitor.journey.observation_count() == 0
    with Monitor(seeded_db) as monitor:  # kept in the store
        assert monitor.route() is None
        found = monitor.route_suggestion()
        assert found is not None and found.route == SEED_ROUTE
        assert {"Pyongyang", "Tumangang", "Khasan"} <= set(found.stops)
        assert found.text().startswith("This story mentions Pyongyang, Tumangang, Khasan")
        assert found.text().endswith("— follow Pyongyang → Tumangang → Khasan → Vladivostok?")
        assert monitor.route() is None  # a suggestion chooses nothing
        monitor.use_route(SEED_ROUTE)
        assert monitor.situation().estimate is not None


def test_a_route_from_a_map_is_followed(pmqs_db):
    geojson = Path(__file__).parent / "data" / "routes" / "pyongyang-vladivostok.geojson"
    with Monitor(pmqs_db) as monitor:
        route = monitor.use_route(str(geojson))
        assert route is not None and monitor.route() == route
        assert monitor.situation().estimate is not None


# -- the command ------------------------------------------------------------------------------------


def test_route_command_says_there_is_no_journey(pmqs_db):
    result = _run("route", "--db", str(pmqs_db))
    assert result.exit_code == 0
    assert "No journey" in result.output and "--use" in result.output
    result = _run("route", "--db", str(pmqs_db), "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == {"route": None, "suggestion": None}
    result = _run("route", "--db", str(pmqs_db), "--timeline", "--json")
    assert json.loads(result.output)["route"] is None


def test_route_command_chooses_and_suggests(seeded_db):
    assert _run("route", "--db", str(seeded_db), "--use", "none").exit_code == 0
    result = _run("route", "--db", str(seeded_db), "--json")
    data = json.loads(result.output)
    assert data["route"] is None and data["suggestion"]["route"] == SEED_ROUTE
    text = _run("route", "--db", str(seeded_db)).output
    assert "Suggestion: This story mentions Pyongyang, Tumangang" in text
    assert f"monitor route --use {SEED_ROUTE}" in text
    result = _run("route", "--db", str(seeded_db), "--use", SEED_ROUTE, "--json")
    assert json.loads(result.output)["route"] == SEED_ROUTE
    bad = _run("route", "--db", str(seeded_db), "--use", "no-such-route")
    assert bad.exit_code != 0 and "no-such-route" in bad.output


# -- the report -------------------------------------------------------------------------------------


def _page_one_texts(briefing) -> str:
    return "\n".join(overview_texts(briefing))


def test_the_report_leaves_out_every_journey_element(pmqs_db, tmp_path, qapp):
    with Monitor(pmqs_db) as monitor:
        briefing = gather(monitor)
        assert briefing.route is None and briefing.estimate is None and briefing.track == ()
        pdf = render_report(monitor, tmp_path / "pmqs.pdf")
        png = render_report(monitor, tmp_path / "pmqs.png")
    assert pdf.read_bytes().startswith(b"%PDF") and png.stat().st_size > 0
    text = _page_one_texts(briefing)
    assert "LATEST POSTS" in text.upper() and "POSTS" in text
    for word in JOURNEY_WORDS:
        assert not re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), word
    # The seed's page draws them all (so the check above can fail).
    with Monitor(tmp_path / "seed.db") as seed:
        seed.use_route(SEED_ROUTE)
        seed.ingest_path(SEED)
        seed_briefing = gather(seed)
        render_report(seed, tmp_path / "seed.png")
    seed_text = _page_one_texts(seed_briefing)
    for word in ("Travelled", "To go", "Next stop", "Distance over time"):
        assert re.search(rf"\b{re.escape(word)}\b", seed_text, re.IGNORECASE), word
    # No route bar: under the header the page goes straight to the figure tiles' panel grey,
    # where the seed's report first has the bar.
    assert _rows_until_tiles(QImage(str(png))) < _rows_until_tiles(QImage(str(tmp_path / "seed.png"))) - 60


def _rows_until_tiles(image: QImage) -> int:
    """The first row below the header whose left margin is the figure tiles' panel grey."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    for y in range(100, image.height()):
        colour = image.pixelColor(60, y)
        rgb = (colour.red(), colour.green(), colour.blue())
        if all(abs(c - want) <= 4 for c, want in zip(rgb, (0xF4, 0xF6, 0xF9), strict=True)):
            return y
    return image.height()


# -- the window -------------------------------------------------------------------------------------


def _journey_menu(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a.menu() for a in view.actions() if a.menu() is not None and a.text() == "&Journey")


def test_the_window_shows_no_journey_anywhere(qtbot, gui_settings, pmqs_db):
    window = open_main_window(qtbot, gui_settings, pmqs_db)
    try:
        controls = window.journey
        assert window.snapshot is not None and window.snapshot.route is None
        assert controls.collapsed() and window.route_bar.isHidden()
        assert controls.label.text() == "No journey — choose or import a route"
        assert controls.choose_button.isVisibleTo(window)
        assert controls.pane.height() <= controls.strip.sizeHint().height() + 2  # one line
        dock = window.docks["route"]  # and the dock around it no taller than its title and that line
        title = dock.widget().geometry().top()
        qtbot.waitUntil(lambda: dock.height() <= title + controls.strip.sizeHint().height() + 8,
                        timeout=5000)
        # and the room it gave up goes to the feed and the inspector, not to an empty band
        for below in (window.docks["feed"], window.docks["inspector"]):
            qtbot.waitUntil(lambda below=below: below.geometry().top() - dock.geometry().bottom() <= 10,
                            timeout=5000)
        assert controls.follow_button.isHidden()  # nothing to suggest for PMQs
        assert window.charts.journey_plot.isHidden()  # no distance chart
        assert window.charts.posts_plot.isVisibleTo(window)
        menu = _journey_menu(window)
        assert menu is controls.menu
        choices = controls.choices()
        assert ("&None", True) in choices
        assert ("Pyongyang → Tumangang → Khasan → Vladivostok", False) in choices
        assert window.route_bar.status_text() == "No journey — choose or import a route"
    finally:
        window.runner.shutdown()


def test_the_window_offers_a_route_the_story_names_and_follows_it_when_asked(qtbot, gui_settings,
                                                                           seeded_db):
    with Monitor(seeded_db) as monitor:
        monitor.use_route("none")
    window = open_main_window(qtbot, gui_settings, seeded_db)
    try:
        controls = window.journey
        assert controls.collapsed() and window.charts.journey_plot.isHidden()
        assert controls.follow_button.isVisibleTo(window)
        text = controls.suggestion_label.text()
        assert text.startswith("This story mentions Pyongyang, Tumangang, Khasan")
        assert text.endswith("follow Pyongyang → Tumangang → Khasan → Vladivostok?")
        with Monitor(seeded_db) as monitor:
            assert monitor.route() is None  # offered, not chosen
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            controls.follow_button.click()
        qtbot.waitUntil(lambda: not controls.collapsed(), timeout=10000)
        assert window.route_bar.route() is not None and window.route_bar.estimate() is not None
        assert not window.charts.journey_plot.isHidden()
        assert ("Pyongyang → Tumangang → Khasan → Vladivostok", True) in controls.choices()
        # And back to none from the menu.
        none = next(a for a in controls.menu.actions() if a.text() == "&None")
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            none.trigger()
        qtbot.waitUntil(controls.collapsed, timeout=10000)
        with Monitor(seeded_db) as monitor:
            assert monitor.route() is None
    finally:
        window.runner.shutdown()


def test_ingesting_the_seeds_folder_reads_only_the_story(db_path):
    with Monitor(db_path) as monitor:
        reports = monitor.ingest_path(SEED.parent)
        assert [r.where.rsplit("/", 1)[-1] for r in reports] == [SEED.name]
        assert monitor.posts.count() == 5


def test_the_window_imports_a_route_from_a_map_and_names_a_bad_file(qtbot, gui_settings, pmqs_db, tmp_path):
    window = open_main_window(qtbot, gui_settings, pmqs_db)
    try:
        controls = window.journey
        bad = tmp_path / "broken.geojson"
        bad.write_text("{not json", encoding="utf-8")
        controls.import_route(str(bad))
        qtbot.waitUntil(lambda: getattr(window, "warning_box", None) is not None, timeout=10000)
        assert "broken.geojson" in window.warning_box.text()
        assert controls.collapsed()  # nothing changed
        geojson = Path(__file__).parent / "data" / "routes" / "pyongyang-vladivostok.geojson"
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            controls.import_route(str(geojson))
        qtbot.waitUntil(lambda: not controls.collapsed(), timeout=10000)
        route = window.route_bar.route()
        assert route is not None and route.stops[0].name == "Pyongyang"
        # The drawn route shares the shipped one's name: the menu shows which is in use.
        assert (f"{route.title} (in use)", True) in controls.choices()
        assert ("Pyongyang → Tumangang → Khasan → Vladivostok", False) in controls.choices()
    finally:
        window.runner.shutdown()
