"""The plain-text live page format, on the seed and on pages written for the test."""

from __future__ import annotations

from monitor.sources.livetext import (
    looks_like_byline,
    looks_like_headline,
    looks_like_location,
    parse_livetext,
)

EXPECTED_SEED = [
    (None, None, None, "If the summit with Mr Putin goes ahead"),
    ('Kim set for "full-scale visit" says Kremlin', None, None, "Kremlin spokesman Dmitry Peskov has said"),
    ("What route is Kim taking?", None, None, "For security reasons, North Korea"),
    (
        "Pentagon urges Kim Jong Un to not sell weapons to Russia",
        "Simon Atkinson",
        "In Washington",
        "The Pentagon has confirmed",
    ),
    ("Kim Jong Un reportedly en route to meet Putin", None, None, "Hello and welcome to our coverage"),
]


def test_seed_gives_exactly_five_posts(seed_path):
    result = parse_livetext(seed_path.read_text(encoding="utf-8"))
    got = [(p.title, p.byline, p.location) for p in result.posts]
    assert got == [row[:3] for row in EXPECTED_SEED]
    for post, row in zip(result.posts, EXPECTED_SEED, strict=True):
        assert post.body.startswith(row[3])


def test_seed_posts_keep_paragraphs_and_date_precision(seed_path):
    posts = parse_livetext(seed_path.read_text(encoding="utf-8")).posts
    assert [p.body.count("\n\n") + 1 for p in posts] == [3, 3, 6, 6, 4]
    assert {p.published_precision for p in posts} == {"date"}
    assert {p.published.date().isoformat() for p in posts} == {"2023-09-11"}
    # seq runs from the oldest (1) to the newest, so "newest first" survives a shared date.
    assert [p.seq for p in posts] == [5, 4, 3, 2, 1]
    assert len({p.guid for p in posts}) == 5


def test_headline_forms():
    assert looks_like_headline("Markets fall as talks stall")
    assert looks_like_headline("Will the ceasefire hold?")
    assert not looks_like_headline("The ceasefire held overnight.")
    assert not looks_like_headline("“That would really just serve to perpetuate this needless war.”")
    assert not looks_like_headline("and then the rain came")
    assert not looks_like_headline(" ".join(["word"] * 30))
    assert looks_like_byline("Jane Doe")
    assert looks_like_byline("By Ana de la Cruz")
    assert not looks_like_byline("The Pentagon has confirmed it.")
    assert looks_like_location("In Washington")
    assert looks_like_location("Reporting from Seoul")


def test_page_without_date_header_or_cut_headline():
    page = (
        "Storm reaches the coast\n"
        "Maria Lopez\n"
        "In Lisbon\n"
        "Winds of 120 km/h were recorded at noon.\n"
        "Residents were told to stay indoors.\n"
        "Ports closed ahead of the storm\n"
        "All ferry crossings were cancelled this morning.\n"
    )
    posts = parse_livetext(page).posts
    assert [p.title for p in posts] == ["Storm reaches the coast", "Ports closed ahead of the storm"]
    assert posts[0].byline == "Maria Lopez" and posts[0].location == "In Lisbon"
    assert all(p.published is None and p.published_precision is None for p in posts)


def test_time_lines_give_minute_precision():
    page = (
        "date 2024-05-01\n14:05\nVote count begins\nPolls closed at two.\n"
        "09:30\nPolls open\nQueues formed early.\n"
    )
    posts = parse_livetext(page).posts
    assert [p.published.strftime("%H:%M") for p in posts] == ["14:05", "09:30"]
    assert {p.published_precision for p in posts} == {"minute"}


def test_identity_survives_growth_on_top_and_a_restored_headline(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    before = {p.body[:40]: p.guid for p in parse_livetext(text).posts}
    grown = text.replace(
        "date 2023-09-11 ",
        "date 2023-09-11 Train crosses into Russia\nThe train was seen at dawn.\n"
        "Summit would be first trip abroad in four years\n",
        1,
    )
    after = parse_livetext(grown).posts
    assert len(after) == 6
    assert after[1].title == "Summit would be first trip abroad in four years"
    assert {p.body[:40]: p.guid for p in after[2:]} == {
        k: v for k, v in before.items() if not k.startswith("If")
    }
    assert before[after[1].body[:40]] in after[1].match_keys
