"""Every real sample in the shared feeds is read, or refused with a clear error naming it."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from monitor.service import Monitor


def _manifest(shared: Path) -> list[dict[str, str]]:
    with (shared / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _entries_in(data: bytes) -> int:
    """Entries of an RSS/RDF/Atom file, counted by their tags (independently of the parser)."""
    return len(re.findall(rb"<(?:item|entry)[\s>]", data))


def test_every_sample_is_ingested_or_clearly_refused(shared_feeds, db_path):
    rows = _manifest(shared_feeds)
    assert rows, "empty manifest"
    with Monitor(db_path) as monitor:
        ids = {row["local_name"]: monitor.add_source(shared_feeds / row["local_name"]).id for row in rows}
        reports = {r.source_id: r for r in monitor.poll_once()}
        problems = []
        for row in rows:
            name, kind = row["local_name"], row["kind"]
            report = reports[ids[name]]
            data = (shared_feeds / name).read_bytes()
            stored = monitor.posts.posts(source_id=ids[name])
            if kind in ("rss", "atom", "rdf"):
                if not report.ok or len(stored) != _entries_in(data):
                    problems.append(f"{name}: {report.error or len(stored)} vs {_entries_in(data)} entries")
            elif name.endswith(".jsonld"):
                expected = len(json.loads(data)["liveBlogUpdate"])
                if len(stored) != expected:
                    problems.append(f"{name}: {len(stored)} posts, expected {expected}")
            elif kind == "liveblog-jsonld":
                updates = len(re.findall(rb"'@type': 'BlogPosting'", data))
                skipped = sum("neither headline nor text" in n for n in report.notes)
                if not stored or len(stored) + skipped != updates:
                    problems.append(f"{name}: {len(stored)} posts + {skipped} skipped != {updates}")
            elif kind == "liveblog-html":
                # Updates only as page HTML (a microdata LiveBlogPosting): read from that HTML,
                # one post per update block (blocks counted by their opening tags).
                blocks = len(re.findall(rb'<div class="coventry\s', data))
                if not report.ok or not stored or len(stored) != blocks:
                    problems.append(f"{name}: {report.error or len(stored)} vs {blocks} update blocks")
            elif kind == "malformed":
                clear = report.error and name in report.error
                if not (clear or stored):
                    problems.append(f"{name}: neither posts nor a clear error")
                if name.startswith("dx_") and not (report.error and "refused" in report.error):
                    problems.append(f"{name}: unsafe XML was not refused: {report.error!r}")
            else:
                problems.append(f"{name}: unknown manifest kind {kind!r}")
        assert not problems, "\n".join(problems)
        # A second round finds nothing new and doubles nothing.
        before = monitor.posts.count()
        again = monitor.poll_once()
        assert monitor.posts.count() == before
        assert sum(r.added + r.updated for r in again) == 0
        assert all(r.outcome == "not_modified" for r in again if r.ok)


def test_bozo_feeds_keep_their_good_entries(shared_feeds, db_path):
    with Monitor(db_path) as monitor:
        [report] = monitor.ingest_path(shared_feeds / "fr_2.0_dbengines.xml")
        assert report.ok and report.added == 1
        assert any("not well-formed" in n and "fr_2.0_dbengines.xml" in n for n in report.notes)
        [post] = monitor.posts.posts()
        assert "\xa0" not in post.body and "&nbsp;" not in post.body


def test_truncated_feed_is_a_clear_error(shared_feeds, db_path):
    with Monitor(db_path) as monitor:
        for name in ("fr_2.0_invalid_1.xml", "fp_rss_incomplete_cdata.xml"):
            [report] = monitor.ingest_path(shared_feeds / name)
            assert not report.ok and name in report.error and "no entr" in report.error


def test_iso8859_feed_is_decoded(shared_feeds, db_path):
    with Monitor(db_path) as monitor:
        [report] = monitor.ingest_path(shared_feeds / "fr_1.0_iso8859.xml")
        assert report.ok
        [post] = monitor.posts.posts()
        assert "ö" in (post.title or "") + post.body and "\ufffd" not in post.body


def test_relative_images_and_markup_do_not_reach_the_text(shared_feeds, db_path):
    with Monitor(db_path) as monitor:
        monitor.ingest_path(shared_feeds / "wf_lifehacker_long.rss.xml")
        for post in monitor.posts.posts():
            assert "<img" not in post.body and "<p" not in post.body and "src=" not in post.body


def test_the_samples_are_in_the_repository_with_their_origin():
    from conftest import FEED_SAMPLES

    rows = _manifest(FEED_SAMPLES)
    listed = {row["local_name"] for row in rows}
    held = {p.name for p in FEED_SAMPLES.iterdir()} - {"MANIFEST.tsv", "NOTICE.md"}
    assert listed == held, "every sample is listed in MANIFEST.tsv and every listed sample is there"
    for row in rows:
        assert row["repo"] and row["path_in_repo"] and row["commit"] and row["license"], row["local_name"]
    notice = (FEED_SAMPLES / "NOTICE.md").read_text(encoding="utf-8")
    for repo in {row["repo"] for row in rows}:
        assert f"https://github.com/{repo}" in notice, f"{repo} not credited in NOTICE.md"
