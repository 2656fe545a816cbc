"""The seed story: the twelve quotes, their speakers and roles, and nobody only mentioned."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract import extract_post, extract_quotes
from monitor.sources.livetext import parse_livetext

MENTIONED = ("Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Putin", "Kim", "Shoigu")
REPORTER = "Simon Atkinson"


@pytest.fixture
def posts(seed_path: Path) -> list:
    """The seed's posts in page order: post 1 is the first on the page."""
    return list(parse_livetext(seed_path.read_text(encoding="utf-8")).posts)


@pytest.fixture
def found(posts: list) -> dict[int, list]:
    """Quotes per post number, as (field, quote)."""
    return {n: extract_post(p.title, p.body, p.byline) for n, p in enumerate(posts, start=1)}


def _one(found: dict[int, list], post: int, text: str, field: str = "body"):
    hits = [q for f, q in found[post] if f == field and text in q.text]
    assert hits, f"post {post}: no quote containing {text!r}; got {[q.text for _, q in found[post]]}"
    return hits[0]


def test_post_1_us_official_and_kirby(found: dict[int, list]) -> None:
    official = _one(found, 1, "The two leaders will likely discuss")
    assert official.kind == "indirect"
    assert official.speaker == "a US official"
    assert official.speaker_kind == "anonymous"
    assert official.outlet == "CBS"
    kirby = _one(found, 1, "convince Pyongyang to sell artillery ammunition")
    assert kirby.text == "convince Pyongyang to sell artillery ammunition"
    assert kirby.kind == "partial"
    assert kirby.speaker == "John Kirby"
    assert kirby.role == "National Security Council spokesman"


def test_post_2_headline_and_peskov(found: dict[int, list], posts: list) -> None:
    headline = _one(found, 2, "full-scale visit", field="title")
    assert headline.speaker == "Kremlin" and headline.speaker_kind == "organisation"
    assert posts[1].title[headline.start:headline.end] == "full-scale visit"
    for words in ("strengthen", "friendship", "one-on-one format"):
        quote = _one(found, 2, words)
        assert quote.text == words
        assert quote.kind == "partial"
        assert quote.speaker == "Dmitry Peskov"
        assert "Kremlin spokesman" in quote.role
        assert "press secretary" in quote.role.lower()


def test_post_4_pentagon_and_ryder(found: dict[int, list]) -> None:
    pentagon = _one(found, 4, "it believes Kim Jong Un is on his way")
    assert pentagon.kind == "indirect"
    assert pentagon.speaker == "Pentagon" and pentagon.speaker_kind == "organisation"
    expect = _one(found, 4, "We do expect some type of meeting")
    assert expect.kind == "direct" and expect.outlet == "CBS"
    for words in ("Based on the information we’ve been provided", "the US remained concerned",
                  "That would really just serve to perpetuate this needless war."):
        quote = _one(found, 4, words)
        assert quote.speaker == "Patrick Ryder", words
        assert "Pentagon press secretary" in quote.role
        assert "Brigadier General" in quote.role
    assert _one(found, 4, "the US remained concerned").kind == "indirect"


def test_post_5_kremlin(found: dict[int, list]) -> None:
    quote = _one(found, 5, "in the coming days")
    assert quote.text == "in the coming days"
    assert quote.speaker == "Kremlin"


def test_at_least_the_twelve(found: dict[int, list]) -> None:
    assert sum(len(v) for v in found.values()) >= 12


def test_mentioned_people_and_reporter_are_not_speakers(found: dict[int, list], seed_path: Path) -> None:
    speakers = {q.speaker for v in found.values() for _, q in v}
    whole = {q.speaker for q in extract_quotes(seed_path.read_text(encoding="utf-8"))}
    for name in (*MENTIONED, REPORTER):
        assert name not in speakers
        assert name not in whole


def test_offsets_point_into_the_field(found: dict[int, list], posts: list) -> None:
    for n, items in found.items():
        post = posts[n - 1]
        for field, q in items:
            source = post.title if field == "title" else post.body
            assert source[q.start:q.end] == q.text
            if q.speaker_start is not None:
                assert 0 <= q.speaker_start < q.speaker_end <= len(source)


def test_whole_file_gives_the_same_quotes(seed_path: Path, found: dict[int, list]) -> None:
    text = seed_path.read_text(encoding="utf-8")
    whole = extract_quotes(text)
    by_text = {q.text: q.speaker for q in whole}
    for items in found.values():
        for _, q in items:
            assert by_text.get(q.text) == q.speaker, q.text
