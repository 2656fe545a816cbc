"""Alert rules and their hits, kept in the store.

A rule is matched with the feed search's query language (``search.query_terms``, spelled for
the store's engine by ``text_match.TextMatch``) against the posts it has not looked at yet
(``scanned_to``, the highest post id it has seen): a new rule reads every stored post, and each
later scan only the posts that arrived since. A hit stays until it is dismissed; it is unread
while its post is unread (``post_reads``), so reading the post anywhere reads the hit.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from monitor.model.alerts import AlertHit, AlertRule, AlertRuleError
from monitor.model.quotes import speaker_key
from monitor.store.search import query_terms
from monitor.store.text_match import TextMatch

_RULE_COLUMNS = "id, name, query, speaker, source_id, highlight, notify, sound"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def migrate_alert_rules(db: Database) -> None:
    """``alert_rules`` and ``alert_hits`` (a hit goes with its rule and with its post)."""
    db.execute(
        "create table if not exists alert_rules ("
        " id integer primary key,"
        " name text not null,"
        " query text not null default '',"
        " speaker text not null default '',"
        " source_id integer references sources(id) on delete cascade,"
        " highlight integer not null default 1,"
        " notify integer not null default 1,"
        " sound integer not null default 0,"
        " scanned_to integer not null default 0,"
        " created text not null)"
    )
    db.execute(
        "create table if not exists alert_hits ("
        " rule_id integer not null references alert_rules(id) on delete cascade,"
        " post_id integer not null references posts(id) on delete cascade,"
        " found text not null,"
        " fresh integer not null default 0,"
        " dismissed text,"
        " primary key (rule_id, post_id))"
    )
    db.execute("create index if not exists alert_hits_post on alert_hits (post_id)")
    db.execute("create index if not exists alert_hits_open on alert_hits (dismissed, found)")


def _row_to_rule(row: tuple) -> AlertRule:
    return AlertRule(int(row[0]), row[1], row[2] or "", row[3] or "", row[4], bool(row[5]), bool(row[6]),
                     bool(row[7]))


def check_rule(rule: AlertRule) -> None:
    """Raise AlertRuleError naming the rule when it cannot be matched."""
    name = rule.name.strip()
    if not name:
        raise AlertRuleError("an alert rule needs a name")
    if rule.query.strip() and not query_terms(rule.query):
        raise AlertRuleError(f"alert rule {name!r}: nothing to search for in {rule.query!r}")
    if not (rule.query.strip() or rule.speaker.strip() or rule.source_id is not None):
        raise AlertRuleError(f"alert rule {name!r}: give words, a speaker or a source to look for")


class AlertStore:
    """Alert rules, matching them, and their hits."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def rules(self) -> list[AlertRule]:
        """Every rule, oldest first."""
        rows = self.db.execute(f"select {_RULE_COLUMNS} from alert_rules order by id")
        return [_row_to_rule(r) for r in rows]

    def rule(self, rule_id: int) -> AlertRule | None:
        """One rule by id."""
        row = self.db.execute(f"select {_RULE_COLUMNS} from alert_rules where id = ?", [rule_id]).fetchone()
        return _row_to_rule(row) if row else None

    def save_rule(self, rule: AlertRule) -> int:
        """Add a rule (``id`` None) or change one; a changed rule forgets its hits that were not
        dismissed and reads every stored post again. Returns its id."""
        check_rule(rule)
        values = [rule.name.strip(), rule.query.strip(), rule.speaker.strip(), rule.source_id,
                  int(rule.highlight), int(rule.notify), int(rule.sound)]
        if rule.id is None:
            cur = self.db.execute(
                "insert into alert_rules (name, query, speaker, source_id, highlight, notify, sound, "
                "created) values (?, ?, ?, ?, ?, ?, ?, ?)", [*values, _now()])
            assert cur.lastrowid is not None
            return int(cur.lastrowid)
        if self.rule(rule.id) is None:
            raise AlertRuleError(f"no alert rule #{rule.id}")
        self.db.execute(
            "update alert_rules set name = ?, query = ?, speaker = ?, source_id = ?, highlight = ?, "
            "notify = ?, sound = ?, scanned_to = 0 where id = ?", [*values, rule.id])
        self.db.execute("delete from alert_hits where rule_id = ? and dismissed is null", [rule.id])
        return rule.id

    def delete_rule(self, rule_id: int) -> None:
        """Forget a rule and its hits."""
        self.db.execute("delete from alert_hits where rule_id = ?", [rule_id])
        self.db.execute("delete from alert_rules where id = ?", [rule_id])

    def scan(self) -> list[tuple[int, int]]:
        """Match every rule against the posts it has not seen; returns the new hits as
        (rule id, post id). Runs inside the caller's transaction."""
        top = self.db.execute("select coalesce(max(id), 0) from posts").fetchone()[0]
        new: list[tuple[int, int]] = []
        found = _now()
        rows = self.db.execute(f"select {_RULE_COLUMNS}, scanned_to from alert_rules").fetchall()
        match = TextMatch.of(self.db)
        for row in rows:
            rule, seen = _row_to_rule(row), int(row[8])
            if seen >= top:
                continue
            clauses, args = ["p.id > ?", "p.id <= ?"], [seen, top]
            query = match.query(rule.query)
            if query:
                clauses.append(match.matches("p"))  # on PostgreSQL: only the new posts' vectors
                args.append(query)
            if rule.source_id is not None:
                clauses.append("p.source_id = ?")
                args.append(rule.source_id)
            if rule.speaker:
                clauses.append(
                    "exists (select 1 from quotes q where q.post_id = p.id and q.status = 'active' and "
                    # lower() on both sides: PostgreSQL has no NOCASE collation (and SQLite
                    # cannot use the name index for a NOCASE comparison either).
                    "q.speaker_id in (select id from speakers where lower(name) = lower(?) "
                    "union select speaker_id from speaker_aliases where key = ?))")
                args += [rule.speaker, speaker_key(rule.speaker)]
            hits = [int(r[0]) for r in self.db.execute(
                f"select p.id from posts p where {' and '.join(clauses)}", args)]
            # Posts stored before the rule's first scan are "already stored", not news.
            fresh = int(seen > 0)
            for post_id in hits:
                cur = self.db.execute(
                    "insert or ignore into alert_hits (rule_id, post_id, found, fresh) values (?, ?, ?, ?)",
                    [rule.id, post_id, found, fresh])
                if cur.rowcount > 0:
                    new.append((int(rule.id or 0), post_id))
            self.db.execute("update alert_rules set scanned_to = ? where id = ?", [top, rule.id])
        return new

    def hits(self, limit: int = 500, only: list[tuple[int, int]] | None = None) -> list[AlertHit]:
        """Hits not dismissed, newest post first (at most ``limit``); or just the hits ``only``."""
        sql = (
            "select h.rule_id, r.name, h.post_id, coalesce(p.title, substr(p.body, 1, 120)), "
            " coalesce(s.title, s.key), p.published, p.published_precision, h.found,"
            " not exists (select 1 from post_reads pr where pr.post_id = h.post_id),"
            " r.highlight, r.notify, r.sound, h.fresh "
            "from alert_hits h join alert_rules r on r.id = h.rule_id join posts p on p.id = h.post_id "
            "join sources s on s.id = p.source_id "
        )
        if only is not None:
            found: list[AlertHit] = []
            for rule_id, post_id in only:
                row = self.db.execute(sql + "where h.rule_id = ? and h.post_id = ?",
                                      [rule_id, post_id]).fetchone()
                if row:
                    found.append(self._hit(row))
            return found
        rows = self.db.execute(
            sql + "where h.dismissed is null "
            "order by coalesce(p.published, p.first_seen) desc, h.post_id desc limit ?", [limit])
        return [self._hit(r) for r in rows]

    @staticmethod
    def _hit(row: tuple) -> AlertHit:
        return AlertHit(int(row[0]), row[1], int(row[2]), row[3] or "",
                        (row[4] or "").removeprefix("file:"), row[5], row[6], row[7], bool(row[8]),
                        bool(row[9]), bool(row[10]), bool(row[11]), bool(row[12]))

    def counts(self) -> tuple[int, int]:
        """(hits not dismissed, of them the unread ones)."""
        row = self.db.execute(
            "select count(*), coalesce(sum(case when not exists "
            " (select 1 from post_reads pr where pr.post_id = h.post_id) then 1 else 0 end), 0) "
            "from alert_hits h where h.dismissed is null").fetchone()
        return int(row[0]), int(row[1])

    def dismiss(self, hits: list[tuple[int, int]] | None = None) -> int:
        """Dismiss these hits (rule id, post id), or every open one; returns how many."""
        if hits is None:
            cur = self.db.execute("update alert_hits set dismissed = ? where dismissed is null", [_now()])
            return max(cur.rowcount, 0)
        count = 0
        for rule_id, post_id in hits:
            cur = self.db.execute("update alert_hits set dismissed = ? where rule_id = ? and post_id = ? "
                                  "and dismissed is null", [_now(), rule_id, post_id])
            count += max(cur.rowcount, 0)
        return count
