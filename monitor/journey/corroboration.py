"""Route observations reported by several posts: one corroborated observation.

Observations of the same stop and kind whose time windows overlap (chained: a overlaps b, b
overlaps c) are one event seen several times. Each gets the group's counts: the posts that
report it, their sources, their independent origins (the posts of one story item — reprints of
one text — are one origin) and the tiers among those origins. An observation with no time is
grouped with the others of its stop and kind that have none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from monitor.model import Observation
from monitor.model.corroboration import Corroboration, tier_tally
from monitor.store.corroboration import PostOrigin


def _window(obs: Observation) -> tuple[datetime, datetime] | None:
    start = obs.window_start or obs.at
    end = obs.window_end or obs.at
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def corroboration_groups(observations: Iterable[Observation]) -> list[list[int]]:
    """Indexes of ``observations`` grouped into events: same stop, same kind, overlapping windows."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    listed = list(observations)
    for i, obs in enumerate(listed):
        by_key[(obs.stop, obs.kind)].append(i)
    groups: list[list[int]] = []
    for members in by_key.values():
        untimed = [i for i in members if _window(listed[i]) is None]
        if untimed:
            groups.append(untimed)
        timed = sorted((i for i in members if _window(listed[i]) is not None),
                       key=lambda i: _window(listed[i]) or ())
        current: list[int] = []
        reach: datetime | None = None
        for i in timed:
            start, end = _window(listed[i]) or (None, None)
            assert start is not None and end is not None
            if current and reach is not None and start <= reach:
                current.append(i)
                reach = max(reach, end)
            else:
                if current:
                    groups.append(current)
                current, reach = [i], end
        if current:
            groups.append(current)
    return groups


def corroborate(observations: Iterable[Observation],
                origins: Mapping[int, PostOrigin]) -> tuple[Observation, ...]:
    """``observations`` in their order, each with its group's corroboration. An observation of no
    post (None) is an origin of its own, of no source."""
    listed = list(observations)
    found: list[Observation] = list(listed)
    for group in corroboration_groups(listed):
        posts = {listed[i].post_id for i in group}
        sources: set[int] = set()
        tiers: dict[object, set[str]] = defaultdict(set)
        for post_id in posts:
            origin = origins.get(post_id) if post_id is not None else None
            if origin is None:
                tiers.setdefault(("post", post_id), set())  # an origin of its own, with no tier
                continue
            sources.add(origin.source_id)
            tiers[origin.origin].update([origin.tier] if origin.tier else [])
        counts = Corroboration(reported_by=len(sources), independent=len(tiers),
                               tiers=tier_tally(tiers), reports=len(posts))
        for i in group:
            found[i] = replace(listed[i], corroboration=counts)
    return tuple(found)
