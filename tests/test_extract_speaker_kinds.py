"""A speaker's kind and name: companies, apps and outlets named like surnames are organisations,
words that cannot be names are never speakers, and a title before a full name is its role."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract import extract_quotes, speaker_kinds
from monitor.service import Monitor


def _speakers(text: str) -> set[tuple[str | None, str | None]]:
    return {(q.speaker, q.speaker_kind) for q in extract_quotes(text)}


# -- a one-word name used like a company ------------------------------------------------------


@pytest.mark.parametrize("text", [
    # "X users", "an X account"
    "Plinko says the new filter will reach every account by May. Plinko users have asked for it "
    "since launch.",
    # possessive products
    "According to Brindle, the update fixes the sync bug. Brindle's desktop app had crashed for "
    "weeks.",
    # "X launched its …": only a thing is "its"
    "Quorva recently launched its first tablet. Quorva said the tablet would ship in June.",
    # a word for a company right before the name
    "The meal-kit startup Zestova raised money last year. Zestova says that orders doubled in the spring.",
    # "engineers at X"
    "Engineers at Halvik spent a month on the fix. Halvik said the outage was over.",
])
def test_one_word_name_used_like_a_company_is_an_organisation(text: str) -> None:
    kinds = {kind for name, kind in _speakers(text) if name and " " not in name}
    assert kinds == {"organisation"}


@pytest.mark.parametrize(("text", "name"), [
    ("PixelForge reported that the console is delayed.", "PixelForge"),  # camel case
    ("You wait all day for a parcel that ShipRight tells you will arrive by “end of day.”", "ShipRight"),
    ("Grapevine Headlines says the phone will have a larger battery.", "Grapevine Headlines"),
])
def test_a_name_shaped_like_a_brand_or_an_outlet_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organisation") in _speakers(text)


def test_a_possessive_name_with_a_digit_is_one_organisation() -> None:
    text = "Dana's K9 Shelter, one of the pages that shared the post, says it is taking donations."
    assert _speakers(text) == {("Dana's K9 Shelter", "organisation")}


def test_a_surname_with_no_company_use_stays_a_person() -> None:
    text = "Voskuijlen said the bridge would reopen on Friday. The repairs took a month."
    assert _speakers(text) == {("Voskuijlen", "person")}


def test_a_surname_after_the_full_name_stays_that_person() -> None:
    text = ("Engineer Marta Voskuijlen inspected the bridge. “It is safe,” Voskuijlen said. "
            "Voskuijlen users were not mentioned, but the town is relieved.")
    assert _speakers(text) == {("Marta Voskuijlen", "person")}


def test_a_surname_given_a_title_stays_a_person() -> None:
    text = ("Ms Tarrow runs the bakery. Tarrow said the ovens were new. Tarrow customers queue "
            "every morning.")
    assert {kind for _, kind in _speakers(text)} == {"person"}


def test_one_name_is_one_speaker_of_one_kind() -> None:
    text = ("Smart speaker company Oddly announced a new model. Oddly says it is the quietest yet. "
            "The design is new, according to Oddly.")
    assert _speakers(text) == {("Oddly", "organisation")}


def test_an_outlet_named_in_full_before_is_given_its_full_name() -> None:
    text = ("The heater is praised by the Lakeside Daily Times for its price. "
            "The Times calls it “a bargain.”")
    assert ("Lakeside Daily Times", "organisation") in _speakers(text)


# -- words that cannot be names ---------------------------------------------------------------


def test_a_possessive_determiner_is_never_the_company() -> None:
    text = ("The band arrives next week. My sample is in the post, and I am curious. "
            "The company says the battery lasts ten days.")
    assert "My" not in {name for name, _ in _speakers(text)}


def test_here_is_how_is_not_a_role() -> None:
    text = 'Here\'s how Milo Brandt, a pioneer of the genre, described a clip he made: "It was chaos."'
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == ("Milo Brandt", "person")
    assert not q.role or "Here" not in q.role
    assert q.organisation != "Here"


def test_a_coordinated_possessive_is_not_a_speaker() -> None:
    text = "The game looks smoother thanks to Corvid and Lumen’s added “ghost frames.”"
    assert {name for name, _ in _speakers(text)} <= {None}


def test_a_product_name_after_its_number_is_not_a_speaker() -> None:
    text = "The bundle of Officely 365 Family adds even more value for a household of four."
    assert all(name != "Family" for name, _ in _speakers(text))


# -- titles before a name ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Developer Ilkay Burak Tosun tweeted that the login screen let anyone in.",
     "Ilkay Burak Tosun", "Developer"),
    ("Designer Oriane Belcour Vasquez said the chair took two years.",
     "Oriane Belcour Vasquez", "Designer"),
])
def test_an_occupation_before_a_full_name_is_the_role(text: str, name: str, role: str) -> None:
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind, q.role) == (name, "person", role)


def test_a_trade_as_a_transcript_label_is_an_unnamed_source() -> None:
    text = "We asked at the counter. (Me: “Are these new?” Cashier: “They came in today.”)"
    found = {(q.speaker, q.speaker_kind) for q in extract_quotes(text) if q.speaker}
    assert ("Cashier", "anonymous") in found


# -- the helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "shaped"), [
    ("PixelForge", True), ("ShipRight", True), ("K9", True), ("kottke.org", True),
    ("McGregor", False), ("DeShawn", False), ("LeBron", False), ("MacKenzie", False),
    ("O'Neill", False), ("Garmin", False),
])
def test_company_shaped_words(word: str, shaped: bool) -> None:
    assert speaker_kinds.company_shaped_word(word) is shaped


# -- the real feed samples --------------------------------------------------------------------

#: Companies, apps and outlets the samples quote that read like surnames.
_ORGANISATIONS = ["Aflac", "Tinder", "Garmin", "Axios", "TechCrunch", "Android Headlines",
                  "Cloudflare", "Solos", "FedEx"]
#: Words the samples put before a cue that are no one's name.
_NOT_NAMES = ["My", "Personal", "Nvidia and AMD’s", "Here's how", "Developer Lemi Orhan Ergin"]


def test_feed_samples_name_no_organisation_as_a_person(shared_feeds: Path, db_path: Path) -> None:
    with Monitor(db_path) as monitor:
        monitor.ingest_path(shared_feeds)
        speakers = monitor.quotes.speakers()
    people = {s.name for s in speakers if s.kind == "person"}
    assert not people & set(_ORGANISATIONS)
    names = {s.name for s in speakers}
    assert not names & set(_NOT_NAMES)
    assert not any(s.role == "Here's how" for s in speakers)
    by_name: dict[str, set[str]] = {}
    for s in speakers:
        by_name.setdefault(s.name, set()).add(s.kind)
    assert by_name.get("Cloudflare") == {"organisation"}
    assert by_name.get("Solos") == {"organisation"}
    assert by_name.get("Lemi Orhan Ergin") == {"person"}
    assert by_name.get("Clerk", {"anonymous"}) == {"anonymous"}


@pytest.mark.parametrize(("text", "name"), [
    ("Okafor said users would have to wait.", "Okafor"),
    ("Okafor's lawyers said customers were never told.", "Okafor"),
    ("Okafor, a company spokesman, said the plant would close.", "Okafor"),
    ("Okafor, the company's founder, said the plant would close.", "Okafor"),
    ("Okafor, a member of the group, said the plant would close.", "Okafor"),
    ("Okafor criticised its handling of the strike.", "Okafor"),
    ("Okafor's account of the night differs.", "Okafor"),
    ("Game developer Ilkay Tosun said the patch was late.", "Ilkay Tosun"),
    ("a spokesman for Okafor said", "Okafor"),
])
def test_a_persons_uses_are_not_a_companys(text: str, name: str) -> None:
    assert not speaker_kinds.used_like_company(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("Plinko users", "Plinko"), ("an Aflux policyholder", "Aflux"), ("a Plinko account", "Plinko"),
    ("Brindle's press release", "Brindle"), ("Brindle's cycling computer lineup", "Brindle"),
    ("Quorva recently launched its first tablet", "Quorva"), ("head of trust at Plinko.", "Plinko"),
    ("smart glasses company Oddly", "Oddly"), ("Plinko.com", "Plinko"),
    ("Dana's K9 Shelter, one of the pages that shared it", "Dana's K9 Shelter"),
    ("Lumo Clement (a Facebook clearing house for made-up stories)", "Lumo Clement"),
])
def test_a_companys_uses(text: str, name: str) -> None:
    assert speaker_kinds.used_like_company(text, name)


def test_a_phrase_a_preposition_opens_names_no_speaker():
    """A sentence opening "To …" before a participle cue: the participle's subject is no "To"."""
    text = ("To reset the router, you need to hold the button for ten seconds (when the light "
            "turns red, you'll see a note telling you that the reset has begun). Then wait.")
    assert all(q.speaker != "To" for q in extract_quotes(text))


