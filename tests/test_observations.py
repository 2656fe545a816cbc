"""Observations from post text: kinds decided by cue and tense, times with their windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import SEED_ROUTE

from monitor.extract.observations import extract_observations
from monitor.journey.route import load_route
from monitor.service import Monitor

ROUTE = load_route("pyongyang-vladivostok")
DAY = datetime(2023, 9, 11, tzinfo=UTC)


def _one(text, kind=None, published=DAY, precision="date"):
    found = [o for o in extract_observations(text, published, precision, ROUTE) if kind in (None, o.kind)]
    assert len(found) == 1, found
    return found[0]


def test_set_off_today_is_a_departure_on_the_local_day():
    obs = _one("Kim, who has today set off to meet Putin on a specially armoured train from the "
               "North Korean capital of Pyongyang, will be attending a summit in Russia.")
    assert (obs.stop, obs.kind, obs.precision) == ("Pyongyang", "departed", "date")
    # The whole calendar day in Pyongyang (UTC+9): 24 hours.
    assert obs.window_start == datetime(2023, 9, 10, 15, tzinfo=UTC)
    assert obs.window_end - obs.window_start == timedelta(hours=24)


def test_previous_trip_is_historical_and_its_durations_are_dwells():
    text = ("Previously, Kim’s train stopped at Tumangang station on the border, to swap wheels.\n\n"
            "On that occasion, the wheel change took about 70 minutes. The train then made the very "
            "short journey across the border to the Russian town of Khasan, where a ceremony - which "
            "lasted about an hour - took place.")
    found = extract_observations(text, DAY, "date", ROUTE, post_id=3)
    assert {o.kind for o in found} == {"historical"}
    durations = {o.stop: o.duration_minutes for o in found if o.duration_minutes}
    assert durations == {"Tumangang": 70.0, "Khasan": 60.0}
    assert all(o.at is None for o in found)  # history never carries today's time


def test_expectation_is_expected_and_the_plans_origin_is_not():
    found = extract_observations(
        "But based on his previous visit to Russia in 2019, we can expect his train to take him "
        "from the North Korean capital Pyongyang to Vladivostok.", DAY, "date", ROUTE)
    assert [(o.stop, o.kind) for o in found] == [("Vladivostok", "expected")]
    assert _one("There had been reports that his armoured train was en route to Vladivostok.").kind == \
        "expected"


def test_speed_fact_sets_the_speed_model_with_evidence():
    obs = _one("making it heavier than average trains and unable to go beyond 59 km/h (37mph).",
               kind="speed")
    assert (obs.speed_kmh, obs.speed_kind) == (59.0, "max")
    assert "59 km/h" in obs.evidence
    assert _one("The train runs at an average speed of about 31 mph.", kind="speed").speed_kmh == \
        pytest.approx(49.9, abs=0.1)


def test_clock_times_are_local_to_the_stop_and_about_widens_them():
    arrived = _one("The train arrived at Khasan at about 10:30 local time.",
                   published=datetime(2019, 4, 24, 3, tzinfo=UTC), precision="minute")
    assert arrived.kind == "arrived" and arrived.precision == "hour"
    assert arrived.at == datetime(2019, 4, 24, 0, 30, tzinfo=UTC)  # Vladivostok is UTC+10
    assert arrived.window_end - arrived.window_start == timedelta(hours=1)
    exact = _one("It crossed into Khasan at 06:00 Pyongyang time.",
                 published=datetime(2023, 9, 12, 1, tzinfo=UTC), precision="minute")
    assert exact.precision == "minute" and exact.at == datetime(2023, 9, 11, 21, tzinfo=UTC)


def test_dawn_on_a_named_date_is_a_part_of_day_window():
    obs = _one("Kim Jong Un's train left Kyongsong at dawn on 24 April.",
               published=datetime(2019, 4, 24, tzinfo=UTC))
    assert (obs.stop, obs.kind, obs.precision) == ("Kyongsong", "departed", "part_of_day")
    assert obs.window_start == datetime(2019, 4, 23, 19, tzinfo=UTC)  # 04:00 in Pyongyang (UTC+9)
    assert obs.window_end == datetime(2019, 4, 23, 22, tzinfo=UTC)


def test_report_without_a_time_takes_the_hour_before_its_post():
    published = datetime(2023, 9, 12, 3, 15, tzinfo=UTC)
    obs = _one("Kim's train has passed Baranovsky.", published=published, precision="minute")
    assert obs.kind == "passed" and obs.window_end == published
    assert obs.window_start == published - timedelta(hours=1)


def test_stop_off_the_route_is_kept_unmatched():
    obs = _one("The train has arrived in Ussuriysk.", published=DAY)
    assert obs.stop == "Ussuriysk" and not obs.matched


def test_offsets_point_at_the_stop_name():
    text = "After a long night the train pulled into Khasan station on Tuesday."
    obs = _one(text)
    assert text[obs.start:obs.end] == "Khasan station"
    assert obs.stop == "Khasan"


def test_mentions_without_a_movement_cue_are_not_observations():
    assert extract_observations("Hello and welcome to our coverage of the summit in Vladivostok.",
                                DAY, "date", ROUTE) == []


def test_seed_observations_after_ingest(db_path, seed_path):
    with Monitor(db_path) as monitor:
        monitor.set_route(SEED_ROUTE)
        monitor.ingest_path(seed_path)
        found = monitor.observations()
    kinds = {(o.post_id, o.stop, o.kind) for o in found}
    assert (2, "Pyongyang", "departed") in kinds
    assert (3, "Tumangang", "historical") in kinds and (3, "Khasan", "historical") in kinds
    assert {o.stop for o in found if o.kind == "expected"} == {"Vladivostok"}
    assert [o.speed_kmh for o in found if o.kind == "speed"] == [59.0]
    assert not any(o.kind == "departed" and o.post_id == 3 for o in found)


def test_an_edited_post_replaces_its_observations(db_path, seed_path, tmp_path):
    edited = tmp_path / seed_path.name
    text = seed_path.read_text(encoding="utf-8")
    with Monitor(db_path) as monitor:
        monitor.set_route(SEED_ROUTE)
        monitor.ingest_path(seed_path)
        before = monitor.journey.observation_count()
        edited.write_text(text.replace("about 70 minutes", "about 90 minutes"), encoding="utf-8")
        assert monitor.ingest_path(edited)[0].updated == 1
        assert monitor.journey.observation_count() == before
        durations = {o.stop: o.duration_minutes for o in monitor.observations() if o.duration_minutes}
        assert durations["Tumangang"] == 90.0


def test_an_earlier_year_is_historical_and_the_month_may_is_not_a_plan():
    found = extract_observations("In May 2019 the train arrived at Khasan.", DAY, "date", ROUTE)
    assert [(o.stop, o.kind, o.at) for o in found] == [("Khasan", "historical", None)]
    assert _one("The train may arrive in Vladivostok tomorrow.").kind == "expected"


def test_a_clock_time_later_than_its_post_is_the_day_before():
    # Posted at 10:00 in Vladivostok on 12 September about an arrival at 22:00 local time.
    obs = _one("The train arrived at Khasan at 22:00 local time.",
               published=datetime(2023, 9, 12, 0, tzinfo=UTC), precision="minute")
    assert obs.at == datetime(2023, 9, 11, 12, tzinfo=UTC)  # 22:00 on the 11th, UTC+10


# --- weekdays: days people write, read against the post's date -------------------------------
# 11 September 2023 (DAY) is a Monday.

WEDNESDAY_MORNING = datetime(2023, 9, 13, 3, tzinfo=UTC)  # 13:00 in Vladivostok, Wednesday


def test_as_early_as_tuesday_local_time_is_the_coming_tuesday_at_the_stop():
    obs = _one("Kim is expected to arrive in Vladivostok as early as Tuesday local time.")
    assert (obs.stop, obs.kind, obs.precision) == ("Vladivostok", "expected", "date")
    # Tuesday 12 September in Vladivostok (UTC+10): the whole local day.
    assert (obs.window_start, obs.window_end) == (datetime(2023, 9, 11, 14, tzinfo=UTC),
                                                  datetime(2023, 9, 12, 14, tzinfo=UTC))


def test_on_sunday_told_of_a_departure_is_the_sunday_before_the_post():
    obs = _one("The train left Pyongyang on Sunday.")
    assert (obs.kind, obs.precision) == ("departed", "date")
    assert (obs.window_start, obs.window_end) == (datetime(2023, 9, 9, 15, tzinfo=UTC),
                                                  datetime(2023, 9, 10, 15, tzinfo=UTC))


def test_tuesday_evening_is_the_evening_of_that_day_at_the_stop():
    for text in ("The train arrived at Khasan on Tuesday evening.",
                 "Tuesday evening, the train pulled into Khasan."):
        obs = _one(text, published=WEDNESDAY_MORNING, precision="minute")
        assert (obs.kind, obs.precision) == ("arrived", "part_of_day")
        # 18:00-23:00 on Tuesday 12 September, Vladivostok time.
        assert (obs.window_start, obs.window_end) == (datetime(2023, 9, 12, 8, tzinfo=UTC),
                                                      datetime(2023, 9, 12, 13, tzinfo=UTC))


def test_a_clock_time_on_a_named_weekday_is_on_that_day():
    obs = _one("The train arrived at Khasan at 06:00 on Tuesday.", published=WEDNESDAY_MORNING,
               precision="minute")
    assert obs.at == datetime(2023, 9, 11, 20, tzinfo=UTC)  # Tuesday 06:00, UTC+10


@pytest.mark.parametrize("text, published, day", [
    ("The train left Pyongyang on Monday.", DAY, 11),  # the post's own weekday: that day
    ("The train left Pyongyang last Monday.", DAY, 4),  # "last": the week before
    ("Kim will travel to Vladivostok next Monday.", DAY, 18),  # "next": the week after
    ("Kim will travel to Vladivostok on Friday.", DAY, 15),  # ahead: the coming Friday
    ("The train reached Khasan on Saturday.", DAY, 9),  # done: the Saturday before
])
def test_weekdays_are_read_against_the_posts_day(text, published, day):
    obs = _one(text, published=published)
    stop = next(s for s in ROUTE.stops if s.name == obs.stop)
    local_start = obs.window_start.astimezone(ZoneInfo(stop.timezone))
    assert (local_start.month, local_start.day, local_start.hour) == (9, day, 0)
    assert obs.window_end - obs.window_start == timedelta(hours=24)


def test_the_sun_and_a_sat_phone_are_not_days():
    obs = _one("The train reached Khasan as the sun rose, said a man with a sat phone.")
    assert obs.window_start == datetime(2023, 9, 10, 14, tzinfo=UTC)  # the post's own day, local


def test_weekday_qualifiers_look_ahead_or_back_whatever_the_tense():
    from monitor.extract.timephrases import weekday_reference
    monday = DAY.date()
    assert weekday_reference("It could leave as early as Tuesday.", monday).day.day == 12
    assert weekday_reference("It has been parked there since Saturday.", monday).day.day == 9
    assert weekday_reference("It stood there by Wed. at the latest.", monday).day.day == 13
    assert weekday_reference("Nothing was said of the route.", monday) is None
