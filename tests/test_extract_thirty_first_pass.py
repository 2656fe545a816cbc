"""Who speaks in the constructions of the thirty-first pass: a leader quoted by surname saying
"it was …", names written with a nickname in quotation marks, a first name given after a
relative, names with a father's name ("bin", "ibn")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from monitor.extract import extract_quotes
from monitor.extract.speakers import classify, tokens


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker of the record whose words hold ``words``."""
    found = [q.speaker for q in extract_quotes(text) if words in text[q.start:q.end]]
    assert len(found) == 1, found
    return found[0]


def _kind_of(text: str, words: str) -> str | None:
    found = [q.speaker_kind for q in extract_quotes(text) if words in text[q.start:q.end]]
    assert len(found) == 1, found
    return found[0]


# -- "Kim said it was …": a person the text titles, not a body speaking of itself ----------------


KIM = ("A spokesperson said “President Trump had a good relationship with [North Korean leader] Kim "
       "Jong Un.”\n\nThe state news agency reported Wednesday that Kim said it was “indispensable” to "
       "bolster nuclear forces.\n\nKim, who inspected the launch, said the deterrent was “being "
       "perfected.”")


def test_a_titled_leader_saying_it_was_is_the_leader_in_full() -> None:
    kim = [q for q in extract_quotes(KIM) if KIM[q.start:q.end].startswith("it was")]
    assert [(q.speaker, q.speaker_kind) for q in kim] == [("Kim Jong Un", "person")]
    assert _speaker_of(KIM, "being perfected") == "Kim Jong Un"


def test_a_company_saying_it_or_its_stays_a_company() -> None:
    # (guard: the rule that reads "Garmin said its …" as a body still holds where no title is)
    text = "Garmin said its watches were safe to wear in water."
    assert _kind_of(text, "watches were safe") == "organisation"
    text = "Apple unveiled a phone on Monday. Apple said it would ship the phone in May."
    assert _kind_of(text, "ship the phone") == "organisation"


# -- a nickname in quotation marks inside a name -------------------------------------------------


def test_a_surname_after_a_nicknamed_name_is_the_name_without_the_nickname() -> None:
    text = ("Ross “Rusty” Aimer, a retired pilot, said the record was strong.\n\n"
            "“Some of it was luck,” Aimer said.")
    assert _speaker_of(text, "record was strong") == "Ross Aimer"
    assert _speaker_of(text, "Some of it was luck") == "Ross Aimer"


def test_a_first_name_before_a_nickname_is_the_name_in_full() -> None:
    text = "“It was luck,” said Ross \"Rusty\" Aimer, a retired pilot."
    assert _speaker_of(text, "It was luck") == "Ross Aimer"


def test_a_surname_first_name_with_a_nickname() -> None:
    text = ("However, Zhou “Zuola” Shuguang, one of the first citizen journalists to move to Taiwan, "
            "said the videos may have the \"tacit approval\" of the party.")
    assert _speaker_of(text, "tacit approval") == "Zhou Shuguang"


def test_two_people_with_one_surname_and_nicknames_stay_apart() -> None:
    # (guard: "Johnson" is written in two nicknamed names: neither is taken)
    text = ("Dwayne \"The Rock\" Johnson and Earvin \"Magic\" Johnson met on Monday. "
            "\"I love this city,\" Johnson said.")
    assert _speaker_of(text, "I love this city") == "Johnson"


# -- a first name in an appositive after a relative ----------------------------------------------


def test_a_first_name_after_a_relative_takes_the_family_name() -> None:
    text = ("Rudy Giuliani must hand over his watches.\n\nAs for the rings, Giuliani's son, Andrew, "
            "filed court documents this month. Andrew said his father gave him four rings as gifts.")
    assert _speaker_of(text, "four rings") == "Andrew Giuliani"


