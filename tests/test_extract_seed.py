"""The seed story: its attributions, their speakers and roles, and nobody only mentioned.

One record per attribution: a reported clause with quoted words in it is one ``mixed`` record
whose content is the clause and whose ``parts`` are the quoted words; a direct statement that
runs over two quotations (“…,” X said. “…”) is one ``direct`` record."""

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
    """Quotes per post number, as (field, quote); ``"texts"`` holds each post's body."""
    found: dict = {n: extract_post(p.title, p.body, p.byline) for n, p in enumerate(posts, start=1)}
    found["texts"] = {n: p.body for n, p in enumerate(posts, start=1)}
    return found


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
    assert kirby.text == ('Russia\'s Defence Minister, Sergei Shoigu, had tried to "convince Pyongyang to '
                          'sell artillery ammunition" to Russia during a recent visit to North Korea')
    assert kirby.kind == "mixed"
    assert _parts(kirby, found_body(found, 1)) == ["convince Pyongyang to sell artillery ammunition"]
    assert kirby.speaker == "John Kirby"
    assert kirby.role == "National Security Council spokesman"


def found_body(found: dict[int, list], post: int) -> str:
    return found["texts"][post]


def _parts(quote, source: str) -> list[str]:
    assert all(quote.start <= s < e <= quote.end for s, e in quote.parts), "parts lie inside the content"
    return [source[s:e] for s, e in quote.parts]


def test_post_2_headline_and_peskov(found: dict[int, list], posts: list) -> None:
    headline = _one(found, 2, "full-scale visit", field="title")
    assert headline.speaker == "Kremlin" and headline.speaker_kind == "organisation"
    assert headline.kind == "mixed"
    assert posts[1].title[headline.start:headline.end] == 'Kim set for "full-scale visit"'
    assert _parts(headline, posts[1].title) == ["full-scale visit"]
    # Peskov's partial quotes are inside one mixed attribution whose content is the reported clause.
    peskov = [q for f, q in found[2] if f == "body" and q.speaker == "Dmitry Peskov"]
    assert [q.kind for q in peskov] == ["mixed", "mixed"]
    talks, format_ = peskov
    assert talks.text == ("the upcoming talks between North Korea’s Kim Jong Un and his country’s Vladimir "
                          "Putin, will “strengthen” the “friendship” between the two nations")
    assert _parts(talks, posts[1].body) == ["strengthen", "friendship"]
    assert format_.text.startswith("the two leaders will continue their communications")
    assert _parts(format_, posts[1].body) == ["one-on-one format"]
    for quote in peskov:
        assert "Kremlin spokesman" in quote.role
        assert "press secretary" in quote.role.lower()


def test_post_4_pentagon_and_ryder(found: dict[int, list]) -> None:
    pentagon = _one(found, 4, "it believes Kim Jong Un is on his way")
    assert pentagon.kind == "indirect"
    assert pentagon.speaker == "Pentagon" and pentagon.speaker_kind == "organisation"
    expect = _one(found, 4, "We do expect some type of meeting")
    assert expect.kind == "direct" and expect.outlet == "CBS"
    # the statement carries on in the next paragraph: one record, two quoted parts
    assert "Based on the information we’ve been provided" in expect.text
    assert len(expect.parts) == 2
    for words in ("Based on the information we’ve been provided", "the US remained concerned",
                  "That would really just serve to perpetuate this needless war."):
        quote = _one(found, 4, words)
        assert quote.speaker == "Patrick Ryder", words
        assert "Pentagon press secretary" in quote.role
        assert "Brigadier General" in quote.role
    assert _one(found, 4, "the US remained concerned").kind == "indirect"


def test_post_5_kremlin(found: dict[int, list]) -> None:
    quote = _one(found, 5, "in the coming days")
    assert quote.text == 'Mr Kim will visit Russia "in the coming days"'
    assert quote.kind == "mixed"
    assert _parts(quote, found_body(found, 5)) == ["in the coming days"]
    assert quote.speaker == "Kremlin"


def test_the_eleven_attributions(found: dict[int, list]) -> None:
    """The twelve quotes of the fragment-per-record days are eleven attributions: Peskov's
    "strengthen" and "friendship" are one."""
    assert sum(len(v) for k, v in found.items() if k != "texts") == 11


def test_mentioned_people_and_reporter_are_not_speakers(found: dict[int, list], seed_path: Path) -> None:
    speakers = {q.speaker for k, v in found.items() if k != "texts" for _, q in v}
    whole = {q.speaker for q in extract_quotes(seed_path.read_text(encoding="utf-8"))}
    for name in (*MENTIONED, REPORTER):
        assert name not in speakers
        assert name not in whole


def test_offsets_point_into_the_field(found: dict[int, list], posts: list) -> None:
    for n, items in found.items():
        if n == "texts":
            continue
        post = posts[n - 1]
        for field, q in items:
            source = post.title if field == "title" else post.body
            assert source[q.start:q.end] == q.text
            assert all(q.start <= s < e <= q.end for s, e in q.parts)
            if q.speaker_start is not None:
                assert 0 <= q.speaker_start < q.speaker_end <= len(source)


def test_whole_file_gives_the_same_quotes(seed_path: Path, found: dict[int, list]) -> None:
    text = seed_path.read_text(encoding="utf-8")
    whole = extract_quotes(text)
    # the file separates paragraphs differently from the parsed posts: compare words only
    by_text = {" ".join(q.text.split()): q.speaker for q in whole}
    for key, items in found.items():
        if key == "texts":
            continue
        for _, q in items:
            assert by_text.get(" ".join(q.text.split())) == q.speaker, q.text
