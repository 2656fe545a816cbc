"""Throughput of the quote extractor on one core, against a plain regex baseline.

Usage: python bench/extract_speed.py [MEGABYTES]   (default 10)
       python bench/extract_speed.py --scaling [N [SHAPE…]]   (hostile shapes only; N 20000)
       python bench/extract_speed.py --real   (the annotated real news texts: first pass, later passes)
       python bench/extract_speed.py --command [KILOCHARS]   (`monitor extract` on a file, start-up
                                                              included; default 400)

Generates a news-like corpus (articles of narrative, direct and reported speech, partial
quotes, multi-paragraph quotes) of at least MEGABYTES million characters, then times:

- ``extract``: :func:`monitor.extract.extract_quotes` over every article;
- ``baseline``: a plain ``re.finditer`` for text between quotation marks over the same articles
  (the cheapest thing that could be called quote extraction);
- ``pathological``: a 5 MB paragraph with no punctuation and 10,000 unmatched quotation marks.

Times are CPU seconds of this process, best of three runs, so other work on the machine
does not count against the figure. Prints one JSON object: characters per second for each,
and the ratio.

``--command`` writes the first KILOCHARS thousand characters of the annotated real texts to a
file and times ``python -m monitor extract FILE`` (wall clock, best and median of five runs, after
one run that leaves the bytecode cache written, as an installed copy has it) against the start-up
of a bare ``python -c pass`` and ``monitor extract`` on a one-line file.

``--scaling`` times each hostile shape (many marks, many cues, many sentences, long text without
punctuation, many names, dense sentences just under the reported-speech limit) at n and 2n units
in the same run, with the per-post budget off so the whole text is read, and prints the ratio of
the two times: near 2 is linear, near 4 quadratic.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from monitor.extract import extract_quotes
from monitor.extract.quotes import CUE_PATTERN

FIRST = ["Maria", "John", "Dmitry", "Anna", "Patrick", "Olena", "Ahmed", "Li", "Sarah", "Carlos",
         "Fatima", "James", "Yuki", "Pierre", "Ngozi", "Ivan"]
LAST = ["Zakharova", "Kirby", "Peskov", "Schmidt", "Ryder", "Kovalenko", "Hassan", "Wei", "Okafor",
        "Mendes", "Rahman", "Walker", "Tanaka", "Dubois", "Adeyemi", "Petrov"]
ROLES = ["Kremlin spokesman", "Pentagon press secretary", "Foreign Minister", "Defence Secretary",
         "National Security Council spokesman", "opposition leader", "Senator", "Governor",
         "chief executive", "Brigadier General"]
ORGS = ["the Kremlin", "the Pentagon", "the foreign ministry", "the company", "the United Nations",
        "the European Commission", "police", "the White House"]
ANON = ["a US official", "two people familiar with the talks", "a senior diplomat", "officials",
        "sources close to the negotiations"]
CUES = ["said", "told reporters", "added", "warned", "told the BBC", "said on Monday", "insisted"]
NARRATIVE = [
    "The train crossed the border in the early hours of the morning and continued towards the coast.",
    "Crowds gathered along the tracks to watch it pass, some holding flags and others filming.",
    "Prices for grain rose by 4% on the news, the third rise in as many weeks.",
    "The summit is expected to last two days, with a state dinner planned for Wednesday evening.",
    "Satellite images showed at least 20 carriages parked near the station on Tuesday.",
    "Negotiations stalled last year over the question of sanctions relief and frozen assets.",
    "The region has seen heavy rain since Friday, and several roads remain closed.",
    "Analysis of shipping data suggests exports have fallen sharply since the spring.",
]
CLAUSES = ["the talks would continue next week", "no agreement had been reached",
           "the situation remained tense", "the country was ready to respond",
           "further sanctions were being considered", "the visit had been planned for months"]
QUOTES = ["We are not going to negotiate under threats", "This is a very serious moment for all of us",
          "Our position has not changed", "We will continue to support our partners",
          "Nobody wants this conflict to go on", "That would really just serve to prolong the war"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"


def _paragraph(rng: random.Random) -> str:
    kind = rng.random()
    q = rng.choice(QUOTES)
    if kind < 0.45:
        return " ".join(rng.choice(NARRATIVE) for _ in range(rng.randint(1, 3)))
    if kind < 0.6:
        return f"“{q},” {_person(rng)} {rng.choice(CUES)}. “{rng.choice(QUOTES)}.”"
    if kind < 0.7:
        return f"{_person(rng)} {rng.choice(CUES)} that {rng.choice(CLAUSES)}."
    if kind < 0.78:
        return f"{rng.choice(CLAUSES).capitalize()}, {rng.choice(ANON)} {rng.choice(CUES)}."
    if kind < 0.84:
        return f"{rng.choice(ORGS).capitalize()} said the plan would “{q.lower()}” in time."
    if kind < 0.9:
        return f"{rng.choice(CLAUSES).capitalize()}, according to {rng.choice(ANON)}."
    if kind < 0.95:
        return f"“{q}.\n“{rng.choice(QUOTES)},” he said."
    return f"He added: \"{q}.\" {rng.choice(NARRATIVE)}"


def corpus(min_chars: int, seed: int = 0) -> list[str]:
    """News-like articles totalling at least ``min_chars`` characters."""
    rng = random.Random(seed)
    articles: list[str] = []
    total = 0
    while total < min_chars:
        article = "\n".join(_paragraph(rng) for _ in range(rng.randint(8, 30)))
        articles.append(article)
        total += len(article)
    return articles


_BASELINE = re.compile(r"“([^”]*)”|\"([^\"]*)\"")


def _time(func, texts: list[str], repeat: int = 3) -> tuple[float, int]:
    """Best of ``repeat`` runs, in CPU seconds of this process (one core, whatever else runs)."""
    best = float("inf")
    found = 0
    for _ in range(repeat):
        began = time.process_time()
        found = 0
        for text in texts:
            found += len(func(text))
        best = min(best, time.process_time() - began)
    return best, found


def _name(i: int) -> str:
    """A distinct capitalised word for each ``i`` ("Ba", "Ca", … "Bab"): many different people."""
    letters = "bcdfghjklmnprstvz"
    word = ""
    while True:
        word += letters[i % len(letters)] + "a"
        i //= len(letters)
        if not i:
            return word.capitalize()


#: Hostile input shapes: n -> a text of about n units of the shape.
SHAPES = {
    # One long sentence of cues and quotes: the carry-over sieve used to slice it once per quote.
    "quote_run": lambda n: 'He said "a" ' * n,
    # Colon-introduced quotes in one sentence: the colon sieve used to read from its start each time.
    "colon_run": lambda n: 'Peskov: "a" ' * n,
    "straight_marks": lambda n: '"' * n,
    "opening_marks": lambda n: "“" * n,
    "single_marks": lambda n: "'a' " * n,
    "short_sentences": lambda n: "Kirby said. " * n,
    "reported_sentences": lambda n: "Kirby said the talks would go on. " * (n // 3),
    # Sentences just under the 3,000-character limit, dense with cues and quotes.
    "dense_sentences": lambda n: ('Kirby said "a", ' * 180 + "she said.\n") * max(1, n // 180),
    "dense_participles": lambda n: ("The ministry spoke, saying it, adding that it, " * 60 + "end.\n")
    * max(1, n // 120),
    "no_punctuation": lambda n: "the minister said that the train was late again today " * (n // 5),
    # Two-character marks, relative and parenthetical cues, according-to phrases, show titles.
    "two_mark_run": lambda n: "He said ''a'' " * n,
    "relative_cues": lambda n: ("The senator, who said it was fine, " * 60 + "left.\n") * max(1, n // 60),
    "parenthetical_cues": lambda n: "The museum, the mayor said, would open in May. " * (n // 5),
    "according_to_phrases": lambda n: "Prices rose, according to a state police database. " * (n // 5),
    "titles": lambda n: "She spoke on “Morning Joe” and " * n,
    # Many people sharing a surname, pronouns that match none of them, roles nobody holds.
    "many_names": lambda n: "".join(
        f"“We agree on this,” said Mr {_name(i)} Smith. “No,” she said. “Yes,” the minister said.\n"
        for i in range(n // 6)),
    # Many distinct surnames whose gender and full name are looked up in the text, pronouns with
    # nobody quoted to stand for, "the company" and "the director" read back through the text.
    "many_surnames": lambda n: "".join(
        f"Jessica {_name(i)} met staff. {_name(i)} said it was late. “It is done,” she said.\n"
        for i in range(n // 6)),
    "role_lookups": lambda n: "".join(
        f"{_name(i)} Corp grew. The company said sales rose. “It is hard,” the director said.\n"
        for i in range(n // 6)),
    "qa_labels": lambda n: "Tom Ward asks about it. Q: Will it change? A: No, it will not. " * (n // 6),
    # Many organisations of two words whose fuller names are looked up in the text, and speakers
    # placed in a town and a country ("… in Dunedin, New Zealand, said").
    "org_full_names": lambda n: "".join(
        f"{_name(i)} Research Center met. {_name(i)} Airport said it was late. According to the "
        f"{_name(i)} Research analysis, costs rose.\n" for i in range(n // 8)),
    # Transcript turns in ordinary capitals, and first names the text then gives in full.
    "mixed_case_labels": lambda n: "".join(
        f"{_name(i)}: It was hard.\n\nJoe: Sure it was.\n\n{_name(i)}: My name is {_name(i)} Kerr.\n\n"
        for i in range(n // 12)),
    # Posts opening with distinct handles after lead-ins, bodies named by their acronym as an
    # office, surnames with particles: each looked up against the whole text.
    "handle_posts": lambda n: "".join(
        f"{_name(i)} Kerr of {_name(i)} Group tweeted:\n\n"
        f"@{_name(i)}kerr: The plan will fail soon, I think.\n\n"
        for i in range(n // 12)),
    "office_acronyms": lambda n: "".join(
        f"MEC for {_name(i)}, Ana {_name(i)}, said it was late. The MEC said it was done.\n"
        for i in range(n // 12)),
    "particle_surnames": lambda n: "".join(
        f"Luis de {_name(i)} wrote. De {_name(i)} said it was late.\n" for i in range(n // 8)),
    "towns_and_countries": lambda n: "".join(
        f"Ana {_name(i)} of the University of Otago in Dunedin, New Zealand, said it was late. "
        f"Tom {_name(i)}, an ecologist from the Survey in Cambridge, England, told them so.\n"
        for i in range(n // 8)),
    # Pronouns of both genders after full names, a place owner, a group, coordinated cues and
    # a quoted question answered in the next paragraph.
    "pronoun_genders": lambda n: "".join(
        f"Paul {_name(i)} spoke, then Maria {_name(i)}. “It was hard,” she said. “Fine,” he said. "
        f"They went to {_name(i)}’ home, where she said it was late. He met the farmers. They said "
        f"so.\n" for i in range(n // 12)),
    "coordinated_cues": lambda n: "".join(
        f"Wallace had {_name(i)} confirm that he signed it and acknowledge that it was late. "
        for i in range(n // 6)),
    # People quoted with no role whose roles the story gives in appositives elsewhere, many of
    # them, some inside quotations.
    "appositive_roles": lambda n: "".join(
        f"Tom {_name(i)}, the minister for rail, is being asked. {_name(i)} says it is late. "
        f"“Ask Ana {_name(i)}, the mayor of the town, about it,” he said.\n" for i in range(n // 8)),
    # Many bodies of several words, each quoted by a shorter name after the text gave a longer
    # one ("the National Ba Agency … the Ba Agency said"): their fuller names looked up once a text.
    "short_body_names": lambda n: "".join(
        f"We asked the National {_name(i)} Rescue Agency. Yesterday the {_name(i)} Rescue Agency said it "
        f"was late. In her view, the {_name(i)} Lakeside Council was reported by local media to act.\n"
        for i in range(n // 10)),
    "question_turns": lambda n: "".join(
        f"“Is it late?” {_name(i)} asked.\n\n“It is not,” Ana Hale said.\n\n“Why?” {_name(i)} "
        f"asked.\n\n“Because it is early.”\n\n" for i in range(n // 10)),
}


def scaling(n: int, names: list[str] | None = None) -> dict:
    """Seconds for each hostile shape at n and 2n units and their ratio (2: linear, 4: quadratic)."""
    from monitor.extract.quotes import NO_BUDGET

    out = {}
    for name in names or SHAPES:
        make = SHAPES[name]
        times = []
        for size in (n, 2 * n):
            text = make(size)
            best = float("inf")
            for _ in range(2):
                began = time.process_time()
                extract_quotes(text, budget=NO_BUDGET)
                best = min(best, time.process_time() - began)
            times.append((len(text), best))
        (c1, t1), (c2, t2) = times
        out[name] = {"chars": [c1, c2], "seconds": [round(t1, 3), round(t2, 3)],
                     "ratio": round(t2 / t1, 2) if t1 > 0 else None}
    return out


def real_text() -> dict:
    """The annotated real news texts (``bench/data/attribution_eval.json``): the first pass, in
    which every name is new to the process as in a live ingest, and the best of three later
    passes, against the plain regex baseline over the same texts."""
    data = Path(__file__).resolve().parent / "data" / "attribution_eval.json"
    texts = [doc["text"] for doc in json.loads(data.read_text(encoding="utf-8"))["documents"]]
    chars = sum(len(t) for t in texts)
    began = time.process_time()
    for text in texts:
        extract_quotes(text)
    first = time.process_time() - began
    warm, _ = _time(extract_quotes, texts)
    base, _ = _time(lambda t: list(_BASELINE.finditer(t)), texts)
    return {
        "texts": len(texts), "chars": chars,
        "first_pass_mb_per_second": round(chars / first / 1e6, 2),
        "later_passes_mb_per_second": round(chars / warm / 1e6, 2),
        "baseline_regex_mb_per_second": round(chars / base / 1e6, 2),
    }


def _wall_seconds(argv: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of each of ``runs`` runs of ``argv`` (output discarded)."""
    # (with the bytecode cache written: PYTHONDONTWRITEBYTECODE would make every run compile the
    # sources again, which no installed copy does)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    out = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
        out.append(time.perf_counter() - began)
    return out


