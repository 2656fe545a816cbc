"""The route progress bar: geometry, labels, clicks, tooltips and what it paints."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from gui_samples import (
    SAMPLE_AT,
    sample_estimate,
    sample_estimates,
    sample_observations,
    sample_route,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from monitor.model import Route, Stop, StopEta
from monitor.paint.route_bar import (
    COMPRESS_KM,
    MIN_GAP_PX,
    BarColours,
    KmScale,
    RouteBar,
    format_window,
)

WIDTHS = (600, 1000, 1600, 2500)
KEY_STOPS = ("Pyongyang", "Tumangang", "Friendship Bridge", "Khasan", "Vladivostok")


@pytest.fixture
def bar(qtbot):
    widget = RouteBar()
    qtbot.addWidget(widget)
    widget.set_route(sample_route())
    widget.set_estimate(sample_estimate())
    widget.set_observations(sample_observations())
    widget.resize(1000, widget.sizeHint().height())
    return widget


def colour_count(image: QImage, colour: QColor, tolerance: int = 8) -> int:
    """How many pixels of ``image`` are within ``tolerance`` of ``colour`` on every channel."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    target = (colour.red(), colour.green(), colour.blue())
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            pixel = image.pixelColor(x, y)
            if all(abs(a - b) <= tolerance for a, b in zip((pixel.red(), pixel.green(), pixel.blue()),
                                                           target, strict=True)):
                count += 1
    return count


