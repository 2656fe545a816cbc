"""Full-text search gives the same answers on both engines: the feed's text filter (every plan,
counts, changes, folded items), quote search, alert rules and the situation, each asked of a
database file and of a PostgreSQL team store holding the same posts.

The query language is parsed once (``store/search.py``) and spelled for each engine by
``store/text_match.py``; these tests hold the two spellings to the same answers. Against the
throwaway cluster of `.ci/pg-cluster.sh`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from conftest import SEED_ROUTE

from monitor.model import ParsedPost, ParseResult, parse_iso
from monitor.model.alerts import AlertRule
from monitor.service import Monitor
from monitor.situation import SituationLimits
from monitor.store.errors import full_text_errors, store_conditions
from monitor.store.feed import ChangeMark, FeedFilter, FeedQueries, sort_key

T0 = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)

#: (source, guid, title, body): words the queries below look for, punctuation typed literally,
#: and one story in two sources whose copy alone holds a word ("zebrafish").
POSTS = [
    ("agency", "a1", "Border crossing", "The armoured train crossed the border crossing at Khasan at dawn."),
    ("agency", "a2", "Vladivostok", "Crowds in Vladivostok waited; the Vladimir line was closed."),
    ("agency", "a3", "Tumangang", "North Korea's station at Tumangang was swept by Jong-Un's guards."),
    ("agency", "a4", "U.S. reaction", "The U.S. State Department said it watched; AT&T lines were cut."),
    ("agency", "a5", "Code", "A C++ programmer's blog post: foo_bar and 100% certain (maybe)."),
    ("agency", "a6", "Ceremony", "A short ceremony on the platform; the border guards saluted."),
    ("agency", "a7", "Crossing", "Crossing the border again? Officials said \"no comment\" at Khasan."),
    ("agency", "s1", "Train crosses", "The train crossed into Russia at noon, the railway said."),
    ("outlet", "o1", "Train crosses", "The train crossed into Russia at noon, the railway said. "
                                      "Zebrafish vendors cheered."),
    ("outlet", "o2", "Weather", "Rain and wind in Ussuriysk; the platform was wet."),
    # Words the Porter stemmer (FTS5's) and Snowball's English cut differently.
    ("outlet", "o3", "Stems", "The news was general; a strong wind blew."),
    ("outlet", "o4", "More stems", "Nothing new: the crowd was generous and cheered strongly."),
]

#: What people type: phrases, prefixes, OR, odd punctuation, nothing searchable at all.
QUERIES = [
    "border", "Khasan", '"border crossing"', '"crossing border"', "Vlad*", "vladi*",
    "Khasan OR Tumangang", "khasan or tumangang", "border Khasan", "Jong-Un", "U.S.", "Korea's",
    "C++", "AT&T", "100%", "foo_bar", "(maybe)", '"unclosed AND (', "-border", "NOT border",
    "border*", "crossing", "crossed", "zebrafish", "Zebra*", "\u201cborder crossing\u201d",
    "!!!", "___", "*", "OR", '""', "", "nothing-here-at-all",
    "news", "new", "general", "generous", "strong", "strongly", "gener*",
]


def _fill(monitor: Monitor) -> None:
    for i, (source, guid, title, body) in enumerate(POSTS):
        report = monitor.ingest_result(
            ParseResult(kind="jsonl", posts=(ParsedPost(
                guid=guid, title=title, body=body, published=T0 + timedelta(minutes=10 * i),
                published_precision="minute"),)),
            source, source_key=source, url=f"https://{source}.example/feed")
        assert report.ok, report.error


@pytest.fixture
def stores(tmp_path: Path, pg_dsn: str) -> Iterator[tuple[Monitor, Monitor]]:
    """The same posts in a database file and in a team store: (file, team)."""
    with Monitor(tmp_path / "store.db") as file, Monitor(pg_dsn) as team:
        _fill(file)
        _fill(team)
        yield file, team


def _titles(posts) -> list[tuple[str, str]]:
    return [(p.guid, p.title) for p in posts]


def _feed_answers(queries: FeedQueries, flt: FeedFilter, plans: set[str] | None = None) -> dict[str, object]:
    every, after = [], None
    while page := queries.page(flt, after=after, limit=2):
        every += _titles(page)
        after = sort_key(page[-1])
        if plans is not None:
            plans.add(queries.last_plan)
    return {"first page": _titles(queries.page(flt, limit=3)), "all pages": every,
            "count": queries.count(flt), "capped": queries.count(flt, cap=2),
            "hours": queries.hour_counts(flt)[:2]}


@pytest.mark.parametrize("fold", [True, False])
def test_the_feed_text_filter_answers_alike_on_both_engines(stores, fold):
    file, team = stores
    on_team = FeedQueries(team.db)
    # Each engine's feed by each of its plans: on the file every match sorted, and the newest
    # matches by id; on the team store the matches' leads sorted, and each row checked.
    others = [FeedQueries(file.db), FeedQueries(file.db, sorted_matches=0, candidates=3),
              FeedQueries(team.db, sorted_matches=0)]
    plans = set()
    for text in QUERIES:
        flt = FeedFilter(text=text, fold=fold)
        expected = _feed_answers(on_team, flt)
        for queries in others:
            assert _feed_answers(queries, flt, plans) == expected, (text, queries.sorted_matches)
    assert ({"each row"} if fold else {"planned"}) <= plans and "newest ids" in plans
    # The answers are the ones meant, not merely equal.
    found = {t: {g for g, _ in _feed_answers(on_team, FeedFilter(text=t, fold=fold))["all pages"]}
             for t in QUERIES}
    assert found['"border crossing"'] == {"a1"}
    assert found["Vlad*"] == {"a2"}
    assert found["Khasan OR Tumangang"] == {"a1", "a3", "a7"}
    assert found["khasan or tumangang"] == set()  # a lower-case "or" is a word to find
    assert found["Jong-Un"] == {"a3"} and found["AT&T"] == {"a4"} and found["C++"] == {"a5"}
    # One stemmer on both: "news" is "new" and "general" "generous", "strongly" is not "strong".
    assert found["news"] == found["new"] == {"o3", "o4"} and found["general"] == {"o3", "o4"}
    assert found["strongly"] == {"o4"} and found["strong"] == {"o3"}
    assert found['"unclosed AND ('] == set()
    everything = {guid for _, guid, _, _ in POSTS} - ({"o1"} if fold else set())
    for nothing in ("!!!", "___", "*", "OR", '""', ""):
        assert found[nothing] == everything, nothing
    # A folded feed finds a story by a word only its copy holds, and shows the lead.
    assert found["zebrafish"] == ({"s1"} if fold else {"o1"})


def test_the_feed_filters_text_with_a_source_and_a_time(stores):
    file, team = stores
    for monitor in (file, team):
        outlet = monitor.source("outlet").id
        as_of = (T0 + timedelta(minutes=45)).isoformat().replace("+00:00", "Z")
        queries = FeedQueries(monitor.db)
        assert _titles(queries.page(FeedFilter(text="train", source_id=outlet))) == [("o1", "Train crosses")]
        assert _titles(queries.page(FeedFilter(text="border", as_of=as_of))) == [("a1", "Border crossing")]
        assert queries.count(FeedFilter(text="border", as_of=as_of), cap=5) == 1


def test_changes_since_a_mark_filter_by_text_alike(stores):
    file, team = stores
    marks = {}
    for monitor in (file, team):
        marks[monitor.where] = FeedQueries(monitor.db).mark()
        later = T0 + timedelta(days=1)
        monitor.ingest_result(
            ParseResult(kind="jsonl", posts=(
                ParsedPost(guid="n1", title="Khasan again", body="Back at Khasan.", published=later),
                ParsedPost(guid="n2", title="Other", body="Nothing to see.", published=later),
            )), "agency", source_key="agency", url="https://agency.example/feed")
    answers = []
    for monitor in (file, team):
        added, edited, count, _ = FeedQueries(monitor.db).changes(
            FeedFilter(text="khasan"), marks[monitor.where])
        answers.append((_titles(added), _titles(edited), count))
    assert answers[0] == answers[1] == ([("n1", "Khasan again")], [], 1)
    assert ChangeMark() != marks[team.where]


@pytest.fixture
def seeded(tmp_path: Path, pg_dsn: str, seed_path: Path) -> Iterator[tuple[Monitor, Monitor]]:
    """The seed story following its route in a database file and in a team store: (file, team)."""
    with Monitor(tmp_path / "seed.db") as file, Monitor(pg_dsn) as team:
        for monitor in (file, team):
            monitor.set_route(SEED_ROUTE)
            assert all(r.ok for r in monitor.ingest_path(seed_path))
        yield file, team


def _quote_words(monitor: Monitor, text: str) -> set[tuple[int, str]]:
    return {(q.post_id, q.text) for q in monitor.quotes.search(text, limit=1000)}


def test_quote_search_finds_the_same_quotes_on_both_engines(seeded):
    file, team = seeded
    texts = [q.text for q in file.quotes.quotes()]
    assert texts
    # Words of the stored quotes, and the query language's forms of them.
    words = sorted({w for t in texts[:20] for w in t.split() if w.isalpha() and len(w) > 4})[:15]
    phrase = " ".join(texts[0].split()[:3])
    queries = [*words, f'"{phrase}"', f"{words[0][:4]}*", f"{words[0]} OR {words[1]}",
               f"{words[0]} {words[1]}", "!!!", '"unclosed (', "zzzzqqq"]
    for text in queries:
        assert _quote_words(team, text) == _quote_words(file, text), text
    assert _quote_words(team, f'"{phrase}"')
    assert team.quotes.search("!!!") == [] == file.quotes.search("!!!")
    # A limit keeps the first quotes found, each engine's best first.
    assert len(team.quotes.search(words[0], limit=1)) == 1


def test_alert_rules_match_the_same_posts_on_both_engines(seeded):
    file, team = seeded
    speaker = next(s.name for s in file.quotes.speakers() if s.kind == "person")
    rules = [AlertRule(None, "words", query="Khasan"),
             AlertRule(None, "phrase", query='"the train"'),
             AlertRule(None, "either", query="Khasan OR Vladivostok"),
             AlertRule(None, "prefix", query="Vlad*"),
             AlertRule(None, "who", speaker=speaker.upper()),
             AlertRule(None, "who and words", query="train", speaker=speaker)]
    hits = []
    for monitor in (file, team):
        for rule in rules:
            monitor.save_alert_rule(rule)
        hits.append(sorted((h.rule_name, h.post_id) for h in monitor.alerts.hits(limit=100_000)))
    assert hits[0] == hits[1]
    assert {name for name, _ in hits[1]} == {r.name for r in rules}


def test_the_situation_of_a_team_store_is_the_files(seeded):
    file, team = seeded
    first, last = FeedQueries(file.db).time_span()
    assert first and last
    # Half way through the story: some posts, quotes and reports are known, not all.
    at = parse_iso(first) + (parse_iso(last) - parse_iso(first)) / 2
    answers = []
    for monitor in (file, team):
        situation = monitor.situation(at, SituationLimits(posts=50, quotes_per_speaker=3, by_kind=True))
        answers.append({
            "counts": (situation.post_count, situation.source_count, situation.quote_count,
                       situation.speaker_count),
            "route": situation.route.name if situation.route else None,
            "estimate": situation.estimate,
            "speakers": [(s.name, s.quote_count) for s in situation.speakers],
            "posts": [p.id for p in situation.posts],
            "quotes": [q.id for q in situation.quotes],
            "hours": situation.post_hours,
            "per speaker": {k: [q.id for q in v] for k, v in situation.speaker_quotes.items()},
        })
    assert answers[0] == answers[1]
    assert answers[1]["route"] is not None and answers[1]["posts"] and answers[1]["quotes"]


def test_a_team_store_following_no_journey_suggests_the_files_route(stores):
    file, team = stores
    found = [monitor.situation(None, SituationLimits()).suggestion for monitor in (file, team)]
    assert found[0] == found[1]


def test_post_search_through_the_store_classes_answers_as_the_file(stores):
    file, team = stores
    for text in QUERIES:
        assert {p.guid for p in team.posts.search(text)} == {p.guid for p in file.posts.search(text)}, text
    assert [p.guid for p in team.posts.search("zebrafish")] == ["o1"]


def test_a_team_store_plans_each_statement_for_its_words(pg_dsn):
    # A feed page's plan depends on how many posts hold the words typed: one plan made for any
    # words (a prepared statement's generic plan) reads a common word's page the slow way.
    with Monitor(pg_dsn) as team:
        assert team.db.execute("show plan_cache_mode").fetchone()[0] == "force_custom_plan"


def test_a_team_stores_errors_are_its_own_not_a_damaged_sqlite_index(pg_dsn):
    # SQLite's damaged-index handling reads the file's catalogue (pragmas, sqlite_master): on a
    # team store it stands aside and the server's error is what the caller sees.
    with Monitor(pg_dsn) as team:
        with pytest.raises(psycopg.errors.UndefinedTable), full_text_errors(team.db):
            team.db.execute("select rowid from posts_fts")
        with pytest.raises(psycopg.errors.UndefinedTable), store_conditions(team.db):
            team.db.execute("select rowid from quotes_fts")
