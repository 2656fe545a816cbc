"""The feed shows one row per story item: copies in other sources behind their lead with
"also in N sources", read together, found through any copy. Real feed samples, a real store,
real widgets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.gui.feed_delegate import also_in_text
from monitor.gui.feed_pane import FeedPane
from monitor.gui.workers import Runner
from monitor.model import ParsedPost, ParseResult
from monitor.service import Monitor
from monitor.store.feed import FeedFilter, FeedQueries


@pytest.fixture(params=["sqlite", "postgresql"])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each engine: a database file, or a PostgreSQL team store's URL."""
    if request.param == "sqlite":
        return tmp_path / "monitor.db"
    return request.getfixturevalue("pg_dsn")


DESKS = ("desk-a", "desk-b")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
STORY = ("The armoured train crossed the border at Khasan shortly after dawn on Tuesday, the "
         "regional railway said, and was expected in Ussuriysk by the evening after a stop for "
         "a change of locomotives and a short ceremony on the platform.")


def ingest_twice(db_path: Path, feeds: Path) -> dict[str, list[int]]:
    """Every readable feed sample ingested under two source names (one source per file and desk);
    returns each desk's post ids."""
    found: dict[str, list[int]] = {desk: [] for desk in DESKS}
    with Monitor(db_path) as monitor:
        for path in sorted(feeds.iterdir()):
            if path.suffix not in (".xml", ".rss", ".atom") and not path.name.endswith(".rss.xml"):
                continue
            for desk in DESKS:
                for report in monitor.ingest_path(path, source_key=f"{desk}:{path.name}"):
                    if report.ok and report.source_id is not None:
                        found[desk] += sorted(report.changes.posts_added)
                        monitor.rename_source(report.source_id, f"{desk} {path.name}")
    return found


@pytest.fixture
def two_desks(db_path: Path, shared_feeds: Path) -> tuple[Path, dict[str, list[int]]]:
    ids = ingest_twice(db_path, shared_feeds)
    assert ids["desk-a"] and len(ids["desk-a"]) == len(ids["desk-b"])
    return db_path, ids


@pytest.fixture
def runner(qtbot, db_path):
    runner = Runner(db_path)
    yield runner
    runner.shutdown()


def _pane(qtbot, runner, width: int = 800) -> FeedPane:
    pane = FeedPane()
    qtbot.addWidget(pane)
    pane.resize(width, 700)
    pane.show()
    pane.set_runner(runner)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and not pane.model.loading, timeout=15000)
    while pane.model.canFetchMore():
        pane.model.fetchMore()
        qtbot.waitUntil(lambda: not pane.model.loading, timeout=15000)
    return pane


def test_each_post_ingested_under_two_sources_is_one_row_also_in_one_source(qtbot, two_desks, runner):
    db_path, ids = two_desks
    pane = _pane(qtbot, runner)
    rows = [pane.model.post_at(r) for r in range(pane.model.rowCount())]
    assert len(rows) == len(ids["desk-a"])  # one row per post, not two
    assert {p.id for p in rows} == set(ids["desk-a"])  # the first ingested is each item's lead
    assert {also_in_text(p.also_in) for p in rows} == {"also in 1 source"}
    assert pane.model.total == len(rows)
    # The same store unfolded: both copies.
    with Monitor(db_path, readonly=True) as monitor:
        assert FeedQueries(monitor.db).count(FeedFilter(fold=False)) == 2 * len(rows)
    # A source filter shows that source's own posts.
    assert pane.grab().width() == 800


def test_opening_a_row_lists_each_copy_with_its_source_and_time(qtbot, two_desks, runner):
    pane = _pane(qtbot, runner)
    pane.open_post(0)
    dialog = pane.post_dialog
    qtbot.waitUntil(lambda: dialog.copies.isVisible(), timeout=5000)
    text = dialog.copies.text()
    assert "Also in 1 other source" in text
    lines = text.splitlines()[1:]
    assert len(lines) == 2 and lines[0].startswith("desk-a ") and lines[0].endswith("lead (earliest)")
    assert lines[1].startswith("desk-b ") and "lead" not in lines[1]


def test_marking_an_item_read_marks_its_copies_read(qtbot, two_desks, runner):
    db_path, ids = two_desks
    pane = _pane(qtbot, runner)
    post = pane.model.post_at(0)
    assert pane.model.is_unread(post.id)
    pane.select_row(0)  # selecting a post reads it
    assert not pane.model.is_unread(post.id)
    with Monitor(db_path, readonly=True) as monitor:
        copies = [c.post_id for c in monitor.item_copies(post.id)]
    assert len(copies) == 2 and post.id in copies

    def copies_read() -> bool:
        with Monitor(db_path, readonly=True) as monitor:
            return not monitor.reads.unread_among(copies)
    qtbot.waitUntil(copies_read, timeout=5000)
    with Monitor(db_path, readonly=True) as monitor:  # other items stay unread
        assert monitor.reads.unread_among([p for p in ids["desk-b"] if p not in copies])


