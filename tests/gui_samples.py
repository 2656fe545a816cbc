"""Realistic domain objects for the GUI pane tests, built by hand from the route facts and the seed.

The journey estimator and the quote extractor live elsewhere; the panes only draw what they are
given, so these samples stand in for them: the Pyongyang → Vladivostok route with its cited figures,
a simple speed model that produces estimates with an honest min–max band, observations as a post
would yield them, and the speakers and quotes of the seed story with their real offsets.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.model import (
    Estimate,
    Observation,
    Post,
    Quote,
    Route,
    Speaker,
    Stop,
    StopEta,
    to_iso,
)
from monitor.sources.livetext import parse_livetext

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a40eac292bb8ed9e.txt"
KP = "Asia/Pyongyang"
RU = "Asia/Vladivostok"


def sample_route() -> Route:
    """Pyongyang → Vladivostok with the stations, km, gauges and dwells of the route facts."""

    def stop(name: str, km: float, kind: str = "station", tz: str = KP, **kw: object) -> Stop:
        gauge = 1520 if tz == RU else 1435
        kw.setdefault("gauge_before", gauge)
        kw.setdefault("gauge_after", gauge)
        return Stop(name=name, km=km, kind=kind, timezone=tz, **kw)  # type: ignore[arg-type]

    stops = (
        stop("Pyongyang", 0.0, "origin", lat=39.0047, lon=125.7364),
        stop("Hamhung", 313.6, lat=39.917, lon=127.533),
        stop("Tanchon Chongnyon", 502.2),
        stop("Kimchaek", 544.6, lat=40.667, lon=129.201),
        stop("Kilju Chongnyon", 586.9, lat=40.9609, lon=129.3233),
        stop("Kyongsong", 686.6, notes="where the 2019 trip started"),
        stop("Chongjin Chongnyon", 720.7, lat=41.7931, lon=129.7986),
        stop("Rajin", 801.9, lat=42.2497, lon=130.2892, notes="dual gauge from here on"),
        stop("Sonbong", 817.1, lat=42.3527, lon=130.3794),
        stop("Hongui", 844.5, lat=42.4255, lon=130.5366),
        stop(
            "Tumangang", 854.0, "gauge_change", lat=42.4214, lon=130.6081,
            gauge_before=1435, gauge_after=1520, dwell_minutes=70.0,
            dwell_source="post 3: “the wheel change took about 70 minutes” (2019)",
            aliases=("Tumangang station",),
        ),
        stop(
            "Friendship Bridge", 855.0, "border", lat=42.4152, lon=130.6411,
            gauge_before=1520, gauge_after=1520, notes="over the Tumen, about 620 m",
        ),
        stop(
            "Khasan", 856.2, "ceremony", RU, lat=42.4281, lon=130.6453, dwell_minutes=60.0,
            dwell_source="post 3: “a ceremony - which lasted about an hour”",
        ),
        stop("Makhalino", 897.2, tz=RU),
        stop("Baranovsky", 1094.2, tz=RU, lat=43.6456, lon=131.9272,
             notes="junction with the Trans-Siberian (its km 9200)"),
        stop("Vladivostok", 1183.2, "destination", RU, lat=43.1112, lon=131.8816),
    )
    return Route(
        name="pyongyang-vladivostok",
        title="Pyongyang → Vladivostok",
        stops=stops,
        max_speed_kmh=59.0,
        average_speed_kmh=50.0,
        sources=("Wikipedia: Pyongra, Hambuk and Hongui lines", "DPRKExplained station table"),
    )


#: The departure window the samples assume: "set off" on the afternoon of 10 September, local time.
DEPARTURE_EARLIEST = datetime(2023, 9, 10, 4, 0, tzinfo=UTC)   # 13:00 in Pyongyang
DEPARTURE_LATEST = datetime(2023, 9, 10, 8, 0, tzinfo=UTC)     # 17:00 in Pyongyang
#: A moment with the train in the far north of Korea, its band still a couple of hundred km wide.
SAMPLE_AT = datetime(2023, 9, 10, 19, 0, tzinfo=UTC)


def _arrival(route: Route, stop_index: int, departure: datetime, speed: float) -> datetime:
    """When a train leaving at ``departure`` at ``speed`` reaches a stop (dwells before it included)."""
    dwell = sum((s.dwell_minutes or 0.0) for s in route.stops[1:stop_index])
    hours = route.stops[stop_index].km / speed
    return departure + timedelta(hours=hours, minutes=dwell)


def _km_at(route: Route, at: datetime, departure: datetime, speed: float) -> tuple[float, str | None]:
    """Where that train is at ``at``: km, and the stop name while it dwells there."""
    if at <= departure:
        return 0.0, route.stops[0].name
    for index, stop in enumerate(route.stops[1:], start=1):
        arrive = _arrival(route, index, departure, speed)
        if at < arrive:
            previous = route.stops[index - 1]
            leave = _arrival(route, index - 1, departure, speed) + timedelta(
                minutes=(previous.dwell_minutes or 0.0) if index > 1 else 0.0
            )
            hours = max((at - leave).total_seconds() / 3600.0, 0.0)
            return min(previous.km + hours * speed, stop.km), None
        if at < arrive + timedelta(minutes=stop.dwell_minutes or 0.0):
            return stop.km, stop.name
    return route.length_km, route.stops[-1].name


def sample_estimate(at: datetime = SAMPLE_AT, route: Route | None = None) -> Estimate:
    """The journey at ``at`` for a departure between 13:00 and 17:00 on 10 September (Pyongyang)."""
    route = route or sample_route()
    mid = DEPARTURE_EARLIEST + (DEPARTURE_LATEST - DEPARTURE_EARLIEST) / 2
    km_min, _ = _km_at(route, at, DEPARTURE_LATEST, 45.0)
    km_likely, dwelling_at = _km_at(route, at, mid, route.average_speed_kmh)
    km_max, _ = _km_at(route, at, DEPARTURE_EARLIEST, route.max_speed_kmh)
    ahead = [(i, s) for i, s in enumerate(route.stops) if s.km > km_likely]
    etas = tuple(
        StopEta(
            stop=s.name,
            km=s.km,
            earliest=_arrival(route, i, DEPARTURE_EARLIEST, route.max_speed_kmh),
            likely=_arrival(route, i, mid, route.average_speed_kmh),
            latest=_arrival(route, i, DEPARTURE_LATEST, 45.0),
            timezone=s.timezone,
        )
        for i, s in ahead
    )
    if km_likely >= route.length_km:
        state = "arrived"
    elif at <= DEPARTURE_EARLIEST:
        state = "not_started"
    else:
        state = "dwelling" if dwelling_at and km_likely > 0 else "moving"
    observations = tuple(o for o in sample_observations() if o.at is None or o.at <= at)
    return Estimate(
        route=route.name,
        at=at,
        state=state,
        km_min=round(km_min, 1),
        km_likely=round(km_likely, 1),
        km_max=round(km_max, 1),
        progress=km_likely / route.length_km,
        stop=dwelling_at if state == "dwelling" else None,
        next_stop=ahead[0][1].name if ahead else None,
        speed_kmh=None if state == "dwelling" else route.average_speed_kmh,
        etas=etas,
        observations=observations,
        notes=("departure known to the hour: band 4 h wide at the start",),
    )


def sample_estimates(step_hours: float = 1.0) -> list[Estimate]:
    """Estimates every ``step_hours`` from the departure window to arrival at Vladivostok."""
    route = sample_route()
    out = []
    at = DEPARTURE_EARLIEST
    end = DEPARTURE_LATEST + timedelta(hours=30)
    while at <= end:
        out.append(sample_estimate(at, route))
        at += timedelta(hours=step_hours)
    return out


def sample_observations() -> list[Observation]:
    """What the posts say about the train: a departure, a sighting, 2019 history and an expectation."""
    return [
        Observation(
            post_id=2, stop="Pyongyang", kind="departed", at=datetime(2023, 9, 10, 6, 0, tzinfo=UTC),
            precision="hour",
            evidence="Kim, who has today set off to meet Putin on a specially armoured train from the "
            "North Korean capital of Pyongyang",
            start=0, end=0,
        ),
        Observation(
            post_id=7, stop="Hamhung", kind="passed", at=datetime(2023, 9, 10, 12, 20, tzinfo=UTC),
            precision="minute", evidence="A train matching its description passed through Hamhung at 21:20",
        ),
        Observation(
            post_id=3, stop="Tumangang", kind="historical", at=datetime(2019, 4, 24, 0, 0, tzinfo=UTC),
            precision="date", evidence="On that occasion, the wheel change took about 70 minutes.",
            duration_minutes=70.0,
        ),
        Observation(
            post_id=3, stop="Khasan", kind="historical", at=datetime(2019, 4, 24, 1, 30, tzinfo=UTC),
            precision="date",
            evidence="a ceremony - which lasted about an hour - took place", duration_minutes=60.0,
        ),
        Observation(
            post_id=3, stop="Vladivostok", kind="expected", at=None, precision=None,
            evidence="we expect it to continue its journey to the city of Vladivostok",
        ),
    ]


def seed_posts() -> list[Post]:
    """The seed's five posts as the store would hold them (ids 1–5 in file order)."""
    result = parse_livetext(SEED.read_text(encoding="utf-8"))
    posts = []
    for index, parsed in enumerate(result.posts, start=1):
        posts.append(
            Post(
                id=index, source_id=1, guid=parsed.guid, seq=parsed.seq, title=parsed.title,
                byline=parsed.byline, location=parsed.location, body=parsed.body,
                published=to_iso(parsed.published), published_precision=parsed.published_precision,
                first_seen="2023-09-11T09:00:00Z", updated=None,
                content_hash=hashlib.sha1(parsed.body.encode()).hexdigest(),
            )
        )
    return posts


