"""Generate a reproducible corpus of live-blog posts for benchmarks and fault tests.

The story is the one the app ships with: a leader's armoured train from Pyongyang to Russia, told
by a dozen outlets in day-long live pages. Posts carry headlines, bylines, datelines, paragraphs,
direct and reported quotes with speakers and their roles, mentions of the train at stops ("the
train left Pyongyang", "arrived in Khasan"), and later versions of some pages in which earlier
posts were edited.

The same ``--seed`` and size give the same bytes. Outputs:

* ``--pages DIR``: plain-text live pages (the format of ``seeds/``), ``DIR/pages/*.txt``, plus
  ``DIR/revised/*.txt``, later saves of some pages with edited posts (same file names, so
  ingesting them updates the same source);
* ``--jsonl FILE``: one JSON object per post, in the shape ``monitor posts --json`` prints
  (edited versions follow as later lines with the same id);
* ``--db FILE``: a database built through the store (``Monitor``), the same as ingesting the
  pages and then the revised pages.

Usage: ``python bench/make_corpus.py 100k --seed 7 --db /path/corpus.db``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.model import ParsedPost, ParseResult, to_iso  # noqa: E402
from monitor.sources.livetext import parse_livetext  # noqa: E402
from monitor.store.posts import content_hash  # noqa: E402

# -- the story's cast and places ---------------------------------------------------------------

OUTLETS = [
    ("bbc", "BBC"), ("reuters", "Reuters"), ("ap", "the Associated Press"), ("yonhap", "Yonhap"),
    ("tass", "Tass"), ("guardian", "the Guardian"), ("nhk", "NHK"), ("nknews", "NK News"),
    ("cnn", "CNN"), ("afp", "AFP"), ("kyodo", "Kyodo"), ("ria", "RIA Novosti"),
]
# (name, role, organisation)
SPEAKERS = [
    ("Vladimir Putin", "Russia's president", "the Kremlin"),
    ("Kim Jong Un", "North Korea's leader", "the North Korean state media"),
    ("Dmitry Peskov", "Kremlin spokesman", "the Kremlin"),
    ("John Kirby", "National Security Council spokesman", "the White House"),
    ("Patrick Ryder", "Pentagon press secretary", "the Pentagon"),
    ("Sergei Shoigu", "Russia's defence minister", "the Russian defence ministry"),
    ("Antony Blinken", "US Secretary of State", "the State Department"),
    ("Maria Zakharova", "foreign ministry spokeswoman", "the Russian foreign ministry"),
    ("Matthew Miller", "State Department spokesman", "the State Department"),
    ("Yuri Ushakov", "Kremlin foreign policy aide", "the Kremlin"),
    ("Oleg Kozhemyako", "governor of Primorsky Krai", "the regional government"),
    ("Choe Son Hui", "North Korea's foreign minister", "the North Korean foreign ministry"),
    ("Yoon Suk Yeol", "South Korea's president", "the South Korean presidential office"),
    ("Kim Yo Jong", "a senior official of the ruling party", "the Workers' Party"),
    ("Jenny Town", "director of the 38 North programme", "the Stimson Center"),
    ("Leif-Eric Easley", "a professor at Ewha University", "Ewha University"),
    ("Andrei Lankov", "a historian at Kookmin University", "Kookmin University"),
    ("Hong Min", "a senior researcher", "the Korea Institute for National Unification"),
    ("Koo Byoung-sam", "unification ministry spokesman", "the South Korean unification ministry"),
    ("Jake Sullivan", "US national security adviser", "the White House"),
]
ANONYMOUS = [
    "a US official", "a South Korean government source", "a senior Russian diplomat",
    "a railway worker", "a local resident", "a person familiar with the plans",
    "officials in Seoul", "Japanese defence officials", "a station employee",
]
FIRST = ["Laura", "Simon", "Jean", "Frances", "Kelly", "Min-ji", "Hyun-woo", "Olga", "Pavel",
         "Anna", "Marcus", "Yuna", "Daniel", "Sofia", "Tom", "Rupert", "Nadia", "Josh", "Hae-won",
         "Ivan", "Grace", "Callum", "Mariko", "Kenji", "Elena", "Chris", "Ye-jin", "Boris", "Ruth",
         "Felix"]
LAST = ["Bicker", "Atkinson", "Mackenzie", "Kim", "Lee", "Park", "Choi", "Ivanova", "Smirnova",
        "Volkov", "Tanaka", "Suzuki", "Brown", "Wright", "Shin", "Jung", "Kozlov", "Morozova",
        "Davies", "Evans", "Harper", "Yoon", "Han", "Orlova", "Sato", "Fraser", "Bennett", "Cho",
        "Petrov", "Walsh"]
# The route, in order, and the way north taken later.
STOPS = ["Pyongyang", "Hamhung", "Kimchaek", "Chongjin", "Rajin", "Sonbong", "Tumangang",
         "Khasan", "Makhalino", "Baranovsky", "Ussuriysk", "Vladivostok", "Artyom", "Khabarovsk",
         "Vostochny", "Tsiolkovsky", "Komsomolsk-on-Amur"]
PLACES = ["Seoul", "Washington", "Moscow", "Vladivostok", "Tokyo", "Beijing", "Pyongyang",
          "Khasan", "Ussuriysk", "Khabarovsk"]
WITNESSES = ["Russian state television", "footage on social media", "a Japanese broadcaster",
             "satellite images", "railway enthusiasts", "South Korea's intelligence agency",
             "local media in Primorsky Krai", "the regional transport authority"]
SUBJECTS = ["the two leaders", "Mr Putin", "Mr Kim", "North Korea", "Moscow", "Pyongyang", "the delegation",
            "Washington", "Seoul", "the Kremlin", "Russian officials", "the summit",
            "the North Korean side", "both countries", "Tokyo", "the United Nations"]
VERBS = ["will discuss", "are expected to sign", "has denied", "is seeking", "could supply",
         "will strengthen", "has warned against", "is preparing", "would welcome", "will review",
         "has not confirmed", "is likely to raise", "remains concerned about", "has rejected",
         "will focus on", "could agree on", "is watching", "has offered"]
OBJECTS = ["military cooperation", "artillery ammunition", "satellite technology", "food aid",
           "the war in Ukraine", "sanctions", "rail links across the Tumen", "a new treaty",
           "fuel deliveries", "the space programme", "labour exports", "tourism to the Far East",
           "naval exercises", "grain shipments", "a visit to the cosmodrome", "the border crossing",
           "fighter jet production", "a return visit to Pyongyang", "missile tests",
           "the ceasefire talks", "energy projects", "the port at Rajin"]
TAILS = ["", "", " in the coming days", " before the end of the year", " during the talks",
         " at the Vostochny cosmodrome", " in Vladivostok", " behind closed doors",
         " as soon as this week", " despite international pressure", " over the weekend"]
ADJECTIVES = ["constructive", "productive", "dangerous", "unprecedented", "friendly", "historic",
              "worrying", "comprehensive", "frank", "substantive", "reckless", "warm"]
SAY = ["said", "told reporters", "said in a statement", "told a briefing", "wrote on Telegram",
       "said on Tuesday", "told state media", "said late on Monday", "told the BBC"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class DraftPost:
    """A post before rendering: its clock time, headline, byline, dateline and paragraphs."""

    clock: str
    title: str | None
    byline: str | None
    location: str | None
    paragraphs: list[str]


@dataclass
class Page:
    """One outlet's live page for one day (or a later save of it, ``revised``)."""

    name: str
    outlet: str
    day: date
    posts: list[DraftPost]  # newest first, as the page shows them
    revised: bool = False
    edited: list[int] = field(default_factory=list)  # indexes of posts edited in this save

    def render(self) -> str:
        """The page as plain text, in the format of ``seeds/``."""
        lines = [f"date {self.day.isoformat()}"]
        for post in self.posts:
            lines.append(post.clock)
            for extra in (post.title, post.byline, post.location):
                if extra:
                    lines.append(extra)
            lines.extend(post.paragraphs)
        return "\n".join(lines) + "\n"

    def parsed(self) -> tuple[ParsedPost, ...]:
        """The posts exactly as the live-page parser reads the rendered page."""
        return parse_livetext(self.render()).posts