def test_a_trade_before_a_name_is_a_role_not_an_organisation():
    quotes = extract_quotes("Developer Ana Ruiz said the update had broken the login page.")
    assert [(q.speaker, q.role, q.organisation) for q in quotes] == [("Ana Ruiz", "Developer", None)]


def test_a_ministers_brief_is_not_an_organisation():
    """"minister for illegal migration" names a brief: the role, no organisation; "chief
    executive of Acme Rail" names one."""
    brief = extract_quotes("Michael Hale, the minister for rural transport, told the committee that "
                           "the figures would be published.")
    assert [(q.speaker, q.role, q.organisation) for q in brief] == [
        ("Michael Hale", "minister for rural transport", None)]
    firm = extract_quotes("Jane Roe, the chief executive of Acme Rail, said the line would reopen.")
    assert [(q.speaker, q.organisation) for q in firm] == [("Jane Roe", "Acme Rail")]
    # the brief first, the body after "at"
    at = extract_quotes("Jane Roe, head of search at Acme, said the feature would ship in May.")
    assert [(q.speaker, q.role, q.organisation) for q in at] == [
        ("Jane Roe", "head of search at Acme", "Acme")]


def test_a_role_the_story_gives_outside_any_attribution_is_the_speakers():
    """"Tom Hale, the minister for rail, is now being asked…" then "Hale says…": the inspector
    shows Hale as the minister for rail; an appositive inside a quotation gives nothing."""
    text = ("Tom Hale, the minister for rail, is now being asked about the new timetable. Hale says "
            "the trains will run on time from May.")
    assert [(q.speaker, q.role) for q in extract_quotes(text)] == [("Tom Hale", "minister for rail")]
    two = ("Ana Ruiz, the deputy chair and a member of the committee, is asking questions. Ruiz "
           "says the plan has failed.")
    assert [(q.speaker, q.role) for q in extract_quotes(two)] == [("Ana Ruiz", "deputy chair")]
    quoted = ("“Ask Tom Hale, the minister for rail, whether it works,” a commuter said. Tom Hale "
              "says the trains will run on time from May.")
    assert ("Tom Hale", None) in [(q.speaker, q.role) for q in extract_quotes(quoted)]