_LIVE_LINES = (
    ("Train seen near Hamhung", "A train matching its description passed through Hamhung at 21:20."),
    ("Security tightened in Vladivostok", "Police have closed roads around the station."),
    ("Kremlin: talks will be 'full-scale'", "The Kremlin said the visit would be a full one."),
    ("Satellite images show the rail yard", "Images taken this morning show activity at Rajin."),
    ("Seoul watching closely", "South Korea's unification ministry said it was monitoring."),
    ("Border station prepared", "At Khasan, workers were seen laying a red carpet."),
)


def live_posts(count: int = 36, start: datetime = datetime(2023, 9, 10, 6, 0, tzinfo=UTC)) -> list[Post]:
    """Minute-precise posts spread unevenly over a day and a half, as a busy live page has them."""
    posts = []
    at = start
    for n in range(count):
        # Bursts around news, lulls at night: the gaps cycle through 10 minutes to 2 hours.
        at += timedelta(minutes=(10, 25, 5, 70, 15, 120, 35, 8)[n % 8])
        title, body = _LIVE_LINES[n % len(_LIVE_LINES)]
        posts.append(
            Post(
                id=100 + n, source_id=2, guid=f"live-{n}", seq=n, title=title, byline="Live reporter",
                location=None, body=body, published=to_iso(at), published_precision="minute",
                first_seen=to_iso(at) or "", updated=None, content_hash=f"h{n}",
            )
        )
    return posts


