"""Score the quote extractor against a hand-annotated set and print the figures as JSON.

Usage: python bench/extract_eval.py [ANNOTATIONS.json …] [--show]

With no file, scores every ``tests/data/extract_*.json`` set (the development set and the
held-out sets written before the rules were tuned on them) and all of them together.

The annotation file holds documents, each with its text and its attributions (``text``,
``start``, ``end``, ``kind``, ``speaker``, ``parts``) in the same form ``monitor extract --json``
prints: one record per attribution, ``start``/``end`` its whole content, ``kind`` ``direct``,
``indirect`` or ``mixed`` and ``parts`` the quoted fragments inside it. (The sets were first
annotated one record per quoted fragment; they were converted to this definition.) A predicted
quote matches a gold one *exactly* when the spans are equal and by *overlap* when they share at
least one character (one-to-one, largest overlap first). Speaker accuracy is measured over the
overlap matches: *exact* when the names are equal (ignoring case and a leading "the"), *overlap*
when they share a word. ``--show`` lists every miss and every wrong speaker.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from monitor.extract import extract_quotes
from monitor.extract.speakers import alias_key

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
_STOP = {"a", "an", "the", "of", "for", "mr", "mrs", "ms", "dr"}


def _words(name: str | None) -> set[str]:
    return {w for w in alias_key(name or "").replace("'s", "").split() if w not in _STOP}


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) that overlap, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(paths: list[Path], show: bool = False) -> dict:
    """Precision, recall and speaker accuracy of the extractor on the annotation files."""
    documents = []
    for path in paths:
        documents.extend(json.loads(path.read_text(encoding="utf-8"))["documents"])
    data = {"documents": documents}
    path = paths[0]
    n_gold = n_pred = exact = overlap = spk_exact = spk_overlap = kind_ok = 0
    for doc in data["documents"]:
        text = doc["text"]
        gold = doc["quotes"]
        for g in gold:
            if text[g["start"]:g["end"]] != g["text"]:
                raise SystemExit(f"{path}: {doc['id']}: offsets do not match {g['text']!r}")
        pred = [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "kind": q.kind,
             "sieve": q.sieve}
            for q in extract_quotes(text, headline=doc.get("headline", False))
        ]
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = _match(gold, pred)
        matched_p = {pi for _, pi in pairs}
        matched_g = {gi for gi, _ in pairs}
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            overlap += 1
            exact += g["start"] == p["start"] and g["end"] == p["end"]
            kind_ok += g["kind"] == p["kind"]
            same = alias_key(g["speaker"] or "") == alias_key(p["speaker"] or "")
            shared = bool(_words(g["speaker"]) & _words(p["speaker"]))
            spk_exact += same
            spk_overlap += same or shared
            if show and not same:
                print(f"  speaker {doc['id']}: {g['text'][:50]!r} gold={g['speaker']!r} "
                      f"got={p['speaker']!r} ({p['sieve']})", file=sys.stderr)
            if show and g["start"] != p["start"] or show and g["end"] != p["end"]:
                print(f"  span    {doc['id']}: gold={g['text'][:60]!r} got={p['text'][:60]!r}",
                      file=sys.stderr)
        if show:
            for gi, g in enumerate(gold):
                if gi not in matched_g:
                    print(f"  missed  {doc['id']}: {g['text'][:70]!r} ({g['speaker']})",
                          file=sys.stderr)
            for pi, p in enumerate(pred):
                if pi not in matched_p:
                    print(f"  extra   {doc['id']}: {p['text'][:70]!r} ({p['speaker']}, "
                          f"{p['sieve']})", file=sys.stderr)
    p_over = overlap / n_pred if n_pred else 0.0
    r_over = overlap / n_gold if n_gold else 0.0
    p_exact = exact / n_pred if n_pred else 0.0
    r_exact = exact / n_gold if n_gold else 0.0
    return {
        "annotations": ", ".join(p.name for p in paths),
        "documents": len(data["documents"]),
        "gold_quotes": n_gold,
        "predicted_quotes": n_pred,
        "overlap": {"precision": round(p_over, 3), "recall": round(r_over, 3),
                    "f1": round(_f1(p_over, r_over), 3)},
        "exact_span": {"precision": round(p_exact, 3), "recall": round(r_exact, 3),
                       "f1": round(_f1(p_exact, r_exact), 3)},
        "speaker_accuracy": {
            "exact": round(spk_exact / overlap, 3) if overlap else 0.0,
            "overlap": round(spk_overlap / overlap, 3) if overlap else 0.0,
        },
        "kind_accuracy": round(kind_ok / overlap, 3) if overlap else 0.0,
    }


def main() -> None:
    """Command-line entry: print the scores as one JSON object."""
    args = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show" in sys.argv
    if args:
        print(json.dumps(evaluate(args, show=show), indent=2))
        return
    sets = sorted(DATA.glob("extract_*.json"))
    report = {p.stem: evaluate([p], show=show) for p in sets}
    report["all"] = evaluate(sets)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
