"""The estimator: scenarios with known answers, bounds that hold, monotone in T, never raises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract.observations import extract_observations
from monitor.journey.estimate import estimate, timeline
from monitor.journey.route import load_route
from monitor.model import JOURNEY_STATES, Observation

ROUTE = load_route("pyongyang-vladivostok")
STOPS = {s.name: s for s in ROUTE.stops}
PYONGYANG = ZoneInfo("Asia/Pyongyang")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def _from(texts: list[tuple[str, datetime, str]]) -> list[Observation]:
    found = []
    for number, (text, published, precision) in enumerate(texts, start=1):
        found += extract_observations(text, published, precision, ROUTE, post_id=number)
    return found


def _eta(est, stop):
    return next(e for e in est.etas if e.stop == stop)


LEFT_AT_15 = ("The train left Pyongyang at 15:00 local time.", datetime(2023, 9, 10, 7, tzinfo=UTC), "minute")
WHEELS = ("Previously the wheel change at Tumangang took about 70 minutes.",
          datetime(2023, 9, 10, tzinfo=UTC), "date")


def test_departure_to_the_minute_then_ten_hours():
    obs = _from([LEFT_AT_15])
    start = datetime(2023, 9, 10, 15, tzinfo=PYONGYANG)
    est = estimate(ROUTE, obs, start + timedelta(hours=10))
    assert est.state == "moving"
    # No dwell on the first 500 km: the km band is speed × time at each speed of the model.
    assert est.km_likely == pytest.approx(ROUTE.average_speed_kmh * 10, abs=1)
    assert est.km_max == pytest.approx(ROUTE.max_speed_kmh * 10, abs=1)
    assert est.km_min == pytest.approx(ROUTE.min_average_speed_kmh * 10, abs=1)
    assert est.km_min < est.km_likely < est.km_max
    assert est.stop == "Hamhung" and est.next_stop == "Tanchon Chongnyon"
    assert est.speed_kmh == pytest.approx(ROUTE.average_speed_kmh)
    assert est.progress == pytest.approx(est.km_likely / ROUTE.length_km)


def test_inside_the_gauge_change_dwell():
    obs = _from([LEFT_AT_15, WHEELS])
    start = datetime(2023, 9, 10, 15, tzinfo=PYONGYANG)
    arrive = start + timedelta(hours=STOPS["Tumangang"].km / ROUTE.average_speed_kmh)
    inside = estimate(ROUTE, obs, arrive + timedelta(minutes=35))
    assert (inside.state, inside.stop, inside.next_stop) == ("dwelling", "Tumangang", "Friendship Bridge")
    assert inside.km_likely == STOPS["Tumangang"].km
    tumangang = _eta(inside, "Tumangang")
    assert tumangang.dwell_minutes == 70 and tumangang.dwell_post_id == 2
    after = estimate(ROUTE, obs, arrive + timedelta(minutes=71.5))
    assert after.state == "moving" and after.km_likely > STOPS["Tumangang"].km
    # Two kilometres on, the Khasan ceremony holds it again.
    ceremony = estimate(ROUTE, obs, arrive + timedelta(minutes=75))
    assert (ceremony.state, ceremony.stop) == ("dwelling", "Khasan")


def test_date_only_departure_is_a_24_hour_window_and_a_wide_band():
    obs = _from([("Kim has today set off from Pyongyang.", datetime(2023, 9, 11, tzinfo=UTC), "date")])
    day_start = datetime(2023, 9, 11, tzinfo=PYONGYANG)
    est = estimate(ROUTE, obs, day_start + timedelta(hours=12))
    assert est.departure_latest - est.departure_earliest == timedelta(hours=24)
    assert est.departure_earliest == day_start
    # It may have left at midnight (12 h at top speed) or not yet (still at km 0).
    assert est.km_min == 0
    assert est.km_max == pytest.approx(ROUTE.max_speed_kmh * 12, abs=1)
    assert est.km_max - est.km_min > 500
    assert any("24.0 h window" in note for note in est.notes)
    vladivostok = _eta(est, "Vladivostok")
    assert vladivostok.latest - vladivostok.earliest > timedelta(hours=24)


def test_replay_2019_from_observations():
    published = datetime(2019, 4, 24, tzinfo=UTC)
    left = _from([("Kim Jong Un's train left Kyongsong at dawn on 24 April.", published, "date")])
    khasan_actual = datetime(2019, 4, 24, 10, 30, tzinfo=VLADIVOSTOK)
    before = estimate(ROUTE, left, datetime(2019, 4, 24, 7, tzinfo=PYONGYANG))
    khasan = _eta(before, "Khasan")
    assert khasan.earliest <= khasan_actual <= khasan.latest
    assert before.state == "moving" and STOPS["Kyongsong"].km < before.km_likely < STOPS["Khasan"].km
    # The arrival report re-anchors: the Vladivostok window narrows and holds the real arrival.
    both = left + _from([("The train arrived at Khasan at about 10:30 local time.",
                          datetime(2019, 4, 24, 2, tzinfo=UTC), "minute")])
    after = estimate(ROUTE, both, datetime(2019, 4, 24, 11, tzinfo=VLADIVOSTOK))
    assert after.state == "dwelling" and after.stop == "Khasan"
    vl_before, vl_after = _eta(before, "Vladivostok"), _eta(after, "Vladivostok")
    actual = datetime(2019, 4, 24, 18, tzinfo=VLADIVOSTOK)
    assert vl_after.earliest <= actual <= vl_after.latest
    assert vl_after.latest - vl_after.earliest < vl_before.latest - vl_before.earliest
    assert abs(vl_after.likely - actual) < timedelta(hours=1)
    assert not after.conflicts


def test_historical_mentions_never_move_the_train():
    history = _from([("Previously, Kim's train arrived at Khasan and left Vladivostok.",
                      datetime(2023, 9, 11, tzinfo=UTC), "date")])
    assert history and all(o.kind == "historical" for o in history)
    est = estimate(ROUTE, history, datetime(2023, 9, 12, tzinfo=UTC))
    assert est.state == "not_started" and est.km_max == 0 and not est.anchors


def test_arrival_before_departure_is_flagged_and_kept():
    obs = _from([
        ("The train left Pyongyang today.", datetime(2023, 9, 11, tzinfo=UTC), "date"),
        ("It arrived at Khasan at 06:00 local time.", datetime(2023, 9, 10, 1, tzinfo=UTC), "minute"),
    ])
    est = estimate(ROUTE, obs, datetime(2023, 9, 11, 12, tzinfo=UTC))
    assert len(est.conflicts) == 1 and "contradicts" in est.conflicts[0].conflict
    assert len(est.observations) == len(obs)  # nothing dropped
    assert any(note.startswith("conflict:") for note in est.notes)
    assert est.km_min <= est.km_likely <= est.km_max


def test_timeline_windows_grow_along_the_route():
    rows = timeline(ROUTE, _from([LEFT_AT_15]))
    assert [r.stop for r in rows] == [s.name for s in ROUTE.stops]
    widths = [r.latest - r.earliest for r in rows]
    assert widths == sorted(widths)
    assert all(r.earliest <= r.likely <= r.latest for r in rows)
    assert rows[-1].timezone == "Asia/Vladivostok"


SEED_LIKE = _from([
    ("Kim has today set off from Pyongyang.", datetime(2023, 9, 11, tzinfo=UTC), "date"),
    ("The train arrived at Khasan at about 06:00 local time.", datetime(2023, 9, 12, tzinfo=UTC), "date"),
    WHEELS,
])
_TIMES = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                      timezones=st.just(UTC))
_ORDER = {state: i for i, state in enumerate(JOURNEY_STATES)}
_ORDER["dwelling"] = _ORDER["moving"]


@settings(max_examples=150, deadline=None)
@given(first=_TIMES, second=_TIMES, count=st.integers(0, len(SEED_LIKE)))
def test_never_raises_and_is_monotone_in_time(first, second, count):
    early, late = sorted([first, second])
    obs = SEED_LIKE[:count]
    a, b = estimate(ROUTE, obs, early), estimate(ROUTE, obs, late)
    for est in (a, b):
        assert est.state in JOURNEY_STATES
        assert 0 <= est.km_min <= est.km_likely <= est.km_max <= ROUTE.length_km
        assert 0 <= est.progress <= 1
    assert a.km_min <= b.km_min and a.km_likely <= b.km_likely and a.km_max <= b.km_max
    assert _ORDER[a.state] <= _ORDER[b.state]


# --- short hops: slower than the slowest average is no conflict ------------------------------

BORDER_HOP = [
    ("The train departed Tumangang at 03:10.", datetime(2023, 9, 11, 18, 20, tzinfo=UTC), "minute"),
    ("The train arrived at Khasan at 04:30.", datetime(2023, 9, 11, 19, 40, tzinfo=UTC), "minute"),
]


def test_departure_from_tumangang_and_arrival_at_khasan_20_minutes_later_are_no_conflict():
    """2 km with a border between: the 20 minutes (03:10 Pyongyang time, 04:30 Vladivostok time)
    are far slower than the slowest average, which a train waiting at a bridge may well be."""
    obs = _from(BORDER_HOP)
    timed = [(o.stop, o.kind, o.window_start) for o in obs if o.kind in ("departed", "arrived")]
    assert timed == [("Tumangang", "departed", datetime(2023, 9, 11, 18, 10, tzinfo=UTC)),
                     ("Khasan", "arrived", datetime(2023, 9, 11, 18, 30, tzinfo=UTC))]
    est = estimate(ROUTE, obs, datetime(2023, 9, 11, 18, 20, tzinfo=UTC))
    assert est.conflicts == () and not any(n.startswith("conflict") for n in est.notes)
    assert len(est.anchors) == 2
    # Between the two reports the train is somewhere on those 2 km, never past Khasan.
    assert STOPS["Tumangang"].km <= est.km_min <= est.km_max <= STOPS["Khasan"].km
    khasan = _eta(est, "Khasan")
    assert datetime(2023, 9, 11, 18, 30, tzinfo=UTC) <= khasan.earliest <= khasan.likely <= khasan.latest
    assert khasan.latest <= datetime(2023, 9, 11, 18, 31, tzinfo=UTC)
    # Every schedule keeps its order along the route.
    rows = timeline(ROUTE, obs)
    for row in rows:
        assert row.earliest <= row.likely <= row.latest
    for before, after in zip(rows, rows[1:], strict=False):
        assert before.earliest <= after.earliest and before.latest <= after.latest


def test_reports_that_the_top_speed_cannot_join_still_conflict():
    """Arrival at Khasan 5 minutes after leaving Pyongyang (856 km): impossible, flagged."""
    obs = _from([
        ("The train departed Pyongyang at 03:10.", datetime(2023, 9, 11, 18, 20, tzinfo=UTC), "minute"),
        ("The train arrived at Khasan at 04:15.", datetime(2023, 9, 11, 19, 40, tzinfo=UTC), "minute"),
    ])
    est = estimate(ROUTE, obs, datetime(2023, 9, 11, 19, 0, tzinfo=UTC))
    assert len(est.conflicts) == 1
    assert "even at the route's top speed" in est.conflicts[0].conflict


# --- honest states: presumed, possibly under way ---------------------------------------------

LEFT_TODAY = ("Kim has today set off from Pyongyang on his armoured train.",
              datetime(2023, 9, 11, tzinfo=UTC), "date")


def test_arrival_with_no_arrival_report_is_presumed_with_the_last_reports_time():
    obs = _from([LEFT_TODAY])
    est = estimate(ROUTE, obs, datetime(2023, 9, 14, tzinfo=UTC))
    assert est.state == "arrived" and est.presumed
    assert est.last_report_at == datetime(2023, 9, 11, tzinfo=UTC)
    assert (est.last_report.stop, est.last_report.kind) == ("Pyongyang", "departed")
    assert any(n.startswith("presumed arrived") for n in est.notes)


def test_a_reported_arrival_is_not_presumed():
    obs = _from([LEFT_TODAY, ("The train arrived in Vladivostok at 18:00 local time.",
                              datetime(2023, 9, 12, 9, tzinfo=UTC), "minute")])
    est = estimate(ROUTE, obs, datetime(2023, 9, 14, tzinfo=UTC))
    assert est.state == "arrived" and not est.presumed
    assert est.last_report_at == datetime(2023, 9, 12, 8, tzinfo=UTC)


def test_at_a_stop_is_presumed_unless_a_report_puts_the_train_there():
    at = datetime(2023, 9, 11, 21, tzinfo=UTC)
    guessed = estimate(ROUTE, _from([LEFT_TODAY]), at)
    assert (guessed.state, guessed.stop, guessed.presumed) == ("dwelling", "Tumangang", True)
    seen = estimate(ROUTE, _from([LEFT_TODAY, ("The train arrived at Tumangang at 05:40 local time.",
                                               datetime(2023, 9, 11, 21, 30, tzinfo=UTC), "minute")]), at)
    assert (seen.state, seen.stop, seen.presumed) == ("dwelling", "Tumangang", False)


def test_not_started_only_while_the_band_stays_at_the_origin():
    obs = _from([LEFT_TODAY])  # left on 11 September, Pyongyang time: 10 Sep 15:00Z - 11 Sep 15:00Z
    before = estimate(ROUTE, obs, datetime(2023, 9, 10, 14, tzinfo=UTC))
    assert before.state == "not_started" and before.km_max == 0
    maybe = estimate(ROUTE, obs, datetime(2023, 9, 10, 20, tzinfo=UTC))
    assert maybe.state == "possibly_under_way" and maybe.km_min == 0 < maybe.km_max
    assert maybe.state in JOURNEY_STATES and not maybe.presumed


def test_a_stay_longer_than_the_longest_dwell_figure_is_no_conflict():
    """Arrived at Tumangang at 03:00 and still standing there at 07:30: four and a half hours
    against an assumed 60-180 minutes for the wheel change. Unusual, not impossible."""
    obs = _from([
        ("The train arrived at Tumangang at 03:00.", datetime(2023, 9, 11, 18, 30, tzinfo=UTC), "minute"),
        ("The train is still standing at Tumangang at 07:30.", datetime(2023, 9, 11, 23, tzinfo=UTC),
         "minute"),
    ])
    assert [o.kind for o in obs] == ["arrived", "dwelling"]
    est = estimate(ROUTE, obs, datetime(2023, 9, 11, 22, 20, tzinfo=UTC))
    assert est.conflicts == () and len(est.anchors) == 2
    assert (est.state, est.stop, est.presumed) == ("dwelling", "Tumangang", False)
    # Left no earlier than it was last seen standing there (07:30, 22:30 UTC).
    khasan = _eta(est, "Khasan")
    assert khasan.earliest >= datetime(2023, 9, 11, 22, 30, tzinfo=UTC)
    assert khasan.earliest <= khasan.likely <= khasan.latest