def sample_speakers() -> list[Speaker]:
    """The seed's speakers with the roles the extractor is expected to find."""
    return [
        Speaker(1, "Dmitry Peskov", "person", "Kremlin spokesman", "Kremlin", 2),
        Speaker(2, "John Kirby", "person", "National Security Council spokesman",
                "National Security Council", 1),
        Speaker(3, "Patrick Ryder", "person", "Pentagon press secretary, Brigadier General",
                "Pentagon", 4),
        Speaker(4, "the Kremlin", "organisation", None, None, 2),
        Speaker(5, "the Pentagon", "organisation", None, None, 1),
        Speaker(6, "a US official", "anonymous", None, None, 1),
    ]


def _quote(qid: int, post: Post, speaker: int, kind: str, text: str, cue: str, **kw: object) -> Quote:
    start = post.body.find(text)
    if start < 0:
        raise ValueError(f"sample quote {qid}: {text!r} is not in post {post.id}")
    return Quote(
        id=qid, post_id=post.id, speaker_id=speaker, kind=kind, text=text, start=start,
        end=start + len(text), cue=cue, **kw,  # type: ignore[arg-type]
    )


def _mixed(qid: int, post: Post, speaker: int, clause: str, quoted: tuple[str, ...], cue: str,
           **kw: object) -> Quote:
    """A reported clause with quoted words in it: one record, the quoted words its parts."""
    quote = _quote(qid, post, speaker, "mixed", clause, cue, **kw)
    parts = []
    for words in quoted:
        at = post.body.find(words, parts[-1][1] if parts else quote.start)
        if not quote.start <= at < quote.end:
            raise ValueError(f"sample quote {qid}: {words!r} is not inside {clause!r}")
        parts.append((at, at + len(words)))
    return replace(quote, parts=tuple(parts))


