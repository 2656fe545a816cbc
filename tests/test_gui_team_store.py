"""The window on a team store (PostgreSQL): it opens on a URL with the password hidden, polls
nothing (the team's poller does), shows what other processes write as it arrives, and lives
through the server restarting. Real widgets (offscreen), a real PostgreSQL (the throwaway cluster
of `.ci/pg-cluster.sh`), a real poller against a real HTTP feed server on 127.0.0.1."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from _feedserver import GrowingFeed, Item
from conftest import SEED_ROUTE, open_main_window

from monitor.gui.team import store_name
from monitor.service import Monitor

ROOT = Path(__file__).resolve().parent.parent
#: A password in the URL: the test cluster trusts its socket and never asks for it, so it is
#: there only to be hidden from everything the window shows.
SECRET = "s3cret-pw"


def with_password(dsn: str) -> str:
    """``dsn`` with a password in its user part."""
    parts = urlsplit(dsn)
    user, host = parts.netloc.split("@", 1)
    return parts._replace(netloc=f"{user}:{SECRET}@{host}").geturl()


@pytest.fixture
def team_url(pg_dsn: str, seed_path: Path) -> str:
    """A team store holding the seed story, following its route; its URL holds a password."""
    url = with_password(pg_dsn)
    with Monitor(url) as monitor:
        monitor.set_route(SEED_ROUTE)
        assert all(r.ok for r in monitor.ingest_path(seed_path))
    return url


def shown_text(window) -> str:
    """Everything the window shows that names the store: title, status bar, About."""
    bar = window.statusBar()
    return "\n".join([window.windowTitle(), bar.currentMessage(), window.store_label.text(),
                      window.sources_label.text(), window.sources_label.toolTip(), window.about_text()])


@pytest.fixture
def team_window(qtbot, gui_settings, team_url):
    window = open_main_window(qtbot, gui_settings, team_url)
    qtbot.waitUntil(lambda: window.team is not None and window.team.listening, timeout=10000)
    yield window
    window.close()


def test_the_window_opens_on_a_team_store_with_the_password_hidden(team_window, team_url, tmp_path):
    window = team_window
    where = team_url.replace(SECRET, "***")
    assert window.feed.model.rowCount() > 0
    assert window.state.counts.quotes > 0
    text = shown_text(window)
    assert SECRET not in text
    assert where in window.windowTitle() and where in window.about_text()
    assert window.store_label.text() == f"Team store {store_name(where)} · live"
    assert where in html.unescape(window.store_label.toolTip())
    window.grab().save(str(tmp_path / "team-window.png"))


def test_the_window_polls_nothing_on_a_team_store(team_window, qtbot, server):
    """The rule: on a team store the window never polls (the team's `monitor watch` does), and
    says so; Refresh only looks for what was stored, and a source added is left to the poller."""
    window = team_window
    assert not window._poll_timer.isActive()
    feed = GrowingFeed([Item("g1", "Only a poller fetches this", "Body.")])
    feed_url = server.route("/feed.xml", feed)
    with qtbot.waitSignal(window.sourcesApplied, timeout=10000):
        window.add_source(feed_url, 60)
    assert any(s.source.url == feed_url for s in window.snapshot.sources)
    window.refresh()
    qtbot.wait(1500)
    assert server.hits("/feed.xml") == []
    assert "monitor watch" in window.sources_label.text()
    assert "monitor watch" in window.sources_pane.summary.text()


# -- live for everyone ---------------------------------------------------------------------------


def _watch_once(url: str) -> subprocess.CompletedProcess:
    """One round of a real `monitor watch` process on the team store."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "monitor", "watch", "--once", "--db", url], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)


def _post_id(url: str, guid: str) -> int:
    with Monitor(url) as monitor:
        found = [p.id for p in monitor.posts.posts() if p.guid == guid]
    assert len(found) == 1, found
    return found[0]


def _author(window, name: str) -> None:
    from dataclasses import replace

    window.apply_preferences(replace(window.prefs, author=name))


def _quote_row_tip(window, quote_id: int) -> str | None:
    """The inspector's tooltip for a quote's row (None when the quote is not listed)."""
    from PySide6.QtCore import Qt

    model = window.inspector.quote_model
    for row in range(model.rowCount()):
        if model.quote(row).id == quote_id:
            return model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    return None


def test_two_windows_show_a_pollers_posts_and_each_others_corrections(qtbot, gui_settings, team_url,
                                                                      server, tmp_path):
    from datetime import UTC, datetime

    from PySide6.QtCore import QSettings

    feed = GrowingFeed([])
    feed_url = server.route("/live.xml", feed)
    with Monitor(team_url) as monitor:
        monitor.add_source(feed_url, 60)
    a = open_main_window(qtbot, gui_settings, team_url)
    b = open_main_window(qtbot, QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat), team_url)
    try:
        for window in (a, b):
            qtbot.waitUntil(lambda w=window: w.team is not None and w.team.listening, timeout=10000)
        posts_before = b.state.counts.posts
        # A poller (a real `monitor watch` process) stores a new post; neither window polls.
        feed.add(Item("live-1", "Armoured train crosses the Tumen bridge",
                      "The train crossed the bridge at noon, witnesses said.", datetime.now(UTC)))
        done = _watch_once(team_url)
        assert done.returncode == 0, done.stderr
        assert "1 new" in done.stderr + done.stdout, done.stderr
        post_id = _post_id(team_url, "live-1")
        for window in (a, b):
            qtbot.waitUntil(lambda w=window: w.feed.model.row_of(post_id) is not None, timeout=10000)
            qtbot.waitUntil(lambda w=window: w.state.counts.posts == posts_before + 1, timeout=10000)
        assert [window._poll_timer.isActive() for window in (a, b)] == [False, False]
        assert len(feed.items) == 1 and feed.served_full == 1  # fetched by the poller alone

        # A correction made in window A reaches window B, signed, without B reading the whole
        # situation again.
        # The panes' reads after the new post are over in both windows.
        qtbot.waitUntil(lambda: _quiet(a) and _quiet(b), timeout=30000)
        qtbot.wait(300)
        qtbot.waitUntil(lambda: _quiet(a) and _quiet(b), timeout=30000)
        quote = next(q for q in a.state.situation.quotes if q.speaker_id is not None)
        other = next(s for s in a.state.speakers if s.id != quote.speaker_id)
        _author(a, "Alice Analyst")
        b_snapshots = []
        b.snapshotApplied.connect(b_snapshots.append)
        with qtbot.waitSignal(b.quotesApplied, timeout=10000):
            a.inspector.reassignRequested.emit(quote.id, other.id)
        qtbot.waitUntil(lambda: _b_shows(b, quote.id, other.id), timeout=5000)
        tip = _quote_row_tip(b, quote.id)
        assert tip is not None and re.search(r"corrected by Alice Analyst, \w", tip), tip  # who, when
        assert "corrected by Alice Analyst" in (_quote_row_tip(a, quote.id) or "")
        assert b_snapshots == []  # the quote side alone was read, no full reset
    finally:
        for window in (a, b):
            window.close()


