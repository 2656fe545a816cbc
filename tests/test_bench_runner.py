"""bench/run_all.py: which scripts it runs, and the README table it writes between the markers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import run_all  # noqa: E402

RESULT = {
    "machine": {"date": "2026-01-01 00:00 UTC", "cpu": "Test CPU", "cores": 2, "memory": "4.0 GiB",
                "os": "Linux", "python": "3.11", "sqlite": "3.40.1", "sqlite_utils": "4.2"},
    "runs": [{"script": "ingest_bench.py", "figures": []}, {"script": "gone.py", "error": "exit 1"}],
    "figures": [
        {"name": "ingest_posts_per_s", "value": 22836, "unit": "posts/s", "baseline": 68039,
         "baseline_name": "insert_all", "ratio": 0.336, "target": ">= 5000", "ok": True},
        {"name": "search_p95_ms_1M", "value": 41.5, "unit": "ms", "baseline": 8.1, "ratio": 5.1, "ok": False},
    ],
}


def test_every_bench_script_runs_but_not_the_generator_or_the_runner():
    names = [p.name for p in run_all.bench_scripts()]
    assert names[:2] == ["ingest_bench.py", "search_bench.py"]
    assert "make_corpus.py" not in names and "run_all.py" not in names
    # A module whose name starts with "_" is a helper the benches import, not a bench.
    scripts = {p.name for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_")}
    assert set(names) == scripts - run_all.NOT_BENCHES
    assert not any(name.startswith("_") for name in names)


def test_readme_table_goes_between_the_markers_only(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nBefore.\n\n{run_all.START}\nold table\n{run_all.END}\n\nAfter.\n")
    run_all.refresh_readme(RESULT, readme)
    text = readme.read_text()
    assert text.startswith("# Title\n\nBefore.\n\n" + run_all.START + "\n")
    assert text.endswith(run_all.END + "\n\nAfter.\n")
    assert "old table" not in text
    assert "| ingest_posts_per_s | 22,836 posts/s | 68,039 (insert_all) | 0.336 | >= 5000 | yes |" in text
    assert "| search_p95_ms_1M | 41.5 ms | 8.1 | 5.1 |  | **no** |" in text
    assert "Test CPU, 2 cores" in text and "Did not finish: gone.py." in text
    run_all.refresh_readme(RESULT, readme)  # a second refresh replaces, never stacks
    assert readme.read_text() == text


def test_readme_without_markers_is_refused_and_left_alone(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n")
    with pytest.raises(SystemExit, match="bench:start"):
        run_all.refresh_readme(RESULT, readme)
    assert readme.read_text() == "# Title\n"


def test_output_of_other_shapes_is_kept_raw():
    assert run_all._parse_output('noise\n{"figures": [{"name": "x", "value": 1}]}\n') == [
        {"figures": [{"name": "x", "value": 1}]}]
    assert run_all._parse_output('{\n "a": 1\n}\n') == [{"a": 1}]
