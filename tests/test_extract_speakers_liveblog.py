"""Live-blog updates keep their paragraphs, so quotes never pair across them."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.extract import extract_quotes
from monitor.sources.liveblog import parse_liveblog, restore_paragraphs

PARAGRAPHS = [
    "Last night Tánaiste Leo Varadkar met publicans. He said: \"We have to act now, and we will "
    "review it in a week.",
    "Publicans were angry at the news. \"This is the end of many family pubs,\" said Donall "
    "O'Keeffe, the chief executive of the Licensed Vintners Association.",
]


def _page(with_html: bool) -> bytes:
    """A live-blog page whose JSON-LD update lost its paragraph breaks (as sites often send it),
    with or without the update's own HTML on the page."""
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Covid live",
          "liveBlogUpdate": [{"@type": "BlogPosting", "@id": "block-1", "headline": "Pubs to close",
                              "datePublished": "2020-10-19T21:05:00Z",
                              "articleBody": " ".join(PARAGRAPHS)}]}
    html = "".join(f"<p>{p.replace('&', '&amp;')}</p>\n" for p in PARAGRAPHS) if with_html else ""
    return (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
            f'<body><article id="block-1">{html}</article></body></html>').encode()


def test_update_takes_its_paragraphs_from_the_page_html() -> None:
    [post] = parse_liveblog(_page(with_html=True), "page.html").posts
    assert post.body == "\n\n".join(PARAGRAPHS)
    said = [(q.speaker, q.text) for q in extract_quotes(post.body)]
    assert said == [
        ("Leo Varadkar", "We have to act now, and we will review it in a week."),
        ("Donall O'Keeffe", "This is the end of many family pubs"),
    ]


def test_without_page_html_the_body_is_left_as_sent() -> None:
    [post] = parse_liveblog(_page(with_html=False), "page.html").posts
    assert post.body == " ".join(PARAGRAPHS)


def test_paragraphs_run_together_without_a_space_are_split() -> None:
    body = "Peskov said the talks would strengthen ties between the two nations.Kim arrived on " \
           "Tuesday. He said “no.”Then he left for the station at 9.30pm. The U.S.A team won."
    assert restore_paragraphs(body, None) == (
        "Peskov said the talks would strengthen ties between the two nations.\n\nKim arrived on "
        "Tuesday. He said “no.”\n\nThen he left for the station at 9.30pm. The U.S.A team won.")


def test_saved_guardian_page_object_gives_paragraphs(shared_feeds: Path) -> None:
    # The page object holds each block's HTML elements beside the JSON-LD, whose articleBody
    # has lost its breaks: the summary update gets its paragraphs and list items back.
    name = "gu_live_perseverance.fixture.ts"
    posts = parse_liveblog((shared_feeds / name).read_bytes(), name).posts
    summary = next(p for p in posts if p.body.startswith("That’s it for our live coverage"))
    paragraphs = summary.body.split("\n\n")
    assert paragraphs[1] == "To recap:"
    assert paragraphs[2] == "The rover is “healthy” and undergoing systems testing."
    assert len(paragraphs) > 5


def test_here_is_a_speaker_on_a_subject_introduces_the_next_paragraph_as_theirs() -> None:
    text = ("Here is Rachel Reeves, the chancellor, on the budget:\n\n"
            "The choices we made were difficult but they were the right ones for the country.\n\n"
            "Here’s the full statement from the Home Office:\n\n"
            "We are aware of the incident and are working with police to establish the facts.\n\n"
            "Here is what we know so far:\n\n"
            "The train left the capital on Sunday and crossed the border at dawn.")
    found = [(q.speaker, q.kind, q.text[:16]) for q in extract_quotes(text)]
    assert found == [("Rachel Reeves", "direct", "The choices we m"),
                     ("Home Office", "direct", "We are aware of ")]


def test_a_live_blog_entry_time_does_not_hide_the_person_opening_the_entry() -> None:
    text = ("13.45 David Millward, the paper's correspondent, said the sensors froze.\n\n"
            "13.08 Tony Fernandes, the airline's chief, has been speaking at the airport.\n\n"
            "\"The weather is not looking good,\" he told reporters.")
    assert extract_quotes(text)[-1].speaker == "Tony Fernandes"


