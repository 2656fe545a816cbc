"""Views for analysts who open the database in their own tools (sqlite-utils, Datasette, pandas).

Each view answers one common question with readable column names, so nobody has to rediscover the
joins: ``quotes_by_speaker`` (every active quote with its speaker and post), ``posts_timeline``
(every post in time order with its source and how much it was edited and observed) and
``stop_observations`` (what the posts said about each stop, in route order). Views
hold no data, so they can be dropped and recreated by a later migration without loss.
"""

from __future__ import annotations

from sqlite_utils import Database

QUOTES_BY_SPEAKER = """
create view quotes_by_speaker as
select
    s.id as speaker_id,
    s.name as name,
    s.kind as speaker_kind,
    s.role as role,
    s.organisation as organisation,
    q.id as quote_id,
    q.kind as kind,
    q.text as text,
    q.cue as cue,
    q.outlet as outlet,
    q.confidence as confidence,
    q.source_of_truth as source_of_truth,
    q.field as field,
    q.post_id as post_id,
    p.title as post_title,
    coalesce(p.published, p.first_seen) as post_at
from quotes q
join speakers s on s.id = q.speaker_id
join posts p on p.id = q.post_id
where q.status = 'active'
order by s.name collate nocase, s.id, post_at, q.post_id, q.field desc, q.start
"""

POSTS_TIMELINE = """
create view posts_timeline as
select
    p.id as post_id,
    coalesce(p.published, p.first_seen) as at,
    case when p.published is null then 'first_seen' else coalesce(p.published_precision, 'second') end
        as at_precision,
    substr(coalesce(p.published, p.first_seen), 1, 10) as day,
    p.title as title,
    p.byline as byline,
    p.location as location,
    p.source_id as source_id,
    coalesce(s.title, s.key) as source,
    p.url as url,
    length(p.body) as body_chars,
    (select count(*) from post_revisions r where r.post_id = p.id) as revisions,
    (select count(*) from observations o where o.post_id = p.id) as observations,
    p.first_seen as first_seen,
    p.updated as updated
from posts p
join sources s on s.id = p.source_id
order by at, p.seq, p.id
"""

STOP_OBSERVATIONS = """
create view stop_observations as
select
    o.id as observation_id,
    r.name as route,
    st.seq as stop_seq,
    o.name as name,
    st.km as km,
    st.kind as stop_kind,
    o.kind as kind,
    o.at as at,
    o.at_precision as at_precision,
    o.window_start as window_start,
    o.window_end as window_end,
    o.matched as matched,
    o.duration_minutes as duration_minutes,
    o.speed_kmh as speed_kmh,
    o.evidence as evidence,
    o.post_id as post_id,
    p.title as post_title,
    coalesce(p.published, p.first_seen) as post_at
from observations o
left join routes r on r.id = o.route_id
left join stops st on st.route_id = o.route_id and st.name = o.name
left join posts p on p.id = o.post_id
order by r.name, st.seq is null, st.seq, o.at, o.id
"""


#: ``quotes_by_speaker`` since migration 9: one row per attribution, with its quoted ``parts``.
QUOTES_BY_SPEAKER_V9 = QUOTES_BY_SPEAKER.replace(
    "    q.text as text,\n", "    q.text as text,\n    q.parts as parts,\n"
)


def migrate_analysis_views(db: Database) -> None:
    """Create the ``quotes_by_speaker``, ``posts_timeline`` and ``stop_observations`` views."""
    for sql in (QUOTES_BY_SPEAKER, POSTS_TIMELINE, STOP_OBSERVATIONS):
        db.execute(sql)


def migrate_quotes_by_speaker_parts(db: Database) -> None:
    """``quotes_by_speaker`` shows each attribution's quoted ``parts`` (after ``quotes.parts`` exists)."""
    db.execute("drop view if exists quotes_by_speaker")
    db.execute(QUOTES_BY_SPEAKER_V9)
