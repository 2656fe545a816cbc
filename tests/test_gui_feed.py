"""The live feed pane: lazy model, search, new posts, edits, highlighting, hostile content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import add_posts
from PySide6.QtCore import Qt

from monitor.gui.feed_model import FeedModel, search_terms
from monitor.gui.feed_pane import DIALOG_LINE_CHARS, FeedPane, PostDialog, lazy_layout_text
from monitor.gui.workers import Runner
from monitor.model.timefmt import relative_time
from monitor.store.feed import FeedFilter

START = datetime(2023, 9, 10, 6, 0, tzinfo=UTC)


def _posts(n: int, start: int = 0, body: str = "The armoured train moved on.") -> list[dict]:
    return [
        {"guid": f"p{i}", "title": f"Update {i}", "body": f"{body} ({i})",
         "published": START + timedelta(minutes=i), "published_precision": "minute", "seq": i}
        for i in range(start, start + n)
    ]


@pytest.fixture
def runner(qtbot, db_path):
    runner = Runner(db_path)
    yield runner
    runner.shutdown()


@pytest.fixture
def pane(qtbot, runner):
    pane = FeedPane()
    qtbot.addWidget(pane)
    pane.resize(640, 700)
    pane.show()
    return pane


def _open(qtbot, pane, runner, rows: int) -> None:
    pane.set_runner(runner)
    qtbot.waitUntil(lambda: pane.model.rowCount() >= rows and not pane.model.loading, timeout=10000)


def test_model_passes_the_model_tester(qtbot, qtmodeltester, seeded_db):
    runner = Runner(seeded_db)
    model = FeedModel(runner, page_size=2)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading, timeout=10000)
    qtmodeltester.check(model)
    runner.shutdown()


def test_pages_load_lazily_and_fetch_more_is_not_reentrant(qtbot, db_path):
    add_posts(db_path, _posts(7))
    runner = Runner(db_path)
    model = FeedModel(runner, page_size=3)
    model.fetchMore()
    model.fetchMore()  # a second call while the first page is on its way does nothing
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    assert model.rowCount() == 3
    assert model.total == 7
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    titles = [model.post_at(i).title for i in range(model.rowCount())]
    assert titles == [f"Update {i}" for i in range(6, -1, -1)]
    runner.shutdown()


def test_search_as_typed_filters_and_highlights(qtbot, pane, runner, seeded_db):
    runner.db_path = seeded_db
    _open(qtbot, pane, runner, 5)
    qtbot.keyClicks(pane.search, "Peskov")
    qtbot.waitUntil(lambda: pane.model.feed_filter.text == "Peskov" and not pane.model.loading,
                    timeout=5000)
    bodies = [pane.model.post_at(i).body for i in range(pane.model.rowCount())]
    assert bodies and all("Peskov" in b for b in bodies)
    assert pane.model.rowCount() < 5
    assert pane.model.index(0).data(FeedModel.SearchRole) == ("Peskov",)
    assert "1 post" in pane.status.text() or f"{pane.model.rowCount()} posts" in pane.status.text()


def test_search_terms_drop_operators():
    assert search_terms('"armoured train" OR Khasan*') == ("armoured train", "Khasan")


def test_new_post_on_top_when_at_the_top(qtbot, qtmodeltester, pane, runner, db_path):
    add_posts(db_path, _posts(3))
    _open(qtbot, pane, runner, 3)
    qtmodeltester.check(pane.model)  # and it keeps watching the inserts that follow
    add_posts(db_path, _posts(1, start=3))
    pane.refresh()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4, timeout=5000)
    assert pane.model.post_at(0).title == "Update 3"
    assert pane.model.index(0).data(FeedModel.UnreadRole) is True
    assert "4 unread" in pane.status.text()  # none of the four has been read (read state is stored)
    assert not pane.new_posts.isVisible()


def test_new_post_while_scrolled_down_shows_a_button_not_a_jump(qtbot, pane, runner, db_path):
    add_posts(db_path, _posts(40))
    _open(qtbot, pane, runner, 40)
    bar = pane.view.verticalScrollBar()
    last = pane.model.index(39)
    # Rows are laid out in batches between events: wait until the last one has its place.
    qtbot.waitUntil(lambda: pane.view.visualRect(last).isValid() and bar.maximum() > 1000, timeout=5000)
    bar.setValue(bar.maximum() // 2)

    def top_row() -> int:
        return pane.view.indexAt(pane.view.viewport().rect().topLeft()).row()

    qtbot.waitUntil(lambda: top_row() > 0, timeout=5000)
    first_visible = top_row()
    add_posts(db_path, _posts(2, start=40))
    pane.refresh()
    qtbot.waitUntil(lambda: pane.new_posts.isVisible(), timeout=5000)
    assert pane.new_posts.text().endswith("2 new posts")
    assert pane.model.post_at(0).title == "Update 39"  # nothing inserted under the reader
    assert top_row() == first_visible
    qtbot.mouseClick(pane.new_posts, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and pane.model.post_at(0).title == "Update 41",
                    timeout=5000)
    assert bar.value() == 0
    assert not pane.new_posts.isVisible()
    assert pane.model.index(0).data(FeedModel.UnreadRole) is True


def test_edited_post_is_marked_and_keeps_its_history(qtbot, qtmodeltester, pane, runner, db_path):
    add_posts(db_path, _posts(2))
    _open(qtbot, pane, runner, 2)
    qtmodeltester.check(pane.model)
    add_posts(db_path, [_posts(1)[0] | {"body": "Corrected: the train stopped."}])
    pane.refresh()
    qtbot.waitUntil(lambda: pane.model.post_at(1).revision_count == 1, timeout=5000)
    post = pane.model.post_at(1)
    assert post.body == "Corrected: the train stopped."
    pane.open_post(1)
    dialog = pane.post_dialog
    assert isinstance(dialog, PostDialog)
    qtbot.waitUntil(lambda: dialog.versions.count() == 2, timeout=5000)
    dialog.versions.setCurrentRow(1)
    assert "The armoured train moved on. (0)" in dialog.text.toPlainText()


def test_scroll_to_post_loads_and_highlights_the_span(qtbot, db_path, runner):
    add_posts(db_path, _posts(30))
    pane = FeedPane()
    qtbot.addWidget(pane)
    pane.model.page_size = 5
    pane.resize(600, 400)
    pane.show()
    _open(qtbot, pane, runner, 5)
    target = next(p for p in _collect(db_path) if p.title == "Update 2")
    pane.set_search("nothing-matches-this")
    qtbot.waitUntil(lambda: not pane.model.loading and pane.model.rowCount() == 0, timeout=5000)
    with qtbot.waitSignal(pane.model.located, timeout=10000):
        pane.scroll_to_post(target.id, 4, 12)
    row = pane.model.row_of(target.id)
    assert pane.view.currentIndex().row() == row
    assert pane.model.index(row).data(FeedModel.HighlightRole) == (4, 12)
    assert pane.search.text() == ""  # the filter that hid it was cleared


def _collect(db_path):
    from monitor.service import Monitor

    with Monitor(db_path) as monitor:
        return monitor.posts.posts()


def test_hostile_and_huge_posts_render_inert(qtbot, pane, runner, db_path):
    hostile = '<script>alert("x")</script><img src="http://example.invalid/track.png"> Hello'
    add_posts(db_path, [
        {"guid": "h", "title": "<b>Bold?</b>", "body": hostile, "published": START},
        {"guid": "big", "title": "Huge", "body": "word " * 220_000, "published": START},
    ])
    _open(qtbot, pane, runner, 2)
    pane.view.grab()  # paints every visible row
    docs = list(pane.delegate._docs.values())
    texts = [d.toPlainText() for d in docs]
    assert any("<script>" in t for t in texts), "markup is shown as text"
    assert all(len(t) < 3000 for t in texts), "a 1 MB post is cut for the list"
    assert any("more characters" in t for t in texts)


def test_a_5mb_post_opens_with_only_the_lines_in_view_laid_out(qtbot, pane, runner, db_path):
    # One 5 MB paragraph: QPlainTextEdit lays out the paragraphs in view, each in full, so the
    # dialog must never hold a paragraph that long (it held the window for seconds).
    body = "The train moved on " * 263_000
    add_posts(db_path, [{"guid": "big", "title": "Transcript", "body": body, "published": START}])
    _open(qtbot, pane, runner, 1)
    pane.open_post(0)
    dialog = pane.post_dialog
    qtbot.waitUntil(lambda: dialog.versions.count() > 0, timeout=5000)
    dialog.grab()
    doc = dialog.text.document()
    block, longest = doc.begin(), 0
    while block.isValid():
        longest = max(longest, block.length())
        block = block.next()
    assert longest <= DIALOG_LINE_CHARS + 1
    post = pane.model.post_at(0)
    shown = doc.toPlainText()
    # Nothing is cut: the text is all there, broken at spaces (offsets unchanged).
    assert len(shown) == len(f"{post.title}\n\n{post.body}")
    assert shown.replace("\n", " ") == f"{post.title}\n\n{post.body}".replace("\n", " ")


def test_lazy_layout_text_breaks_only_long_lines_and_keeps_offsets():
    assert lazy_layout_text("short line\nanother", limit=20) == "short line\nanother"
    text = "aaaa bbbb cccc dddd\nee"
    broken = lazy_layout_text(text, limit=10)
    assert broken == "aaaa bbbb\ncccc dddd\nee" and len(broken) == len(text)
    assert lazy_layout_text("x" * 25, limit=10) == "xxxxxxxxxx\nxxxxxxxxxx\nxxxxx"


def test_a_huge_headline_is_not_measured_in_full(qtbot, pane, runner, db_path, monkeypatch):
    # Eliding measures every character it is given: the row hands it a capped headline.
    from PySide6.QtGui import QFontMetrics

    measured: list[int] = []
    elide = QFontMetrics.elidedText

    def recording(self, text, *args):
        measured.append(len(text))
        return elide(self, text, *args)

    monkeypatch.setattr(QFontMetrics, "elidedText", recording)
    add_posts(db_path, [{"guid": "big", "title": "Headline " * 600_000, "byline": "By " * 500_000,
                         "body": "Short body.", "published": START}])
    _open(qtbot, pane, runner, 1)
    pane.view.grab()
    assert measured and max(measured) <= 1_000


def test_relative_times():
    now = datetime(2023, 9, 12, 12, 0, tzinfo=UTC)
    assert relative_time(now - timedelta(minutes=12), now) == "12 min ago"
    assert relative_time(now - timedelta(hours=3), now) == "3 h ago"
    assert relative_time(now + timedelta(minutes=5), now) == "in 5 min"
    assert relative_time(now - timedelta(days=2), now) == "2 days ago"
    assert relative_time(now - timedelta(seconds=20), now) == "just now"


def test_source_filter(qtbot, pane, runner, db_path):
    add_posts(db_path, _posts(3))
    add_posts(db_path, _posts(2, start=3), source_key="test:other")
    _open(qtbot, pane, runner, 5)
    from monitor.service import Monitor

    with Monitor(db_path) as monitor:
        sources = [(s.id, s.key) for s in monitor.posts.sources()]
    pane.set_sources(sources)
    pane.set_source_filter(sources[1][0])
    qtbot.waitUntil(lambda: pane.model.feed_filter == FeedFilter(source_id=sources[1][0])
                    and not pane.model.loading, timeout=5000)
    assert pane.model.rowCount() == 2
    assert pane.model.index(0).data(FeedModel.SourceRole) == "test:other"


def test_an_empty_feed_says_why(qtbot, pane, runner, db_path):
    from monitor.service import Monitor

    Monitor(db_path).close()
    _open(qtbot, pane, runner, 0)
    qtbot.waitUntil(lambda: pane.view.empty_text.startswith("No posts yet"), timeout=5000)
    image = pane.view.viewport().grab().toImage()
    colours = {image.pixel(x, y) for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)}
    assert len(colours) > 2, "the empty list shows its message"
    pane.set_search("Khasan")
    qtbot.waitUntil(lambda: pane.view.empty_text == "No posts match “Khasan”.", timeout=5000)


def test_rows_render_at_high_dpi(qtbot, pane, runner, seeded_db):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap

    runner.db_path = seeded_db
    _open(qtbot, pane, runner, 5)
    viewport = pane.view.viewport()
    pixmap = QPixmap(viewport.size() * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill()
    painter = QPainter(pixmap)
    viewport.render(painter, QPoint())
    painter.end()
    image = pixmap.toImage()
    assert image.width() == viewport.width() * 2
    colours = {image.pixel(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)}
    assert len(colours) > 30, "text and marks are drawn at twice the pixels"


def test_term_spans_find_whole_words_from_their_start():
    from monitor.gui.feed_delegate import term_spans

    text = "Trains and a train; retrain."
    assert [text[s:e] for s, e in term_spans(text, ("train",))] == ["Trains", "train"]
    assert term_spans(text, ()) == []


def test_displaying_hostile_posts_makes_no_network_request(qtbot, pane, runner, db_path):
    """Scripts and remote images in a post are shown as text: the server they name hears nothing."""
    import http.server
    import threading

    hits: list[str] = []

    class Counting(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):  # keep the test output quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        body = (f'<script src="{base}/evil.js"></script><img src="{base}/pixel.png">'
                f'<link rel="stylesheet" href="{base}/style.css"> Text <a href="{base}/x">link</a>')
        ids = add_posts(db_path, [{"guid": "hostile", "title": f'<img src="{base}/title.png">',
                                   "body": body, "published": START}])
        _open(qtbot, pane, runner, 1)
        pane.view.grab()
        from monitor.service import Monitor

        with Monitor(db_path) as monitor:
            dialog = PostDialog(monitor.posts.post(ids[0]))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.grab()
        qtbot.wait(300)  # time for any request a renderer would have made
        assert base + "/pixel.png" in dialog.text.toPlainText()  # shown, as text
        assert hits == []
        # The server does answer: a request would have been seen.
        import urllib.request

        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        direct.open(base + "/probe", timeout=5).close()
        assert hits == ["/probe"]
    finally:
        server.shutdown()
        server.server_close()


def test_model_holds_ids_and_a_bounded_row_cache(qtbot, qtmodeltester, db_path):
    add_posts(db_path, _posts(40))
    runner = Runner(db_path)
    model = FeedModel(runner, page_size=10, cache_rows=15)
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    assert model.rowCount() == 40
    assert len(model.cache) <= 15  # every row's id is kept, not every post
    ids = [model.post_id_at(row) for row in range(40)]
    assert len(set(ids)) == 40
    # The top rows were dropped; asking for one reads its page again, and the view is told.
    assert model.cache.peek(ids[0]) is None
    assert model.index(0).data(FeedModel.PostRole) is None
    with qtbot.waitSignal(model.dataChanged, timeout=10000):
        pass
    post = model.post_at(0)
    assert post is not None and post.title == "Update 39" and post.id == ids[0]
    assert len(model.cache) <= 15
    qtmodeltester.check(model)
    runner.shutdown()


def _scrolled_to_the_end(qtbot, model: FeedModel) -> None:
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)  # a page asked for by someone else
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=10000)


def test_the_next_page_is_read_ahead_and_fetch_more_finds_it_waiting(qtbot, qtmodeltester, db_path):
    add_posts(db_path, _posts(7))
    runner = Runner(db_path)
    model = FeedModel(runner, page_size=3)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=10000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)  # the pages after it are read already
    assert model.canFetchMore()
    before = model.rowCount()
    model.fetchMore()
    assert model.rowCount() > before  # the rows were waiting: no read on a worker
    assert not model.loading
    _scrolled_to_the_end(qtbot, model)
    titles = [model.post_at(i).title for i in range(model.rowCount())]
    assert titles == [f"Update {i}" for i in range(6, -1, -1)]
    qtmodeltester.check(model)
    runner.shutdown()


def test_pages_read_ahead_pass_the_model_tester_as_they_come(qtbot, qtmodeltester, db_path):
    add_posts(db_path, _posts(25))
    runner = Runner(db_path)
    model = FeedModel(runner, page_size=3)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=10000)
    qtmodeltester.check(model)  # it watches the inserts that follow, and fetches pages itself
    _scrolled_to_the_end(qtbot, model)
    assert model.rowCount() == 25
    assert [model.post_at(i).title for i in range(25)] == [f"Update {i}" for i in range(24, -1, -1)]
    runner.shutdown()


def test_a_page_read_ahead_is_read_again_when_posts_change_under_it(qtbot, db_path):
    ids = add_posts(db_path, _posts(7))
    runner = Runner(db_path)
    model = FeedModel(runner, page_size=3)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=10000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    # Posts 3 and 2 were read ahead. Post 3 is edited, and a post published between them arrives.
    edited = _posts(1, start=3, body="The train was seen leaving.")
    add_posts(db_path, edited)
    late = dict(_posts(1, start=50)[0], guid="late", title="Late report",
                published=START + timedelta(minutes=2, seconds=30))
    add_posts(db_path, [late])
    model.refresh()
    qtbot.waitUntil(lambda: not runner.busy and model.total == 8, timeout=10000)
    _scrolled_to_the_end(qtbot, model)
    titles = [model.post_at(i).title for i in range(model.rowCount())]
    assert titles == ["Update 6", "Update 5", "Update 4", "Update 3", "Late report", "Update 2",
                      "Update 1", "Update 0"]
    assert model.post_at(3).body.startswith("The train was seen leaving.")
    assert model.post_id_at(3) == ids[3]
    runner.shutdown()
