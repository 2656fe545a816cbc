"""A checklist of attribution constructions any story writes, run over the quote extractor.

Usage: python bench/attribution_checklist.py [--show N] [--who]

Every combination of a speaker (names of many languages' shapes, titles before them,
organisations), an appositive after the speaker (an age, a post, where they are from, whose kin
they are, a relative clause …) and a frame (a quote before or after the cue, a reported clause
with and without "that", "according to", a told outlet, a trailing cue) is written as one short
story and extracted. A cell is right when the extractor gives exactly one record and its
speaker is the expected name, compared as ``bench/attribution_eval.py`` compares names (case,
titles, articles and full stops aside). Prints one JSON object: the cells, the wrong ones, and
the wrong ones by speaker, appositive and frame; ``--show N`` adds up to N wrong stories of the
worst rows.

``--who`` runs the second table instead: stories of two people, each introduced with a post,
then quoted by a description ("the mayor said"), a pronoun ("she said", after the other person
spoke or not) or a surname; a cell is right when every record's speaker is the person meant, in
order. Rows are the person meant, the template and the post.

Unlike the annotated set this measures nothing about how often a construction occurs in news:
it finds constructions the engine gets wrong whenever they occur, whatever the story.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution_eval import same_speaker  # noqa: E402

from monitor.extract import extract_quotes  # noqa: E402

#: (as written, the speaker expected)
PEOPLE = [
    ("Ana Lopes", "Ana Lopes"), ("Bashar al-Assad", "Bashar al-Assad"),
    ("Jean-Luc Martin", "Jean-Luc Martin"), ("Mary O'Brien", "Mary O'Brien"), ("Xi Jinping", "Xi Jinping"),
    ("Kim Jong Un", "Kim Jong Un"), ("Kim Yo Jong", "Kim Yo Jong"), ("Moon Jae-in", "Moon Jae-in"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"), ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva"), ("Dr. Anthony Fauci", "Anthony Fauci"),
    ("Sen. Elizabeth Warren", "Elizabeth Warren"), ("Mohammed bin Salman", "Mohammed bin Salman"),
    ("J.D. Vance", "J.D. Vance"), ("Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez"),
    ("Beto O'Rourke", "Beto O'Rourke"), ("Nguyen Thi Lan", "Nguyen Thi Lan"),
    ("Olusegun Obasanjo", "Olusegun Obasanjo"), ("Foreign Minister Sergey Lavrov", "Sergey Lavrov"),
    ("Gov. Gavin Newsom", "Gavin Newsom"), ("Tánaiste Leo Varadkar", "Leo Varadkar"),
    ("Prime Minister Narendra Modi", "Narendra Modi"), ("Chief Justice John Roberts", "John Roberts"),
    ("Tom Hale Jr.", "Tom Hale Jr."),
]
APPOSITIVES = [
    "", ", a spokesperson for the ministry,", ", 45,", ", who leads the group,", ", the former minister,",
    ", of the University of Otago,", ", also of the University of Otago,", ", Jimmy Carter's grandson,",
    ", from New York,", ", a Republican from Texas,", ", an economist at Capital Economics in London,",
    ", now a critic of the plan,", ", the group's founder and chief executive,",
    ", a professor of law at Yale University who studies elections,", ", a farmer in Iowa,",
    ", head of the Red Cross in Geneva,", ", the country's first female leader,",
]
FRAMES = [
    "“We will not back down on this plan,” {s}{a} said.",
    "“We will not back down on this plan,” said {s}{b}.",
    "{s}{a} said that the plan would go ahead next year.",
    "{s}{a} said the plan would go ahead next year.",
    "According to {s}{b}, the plan will go ahead next year.",
    "“We will not back down on this plan,” {s}{a} told reporters on Monday.",
    "{s}{a} told reporters the plan would go ahead next year.",
    "The plan will go ahead next year, {s}{a} said on Monday.",
]
BODIES = [
    ("Human Rights Watch", "Human Rights Watch"), ("Amnesty International", "Amnesty International"),
    ("The World Health Organization", "World Health Organization"), ("The Red Cross", "Red Cross"),
    ("Médecins Sans Frontières", "Médecins Sans Frontières"), ("The Kremlin", "Kremlin"),
    ("Doctors Without Borders", "Doctors Without Borders"), ("The UN refugee agency", "UN refugee agency"),
    ("Hamas", "Hamas"), ("The Israel Defense Forces", "Israel Defense Forces"),
    ("Ukraine's foreign ministry", "Ukraine's foreign ministry"), ("Pope Francis", "Pope Francis"),
]
BODY_FRAMES = [
    "{S} said in a statement that the talks would resume next week.",
    "{S} said in a statement on Monday: “The talks will resume next week.”",
    "In a statement, {S} said the talks would resume next week.",
    "{S} wrote on X that the talks would resume next week.",
    "“The talks will resume next week,” {S} wrote on Telegram.",
    "{S} added: “The talks will resume next week.”",
    "{S} told the BBC the talks would resume next week.",
    "The talks will resume next week, {s} said in a statement.",
    "{S} has said the talks will resume next week.",
    "{S} on Monday said the talks would resume next week.",
    "“The talks will resume next week,” according to {s}.",
    "Asked about the talks, {S} said they would resume next week.",
    "“The talks,” {s} said, “will resume next week.”",
]
#: (as written, surname, gender) of the people of the --who table.
WHO_PEOPLE = [
    ("Ana Lopes", "Lopes", "f"), ("Maria Zakharova", "Zakharova", "f"), ("Nguyen Thi Lan", "Lan", "f"),
    ("Ursula von der Leyen", "von der Leyen", "f"), ("Tom Hale", "Hale", "m"),
    ("Sergey Lavrov", "Lavrov", "m"), ("Olusegun Obasanjo", "Obasanjo", "m"), ("Moon Jae-in", "Moon", "m"),
]
#: Of those, the ones whose given name does not say their gender to a reader who does not know them
#: (the templates where only a pronoun's gender tells the two apart leave them out).
WHO_GENDER_UNSAID = frozenset(["Nguyen Thi Lan", "Moon Jae-in"])
#: (the post as an appositive, the description that later stands for its holder, the post as a
#: title before the name)
WHO_POSTS = [
    ("the foreign minister", "the minister", "Foreign Minister"), ("the mayor of Lviv", "the mayor", "Mayor"),
    ("a senior police officer", "the officer", "Police Officer"),
    ("the company's chief executive", "the chief executive", "Chief Executive"),
    ("a lawyer for the family", "the lawyer", "Lawyer"),
    ("a professor of history at Yale", "the professor", "Prof."),
    ("the army's top general", "the general", "Gen."), ("the regional governor", "the governor", "Gov."),
    ("a local doctor", "the doctor", "Dr."), ("the union's leader", "the union leader", "Union Leader"),
]
#: Templates: {x} is the person meant, {y} the other one, {px}/{py} their posts, {dx} the
#: description of x's post ({Dx} capitalised), {Tx} x's post as a title, {hx}/{hy} x's and y's
#: pronouns ({Hx} capitalised), {sx}
#: x's surname, {Sy} y's last word; then whose (a: the unnamed official)
#: words each record is, in order, and whether the two must be of different genders.
WHO_TEMPLATES = [
    ("{x}, {px}, met {y}, {py}, on Monday.\n\n“We will talk again next week,” {dx} said.", "x", False),
    ("{y}, {py}, met {x}, {px}, on Monday.\n\n“We will talk again next week,” {dx} said.", "x", False),
    ("{y}, {py}, met {x}, {px}, on Monday.\n\n{Dx} said the talks would resume next week.", "x", False),
    ("“The talks were useful,” said {y}, {py}.\n\n{x}, {px}, was less sure. “We will see,” {dx} "
     "said.", "yx", False),
    ("“The talks were useful,” said {y}, {py}.\n\n{x}, {px}, disagreed. “They were a waste of "
     "time,” {hx} said.", "yx", False),
    ("{x}, {px}, met {y}, {py}, on Monday.\n\n“We will talk again next week,” {hx} said.", "x", True),
    ("{y}, {py}, met {x}, {px}, on Monday.\n\n“We will talk again next week,” {sx} said.", "x", False),
    ("“The talks were useful,” said {x}, {px}.\n\n{y}, {py}, agreed. “We will meet again,” {dx} "
     "added.", "xx", False),
    ("“The talks were useful,” said {y}, {py}.\n\n{Dx}, {x}, said the talks would resume next "
     "week.", "yx", False),
    ("{Tx} {x} met {y}, {py}, on Monday.\n\n“We will talk again next week,” {dx} said.", "x", False),
    ("“The talks were useful,” said {y}, {py}.\n\n{Tx} {x} was less sure. “We will see,” {dx} "
     "said.", "yx", False),
    ("“The talks were useful,” {y} said.\n\n“We will see,” said {x}, {px}. “Nothing is agreed.”\n\n"
     "{Sy} left early; {dx} stayed.\n\n“It was a long day,” {dx} said.", "yxx", False),
    ("A senior official said the talks had stalled.\n\n{x}, {px}, disagreed. “They were a waste "
     "of time,” {hx} said.", "ax", False),
    ("{x}, {px}, spoke after a senior official briefed reporters.\n\n“We will see,” {hx} said.", "x", False),
    ("“The talks stalled,” a senior official said.\n\n{x}, {px}, was not there. “I was not "
     "invited,” {hx} said.", "ax", False),
    ("{x} spoke first.\n\n“We will wait,” {hx} said.\n\n{y}, {py}, was not convinced.\n\n“We "
     "cannot wait,” {hy} said.\n\n“Then we part,” {hx} added.", "xyx", True),
    ("“We will wait,” said {x}, {px}.\n\nThe plan was criticised by {y}, {py}.\n\n“We have "
     "waited long enough,” {hx} said.", "xx", True),
    ("“We will wait,” said {Tx} {x}.\n\n“We cannot wait,” said {y}, {py}.\n\n“Then we part,” "
     "{dx} added.", "xyx", False),
    ("“We will wait,” {x} said.\n\n{y}, {py}, said the talks had failed. {Hx} disagreed: “Nothing "
     "has failed.”", "xyx", True),
]
#: (as written opening a sentence, as written inside one, the speaker expected, the noun a later
#: sentence calls it by) for the --documents table.
DOC_BODIES = [
    ("Human Rights Watch", "Human Rights Watch", "Human Rights Watch", "group"),
    ("Amnesty International", "Amnesty International", "Amnesty International", "group"),
    ("The World Health Organization", "the World Health Organization", "World Health Organization", "agency"),
    ("Moody's Analytics", "Moody's Analytics", "Moody's Analytics", "firm"),
    ("The Congressional Budget Office", "the Congressional Budget Office", "Congressional Budget Office",
     "office"),
    ("NATO", "NATO", "NATO", "alliance"),
    ("The Pentagon", "the Pentagon", "Pentagon", "department"),
    ("Doctors for Camp Closure", "Doctors for Camp Closure", "Doctors for Camp Closure", "doctors"),
]
DOCUMENTS = ["report", "study", "statement", "memo", "assessment", "letter"]
#: Templates: {X}/{x} the body as written, {d} the document ({a}/{A} its article), {n} the
#: body's noun; whose words
#: each record is ("b": the body's, "d": the document's own, no author named).
DOC_TEMPLATES = [
    ("{X} published {a} {d} on Monday.\n\nThe {d} said the talks had stalled.", "b"),
    ("{A} {d} by {x} said the talks had stalled.", "b"),
    ("According to {a} {d} from {x}, the talks have stalled.", "b"),
    ("In {a} {d} released on Monday, {x} said the talks had stalled.", "b"),
    ("{X} released {a} {d} on Monday. “The talks have stalled,” the {d} said.", "b"),
    ("The {d}, released by {x} on Monday, said the talks had stalled.", "b"),
    ("A new {d} from {x} says the talks have stalled.", "b"),
    ("{X} criticised the plan on Monday.\n\n“It is reckless,” the {n} said.", "b"),
    ("{X} said on Monday that the plan was reckless. The {n} also said that it would appeal.", "bb"),
    ("{A} {d} seen by reporters said the talks had stalled.", "d"),
]
#: (as written, the speaker expected) of the --clauses table.
CLAUSE_SUBJECTS = [("Ana Lopes", "Ana Lopes"), ("The Interior Ministry", "Interior Ministry"),
                   ("Officials", "officials"), ("The mayor of Lviv", "mayor of Lviv"),
                   ("Sen. Tom Hale", "Tom Hale")]
CLAUSE_CUES = ["said", "says", "noted", "acknowledged", "claimed", "argued", "insisted", "conceded",
               "warned", "added", "confirmed", "stressed", "explained", "suggested", "announced",
               "admitted"]
#: Templates: {S} the subject, {c} the cue; then each record expected, in reading order: its
#: speaker (None: the subject) and its content, the whole reported clause.
CLAUSE_TEMPLATES = [
    ("{S} {c} that the border would stay shut.", [(None, "the border would stay shut")]),
    ("{S} {c} the border would stay shut.", [(None, "the border would stay shut")]),
    ("{S} on Tuesday {c} that the border would stay shut.", [(None, "the border would stay shut")]),
    ("{S} {c} no decision had been made on the border.", [(None, "no decision had been made on the border")]),
    ("{S} {c} it'd stay shut until May.", [(None, "it'd stay shut until May")]),
    # (a third party's attribution inside the clause is a record of its own as well)
    ("{S} {c} that the plan, which critics say is flawed, would go ahead.",
     [(None, "the plan, which critics say is flawed, would go ahead"), ("critics", "is flawed")]),
    ("{S} {c} they realised that the plan had failed.", [(None, "they realised that the plan had failed")]),
    ("{S} {c} in a statement that the border would stay shut.", [(None, "the border would stay shut")]),
]
#: Templates of the --quotes table: {S}/{s} the subject opening a sentence or inside one; then
#: each record expected (its content, the whole attributed span).
QUOTE_TEMPLATES = [
    ("“We will not back down,” {s} said. “We need a deal now.”",
     ["We will not back down,” {s} said. “We need a deal now."]),
    ("“We will not back down,” {s} said, “and we need a deal now.”",
     ["We will not back down,” {s} said, “and we need a deal now."]),
    ("{S} said: “We will not back down.”", ["We will not back down."]),
    ("“Will you back down?” {s} asked.", ["Will you back down?"]),
    ("{S} called the plan “reckless” and “a gift to smugglers”.",
     ["the plan “reckless” and “a gift to smugglers”"]),
    ("{S} said the talks would “strengthen” ties with Kyiv.",
     ["the talks would “strengthen” ties with Kyiv"]),
    ("''We will not back down,'' said {s}.", ["We will not back down"]),
    ('"We will not back down," {s} said.', ["We will not back down"]),
    ("‘We will not back down,’ {s} said.", ["We will not back down"]),
    ("{S} told the BBC: “We will not back down.”", ["We will not back down."]),
    ("“We will not back down,” {s} said.\n\n“We need a deal now,” {s} added.",
     ["We will not back down", "We need a deal now"]),
    ("{S} said: “We will not back down.\n\n“We need a deal now.”",
     ["We will not back down.\n\n“We need a deal now."]),
]
#: A sentence before each story, so that no speaker opens the text.
LEAD = "Officials met on Monday.\n\n"


def _cells() -> list[tuple[str, str, str, str, str]]:
    """(story, expected speaker, speaker row, appositive row, frame row) for every cell."""
    cells = []
    for (written, expected), appositive, frame in itertools.product(PEOPLE, APPOSITIVES, FRAMES):
        story = frame.format(s=written, a=appositive, b=appositive.rstrip(","))
        cells.append((LEAD + story, expected, written, appositive or "(none)", frame))
    for (written, expected), frame in itertools.product(BODIES, BODY_FRAMES):
        lower = written[0].lower() + written[1:] if written.startswith("The ") else written
        cells.append((LEAD + frame.format(S=written, s=lower), expected, written, "(body)", frame))
    return cells


def _who_cells() -> list[tuple[str, list[str], str, str, str]]:
    """(story, expected speakers, person row, template row, post row) for the --who table."""
    cells = []
    for (x, sx, gx), (y, _, gy) in itertools.permutations(WHO_PEOPLE, 2):
        for k, (post_x, dx, title_x) in enumerate(WHO_POSTS):
            post_y = WHO_POSTS[(k + 3) % len(WHO_POSTS)][0]
            for template, whose, other_gender in WHO_TEMPLATES:
                if other_gender and (gx == gy or x in WHO_GENDER_UNSAID or y in WHO_GENDER_UNSAID):
                    continue
                hx, hy = ("she" if gx == "f" else "he"), ("she" if gy == "f" else "he")
                story = template.format(x=x, y=y, px=post_x, py=post_y, dx=dx, Dx=dx[0].upper() + dx[1:],
                                        hx=hx, hy=hy, Hx=hx.capitalize(), sx=sx, Tx=title_x,
                                        Sy=y.split()[-1])
                expected = [x if who == "x" else y if who == "y" else "a senior official" for who in whose]
                cells.append((LEAD + story, expected, x, template, post_x))
    return cells


def _document_cells() -> list[tuple[str, list[str], str, str, str]]:
    """(story, expected speakers, body row, template row, document row) for --documents."""
    cells = []
    for (opening, inside, expected, noun), template, document in itertools.product(
            DOC_BODIES, DOC_TEMPLATES, DOCUMENTS):
        text, whose = template
        article = "an" if document[0] in "aeiou" else "a"
        story = text.format(X=opening, x=inside, d=document, n=noun, a=article, A=article.capitalize())
        cells.append((LEAD + story, [expected if w == "b" else document for w in whose], expected,
                      text, document))
    return cells


def _clause_cells() -> list[tuple[str, list[tuple[str, str]], str, str, str]]:
    """(story, expected (speaker, content), subject row, template row, cue row) for --clauses."""
    cells = []
    for (written, expected), (template, records), cue in itertools.product(
            CLAUSE_SUBJECTS, CLAUSE_TEMPLATES, CLAUSE_CUES):
        story = template.format(S=written, c=cue)
        cells.append((LEAD + story, [(who or expected, content) for who, content in records], written,
                      template, cue))
    return cells


def _quote_cells() -> list[tuple[str, list[tuple[str, str]], str, str, str]]:
    """(story, expected (speaker, content), subject row, template row, "-") for --quotes."""
    cells = []
    for (written, expected), (template, contents) in itertools.product(CLAUSE_SUBJECTS, QUOTE_TEMPLATES):
        inside = written[0].lower() + written[1:] if written.split()[0] in ("The", "Officials") else written
        story = template.format(S=written, s=inside)
        cells.append((LEAD + story, [(expected, c.format(S=written, s=inside)) for c in contents], written,
                      template, "-"))
    return cells


def run(show: int = 0, who: bool = False, documents: bool = False, clauses: bool = False,
        quotes: bool = False) -> dict:
    """Extract every cell; the counts of wrong ones, by row."""
    axes = ("person", "template", "post") if who else ("body", "template", "document") if documents \
        else ("subject", "template", "cue") if clauses or quotes else ("speaker", "appositive", "frame")
    wrong: dict[str, Counter] = {axis: Counter() for axis in axes}
    total: dict[str, Counter] = {axis: Counter() for axis in axes}
    examples: dict[tuple[str, str], list] = defaultdict(list)
    cells = _who_cells() if who else _document_cells() if documents else _clause_cells() if clauses \
        else _quote_cells() if quotes else [(story, [expected], *rows) for story, expected, *rows in _cells()]
    bad = 0
    for story, expected, *rows in cells:
        found = extract_quotes(story)
        got: list = [q.speaker for q in found]
        if clauses or quotes:
            # (the content as well: the whole attributed span, no more and no less)
            got = [(q.speaker, story[q.start:q.end].rstrip(".") if clauses else story[q.start:q.end])
                   for q in found]
            ok = len(got) == len(expected) and all(
                same_speaker(e[0], g[0]) and e[1] == g[1] for e, g in zip(expected, got, strict=True))
        else:
            ok = len(got) == len(expected) and all(
                same_speaker(e, g) for e, g in zip(expected, got, strict=True))
        bad += not ok
        for axis, row in zip(axes, rows, strict=True):
            total[axis][row] += 1
            if not ok:
                wrong[axis][row] += 1
                examples[(axis, row)].append({"story": story[len(LEAD):], "speakers": got})
    by_axis = {axis: {row: f"{n}/{total[axis][row]}" for row, n in wrong[axis].most_common()}
               for axis in wrong}
    table = " --who" if who else " --documents" if documents else " --clauses" if clauses \
        else " --quotes" if quotes else ""
    report: dict = {"bench": "attribution_checklist" + table, "cells": len(cells),
                    "wrong": bad, "wrong_by": by_axis}
    if show:
        worst = sorted(examples, key=lambda k: -len(examples[k]) / total[k[0]][k[1]])[:show]
        report["examples"] = {f"{axis}: {row}": examples[(axis, row)][:3] for axis, row in worst}
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="wrong stories of the N worst rows")
    parser.add_argument("--who", action="store_true", help="the table of who is meant (two people)")
    parser.add_argument("--documents", action="store_true",
                        help="the table of documents and bodies named by a noun")
    parser.add_argument("--clauses", action="store_true",
                        help="the table of reported clauses (speaker and content)")
    parser.add_argument("--quotes", action="store_true",
                        help="the table of quotation shapes (speaker and content)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.show, args.who, args.documents, args.clauses, args.quotes), ensure_ascii=False,
                     indent=2))


if __name__ == "__main__":
    main()
