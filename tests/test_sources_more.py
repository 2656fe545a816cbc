"""Live-blog pages polled over HTTP, file sources, every format through ``monitor ingest``."""

from __future__ import annotations

import json
import random

from _feedserver import FeedServer, send
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.cli import cli
from monitor.service import Monitor
from monitor.sources.htmltext import html_to_text
from monitor.sources.poller import FAILED, NOT_MODIFIED, PollSettings

FAST = PollSettings(connect_timeout=2.0, read_timeout=2.0)


def _liveblog_page(updates: list[tuple[str, str, str]]) -> bytes:
    doc = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Train live",
           "liveBlogUpdate": [
               {"@type": "BlogPosting", "@id": uid, "headline": head, "articleBody": body,
                "datePublished": f"2026-03-01T09:{n:02d}:00Z"}
               for n, (uid, head, body) in enumerate(updates)]}
    return (f'<html><head><script type="application/ld+json">{json.dumps(doc)}</script></head>'
            "<body><p>Live</p></body></html>").encode()


def test_live_blog_page_polled_as_it_grows_and_is_edited(db_path):
    updates = [("u1", "Departed", "The train left at nine.")]
    with FeedServer() as server, Monitor(db_path) as monitor:
        server.route("/live", lambda h: send(h, 200, _liveblog_page(updates), {"Content-Type": "text/html"}))
        source = monitor.add_source(server.url("/live"))
        first = monitor.poll_once(source.id, settings=FAST)[0]
        assert (first.kind, first.added) == ("liveblog", 1)
        updates.append(("u2", "Crossed the river", "It crossed the bridge."))
        updates[0] = ("u1", "Departed", "The train left at 09:05, not nine.")
        second = monitor.poll_once(source.id, settings=FAST)[0]
        assert (second.added, second.updated) == (1, 1)
        third = monitor.poll_once(source.id, settings=FAST)[0]
        assert third.outcome == NOT_MODIFIED  # same bytes, no validators: not parsed again
        posts = {p.guid: p for p in monitor.posts.posts()}
        assert set(posts) == {"u1", "u2"} and posts["u1"].body.endswith("not nine.")
        assert [r["body"] for r in monitor.posts.revisions(posts["u1"].id)] == ["The train left at nine."]
        assert monitor.sources.get(source.id).title == "Train live"


def test_file_source_that_disappears_keeps_its_posts(db_path, tmp_path, seed_path):
    page = tmp_path / "page.txt"
    page.write_bytes(seed_path.read_bytes())
    with Monitor(db_path) as monitor:
        source = monitor.add_source(page.as_uri(), interval=5)
        assert source.interval == 5 and source.url == page.resolve().as_uri()
        added = monitor.poll_once(source.id)[0].added
        assert added > 0
        assert monitor.poll_once(source.id)[0].outcome == NOT_MODIFIED
        page.unlink()
        report = monitor.poll_once(source.id, rng=random.Random(3))[0]
        assert report.outcome == FAILED and "no such file" in report.error and "page.txt" in report.error
        assert monitor.posts.count() == added
        assert monitor.sources.get(source.id).failures == 1


def test_ingest_reads_every_format_by_content(db_path, tmp_path, seed_path):
    # Names that lie about the content: the registry must not care.
    files = {
        "a.txt": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><guid>f1</guid>'
                  b"<title>Feed item</title><description>&lt;p&gt;Feed body&lt;/p&gt;</description>"
                  b"</item></channel></rss>"),
        "b.xml": _liveblog_page([("l1", "Live update", "Live body.")]),
        "c.html": b'{"guid": "j1", "body": "Row body.", "title": "Row", "source": "elsewhere"}\n',
        "d.json": seed_path.read_bytes(),
        "e.rss": b"\x00\x01\x02binary",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "ingest", *[str(tmp_path / n) for n in files]])
    assert result.exit_code == 1  # the binary file
    kinds = {line.split(": ")[0].rsplit("/", 1)[-1]: line.split(": ")[1].split(",")[0]
             for line in result.output.splitlines() if ": " in line and not line.startswith("error")}
    assert kinds == {"a.txt": "feed", "b.xml": "liveblog", "c.html": "jsonl", "d.json": "livetext"}
    assert "e.rss: binary file" in result.output
    with Monitor(db_path) as monitor:
        keys = {s.key for s in monitor.sources.all()}
        assert "elsewhere" in keys and "file:c.html" not in keys  # rows go to their own source
        bodies = {p.guid: p.body for p in monitor.posts.posts()}
        assert bodies["f1"] == "Feed body" and bodies["l1"] == "Live body." and bodies["j1"] == "Row body."


_TEXT = st.text(alphabet=st.characters(blacklist_characters="<>&\x00", blacklist_categories=("Cs",)),
                max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "div", "b", "a", "li", "span"]), _TEXT), max_size=6),
       st.sampled_from(["script", "style", "iframe", "noscript", "svg"]))
def test_dropped_elements_never_leak_into_text(parts, dropped):
    secret = "SECRETPAYLOAD"
    inner = "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)
    html = f"{inner}<{dropped}>{secret}<p>{secret}</p></{dropped}>{inner}<img src='http://x.invalid/{secret}'>"
    text = html_to_text(html)
    assert secret not in text and "<" not in text
    for _, words in parts:
        for word in words.split():
            assert word in text
