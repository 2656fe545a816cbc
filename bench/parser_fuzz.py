"""Mutation fuzz of the parsers over the real feed samples: does every input end in a result or an error?

Each input is a real sample (the shared feeds, the shipped seed, a JSON-lines export) changed by one
to three seeded mutations: byte flips, truncation, deletion, a duplicated slice, a hostile snippet
inserted at a random place (out-of-range and surrogate character references, stray feedparser end
tags, GML positions, lone surrogates in JSON, impossible dates, deep nesting…), or the whole document
wrapped in deep nesting. ``parse_document`` must return a ParseResult or raise SourceError; anything
else is an uncaught exception, counted by type. A result that still holds a lone surrogate (which
SQLite cannot store as UTF-8) is counted too. Prints one JSON object.

Usage: ``python bench/parser_fuzz.py [--inputs 4000] [--seed 18] [--max-bytes 400000]``
(run with ``PYTHONPATH=<checkout>`` to fuzz another checkout's parsers).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "PYTHONPATH" not in os.environ and str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.model import ParseResult  # noqa: E402
from monitor.sources.errors import SourceError  # noqa: E402
from monitor.sources.registry import parse_document  # noqa: E402

SHARED = Path(os.environ.get("MONITOR_SHARED_FEEDS", ROOT.parent / "shared" / "feeds"))

#: Snippets that broke a parser once, or are close to something that did.
HOSTILE: tuple[bytes, ...] = (
    b"&#99999999;", b"&#xD800;", b"&#xdfff;", b"&#0;", b"&#x110000;", b"&amp;#99999999;",
    b"</width>", b"</height>", b"<width>wide</width>", b"<image><width></width></image>",
    b"<gml:pos>1 2</gml:pos>", b"<gml:posList>1 2 3</gml:posList>", b"<georss:point>x</georss:point>",
    b"<georss:where><gml:Point><gml:pos>1</gml:pos></gml:Point></georss:where>",
    b'"\\ud800"', b"\\ud800", b"\\udfff x", b'"body": "\\ud800",', b"\xed\xa0\x80",
    b"<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>", b"<updated>2023-13-45T99:99:99Z</updated>",
    b'"datePublished": "2023-13-45T99:99:99Z",', b'"datePublished": "9999-12-31T00:00:00Z",',
    b"<dc:date>0000-00-00</dc:date>", b'<psc:chapter start="99:99:99.x"/>',
    b'<embed src="x">', b"<video>", b"<object>", b"<noscript>", b"<script>", b"<![CDATA[", b"]]>",
    b"<!--", b"-->", b"<!DOCTYPE x>", b'<?xml version="1.0" encoding="utf-16"?>', b"\x00", b"\xff\xfe",
    b"\xef\xbb\xbf", b"\r", b"\u2028".decode("unicode_escape").encode(), b"\xe2\x80\xa9",
    b"[" * 5000, b'{"a":' * 5000, b"<div>" * 3000, b"<a>" * 3000,
)


def samples() -> dict[str, bytes]:
    """The real samples, the seed and a small JSON-lines export, by name."""
    found: dict[str, bytes] = {}
    if SHARED.is_dir():
        for path in sorted(SHARED.iterdir()):
            if path.is_file() and path.name != "MANIFEST.tsv":
                found[path.name] = path.read_bytes()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found[path.name] = path.read_bytes()
    found["export.jsonl"] = "".join(
        json.dumps({"guid": f"g{i}", "source": "file:x", "title": f"Post {i}",
                    "body": f"Officials said the train left station {i}.",
                    "published": f"2023-09-1{i % 10}T10:0{i % 10}:00Z"}) + "\n"
        for i in range(12)
    ).encode()
    return found


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """One to three random mutations of ``data``."""
    for _ in range(rnd.randint(1, 3)):
        n = len(data)
        pos = rnd.randrange(n + 1)
        kind = rnd.randrange(7)
        if kind == 0 and n:  # flip a few bytes
            buf = bytearray(data)
            for _ in range(rnd.randint(1, 8)):
                buf[rnd.randrange(n)] = rnd.randrange(256)
            data = bytes(buf)
        elif kind == 1:  # truncate
            data = data[:pos]
        elif kind == 2:  # delete a slice
            data = data[:pos] + data[pos + rnd.randint(1, 200):]
        elif kind == 3 and n:  # duplicate a slice somewhere else
            start = rnd.randrange(n)
            piece = data[start:start + rnd.randint(1, 400)]
            data = data[:pos] + piece + data[pos:]
        elif kind == 4:  # nest the whole document deeply
            depth = rnd.choice((500, 2000, 20000))
            opener, closer = rnd.choice(((b"[", b"]"), (b'{"a":', b"}"), (b"<div>", b"</div>")))
            data = opener * depth + data + closer * depth
        else:  # a hostile snippet
            data = data[:pos] + rnd.choice(HOSTILE) + data[pos:]
    return data


def _has_surrogate(result: ParseResult) -> bool:
    texts = [result.title, result.link, *result.errors]
    for post in result.posts:
        texts += [post.guid, post.body, post.title, post.byline, post.location, post.url, post.source_key]
        texts += list(post.match_keys)
    try:
        for text in texts:
            if text:
                text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def run(inputs: int, seed: int, max_bytes: int) -> dict:
    """Parse ``inputs`` mutated samples and count what became of them."""
    rnd = random.Random(seed)
    pool = [(name, data) for name, data in samples().items() if len(data) <= max_bytes]
    parsed = refused = last_resort = surrogates = 0
    slowest = (0.0, "")
    uncaught: Counter[str] = Counter()
    examples: dict[str, str] = {}
    started = time.perf_counter()
    for i in range(inputs):
        name, data = rnd.choice(pool)
        mutated = mutate(data, rnd)
        began = time.perf_counter()
        try:
            result = parse_document(mutated, f"fuzz/{i}/{name}")
        except SourceError as exc:
            refused += 1
            # The boundary's catch-all: a parser raised something it should have handled.
            if exc.problem.startswith("could not be parsed:"):
                last_resort += 1
                examples.setdefault(exc.problem.split(":", 2)[1].strip(), f"{name}: {exc.problem[:160]}")
            continue
        except Exception as exc:  # noqa: BLE001  (what the fuzz is counting)
            kind = type(exc).__name__
            uncaught[kind] += 1
            examples.setdefault(kind, f"{name}: {str(exc)[:120]}")
            continue
        finally:
            slowest = max(slowest, (time.perf_counter() - began, f"{i}/{name}"))
        parsed += 1
        surrogates += _has_surrogate(result)
    return {
        "bench": "parser_fuzz", "seed": seed, "samples": len(pool), "inputs_tried": inputs,
        "parsed": parsed, "refused_with_source_error": refused,
        "refused_by_the_last_resort_catch": last_resort,
        "uncaught_exceptions": sum(uncaught.values()), "uncaught_by_type": dict(uncaught.most_common()),
        "results_with_lone_surrogates": surrogates, "examples": examples,
        "seconds": round(time.perf_counter() - started, 1),
        "slowest_input": {"seconds": round(slowest[0], 2), "input": slowest[1]},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--max-bytes", type=int, default=400_000,
                        help="leave out samples larger than this (the 1.1 MB feed makes a run slow)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.inputs, args.seed, args.max_bytes), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
