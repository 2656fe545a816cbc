"""File → Open team store and File → Open recent on a team store: the dialog splits a pasted
URL, opens a good store, keeps a failure in the dialog for a fix, never keeps a password, and
asks for one only when the server wants it. Real widgets (offscreen) and a real PostgreSQL (the
throwaway cluster of `.ci/pg-cluster.sh`; run under `bash .ci/pg-cluster.sh with …`)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SEED_ROUTE, open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from shiboken6 import isValid

from monitor.gui.team import store_name
from monitor.service import Monitor, StoreAddress, join_url, split_url, without_password

SECRET = "s3cret-pw"
#: A role the server asks a password of (only for the test that changes pg_hba.conf).
PW_ROLE = "monitor_pw_analyst"
PW_SECRET = "pw-0f-the-analyst"


def with_user(dsn: str, user: str, password: str = "") -> str:
    parts = split_url(dsn)
    return join_url(StoreAddress(parts.host, parts.port, parts.database, user, password, parts.options))


@pytest.fixture
def team_dsn(pg_dsn: str, seed_path: Path) -> str:
    """A team store holding the seed story (the test cluster trusts its socket: no password)."""
    with Monitor(pg_dsn) as monitor:
        monitor.set_route(SEED_ROUTE)
        assert all(r.ok for r in monitor.ingest_path(seed_path))
    return pg_dsn


@pytest.fixture
def file_window(qtbot, gui_settings, seeded_db):
    """A window open on a database file, as a user has it before opening a team store."""
    window = open_main_window(qtbot, gui_settings, seeded_db)
    yield window
    window.close()


def fill(qtbot, dialog, address: StoreAddress) -> None:
    """Type ``address`` into the dialog's fields, as a user does."""
    for field, value in ((dialog.host, address.host), (dialog.port, address.port),
                         (dialog.database, address.database), (dialog.user, address.user),
                         (dialog.password, address.password)):
        field.clear()
        qtbot.keyClicks(field, value)


def click_open(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)


def settings_text(settings) -> str:
    settings.sync()
    return Path(settings.fileName()).read_text(encoding="utf-8")


def test_a_pasted_url_fills_the_parts_and_the_url_shows_no_password(qtbot):
    from monitor.gui.app import make_application
    from monitor.gui.team_dialog import TeamStoreDialog

    make_application([])
    dialog = TeamStoreDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().setText(f"postgresql://ann:{SECRET}@db.example.org:5433/story?sslmode=require")
    dialog.url.setFocus()
    dialog.url.paste()
    assert (dialog.host.text(), dialog.port.text(), dialog.database.text(), dialog.user.text()) == \
        ("db.example.org", "5433", "story", "ann")
    assert dialog.password.text() == SECRET
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    # Moved out of the URL field at once, never shown in clear.
    assert dialog.url.text() == "postgresql://ann@db.example.org:5433/story?sslmode=require"
    # A part typed fills the URL (the options pasted are kept).
    dialog.database.clear()
    qtbot.keyClicks(dialog.database, "other")
    assert dialog.url.text() == "postgresql://ann@db.example.org:5433/other?sslmode=require"
    assert "pgpass" in dialog.help.text()
    with qtbot.waitSignal(dialog.openRequested) as asked:
        click_open(qtbot, dialog)
    assert asked.args == [f"postgresql://ann:{SECRET}@db.example.org:5433/other?sslmode=require"]


def test_a_port_that_is_not_a_number_is_said_in_the_dialog(qtbot):
    from monitor.gui.app import make_application
    from monitor.gui.team_dialog import TeamStoreDialog

    make_application([])
    dialog = TeamStoreDialog(url="postgresql://ann@db/story")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.port, "54x")
    with qtbot.assertNotEmitted(dialog.openRequested):
        click_open(qtbot, dialog)
    assert dialog.error.isVisible() and "54x" in dialog.error.text()


