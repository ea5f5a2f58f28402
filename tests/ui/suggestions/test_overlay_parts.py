"""The overlay's smaller parts: the phrase dialog, the tray menu, the search box (focus hand-back: tests/platform)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon

from desktop.core.phrases import MAX_INTENTS, Phrase
from desktop.ui.shell.tray import TrayIcon
from desktop.ui.suggestions.phrase_dialog import PhraseDialog
from desktop.ui.suggestions.search_box import SearchBox


def make_dialog(qtbot, original: Phrase | None = None, text: str = "") -> PhraseDialog:
    dialog = PhraseDialog(original, text=text, groups=["发货物流", "议价优惠"])
    qtbot.addWidget(dialog)
    return dialog


def check_intent(dialog: PhraseDialog, row: int) -> None:
    dialog.intent_list.item(row).setCheckState(Qt.CheckState.Checked)


def test_quick_add_builds_a_personal_phrase_from_the_copied_text(qtbot) -> None:
    dialog = make_dialog(qtbot, text="亲，今天下单明天就发哦～")
    dialog.group_box.setCurrentText("发货物流")
    dialog.code_edit.setText("mt")
    check_intent(dialog, 0)
    phrase = dialog.phrase()
    assert phrase.text == "亲，今天下单明天就发哦～"
    assert (phrase.group, phrase.code, phrase.source) == ("发货物流", "mt", "personal")
    assert len(phrase.intents) == 1
    assert phrase.id.startswith("p-")


def test_a_phrase_for_a_missed_message_shows_it_as_the_question_and_leaves_the_reply_empty(qtbot) -> None:
    dialog = PhraseDialog(None, groups=["商品咨询"], question="这个手柄能连switch吗")
    qtbot.addWidget(dialog)
    assert dialog.question_edit is not None and dialog.question_edit.text() == "这个手柄能连switch吗"
    assert dialog.text_edit.toPlainText() == ""  # the reply is the agent's to write
    dialog.accept()  # an empty reply is still refused
    assert dialog.result() != PhraseDialog.DialogCode.Accepted
    dialog.text_edit.setPlainText("亲，支持蓝牙连接switch哦～")
    dialog.question_edit.setText(" 手柄能连switch吗 ")
    assert dialog.question() == "手柄能连switch吗"
    phrase = dialog.phrase()
    assert phrase.text == "亲，支持蓝牙连接switch哦～" and phrase.keywords == ()  # the question is not stored
    assert make_dialog(qtbot, text="亲～").question_edit is None


def test_at_most_two_intents_can_be_checked(qtbot) -> None:
    dialog = make_dialog(qtbot, text="亲～")
    for row in range(MAX_INTENTS):
        check_intent(dialog, row)
    third = dialog.intent_list.item(MAX_INTENTS)
    assert not third.flags() & Qt.ItemFlag.ItemIsEnabled
    dialog.intent_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert third.flags() & Qt.ItemFlag.ItemIsEnabled


def test_an_empty_text_is_refused_with_a_reason(qtbot) -> None:
    dialog = make_dialog(qtbot, text="   ")
    dialog.accept()
    assert dialog.result() != PhraseDialog.DialogCode.Accepted
    assert "为空" in dialog.problem_label.text()


def test_editing_keeps_the_id_and_copying_a_team_phrase_makes_a_new_personal_one(qtbot) -> None:
    mine = Phrase("p-1", "亲，旧的回复", "我的", "jd", source="personal")
    edited = make_dialog(qtbot, mine)
    edited.text_edit.setPlainText("亲，新的回复")
    assert (edited.phrase().id, edited.phrase().text) == ("p-1", "亲，新的回复")
    team = Phrase("t-1", "亲，团队回复", "发货物流", source="team")
    copied = make_dialog(qtbot, team).phrase()
    assert copied.id != "t-1"
    assert (copied.source, copied.text, copied.group) == ("personal", "亲，团队回复", "发货物流")


def test_a_phrase_without_intents_shows_the_inferred_ones_to_confirm(qtbot) -> None:
    dialog = make_dialog(qtbot, Phrase("p-1", "亲，七天无理由退换哦", "退换货", source="personal"))
    assert dialog.inferred_label.text() == "推断：退换货（未确认）"
    assert not dialog.confirm_inferred_button.isHidden()
    assert dialog.phrase().intents == ()  # shown, not stored until confirmed
    dialog.confirm_inferred_button.click()
    assert dialog.phrase().intents == ("return_exchange",)
    assert dialog.inferred_label.isHidden() and dialog.confirm_inferred_button.isHidden()


def test_a_corrected_intent_replaces_the_inference(qtbot) -> None:
    dialog = make_dialog(qtbot, text="亲，七天无理由退换哦")
    dialog.group_box.setCurrentText("退换货")
    assert "推断：退换货" in dialog.inferred_label.text()
    rows = {dialog.intent_list.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(dialog.intent_list.count())}
    check_intent(dialog, rows["refund"])
    assert dialog.phrase().intents == ("refund",)
    assert dialog.inferred_label.isHidden()


def test_nothing_to_infer_says_the_phrase_is_only_found_by_search(qtbot) -> None:
    dialog = make_dialog(qtbot, text="亲，这款是我们家的爆款")
    dialog.group_box.setCurrentText("常用")
    assert "不会按买家消息推荐" in dialog.inferred_label.text()
    assert dialog.confirm_inferred_button.isHidden()


def test_tray_menu_has_the_basics_and_room_for_other_features(qtbot) -> None:
    tray = TrayIcon(QIcon())
    try:
        texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert texts == ["隐藏快答", "暂停监听剪贴板", "设置…", "退出"]
        sync = QAction("立即同步", tray.menu)
        tray.add_action(sync)
        texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert texts.index("立即同步") == texts.index("退出") - 1
        with qtbot.waitSignal(tray.pause_toggled) as toggled:
            tray.pause_action.trigger()
        assert toggled.args == [True]
        tray.set_window_visible(False)
        assert tray.show_action.text() == "显示快答"
    finally:
        tray.close()


def test_search_box_asks_for_the_focus_on_click_and_reports_keys(qtbot) -> None:
    box = SearchBox()
    qtbot.addWidget(box)
    box.show()
    with qtbot.waitSignal(box.focus_requested):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(box.move_requested) as moved:
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert moved.args == [1]
    with qtbot.waitSignal(box.cancel_requested):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    with qtbot.waitSignal(box.accept_requested):
        qtbot.keyClick(box, Qt.Key.Key_Return)
