"""Read queries behind a scrolling feed: keyset pages, filters, and what changed since a mark.

A feed view shows posts newest first and asks for the next page after the last row it holds.
Keyset paging (``(time, seq, id) < last``) keeps pages stable while new posts arrive on top,
where ``limit/offset`` would shift and show a post twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlite_utils import Database

from monitor.model import Post, parse_iso, to_iso
from monitor.store.errors import full_text_errors
from monitor.store.posts import _POST_COLUMNS, _row_to_post
from monitor.store.search import fts_query
from monitor.store.text_match import TextMatch

# Sort key of a post in the feed: the same order as PostStore.posts (newest first).
_SORT_TIME = "coalesce(posts.published, posts.first_seen)"
_SORT_ORDER = f"{_SORT_TIME} desc, coalesce(posts.seq, 0) desc, posts.id desc"
_COLUMNS = ", ".join("posts." + c.strip() for c in _POST_COLUMNS.split(","))

_SORT_KEY = f"({_SORT_TIME}, coalesce(posts.seq, 0), posts.id)"
# Row values over expressions do not narrow an index search in SQLite; the plain time bound
# beside each does, and the row value then settles ties.
_BELOW = f"{_SORT_TIME} <= ? and {_SORT_KEY} < (?, ?, ?)"
_AT_OR_ABOVE = f"{_SORT_TIME} >= ? and {_SORT_KEY} >= (?, ?, ?)"
#: A search matching at most this many posts sorts all its matches for a page; one matching
#: more reads the newest matches by id and checks the few posts out of that order.
SORTED_MATCHES = 5_000
#: Matches read by id for such a page.
CANDIDATES = 2_000
#: Out-of-order posts checked one by one before falling back to sorting every match.
OUTSIDE_CHECKS = 500

#: (time, seq, id) of a post: where it sits in the feed.
SortKey = tuple[str, int, int]
#: A quoted passage in a post's body: (start, end, kind) with kind "direct", "partial" or "indirect".
Span = tuple[int, int, str]
#: A post that is a copy of another source's post (its item is led by another post).
_IS_COPY = ("exists (select 1 from story_item_posts s join story_items i on i.id = s.item_id "
            "where s.post_id = posts.id and i.lead_post_id != posts.id{fence})")
#: On PostgreSQL the test stays a look-up per row: without the fence (an OFFSET keeps the
#: planner from pulling the subquery up) "not exists" becomes an anti-join over every post, and a
#: page of the folded feed at 1M posts sorted 966k rows (2 s) instead of walking the feed's
#: order index (0.5 ms). SQLite runs it per row anyway.
_PG_FENCE = " offset 0"


def _match_rows(match: TextMatch) -> str:
    """The feed rows full-text matches stand for (one parameter: the query): each matching
    post's item's lead, or the post itself when in no item."""
    return (f"select coalesce(i.lead_post_id, f.{match.key}) from {match.source} f "
            f"left join story_item_posts s on s.post_id = f.{match.key} "
            f"left join story_items i on i.id = s.item_id where {match.condition('f')}")


#: Post ids per statement when reading rows or spans by id (SQLite's variable limit is 999 on
#: older builds).
_IDS_PER_STATEMENT = 500


def _below_args(key: SortKey) -> list:
    """Arguments of ``_BELOW`` or ``_AT_OR_ABOVE`` for ``key``: its time, then the whole key."""
    return [key[0], *key]


def sort_key(post: Post) -> SortKey:
    """Where ``post`` sits in the feed; larger is newer."""
    return (post.published or post.first_seen, post.seq or 0, post.id)


@dataclass(frozen=True)
class FeedFilter:
    """What the feed shows. Empty fields do not filter."""

    text: str = ""
    source_id: int | None = None
    speaker_id: int | None = None
    as_of: str | None = None  # ISO 8601 UTC: only posts published up to then
    #: One row per story item: a copy in another source is hidden behind its item's lead, and a
    #: search matching a copy finds the lead. A source filter shows that source's own posts.
    fold: bool = True

    def is_empty(self) -> bool:
        """True when every post passes."""
        return not (fts_query(self.text) or self.source_id or self.speaker_id or self.as_of)

    @property
    def folds(self) -> bool:
        """True when copies are hidden behind their item's lead."""
        return self.fold and self.source_id is None


