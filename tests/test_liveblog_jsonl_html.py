"""Live-blog JSON-LD, JSON Lines round-trips and HTML to text."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from conftest import FEED_SAMPLES as SAMPLES

from monitor.cli import cli
from monitor.service import Monitor
from monitor.sources.errors import SourceError
from monitor.sources.htmltext import html_to_paragraphs, html_to_text
from monitor.sources.liveblog import parse_liveblog
from monitor.sources.registry import parse_document


def _page(jsonld: str) -> bytes:
    return (f'<!doctype html><html><head><script type="application/ld+json">{jsonld}</script>'
            "</head><body><p>page</p></body></html>").encode()


def _update(n: int, minute: int, **extra) -> dict:
    return {"@type": "BlogPosting", "@id": f"u{n}", "headline": f"Update {n}",
            "articleBody": f"<p>Body {n} with <a href='https://x.invalid/'>a link</a>.</p>",
            "datePublished": f"2026-03-01T10:{minute:02d}:00+09:00",
            "author": {"@type": "Person", "name": "Kim Reporter"}, **extra}


def test_graph_wrapper_and_update_fields():
    doc = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Site"},
        {"@type": ["LiveBlogPosting"], "headline": "Train live", "url": "https://news.invalid/live",
         "liveBlogUpdate": [_update(2, 30), _update(1, 5)]},
    ]}
    result = parse_document(_page(json.dumps(doc)), "live.html")
    assert result.kind == "liveblog" and result.title == "Train live"
    newest, oldest = result.posts
    assert (newest.guid, newest.title, newest.byline) == ("u2", "Update 2", "Kim Reporter")
    assert newest.body == "Body 2 with a link."
    assert newest.published.isoformat() == "2026-03-01T01:30:00+00:00"
    assert newest.published_precision == "second" and newest.seq > oldest.seq


def test_top_level_list_oldest_first_is_ordered_by_time():
    doc = [{"@type": "LiveBlogPosting", "headline": "Blog",
            "liveBlogUpdate": [_update(1, 0), _update(2, 10), _update(3, 20)]}]
    result = parse_liveblog(_page(json.dumps(doc)), "list.html")
    by_seq = sorted(result.posts, key=lambda p: p.seq)
    assert [p.guid for p in by_seq] == ["u1", "u2", "u3"]


def test_same_time_updates_keep_page_order_and_drop_repeated_headline():
    doc = {"@type": "LiveBlogPosting", "headline": "Blog",
           "liveBlogUpdate": [dict(_update(n, 0), headline="Blog") for n in (3, 2, 1)]}
    result = parse_liveblog(json.dumps(doc).encode(), "same.jsonld")
    assert [p.seq for p in result.posts] == [3, 2, 1]
    assert all(p.title is None for p in result.posts)


def test_updates_all_stamped_with_one_time_keep_only_its_date_and_say_so():
    """Three or more updates carrying one and the same time carry the page's time, not their
    own: kept to the day, with a note; two updates of one minute keep their time."""
    doc = {"@type": "LiveBlogPosting", "headline": "Blog",
           "liveBlogUpdate": [_update(n, 0) for n in (3, 2, 1)]}
    result = parse_liveblog(json.dumps(doc).encode(), "stamped.jsonld")
    assert {p.published_precision for p in result.posts} == {"date"}
    assert {p.published.isoformat() for p in result.posts} == {"2026-03-01T01:00:00+00:00"}
    assert any("all 3 updates carry the same time" in e and e.startswith("stamped.jsonld")
               for e in result.errors)
    pair = {"@type": "LiveBlogPosting", "headline": "Blog",
            "liveBlogUpdate": [_update(n, 0) for n in (2, 1)]}
    kept = parse_liveblog(json.dumps(pair).encode(), "pair.jsonld")
    assert {p.published_precision for p in kept.posts} == {"second"} and not kept.errors


def test_a_real_blog_that_stamps_every_update_with_the_page_time():
    result = parse_document(SAMPLES.joinpath("gu_live_pmqs.liveblogposting.jsonld").read_bytes(),
                            "pmqs.jsonld")
    assert len(result.posts) == 11 and {p.published_precision for p in result.posts} == {"date"}


def test_broken_json_is_repaired_and_a_hopeless_block_is_named():
    broken = ('{"@type": "LiveBlogPosting", "headline": "B", // a comment\n'
              '"liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Only one", },]')
    data = _page(broken) + b'<script type="application/ld+json">]]]</script>'
    result = parse_liveblog(data, "broken.html")
    assert [p.title for p in result.posts] == ["Only one"]


def test_page_without_jsonld_is_a_clear_error():
    with pytest.raises(SourceError, match="nope.html: no JSON-LD found"):
        parse_liveblog(b"<html><body><p>Nothing here</p></body></html>", "nope.html")
    with pytest.raises(SourceError, match="empty.html: JSON-LD block 1 is not JSON"):
        parse_liveblog(b'<html><script type="application/ld+json"> </script></html>', "empty.html")


def test_html_to_text_rules():
    html = ("<div><h2>Title</h2><p>One<br>two &amp; three</p><ul><li>a</li><li>b</li></ul>"
            "<script>var x = '<p>no</p>';</script><noscript>no</noscript><svg><text>no</text></svg>"
            "<img src='https://x.invalid/i.png' alt='no'><p>Last <a href='/rel'>link</a></p></div>")
    assert html_to_paragraphs(html) == ["Title", "One\ntwo & three", "a", "b", "Last link"]
    assert html_to_text("plain") == "plain"
    # An iframe closed by the paragraph around it drops only its own content; one never closed at
    # all is read as text, so it cannot swallow the rest of the document.
    assert html_to_text("<p>unclosed <iframe src=x>gone</p><p>kept</p>") == "unclosed\n\nkept"
    assert html_to_text("<p>unclosed <iframe src=x>gone") == "unclosed gone"


def test_posts_json_export_round_trips(db_path, tmp_path, seed_path):
    runner = CliRunner()
    with Monitor(db_path) as monitor:
        [report] = monitor.ingest_path(seed_path)
        # One edited post, so a revision exists and the current version is what is exported.
        parsed = parse_document(seed_path.read_bytes(), str(seed_path)).posts
        edited = replace(parsed[0], body=parsed[0].body + " (updated)")
        assert monitor.posts.ingest(report.source_id, [edited]).updated
        before = [(p.guid, p.source_id, p.body, p.published, p.seq) for p in monitor.posts.posts()]
    export = runner.invoke(cli, ["--db", str(db_path), "posts", "--json"])
    assert export.exit_code == 0
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text(export.output, encoding="utf-8")
    # Into the same store: nothing new, nothing changed, no extra source.
    result = runner.invoke(cli, ["--db", str(db_path), "ingest", str(jsonl)])
    assert result.exit_code == 0 and "jsonl" in result.output
    with Monitor(db_path) as monitor:
        assert [(p.guid, p.source_id, p.body, p.published, p.seq) for p in monitor.posts.posts()] == before
        assert len(monitor.posts.sources()) == 1
        assert monitor.db.execute("select count(*) from post_revisions").fetchone()[0] == 1
    # Into a fresh store: the same posts under the same source key.
    fresh = tmp_path / "fresh.db"
    assert runner.invoke(cli, ["--db", str(fresh), "ingest", str(jsonl)]).exit_code == 0
    again = runner.invoke(cli, ["--db", str(fresh), "posts", "--json"]).output
    keep = ("guid", "source", "title", "byline", "location", "body", "published",
            "published_precision", "url", "seq")
    rows = lambda text: [{k: json.loads(line)[k] for k in keep} for line in text.splitlines()]  # noqa: E731
    assert rows(again) == rows(export.output)


def test_jsonl_bad_line_is_named_and_others_kept():
    data = (b'{"guid": "a", "body": "one", "source": "s"}\n'
            b'{"guid": "b", "body": 5}\nnot json\n{"guid": "c", "body": "three"}\n')
    result = parse_document(data, "rows.jsonl")
    assert [p.guid for p in result.posts] == ["a", "c"]
    assert result.posts[0].source_key == "s" and result.posts[1].source_key is None
    assert any("rows.jsonl: line 2" in e for e in result.errors)
    assert any("rows.jsonl: line 3" in e for e in result.errors)


def test_plain_text_mentioning_the_type_is_still_a_live_page():
    text = (b"date 2026-03-01\n10:00\nSchema talk\nThe LiveBlogPosting type was discussed at length "
            b"by the web team today, with several examples.\n")
    assert parse_document(text, "talk.txt").kind == "livetext"
