"""Score the quote extractor against the real-text attribution set (one record per attribution).

Usage: python bench/attribution_eval.py [ANNOTATIONS.json] [--json] [--show] [--split dev|test|all]

The set (``bench/data/attribution_eval.json``, built by ``bench/data/build_attribution_eval.py``,
annotated under ``docs/attribution-guideline.md``) holds real English news text; each gold
record is one attribution with its content span, quoted parts, kind, mention and resolved
speaker. Each document is run through ``monitor.extract.extract_quotes`` as a post body.

Matching: a prediction counts when its span (``start``/``end``) overlaps a gold attribution's
content by character Jaccard >= 0.3 (shared characters over the characters of either), one to
one, greedily by highest Jaccard. Precision, recall and F1 follow. Over the matched pairs:

- **speaker** (headline): the extractor's ``speaker`` -- the fullest name of the speaker in the
  text, which is what the inspector shows -- against the gold resolved speaker, compared
  case-insensitively by ``alias_key`` and ignoring titles (Mr, Ms, Dr, Sen., ...) and a leading
  article, an acronym standing for the full name ("FTC") counting as the same name;
- **mention**: whether the extractor took the right words as the speaker (its ``speaker_start``
  /``speaker_end`` overlap the gold mention, or its ``mention`` equals it); pairs whose gold has
  no mention in the text (a quote carried over from the paragraph before) are left out.

Two views are printed. **strict** (the headline) scores the records as the extractor emits them.
**fragment-merged** first merges the predictions of one speaker that lie inside one gold
content into a single prediction, so that an extractor that gives each quoted fragment its own
record is compared fairly before and after it learns to give one record per attribution.
Figures are given for the held-out documents (``split = test``, chosen before the extractor was
run on them), the development documents and all together, with breakdowns by gold kind and
by document. ``--show`` lists misses, false positives and wrong speakers of the documents of one
split, ``dev`` unless ``--split`` names another, and the by-document table covers the same split:
the held-out documents are never listed in detail unless asked for by name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from monitor.extract import extract_quotes
from monitor.model import speaker_key as alias_key  # the key speakers.py and the store merge by

DATA = Path(__file__).resolve().parent / "data" / "attribution_eval.json"
THRESHOLD = 0.3
SPLITS = ("test", "dev", "all")
#: Words dropped from the front of a name before comparing: articles, "one" (as in "one
#: Western official") and titles.
_TITLES = frozenset({
    "a", "an", "the", "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
    "gov", "governor", "sen", "senator", "rep", "del", "president", "pres", "gen", "col", "capt",
    "lt", "sgt", "det", "detective", "chief", "justice", "judge", "rev", "fr", "st", "one",
    # titles that go with a given name alone: "King Charles" and "Charles", "Pope Francis" and
    # "Francis" name the same person, whichever the annotator wrote
    "king", "queen", "prince", "princess", "pope", "emperor", "empress",
})
#: Words an acronym skips.
_MINOR = frozenset({"of", "the", "and", "for"})


#: A nickname in quotation marks inside a name (Ross “Rusty” Aimer), which may be kept or not.
_NICKNAME = re.compile(r"(?<=[a-z])[ ][“\"‘'][A-Z][^“”\"]{1,24}[”\"’'](?=[ ][A-Z])")


def speaker_key(name: str | None) -> str:
    """A name as compared: ``alias_key`` without leading articles and titles, a nickname in
    quotation marks or trailing dots (but never its last word: "a judge" is "judge", not
    nothing)."""
    words = alias_key(_NICKNAME.sub("", name or "")).replace(".", " ").split()
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return " ".join(words)


def same_speaker(gold: str | None, pred: str | None) -> bool:
    """Equal keys, or one name is the other's acronym ("FTC", "Federal Trade Commission")."""
    a, b = speaker_key(gold), speaker_key(pred)
    if not a or not b:
        return False
    if a == b:
        return True
    for short, long in ((a, b), (b, a)):
        initials = "".join(w[0] for w in long.split() if w not in _MINOR)
        if " " not in short and len(short) > 1 and short == initials:
            return True
    return False


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Character Jaccard of two half-open spans."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, predicted index, Jaccard) pairs, greedily by highest Jaccard."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = jaccard((g["start"], g["end"]), (p["start"], p["end"]))
            if score >= THRESHOLD:
                pairs.append((score, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, score))
    return out