def command(kilochars: int, runs: int = 5) -> dict:
    """``monitor extract`` on ``kilochars`` thousand characters of the annotated real texts,
    start-up included, against a bare interpreter's start-up and a one-line file."""
    data = Path(__file__).resolve().parent / "data" / "attribution_eval.json"
    docs = json.loads(data.read_text(encoding="utf-8"))["documents"]
    text = "\n\n".join(doc["text"] for doc in docs)[:kilochars * 1000]
    with tempfile.TemporaryDirectory() as folder:
        big, small = Path(folder) / "big.txt", Path(folder) / "small.txt"
        big.write_text(text, encoding="utf-8")
        small.write_text("“It is late,” the minister said.\n", encoding="utf-8")
        extract = [sys.executable, "-m", "monitor", "extract"]
        timings = {"python_pass": _wall_seconds([sys.executable, "-c", "pass"], runs),
                   "extract_small_file": _wall_seconds([*extract, str(small)], runs),
                   "extract_big_file": _wall_seconds([*extract, str(big)], runs)}
    best = min(timings["extract_big_file"])
    return {
        "chars": len(text), "runs": runs,
        **{name: {"best": round(min(t), 3), "median": round(statistics.median(t), 3)}
           for name, t in timings.items()},
        "big_file_chars_per_second_best": round(len(text) / best),
        "big_file_chars_per_second_median": round(len(text) / statistics.median(timings["extract_big_file"])),
    }


