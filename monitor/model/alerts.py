"""Alert rules and their hits: a rule is a search (words and phrases in the store's query
language, a speaker, a source) with what to do when a post matches it."""

from __future__ import annotations

from dataclasses import dataclass


class AlertRuleError(ValueError):
    """A rule that cannot be kept: names the rule and the problem."""


@dataclass(frozen=True)
class AlertRule:
    """What to look for and what to do with a post that has it. ``query`` is the feed search's
    language (words, "a phrase", word*, OR); ``speaker`` a speaker's name or alias; a rule needs
    at least one of query, speaker and source."""

    id: int | None
    name: str
    query: str = ""
    speaker: str = ""
    source_id: int | None = None
    highlight: bool = True
    notify: bool = True
    sound: bool = False


@dataclass(frozen=True)
class AlertHit:
    """A post a rule matched, until the reader dismisses it; ``unread`` while its post is unread."""

    rule_id: int
    rule_name: str
    post_id: int
    title: str
    source: str
    published: str | None
    published_precision: str | None
    found: str
    unread: bool
    highlight: bool
    notify: bool
    sound: bool
    #: The post arrived after the rule was made (not one of the posts already stored).
    fresh: bool = False
