"""What a write changed: every write of the service says so, and views refresh only that.

The idea is Anki's ``OpChanges``: an ingest, a poll, an analyst's correction or a new route
returns an :class:`OpChanges` naming the posts, quotes, speakers and sources it touched and
whether the route reports (and so the journey's schedule) changed. A view asks
``changes.quotes_changed`` or ``changes.journey_changed`` instead of diffing everything it shows.
Sets err on the side of saying too much: a post that was re-read counts as changed even when
its quotes came out the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any


def _ids(values: Iterable[int | None]) -> frozenset[int]:
    return frozenset(v for v in values if v is not None)


@dataclass(frozen=True)
class OpChanges:
    """What one write changed. Empty: nothing (a poll that found the page unchanged)."""

    #: Posts stored for the first time, and posts stored in a new version (edits).
    posts_added: frozenset[int] = field(default_factory=frozenset)
    posts_updated: frozenset[int] = field(default_factory=frozenset)
    #: Quotes whose speaker or status an analyst changed; of them, those no longer active
    #: (rejected), which every count and list of active quotes loses.
    quotes: frozenset[int] = field(default_factory=frozenset)
    quotes_deactivated: frozenset[int] = field(default_factory=frozenset)
    #: Posts whose quotes changed (re-extracted, corrected, moved to another speaker).
    quote_posts: frozenset[int] = field(default_factory=frozenset)
    #: Speakers whose quotes, counts, names or aliases changed; and those that no longer exist.
    speakers: frozenset[int] = field(default_factory=frozenset)
    speakers_removed: frozenset[int] = field(default_factory=frozenset)
    #: True when an ingest may have stored speakers nobody has an id for yet (extraction), so
    #: speaker lists are read again rather than patched by id.
    speakers_added: bool = False
    #: Sources whose state changed (a poll's status, validators, address, title; new posts).
    sources: frozenset[int] = field(default_factory=frozenset)
    #: Route reports (observations) were stored or removed: the journey's schedule is stale.
    observations: bool = False
    #: The route in use changed (every report was matched to it again).
    route: bool = False
    #: Alert rules or their hits changed (a rule saved or deleted, hits dismissed).
    alerts: bool = False

    @classmethod
    def of(cls, **kwargs: Any) -> OpChanges:
        """Changes from plain iterables of ids (None entries dropped), e.g.
        ``OpChanges.of(quotes=[7], speakers=[old, new])``."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in kwargs:
                value = kwargs.pop(f.name)
                values[f.name] = value if isinstance(value, bool) else _ids(value)
        if kwargs:
            raise TypeError(f"OpChanges has no field {', '.join(sorted(kwargs))}")
        return cls(**values)

    def __or__(self, other: OpChanges) -> OpChanges:
        """Both changes at once (a poll round of many sources, a burst of ingests)."""
        if not isinstance(other, OpChanges):
            return NotImplemented
        return OpChanges(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def posts(self) -> frozenset[int]:
        """Posts added or updated."""
        return self.posts_added | self.posts_updated

    @property
    def quotes_changed(self) -> bool:
        """Quote lists and speaker counts need reading again."""
        return bool(self.quotes or self.quote_posts or self.speakers or self.speakers_removed
                    or self.speakers_added)

    @property
    def journey_changed(self) -> bool:
        """The journey's schedule must be built again."""
        return self.observations or self.route


#: Nothing changed.
NO_CHANGES = OpChanges()
#: What choosing a route changes, always: the route, and every post's reports matched to it.
ROUTE_CHANGED = OpChanges(observations=True, route=True)


def merge_changes(changes: Iterable[OpChanges]) -> OpChanges:
    """All of ``changes`` as one."""
    total = NO_CHANGES
    for change in changes:
        total = total | change
    return total