def main() -> None:
    """Build the corpus, time both extractors and the pathological inputs, print JSON."""
    if sys.argv[1:2] == ["--scaling"]:
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
        print(json.dumps({"n": n, "scaling": scaling(n, sys.argv[3:])}, indent=2))
        return
    if sys.argv[1:2] == ["--command"]:
        print(json.dumps(command(int(sys.argv[2]) if len(sys.argv) > 2 else 400), indent=2))
        return
    if sys.argv[1:2] == ["--real"]:
        print(json.dumps(real_text(), indent=2))
        return
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    articles = corpus(int(megabytes * 1_000_000))
    chars = sum(len(a) for a in articles)
    ours, n_ours = _time(extract_quotes, articles)
    base, n_base = _time(lambda t: list(_BASELINE.finditer(t)), articles)
    no_punct = ("the minister said that the train was late again today " * 100_000)[:5_000_000]
    unmatched = '"' * 10_000
    curly = "“" * 10_000
    pathological = {}
    for name, text in (("5MB_no_punctuation", no_punct), ("10000_straight_marks", unmatched),
                       ("10000_opening_marks", curly)):
        began = time.process_time()
        extract_quotes(text)
        pathological[name] = round(time.process_time() - began, 3)
    cues = sum(len(CUE_PATTERN.findall(a)) for a in articles)
    print(json.dumps({
        "corpus_chars": chars,
        "articles": len(articles),
        # Density of speech: the seed story has one cue per ~250 characters.
        "chars_per_cue": round(chars / cues),
        "extract": {"seconds": round(ours, 3), "chars_per_second": round(chars / ours),
                    "mb_per_second": round(chars / ours / 1e6, 2), "quotes": n_ours},
        "baseline_regex": {"seconds": round(base, 3), "chars_per_second": round(chars / base),
                           "mb_per_second": round(chars / base / 1e6, 2), "quotes": n_base},
        "slowdown_vs_baseline": round(ours / base, 1),
        "pathological_seconds": pathological,
    }, indent=2))


if __name__ == "__main__":
    main()
