"""The speaker & quote inspector: models, selection, activation and the analyst's corrections."""

from __future__ import annotations

import pytest
from gui_samples import quotes_by_speaker, rejected, sample_quotes, sample_speakers, seed_posts
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from monitor.gui.inspector import (
    ID_ROLE,
    InspectorPane,
    MergeDialog,
    QuoteTableModel,
    ReassignDialog,
    SpeakerTableModel,
    kind_colour,
    quote_display,
    quote_html,
    quote_segments,
)
from monitor.model import Quote


@pytest.fixture
def posts():
    return {p.id: p for p in seed_posts()}


@pytest.fixture
def pane(qtbot, posts):
    widget = InspectorPane()
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.set_speakers(sample_speakers())
    widget.set_quotes(sample_quotes(), posts)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_models_pass_the_model_tester(qtmodeltester, posts):
    speakers = SpeakerTableModel()
    speakers.set_speakers(sample_speakers())
    qtmodeltester.check(speakers)
    quotes = QuoteTableModel()
    quotes.set_speaker_names(sample_speakers())
    quotes.set_quotes(sample_quotes(), posts)
    qtmodeltester.check(quotes)
    empty = QuoteTableModel()
    qtmodeltester.check(empty)


def test_proxies_pass_the_model_tester(qtmodeltester, pane):
    pane.filter_edit.setText("spokes")
    qtmodeltester.check(pane.speaker_proxy)
    qtmodeltester.check(pane.quote_proxy)


def test_speaker_table_shows_the_columns_and_sorts_counts_as_numbers(pane):
    proxy = pane.speaker_proxy
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert headers == ["Name", "Role", "Organisation", "Kind", "Quotes"]
    pane.speaker_view.sortByColumn(SpeakerTableModel.QUOTES, Qt.SortOrder.DescendingOrder)
    counts = [proxy.index(r, SpeakerTableModel.QUOTES).data() for r in range(proxy.rowCount())]
    assert counts == sorted((s.quote_count for s in sample_speakers()), reverse=True)
    pane.speaker_view.sortByColumn(SpeakerTableModel.NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == sorted((s.name for s in sample_speakers()), key=str.casefold)


def test_filter_box_matches_name_role_and_organisation(pane):
    proxy = pane.speaker_proxy
    pane.filter_edit.setText("spokesman")
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} == {"Dmitry Peskov", "John Kirby"}
    pane.filter_edit.setText("PENTAGON")
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} == {"Patrick Ryder", "the Pentagon"}
    pane.filter_edit.clear()
    assert proxy.rowCount() == len(sample_speakers())


def test_selecting_a_speaker_emits_its_id_and_clearing_emits_none(pane, qtbot):
    proxy = pane.speaker_proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Dmitry Peskov")
    rect = pane.speaker_view.visualRect(proxy.index(row, 0))
    with qtbot.waitSignal(pane.speakerSelected, timeout=1000) as blocker:
        qtbot.mouseClick(pane.speaker_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1]
    with qtbot.waitSignal(pane.speakerSelected, timeout=1000) as blocker:
        pane.select_speaker(None)
    assert blocker.args == [None]


def test_selection_survives_fresh_speakers_without_a_second_signal(pane, qtbot):
    pane.select_speaker(3)
    with qtbot.assertNotEmitted(pane.speakerSelected):
        pane.set_speakers(sample_speakers())
    assert pane.selected_speaker().name == "Patrick Ryder"


def test_quote_table_columns_and_one_speaker_hides_the_speaker_column(pane, posts):
    model = pane.quote_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Kind", "Quote", "Speaker", "Cue", "Outlet", "Conf.", "Posted"]
    assert not pane.quote_view.isColumnHidden(QuoteTableModel.SPEAKER)
    pane.select_speaker(3)
    pane.set_quotes(quotes_by_speaker(3), posts)
    assert pane.quote_view.isColumnHidden(QuoteTableModel.SPEAKER)
    assert pane.quotes_title.text() == "Quotes — Patrick Ryder (4)"
    row = next(r for r in range(model.rowCount()) if model.quote(r).id == 8)
    values = [model.index(row, c).data() for c in range(model.columnCount())]
    assert values[0] == "direct"
    assert values[1] == "“We do expect some type of meeting,”"
    assert values[3:6] == ["said", "CBS", "97%"]
    assert values[6] == "11 Sep"  # the seed's posts carry only a date


def test_activating_a_quote_emits_its_post_and_span(pane, qtbot, posts):
    pane.select_speaker(1)
    pane.set_quotes(quotes_by_speaker(1), posts)
    proxy = pane.quote_proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ID_ROLE) == 6)
    index = proxy.index(row, QuoteTableModel.TEXT)
    pane.quote_view.scrollTo(index)
    rect = pane.quote_view.visualRect(index)
    viewport = pane.quote_view.viewport()
    with qtbot.waitSignal(pane.quoteActivated, timeout=1000) as blocker:
        # A real double click: press and release, then the double-click event.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    post_id, start, end = blocker.args
    assert post_id == 2
    # the whole attribution (the reported clause) is shown, its quoted words inside it
    assert posts[2].body[start:end].startswith("the two leaders will continue their communications")
    assert "“one-on-one format”" in posts[2].body[start:end]


