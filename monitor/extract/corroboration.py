"""Quotes reported by several outlets: the same speaker and (fuzzily) the same words are one quote.

Two quotes of one speaker are the same statement when their words match after case and
punctuation are set aside, or when runs of three words they share make up, on average over the
two, at least ``SAME_WORDS`` of each (a reprint that drops a clause or changes "says" to "said"
still counts; two different sentences about the same thing do not). Statements are grouped
transitively within a speaker. A group is "reported by N outlets (K independent)": N is the
number of sources whose posts carry it, K the number of distinct origins — copies of one text
(posts of one story item) are one origin, a post in its own words is another — and the tiers
say how many of those origins came from a wire, a primary (official) source, and so on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from monitor.model.corroboration import Corroboration, tier_tally
from monitor.store.corroboration import QuoteReport

#: Share of three-word runs two wordings must share (averaged over both) to be one statement.
SAME_WORDS = 0.6
_WORDS = re.compile(r"\w+")
_RUN = 3
#: A run more quotes than this share ("the two leaders") is no clue to which are the same.
_COMMON = 200


#: How widely one statement was reported (the shared record of corroboration).
Reported = Corroboration


def _runs(text: str) -> frozenset[str]:
    words = _WORDS.findall(text.casefold())
    if len(words) < _RUN:
        return frozenset([" ".join(words)])
    return frozenset(" ".join(words[i:i + _RUN]) for i in range(len(words) - _RUN + 1))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 2:  # a two-word quote matches only itself
        return False
    shared = len(a & b)
    return (shared / len(a) + shared / len(b)) / 2 >= SAME_WORDS


def corroboration(reports: Iterable[QuoteReport]) -> dict[int, Reported]:
    """For each quote id: by how many sources and how many independent origins its statement
    was reported."""
    by_speaker: dict[int, list[QuoteReport]] = defaultdict(list)
    for report in reports:
        by_speaker[report.speaker_id].append(report)
    found: dict[int, Reported] = {}
    for quotes in by_speaker.values():
        for group in _groups(quotes):
            origins: dict[object, set[str]] = defaultdict(set)
            for q in group:
                origins[q.origin].update([q.tier] if q.tier else [])
            figures = Reported(len({q.source_id for q in group}), len(origins), tier_tally(origins))
            found.update((q.quote_id, figures) for q in group)
    return found


def _groups(quotes: list[QuoteReport]) -> list[list[QuoteReport]]:
    """The speaker's quotes grouped into statements. Candidates share a three-word run (an
    inverted index), so a speaker quoted thousands of times is not compared pair by pair."""
    runs = [_runs(q.text) for q in quotes]
    parent = list(range(len(quotes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[str, list[int]] = defaultdict(list)
    for i, mine in enumerate(runs):
        seen: set[int] = set()
        for run in mine:
            if len(holders[run]) > _COMMON:
                continue
            for j in holders[run]:
                if j not in seen:
                    seen.add(j)
                    if root(i) != root(j) and _same(mine, runs[j]):
                        parent[root(i)] = root(j)
            holders[run].append(i)
    groups: dict[int, list[QuoteReport]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        groups[root(i)].append(quote)
    return list(groups.values())