def _quiet(window) -> bool:
    """No read or write under way or due in ``window``."""
    return not (window.runner.busy or window._snapshot_busy or window._panes_settle.isActive()
                or window._feed_settle.isActive())


def _b_shows(window, quote_id: int, speaker_id: int) -> bool:
    situation = window.state.situation
    if situation is None:
        return False
    found = [q for q in situation.quotes if q.id == quote_id]
    return bool(found) and found[0].speaker_id == speaker_id and found[0].corrected_by is not None


def _open_dialogs(window) -> list:
    from PySide6.QtWidgets import QMessageBox

    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


# -- the server restarting under a window -----------------------------------------------------------


def restart_cluster() -> None:
    """Restart the test cluster as `.ci/pg-cluster.sh` runs it (its owner, fast shutdown)."""
    folder, bin_dir = os.environ.get("MONITOR_TEST_PG_DIR"), os.environ.get("MONITOR_TEST_PG_BIN")
    if not folder or not bin_dir:
        pytest.skip("MONITOR_TEST_PG_DIR/MONITOR_TEST_PG_BIN not set: run under `.ci/pg-cluster.sh with`")
    command = [str(Path(bin_dir) / "pg_ctl"), "-D", str(Path(folder) / "data"), "-l",
               str(Path(folder) / "server.log"), "-m", "fast", "-w", "-t", "60", "restart"]
    if os.geteuid() == 0:  # the cluster runs as postgres (initdb refuses root)
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_window_lives_through_the_server_restarting(team_window, team_url, qtbot, tmp_path):
    from datetime import UTC, datetime

    from monitor.model import ParsedPost, ParseResult

    window = team_window
    rows_before = window.feed.model.rowCount()
    where = team_url.replace(SECRET, "***")
    seen: list[tuple[bool, str, str]] = []

    def changed(up: bool) -> None:
        seen.append((up, window.store_label.text(), window.statusBar().currentMessage()))
        window.grab().save(str(tmp_path / f"team-{'reconnected' if up else 'lost'}.png"))

    window.connectionChanged.connect(changed)
    restarting = threading.Thread(target=restart_cluster)
    started = time.monotonic()
    restarting.start()
    qtbot.waitUntil(lambda: any(not up for up, *_ in seen), timeout=30000)
    # What it showed is still there while the store is away.
    assert window.feed.model.rowCount() == rows_before
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0], timeout=60000)
    restarting.join(timeout=120)
    print(f"lost and reconnected in {time.monotonic() - started:.2f} s")
    label, message = next(text for up, *text in seen if not up)
    assert label.startswith(f"⚠ Team store {store_name(where)}: connection lost, reconnecting in")
    assert message.startswith(f"Connection to {where} lost (") and "reconnecting in" in message
    assert seen[-1][1] == f"Team store {store_name(where)} · reconnected"
    assert seen[-1][2] == f"Reconnected to {where}"
    assert all(SECRET not in label + message for _, label, message in seen)
    assert _open_dialogs(window) == []
    assert window.team is not None and window.team.listening

    # A post written after the restart, by another program, reaches the window.
    post = ParsedPost(guid="after-1", title="Written after the restart", body="The store came back.",
                      published=datetime.now(UTC), published_precision="minute")
    with Monitor(team_url) as monitor:
        report = monitor.ingest_result(ParseResult(kind="test", posts=(post,), title="After"), "after",
                                       source_key="test:after-restart", url="test:after")
    assert report.ok and report.added == 1, report.summary()
    post_id = _post_id(team_url, "after-1")
    qtbot.waitUntil(lambda: window.feed.model.row_of(post_id) is not None, timeout=10000)
    assert _open_dialogs(window) == []