def test_reassign_through_the_dialog(pane, qtbot):
    pane.select_quote(1)  # "The two leaders will likely discuss…", from a US official
    dialog = pane.open_reassign_dialog()
    assert isinstance(dialog, ReassignDialog) and dialog.isVisible()
    assert not dialog.confirm_button.isEnabled()  # nothing chosen yet
    with pytest.raises(ValueError, match="speaker 6"):
        dialog.choose(6)  # the current speaker is not offered
    dialog.choose(2)
    assert dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(pane.reassignRequested, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1, 2]


def test_cancelled_dialogs_emit_nothing(pane, qtbot):
    pane.select_quote(2)
    dialog = pane.open_reassign_dialog()
    dialog.choose(1)
    with qtbot.assertNotEmitted(pane.reassignRequested):
        dialog.reject()
    box = pane.open_reject_dialog()
    with qtbot.assertNotEmitted(pane.rejectRequested):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)


def test_merge_through_the_dialog_keeps_the_chosen_speaker(pane, qtbot):
    pane.select_speaker(4)  # "the Kremlin"
    dialog = pane.open_merge_dialog()
    assert isinstance(dialog, MergeDialog)
    offered = {dialog.combo.itemData(i) for i in range(dialog.combo.count())} - {None}
    assert offered == {1, 2, 3, 5, 6}
    dialog.choose(1)
    with qtbot.waitSignal(pane.mergeRequested, timeout=1000) as blocker:
        dialog.accept()
    assert blocker.args == [1, 4]  # keep Peskov, merge the Kremlin into him


