"""HTML to text drops only what is not text, never the rest of the document, and counts what it drops."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.sources.htmltext import DropTally, html_to_paragraphs
from monitor.sources.registry import parse_document

PESKOV = "Kremlin spokesman Dmitry Peskov said the talks went well."


@pytest.mark.parametrize("void", ["embed", "source", "track", "param", "img", "area", "base", "col",
                                  "input", "link", "meta", "wbr", "keygen"])
def test_void_elements_never_open_a_dropped_region(void):
    html = f'<p>See the clip:</p><{void} src="x"><p>{PESKOV}</p>'
    assert html_to_paragraphs(html) == ["See the clip:", PESKOV]


@pytest.mark.parametrize("opener", ["video", "audio", "object", "iframe", "noscript", "title", "head",
                                    "canvas", "picture", "svg", "template"])
def test_an_unclosed_container_does_not_swallow_the_document(opener):
    html = f'<p>See the clip:</p><{opener} src="x"><p>{PESKOV}</p><p>Then they left.</p>'
    assert html_to_paragraphs(html)[-2:] == [PESKOV, "Then they left."]


@pytest.mark.parametrize("raw", ["script", "style"])
def test_an_unclosed_script_or_style_ends_at_the_next_block(raw):
    tally = DropTally()
    html = f"<p>See:</p><{raw}>var a = 1 < 2; x{{}}<p>{PESKOV}</p>"
    assert html_to_paragraphs(html, tally) == ["See:", PESKOV]
    assert tally.elements == {raw: 1} and tally.chars == len("var a = 1 < 2; x{}")


def test_closed_containers_are_still_dropped_and_counted():
    tally = DropTally()
    html = ("<p>a</p><video><p>Your browser cannot play this</p></video><p>b <iframe>frame</iframe>"
            "c</p><p>d <object>obj</p><p>e</p>")
    assert html_to_paragraphs(html, tally) == ["a", "b c", "d", "e"]
    assert tally.elements == {"video": 1, "iframe": 1, "object": 1}
    assert tally.chars == len("Your browser cannot play this") + len("frame") + len("obj")


def test_deeply_nested_unclosed_containers_are_read_in_one_pass():
    html = "<video>" * 20_000 + f"<p>{PESKOV}</p>"
    assert html_to_paragraphs(html) == [PESKOV]


def _feed(description: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><guid>clip-1</guid>'
        "<title>Talks in Vladivostok</title><pubDate>Tue, 12 Sep 2023 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[{description}]]></description></item></channel></rss>"
    ).encode()


def test_text_after_embed_is_ingested_and_quoted(db_path, tmp_path):
    path = tmp_path / "clip.xml"
    path.write_bytes(_feed(f'<p>See the clip:</p><embed src="https://example.com/c.swf"><p>{PESKOV}</p>'))
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "ingest", str(path)])
    assert result.exit_code == 0, result.output
    listing = runner.invoke(cli, ["--db", str(db_path), "posts", "--json"]).stdout
    [post] = [json.loads(line) for line in listing.split("\n") if line]
    assert post["body"] == f"See the clip:\n\n{PESKOV}"
    quotes = runner.invoke(cli, ["--db", str(db_path), "quotes"]).stdout
    assert "Dmitry Peskov" in quotes and "the talks went well" in quotes


def test_dropped_content_is_a_note_of_the_ingest(db_path, tmp_path):
    path = tmp_path / "clip.xml"
    path.write_bytes(_feed(f"<p>See:</p><video><p>Cannot play</p></video><p>{PESKOV}</p>"))
    result = parse_document(path.read_bytes(), str(path))
    assert f"{path}: left out 1 embedded element(s) that are not text (video; 11 characters)" in result.errors
    cli_result = CliRunner().invoke(cli, ["--db", str(db_path), "ingest", str(path)])
    assert cli_result.exit_code == 0
    assert "note: " in cli_result.stderr and "left out 1 embedded element(s)" in cli_result.stderr
