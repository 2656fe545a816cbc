"""Wide encodings and long prologs are read; impossible and future dates are not believed.

And the size limit says what it is.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.model import to_iso, utc_now
from monitor.sources.decoding import MAX_DOCUMENT_BYTES
from monitor.sources.errors import SourceError
from monitor.sources.registry import parse_document

FEED = (
    '<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>Провод</title>'
    "<item><guid>1</guid><title>Поезд прибыл в Хасан</title>"
    "<description>Песков said the talks went well 😀.</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("declared", "codec"),
    [("utf-16", "utf-16"), ("utf-16", "utf-16-le"), ("utf-16", "utf-16-be"), ("UTF-16BE", "utf-16-be"),
     ("utf-32", "utf-32"), ("utf-32", "utf-32-le"), ("utf-32", "utf-32-be")],
)
def test_utf16_and_utf32_feeds_are_read(declared, codec):
    result = parse_document(FEED.format(encoding=declared).encode(codec), "wide.xml")
    assert result.kind == "feed" and result.title == "Провод"
    assert [(p.title, p.body) for p in result.posts] == [
        ("Поезд прибыл в Хасан", "Песков said the talks went well 😀.")]


def test_utf16_post_list_and_live_page_are_read():
    rows = json.dumps({"guid": "a", "body": "Ъ said so."}, ensure_ascii=False) + "\n"
    assert parse_document(rows.encode("utf-16"), "rows.jsonl").posts[0].body == "Ъ said so."
    page = "date 2023-09-12\n10:00\nTrain reaches Khasan\nThe train arrived.\n"
    assert parse_document(page.encode("utf-16-le"), "page.txt").posts[0].title == "Train reaches Khasan"


def test_a_guessed_wide_encoding_that_does_not_decode_is_named():
    with pytest.raises(SourceError, match="bad.xml: looks like UTF-16-LE but is not"):
        parse_document("<rss".encode("utf-16-le") + b"\x00\xdc", "bad.xml")


def test_a_leading_comment_over_8_kb_does_not_hide_the_feed():
    data = ('<?xml version="1.0"?>\n<!-- ' + "server banner " * 2000 + " -->\n<?xml-stylesheet href="
            '"s.xsl"?>\n' + FEED.split("\n", 1)[1]).encode()
    assert len(data) > 20_000
    assert parse_document(data, "banner.xml").posts[0].title == "Поезд прибыл в Хасан"


def _atom(*updated: str) -> bytes:
    entries = "".join(f"<entry><id>e{i}</id><title>Entry {i}</title><updated>{u}</updated></entry>"
                      for i, u in enumerate(updated))
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{entries}</feed>'.encode()


def test_impossible_and_future_feed_dates_leave_the_post_undated_with_a_note():
    soon = to_iso(utc_now() + timedelta(hours=12))
    times = ("2023-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "2023-09-12T10:00:00Z", soon)
    result = parse_document(_atom(*times), "dates.xml")
    assert [p.published is None for p in result.posts] == [True, True, False, False]
    notes = "\n".join(result.errors)
    assert "dates.xml: entry 1: updated date '2023-13-45T99:99:99Z' is not a real date; kept undated" in notes
    assert "dates.xml: post 'e1': published time 9999-12-31T23:59:59Z is in the future" in notes


def test_rss_year_9999_and_json_dates_are_not_believed():
    rss = (b'<rss version="2.0"><channel><item><guid>a</guid><title>A</title>'
           b"<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item></channel></rss>")
    [post] = parse_document(rss, "far.xml").posts
    assert post.published is None and post.published_precision is None
    rows = (b'{"guid": "a", "body": "x", "published": "2023-13-45T99:99:99Z"}\n'
            b'{"guid": "b", "body": "y", "published": "2023-02-30T10:00:00Z",'
            b' "published_precision": "second"}\n')
    result = parse_document(rows, "rows.jsonl")
    assert [(p.guid, p.published, p.published_precision) for p in result.posts] == [
        ("a", None, None), ("b", None, None)]
    assert any("line 2: published '2023-02-30T10:00:00Z' is not a real date" in e for e in result.errors)
    blog = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"@id": "u1", "headline": "H", "articleBody": "b", "datePublished": "2023-13-45T99:99:99Z"}]}
    result = parse_document(json.dumps(blog).encode(), "blog.json")
    assert result.posts[0].published is None
    assert "blog.json: date '2023-13-45T99:99:99Z' is not a real date; kept undated" in result.errors


def test_ingest_keeps_an_undated_post_and_prints_the_note(db_path, tmp_path):
    path = tmp_path / "dates.xml"
    path.write_bytes(_atom("9999-12-31T23:59:59Z", "2023-09-12T10:00:00Z"))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "ingest", str(path)])
    assert result.exit_code == 0 and "2 new" in result.stdout
    assert "is in the future" in result.stderr
    listing = CliRunner().invoke(cli, ["--db", str(db_path), "posts", "--json"]).stdout
    published = {row["guid"]: row["published"] for row in map(json.loads, filter(None, listing.split("\n")))}
    assert published == {"e0": None, "e1": "2023-09-12T10:00:00Z"}


def test_the_size_limit_is_stated_as_it_is():
    with pytest.raises(SourceError) as caught:
        parse_document(b"x" * (MAX_DOCUMENT_BYTES + 1), "huge.txt")
    assert caught.value.problem == (
        f"too large: {MAX_DOCUMENT_BYTES + 1:,} bytes is over the 20 MiB limit (20,971,520 bytes)")