def test_open_team_store_has_a_shortcut_of_its_own(file_window):
    keys: dict[str, str] = {}
    for action in file_window.findChildren(type(file_window.act_open_team)):
        key = action.shortcut().toString()
        if key and action.shortcutContext() == Qt.ShortcutContext.WindowShortcut:
            assert key not in keys, f"{key} is both {keys[key]} and {action.text()}"
            keys[key] = action.text()
    assert file_window.act_open_team.shortcut() == QKeySequence("Ctrl+Shift+T")
    file_menu = file_window.menuBar().actions()[0].menu()
    assert file_window.act_open_team in file_menu.actions()
    assert file_window.recent_menu.menuAction() in file_menu.actions()


def test_the_dialog_opens_a_good_store_and_keeps_no_password(file_window, team_dsn, gui_settings, qtbot,
                                                             caplog, tmp_path):
    window = file_window
    caplog.set_level(logging.DEBUG)
    dialog = window.open_team_store()
    assert dialog.isVisible()
    address = split_url(with_user(team_dsn, "postgres", SECRET))
    fill(qtbot, dialog, address)
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        click_open(qtbot, dialog)
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # closed, and gone with the password
    assert window._team_dialog is None
    assert window.on_team_store and window.feed.model.rowCount() > 0
    kept = without_password(with_user(team_dsn, "postgres"))
    # Nowhere kept or shown: the settings file read back, the recent list, the title, the log.
    assert SECRET not in settings_text(gui_settings)
    assert window.recent_targets()[0] == kept
    assert window.recent_targets()[1:] == [str(window.settings.value("last_db"))]
    entry = window.recent_menu.actions()[0]
    assert entry.text() == f"&1 Team store {store_name(kept)}"
    assert entry.toolTip() == kept
    assert all(SECRET not in a.text() + a.toolTip() for a in window.recent_menu.actions())
    assert SECRET not in window.windowTitle() and SECRET not in window.about_text()
    assert SECRET not in caplog.text


def test_a_wrong_database_is_said_in_the_dialog_which_stays_open_for_a_fix(file_window, team_dsn, qtbot):
    window = file_window
    dialog = window.open_team_store()
    good = split_url(with_user(team_dsn, "postgres", SECRET))
    fill(qtbot, dialog, StoreAddress(good.host, good.port, "no_such_store", good.user, SECRET))
    with qtbot.waitSignal(window.openFailed, timeout=15000):
        click_open(qtbot, dialog)
    assert dialog.isVisible() and window._team_dialog is dialog
    assert dialog.error.isVisible()
    assert "no_such_store" in dialog.error.text() and "does not exist" in dialog.error.text()
    assert SECRET not in dialog.error.text() and "***" in dialog.error.text()
    assert dialog.open_button.isEnabled()
    assert getattr(window, "error_box", None) is None  # the dialog says it; no second box
    # The typo fixed, the same dialog opens the store.
    dialog.database.clear()
    qtbot.keyClicks(dialog.database, good.database)
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        click_open(qtbot, dialog)
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)
    assert window.on_team_store and good.database in window.windowTitle()


def test_cancelling_after_a_failed_try_opens_again_what_was_open(file_window, team_dsn, seeded_db, qtbot):
    window = file_window
    dialog = window.open_team_store()
    good = split_url(team_dsn)
    fill(qtbot, dialog, StoreAddress(good.host, good.port, "no_such_store", good.user))
    with qtbot.waitSignal(window.openFailed, timeout=15000):
        click_open(qtbot, dialog)
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        dialog.reject()
    assert window.db_path == seeded_db and window.feed.model.rowCount() > 0


def test_a_recent_team_store_opens_again_without_a_dialog(file_window, team_dsn, seeded_db, qtbot):
    window = file_window
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        window.open_database(with_user(team_dsn, "postgres", SECRET))
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        window.open_database(seeded_db)
    kept = without_password(team_dsn)
    entry = next(a for a in window.recent_menu.actions() if a.data() == kept)
    with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
        entry.trigger()
    assert window.db_path == kept and window._team_dialog is None
    qtbot.waitUntil(lambda: window.team is not None and window.team.listening, timeout=10000)
    assert window.recent_targets()[:2] == [kept, str(seeded_db)]


