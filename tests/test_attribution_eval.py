"""The real-text attribution set (bench/data/attribution_eval.json) is well formed and up to date."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(DATA))
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import evaluate, match, merge_fragments, same_speaker  # noqa: E402
from build_attribution_eval import build  # noqa: E402


def _documents() -> list[dict]:
    return json.loads((DATA / "attribution_eval.json").read_text(encoding="utf-8"))["documents"]


def test_every_span_is_its_text_and_parts_lie_inside_the_content() -> None:
    documents = _documents()
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids))
    assert {d["split"] for d in documents} == {"dev", "test"}
    records = 0
    for doc in documents:
        text = doc["text"]
        assert doc["origin"].get("licence"), doc["id"]
        assert "\n\n\n" not in text  # paragraphs are separated by exactly one blank line
        for r in doc["attributions"]:
            records += 1
            where = f"{doc['id']}: {r['content'][:40]!r}"
            assert r["kind"] in ("direct", "indirect", "mixed"), where
            assert 0 <= r["start"] < r["end"] <= len(text), where
            assert text[r["start"]:r["end"]] == r["content"], where
            assert r["speaker"].strip(), where
            for field in ("mention", "cue"):
                if r[field] is None:
                    assert r[f"{field}_start"] is None and r[f"{field}_end"] is None, where
                else:
                    assert text[r[f"{field}_start"]:r[f"{field}_end"]] == r[field], where
            previous_end = r["start"]
            for start, end in r["parts"]:
                assert previous_end <= start < end <= r["end"], where
                previous_end = end
            if r["kind"] == "direct":
                assert r["parts"] and r["parts"][0][0] == r["start"] and r["parts"][-1][1] == r["end"], where
            elif r["kind"] == "mixed":
                assert r["parts"], where
            else:
                assert r["parts"] == [], where
    assert records >= 300


def test_the_json_is_what_the_annotation_source_builds() -> None:
    # The offsets are never edited by hand: the committed JSON must be the builder's output for
    # the stored texts (given here, so that a later change to the feed parser does not matter)
    # and origins (so that no copy of shared/feeds need stand beside the checkout).
    documents = _documents()
    built = build({d["id"]: d["text"] for d in documents}, {d["id"]: d["origin"] for d in documents})
    assert built["documents"] == documents


def test_matching_is_one_to_one_by_jaccard_and_fragments_merge_per_speaker() -> None:
    gold = [{"start": 0, "end": 100}, {"start": 200, "end": 220}]
    pred = [
        {"start": 0, "end": 20, "speaker": "Ann Lee"},     # Jaccard 0.2 with gold 0: no match
        {"start": 60, "end": 100, "speaker": "Ann Lee"},   # 0.4: a match
        {"start": 195, "end": 220, "speaker": "Bo Park"},  # 0.8
        {"start": 200, "end": 215, "speaker": "Bo Park"},  # 0.75, but gold 1 is taken
    ]
    assert sorted((g, p) for g, p, _ in match(gold, pred)) == [(0, 1), (1, 2)]
    merged = merge_fragments(gold, pred)
    # Ann Lee's two fragments inside gold 0 become one record; Bo Park's first one is not inside.
    assert [(p["start"], p["end"]) for p in merged] == [(0, 100), (195, 220), (200, 215)]
    assert [(g, p) for g, p, _ in match(gold, merged)] == [(0, 0), (1, 1)]


def test_the_listing_covers_only_the_split_asked_for_dev_by_default(tmp_path: Path) -> None:
    # The held-out documents must never be listed in detail by accident: --show lists dev only
    # unless another split is named.
    def doc(doc_id: str, split: str) -> dict:
        text = f"Nothing quoted in {doc_id}. The rest is narrative."
        gold = {"start": 0, "end": 10, "content": text[:10], "kind": "indirect", "speaker": "Ann Lee",
                "mention": None, "mention_start": None, "mention_end": None, "parts": []}
        return {"id": doc_id, "split": split, "outlet": "Example", "text": text, "attributions": [gold]}

    path = tmp_path / "set.json"
    path.write_text(json.dumps({"documents": [doc("open-one", "dev"), doc("held-one", "test")]}))

    def listed(split: str) -> str:
        out = io.StringIO()
        evaluate(path, show=True, out=out, show_split=split)
        return out.getvalue()

    assert "open-one" in listed("dev") and "held-one" not in listed("dev")
    assert "held-one" in listed("test") and "open-one" not in listed("test")
    default = io.StringIO()
    evaluate(path, show=True, out=default)
    assert "missed  open-one" in default.getvalue() and "held-one" not in default.getvalue()


def test_a_name_of_title_words_alone_keeps_its_last_word() -> None:
    assert same_speaker("judge", "a judge")
    assert same_speaker("Dr. Ana Berg", "Ana Berg")
    assert not same_speaker("judge", "a senator")


def test_a_title_that_goes_with_a_given_name_alone_does_not_change_the_speaker() -> None:
    assert same_speaker("Charles", "King Charles")
    assert same_speaker("Pope Francis", "Francis")
    assert not same_speaker("Charles", "King Edward")