def test_he_after_a_single_unnamed_source_is_that_source() -> None:
    # The correspondent named before the source spoke is not who "he" means.
    text = ("Meanwhile, Jonathan Pearlman in Pangkalan Bun has this wrap of the day's events:\n\n"
            "The plane made a steep climb before it crashed, a source close to the investigation "
            "has told Reuters.\n\n"
            "\"The numbers are unbelievably high,\" he said.\n\n"
            "The source, who declined to be named, added that more information was needed.")
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["a source close to the investigation"] * 3


def test_the_same_official_is_whoever_was_just_quoted() -> None:
    text = ("\"There is no victim,\" said Tatang Zaenudin, deputy head of operations at the agency.\n\n"
            "The same official told Reuters earlier that one of the bodies had been wearing a life jacket.")
    assert [q.speaker for q in extract_quotes(text)] == ["Tatang Zaenudin", "Tatang Zaenudin"]


def test_a_frame_with_a_few_words_before_its_colon_introduces_the_next_paragraph() -> None:
    text = ("David Millward, the paper's correspondent, explains the most likely:\n\n"
            "The smart money seems to be moving towards the sensors freezing. This is what did for "
            "the other airliner.")
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.kind) == ("David Millward", "direct")
    assert quote.text.startswith("The smart money")


def test_a_reported_clause_ending_in_a_colon_does_not_take_the_next_paragraph() -> None:
    text = "Officials say there are three options:\n\nThe first is to wait. The second is to act."
    assert [(q.kind, q.text) for q in extract_quotes(text)] == [("indirect", "there are three options")]


def test_initials_do_not_end_a_sentence_before_the_name() -> None:
    text = ('"Rains and winds prevented us from resuming the search this morning," air force rescue '
            "coordinator S.B. Supriyadi told AFP.")
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.kind) == ("S.B. Supriyadi", "direct")


def test_a_rank_of_two_words_is_no_part_of_the_name() -> None:
    text = 'Lieutenant Airman Tri Wobowo told a newspaper: "There are seven to eight people."'
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.role) == ("Tri Wobowo", "Lieutenant Airman")


def test_a_body_described_by_its_nation_and_work_keeps_the_whole_phrase() -> None:
    text = "The Indonesian search authority says it expects more bodies to wash ashore in the coming days."
    [quote] = extract_quotes(text)
    assert quote.speaker == "Indonesian search authority"


def test_the_agency_is_not_an_airport_named_in_a_caption() -> None:
    text = ("Relatives pray at Juanda Airport, in Surabaya (EPA)\n\n"
            "The newspaper quoted the agency as saying the image appeared to show the airplane upside down.")
    [quote] = extract_quotes(text)
    assert quote.speaker != "Juanda Airport"


def test_a_clause_cut_at_a_comma_is_one_statement_with_the_quote_after_it() -> None:
    text = ('He also said there had been no confirmation that the plane had been spotted, though there '
            'were sightings of something that "seemed" to be the plane.')
    [quote] = extract_quotes(text)
    assert quote.kind == "mixed" and quote.text.startswith("there had been no confirmation")
    # a report of its own inside the clause ("some searchers have reported …") is a record of its
    # own, as for any group of people
    text = ('He also said there had been no confirmation that the plane had been spotted, though some '
            'searchers have reported seeing something that "seemed" to be the plane.')
    assert [(q.speaker, q.kind) for q in extract_quotes(text)] == [(None, "indirect"), ("searchers", "mixed")]


def test_an_entry_time_and_label_are_no_part_of_what_the_source_says() -> None:
    text = "06.10 Update: total of 7 bodies recovered so far, says search chief. One was in uniform."
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.text) == ("search chief", "total of 7 bodies recovered so far")


def test_one_of_a_trade_described_after_it_is_an_unnamed_source() -> None:
    text = ("Three people were holding hands when their bodies were spotted, a pilot involved in the "
            "search for the missing plane has claimed.")
    [quote] = extract_quotes(text)
    assert quote.speaker == "a pilot involved in the search for the missing plane"


def test_laying_out_a_premise_before_a_colon_introduces_the_next_paragraph() -> None:
    text = ("In a pamphlet, Ana Ruiz laid out the premise for her unexpected turn:\n\n"
            "So far there seemed to be only one solution. We did not believe that any blueprint "
            "would work.")
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.kind) == ("Ana Ruiz", "direct")
    assert extract_quotes("The minister set out the plan in detail. It would cost £2bn.") == []
