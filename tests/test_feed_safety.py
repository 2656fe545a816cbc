"""Bad and hostile feeds: each gets a clear status naming the source; good entries are kept;
nothing is fetched that the user did not add; no script or remote resource survives."""

from __future__ import annotations

import random

from _feedserver import FeedServer, send

from monitor.service import Monitor
from monitor.sources.feeds import parse_feed
from monitor.sources.poller import PollSettings

FAST = PollSettings(connect_timeout=2.0, read_timeout=2.0)


def _rss(items: str, decl: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (f"{decl}\n<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>").encode()


def _poll_bytes(server: FeedServer, db_path, body: bytes):
    server.route("/feed", lambda h: send(h, 200, body, {"Content-Type": "application/rss+xml"}))
    with Monitor(db_path) as monitor:
        source = monitor.add_source(server.url("/feed"))
        [report] = monitor.poll_once(source.id, settings=FAST, rng=random.Random(1))
        return report, monitor.posts.posts(), monitor.sources.get(source.id)


def test_external_entity_is_refused_and_never_fetched(server, db_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    body = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        f'<!ENTITY net SYSTEM "{server.url("/exfiltrate")}">\n'
        f'<!ENTITY disk SYSTEM "{secret.as_uri()}">\n]>\n'
        '<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>&net;</title>'
        "<description>&disk;</description></item></channel></rss>"
    ).encode()
    report, posts, source = _poll_bytes(server, db_path, body)
    assert not report.ok and "refused" in report.error and "/feed" in report.error
    assert server.hits("/exfiltrate") == []
    assert posts == [] and source.last_status == "error" and "entities" in source.last_error


def test_entity_bomb_is_refused_quickly(server, db_path):
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    body = ('<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(levels) + "]>\n"
            '<rss version="2.0"><channel><title>&l9;</title><item><title>x</title></item>'
            "</channel></rss>").encode()
    report, posts, _ = _poll_bytes(server, db_path, body)
    assert not report.ok and "entity" in report.error and report.elapsed < 5
    assert posts == []


def test_external_dtd_is_never_fetched(server, db_path):
    # No <!ENTITY> in the document itself: the danger would be in the DTD it points to.
    body = (f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{server.url("/evil.dtd")}">\n'
            '<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>Fine</title>'
            "<description>&ext;</description></item></channel></rss>").encode()
    report, posts, _ = _poll_bytes(server, db_path, body)
    assert server.hits("/evil.dtd") == []
    assert report.error is None or "/feed" in report.error
    # The undefined entity stays unexpanded text: nothing was resolved from anywhere.
    assert [p.title for p in posts] == ["Fine"] and "&ext;" in posts[0].body


def test_script_and_remote_images_never_reach_a_post(server, db_path):
    pixel = server.url("/pixel.png")
    html = (f'<p>Before <script>alert("x")</script><img src="{pixel}" onerror="alert(1)">'
            f'<a href="javascript:alert(2)">link text</a> after.</p>'
            f'<iframe src="{server.url("/frame")}"></iframe><style>p {{color:red}}</style>'
            f'<p>Second <b>paragraph</b>.</p>')
    body = _rss(f"<item><guid>1</guid><title>Hostile</title><description><![CDATA[{html}]]>"
                "</description></item>")
    report, [post], _ = _poll_bytes(server, db_path, body)
    assert report.ok
    assert post.body == "Before link text after.\n\nSecond paragraph."
    assert server.hits("/pixel.png") == [] and server.hits("/frame") == []


def test_duplicate_guids_keep_the_first_and_say_so():
    body = _rss("<item><guid>same</guid><title>First</title><description>one</description></item>"
                "<item><guid>same</guid><title>Second</title><description>two</description></item>"
                "<item><guid>other</guid><title>Third</title><description>three</description></item>")
    result = parse_feed(body, "dup.xml")
    assert [p.title for p in result.posts] == ["First", "Third"]
    assert any("dup.xml" in e and "repeats id 'same'" in e for e in result.errors)


def test_entries_without_ids_or_dates_keep_one_identity(db_path, tmp_path):
    page = tmp_path / "noids.xml"
    items = ("<item><title>Alpha</title><description>first</description></item>"
             "<item><title>Beta</title><description>second</description></item>")
    page.write_bytes(_rss(items))
    with Monitor(db_path) as monitor:
        source = monitor.add_source(page)
        assert monitor.poll_once(source.id)[0].added == 2
        # The page grows and one text is edited; the entries are still recognised.
        page.write_bytes(_rss("<item><title>Gamma</title><description>third</description></item>"
                              + items.replace("second", "second, corrected")))
        report = monitor.poll_once(source.id)[0]
        assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
        posts = monitor.posts.posts()
        assert sorted(p.title for p in posts) == ["Alpha", "Beta", "Gamma"]
        assert all(p.published is None for p in posts)


def test_wrong_declared_encoding_is_read_and_noted():
    body = _rss("<item><guid>1</guid><title>Café über</title><description>Zürich</description></item>",
                decl='<?xml version="1.0" encoding="utf-8"?>').decode().encode("latin-1")
    result = parse_feed(body, "latin.xml")
    [post] = result.posts
    assert post.title == "Café über" and post.body == "Zürich"
    assert any("latin.xml" in e and "encoding" in e for e in result.errors)


def test_malformed_entry_does_not_stop_the_good_ones():
    body = _rss("<item><guid>1</guid><title>Good</title><description>fine</description></item>"
                "<item><guid>2</guid><title>Bad &nbsp; entity</title><description>x</description></item>"
                "<item><guid>3</guid><title>Also good</title><description>fine too</description></item>")
    result = parse_feed(body, "bozo.xml")
    assert [p.guid for p in result.posts] == ["1", "2", "3"]
    assert any("bozo.xml" in e and "not well-formed" in e for e in result.errors)
