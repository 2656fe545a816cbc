"""The charts pane: what each chart holds, that curves are reused, and what it paints."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from gui_samples import (
    SAMPLE_AT,
    live_posts,
    sample_estimates,
    sample_observations,
    sample_route,
    sample_speakers,
    seed_posts,
)
from PySide6.QtGui import QColor, QImage, QPalette, QTextDocumentFragment

from monitor.model import Speaker, parse_iso
from monitor.paint.charts import TOP_SPEAKERS, ChartsPane, posts_per_hour


@pytest.fixture
def pane(qtbot):
    widget = ChartsPane()
    qtbot.addWidget(widget)
    widget.resize(1400, 300)
    widget.set_posts(seed_posts() + live_posts())
    widget.set_speakers(sample_speakers())
    widget.set_journey(sample_route(), [e for e in sample_estimates(0.5) if e.at <= SAMPLE_AT],
                       sample_observations())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_posts_per_hour_counts_timed_posts_and_sets_date_only_apart():
    posts = seed_posts() + live_posts()
    hours, counts, date_only = posts_per_hour(posts)
    expected = Counter(
        parse_iso(p.published).replace(minute=0, second=0).timestamp()
        for p in posts if p.published_precision != "date"
    )
    assert dict(zip(hours.tolist(), counts.tolist(), strict=True)) == expected
    assert date_only == sum(1 for p in posts if p.published_precision == "date")


def test_posts_chart_bars_match_the_counts(pane):
    hours, counts, _ = posts_per_hour(seed_posts() + live_posts())
    opts = pane.posts_bars.opts
    assert np.array_equal(np.asarray(opts["height"]), counts)
    assert np.allclose(np.asarray(opts["x"]) - 1800, hours)
    assert "5 with date only" in pane.posts_plot.getPlotItem().titleLabel.text


def test_speakers_chart_ranks_by_quote_count(pane):
    ys = np.asarray(pane.speaker_bars.opts["y"])
    widths = np.asarray(pane.speaker_bars.opts["width"])
    ticks = dict(pane.speakers_plot.getAxis("left")._tickLevels[0])
    ranked = [ticks[y] for y in sorted(ys, reverse=True)]
    assert ranked[:2] == ["Patrick Ryder", "Dmitry Peskov"]
    assert sorted(widths.tolist(), reverse=True) == sorted(
        (s.quote_count for s in sample_speakers()), reverse=True)


def test_speakers_chart_caps_the_list_and_reuses_its_items(pane):
    bars = pane.speaker_bars
    many = [Speaker(100 + i, f"Official number {i}", "person", quote_count=i + 1) for i in range(20)]
    pane.set_speakers(many)
    assert pane.speaker_bars is bars
    assert len(pane.speaker_bars.opts["width"]) == TOP_SPEAKERS
    assert "8 more (36 quotes)" in pane.speakers_plot.getPlotItem().titleLabel.text
    labels = pane.speaker_count_labels
    pane.set_speakers(sample_speakers())
    assert pane.speaker_count_labels is labels
    assert sum(label.isVisible() for label in labels) == len(sample_speakers())


def test_journey_has_band_likely_curve_observations_and_stop_lines(pane):
    estimates = [e for e in sample_estimates(0.5) if e.at <= SAMPLE_AT]
    x, y = pane.likely_curve.getData()
    assert np.allclose(y, [e.km_likely for e in estimates])
    assert np.allclose(x, [e.at.timestamp() for e in estimates])
    assert np.allclose(pane.band_low.getData()[1], [e.km_min for e in estimates])
    assert np.allclose(pane.band_high.getData()[1], [e.km_max for e in estimates])
    assert not pane.band.path().isEmpty()  # the band is filled, not just outlined
    # The departure and the Hamhung sighting are points; 2019 history and the undated
    # expectation are not.
    points = pane.observation_points.points()
    assert sorted(p.data() for p in points) == ["departed Pyongyang", "passed Hamhung"]
    assert sorted(p.pos().y() for p in points) == [0.0, 313.6]
    lines = pane.stop_lines()
    assert [stop.name for stop, _ in lines] == [s.name for s in sample_route().stops]
    assert all(line.value() == stop.km for stop, line in lines)
    labelled = {stop.name for stop, line in lines if line.label.isVisible()}
    assert {"Tumangang", "Vladivostok", "Pyongyang"} <= labelled
    gauge = next(line for stop, line in lines if stop.kind == "gauge_change")
    assert "1435→1520" in gauge.label.format


def test_stop_labels_never_crowd(pane):
    for height in (180, 300, 600):
        pane.resize(1400, height)
        pane.journey_plot.getViewBox().sigResized.emit(pane.journey_plot.getViewBox())
        vb = pane.journey_plot.getViewBox()
        y0, y1 = vb.viewRange()[1]
        scale = vb.height() / (y1 - y0)
        shown = sorted(stop.km * scale for stop, line in pane.stop_lines() if line.label.isVisible())
        assert all(b - a >= 13 for a, b in zip(shown, shown[1:], strict=False))


def test_updates_reuse_the_curves_and_keep_stop_lines_for_the_same_route(pane):
    items = (pane.likely_curve, pane.band, pane.observation_points, pane.posts_bars)
    lines = [line for _, line in pane.stop_lines()]
    estimates = sample_estimates(1.0)
    pane.set_journey(sample_route(), estimates, sample_observations())
    pane.set_posts(live_posts(10))
    assert (pane.likely_curve, pane.band, pane.observation_points, pane.posts_bars) == items
    assert [line for _, line in pane.stop_lines()] == lines
    assert len(pane.likely_curve.getData()[0]) == len(estimates)
    # A changed route rebuilds only the stop lines.
    shorter = replace(sample_route(), name="pyongyang-khasan", stops=sample_route().stops[:13])
    pane.set_journey(shorter, [], [])
    assert len(pane.stop_lines()) == 13
    assert pane.likely_curve is items[0] and len(pane.likely_curve.getData()[0] or []) == 0


def test_estimates_for_another_route_are_not_drawn(pane):
    other = [replace(e, route="elsewhere") for e in sample_estimates(2.0)]
    pane.set_journey(sample_route(), other, [])
    x, _ = pane.likely_curve.getData()
    assert x is None or len(x) == 0


def _count_near(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    array = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = array.width(), array.height()
    ptr = array.constBits()
    pixels = np.frombuffer(ptr, dtype=np.uint8, count=array.sizeInBytes()).reshape(height, -1, 4)
    pixels = pixels[:, :width, :3].astype(int)  # BGRA in memory
    target = np.array([colour.blue(), colour.green(), colour.red()])
    return int(np.all(np.abs(pixels - target) <= tolerance, axis=2).sum())


def test_render_has_content_and_the_gauge_change_line(pane, tmp_path):
    path = tmp_path / "charts.png"
    assert pane.grab().save(str(path))
    image = QImage(str(path))
    assert _count_near(image, QColor("#e07b00")) > 100  # the Tumangang line and label, in light mode
    assert _count_near(image, QColor("#1f6fd1")) > 1000  # bars and the likely curve
    flat = image.convertToFormat(QImage.Format.Format_RGB32)
    sample = {flat.pixel(x, y) for x in range(0, flat.width(), 4) for y in range(0, flat.height(), 4)}
    assert len(sample) > 40


def test_dark_palette_switches_background_and_accents(pane):
    palette = QPalette(pane.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#1e1f22"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#2b2d31"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    pane.setPalette(palette)
    image = pane.grab().toImage()
    assert _count_near(image, QColor("#2b2d31"), 2) > image.width() * image.height() // 3
    assert _count_near(image, QColor("#f5a623")) > 100  # the dark-mode gauge-change colour


def test_empty_charts_say_so_until_data_arrives(qtbot):
    pane = ChartsPane()
    qtbot.addWidget(pane)
    assert all(pane.is_empty(key) for key in ("posts", "speakers", "journey"))
    pane.set_posts(seed_posts())  # only dates: nothing to put in an hour
    assert pane.is_empty("posts")
    assert "5 with date only" in pane.posts_plot.getPlotItem().titleLabel.text
    pane.set_posts(live_posts(5))
    pane.set_speakers(sample_speakers())
    pane.set_journey(sample_route(), sample_estimates(3.0), [])
    assert not any(pane.is_empty(key) for key in ("posts", "speakers", "journey"))
    pane.set_speakers([])
    assert pane.is_empty("speakers")


def test_hour_counts_from_the_store_match_counting_the_posts(qtbot, tmp_path):
    """The store's per-hour counts (what the window charts) equal counting the posts one by one;
    a long story is cut to its last days and the title says from when."""
    from monitor.model import ParsedPost
    from monitor.service import Monitor
    from monitor.store.feed import FeedFilter, FeedQueries

    posts = live_posts(60)
    with Monitor(tmp_path / "hours.db") as monitor:
        source_id = monitor.posts.ensure_source("test:live", "test", "test:live")
        monitor.posts.ingest(source_id, [
            ParsedPost(guid=p.guid, title=p.title, body=p.body, published=parse_iso(p.published),
                       published_precision=p.published_precision, seq=p.seq) for p in posts])
        queries = FeedQueries(monitor.db)
        hours, date_only, since = queries.hour_counts(FeedFilter())
        cut_hours, _, cut_since = queries.hour_counts(FeedFilter(), days=1)
    expected_hours, expected_counts, expected_dates = posts_per_hour(posts)
    widget = ChartsPane()
    qtbot.addWidget(widget)
    widget.set_hour_counts(hours, date_only, since)
    assert since is None and date_only == expected_dates == 0
    assert np.array_equal(np.asarray(widget.posts_bars.opts["height"]), expected_counts)
    assert np.allclose(np.asarray(widget.posts_bars.opts["x"]) - 1800, expected_hours)
    # Only the last day up to the newest post: fewer hours, and the title names the start.
    newest = max(parse_iso(p.published) for p in posts)
    assert cut_since is not None and parse_iso(cut_since) == newest - timedelta(days=1)
    assert 0 < len(cut_hours) < len(hours)
    assert all(hour >= cut_since[:13] for hour, _ in cut_hours)
    widget.set_hour_counts(cut_hours, 0, cut_since)
    assert "since" in widget.posts_plot.getPlotItem().titleLabel.text


def test_hour_counts_window_ends_at_the_newest_timed_post_not_an_undated_one(tmp_path):
    """An archive of last year's posts with one undated post (sorted by when it was first seen,
    today) still charts last year's hours: the fortnight ends at the newest post with a time."""
    from monitor.model import ParsedPost
    from monitor.service import Monitor
    from monitor.store.feed import FeedFilter, FeedQueries

    old = datetime(2025, 7, 1, 12, tzinfo=UTC)
    timed = [ParsedPost(guid=f"p{i}", body=f"Post {i} of the archive.", published=old + timedelta(hours=i))
             for i in range(5)]
    with Monitor(tmp_path / "archive.db") as monitor:
        source_id = monitor.posts.ensure_source("test:archive", "test", "test:archive")
        monitor.posts.ingest(source_id, [*timed, ParsedPost(guid="undated", body="No date here.")])
        hours, date_only, since = FeedQueries(monitor.db).hour_counts(FeedFilter(), days=14)
    assert [count for _, count in hours] == [1, 1, 1, 1, 1]
    assert hours[0][0] == "2025-07-01T12" and date_only == 1 and since is None