def test_a_first_name_after_a_mother_keeps_its_own() -> None:
    # (guard: a mother or a wife may keep another surname; only blood kin who share it as a rule)
    text = "\"Please remind people that we are waiting,\" Tice's mother, Debra, said on Sunday."
    assert _speaker_of(text, "we are waiting") == "Debra"


# -- a father's name ------------------------------------------------------------------------------


def test_a_titled_given_name_is_the_name_with_the_fathers_name() -> None:
    text = ("Crown Prince Mohammed bin Salman met the president in Riyadh.\n\n"
            "Prince Mohammed said the kingdom would invest $600 billion.")
    assert _speaker_of(text, "600 billion") == "Mohammed bin Salman"


def test_a_family_name_with_al_is_the_name_with_the_given_and_fathers_names() -> None:
    text = ("Blinken met Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, in Doha.\n\n"
            "“We are closely coordinated with Egypt,” Qatar’s Al Thani said.")
    assert _speaker_of(text, "closely coordinated") == "Mohammed bin Abdulrahman Al Thani"


def test_two_fathers_names_for_one_given_name_stay_apart() -> None:
    # (guard: two men called Mohammed with a father's name: "Mohammed" alone is neither)
    text = ("Mohammed bin Salman met Mohammed bin Zayed in Riyadh.\n\n"
            "Mohammed said the talks had gone well.")
    assert _speaker_of(text, "talks had gone well") == "Mohammed"


# -- the evaluation compares a name with a nickname and without as one ---------------------------


