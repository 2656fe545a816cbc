"""The post window says which fetched documents a post came from, and "Save evidence…" writes
its evidence bundle into a new folder that `sha256sum -c SHA256SUMS` verifies. A real store, a
real feed file, real widgets; only Qt's folder chooser is answered by the test."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _feedserver import GrowingFeed, Item
from PySide6.QtWidgets import QFileDialog

from monitor.gui.feed_pane import FeedPane
from monitor.gui.post_evidence import bundle_folder
from monitor.gui.workers import Runner
from monitor.service import Monitor

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
SHA256SUM = shutil.which("sha256sum")


@pytest.fixture
def pane(qtbot, db_path: Path, tmp_path: Path):
    page = tmp_path / "feed.xml"
    page.write_bytes(GrowingFeed(items=[
        Item("id-1", "Train reaches the border", "It reached the border at 08:00, a guard said.", T0),
    ]).render())
    with Monitor(db_path, create=True) as monitor:
        assert all(r.ok for r in monitor.ingest_path(page))
    runner = Runner(db_path)
    yield _feed_pane(qtbot, runner)
    runner.shutdown()


def _feed_pane(qtbot, runner: Runner) -> FeedPane:
    """The feed pane on the store, once its one row is shown."""
    pane = FeedPane()
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    pane.set_runner(runner)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1 and not pane.model.loading, timeout=15000)
    return pane


def _open(qtbot, pane: FeedPane):
    pane.open_post(0)
    dialog = pane.post_dialog
    qtbot.waitUntil(lambda: dialog.documents.isVisible(), timeout=5000)
    return dialog


def test_the_post_window_names_the_document_it_came_from(qtbot, pane, tmp_path):
    dialog = _open(qtbot, pane)
    text = dialog.documents.text()
    assert text.startswith("From 1 fetched document:")
    assert "version 1 · " in text and "feed.xml" in text and "SHA-256 " in text
    dialog.grab().save(str(tmp_path / "post-documents.png"))


@pytest.mark.skipif(SHA256SUM is None, reason="sha256sum (coreutils) not installed")
def test_save_evidence_writes_a_bundle_that_sha256sum_verifies(qtbot, pane, tmp_path, monkeypatch):
    chosen = tmp_path / "cases"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
    dialog = _open(qtbot, pane)
    dialog.evidence_button.click()
    qtbot.waitUntil(lambda: dialog.evidence_status.text().startswith("Evidence saved in"), timeout=10000)
    folders = list(chosen.iterdir())
    assert len(folders) == 1 and folders[0].name.startswith(f"evidence-post-{pane.model.post_id_at(0)}-")
    assert str(folders[0]) in dialog.evidence_status.text() and dialog.evidence_button.isEnabled()
    check = subprocess.run([SHA256SUM, "-c", "SHA256SUMS"], cwd=folders[0], capture_output=True,
                           text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    assert any(p.name.startswith("post-") for p in folders[0].iterdir())
    assert any((folders[0] / "documents").iterdir())
    # Saved again: a second folder, the first untouched.
    dialog.evidence_button.click()
    qtbot.waitUntil(lambda: len(list(chosen.iterdir())) == 2 and dialog.evidence_button.isEnabled(),
                    timeout=10000)


def test_a_folder_gone_before_saving_is_said_in_the_window(qtbot, pane, tmp_path, monkeypatch):
    gone = tmp_path / "unplugged-drive"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(gone))
    dialog = _open(qtbot, pane)
    dialog.evidence_button.click()
    qtbot.waitUntil(lambda: dialog.evidence_status.text().startswith("Evidence not saved:"), timeout=10000)
    assert str(gone) in dialog.evidence_status.text() and "no such folder" in dialog.evidence_status.text()
    assert dialog.evidence_button.isEnabled() and not gone.exists()


def test_a_bundle_folder_is_never_one_that_exists(tmp_path):
    when = T0 + timedelta(days=1)
    first = bundle_folder(tmp_path, 7, when)
    first.mkdir()
    second = bundle_folder(tmp_path, 7, when)
    assert first.name == "evidence-post-7-20260302T090000Z" and second.name == first.name + "-2"


@pytest.mark.skipif(SHA256SUM is None, reason="sha256sum (coreutils) not installed")
def test_evidence_with_its_copies_holds_every_source_that_carried_the_text(qtbot, db_path, tmp_path,
                                                                           monkeypatch):
    """A story in two sources: the post window offers the bundle with both copies, each with
    the document it came from, and sha256sum verifies it."""
    import json

    pages = []
    for desk in ("agency", "outlet"):
        page = tmp_path / f"{desk}.xml"
        page.write_bytes(GrowingFeed(items=[Item(
            f"{desk}-1", "Train reaches the border",
            "The armoured train reached the border crossing at eight in the morning, a guard at "
            "the station said, and was expected to leave again within the hour after a change "
            "of locomotives on the far side of the bridge.", T0)]).render())
        pages.append(page)
    with Monitor(db_path, create=True) as monitor:
        for page in pages:
            assert all(r.ok for r in monitor.ingest_path(page, source_key=f"file:{page.name}"))
    runner = Runner(db_path)
    try:
        pane = _feed_pane(qtbot, runner)
        chosen = tmp_path / "cases"
        chosen.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
        dialog = _open(qtbot, pane)
        qtbot.waitUntil(lambda: not dialog.evidence_copies.isHidden(), timeout=5000)
        assert dialog.evidence_copies.text() == "Save evidence with all 2 copies"
        dialog.grab().save(str(tmp_path / "post-copies.png"))
        dialog.evidence_copies.setChecked(True)
        dialog.evidence_button.click()
        qtbot.waitUntil(lambda: dialog.evidence_status.text().startswith("Evidence saved in"), timeout=10000)
        (folder,) = chosen.iterdir()
        assert folder.name.startswith("evidence-item-") and "2 copies" in dialog.evidence_status.text()
        check = subprocess.run([SHA256SUM, "-c", "SHA256SUMS"], cwd=folder, capture_output=True,
                               text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
        manifest = json.loads((folder / "manifest.json").read_text())
        assert len(manifest["posts"]) == 2
        assert len(list((folder / "documents").iterdir())) == 2  # each copy's own document
    finally:
        runner.shutdown()