class Story:
    """Writes text about the story from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def cap(self, text: str) -> str:
        return text[0].upper() + text[1:]

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def clause(self) -> str:
        return f"{self.pick(SUBJECTS)} {self.pick(VERBS)} {self.pick(OBJECTS)}{self.pick(TAILS)}"

    def clock(self, minute_of_day: int) -> str:
        return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"

    # Sentences that place the train at a stop.
    def stop_sentence(self) -> str:
        stop = self.pick(STOPS)
        hhmm = f"{self.rng.randrange(24):02d}:{self.rng.randrange(60):02d}"
        forms = [
            f"The train left {stop} at {hhmm} local time, according to {self.pick(WITNESSES)}.",
            f"Kim's armoured train arrived in {stop} shortly after {hhmm}, {self.pick(WITNESSES)} showed.",
            f"The train passed through {stop} without stopping, {self.pick(ANONYMOUS)} told "
            f"{self.pick(OUTLETS)[1]}.",
            f"The train is expected in {stop} by {self.pick(DAYS)} evening.",
            f"Footage broadcast by {self.pick(WITNESSES)} showed the train pulling into {stop} station.",
            f"In 2019 the train stopped at {stop} for about {self.rng.randrange(40, 95)} minutes "
            "while its wheels were changed for the wider Russian track.",
            "The train crossed the Friendship Bridge over the Tumen river into Russia, "
            f"{self.rng.randrange(2, 40)} minutes after leaving Tumangang.",
            f"The train, with at least {self.rng.randrange(16, 24)} carriages, was last seen heading "
            f"north from {stop} at about {self.rng.randrange(35, 60)} km/h.",
            f"Security was tightened at {stop} station, where the platform was closed to passengers.",
            f"The delegation left the train at {stop} and continued by car, {self.pick(ANONYMOUS)} said.",
        ]
        return self.pick(forms)

    def direct_quote(self) -> str:
        name, role, _org = self.pick(SPEAKERS)
        q1 = self.clause()
        q1 = self.cap(q1)
        forms = [
            f"“{q1},” {name}, {role}, {self.pick(SAY)}.",
            f"{self.cap(role)} {name} {self.pick(SAY)}: “{q1}.”",
            f"“{q1}. We {self.pick(['will not comment on', 'are following', 'have no information on'])}"
            f" {self.pick(OBJECTS)},” said {name}.",
            f"“{q1},” {name} {self.pick(SAY)}, adding that the talks would be "
            f"“{self.pick(ADJECTIVES)} and {self.pick(ADJECTIVES)}”.",
        ]
        return self.pick(forms)

    def reported_quote(self) -> str:
        name, role, org = self.pick(SPEAKERS)
        forms = [
            f"{name}, {role}, said that {self.clause()}.",
            f"According to {org}, {self.clause()}.",
            f"{self.cap(org)} told {self.pick(OUTLETS)[1]} that {self.clause()}.",
            f"{self.cap(self.pick(ANONYMOUS))} said {self.clause()}.",
            f"{name} described the meeting as “{self.pick(ADJECTIVES)}” and said {self.clause()}.",
            f"Speaking to reporters in {self.pick(PLACES)}, {name} said {self.clause()}.",
        ]
        return self.pick(forms)

    def context(self) -> str:
        forms = [
            f"Analysts say {self.clause()}, though {self.clause()}.",
            f"It is the first such visit since {self.rng.randrange(2000, 2023)}, when {self.clause()}.",
            f"The journey of about {self.rng.randrange(1100, 1300)} km is expected to take "
            f"{self.rng.randrange(20, 40)} hours.",
            f"Earlier, {self.pick(OUTLETS)[1]} reported that {self.clause()}.",
            f"There has been no official word from Pyongyang on the route, and {self.clause()}.",
            f"Reporters in {self.pick(PLACES)} said {self.clause()}.",
            f"The meeting between the two leaders is expected to take place as early as "
            f"{self.pick(DAYS)}, local time.",
        ]
        return self.pick(forms)

    def paragraph(self) -> str:
        roll = self.rng.random()
        if roll < 0.25:
            return self.stop_sentence()
        if roll < 0.45:
            return self.direct_quote()
        if roll < 0.65:
            return self.reported_quote()
        if roll < 0.8:
            return self.context() + " " + self.stop_sentence()
        return self.context()

    def headline(self) -> str:
        stop = self.pick(STOPS)
        name = self.pick(SPEAKERS)[0]
        forms = [
            f"Kim's train {self.pick(['arrives in', 'leaves', 'passes through', 'nears'])} {stop}",
            f"{name} says {self.pick(SUBJECTS)} {self.pick(VERBS)} {self.pick(OBJECTS)}",
            f"What we know about {self.pick(OBJECTS)}",
            f"Why {self.pick(OBJECTS)} matters",
            "Where is Kim's train now?",
            f"Watch: train pulls into {stop}",
            f"{self.cap(self.pick(SUBJECTS))} {self.pick(VERBS)} {self.pick(OBJECTS)}",
            f"Summit {self.pick(['could', 'may', 'will'])} focus on {self.pick(OBJECTS)}",
            f"Will Kim visit {self.pick(STOPS)}?",
            f"Kremlin confirms {self.pick(OBJECTS)} on the agenda",
        ]
        return self.pick(forms)

    def post(self, minute_of_day: int) -> DraftPost:
        rng = self.rng
        titled = rng.random() > 0.08
        byline = self.person() if titled and rng.random() < 0.2 else None
        location = f"In {self.pick(PLACES)}" if titled and rng.random() < 0.15 else None
        paragraphs = [self.paragraph() for _ in range(rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6)))]
        return DraftPost(self.clock(minute_of_day), self.headline() if titled else None, byline,
                         location, paragraphs)

    def edit(self, post: DraftPost) -> DraftPost:
        """A later version of ``post``: same headline and opening, something added or corrected."""
        paragraphs = list(post.paragraphs)
        roll = self.rng.random()
        if roll < 0.5 or len(paragraphs) == 1:
            paragraphs.append(f"This post has been updated with comments from {self.pick(SPEAKERS)[0]}: "
                              f"“{self.clause()}.”")
        elif roll < 0.8:
            i = self.rng.randrange(1, len(paragraphs))
            paragraphs[i] = paragraphs[i].replace(" the ", " a ", 1) if " the " in paragraphs[i] \
                else paragraphs[i] + " Correction: an earlier version gave the wrong time."
        else:
            paragraphs.insert(1, self.stop_sentence())
        return DraftPost(post.clock, post.title, post.byline, post.location, paragraphs)


def parse_size(text: str) -> int:
    """``10k``, ``100k``, ``1M`` or a plain number of posts."""
    text = text.strip().lower().replace("_", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def pages(n: int, seed: int, *, edit_rate: float = 0.03) -> Iterator[Page]:
    """Yield pages holding ``n`` distinct posts in all, and later saves with edited posts.

    Each day every outlet keeps one live page of 40-160 posts. A quarter of the pages are saved
    again later with some posts edited (about ``edit_rate`` of all posts); that save follows its
    page in the stream.
    """
    rng = random.Random(seed)
    story = Story(rng)
    made = 0
    day = date(2023, 9, 10)
    while made < n:
        for slug, _name in OUTLETS:
            if made >= n:
                break
            count = min(n - made, rng.randrange(40, 161))
            minutes = sorted(rng.sample(range(24 * 60), count), reverse=True)  # newest first
            posts = [story.post(m) for m in minutes]
            made += count
            page = Page(f"{slug}-{day.isoformat()}.txt", slug, day, posts)
            yield page
            resaved = rng.random() < 0.25
            edited = [i for i in range(count) if resaved and rng.random() < edit_rate * 4]
            if edited:
                new_posts = list(posts)
                for i in edited:
                    new_posts[i] = story.edit(posts[i])
                yield Page(page.name, slug, day, new_posts, revised=True, edited=edited)
        day += timedelta(days=1)


# -- writers ------------------------------------------------------------------------------------

def write_pages(n: int, seed: int, out: Path) -> dict:
    """Write ``out/pages/*.txt`` and ``out/revised/*.txt``; returns counts."""
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "revised").mkdir(parents=True, exist_ok=True)
    counts = {"pages": 0, "revised_pages": 0, "posts": 0, "edits": 0}
    for page in pages(n, seed):
        sub = "revised" if page.revised else "pages"
        (out / sub / page.name).write_text(page.render(), encoding="utf-8")
        if page.revised:
            counts["revised_pages"] += 1
            counts["edits"] += len(page.edited)
        else:
            counts["pages"] += 1
            counts["posts"] += len(page.posts)
    return counts


def post_rows(n: int, seed: int) -> Iterator[dict]:
    """Posts in the JSON shape ``monitor posts --json`` prints, edits as later lines."""
    source_ids: dict[str, int] = {}
    known: dict[tuple[str, str], tuple[int, str]] = {}  # (source, guid) -> (id, content hash)
    revisions: dict[int, int] = {}
    for page in pages(n, seed):
        key = f"file:{page.name}"
        source_id = source_ids.setdefault(key, len(source_ids) + 1)
        # The oldest post is last on the page; number them oldest first, as ingest does.
        for post in reversed(page.parsed()):
            found = known.get((key, post.guid))
            if found is None:
                post_id = len(known) + 1
                row = _row(post, post_id, source_id, key)
                known[(key, post.guid)] = (post_id, row["content_hash"])
                yield row
                continue
            row = _row(post, found[0], source_id, key)
            if row["content_hash"] == found[1]:
                continue  # a later save repeats the posts nobody edited
            known[(key, post.guid)] = (found[0], row["content_hash"])
            revisions[found[0]] = revisions.get(found[0], 0) + 1
            row["revisions"] = revisions[found[0]]
            row["updated"] = row["first_seen"]
            yield row


def _row(post: ParsedPost, post_id: int, source_id: int, key: str) -> dict:
    published = to_iso(post.published)
    return {
        "id": post_id, "source_id": source_id, "guid": post.guid, "seq": post.seq,
        "title": post.title, "byline": post.byline, "location": post.location, "body": post.body,
        "published": published, "published_precision": post.published_precision,
        "first_seen": published, "updated": None, "content_hash": content_hash(post),
        "url": None, "revisions": 0, "source": key,
    }


def write_jsonl(n: int, seed: int, out: Path) -> int:
    """Write JSON lines; returns the number of lines."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in post_rows(n, seed):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            lines += 1
    return lines


def build_db(n: int, seed: int, path: Path, *, progress: bool = False) -> dict:
    """Build a database through the store: every page, then each later save, as ingest would."""
    from monitor.service import Monitor

    started = time.perf_counter()
    totals = {"added": 0, "updated": 0, "unchanged": 0}
    with Monitor(path) as monitor:
        monitor.set_route("pyongyang-vladivostok")  # the story is the train's journey
        for page in pages(n, seed):
            result = ParseResult(kind="livetext", posts=page.parsed())
            report = monitor.ingest_result(result, page.name, source_key=f"file:{page.name}",
                                           url=f"corpus:{page.name}")
            if report.error:
                raise RuntimeError(report.error)
            totals["added"] += report.added
            totals["updated"] += report.updated
            totals["unchanged"] += report.unchanged
            if progress and not page.revised and totals["added"] // 50_000 != \
                    (totals["added"] - report.added) // 50_000:
                print(f"  {totals['added']} posts", file=sys.stderr, flush=True)
    totals["seconds"] = round(time.perf_counter() - started, 1)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=parse_size, help="number of posts: 10k, 100k, 1M or a number")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--pages", type=Path, help="write plain-text live pages under this directory")
    parser.add_argument("--jsonl", type=Path, help="write JSON lines to this file")
    parser.add_argument("--db", type=Path, help="build a database at this path through the store")
    args = parser.parse_args(argv)
    if not (args.pages or args.jsonl or args.db):
        parser.error("choose at least one of --pages, --jsonl, --db")
    summary: dict = {"size": args.size, "seed": args.seed}
    if args.pages:
        summary["pages"] = write_pages(args.size, args.seed, args.pages)
    if args.jsonl:
        summary["jsonl_lines"] = write_jsonl(args.size, args.seed, args.jsonl)
    if args.db:
        summary["db"] = build_db(args.size, args.seed, args.db, progress=True)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