def distinct_colours(image: QImage) -> int:
    """The number of distinct colours in ``image``, sampled every other pixel."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return len({image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)})


def assert_no_overlap(widget: RouteBar, width: int) -> None:
    layout = widget.bar_layout(width)
    rects = layout.all_label_rects()
    for (name_a, a), (name_b, b) in itertools.combinations(rects, 2):
        assert not a.intersects(b), f"at {width}px the labels of {name_a} and {name_b} overlap: {a} {b}"
    bounds = (0, 0, width, layout.height)
    for name, rect in rects:
        assert rect.left() >= bounds[0] and rect.right() <= bounds[2], f"{name} leaves the bar at {width}px"
        assert rect.top() >= layout.header.bottom() and rect.bottom() <= bounds[3], f"{name} clipped"


@pytest.mark.parametrize("width", WIDTHS)
def test_labels_do_not_overlap_and_key_stops_are_named(bar, width):
    assert_no_overlap(bar, width)
    labelled = {box.stop: box for box in bar.bar_layout(width).labels}
    for name in KEY_STOPS:
        assert name in labelled, f"{name} has no label at {width}px"
    gauge = [line.text for line in labelled["Tumangang"].lines]
    assert "gauge change 1435 → 1520 mm, ~70 min" in gauge


@pytest.mark.parametrize("width", WIDTHS)
def test_labels_do_not_overlap_through_the_whole_journey(bar, width):
    for estimate in sample_estimates(step_hours=2.5):
        bar.set_estimate(estimate)
        assert_no_overlap(bar, width)


@pytest.mark.parametrize("width", (600, 2500))
def test_a_crowded_route_drops_labels_rather_than_overlapping(qtbot, width):
    stops = [Stop("Start", 0.0, "origin")]
    stops += [Stop(f"Halt {n} Junction", 1.5 * n, "station") for n in range(1, 90)]
    stops += [Stop("End", 140.0, "destination")]
    route = Route("dense", "Dense line", tuple(stops), 60.0, 50.0)
    widget = RouteBar()
    qtbot.addWidget(widget)
    widget.set_route(route)
    assert_no_overlap(widget, width)
    boxes = widget.bar_layout(width).labels
    names = {box.stop for box in boxes}
    assert {"Start", "End"} <= names
    # 91 names of ~100 px cannot all stand in full in three rows: some are shortened or left out.
    assert len(names) < len(stops) or any(box.elided for box in boxes)


def test_scale_keeps_order_shortens_long_gaps_and_spreads_close_stops():
    route = sample_route()
    scale = KmScale(route.stops, 10, 590)
    xs = [scale.x(s.km) for s in route.stops]
    assert xs == sorted(xs)
    assert xs[0] == pytest.approx(10) and xs[-1] == pytest.approx(590)
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    assert min(gaps) >= MIN_GAP_PX - 1e-6
    compressed = [seg for seg in scale.segments if seg.compressed]
    assert {round(seg.km1 - seg.km0) for seg in compressed} == {314, 189, 197}
    assert all(seg.km1 - seg.km0 > COMPRESS_KM for seg in compressed)
    # Within a stretch the mapping is linear: half way in km is half way in x.
    seg = scale.segments[3]
    assert scale.x((seg.km0 + seg.km1) / 2) == pytest.approx((seg.x0 + seg.x1) / 2)


def test_clicking_a_stop_mark_or_its_label_emits_its_name(bar, qtbot):
    bar.show()
    qtbot.waitExposed(bar)
    for name in ("Tumangang", "Khasan", "Hamhung"):
        point = bar.stop_point(name).toPoint()
        with qtbot.waitSignal(bar.stopClicked, timeout=1000) as blocker:
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [name]
    label = next(box for box in bar.bar_layout().labels if box.stop == "Vladivostok")
    with qtbot.waitSignal(bar.stopClicked, timeout=1000) as blocker:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=label.rect.center().toPoint())
    assert blocker.args == ["Vladivostok"]
    with qtbot.assertNotEmitted(bar.stopClicked):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, 3))


def test_keyboard_walks_the_stops_and_enter_clicks(bar, qtbot):
    bar.show()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert bar.focused_stop() == sample_estimate().next_stop  # starts at the stop ahead
    qtbot.keyClick(bar, Qt.Key.Key_End)
    qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert bar.focused_stop() == "Baranovsky"
    with qtbot.waitSignal(bar.stopClicked, timeout=1000) as blocker:
        qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert blocker.args == ["Baranovsky"]


def test_tooltip_has_facts_eta_and_evidence(bar):
    tip = bar.tooltip_for("Tumangang")
    assert "1435 → 1520 mm" in tip and "Dwell ~70 min" in tip
    assert "the wheel change took about 70 minutes" in tip  # the evidence, from post 3
    assert "historical" in tip and "post 3" in tip
    assert "ETA" in tip
    kh = bar.tooltip_for("Khasan")
    assert "ceremony" in kh and "Asia/Vladivostok" in kh
    assert bar.tooltip_for("Nowhere") == ""


def test_eta_windows_are_in_the_local_time_of_each_stop(bar):
    estimate = sample_estimate()
    by_stop = {eta.stop: eta for eta in estimate.etas}
    for name, zone in (("Kyongsong", "Asia/Pyongyang"), ("Vladivostok", "Asia/Vladivostok")):
        eta = by_stop[name]
        text = format_window(eta, ZoneInfo(zone))
        assert text.startswith(eta.likely.astimezone(ZoneInfo(zone)).strftime("%H:%M"))
    assert format_window(by_stop["Kyongsong"], ZoneInfo("Asia/Pyongyang")).endswith("KST")
    assert format_window(by_stop["Vladivostok"], ZoneInfo("Asia/Vladivostok")).endswith("UTC+10")
    # The label under the next stop carries the same window.
    label = next(box for box in bar.bar_layout().labels if box.stop == "Kyongsong")
    assert format_window(by_stop["Kyongsong"], ZoneInfo("Asia/Pyongyang")) in [ln.text for ln in label.lines]


def test_window_over_midnight_names_the_days():
    day = datetime(2023, 9, 10, tzinfo=UTC)
    eta = StopEta("X", 1.0, day.replace(hour=14), day.replace(hour=16), day.replace(hour=18))
    text = format_window(eta, ZoneInfo("Asia/Pyongyang"))
    assert text == "Mon 01:00 (Sun 23:00–Mon 03:00) KST"


def test_status_text_follows_the_estimate(bar):
    assert bar.status_text().startswith("Moving · km ~650 (495–854)")
    dwelling = next(e for e in sample_estimates(0.25) if e.state == "dwelling")
    bar.set_estimate(dwelling)
    assert bar.status_text().startswith(f"At {dwelling.stop}")
    clash = replace(sample_observations()[1], kind="arrived", conflict="arrival before the departure")
    bar.set_estimate(replace(sample_estimate(), conflicts=(clash,)))
    assert bar.status_text().endswith("⚠ 1 conflicting report")
    assert "arrival before the departure" in bar.estimate_tooltip()
    bar.set_estimate(None)
    assert bar.status_text() == "No estimate yet"


def test_repaints_each_minute_and_at_once_on_new_data(bar, qtbot):
    assert bar.refresh_timer.isActive() and bar.refresh_timer.interval() <= 60_000
    before = bar.grab().toImage()
    bar.set_estimate(sample_estimate(SAMPLE_AT + timedelta(hours=3)))
    after = bar.grab().toImage()
    assert before != after


def test_render_has_content_and_the_gauge_change_colour(bar, tmp_path):
    path = tmp_path / "route_bar.png"
    assert bar.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() == bar.width()
    assert distinct_colours(image) > 20
    colours = BarColours.from_palette(bar.palette())
    assert colour_count(image, colours.gauge_change) > 40
    assert colour_count(image, colours.ceremony) > 10
    assert colour_count(image, colours.border) > 10


def test_dark_palette_renders_with_its_own_colours(bar):
    palette = QPalette(bar.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#1e1f22"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    bar.setPalette(palette)
    image = bar.grab().toImage()
    dark = BarColours.from_palette(bar.palette())
    assert dark.gauge_change != BarColours.from_palette(QPalette(QColor("#f0f0f0"))).gauge_change
    assert colour_count(image, QColor("#1e1f22"), 0) > image.width() * image.height() // 2
    assert colour_count(image, dark.gauge_change) > 40


def test_high_dpi_render_is_sharp(bar):
    image = QImage(bar.width() * 2, bar.height() * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(0)
    painter = QPainter(image)
    bar.render(painter, QPoint())
    painter.end()
    colours = BarColours.from_palette(bar.palette())
    # Four times the pixels of the 1x mark: the diamond is drawn at device resolution.
    assert colour_count(image, colours.gauge_change) > 4 * 40


def test_a_route_without_estimate_or_with_another_route_name(bar):
    bar.set_estimate(sample_estimate())
    other = replace(sample_route(), name="other")
    bar.set_route(other)
    assert bar.estimate() is None  # an estimate for another route is not drawn on this one
    bar.set_route(None)
    assert bar.status_text() == "No journey — choose or import a route"
    assert bar.grab().toImage().width() == bar.width()


@pytest.mark.parametrize(
    "stops",
    [
        (),
        (Stop("Alone", 0.0, "origin"),),
        (Stop("A", 0.0, "origin"), Stop("B", 0.0, "station"), Stop("C", 0.0, "destination")),
        (Stop("A", 0.0, "origin", timezone="Not/AZone"), Stop("Z", 5000.0, "destination")),
    ],
    ids=["no stops", "one stop", "all at km 0", "unknown zone, one long gap"],
)
def test_odd_routes_and_estimates_paint_without_error(qtbot, stops):
    widget = RouteBar()
    qtbot.addWidget(widget)
    route = Route("odd", "Odd", stops, 60.0, 50.0)
    widget.set_route(route)
    base = sample_estimate()
    eta = StopEta(stops[-1].name, 1.0, base.at, base.at, base.at, "Not/AZone") if stops else None
    # A band given the wrong way round and a position past the end must still draw.
    widget.set_estimate(replace(base, route="odd", km_min=9000.0, km_likely=-5.0, km_max=10.0,
                                next_stop=stops[-1].name if stops else None,
                                etas=(eta,) if eta else ()))
    for width in (320, 600, 2500):
        widget.resize(width, widget.sizeHint().height())
        assert not widget.grab().isNull()
        assert_no_overlap(widget, width)
    if stops:
        assert widget.tooltip_for(stops[0].name)