def predictions(text: str) -> list[dict]:
    """The extractor's records for one document, as plain dicts."""
    return [
        {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker": q.speaker,
         "mention": q.mention, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
         "sieve": q.sieve}
        for q in extract_quotes(text)
    ]


def merge_fragments(gold: list[dict], pred: list[dict]) -> list[dict]:
    """Predictions of one speaker lying inside one gold content, merged into one record."""
    used: set[int] = set()
    merged: list[dict] = []
    for g in sorted(gold, key=lambda r: r["start"]):
        groups: dict[str, list[int]] = defaultdict(list)
        for pi, p in enumerate(pred):
            if pi not in used and g["start"] <= p["start"] and p["end"] <= g["end"]:
                groups[speaker_key(p["speaker"])].append(pi)
        for members in groups.values():
            if len(members) < 2:
                continue
            used.update(members)
            first = pred[members[0]]
            merged.append(dict(first, start=min(pred[i]["start"] for i in members),
                               end=max(pred[i]["end"] for i in members), sieve="merged",
                               parts=len(members)))
    kept = [p for pi, p in enumerate(pred) if pi not in used]
    return sorted(kept + merged, key=lambda p: (p["start"], p["end"]))


def _mention_ok(g: dict, p: dict) -> bool:
    if g["mention_start"] is not None and p["speaker_start"] is not None and (
            p["speaker_start"] < g["mention_end"] and g["mention_start"] < p["speaker_end"]):
        return True
    return bool(p["mention"]) and speaker_key(p["mention"]) == speaker_key(g["mention"])


class Tally:
    """Counts for one slice (a split, a kind, a document)."""

    def __init__(self) -> None:
        self.gold = self.pred = self.matched = 0
        self.speaker_ok = 0
        self.mention_n = self.mention_ok = 0

    def add_pair(self, g: dict, p: dict) -> None:
        self.matched += 1
        self.speaker_ok += same_speaker(g["speaker"], p["speaker"])
        if g["mention"] is not None:
            self.mention_n += 1
            self.mention_ok += _mention_ok(g, p)

    def figures(self) -> dict:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold": self.gold, "predicted": self.pred, "matched": self.matched,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
            "speaker_accuracy": round(self.speaker_ok / self.matched, 3) if self.matched else 0.0,
            "mention_accuracy": round(self.mention_ok / self.mention_n, 3) if self.mention_n else 0.0,
        }


def _short(text: str, n: int = 70) -> str:
    text = re.sub(r"\s+", " ", text)
    return repr(text if len(text) <= n else text[:n - 1] + "…")


def evaluate(path: Path = DATA, show: bool = False, out=sys.stdout, show_split: str = "dev") -> dict:
    """Every figure of the set, for both views, as a dict; ``show`` lists the ``show_split`` documents."""
    documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
    report: dict = {"annotations": path.name, "threshold": THRESHOLD, "documents": len(documents),
                    "gold_attributions": sum(len(d["attributions"]) for d in documents)}
    raw = {d["id"]: predictions(d["text"]) for d in documents}
    for view in ("strict", "fragment_merged"):
        splits = {s: Tally() for s in SPLITS}
        kinds: dict[str, dict[str, Tally]] = {s: defaultdict(Tally) for s in SPLITS}
        by_doc: dict[str, Tally] = {}
        for doc in documents:
            gold = doc["attributions"]
            pred = raw[doc["id"]] if view == "strict" else merge_fragments(gold, raw[doc["id"]])
            pairs = match(gold, pred)
            tallies = [splits[doc["split"]], splits["all"], by_doc.setdefault(doc["id"], Tally())]
            for t in tallies:
                t.gold += len(gold)
                t.pred += len(pred)
            for s in (doc["split"], "all"):
                for g in gold:
                    kinds[s][g["kind"]].gold += 1
            for gi, pi, _ in pairs:
                for t in tallies + [kinds[doc["split"]][gold[gi]["kind"]], kinds["all"][gold[gi]["kind"]]]:
                    t.add_pair(gold[gi], pred[pi])
            if show and view == "strict" and show_split in ("all", doc["split"]):
                _show(doc, gold, pred, pairs, out)
        report[view] = {
            s: dict(splits[s].figures(),
                    by_kind={k: _kind_figures(t) for k, t in sorted(kinds[s].items())})
            for s in SPLITS
        }
        report[view]["by_document"] = {
            d["id"]: dict(by_doc[d["id"]].figures(), split=d["split"], outlet=d["outlet"])
            for d in documents
        }
    return report


