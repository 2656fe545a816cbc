"""What keeping documents costs an ingest: the same pages through ``PostStore.ingest`` with and
without keeping each page's document (``DocumentStore.record`` and ``link``), page by page in
turn, each side in a fresh database file, one transaction per page.

No extraction or folding on either side, so the difference is as large as it can be; a full
ingest (``bench/ingest_bench.py``) spends far more per post in extraction. Also prints what the
documents take on disk, compressed, against their raw size. Prints one JSON object.

Usage: ``python bench/documents_bench.py [--size 5k] [--seed 1]``
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from make_corpus import pages, parse_size  # noqa: E402

from monitor.model import FetchedDocument, to_iso, utc_now  # noqa: E402
from monitor.sources.registry import parse_document  # noqa: E402
from monitor.store import PostStore, open_database, write_transaction  # noqa: E402
from monitor.store.documents import DocumentStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("5k"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = []
    for page in pages(args.size, args.seed):
        data = page.render().encode("utf-8")
        corpus.append((page.name, data, parse_document(data, page.name)))
    folder = Path(tempfile.mkdtemp(prefix="documents-bench-"))
    dbs = {side: open_database(folder / f"{side}.db") for side in ("without", "with")}
    spent = {"without": 0.0, "with": 0.0, "record": 0.0, "link": 0.0}
    posts = 0
    for name, data, result in corpus:
        for side, db in dbs.items():
            store, documents = PostStore(db), DocumentStore(db)
            start = time.perf_counter()
            with write_transaction(db):
                source = store.ensure_source(f"file:{name}", result.kind, name)
                counts = store.ingest(source, result.posts)
                if side == "with":
                    kept = time.perf_counter()
                    document = documents.record(source, FetchedDocument(data, name, to_iso(utc_now()) or ""))
                    linked = time.perf_counter()
                    documents.link(document, counts.added, counts.updated)
                    spent["record"] += linked - kept
                    spent["link"] += time.perf_counter() - linked
            spent[side] += time.perf_counter() - start
        posts += len(result.posts)
    raw = sum(len(data) for _, data, _ in corpus)
    stored = int(dbs["with"].execute("select sum(length(data)) from documents").fetchone()[0])
    without, with_documents = posts / spent["without"], posts / spent["with"]
    print(json.dumps({"bench": "documents", "size": args.size, "seed": args.seed, "pages": len(corpus),
                      "posts": posts, "figures": [
        {"name": "store_with_documents_posts_per_s", "value": round(with_documents), "unit": "posts/s",
         "baseline": round(without), "baseline_name": "PostStore.ingest alone, same pages",
         "ratio": round(with_documents / without, 3),
         "note": f"record {spent['record'] * 1000:.0f} ms, link {spent['link'] * 1000:.0f} ms "
                 f"for {len(corpus)} documents and {posts} post versions"},
        {"name": "documents_stored_bytes", "value": stored, "unit": "bytes", "baseline": raw,
         "baseline_name": "raw bytes of the same documents", "ratio": round(stored / raw, 3)},
    ]}))


if __name__ == "__main__":
    main()