def test_reject_asks_first_then_emits(pane, qtbot):
    pane.select_quote(11)
    box = pane.open_reject_dialog()
    assert isinstance(box, QMessageBox)
    assert "perpetuate this needless war" in box.informativeText()
    button = next(b for b in box.buttons() if b.text() == "Reject quote")
    with qtbot.waitSignal(pane.rejectRequested, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [11]


def test_rejected_quote_is_shown_struck_and_cannot_be_rejected_again(pane, posts):
    quotes = [rejected(q) if q.id == 11 else q for q in sample_quotes()]
    pane.set_quotes(quotes, posts)
    pane.select_quote(11)
    model = pane.quote_model
    row = next(r for r in range(model.rowCount()) if model.quote(r).id == 11)
    assert model.index(row, QuoteTableModel.TEXT).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "✎" in model.index(row, QuoteTableModel.KIND).data()
    assert not pane.reject_button.isEnabled()
    assert pane.open_reject_dialog() is None


def test_context_menus_offer_the_corrections(pane, qtbot):
    pane.select_quote(9)
    actions = {a.text(): a for a in pane.quote_menu().actions() if a.text()}
    assert list(actions) == ["Go to post", "Reassign speaker…", "Reject quote…", "Copy text"]
    with qtbot.waitSignal(pane.quoteActivated, timeout=1000) as blocker:
        actions["Go to post"].trigger()
    assert blocker.args[0] == 4
    actions["Reassign speaker…"].trigger()
    assert isinstance(pane.dialog, ReassignDialog)
    pane.dialog.reject()
    pane.select_speaker(2)
    speaker_actions = {a.text(): a for a in pane.speaker_menu().actions()}
    speaker_actions["Merge into another speaker…"].trigger()
    assert isinstance(pane.dialog, MergeDialog) and pane.dialog.merge.name == "John Kirby"


def test_render_has_content(pane, posts, tmp_path):
    pane.select_speaker(3)
    pane.set_quotes(quotes_by_speaker(3), posts)
    pane.select_quote(8)
    path = tmp_path / "inspector.png"
    assert pane.grab().save(str(path))
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 30
    # The kind colour of "direct" is painted (as antialiased text) in the quote table.
    direct = kind_colour("direct")
    assert isinstance(direct, QColor)
    found = 0
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = QColor(image.pixel(x, y))
            if (abs(pixel.red() - direct.red()) < 40 and abs(pixel.green() - direct.green()) < 40
                    and abs(pixel.blue() - direct.blue()) < 40):
                found += 1
    assert found > 20


def test_owner_may_refresh_speakers_in_answer_to_a_selection(pane, qtbot, posts):
    # The main window reloads speakers and quotes when one is selected; that must not pull the
    # model out from under the view while it is still handling the click.
    pane.speakerSelected.connect(
        lambda sid: (pane.set_speakers(sample_speakers()),
                     pane.set_quotes(quotes_by_speaker(sid) if sid else sample_quotes(), posts))
    )
    proxy = pane.speaker_proxy
    for name in ("John Kirby", "Patrick Ryder"):
        row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
        rect = pane.speaker_view.visualRect(proxy.index(row, 0))
        with qtbot.waitSignal(pane.speakerSelected, timeout=1000):
            qtbot.mouseClick(pane.speaker_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert pane.selected_speaker().name == name
        assert pane.quotes_title.text().startswith(f"Quotes — {name}")


def test_quote_sorting_happens_in_the_model_and_keeps_the_selection(pane, qtmodeltester):
    view, proxy = pane.quote_view, pane.quote_proxy
    conf = QuoteTableModel.CONFIDENCE
    quotes = sample_quotes()
    chosen = min(quotes, key=lambda q: q.confidence)
    pane.select_quote(chosen.id)
    view.sortByColumn(conf, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    by_id = {q.id: q for q in quotes}
    assert [by_id[i].confidence for i in shown] == sorted((q.confidence for q in quotes), reverse=True)
    assert pane.selected_quote().id == chosen.id
    # New rows keep the column and order the user chose.
    pane.set_quotes(list(reversed(quotes)), {})
    again = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
    assert [by_id[i].confidence for i in again] == sorted((q.confidence for q in quotes), reverse=True)
    qtmodeltester.check(pane.quote_model)


def test_quoted_parts_are_shown_as_quoted_and_the_rest_as_reported(pane, posts):
    peskov = next(q for q in sample_quotes() if q.id == 4)
    assert [words for words, quoted in quote_segments(peskov) if quoted] == ["strengthen", "friendship"]
    html = quote_html(peskov)
    assert html.startswith("<i>the upcoming talks between North Korea’s Kim Jong Un")
    assert "<i>” the “</i>friendship<i>” between the two nations</i>" in html
    assert quote_display(peskov) == peskov.text  # reported: no marks added around the clause
    pane.select_speaker(1)
    pane.set_quotes(quotes_by_speaker(1), posts)
    pane.select_quote(4)
    assert "</i>strengthen<i>" in pane.detail.text()
    tooltip = pane.quote_model.index(0, QuoteTableModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "strengthen" in tooltip and "<i>" in tooltip


def test_a_direct_statement_over_two_quotations_shows_its_frame_as_reported():
    text = "We will win,” said Ann Lee. “And soon."
    quote = Quote(1, 1, 1, "direct", text, 10, 10 + len(text), parts=((10, 21), (39, 48)))
    assert quote_html(quote) == "“We will win<i>,” said Ann Lee. “</i>And soon.”"
    plain = Quote(2, 1, 1, "direct", "<b>not bold</b>", 0, 15)
    assert quote_html(plain) == "“&lt;b&gt;not bold&lt;/b&gt;”"  # post text is inert
    reported = Quote(3, 1, 1, "indirect", "the talks failed", 0, 16)
    assert quote_html(reported) == "<i>the talks failed</i>"


def test_a_narrow_quote_table_leaves_out_the_side_columns_and_a_wide_one_shows_them(pane, qtbot):
    side = (QuoteTableModel.CUE, QuoteTableModel.OUTLET, QuoteTableModel.CONFIDENCE,
            QuoteTableModel.POSTED)
    pane.resize(360, 640)
    qtbot.waitUntil(lambda: all(pane.quote_view.isColumnHidden(c) for c in side))
    # The quote keeps most of the width rather than wrapping a word a line.
    text = pane.quote_view.columnWidth(QuoteTableModel.TEXT)
    assert text >= 0.5 * pane.quote_view.viewport().width()
    pane.resize(1400, 640)
    qtbot.waitUntil(lambda: not any(pane.quote_view.isColumnHidden(c) for c in side))


def test_quote_rows_are_patched_in_place(qtbot, qtmodeltester, pane, posts):
    """A correction's few changed quotes patch their rows (no reset): the selection and the
    quote read in full stay, a gone quote's row is removed, a changed quote repainted."""
    from dataclasses import replace

    model = pane.quote_model
    quotes = sample_quotes()
    kept = quotes[2]
    pane.select_quote(kept.id)
    resets, removed, inserted, painted = [], [], [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda first, _last, *_: painted.append(model.quote(first.row()).id))
    moved = replace(quotes[1], speaker_id=sample_speakers()[-1].id)
    after = [quotes[0], moved] + quotes[2:]
    after.remove(quotes[3])
    pane.update_quotes(after, posts)
    assert not resets and len(removed) == 1 and not inserted
    assert painted == [moved.id]
    assert sorted(model.quote(r).id for r in range(model.rowCount())) == sorted(q.id for q in after)
    assert pane.selected_quote() == kept
    qtmodeltester.check(model)
    # The quote again: one row inserted where the sort puts it.
    pane.update_quotes(after + [quotes[3]], posts)
    assert not resets and len(inserted) == 1
    assert model.quote(inserted[0][0]) == quotes[3]
    # A list that differs in most rows (another speaker's) replaces the whole list.
    model.PATCH_ROWS_MAX = 1
    pane.update_quotes(quotes[:1], posts)
    assert resets and model.rowCount() == 1
