"""How independently something was reported: by how many sources, from how many origins, and
of which tiers — shared by quotes and route reports, and worded once for every surface."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.model.posts import TIERS


@dataclass(frozen=True)
class Corroboration:
    """``reported_by``: sources carrying it; ``independent``: distinct origins (copies of one
    text, the posts of one story item, count once); ``tiers``: per source tier (in ``TIERS``
    order), how many of those origins came from a source of that tier."""

    reported_by: int
    independent: int
    tiers: tuple[tuple[str, int], ...] = ()
    #: How many posts carry it (a route observation's reports; 0 where not counted).
    reports: int = 0

    def tier_counts(self) -> dict[str, int]:
        """``tiers`` as a mapping (for JSON)."""
        return dict(self.tiers)


def tier_tally(origins: dict[object, set[str]]) -> tuple[tuple[str, int], ...]:
    """Per tier, how many origins hold a source of that tier, in ``TIERS`` order (zeros left
    out). ``origins`` maps each origin to the tiers of its sources."""
    return tuple((tier, n) for tier in TIERS
                 if (n := sum(1 for tiers in origins.values() if tier in tiers)))


def independence_text(found: Corroboration) -> str:
    """"2 independent, 1 primary": the origins, then the tiers among them."""
    parts = [f"{found.independent} independent"]
    parts += [f"{n} {tier}" for tier, n in found.tiers]
    return ", ".join(parts)


def reported_text(found: Corroboration) -> str:
    """A quote's reach: "reported by 3 outlets (2 independent, 1 primary)"."""
    outlets = "outlet" if found.reported_by == 1 else "outlets"
    return f"reported by {found.reported_by} {outlets} ({independence_text(found)})"


def reports_text(found: Corroboration, reports: int) -> str:
    """A route observation's reach: "3 reports, 2 independent, 1 wire"."""
    return f"{reports} report{'s' if reports != 1 else ''}, {independence_text(found)}"