# -- nothing clipped, whatever the width -----------------------------------------------------------


def _visible_labels(pane: ChartsPane) -> list:
    return [label for label in pane.speaker_count_labels if label.isVisible()]


@pytest.mark.parametrize("size", [(800, 260), (1600, 260), (1600, 180)])
def test_charts_fit_their_plots_at_any_width(qtbot, size):
    pane = ChartsPane()
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    qtbot.waitExposed(pane)
    many = [Speaker(100 + i, f"Official spokesperson number {i}", "person", quote_count=i + 1)
            for i in range(20)]
    pane.set_speakers(many)
    pane.set_posts(live_posts())
    qtbot.wait(50)
    # Titles: whole or elided with "…" and the whole title as the tooltip, never cut at both ends.
    for key, plot in (("speakers", pane.speakers_plot), ("posts", pane.posts_plot)):
        shown = QTextDocumentFragment.fromHtml(plot.getPlotItem().titleLabel.text).toPlainText()
        whole = pane._titles[key]
        assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1])
                                  and whole in plot.toolTip())
        label = plot.getPlotItem().titleLabel
        assert label.item.boundingRect().width() <= label.boundingRect().width() + 1
    # Every count label ends inside the plot.
    view = pane.speakers_plot.getViewBox().sceneBoundingRect()
    for label in _visible_labels(pane):
        assert label.sceneBoundingRect().right() <= view.right() + 1
    # Speaker names do not overlap: each row is at least a line of text tall.
    rows = len(pane.speaker_bars.opts["width"])
    line = pane.fontMetrics().height()
    assert rows >= 1 and pane.speakers_plot.getViewBox().height() / (rows + 0.2) >= line
    assert f"{20 - rows} more" in pane._titles["speakers"] or rows == 20
    # Posts are counted in whole numbers.
    axis = pane.posts_plot.getAxis("left")
    low, high = pane.posts_plot.getViewBox().viewRange()[1]
    values = [v for _spacing, level in axis.tickValues(low, high, axis.height()) for v in level]
    assert values and all(float(v).is_integer() for v in values)