# -- the command -----------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["--db", "MONITOR_DB"])
def test_monitor_opens_the_window_on_a_team_store(team_url, tmp_path, how):
    """`monitor --db postgresql://…` and `MONITOR_DB=postgresql://… monitor` open the window on
    the team store (before, both refused a URL); its log names the store with the password
    hidden; SIGTERM closes it as the close button does."""
    import signal

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    args = [sys.executable, "-m", "monitor"]
    if how == "--db":
        args += ["--db", team_url]
    else:
        env["MONITOR_DB"] = team_url
    app = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = tmp_path / "state" / "situation-monitor" / "monitor.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            if log.is_file() and "listening for the team's changes" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert app.poll() is None, app.communicate()
        app.send_signal(signal.SIGTERM)
        out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    text = log.read_text(encoding="utf-8")
    assert f"{team_url.replace(SECRET, '***')}: listening for the team's changes" in text
    assert app.returncode == 128 + signal.SIGTERM, err
    assert SECRET not in text + out + err and "Traceback" not in err


def test_switching_between_a_file_and_a_team_store(qtbot, gui_settings, seeded_db, team_url):
    """From a file (polled by the window) to a team store (polled by nobody here, listened to)
    and back: the poll timer and the listener follow the store open."""
    window = open_main_window(qtbot, gui_settings, seeded_db)
    try:
        assert window._poll_timer.isActive() and window.team is None
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            window.open_database(team_url)
        qtbot.waitUntil(lambda: window.team is not None and window.team.listening, timeout=10000)
        listener = window.team.listener
        assert not window._poll_timer.isActive()
        assert gui_settings.value("last_db") == str(seeded_db)  # a URL is never kept
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            window.open_database(seeded_db)
        assert window.team is None and window._poll_timer.isActive()
        assert window.store_label.text() == "" and SECRET not in window.windowTitle()
        assert listener is not None and not listener._thread.is_alive()
    finally:
        window.close()