def _kind_figures(t: Tally) -> dict:
    """By gold kind only recall and speaker accuracy mean anything (predictions have no gold kind)."""
    f = t.figures()
    return {k: f[k] for k in ("gold", "matched", "recall", "speaker_accuracy")}


def _show(doc: dict, gold: list[dict], pred: list[dict], pairs: list, out) -> None:
    matched_g = {gi for gi, _, _ in pairs}
    matched_p = {pi for _, pi, _ in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            print(f"  missed  {doc['id']}: [{g['kind']}] {_short(g['content'])} ({g['speaker']})", file=out)
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            print(f"  extra   {doc['id']}: [{p['kind']}/{p['sieve']}] {_short(p['text'])} ({p['speaker']})",
                  file=out)
    for gi, pi, _ in pairs:
        g, p = gold[gi], pred[pi]
        if not same_speaker(g["speaker"], p["speaker"]):
            print(f"  speaker {doc['id']}: {_short(g['content'], 50)} gold={g['speaker']!r} "
                  f"got={p['speaker']!r} (mention {p['mention']!r}, {p['sieve']})", file=out)


def _print_text(report: dict, out=sys.stdout, split: str = "dev") -> None:
    print(f"{report['annotations']}: {report['documents']} documents, {report['gold_attributions']} "
          f"gold attributions; match = content Jaccard >= {report['threshold']}, one to one", file=out)
    for view in ("strict", "fragment_merged"):
        label = "strict (headline)" if view == "strict" else "fragment-merged (one speaker's fragments " \
                                                             "inside one gold content merged)"
        print(f"\n{label}", file=out)
        print(f"  {'split':<6} {'gold':>5} {'pred':>5} {'match':>5}   {'P':>5} {'R':>5} {'F1':>5}   "
              f"{'speaker':>7} {'mention':>7}", file=out)
        for s in SPLITS:
            f = report[view][s]
            print(f"  {s:<6} {f['gold']:>5} {f['predicted']:>5} {f['matched']:>5}   {f['precision']:>5.3f} "
                  f"{f['recall']:>5.3f} {f['f1']:>5.3f}   {f['speaker_accuracy']:>7.3f} "
                  f"{f['mention_accuracy']:>7.3f}", file=out)
        for s in SPLITS:
            kinds = ", ".join(f"{k} {v['matched']}/{v['gold']} (R {v['recall']:.2f}, "
                              f"spk {v['speaker_accuracy']:.2f})"
                              for k, v in report[view][s]["by_kind"].items())
            print(f"  by kind, {s}: {kinds}", file=out)
    print(f"\nby document, {split} (strict | fragment-merged F1)", file=out)
    for doc_id, f in report["strict"]["by_document"].items():
        if split not in ("all", f["split"]):
            continue
        m = report["fragment_merged"]["by_document"][doc_id]
        print(f"  {doc_id:<26} {f['split']:<4} gold {f['gold']:>3} pred {f['predicted']:>3}  "
              f"P {f['precision']:.2f} R {f['recall']:.2f} F1 {f['f1']:.2f} spk {f['speaker_accuracy']:.2f}"
              f" | F1 {m['f1']:.2f}", file=out)


def figures(report: dict) -> list[dict]:
    """The headline numbers in the shape ``bench/run_all.py`` collects."""
    out = []
    for view, tag in (("strict", ""), ("fragment_merged", " (fragment-merged)")):
        for s in ("test", "all"):
            f = report[view][s]
            for key in ("precision", "recall", "f1", "speaker_accuracy"):
                out.append({"name": f"attribution {key} {s}{tag}", "value": f[key], "unit": "",
                            "baseline": None, "ratio": None})
    return out


def main(argv: list[str] | None = None) -> None:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotations", nargs="?", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--show", action="store_true", help="list misses, false positives, wrong speakers")
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="the documents --show and the by-document table cover (default: dev, so that "
                             "the held-out documents are not listed unless asked for)")
    args = parser.parse_args(argv)
    # With --json the listing goes to stderr, so that stdout stays one JSON object.
    report = evaluate(args.annotations, show=args.show, out=sys.stderr if args.json else sys.stdout,
                      show_split=args.split)
    if args.json:
        report["bench"] = "attribution_eval"
        report["figures"] = figures(report)
        print(json.dumps(report))
    else:
        _print_text(report, split=args.split)


if __name__ == "__main__":
    main()
