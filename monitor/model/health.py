"""How a source is doing: posts per day, its usual gap between posts, and a warning.

Plain arithmetic over times the store reads (no I/O), shared by ``monitor sources`` and the
app's Sources dock so both say the same thing about the same source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from statistics import median

from monitor.model.posts import Source
from monitor.model.timeutil import to_iso

#: A polled source is stale when its newest post is older than this many of its usual gaps.
STALE_FACTOR = 3
#: ... and never before this long (a source that posts every minute is not stale after three).
STALE_FLOOR_S = 3600
#: A polled source with too few posts to know its usual gap is silent after this long without one.
SILENT_AFTER_S = 86400
#: Posts whose times give a source's usual gap (the newest this many).
RECENT_POSTS = 50


@dataclass(frozen=True)
class SourceHealth:
    """A source, its post count and the warning (if any) a reader should see."""

    source: Source
    posts: int
    #: Newest post's time (published, else first seen), ISO 8601 UTC; None with no posts.
    newest: str | None
    #: Median seconds between its recent posts; None with fewer than two dated posts.
    usual_gap_s: float | None
    #: Posts a day at the usual gap; None when unknown.
    per_day: float | None
    #: "failing", "stale", "silent" or None; ``warning_text`` says why in words.
    warning: str | None
    warning_text: str

    @property
    def label(self) -> str:
        """What to call the source: its title, else its address (a file by its name)."""
        return self.source.title or self.source.key.removeprefix("file:")

    @property
    def state(self) -> str:
        """One word for the source's state: disabled, failing, stale, silent, ok, never polled,
        or not polled (a file ingested once)."""
        src = self.source
        if not src.subscribed:
            return "not polled"
        if not src.enabled:
            return "disabled"
        if self.warning:
            return self.warning
        return "ok" if src.last_polled else "never polled"


def _gap_words(seconds: float) -> str:
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400 * 2:
        hours = seconds / 3600
        return f"{hours:.0f} h" if hours >= 10 or hours.is_integer() else f"{hours:.1f} h"
    return f"{seconds / 86400:.0f} days"


def assess(source: Source, posts: int, recent: list[datetime], now: datetime) -> SourceHealth:
    """The health of ``source`` with ``posts`` posts, ``recent`` its newest post times (any
    order), at ``now``. Only a source that is polled (subscribed and enabled) gets a warning:

    - failing: its last poll ended in an error;
    - silent: it was polled without error but has never given a post, or too few to know its
      usual gap and none for ``SILENT_AFTER_S``;
    - stale: its newest post is older than ``STALE_FACTOR`` times its usual gap (and at least
      ``STALE_FLOOR_S``).
    """
    times = sorted(recent)
    newest = times[-1] if times else None
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    gaps = [g for g in gaps if g > 0] or gaps
    gap = float(median(gaps)) if gaps else None
    per_day = 86400 / gap if gap else None
    warning: str | None = None
    text = ""
    if source.subscribed and source.enabled:
        if source.last_error:
            # The poller's errors start with the address, which the listing shows already.
            error = source.last_error.removeprefix(f"{source.url}: ")
            warning, text = "failing", f"failing: {error}"
            if source.failures > 1:
                text += f" ({source.failures} polls in a row)"
        elif source.last_polled and posts == 0:
            warning, text = "silent", "silent: polled, but it has given no post"
        elif source.last_polled and not gap and newest is not None \
                and (now - newest).total_seconds() > SILENT_AFTER_S:
            warning = "silent"
            text = f"silent: no new post for {_gap_words((now - newest).total_seconds())}"
        elif newest is not None and gap:
            quiet = (now - newest).total_seconds()
            if quiet > max(STALE_FACTOR * gap, STALE_FLOOR_S):
                warning = "stale"
                text = (f"stale: no new post for {_gap_words(quiet)}, "
                        f"usually one every {_gap_words(gap)}")
    return SourceHealth(source, posts, to_iso(newest), gap, per_day,
                        warning, text)