def test_a_read_that_finds_the_store_gone_says_so_though_the_listener_did_not(team_window, team_url,
                                                                             pg_server, qtbot):
    """The window's reading connections are dropped and no new one is let in, while its
    listener's connection lives on: the failed read is enough for the window to say the
    connection is lost and to reconnect once the store lets it in again."""
    import psycopg

    window = team_window
    name = urlsplit(team_url).path.lstrip("/")
    states: list[bool] = []
    window.connectionChanged.connect(states.append)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'alter database "{name}" allow_connections false')
        try:
            admin.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = %s "
                          "and query not ilike 'listen%%'", [name])
            window.refresh_panes()
            qtbot.waitUntil(lambda: states == [False], timeout=20000)
            assert "connection lost" in window.store_label.text()
            assert _open_dialogs(window) == []
        finally:
            admin.execute(f'alter database "{name}" allow_connections true')
    qtbot.waitUntil(lambda: states == [False, True], timeout=60000)
    assert window.team.listening and "reconnected" in window.store_label.text()


@pytest.mark.parametrize("case", ["no such database", "no store in it"])
def test_a_team_store_that_cannot_be_opened_is_named_with_the_password_hidden(qtbot, gui_settings, pg_dsn,
                                                                              case):
    from monitor.gui.app import make_application
    from monitor.gui.main_window import MainWindow

    url = with_password(pg_dsn)
    if case == "no such database":
        url = url.replace(urlsplit(url).path, "/no_such_database_here")
    make_application([])
    window = MainWindow(gui_settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.openFailed, timeout=30000) as failed:
        window.open_database(url)
    text = failed.args[0]
    expected = "does not exist" if case == "no such database" else "holds no Situation Monitor store"
    assert expected in text and url.replace(SECRET, "***").split("?")[0] in text
    shown = [text, window.statusBar().currentMessage(), window.windowTitle(),
             *(box.text() for box in _open_dialogs(window))]
    assert all(SECRET not in part for part in shown) and len(shown) == 4
    assert window.team is None and not window._poll_timer.isActive()
    window.close()


def test_a_search_on_a_team_store_answers_and_the_feed_comes_back(team_window, qtbot):
    """The feed's text filter on PostgreSQL lists the matches, with no message and no dialog;
    cleared, the feed reads its posts again."""
    window = team_window
    feed = window.feed
    rows = feed.model.rowCount()
    errors: list[str] = []
    feed.model.errorOccurred.connect(errors.append)
    feed.set_search("Kirby")  # in one of the seed's posts
    qtbot.waitUntil(lambda: bool(errors) or (not feed.model.loading and 0 < feed.model.rowCount() < rows),
                    timeout=10000)
    assert errors == []
    assert 0 < feed.model.rowCount() < rows and not feed.message.isVisible()
    assert _open_dialogs(window) == []
    feed.set_search("")
    qtbot.waitUntil(lambda: feed.model.rowCount() == rows, timeout=10000)
    qtbot.waitUntil(lambda: feed.message.text() == "", timeout=5000)


def test_an_import_in_the_window_writes_the_team_store(team_window, team_url, qtbot, tmp_path):
    """File → Import runs in the ingest process, which opens the team store's URL itself (kept as
    the string it is, never folded into a file path)."""
    from conftest import KHASAN_PAGE

    window = team_window
    rows = window.feed.model.rowCount()
    page = tmp_path / "khasan.txt"
    page.write_text(KHASAN_PAGE, encoding="utf-8")
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: window.feed.model.rowCount() == rows + 1, timeout=60000)
    with Monitor(team_url) as monitor:
        assert any(p.title == "Train reaches Khasan after wheel change" for p in monitor.posts.posts())
    assert _open_dialogs(window) == []


def test_closing_the_window_while_it_reconnects_leaves_no_listener(team_window, qtbot):
    """A try to listen again that is under way when the window closes: the listener it starts
    is stopped too, though its answer never reaches the window."""
    window = team_window
    window.team._try()  # as after a lost connection: a job on the writer thread starts a listener
    window.close()
    qtbot.waitUntil(lambda: not any(t.name == "pg-change-listener" for t in threading.enumerate()),
                    timeout=10000)