def _story(monitor: Monitor, source: str, guid: str, body: str, when: datetime) -> None:
    report = monitor.ingest_result(
        ParseResult(kind="jsonl", posts=(ParsedPost(guid=guid, title="Train crosses", body=body,
                                                    published=when),)),
        source, source_key=source, url=f"https://{source}/feed")
    assert report.ok, report.error


@pytest.mark.parametrize("sorted_matches", [5_000, 0])  # every match sorted; the newest-ids path
def test_a_search_matching_only_a_copy_finds_its_item(db_path, sorted_matches):
    with Monitor(db_path) as monitor:
        _story(monitor, "agency", "a1", STORY, T0)
        _story(monitor, "outlet", "o1", STORY + " Zebrafish vendors cheered.", T0 + timedelta(hours=1))
        lead = monitor.posts.posts()[-1]
        assert lead.title == "Train crosses" and len(monitor.item_copies(lead.id)) == 2
        queries = FeedQueries(monitor.db, sorted_matches=sorted_matches, candidates=1)
        page = queries.page(FeedFilter(text="zebrafish"))
        assert [p.source_id for p in page] == [monitor.source("agency").id]
        assert page[0].also_in == 1
        assert queries.count(FeedFilter(text="zebrafish"), cap=100) == 1
        assert queries.count(FeedFilter(text="train"), cap=100) == 1
        # Unfolded, the copy itself matches.
        assert [p.source_id for p in queries.page(FeedFilter(text="zebrafish", fold=False))] == \
            [monitor.source("outlet").id]


def test_a_new_copy_refreshes_its_lead_row(qtbot, db_path, runner):
    with Monitor(db_path) as monitor:
        _story(monitor, "agency", "a1", STORY, T0)
    pane = _pane(qtbot, runner)
    assert pane.model.rowCount() == 1 and pane.model.post_at(0).also_in == 0
    with Monitor(db_path) as monitor:
        _story(monitor, "outlet", "o1", STORY, T0 + timedelta(hours=1))
    pane.refresh()
    qtbot.waitUntil(lambda: pane.model.post_at(0) is not None and pane.model.post_at(0).also_in == 1,
                    timeout=5000)
    assert pane.model.rowCount() == 1


def test_a_story_in_many_sources_lists_a_dozen_copies_and_how_many_more(qtbot, db_path, runner):
    with Monitor(db_path) as monitor:
        for n in range(15):
            _story(monitor, f"outlet-{n:02}", f"s{n}", STORY, T0 + timedelta(minutes=n))
    pane = _pane(qtbot, runner)
    assert pane.model.rowCount() == 1 and pane.model.post_at(0).also_in == 14
    pane.open_post(0)
    dialog = pane.post_dialog
    qtbot.waitUntil(lambda: dialog.copies.isVisible(), timeout=5000)
    lines = dialog.copies.text().splitlines()
    assert lines[0] == "Also in 14 other sources; 15 copies:"
    assert lines[1].startswith("outlet-00 ") and lines[1].endswith("lead (earliest)")
    assert len(lines) == 1 + 12 + 1 and lines[-1] == "… and 3 more"


def test_searching_the_window_for_words_only_a_copy_has_shows_its_item(qtbot, db_path, runner):
    with Monitor(db_path) as monitor:
        _story(monitor, "agency", "a1", STORY, T0)
        _story(monitor, "outlet", "o1", STORY + " Zebrafish vendors cheered.", T0 + timedelta(hours=1))
        agency = monitor.source("agency").id
    pane = _pane(qtbot, runner)
    pane.set_search("zebrafish")
    qtbot.waitUntil(lambda: pane.model.feed_filter.text == "zebrafish" and not pane.model.loading
                    and pane.model.rowCount() == 1, timeout=10000)
    post = pane.model.post_at(0)
    assert post.source_id == agency and post.also_in == 1 and pane.model.total == 1


def test_all_sources_counts_each_unread_item_once(qtbot, two_desks, runner):
    """Every post in two sources: each source counts its own unread posts, "All sources" counts
    the feed's rows, one per story item; reading an item takes one off the total."""
    db_path, ids = two_desks
    items = len(ids["desk-a"])
    with Monitor(db_path, readonly=True) as monitor:
        unread, copies = monitor.reads.unread_counts(), monitor.reads.unread_copies()
    assert sum(unread.values()) == 2 * items and copies == items
    pane = _pane(qtbot, runner)
    sources = [(sid, f"source {sid}") for sid in sorted(unread)]
    pane.set_sources(sources, unread, copies)
    assert pane.sources.itemText(0) == f"All sources ({items:,})"
    assert pane.unread_count() == items
    pane.select_row(0)  # reading the item reads its copy in the other desk's source
    assert pane.unread_count() == items - 1
    lead = pane.model.post_at(0)

    def settled() -> bool:
        with Monitor(db_path, readonly=True) as monitor:
            return not monitor.reads.unread_among([c.post_id for c in monitor.item_copies(lead.id)])
    qtbot.waitUntil(settled, timeout=5000)
    with Monitor(db_path, readonly=True) as monitor:
        unread, copies = monitor.reads.unread_counts(), monitor.reads.unread_copies()
    assert sum(unread.values()) - copies == items - 1 and copies == items - 1