def sample_quotes(posts: list[Post] | None = None) -> list[Quote]:
    """The seed's quotes, located by their real offsets in the post bodies."""
    p = {post.id: post for post in (posts or seed_posts())}
    return [
        _quote(1, p[1], 6, "indirect", "The two leaders will likely discuss the possibility of North Korea "
               "providing Moscow with weapons to support its war in Ukraine", "told", outlet="CBS",
               confidence=0.78, sieve="reported-speech"),
        _mixed(2, p[1], 2, 'Russia\'s Defence Minister, Sergei Shoigu, had tried to "convince Pyongyang to '
               'sell artillery ammunition" to Russia during a recent visit to North Korea',
               ("convince Pyongyang to sell artillery ammunition",), "said", confidence=0.93,
               sieve="reported"),
        # A headline quote: its offsets point into the title.
        Quote(3, 2, 4, "mixed", 'Kim set for "full-scale visit"', 0, 30, cue="says", confidence=0.81,
              sieve="headline", field="title", parts=((13, 29),)),
        # Peskov's partial quotes are inside one mixed attribution whose content is the clause.
        _mixed(4, p[2], 1, "the upcoming talks between North Korea’s Kim Jong Un and his country’s Vladimir "
               "Putin, will “strengthen” the “friendship” between the two nations",
               ("strengthen", "friendship"), "has said", confidence=0.9, sieve="reported"),
        _mixed(6, p[2], 1, "the two leaders will continue their communications in a “one-on-one format”, "
               "should the occasion call for it", ("one-on-one format",), "added", confidence=0.88,
               sieve="reported"),
        _quote(7, p[4], 5, "indirect", "it believes Kim Jong Un is on his way to Russia to meet Vladimir "
               "Putin", "has confirmed", confidence=0.74, sieve="reported-speech"),
        _quote(8, p[4], 3, "direct", "We do expect some type of meeting,", "said", outlet="CBS",
               confidence=0.97, sieve="direct-after"),
        _quote(9, p[4], 3, "direct", "Based on the information we’ve been provided, Kim Jong Un is "
               "traveling to Russia", "said", confidence=0.86, sieve="carry-over"),
        _quote(10, p[4], 3, "indirect", "the US remained concerned that North Korea was contemplating "
               "providing ammunition or material support to Russia", "added", confidence=0.8,
               sieve="pronoun"),
        _quote(11, p[4], 3, "direct", "That would really just serve to perpetuate this needless war.",
               "added", confidence=0.83, sieve="carry-over"),
        _mixed(12, p[5], 4, 'Mr Kim will visit Russia "in the coming days"', ("in the coming days",),
               "confirmed", confidence=0.85, sieve="reported", source_of_truth="analyst"),
    ]


def quotes_by_speaker(speaker_id: int) -> list[Quote]:
    """The sample quotes of one speaker."""
    return [q for q in sample_quotes() if q.speaker_id == speaker_id]


def rejected(quote: Quote) -> Quote:
    """A quote as it looks after the analyst rejected it."""
    return replace(quote, status="rejected", source_of_truth="analyst")
