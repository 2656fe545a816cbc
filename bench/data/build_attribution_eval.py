"""Build ``attribution_eval.json`` from the annotation source, computing and checking every offset.

Usage: python bench/data/build_attribution_eval.py [--check] [--context] [--reload]

The annotations are written as strings, never as offsets, in ``attribution_annotations.txt``
(format below); this script finds each string in the document's stored text, writes the
resulting character offsets to ``attribution_eval.json`` and stops with a message naming the
document and the line when a string is missing or ambiguous. ``--check`` rebuilds in memory and
fails when the JSON on disk differs; ``--context`` prints every record with its mention and cue
in context, for proof-reading. A document already in the JSON keeps the text stored there (so
that a later change to the feed parser or a fixture does not change the set under its
annotations); only new documents are read from their sources, all of them with ``--reload``.

Source format, one item a line (``#`` starts a comment line)::

    @doc id=ID outlet=NAME style=STYLE split=dev|test text=SOURCE origin_repo=… origin_path=…
         origin_commit=… licence=…            (one line; values with spaces in "quotes")
    SPEAKER | MENTION | CUE | KIND | CONTENT [|| PART ++ PART …]

``text=file:NAME`` reads ``attribution_texts/NAME``; ``text=feed:FILE#I`` takes post I of a
feed sample in ``shared/feeds`` as the project's parser reads it; ``text=seed:FILE`` takes a
seed story, one paragraph per line. Every text is normalised as a post body is stored:
paragraphs separated by one blank line.

A record's KIND is ``direct``, ``indirect`` or ``mixed``. For ``direct``, CONTENT lists the
quoted parts separated by `` ++ `` and the content runs from the first part's start to the
last part's end (a statement that goes on over several quotes). For ``indirect`` and ``mixed``,
CONTENT is the whole reported clause and the parts after ``||`` (mixed only) are the quoted
fragments inside it. Records are in reading order: each content is searched from the start of
the record before (``@N`` after the content, or after the first part, picks the N-th match
from there, counting from 1). MENTION and CUE are taken at their occurrence nearest the
content and outside its quoted parts (``<`` before them forces the nearest one before the
content, ``>`` the nearest after).
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "attribution_annotations.txt"
OUTPUT = HERE / "attribution_eval.json"
TEXTS = HERE / "attribution_texts"
SHARED = ROOT.parent / "shared"
KINDS = ("direct", "indirect", "mixed")


class AnnotationError(Exception):
    """A line of the annotation source that cannot be placed in its text."""


def _normalise(text: str) -> str:
    """Paragraphs separated by one blank line, each paragraph's spaces tidied at its ends."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "\n\n".join(p for p in paragraphs if p)


def _load_text(spec: str) -> str:
    """The plain text a document's ``text=`` names."""
    kind, _, rest = spec.partition(":")
    if kind == "file":
        return _normalise((TEXTS / rest).read_text(encoding="utf-8"))
    if kind == "seed":
        # The seed is a plain-text live page, one paragraph a line, opening with a date marker.
        raw = (SHARED / "seeds" / rest).read_text(encoding="utf-8")
        raw = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", raw)
        return _normalise("\n\n".join(raw.splitlines()))
    if kind == "feed":
        # The project's own parser, so the text is what ingest would store as the post body.
        sys.path.insert(0, str(ROOT))
        from monitor.sources.registry import parse_document

        name, _, index = rest.partition("#")
        result = parse_document((SHARED / "feeds" / name).read_bytes(), name)
        return _normalise(result.posts[int(index)].body or "")
    raise AnnotationError(f"unknown text source {spec!r}")


