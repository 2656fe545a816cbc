"""One module formats times, windows and ETAs for every surface (``monitor/model/timefmt.py``).

The functions were gathered from the feed (``gui/formatting.py``), the inspector, the route bar,
the report page and ``monitor route``. Each is checked here against the code it replaced, kept
below as it was before the move (``_before_*``), on a grid of moments (around midnight, both
sides of daylight-saving changes, date-only and hour-only posts, far past and future) in stop
zones with names, with bare offsets, with half and quarter hours, and in several reader zones.
Where the wording changed on its own line since (a local time carries the year when it is not
this year's; a stop with no time is "unknown"; a report's time names its zone, UTC when the stop
has none), the reference is that newer code (``gui/formatting.py``, ``model/journey_text.py``).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from monitor.model import Post, Stop, StopEta, parse_iso, timefmt

STOP_ZONES = (None, "UTC", "Asia/Pyongyang", "Asia/Vladivostok", "Europe/Moscow", "America/New_York",
              "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/London", "Nowhere/Unknown", "")
READER_ZONES = ("UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham")
BASES = (
    datetime(2023, 9, 11, 14, 37, 12, tzinfo=UTC),
    datetime(2023, 3, 26, 0, 59, tzinfo=UTC),  # Europe's clocks go forward at 01:00 UTC
    datetime(2023, 11, 5, 5, 30, tzinfo=UTC),  # New York's go back at 06:00 UTC
    datetime(2023, 12, 31, 23, 50, tzinfo=UTC),  # a year's end
    datetime(2024, 2, 29, 15, 0, tzinfo=UTC),
)
OFFSETS = tuple(timedelta(minutes=m)
                for m in (-3000, -721, -90, -61, -1, 0, 1, 59, 89, 90, 125, 600, 1439, 2890))
SPANS = tuple(timedelta(seconds=s) for s in (
    0, 20, 59, 60, 61, 3599, 3600, 7300, 86399, 86400, 172800, 86400 * 59, 86400 * 61, 86400 * 400,
    86400 * 729, 86400 * 731, 86400 * 4000))


def moments() -> list[datetime]:
    return [base + offset for base in BASES for offset in OFFSETS]


@pytest.fixture(params=READER_ZONES)
def reader_zone(request, monkeypatch):
    """Run with the reader's local time zone set to each of READER_ZONES."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


# -- the code before the move, as it was ---------------------------------------------------------


