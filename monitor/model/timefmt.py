"""Times, windows and ETAs in words, the same on every surface: the panes, the report, the CLI.

Plain Python (``zoneinfo``, no Qt), so ``monitor route`` formats as the window does. Times are
stored in UTC; these turn them into the reader's local time, a stop's own local time, or UTC
where a figure must not depend on who reads it. Each function says which.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.model.journey import Stop, StopEta
from monitor.model.posts import Post
from monitor.model.timeutil import parse_iso

#: Past this distance from "now" an ETA's "(in 3 h 10 min)" is left off: a week away, a count
#: of minutes says nothing the date does not.
RELATIVE_MINUTES_MAX = 7 * 24 * 60


# -- relative ------------------------------------------------------------------------------------


def relative_time(then: datetime, now: datetime) -> str:
    """``then`` from the point of view of ``now``: "just now", "12 min ago", "in 3 h", "2 days ago"."""
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


def format_minutes(minutes: float) -> str:
    """``70 min`` or ``2 h 10 min``."""
    minutes = round(minutes)
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def relative_minutes(moment: datetime, now: datetime) -> str:
    """`` (in 2 h 10 min)`` or `` (12 min ago)`` after an ETA; nothing beyond a week either way."""
    minutes = (moment - now).total_seconds() / 60.0
    if abs(minutes) > RELATIVE_MINUTES_MAX:
        return ""
    text = format_minutes(abs(minutes))
    return f" (in {text})" if minutes >= 0 else f" ({text} ago)"


# -- the reader's local time ---------------------------------------------------------------------


#: What a post without a date shows instead of one.
UNDATED = "undated"


#: The zone the window shows times in (Preferences → Display time zone); None: the system's.
_display_zone: tzinfo | None = None


def set_display_zone(zone: tzinfo | None) -> None:
    """Show local times in ``zone`` from now on (None: the system's local zone)."""
    global _display_zone
    _display_zone = zone


def display_zone() -> tzinfo | None:
    """The zone local times are shown in; None for the system's local zone."""
    return _display_zone


def local_time(then: datetime, precision: str | None, now: datetime | None = None) -> str:
    """``then`` in the display time zone (the local one unless Preferences chose another), as
    exactly as it is known; with the year when it is not the year of ``now`` (default: the clock)."""
    local = then.astimezone(_display_zone)
    year = (now or datetime.now(local.tzinfo)).astimezone(local.tzinfo).year
    day = "%a %d %b" if local.year == year else "%a %d %b %Y"
    if precision == "hour":
        return local.strftime(f"{day}, %H:00").replace(" 0", " ", 1)
    return local.strftime(f"{day}, %H:%M").replace(" 0", " ", 1)


def post_time(published: str | None, precision: str | None, now: datetime) -> tuple[str, str]:
    """(local, relative) words for a post's time (the feed); a date-only time has no relative part."""
    then = parse_iso(published)
    if then is None:
        return "", ""
    if precision == "date":
        # A date is the date the source printed, whatever the reader's zone.
        return then.strftime("%a %d %b %Y").replace(" 0", " "), ""
    return local_time(then, precision, now), relative_time(then, now)


def row_time(published: str | None, precision: str | None, now: datetime) -> str:
    """What a feed row says of a post's time: "Mon 11 Sep, 14:05 · 3 h ago", a date alone, or
    "undated" for a post with no date (never its arrival passed off as "just now")."""
    if not published:
        return UNDATED
    local, relative = post_time(published, precision, now)
    return f"{local} · {relative}" if relative else local


def short_post_time(post: Post | None) -> str:
    """A post's time in a table cell: ``11 Sep 20:05`` local, or ``11 Sep`` when only the date is known.

    A stored time that does not parse is shown as it is stored rather than dropped.
    """
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


# -- a stop's local time -------------------------------------------------------------------------


def zone_named(name: str | None) -> ZoneInfo | None:
    """The time zone called ``name``, or None when there is no name or it is unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def stop_zone(stop: Stop) -> ZoneInfo | None:
    """The stop's time zone, or None when it has none or the name is unknown."""
    return zone_named(stop.timezone)


def zone_label(moment: datetime) -> str:
    """``KST`` where the zone has a name, ``UTC+10`` where it only has an offset."""
    name = moment.tzname() or "UTC"
    if name[:1] in "+-":
        offset = moment.utcoffset()
        hours = (offset.total_seconds() / 3600.0) if offset is not None else 0.0
        name = f"UTC{hours:+g}"
    return name


def format_window(eta: StopEta, zone: tzinfo | None) -> str:
    """``06:20 (05:10–07:40) KST``: the likely time and the window in the stop's local time;
    "unknown" when the schedule has no time for the stop."""
    zone = zone or UTC

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    likely, early, late = local(eta.likely), local(eta.earliest), local(eta.latest)
    if likely is None:
        return "unknown"
    tz = zone_label(likely)
    if early is None or late is None:
        return f"~{likely:%a %H:%M} {tz}"
    if early.date() == late.date():
        return f"{likely:%H:%M} ({early:%H:%M}–{late:%H:%M}) {tz}"
    # A window over midnight names the days so that 23:00–01:00 is not read backwards.
    return f"{likely:%a %H:%M} ({early:%a %H:%M}–{late:%a %H:%M}) {tz}"


def eta_columns(eta: StopEta, zone: tzinfo | None) -> tuple[str, str] | None:
    """(``Tue 06:20 KST``, ``Tue 05:10 – Tue 07:40``): an ETA and its window as two table cells,
    in ``zone`` (UTC when None); None unless all three times are known."""
    if eta.likely is None or eta.earliest is None or eta.latest is None:
        return None
    likely, early, late = (m.astimezone(zone or UTC) for m in (eta.likely, eta.earliest, eta.latest))
    return f"{likely:%a %H:%M} {zone_label(likely)}", f"{early:%a %H:%M} – {late:%a %H:%M}"


def iso_in_zone(value: datetime | None, zone: str | None) -> str | None:
    """ISO time to the minute in the named zone (a stop's), or None without a time or a zone."""
    if value is None or not zone:
        return None
    return value.astimezone(ZoneInfo(zone)).isoformat(timespec="minutes")


def day_time(value: datetime | None, zone: str | None) -> str:
    """``11 Sep 20:05`` in the named zone (the reader's local time when None); ``—`` without a time."""
    if value is None:
        return "—"
    return value.astimezone(ZoneInfo(zone) if zone else None).strftime("%d %b %H:%M")


def report_time(when: datetime, precision: str | None, zone: str | None) -> str:
    """When a route report was made: ``Mon 11 Sep, 20:00 KST`` in the named zone (UTC when None or
    unknown, so the words do not depend on who reads them), or ``Mon 11 Sep`` for a date-only report."""
    if precision == "date":
        return f"{when:%a %d %b}"
    local = when.astimezone(zone_named(zone) or UTC)
    return f"{local:%a %d %b, %H:%M} {zone_label(local)}"


# -- UTC -----------------------------------------------------------------------------------------


def utc_text(moment: datetime) -> str:
    """``12 Sep 2023, 05:00 UTC``."""
    return f"{moment.astimezone(UTC):%d %b %Y, %H:%M} UTC"


def utc_day_time(moment: datetime) -> str:
    """``09 Sep 14:05 UTC``: a moment in UTC without the year (a chart's tip, an estimate's "as of")."""
    return f"{moment.astimezone(UTC):%d %b %H:%M} UTC"


def utc_since(moment: datetime) -> str:
    """``9 Sep 2023 14:05 UTC``: where a chart's data starts, in its title (the day unpadded; the
    year given, since a store may hold an archive of any year)."""
    return f"{moment.astimezone(UTC):%-d %b %Y %H:%M} UTC"


def stored_utc(stored: str) -> str:
    """``2023-09-11 14:05:00 UTC``: a stored ISO time (UTC) as it is stored, to the second, for a
    post's dialog where the exact time matters more than a friendly one."""
    return f"{stored.replace('T', ' ').removesuffix('Z')} UTC"


def post_when(post: Post, times: dict[int, datetime]) -> str:
    """A post's time in UTC as precisely as it is known (``times``: each post's moment, by id)."""
    moment = times.get(post.id)
    if moment is None:
        return ""
    if post.published is None:
        return f"seen {moment:%d %b %Y %H:%M} UTC"
    if post.published_precision == "date":
        return f"{moment:%d %b %Y}"
    return f"{moment:%d %b %Y %H:%M} UTC"

