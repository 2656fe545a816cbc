"""Live blogs declared only as schema.org LiveBlogPosting microdata: updates read from the HTML."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from conftest import FEED_SAMPLES

from monitor.cli import cli
from monitor.service import Monitor
from monitor.sources.errors import SourceError
from monitor.sources.liveblog import parse_liveblog
from monitor.sources.registry import parse_document

BLOG = 'itemscope itemtype="https://schema.org/LiveBlogPosting"'


def _page(body: str, head: str = "") -> bytes:
    return (f"<!doctype html><html><head><title>Harbour ferry live</title>{head}</head>"
            f"<body><h1>Ferry strike</h1>{body}<footer><p>Footer text</p></footer></body></html>").encode()


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_itemprop_updates_are_read_with_their_properties():
    page = _page("""
      <div itemscope itemtype="https://schema.org/NewsArticle https://schema.org/LiveBlogPosting">
        <meta itemprop="datePublished" content="2026-03-01T08:00:00+01:00">
        <article itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting" id="u2">
          <h3 itemprop="headline">Second crossing cancelled</h3>
          <time itemprop="datePublished" datetime="2026-03-01T10:05:00+01:00">10:05</time>
          <span itemprop="author" itemscope><span itemprop="name">Ada Quay</span></span>
          <div itemprop="articleBody"><p>The 10:30 boat will not sail.</p><p>Buses replace it.</p></div>
          <a itemprop="url" href="https://news.invalid/ferry#u2">link</a>
        </article>
        <article itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting" id="u1">
          <h3 itemprop="headline">Strike begins</h3>
          <time itemprop="datePublished" datetime="2026-03-01T09:00:00+01:00">09:00</time>
          <div itemprop="articleBody"><p>Crews walked out at dawn.</p></div>
        </article>
      </div>""")
    result = parse_document(page, "ferry.html")
    assert result.kind == "liveblog" and result.title == "Harbour ferry live"
    newest, oldest = result.posts
    assert (newest.guid, newest.title, newest.byline) == ("#u2", "Second crossing cancelled", "Ada Quay")
    assert newest.body == "The 10:30 boat will not sail.\n\nBuses replace it."
    assert newest.url == "https://news.invalid/ferry#u2"
    assert newest.published == _at("2026-03-01T10:05:00+01:00")
    assert newest.published_precision == "second"
    assert oldest.body == "Crews walked out at dawn." and oldest.title == "Strike begins"
    assert newest.seq > oldest.seq


def test_repeated_blocks_with_time_elements_oldest_first_and_inert_text():
    page = _page(f"""
      <section class="feed" {BLOG}>
        <div class="entry card" id="e1"><time datetime="2026-04-02T06:00:00Z">06:00</time>
          <p>Gates open at the north pier.</p></div>
        <div class="entry"><time datetime="2026-04-02T06:40:00Z">06:40</time>
          <p>Queues <b>grow</b> quickly.<script>alert("x")</script></p>
          <iframe src="https://ads.invalid/"><p>ad text</p></iframe><img src="x.png" onerror="bad()"></div>
        <div class="advert"><time datetime="2026-04-02T06:41:00Z">06:41</time>Buy tickets</div>
        <div class="entry"><time datetime="2026-04-02T07:15:00Z">07:15</time>
          <p>First boat leaves.</p><p>It is full.</p></div>
      </section>""")
    result = parse_liveblog(page, "entries.html")
    assert [p.body for p in result.posts] == [
        "Gates open at the north pier.", "Queues grow quickly.", "First boat leaves.\n\nIt is full."]
    by_seq = sorted(result.posts, key=lambda p: p.seq)
    assert [p.published.hour * 60 + p.published.minute for p in by_seq] == [360, 400, 435]
    assert result.posts[0].guid == "#e1" and result.posts[1].guid.startswith("c:")
    assert all("alert" not in p.body and "<" not in p.body and "ad text" not in p.body
               for p in result.posts)


def test_clock_times_go_on_the_page_date_in_its_zone_and_roll_over_midnight():
    head = '<meta property="article:published_time" content="2026-02-14T21:00:00+01:00">'
    page = _page(f"""
      <div class="live" {BLOG}>
        <div class="post"><div class="meta"><span class="clock">0:20</span></div>
          <p>Last ferry docks after midnight.</p></div>
        <div class="post"><div class="meta"><span class="clock">23:50</span></div>
          <p>The score stands at 57:33 in the harbour regatta.</p></div>
        <div class="post"><p>A note with no time of its own.</p></div>
        <div class="post"><div class="meta"><span class="clock">23:10</span></div>
          <p>Crowds gather on the quay.</p></div>
        <div class="post"><div class="meta"><span class="clock">9:45 pm</span></div>
          <p>Evening service starts.</p></div>
      </div>""", head)
    result = parse_liveblog(page, "clock.html")
    times = [(p.published, p.published_precision) for p in result.posts]
    assert times == [
        (_at("2026-02-15T00:20:00+01:00"), "minute"),
        (_at("2026-02-14T23:50:00+01:00"), "minute"),
        (datetime(2026, 2, 14, tzinfo=UTC), "date"),
        (_at("2026-02-14T23:10:00+01:00"), "minute"),
        (_at("2026-02-14T21:45:00+01:00"), "minute"),
    ]
    assert [p.seq for p in result.posts] == [5, 4, 3, 2, 1]
    assert result.posts[1].body == "The score stands at 57:33 in the harbour regatta."
    assert not any("UTC" in e for e in result.errors)


def test_clock_times_without_any_page_date_are_kept_undated():
    blocks = "".join(f'<li class="u"><span>{t}</span><p>{text}</p></li>'
                     for t, text in (("14:05", "Rain stops play."), ("13:50", "Covers come on."),
                                     ("13:30", "Dark clouds roll in.")))
    page = _page(f'<ul {BLOG}>{blocks}</ul>')
    result = parse_liveblog(page, "nodate.html")
    assert [p.body for p in result.posts] == ["Rain stops play.", "Covers come on.", "Dark clouds roll in."]
    assert all(p.published is None and p.published_precision is None for p in result.posts)
    assert len({p.guid for p in result.posts}) == 3
    assert [p.guid for p in parse_liveblog(page, "nodate.html").posts] == [p.guid for p in result.posts]
    assert any("no date" in e and "nodate.html" in e for e in result.errors)
    assert [p.seq for p in result.posts] == [3, 2, 1]


def test_nested_runs_inside_updates_and_day_sections_are_not_taken_for_updates():
    laps = "".join(f'<li class="lap"><span>1:{s:02d}</span> lap {n}</li>'
                   for n, s in enumerate((2, 5, 7, 9, 11), 1))
    page = _page(f"""
      <div {BLOG} data-date="x">
        <meta itemprop="datePublished" content="2026-05-09">
        <div class="day"><h2>Saturday</h2>
          <div class="upd"><time>16:40</time><p>Race two won by the blue boat.</p>
            <ul class="laps">{laps}</ul></div>
          <div class="upd"><time>16:10</time><p>Race one under way.</p></div>
          <div class="upd"><time>15:55</time><p>Boats on the start line.</p></div>
        </div>
        <div class="day"><h2>Friday</h2>
          <div class="upd"><time>18:00</time><p>Practice ends.</p></div>
          <div class="upd"><time>17:00</time><p>Practice starts.</p></div>
        </div>
        <div class="day"><h2>Thursday</h2>
          <div class="upd"><time>12:00</time><p>Boats arrive.</p></div>
        </div>
      </div>""")
    result = parse_liveblog(page, "regatta.html")
    bodies = [p.body for p in result.posts]
    assert len(bodies) == 6 and bodies[1:] == [
        "Race one under way.", "Boats on the start line.", "Practice ends.", "Practice starts.",
        "Boats arrive."]
    assert bodies[0].startswith("Race two won by the blue boat.") and "lap 5" in bodies[0]
    assert not any(p.body.startswith("lap") for p in result.posts)
    assert all(p.published_precision == "minute" for p in result.posts)


def test_a_block_with_only_a_time_is_skipped_and_named():
    blocks = "".join(f'<div class="u"><time>{t}</time>{text}</div>'
                     for t, text in (("10:03", "<p>Third.</p>"), ("10:02", ""), ("10:01", "<p>First.</p>"),
                                     ("10:00", "<p>Zeroth.</p>")))
    # itemtype written without quotes is still the blog's
    result = parse_liveblog(_page(f'<div itemscope itemtype=https://schema.org/LiveBlogPosting>{blocks}</div>'),
                            "gap.html")
    assert [p.body for p in result.posts] == ["Third.", "First.", "Zeroth."]
    assert any("update 2 has neither headline nor text" in e for e in result.errors)


def test_fewer_than_three_timed_blocks_is_still_refused():
    blocks = ('<div class="u"><time>10:01</time><p>One.</p></div>'
              '<div class="u"><time>10:00</time><p>Two.</p></div>'
              '<div class="u"><p>No time here.</p></div>')
    with pytest.raises(SourceError) as caught:
        parse_liveblog(_page(f'<div {BLOG}>{blocks}</div>'), "short.html")
    assert "microdata" in str(caught.value) and "short.html" in str(caught.value)


def test_real_microdata_relay_is_ingested_through_the_cli(tmp_path):
    sample = FEED_SAMPLES / "traf_sportowefakty_live_microdata.html"
    if not sample.is_file():
        pytest.skip("feed sample not available")
    db = tmp_path / "relay.db"
    runner = CliRunner()
    ingested = runner.invoke(cli, ["--db", str(db), "ingest", str(sample)])
    # Counted by hand in the page: 53 <div class="coventry …"> blocks inside the LiveBlogPosting
    # element: 20 comments with a <time>hh:mm</time>, 15 heat results and 18 other notes without one.
    assert ingested.exit_code == 0 and "liveblog, 53 new" in ingested.output
    assert "taken as UTC" in ingested.output
    exported = runner.invoke(cli, ["--db", str(db), "posts", "--json"])
    rows = [json.loads(line) for line in exported.output.splitlines()]
    assert len(rows) == 53
    timed = [r for r in rows if r["published_precision"] == "minute"]
    assert len(timed) == 20
    assert all(r["published"].startswith("2020-09-28T") for r in rows)
    assert {r["published_precision"] for r in rows} == {"minute", "date"}
    assert all("<" not in r["body"] and "&nbsp;" not in r["body"] and "onSiteReady" not in r["body"]
               for r in rows)
    by_text = {r["body"]: r for r in timed}
    first = by_text["Piotr Protasiewicz pojedzie teraz po raz 2600. w biegu w PGE Ekstralidze w życiu!"]
    assert first["published"] == "2020-09-28T19:30:00Z"
    heat = next(r for r in rows if r["body"].startswith("Bieg 15"))
    assert "Protasiewicz w swoim jubileuszowym wyścigu zwycięża" in heat["body"]
    assert len({r["guid"] for r in rows}) == 53
    again = runner.invoke(cli, ["--db", str(db), "ingest", str(sample)])
    assert "0 new" in again.output
    with Monitor(db) as monitor:
        assert monitor.posts.count() == 53