def _before_relative_time(then: datetime, now: datetime) -> str:  # gui/formatting.py
    seconds = (now - then).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        amount = f"{int(seconds // 60)} min"
    elif seconds < 86400:
        amount = f"{int(seconds // 3600)} h"
    elif seconds < 86400 * 60:
        days = int(seconds // 86400)
        amount = f"{days} day{'s' if days != 1 else ''}"
    elif seconds < 86400 * 730:
        months = int(seconds // (86400 * 30.4))
        amount = f"{months} months"
    else:
        amount = f"{int(seconds // (86400 * 365.25))} years"
    return f"in {amount}" if future else f"{amount} ago"


def _before_local_time(then: datetime, precision: str | None,
                       now: datetime | None = None) -> str:  # gui/formatting.py
    local = then.astimezone()
    year = (now or datetime.now(local.tzinfo)).astimezone().year
    day = "%a %d %b" if local.year == year else "%a %d %b %Y"
    if precision == "hour":
        return local.strftime(f"{day}, %H:00").replace(" 0", " ", 1)
    return local.strftime(f"{day}, %H:%M").replace(" 0", " ", 1)


def _before_post_time(published: str | None, precision: str | None, now: datetime) -> tuple[str, str]:
    then = parse_iso(published)  # gui/formatting.py
    if then is None:
        return "", ""
    if precision == "date":
        return then.strftime("%a %d %b %Y").replace(" 0", " "), ""
    return _before_local_time(then, precision, now), _before_relative_time(then, now)


def _before_row_time(published: str | None, precision: str | None, now: datetime) -> str:
    if not published:  # gui/formatting.py
        return "undated"
    local, relative = _before_post_time(published, precision, now)
    return f"{local} · {relative}" if relative else local


def _before_format_post_time(post: Post | None) -> str:  # gui/inspector.py
    if post is None or not post.published:
        return ""
    try:
        moment = parse_iso(post.published)
    except (ValueError, OverflowError):
        return post.published
    if moment is None:
        return ""
    if post.published_precision == "date":
        return f"{moment:%-d %b}"
    local = moment.astimezone()
    return f"{local:%-d %b %H:%M}"


def _before_zone_label(moment: datetime) -> str:  # paint/route_bar.py
    name = moment.tzname() or "UTC"
    if name[:1] in "+-":
        offset = moment.utcoffset()
        hours = (offset.total_seconds() / 3600.0) if offset is not None else 0.0
        name = f"UTC{hours:+g}"
    return name


def _before_format_window(eta: StopEta, zone: tzinfo | None) -> str:  # model/journey_text.py
    zone = zone or UTC

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    likely, early, late = local(eta.likely), local(eta.earliest), local(eta.latest)
    if likely is None:
        return "unknown"
    tz = _before_zone_label(likely)
    if early is None or late is None:
        return f"~{likely:%a %H:%M} {tz}"
    if early.date() == late.date():
        return f"{likely:%H:%M} ({early:%H:%M}–{late:%H:%M}) {tz}"
    return f"{likely:%a %H:%M} ({early:%a %H:%M}–{late:%a %H:%M}) {tz}"


def _before_format_minutes(minutes: float) -> str:  # paint/route_bar.py
    minutes = round(minutes)
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _before_relative(moment: datetime, now: datetime) -> str:  # paint/route_bar.py RouteBar._relative
    minutes = (moment - now).total_seconds() / 60.0
    if abs(minutes) > 7 * 24 * 60:
        return ""
    text = _before_format_minutes(abs(minutes))
    return f" (in {text})" if minutes >= 0 else f" ({text} ago)"


def _before_eta_row(eta: StopEta, zone: tzinfo | None) -> tuple[str, str] | None:  # report/page.py
    if eta.likely is None or eta.earliest is None or eta.latest is None:
        return None
    zone = zone or UTC
    likely, early, late = (m.astimezone(zone) for m in (eta.likely, eta.earliest, eta.latest))
    return f"{likely:%a %H:%M} {_before_zone_label(likely)}", f"{early:%a %H:%M} – {late:%a %H:%M}"


def _before_local(value: datetime | None, zone: str | None) -> str | None:  # cli/route.py
    if value is None or not zone:
        return None
    return value.astimezone(ZoneInfo(zone)).isoformat(timespec="minutes")


def _before_fmt(value: datetime | None, zone: str | None) -> str:  # cli/route.py
    if value is None:
        return "—"
    return value.astimezone(ZoneInfo(zone) if zone else None).strftime("%d %b %H:%M")


def _before_last_report(when: datetime, precision: str | None, zone: str | None) -> str:
    if precision == "date":  # model/journey_text.py, last_report_text
        return f"{when:%a %d %b}"
    local = when.astimezone(ZoneInfo(zone) if zone else UTC)
    return f"{local:%a %d %b, %H:%M} {_before_zone_label(local)}"


def _before_utc_text(moment: datetime) -> str:  # report/page.py
    return f"{moment.astimezone(UTC):%d %b %Y, %H:%M} UTC"


def _before_chart_since(moment: datetime) -> str:  # paint/charts.py, the posts chart's title
    # (with the year since: an archive's chart said "since 18 Jun" of another year)
    return f"{moment.astimezone(UTC):%-d %b %Y %H:%M} UTC"


def _before_chart_tip(x: float) -> str:  # paint/charts.py, observation_tip
    return datetime.fromtimestamp(x, UTC).strftime("%d %b %H:%M UTC")


def _before_stored_utc(stored: str) -> str:  # gui/feed_pane.py, post_meta
    return f"{stored.replace('T', ' ').removesuffix('Z')} UTC"


def _before_post_when(post: Post, times: dict[int, datetime]) -> str:  # report/page.py
    moment = times.get(post.id)
    if moment is None:
        return ""
    if post.published is None:
        return f"seen {moment:%d %b %Y %H:%M} UTC"
    if post.published_precision == "date":
        return f"{moment:%d %b %Y}"
    return f"{moment:%d %b %Y %H:%M} UTC"


# -- the comparisons -----------------------------------------------------------------------------


def _zone(name: str | None) -> tzinfo | None:
    return timefmt.zone_named(name)


def _etas(likely: datetime) -> list[StopEta]:
    out = []
    for before, after in ((30, 30), (70, 150), (0, 0), (900, 1500)):
        out.append(StopEta("X", 1.0, likely - timedelta(minutes=before), likely,
                           likely + timedelta(minutes=after)))
    out += [StopEta("X", 1.0, None, likely, None), StopEta("X", 1.0, likely, None, likely),
            StopEta("X", 1.0, None, None, None), StopEta("X", 1.0, likely, likely, None)]
    return out


def _post(published: str | None, precision: str | None) -> Post:
    return Post(id=1, source_id=1, guid="g", seq=0, title="t", byline=None, location=None, body="",
                published=published, published_precision=precision, first_seen="2023-09-11T00:00:00Z",
                updated=None, content_hash="h")


def _posts(moment: datetime) -> list[Post]:
    iso = moment.isoformat()
    return [_post(iso, precision) for precision in ("date", "hour", "minute", "second", None)] + [
        _post(None, None), _post("not a time", "minute"), _post(moment.date().isoformat(), "date")]


def test_relative_words_are_as_before():
    now = BASES[0]
    for span in SPANS:
        for then in (now - span, now + span):
            assert timefmt.relative_time(then, now) == _before_relative_time(then, now)
            assert timefmt.relative_minutes(then, now) == _before_relative(then, now)
    for minutes in (0, 0.4, 0.6, 1, 59.5, 89, 89.6, 90, 130, 10_000.2):
        assert timefmt.format_minutes(minutes) == _before_format_minutes(minutes)


def test_the_readers_local_times_are_as_before(reader_zone):
    now = BASES[0]
    for moment in moments():
        for precision in ("hour", "minute", None):
            assert timefmt.local_time(moment, precision) == _before_local_time(moment, precision)
            assert timefmt.local_time(moment, precision, now) == _before_local_time(moment, precision, now)
        for post in _posts(moment):
            assert timefmt.short_post_time(post) == _before_format_post_time(post)
            try:
                before = _before_post_time(post.published, post.published_precision, now)
            except ValueError as error:  # an unparseable time raised then and raises now
                with pytest.raises(type(error)):
                    timefmt.post_time(post.published, post.published_precision, now)
                continue
            assert timefmt.post_time(post.published, post.published_precision, now) == before
            assert (timefmt.row_time(post.published, post.published_precision, now)
                    == _before_row_time(post.published, post.published_precision, now))
    assert timefmt.short_post_time(None) == _before_format_post_time(None) == ""


@pytest.mark.parametrize("zone_name", STOP_ZONES)
def test_windows_and_etas_in_a_stops_zone_are_as_before(zone_name):
    zone = _zone(zone_name)
    assert zone == (ZoneInfo(zone_name) if zone_name and zone_name != "Nowhere/Unknown" else None)
    assert timefmt.stop_zone(Stop("X", 0.0, "station", timezone=zone_name)) == zone
    for moment in moments():
        local = moment.astimezone(zone or UTC)
        assert timefmt.zone_label(local) == _before_zone_label(local)
        for eta in _etas(moment):
            assert timefmt.format_window(eta, zone) == _before_format_window(eta, zone)
            assert timefmt.eta_columns(eta, zone) == _before_eta_row(eta, zone)


@pytest.mark.parametrize("zone_name", [z for z in STOP_ZONES if z != "Nowhere/Unknown"])
def test_the_cli_times_are_as_before(zone_name, reader_zone):
    for moment in [*moments(), None]:
        assert timefmt.iso_in_zone(moment, zone_name) == _before_local(moment, zone_name)
        assert timefmt.day_time(moment, zone_name) == _before_fmt(moment, zone_name)
        if moment is not None:
            for precision in ("date", "hour", "minute", None):
                assert (timefmt.report_time(moment, precision, zone_name)
                        == _before_last_report(moment, precision, zone_name))


def test_the_reports_utc_times_are_as_before(reader_zone):
    for moment in moments():
        assert timefmt.utc_text(moment) == _before_utc_text(moment)
        assert timefmt.utc_since(moment) == _before_chart_since(moment)
        assert timefmt.utc_day_time(datetime.fromtimestamp(moment.timestamp(), UTC)) == _before_chart_tip(
            moment.timestamp())
        assert timefmt.utc_day_time(moment.astimezone(ZoneInfo("Asia/Pyongyang"))) == _before_chart_tip(
            moment.timestamp())
        for post in _posts(moment):
            for times in ({post.id: moment}, {}):
                assert timefmt.post_when(post, times) == _before_post_when(post, times)
        for stored in (moment.isoformat(), f"{moment:%Y-%m-%dT%H:%M:%S}Z", moment.date().isoformat(), ""):
            assert timefmt.stored_utc(stored) == _before_stored_utc(stored)


def test_a_window_over_midnight_names_its_days():
    likely = datetime(2023, 9, 11, 23, 30, tzinfo=ZoneInfo("Asia/Pyongyang"))
    eta = StopEta("X", 1.0, likely - timedelta(hours=1), likely, likely + timedelta(hours=2))
    assert timefmt.format_window(eta, ZoneInfo("Asia/Pyongyang")) == "Mon 23:30 (Mon 22:30–Tue 01:30) KST"
    assert timefmt.format_window(eta, ZoneInfo("Asia/Vladivostok")).endswith("UTC+10")


def test_the_reader_zone_fixture_changes_the_local_zone(reader_zone):
    offset = datetime(2023, 1, 1, tzinfo=UTC).astimezone().utcoffset()
    assert offset == ZoneInfo(reader_zone).utcoffset(datetime(2023, 1, 1))