def _feed_origin(name: str) -> dict:
    """Where a feed sample comes from, as ``shared/feeds/MANIFEST.tsv`` records it."""
    rows = (SHARED / "feeds" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    for row in rows[1:]:
        cells = dict(zip(header, row.split("\t"), strict=False))
        if cells.get("local_name") == name:
            return {"origin_repo": cells["repo"], "origin_path": cells["path_in_repo"],
                    "origin_commit": cells["commit"], "licence": cells["license"],
                    "shared_file": f"shared/feeds/{name}"}
    raise AnnotationError(f"{name} is not in shared/feeds/MANIFEST.tsv")


def _nth(text: str, needle: str, start: int, n: int) -> int:
    """Offset of the n-th occurrence (1-based) of ``needle`` at or after ``start``, or -1."""
    pos = start - 1
    for _ in range(n):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _split_occurrence(s: str) -> tuple[str, int]:
    match = re.fullmatch(r"(.*?)\s*@(\d+)", s, re.S)
    return (match.group(1), int(match.group(2))) if match else (s, 1)


def _nearest(text: str, word: str, span: tuple[int, int], blocked: list[list[int]],
             parts: list[list[int]]) -> tuple[int, int] | None:
    """The occurrence of ``word`` (whole words) nearest to ``span`` and outside ``blocked``.

    ``-`` means none; ``^word`` may lie inside the content (a parenthetical cue: "X, he said, Y")
    but still not inside a quoted part.
    """
    if word == "-":
        return None
    side = ""
    if word[:1] in "<>^":
        side, word = word[0], word[1:].strip()
        if side == "^":
            blocked = parts
    best: tuple[int, int, int] | None = None
    for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
        s, e = m.span()
        if any(s < be and bs < e for bs, be in blocked):
            continue
        if side == "<" and e > span[0] or side == ">" and s < span[1]:
            continue
        distance = span[0] - e if e <= span[0] else s - span[1] if s >= span[1] else 0
        if best is None or distance < best[0]:
            best = (distance, s, e)
    if best is None:
        raise AnnotationError(f"{word!r} not found outside the quoted text")
    return best[1], best[2]


def _record(text: str, line: str, cursor: int) -> dict:
    fields = [f.strip() for f in line.split(" | ")]
    if len(fields) != 5:
        raise AnnotationError("a record needs SPEAKER | MENTION | CUE | KIND | CONTENT")
    speaker, mention, cue, kind, content = fields
    if kind not in KINDS:
        raise AnnotationError(f"kind {kind!r} is not one of {KINDS}")
    content, _, part_field = content.partition(" || ")
    parts: list[list[int]] = []
    if kind == "direct":
        if part_field:
            raise AnnotationError("a direct record lists its parts as its content")
        pieces = [p.strip() for p in content.split(" ++ ")]
        pos = cursor
        for piece in pieces:
            piece, n = _split_occurrence(piece)
            start = _nth(text, piece, pos, n)
            if start < 0:
                raise AnnotationError(f"part {piece[:60]!r} not found after offset {pos}")
            parts.append([start, start + len(piece)])
            pos = start + len(piece)
        start, end = parts[0][0], parts[-1][1]
    else:
        if kind == "indirect" and part_field:
            raise AnnotationError("an indirect record has no quoted parts; call it mixed")
        if kind == "mixed" and not part_field:
            raise AnnotationError("a mixed record needs its quoted parts after ||")
        content, n = _split_occurrence(content)
        start = _nth(text, content, cursor, n)
        if start < 0:
            raise AnnotationError(f"content {content[:60]!r} not found after offset {cursor}")
        end = start + len(content)
        pos = start
        for piece in (p.strip() for p in part_field.split(" ++ ")) if part_field else ():
            found = text.find(piece, pos, end)
            if found < 0:
                raise AnnotationError(f"part {piece[:60]!r} not inside the content")
            parts.append([found, found + len(piece)])
            pos = found + len(piece)
    blocked = parts if kind == "direct" or mention.startswith("^") else [[start, end]]
    m_span = _nearest(text, mention, (start, end), blocked, parts)
    # The cue is the one next to the speaker's mention (or next to the content when none).
    c_span = _nearest(text, cue, m_span or (start, end), blocked, parts)
    return {
        "speaker": speaker,
        "mention": text[m_span[0]:m_span[1]] if m_span else None,
        "mention_start": m_span[0] if m_span else None, "mention_end": m_span[1] if m_span else None,
        "cue": text[c_span[0]:c_span[1]] if c_span else None,
        "cue_start": c_span[0] if c_span else None, "cue_end": c_span[1] if c_span else None,
        "kind": kind,
        "content": text[start:end], "start": start, "end": end,
        "parts": parts,
    }


def build(texts: dict[str, str] | None = None, origins: dict[str, dict] | None = None) -> dict:
    """Every document of the source with its text and its located attributions.

    ``texts`` (document id → text) replaces loading the texts of the documents it names, so that
    the annotations can be checked against the texts already stored even if the feed parser has
    changed since; ``origins`` (document id → origin) likewise replaces reading where a feed
    sample came from, so that a check needs no copy of ``shared/feeds`` beside the project.
    """
    documents: list[dict] = []
    doc: dict | None = None
    cursor = 0
    for number, raw in enumerate(SOURCE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("@doc "):
                meta = dict(item.split("=", 1) for item in shlex.split(line[5:]))
                if meta["text"].startswith("feed:"):
                    known = origins.get(meta.get("id", "")) if origins is not None else None
                    if known is None:
                        known = _feed_origin(meta["text"][5:].partition("#")[0])
                    meta = {**known, **meta}
                doc_id = meta.pop("id")
                doc = {"id": doc_id, "split": meta.pop("split"), "outlet": meta.pop("outlet"),
                       "style": meta.pop("style"), "origin": meta,
                       "text": texts[doc_id] if texts is not None and doc_id in texts
                       else _load_text(meta["text"]),
                       "attributions": []}
                if doc["split"] not in ("dev", "test"):
                    raise AnnotationError("split must be dev or test")
                documents.append(doc)
                cursor = 0
                continue
            if doc is None:
                raise AnnotationError("a record before any @doc line")
            record = _record(doc["text"], line, cursor)
            doc["attributions"].append(record)
            cursor = record["start"]
        except (AnnotationError, KeyError, ValueError, OSError) as exc:
            where = doc["id"] if doc else "-"
            raise SystemExit(f"{SOURCE.name}:{number} ({where}): {exc}") from None
    return {
        "about": "Real English news text with every attribution annotated by hand under "
                 "docs/attribution-guideline.md; offsets are code points into each document's text. "
                 "Built by bench/data/build_attribution_eval.py from attribution_annotations.txt.",
        "documents": documents,
    }


def main() -> None:
    """Write (or with --check, verify) the JSON; with --context print every record in context."""
    stored = origins = None
    if "--reload" not in sys.argv and OUTPUT.exists():
        kept = json.loads(OUTPUT.read_text(encoding="utf-8"))["documents"]
        stored = {d["id"]: d["text"] for d in kept}
        origins = {d["id"]: d["origin"] for d in kept}
    data = build(stored, origins)
    rendered = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if "--context" in sys.argv:
        for doc in data["documents"]:
            text = doc["text"]
            for r in doc["attributions"]:
                lo = min(x for x in (r["start"], r["mention_start"], r["cue_start"]) if x is not None)
                hi = max(x for x in (r["end"], r["mention_end"], r["cue_end"]) if x is not None)
                # Long records are shown by their two ends.
                snippet = f"{text[lo:lo + 180]} … {text[hi - 180:hi]}" if hi - lo > 400 else text[lo:hi]
                print(f"{doc['id']} [{r['kind']}] {r['speaker']} <{r['mention']}> <{r['cue']}>\n    "
                      + snippet.replace("\n", " / "))
    if "--check" in sys.argv:
        if OUTPUT.read_text(encoding="utf-8") != rendered:
            raise SystemExit(f"{OUTPUT.name} is out of date: run {Path(__file__).name}")
        return
    OUTPUT.write_text(rendered, encoding="utf-8")
    total = sum(len(d["attributions"]) for d in data["documents"])
    print(f"{OUTPUT.name}: {len(data['documents'])} documents, {total} attributions")


if __name__ == "__main__":
    main()
