"""A story item's copies for the post dialog: each post with its source and time, read on a
worker (the one call the dialog makes besides its revisions)."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.model.timefmt import stored_utc
from monitor.service import Monitor


@dataclass(frozen=True)
class CopyRow:
    """One copy of a story item as the dialog lists it."""

    post_id: int
    source_id: int
    source: str
    tier: str | None
    at: str
    lead: bool


def item_copies(monitor: Monitor, post_id: int) -> list[CopyRow]:
    """The posts of ``post_id``'s story item, the lead first; empty when it has no copies."""
    copies = monitor.item_copies(post_id)
    if len(copies) < 2:
        return []
    rows = []
    for n, copy in enumerate(copies):
        source = monitor.sources.get(copy.source_id)
        label = (source.title or source.key.removeprefix("file:")) if source else f"source #{copy.source_id}"
        tier = source.tier if source else None
        rows.append(CopyRow(copy.post_id, copy.source_id, label, tier, copy.at, n == 0))
    return rows


#: Copies listed in the dialog; an agency story in forty outlets says how many more there are.
SHOWN_COPIES = 12


def copies_text(rows: list[CopyRow]) -> str:
    """The dialog's lines: which source carried each copy and when, the lead marked (at most
    ``SHOWN_COPIES`` of them, then how many more)."""
    lines = []
    for row in rows[:SHOWN_COPIES]:
        tier = f" [{row.tier}]" if row.tier else ""
        lead = " — lead (earliest)" if row.lead else ""
        lines.append(f"{row.source}{tier} · {stored_utc(row.at)}{lead}")
    if len(rows) > SHOWN_COPIES:
        lines.append(f"… and {len(rows) - SHOWN_COPIES} more")
    return "\n".join(lines)