def _eval_module():
    path = Path(__file__).resolve().parent.parent / "bench" / "attribution_eval.py"
    spec = importlib.util.spec_from_file_location("attribution_eval_for_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_evaluation_reads_a_nickname_as_optional() -> None:
    ev = _eval_module()
    assert ev.same_speaker("Ross “Rusty” Aimer", "Ross Aimer")
    assert ev.same_speaker('Frank "Greg" Ford', "Frank Ford")
    assert not ev.same_speaker("Ross “Rusty” Aimer", "Rusty Aimer")


# -- a relative introduced by name is not who the family's surname then means -------------------


#: From a Voice of America report (public domain): the president, quoted long before, then
#: "their daughter, Ashley Biden" right before the bare surname.
BIDENS = (
    'WASHINGTON — President Joe Biden said Wednesday that he was “so proud” that a women’s '
    'health research initiative he launched last year at his wife’s urging has already invested'
    ' nearly $1 billion because a healthy female population improves U.S. prosperity.' "\n\n"
    '“That’s a fact,” he said in closing remarks at the first White House Conference on Women’s'
    ' Health Research. “We haven’t gotten that through to the other team yet,” Biden said, '
    'referencing President-elect Donald Trump and his incoming administration.' "\n\n"
    'The first lady told the researchers, advocates, and business and philanthropic leaders '
    'attending the conference that she would keep pressing the issue.' "\n\n"
    '“My work doesn’t stop in January when Joe and I leave this house,” she said. “I will keep '
    'building alliances, like the ones that brought us here today, and I will keep pushing for '
    'funding for innovative research.”' "\n\n"
    '“In one year, everybody in this room kicked butt,” Shriver said at the conference. “Not '
    'until the Bidens did anyone ever think to make women’s health and research a priority for '
    'the federal government, so let that sink in.”' "\n\n"
    'President Biden closed the conference with a nod to the influence of his wife, who, after '
    'her remarks, sat in the front row beside their daughter, Ashley Biden, who runs a women’s '
    'shelter in Philadelphia.' "\n\n"
    '’You stepped up, kid,” Biden told the first lady. Then he told the audience, “In case you '
    'wonder, when she speaks, I listen.”'
)


def test_the_family_surname_after_a_named_daughter_is_the_principal() -> None:
    assert _speaker_of(BIDENS, "when she speaks") == "Joe Biden"


def test_a_newcomer_of_the_surname_without_kin_still_takes_it() -> None:
    # (guard: "Liu Longzhu, a California lawyer," is another person of the name, as before)
    text = ("“We will appeal,” said Sean Liu, the family's spokesman.\n\n"
            "Liu Longzhu, a California lawyer, has filed a separate suit. “This is not over,” Liu said.")
    assert _speaker_of(text, "This is not over") == "Liu Longzhu"


# -- a storm named like a woman is not "she" -----------------------------------------------------


def test_a_hurricane_named_in_the_paragraph_before_is_not_she() -> None:
    text = ("The coast was hit by Hurricane Helene last month.\n\n"
            "Jen Hilliard, who moved to Florida six months ago, said she was happy to help a friend.\n\n"
            "Furniture sat outside after Helene sent several feet of storm surge into the house.\n\n"
            "“You roll with the punches,” she said.")
    assert _speaker_of(text, "roll with the punches") == "Jen Hilliard"


def test_a_woman_named_like_a_storm_word_is_still_she() -> None:
    # (guard: a first name the text never writes after "Hurricane" is a person's)
    text = ("Helene Martin ran the shelter for ten years.\n\n"
            "Furniture sat outside after Helene sent volunteers to every house.\n\n"
            "“You roll with the punches,” she said.")
    assert _speaker_of(text, "roll with the punches") == "Helene Martin"


# -- a heading's common word is no person a pronoun may mean -------------------------------------


def test_a_word_inside_a_bodys_name_is_no_surname() -> None:
    text = ("He was part of the House Climate Solutions Caucus.\n\n"
            "Climate action in US\n\n"
            "The agency will have broad power. However, climate action won’t come to a halt, "
            "according to Carbon Direct policy analyst Zara Ahmed.\n\n"
            "“Consumers can choose to purchase a low-emissions vehicle,” she told the Reuters news agency.")
    assert _speaker_of(text, "low-emissions vehicle") == "Zara Ahmed"


def test_a_person_after_a_post_closing_according_to_is_a_person() -> None:
    text = "Climate action won’t come to a halt, according to Carbon Direct policy analyst Zara Ahmed."
    found = [(q.speaker, q.speaker_kind) for q in extract_quotes(text)]
    assert found == [("Zara Ahmed", "person")]


def test_a_body_after_a_description_closing_according_to_stays_a_body() -> None:
    # (guard: "the anti-pedophile group Action pour les Enfants" is a body, as before)
    text = ("Dozens of children were rescued, according to the Cambodia-based anti-pedophile group "
            "Action pour les Enfants.")
    found = [(q.speaker, q.speaker_kind) for q in extract_quotes(text)]
    assert found == [("Action pour les Enfants", "organisation")]


# -- a station and a city are no persons -----------------------------------------------------------


#: A Voice of America report (public domain): the station, then a man named among places.
FRANCIS = (
    'Email and phone messages seeking comment were left Tuesday for William Douglas Sprague, an'
    ' attorney for Francis.' "\n\n"
    'Sprague, who sought a sentence of just under nine years, argued that his client’s '
    'cooperation should warrant a lesser sentence, 10 News San Diego reported.' "\n\n"
    "Sprague also said Francis' company provided the Navy with exemplary services for many "
    'years.' "\n\n"
    '"Unfortunately, as Leonard acknowledged in his early guilty plea and immediate '
    'cooperation, his greed drove him to commit bribery and to commit fraud," Sprague said.' "\n\n"
    'Prosecutors said Francis’ actions led to one of the biggest bribery investigations in U.S.'
    ' military history, which resulted in the conviction and sentencing of nearly two dozen '
    'Navy officials, defense contractors and others on various fraud and corruption charges.' "\n\n"
    'An enigmatic figure who was 6-foot-3 and weighed 350 pounds at one time, Francis owned and'
    ' operated his family’s ship-servicing business, Singapore-based Glenn Defense Marine Asia '
    'Ltd. or GDMA, which supplied food, water and fuel to vessels. The Malaysian defense '
    'contractor was a key contact for U.S. Navy ships at ports across Asia for more than two '
    'decades. During that time, Francis wooed naval officers with Kobe beef, expensive cigars, '
    'concert tickets and wild sex parties at luxury hotels from Thailand to the Philippines.' "\n\n"
    'In exchange, officers, including the first active-duty admiral to be convicted of a '
    'federal crime, concealed the scheme in which Francis would overcharge for supplying ships '
    'or charge for fake services at ports he controlled in Southeast Asia. The officers passed '
    'him classified information and even went so far as redirecting military vessels to ports '
    'that were lucrative for his Singapore-based ship servicing company.' "\n\n"
    'In a federal sting, Francis was lured to San Diego on false pretenses and arrested at a '
    'hotel in September 2013. He pleaded guilty in 2015, admitting that he had offered more '
    'than $500,000 in cash bribes to Navy officials, defense contractors and others. '
    'Prosecutors say he bilked the Navy out of at least $35 million. As part of his plea deal, '
    'he cooperated with the investigation leading to the Navy convictions. He faced up to 25 '
    'years in prison.'
)


def test_a_station_named_news_is_no_person_and_its_city_no_he() -> None:
    assert _speaker_of(FRANCIS, "500,000") == "Francis"
    at = FRANCIS.index("10 News San Diego")
    station = classify(FRANCIS, tokens(FRANCIS, at, at + len("10 News San Diego")))
    assert station is not None and (station.kind, station.name) == ("organisation", "10 News San Diego")


def test_a_man_named_after_a_place_word_is_still_he() -> None:
    # (guard: "Diego Luna" opens his sentence with no place word before it)
    text = ("“We start tomorrow,” said the director.\n\n"
            "Diego Luna arrived later. He said the film would open in May.")
    assert _speaker_of(text, "open in May") == "Diego Luna"


# -- an administration's surname before a body's name ---------------------------------------------


def test_the_white_house_is_not_named_by_the_last_administration() -> None:
    text = ("WASHINGTON — President Joe Biden has approved a new national security memo, "
            "the White House said on Thursday.\n\n"
            "In May 2023, the Biden White House announced updated standards. Officials described it.")
    assert _speaker_of(text, "new national security memo") == "White House"


def test_a_body_with_more_words_in_front_still_takes_them() -> None:
    # (guard: "the National Search and Rescue Agency" is the fuller name of the Search and Rescue Agency)
    text = ("Divers were sent by the National Search and Rescue Agency on Monday.\n\n"
            "The Search and Rescue Agency said the wreck had been found.")
    assert _speaker_of(text, "wreck had been found") == "National Search and Rescue Agency"


# -- a lead's description named after an opening phrase of the next paragraph ---------------------


def test_a_lead_description_is_named_after_an_opening_phrase() -> None:
    text = ("WASHINGTON — Podcasters and social media influencers will be permitted to apply for "
            "credentials to cover the White House, the new press secretary announced Tuesday.\n\n"
            "In her first briefing, Karoline Leavitt told reporters that a wider range of people "
            "will be eligible to apply for press credentials.\n\n"
            "The press secretary said she expects reporters to hold themselves to the same standard.")
    assert _speaker_of(text, "Podcasters and social media") == "Karoline Leavitt"
    assert _speaker_of(text, "same standard") == "Karoline Leavitt"


def test_a_seat_of_government_before_a_description_is_no_name() -> None:
    # "… to cover the White House, the new press secretary announced": no person "White House"
    text = ("Influencers may apply for credentials to cover the White House, the new press secretary "
            "announced Tuesday.\n\nThe press secretary said she expects reporters to be fair.")
    assert _speaker_of(text, "to be fair") != "White House"


def test_a_name_inside_a_longer_opening_is_not_the_lead_description() -> None:
    # (guard: the opening phrase is one of time or place, not a sentence of its own)
    text = ("WASHINGTON — Podcasters and social media influencers will be permitted to apply for "
            "credentials to cover the White House, the new press secretary announced Tuesday.\n\n"
            "Critics of the plan, including Senator Mark Warner, said it would crowd the room.")
    assert _speaker_of(text, "Podcasters and social media") == "the new press secretary"


# -- the platform X before a sentence's end --------------------------------------------------------


def test_x_before_a_period_ends_the_sentence() -> None:
    text = ("Musk has not commented on the Journal article on X. Russia has also denied there have "
            "been frequent conversations between Putin and Musk.")
    assert _speaker_of(text, "frequent conversations") == "Russia"


def test_an_initial_x_still_joins_a_name() -> None:
    # (guard: "Malcolm X. Jones" after a verb: an initial)
    text = "The plan will fail, said Malcolm X. Jones, a historian at Howard University."
    assert _speaker_of(text, "plan will fail") == "Malcolm X. Jones"


def test_a_quote_posted_on_x_is_one_record() -> None:
    text = ("Senator Elizabeth Warren wrote on X. \"President Trump is dismantling checks on his "
            "power,\" she said.")
    quotes = extract_quotes(text)
    assert [(q.speaker, text[q.start:q.end]) for q in quotes] == [
        ("Elizabeth Warren", "President Trump is dismantling checks on his power")]


# -- "the younger Trump", "the elder Trump" ------------------------------------------------------


def test_the_younger_surname_is_the_named_junior() -> None:
    text = ("President Donald Trump attacked the inquiry on Monday. Donald Trump Jr. went further on "
            "Twitter. The younger Trump said the inquiry was a coup.")
    assert _speaker_of(text, "was a coup") == "Donald Trump Jr"


def test_the_younger_surname_is_the_son_or_daughter_named() -> None:
    text = ("President Donald Trump spoke on Monday. His son, Eric Trump, spoke later. "
            "The younger Trump said the business was fine.")
    assert _speaker_of(text, "business was fine") == "Eric Trump"


def test_the_elder_surname_is_the_father_without_the_suffix() -> None:
    text = ("Donald Trump Jr. spoke on Monday. President Donald Trump spoke later. "
            "The elder Trump said the business was fine.")
    assert _speaker_of(text, "business was fine") == "Donald Trump"


def test_the_younger_of_two_children_is_left_as_written() -> None:
    # (guard: two children named: "the younger Trump" is none of them for sure)
    text = ("President Donald Trump spoke on Monday. His son, Eric Trump, and his daughter, Ivanka "
            "Trump, spoke later. The younger Trump said the business was fine.")
    assert _speaker_of(text, "business was fine") not in ("Eric Trump", "Ivanka Trump")


# -- "the office of Sen. X" is X's office ----------------------------------------------------------


def test_the_office_of_a_person_is_their_office() -> None:
    text = "The office of Representative Ami Bera said in a statement that the bill would pass."
    found = [(q.speaker, q.speaker_kind) for q in extract_quotes(text)]
    assert found == [("Ami Bera's office", "organisation")]
    text = "The vote will be held Friday, the office of Sen. John Thune said."
    assert _speaker_of(text, "vote will be held") == "John Thune's office"


def test_the_office_of_a_post_stays_a_body() -> None:
    # (guard: "the Office of the Director of National Intelligence" is a body's own name)
    text = "The Office of the Director of National Intelligence said the threat was growing."
    assert _speaker_of(text, "threat was growing") == "Office of the Director of National Intelligence"


# -- a person inside a condition the speaker states is spoken of ----------------------------------


#: From a Voice of America report (public domain): Trump quoted first, then an economist whose
#: "he said" closes a condition about Trump.
TARIFFS = (
    'U.S. President-elect Donald Trump threatened repeatedly during his election campaign to '
    'swiftly impose a 60% tariff on Chinese-made goods. He wrote on his Truth Social account '
    'late Monday that he will impose “an additional 10% Tariff, above any additional Tariffs, '
    'on all of [China’s] many products coming into the United States of America.”' "\n\n"
    'Si Ling, a financial scholar in Australia, said in a phone interview with VOA Mandarin '
    'that if China wants to achieve its goal of doubling the size of its economy from 2020 to '
    '2035, the annual economic growth rate must reach 4%.' "\n\n"
    '“China has taken into account the uncertainty factors, like external shocks when Trump '
    'pledged to impose high tariffs. China must face the sudden decline in GDP growth,” said '
    'Si.' "\n\n"
    "Si said the growth of China's current GDP is dependent on exports and investments. If "
    "Trump fulfills his promise to impose high tariffs on Chinese goods, the impact on China's "
    'economy will be profound, he said.'
)


def test_the_person_of_an_if_clause_closed_by_he_said_is_spoken_of() -> None:
    assert _speaker_of(TARIFFS, "If Trump fulfills") == "Si Ling"


def test_the_person_of_a_when_clause_before_he_said_is_still_the_speaker() -> None:
    # (guard: "When Afghan President Ashraf Ghani announced the exchange, he said …")
    text = ("“We will not stop,” said a Taliban commander.\n\n"
            "When Afghan President Ashraf Ghani announced the exchange, he said it was a hard decision.")
    assert _speaker_of(text, "hard decision") == "Ashraf Ghani"


# -- guards from the review -------------------------------------------------------------------------


def test_an_agency_called_office_of_is_no_persons_office() -> None:
    text = "Office of Management and Budget Director Russell Vought said the cuts were necessary."
    assert _speaker_of(text, "cuts were necessary") == "Russell Vought"


def test_a_surname_the_text_gives_another_first_name_takes_no_nickname() -> None:
    text = ("House Speaker Mike Johnson met Earvin “Magic” Johnson. “The House will vote Friday,” "
            "Johnson told reporters.")
    assert _speaker_of(text, "vote Friday") == "Mike Johnson"


def test_quoted_words_after_an_owner_are_no_nickname() -> None:
    text = ("Critics said Nolan’s “Oppenheimer” Murphy performance was the best of the year. "
            "“I was terrified,” Murphy said.")
    assert _speaker_of(text, "I was terrified") == "Murphy"


def test_a_nicknamed_name_keeps_its_generation() -> None:
    text = "Robert “Bobby” Kennedy Jr. spoke at the hearing. “I’m not anti-vaccine,” Kennedy said."
    assert _speaker_of(text, "anti-vaccine") == "Robert Kennedy Jr"


def test_a_title_before_a_relative_is_no_family_name() -> None:
    text = "The King's brother, Andrew, was stripped of his titles. “I deny it,” Andrew said."
    assert _speaker_of(text, "I deny it") == "Andrew"


def test_the_younger_of_two_brothers_is_not_taken_for_the_junior() -> None:
    text = ("Eric Trump runs the family business with his brother Donald Trump Jr. "
            "The younger Trump said the business was fine.")
    assert _speaker_of(text, "business was fine") != "Donald Trump Jr"


def test_an_initial_after_on_x_still_joins_its_surname() -> None:
    text = "The team relied on X. Jiang, a doctoral student, for the analysis, said Professor Ann Lee."
    assert [(q.speaker, text[q.start:q.end]) for q in extract_quotes(text)] == [
        ("Ann Lee", "The team relied on X. Jiang, a doctoral student, for the analysis")]


def test_fathers_names_run_on_and_take_a_malay_honorific() -> None:
    text = ("Dubai Crown Prince Hamdan bin Mohammed bin Rashid Al Maktoum visited London. "
            "“It was a productive trip,” Sheikh Hamdan said.")
    assert _speaker_of(text, "productive trip") == "Hamdan bin Mohammed bin Rashid Al Maktoum"
    text = "Former Prime Minister Najib bin Tun Razak lost his appeal. “I am innocent,” Najib said."
    assert _speaker_of(text, "I am innocent") == "Najib bin Tun Razak"
