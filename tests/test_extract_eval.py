"""The annotated sets in tests/data stay well formed and the extractor stays accurate on them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from extract_eval import evaluate  # noqa: E402

SETS = sorted((ROOT / "tests" / "data").glob("extract_*.json"))


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_annotations_are_well_formed(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["documents"]:
        for quote in doc["quotes"]:
            assert doc["text"][quote["start"]:quote["end"]] == quote["text"]
            # one record per attribution: the content, and the quoted parts inside it
            assert quote["kind"] in ("direct", "indirect", "mixed")
            assert all(quote["start"] <= s < e <= quote["end"] for s, e in quote["parts"])
            assert bool(quote["parts"]) == (quote["kind"] != "indirect")
            assert quote["speaker_kind"] in ("person", "organisation", "anonymous")


def test_accuracy_floor_over_all_sets() -> None:
    # A floor that catches regressions, well under the measured figures (see bench/extract_eval.py).
    scores = evaluate(SETS)
    assert scores["gold_quotes"] >= 100
    assert scores["overlap"]["f1"] >= 0.9
    assert scores["speaker_accuracy"]["overlap"] >= 0.9