# -- a server that wants a password -------------------------------------------------------------


@pytest.fixture
def password_role(pg_server: str):
    """A role the test cluster asks a password of (scram-sha-256 on its socket), put first in
    pg_hba.conf and taken out again after the test."""
    import psycopg

    folder = os.environ.get("MONITOR_TEST_PG_DIR")
    if not folder:
        pytest.skip("MONITOR_TEST_PG_DIR not set: run under `.ci/pg-cluster.sh with`")
    hba = Path(folder) / "data" / "pg_hba.conf"
    before = hba.read_text(encoding="utf-8")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"create role {PW_ROLE} login superuser password '{PW_SECRET}'")
        hba.write_text(f"local all {PW_ROLE} scram-sha-256\n" + before, encoding="utf-8")
        admin.execute("select pg_reload_conf()")
    yield PW_ROLE
    with psycopg.connect(pg_server, autocommit=True) as admin:
        hba.write_text(before, encoding="utf-8")
        admin.execute("select pg_reload_conf()")
        for database in [r[0] for r in admin.execute(
                "select datname from pg_database where datname like 't\\_%'").fetchall()]:
            admin.execute(f'revoke all on database "{database}" from {PW_ROLE}')
        admin.execute(f"drop owned by {PW_ROLE}")
        admin.execute(f"drop role {PW_ROLE}")


def test_a_recent_store_asks_for_a_password_only_when_the_server_wants_one(
        qtbot, gui_settings, seeded_db, team_dsn, password_role, caplog):
    caplog.set_level(logging.DEBUG)
    kept = without_password(with_user(team_dsn, password_role))
    gui_settings.setValue("recent", [kept])
    window = open_main_window(qtbot, gui_settings, seeded_db)
    try:
        entry = next(a for a in window.recent_menu.actions() if a.data() == kept)
        with qtbot.waitSignal(window.openFailed, timeout=15000):
            entry.trigger()  # tried without a password first: the server wants one
        dialog = window._team_dialog
        assert dialog is not None and dialog.isVisible()
        assert "password" in dialog.error.text() and "~/.pgpass" in dialog.error.text()
        assert dialog.user.text() == password_role and dialog.password.text() == ""
        assert getattr(window, "error_box", None) is None
        # A wrong password is said as the server says it, the password hidden.
        qtbot.keyClicks(dialog.password, "not-the-password")
        with qtbot.waitSignal(window.openFailed, timeout=15000):
            click_open(qtbot, dialog)
        assert "password authentication failed" in dialog.error.text()
        assert "not-the-password" not in dialog.error.text() and dialog.isVisible()
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, PW_SECRET)
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            click_open(qtbot, dialog)
        assert window.on_team_store and window.feed.model.rowCount() > 0
        assert window.recent_targets()[0] == kept
        assert PW_SECRET not in settings_text(gui_settings)
        assert PW_SECRET not in caplog.text and "not-the-password" not in caplog.text
        assert PW_SECRET not in window.windowTitle()
    finally:
        window.close()
        if window.runner is not None:
            window.runner.shutdown()
    assert urlsplit(kept).password is None


def test_cancelling_the_password_asked_for_opens_again_what_was_open(qtbot, gui_settings, seeded_db, team_dsn,
                                                                    password_role):
    kept = without_password(with_user(team_dsn, password_role))
    gui_settings.setValue("recent", [kept])
    window = open_main_window(qtbot, gui_settings, seeded_db)
    try:
        entry = next(a for a in window.recent_menu.actions() if a.data() == kept)
        with qtbot.waitSignal(window.openFailed, timeout=15000):
            entry.trigger()
        assert window._team_dialog is not None
        with qtbot.waitSignal(window.snapshotApplied, timeout=15000):
            window._team_dialog.reject()
        assert window.db_path == seeded_db and window.feed.model.rowCount() > 0
    finally:
        window.close()
        if window.runner is not None:
            window.runner.shutdown()