@dataclass(frozen=True)
class ChangeMark:
    """The newest post id and revision id a reader has seen; anything above is new."""

    post_id: int = 0
    revision_id: int = 0


class FeedQueries:
    """Paged, filtered reads over posts for a feed view."""

    def __init__(self, db: Database, *, sorted_matches: int = SORTED_MATCHES,
                 candidates: int = CANDIDATES, outside_checks: int = OUTSIDE_CHECKS) -> None:
        self.db = db
        #: How this engine matches the posts' full text (the query's spelling and its plans).
        self.match = TextMatch.of(db)
        self.sorted_matches = sorted_matches
        self.candidates = candidates
        self.outside_checks = outside_checks
        #: How the last text-filtered page was read: "sorted" (every match sorted), "newest ids"
        #: (the fast path), or why the fast path gave way: "few ids", "out of order". On
        #: PostgreSQL: "planned" (one condition on each post; the server's planner chooses the
        #: GIN index or the feed's order), "sorted", or "each row" (many matches, folded: the
        #: feed's order walked, each row checked with its copies).
        self.last_plan = ""

    def _where(self, flt: FeedFilter, *, each_row: bool = False) -> tuple[list[str], list]:
        """The conditions of ``flt`` on ``posts`` and their parameters. ``each_row`` (PostgreSQL,
        folded): a row's text match is checked on the row and its item's copies, not looked up
        among every match, so a walk of the feed's order stops at a page (a common word)."""
        clauses: list[str] = []
        args: list = []
        match = self.match
        query = match.query(flt.text)
        if query:
            if not flt.folds:
                clauses.append(match.matches("posts"))
            elif match.postgres and each_row:
                # A row stands for its item when it is the item's lead (copies are left out
                # below): it passes when it or any post of its item matches.
                clauses.append(
                    f"({match.condition('posts')} or exists (select 1 from story_item_posts s "
                    "join story_item_posts o on o.item_id = s.item_id join posts c on c.id = o.post_id "
                    f"where s.post_id = posts.id and {match.condition('c')}))")
                args.append(query)
            else:
                clauses.append(f"posts.id in ({_match_rows(match)})")
            args.append(query)
        if flt.folds:
            clauses.append("not " + _IS_COPY.format(fence=_PG_FENCE if self.match.postgres else ""))
        if flt.source_id is not None:
            clauses.append("posts.source_id = ?")
            args.append(flt.source_id)
        if flt.speaker_id is not None:
            if "quotes" in self.db.table_names():
                clauses.append(
                    "posts.id in (select post_id from quotes where speaker_id = ? and status = 'active')"
                )
                args.append(flt.speaker_id)
            else:
                clauses.append("0")  # no quotes stored yet: nobody has said anything
        if flt.as_of:
            clauses.append(f"{_SORT_TIME} <= ?")
            args.append(flt.as_of)
        return clauses, args

    def page(self, flt: FeedFilter, *, after: SortKey | None = None, limit: int = 100) -> list[Post]:
        """Up to ``limit`` posts passing ``flt``, newest first, older than ``after`` when given."""
        query = self.match.query(flt.text)
        if query and self.match.postgres:
            return self._planned_page(flt, query, after, limit)
        with full_text_errors(self.db, bool(query)):
            if query and self._matches_more_than(query, self.sorted_matches):
                ids = self._dense_text_page(flt, query, after, limit)
                if ids is not None:
                    self.last_plan = "newest ids"
                    found = self.posts_by_id(ids)
                    return [found[i] for i in ids if i in found]
            elif query:
                self.last_plan = "sorted"
            clauses, args = self._where(flt)
            if after is not None:
                clauses.append(_BELOW)
                args.extend(_below_args(after))
            where = f"where {' and '.join(clauses)}" if clauses else ""
            sql = f"select {_COLUMNS} from posts {where} order by {_SORT_ORDER} limit ?"
            rows = self.db.execute(sql, [*args, limit]).fetchall()
            return self._with_revision_counts([_row_to_post(r) for r in rows])

    def _planned_page(self, flt: FeedFilter, query: str, after: SortKey | None, limit: int) -> list[Post]:
        """A text-filtered page on PostgreSQL: one statement. Unfolded, the match is a condition
        on each post, and the planner chooses between the GIN index (few matches, sorted) and
        a walk of the feed's order index checking each post's vector (a common word: a page is
        found in the first rows). Folded, a match may be a copy's: a search matching more than
        ``sorted_matches`` posts checks each row with its copies on that walk; any other
        gathers its matches' leads from the GIN index and sorts them."""
        each_row = flt.folds and self._matches_more_than(query, self.sorted_matches)
        self.last_plan = "each row" if each_row else "sorted" if flt.folds else "planned"
        clauses, args = self._where(flt, each_row=each_row)
        if after is not None:
            clauses.append(_BELOW)
            args.extend(_below_args(after))
        sql = f"select {_COLUMNS} from posts where {' and '.join(clauses)} order by {_SORT_ORDER} limit ?"
        rows = self.db.execute(sql, [*args, limit]).fetchall()
        return self._with_revision_counts([_row_to_post(r) for r in rows])

    def _matches_more_than(self, query: str, count: int) -> bool:
        """True when more than ``count`` posts match a query (counted no further)."""
        match = self.match
        sql = f"select count(*) from (select 1 from {match.source} where {match.condition()} limit ?) as m"
        return int(self.db.execute(sql, [query, count + 1]).fetchone()[0]) > count

    def _dense_text_page(self, flt: FeedFilter, query: str, after: SortKey | None,
                         limit: int) -> list[int] | None:
        """Ids of the page for a search many posts match, without sorting every match.

        Gathering all matches and sorting them costs as much as there are matches (half a
        second for a common word in a million posts). Posts mostly arrive in the order they
        are published, so the newest matches by id (a cheap walk of the index) hold the page
        almost always. To make that exact, every post that sorts between the page's last row
        and ``after`` but lies outside the id range read is looked at too (a walk of the feed's
        order index, as long as the page is deep); those few are checked against the index one
        by one. None when that would not be cheap: the caller then sorts every match.
        """
        clauses, args = self._where(replace(flt, text=""))
        extra = "".join(f" and {c}" for c in clauses)
        upper = after[2] if after is not None else None
        key = self.match.key
        bound = f"and {key} <= ? " if upper is not None else ""
        candidates = [r[0] for r in self.db.execute(
            f"{self.match.ids()} {bound}order by {key} desc limit ?",
            [query, *([upper] if upper is not None else []), self.candidates],
        ).fetchall()]
        if not candidates:
            return None if upper is not None else []
        lowest = candidates[-1]
        exhausted = len(candidates) < self.candidates and upper is None
        if flt.folds:  # a matching copy stands for its item's lead
            candidates = sorted(set(self._leads_of(candidates).values()), reverse=True)
        keyed = self._keys_of(candidates, extra, args, after)
        if len(keyed) < limit and not exhausted:
            self.last_plan = "few ids"
            return None  # the ids read do not fill a page: too few to bound the rest
        keyed.sort(reverse=True)
        if len(keyed) >= limit:
            floor = keyed[limit - 1]
            # Posts sorting above the page's last row (below ``after``) whose ids were not read.
            walk = [_AT_OR_ABOVE]
            walk_args: list = _below_args(floor)  # the same (time, key) arguments, for ">="
            if after is not None:
                walk.append(_BELOW)
                walk_args.extend(_below_args(after))
            # "+posts.id": walk the feed's order index, not the id ranges.
            outside = [r[0] for r in self.db.execute(
                f"select posts.id from posts where {' and '.join(walk)}{extra} "
                f"and (+posts.id < ? or +posts.id > ?) limit ?",
                [*walk_args, *args, lowest, upper if upper is not None else 2**62,
                 self.outside_checks + 1],
            ).fetchall()]
            # A prefix word is looked up over every word it starts (~17 ms a post in a million
            # posts, against 0.05 ms for a plain word): then sorting every match is cheaper.
            budget = 0 if "*" in query else self.outside_checks
            if len(outside) > budget:
                self.last_plan = "out of order"
                return None
            check = (self.match.row_matches() if not flt.folds else self.match.row_matches(
                "in (select ? union select o.post_id from story_item_posts s join story_item_posts o "
                "on o.item_id = s.item_id where s.post_id = ?)"))
            found = [pid for pid in outside if self.db.execute(
                check, [query, pid] if not flt.folds else [query, pid, pid]).fetchone()]
            if found:
                keyed += self._keys_of(found, extra, args, after)
                keyed.sort(reverse=True)
        return [key[2] for key in keyed[:limit]]

    def _leads_of(self, ids: list[int]) -> dict[int, int]:
        """The feed row each post stands for: its item's lead, or itself when in no item."""
        found = {i: i for i in ids}
        for start in range(0, len(ids), _IDS_PER_STATEMENT):
            chunk = ids[start:start + _IDS_PER_STATEMENT]
            found.update((int(p), int(lead)) for p, lead in self.db.execute(
                "select s.post_id, i.lead_post_id from story_item_posts s "
                f"join story_items i on i.id = s.item_id where s.post_id in ({','.join('?' * len(chunk))})",
                chunk))
        return found

    def _keys_of(self, ids: list[int], extra: str, args: list, after: SortKey | None) -> list[SortKey]:
        """Sort keys of the posts among ``ids`` passing the other filters, below ``after``."""
        below = f" and {_BELOW}" if after is not None else ""
        keys: list[SortKey] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            keys += [tuple(r) for r in self.db.execute(
                f"select {_SORT_TIME}, coalesce(posts.seq, 0), posts.id from posts "
                f"where posts.id in ({','.join('?' * len(chunk))}){extra}{below}",
                [*chunk, *args, *(_below_args(after) if after is not None else [])],
            ).fetchall()]
        return keys

    def count(self, flt: FeedFilter, *, cap: int | None = None) -> int:
        """How many posts pass ``flt``; with ``cap``, counted no further than ``cap + 1``
        (counting every match of a common word in a million posts takes a tenth of a second)."""
        match = self.match
        query = match.query(flt.text)
        if cap is not None and query and match.postgres:
            # Folded, rows are checked with their copies down the feed's order only when more
            # posts match than are counted (the walk then stops at the cap) and than a sorted
            # page gathers; otherwise the matches' leads are gathered from the GIN index.
            each_row = flt.folds and self._matches_more_than(query, max(cap, self.sorted_matches))
            clauses, args = self._where(flt, each_row=each_row)
            sql = f"select count(*) from (select 1 from posts where {' and '.join(clauses)} limit ?) as m"
            return int(self.db.execute(sql, [*args, cap + 1]).fetchone()[0])
        with full_text_errors(self.db, bool(query)):
            if cap is not None and query:
                # The full-text index leads, so counting stops at the cap instead of first gathering
                # every match.
                clauses, args = self._where(replace(flt, text=""))
                extra = "".join(f" and {c}" for c in clauses)
                sql = f"select count(*) from (select 1 {match.rows()}{extra} limit ?) as m"
                if flt.folds:  # matches counted as the items they stand for, each once
                    sql = (f"select count(*) from (select distinct posts.id from {match.source} f "
                           f"left join story_item_posts s on s.post_id = f.{match.key} "
                           "left join story_items i on i.id = s.item_id "
                           f"join posts on posts.id = coalesce(i.lead_post_id, f.{match.key}) "
                           f"where {match.condition('f')}{extra} limit ?) as m")
                return int(self.db.execute(sql, [query, *args, cap + 1]).fetchone()[0])
            if flt.folds and flt.is_empty():
                # Every item has one lead among its posts: the rest are the copies left out.
                # Three counts off the smallest indexes, not a look-up per post.
                posts, folded, items = self.db.execute(
                    "select (select count(*) from posts), (select count(*) from story_item_posts), "
                    "(select count(*) from story_items)").fetchone()
                total = int(posts) - (int(folded) - int(items))
                return total if cap is None else min(total, cap + 1)
            clauses, args = self._where(flt)
            where = f"where {' and '.join(clauses)}" if clauses else ""
            if cap is None:
                return int(self.db.execute(f"select count(*) from posts {where}", args).fetchone()[0])
            sql = f"select count(*) from (select 1 from posts {where} limit ?) as m"
            return int(self.db.execute(sql, [*args, cap + 1]).fetchone()[0])

    def mark(self) -> ChangeMark:
        """The current change mark: the highest post id and revision id."""
        post_id = self.db.execute("select coalesce(max(id), 0) from posts").fetchone()[0]
        rev_id = self.db.execute("select coalesce(max(id), 0) from post_revisions").fetchone()[0]
        return ChangeMark(int(post_id), int(rev_id))

    def changes(self, flt: FeedFilter, since: ChangeMark, *, limit: int = 500) -> tuple[
        list[Post], list[Post], int, ChangeMark
    ]:
        """What happened after ``since``: (new posts passing ``flt`` newest first, at most
        ``limit``; edited posts passing ``flt``; the number of new posts passing; the new mark)."""
        now = self.mark()
        with full_text_errors(self.db, bool(self.match.query(flt.text))):
            clauses, args = self._where(flt)
            extra = " and ".join(clauses)
            extra = f" and {extra}" if extra else ""
            count = int(
                self.db.execute(
                    f"select count(*) from posts where posts.id > ? and posts.id <= ?{extra}",
                    [since.post_id, now.post_id, *args],
                ).fetchone()[0]
            )
            added_rows = self.db.execute(
                f"select {_COLUMNS} from posts where posts.id > ? and posts.id <= ?{extra} "
                f"order by {_SORT_ORDER} limit ?",
                [since.post_id, now.post_id, *args, limit],
            ).fetchall()
            # A lead whose item gained a copy in another source is shown again (its count changed).
            regained = ("" if not flt.folds else
                        " or posts.id in (select i.lead_post_id from story_item_posts s "
                        "join story_items i on i.id = s.item_id where s.post_id > ? and s.post_id <= ?)")
            edited_rows = self.db.execute(
                f"select {_COLUMNS} from posts where posts.id <= ? and (posts.id in "
                f"(select post_id from post_revisions where id > ? and id <= ?){regained}){extra}",
                [since.post_id, since.revision_id, now.revision_id,
                 *([since.post_id, now.post_id] if flt.folds else []), *args],
            ).fetchall()
        added = self._with_revision_counts([_row_to_post(r) for r in added_rows])
        edited = self._with_revision_counts([_row_to_post(r) for r in edited_rows])
        return added, edited, count, now

    def demoted(self, since: ChangeMark, now: ChangeMark) -> list[int]:
        """Posts stored up to ``since`` that a copy stored after it (up to ``now``) displaced as
        their story item's lead: an earlier copy that arrived late (a wire story polled after an
        outlet's reprint). A folded feed drops their rows; the new lead comes as an added post.
        Also lists older copies that were never the lead; a reader holds no row for them."""
        rows = self.db.execute(
            "select o.post_id from story_item_posts s "
            "join story_items i on i.id = s.item_id and i.lead_post_id = s.post_id "
            "join story_item_posts o on o.item_id = s.item_id "
            "where s.post_id > ? and s.post_id <= ? and o.post_id <= ?",
            [since.post_id, now.post_id, since.post_id]).fetchall()
        return sorted({int(r[0]) for r in rows})

    def quote_spans(self, ids: list[int]) -> dict[int, list[Span]]:
        """Attributed passages in the bodies of these posts as (start, end, kind), in reading
        order, active quotes only; every id gets a list (empty when nothing is quoted).

        A mixed clause is given as reported words ("indirect") with its quoted parts ("mixed") on
        top; a direct statement over several quotations as its quoted parts only (the frame
        between them, "he said", is the reporter's words).

        One statement per 500 posts (a page is one), where reading each post's quotes on its
        own cost a statement per row.
        """
        spans: dict[int, list[Span]] = {pid: [] for pid in ids}
        for start in range(0, len(ids), _IDS_PER_STATEMENT):
            chunk = ids[start:start + _IDS_PER_STATEMENT]
            # Offsets of a headline's quotes point into the headline, not the body. "+status":
            # left to itself SQLite walks every active quote in the (status, speaker) index
            # (half a second at 100k posts) instead of the page's posts in the post_id index.
            rows = self.db.execute(
                "select post_id, start, end, kind, parts from quotes "
                f"where post_id in ({','.join('?' * len(chunk))}) and +status = 'active' "
                "and field = 'body' and end > start order by post_id, start, end, kind",
                chunk,
            ).fetchall()
            for post_id, begin, end, kind, parts in rows:
                spans[post_id].extend(_spans_of(int(begin), int(end), kind, parts))
        for found in spans.values():
            found.sort()
        return spans

    def posts_by_id(self, ids: list[int]) -> dict[int, Post]:
        """The posts with these ids (missing ids are left out)."""
        found: dict[int, Post] = {}
        for start in range(0, len(ids), _IDS_PER_STATEMENT):
            chunk = ids[start:start + _IDS_PER_STATEMENT]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"select {_COLUMNS} from posts where posts.id in ({marks})", chunk
            ).fetchall()
            for post in self._with_revision_counts([_row_to_post(r) for r in rows]):
                found[post.id] = post
        return found

    def hour_counts(self, flt: FeedFilter, *, days: int | None = None
                    ) -> tuple[list[tuple[str, int]], int, str | None]:
        """Posts passing ``flt`` per hour, oldest first, as ("YYYY-MM-DDTHH", count); how many
        are known only to the day (or not at all), which no hour can hold; and, when older posts
        were left out, the time counting began from. With ``days``, only the last that many days
        up to the newest post count (a long story's chart shows its latest fortnight, not two
        years of bars)."""
        clauses, args = self._where(flt)
        since = None
        timed = "posts.published is not null and coalesce(posts.published_precision, '') != 'date'"
        if days is not None:
            # The window ends at the newest post with a time, the only ones a bar can hold: an
            # undated post (sorted by when it was first seen, today) in an archive of last
            # year's posts would otherwise leave the chart an empty fortnight.
            within = " and ".join([*clauses, timed])
            newest = self.db.execute(f"select max(posts.published) from posts where {within}",
                                     args).fetchone()[0]
            oldest = self.db.execute(f"select min(posts.published) from posts where {within}",
                                     args).fetchone()[0]
            latest = parse_iso(newest) if newest else None
            start = to_iso(latest - timedelta(days=days)) if latest is not None else None
            if start is not None and oldest is not None and oldest < start:
                since = start
                clauses.append(f"{_SORT_TIME} >= ?")
                args.append(start)
        where = f"where {' and '.join(clauses)}" if clauses else ""
        rows = self.db.execute(
            f"select case when {timed} then substr(posts.published, 1, 13) end as hour, count(*) "
            f"from posts {where} group by hour order by hour",
            args,
        ).fetchall()
        date_only = sum(n for hour, n in rows if hour is None)
        return [(hour, int(n)) for hour, n in rows if hour is not None], int(date_only), since

    def time_span(self) -> tuple[str | None, str | None]:
        """The earliest and latest post time in the store (ISO 8601 UTC), or (None, None)."""
        # Two queries: SQLite reads a min() or a max() straight off the index, not both at once.
        first = self.db.execute(f"select min({_SORT_TIME}) from posts").fetchone()[0]
        last = self.db.execute(f"select max({_SORT_TIME}) from posts").fetchone()[0]
        return first, last

    def _with_revision_counts(self, posts: list[Post]) -> list[Post]:
        if not posts:
            return posts
        ids = [p.id for p in posts]
        marks = ",".join("?" * len(ids))
        counts = dict(
            self.db.execute(
                f"select post_id, count(*) from post_revisions where post_id in ({marks}) "
                "group by post_id",
                ids,
            ).fetchall()
        )
        # How many other sources hold a copy of each post's story item.
        also = dict(
            self.db.execute(
                "select s.post_id, count(distinct o.source_id) from story_item_posts s "
                "join story_item_posts o on o.item_id = s.item_id and o.source_id != s.source_id "
                f"where s.post_id in ({marks}) group by s.post_id",
                ids,
            ).fetchall()
        )
        tiers = dict(self.db.execute("select id, tier from sources where tier is not null").fetchall())
        if not counts and not also and not tiers:
            return posts
        # Only the posts with something to add are copied: a page's worker holds the interpreter
        # lock the window needs for every post it builds.
        return [replace(p, revision_count=int(counts.get(p.id, 0)), also_in=int(also.get(p.id, 0)),
                        source_tier=tiers.get(p.source_id))
                if p.id in counts or p.id in also or p.source_id in tiers else p for p in posts]


def _spans_of(start: int, end: int, kind: str, parts_json: str | None) -> list[Span]:
    """The passages one attribution marks in its post: see ``FeedQueries.quote_spans``."""
    if not parts_json or parts_json == "[]":  # most attributions: no JSON to decode
        parts: list[Span] = []
    else:
        parts = [(int(s), int(e), kind) for s, e in json.loads(parts_json) if start <= s < e <= end]
    if kind == "mixed":
        return [(start, end, "indirect"), *parts]
    return parts or [(start, end, kind)]
