"""Words for times and counts as the panes show them."""

from __future__ import annotations

from datetime import datetime, tzinfo

from monitor.model import parse_iso

#: The zone times are shown in (Preferences → Display time zone); None: the system's local zone.
_display_zone: tzinfo | None = None


def set_display_zone(zone: tzinfo | None) -> None:
    """Show times in ``zone`` from now on (None: the system's local zone)."""
    global _display_zone
    _display_zone = zone


def display_zone() -> tzinfo | None:
    """The zone times are shown in; None for the system's local zone."""
    return _display_zone


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


#: What a post without a date shows instead of one.
UNDATED = "undated"


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
    """(local, relative) words for a post's time; a date-only time has no relative part."""
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
