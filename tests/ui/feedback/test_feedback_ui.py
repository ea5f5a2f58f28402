"""反馈 on the status line (agent) and 意见反馈汇总 (lead): two clicks and a dialog, redacted sharing, marks, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.core.feedback import FeedbackState
from desktop.services.context import Services
from desktop.store.feedback import FeedbackRepository
from desktop.sync.feedback import list_shared_feedback
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.feedback.dialog import FeedbackDialog
from desktop.ui.feedback.feature import FeedbackFeature
from desktop.ui.feedback.review import FeedbackReview
from desktop.ui.runtime.qsettings_bridge import SettingsBridge

MESSAGE = "我们是老人，送不上门就不买了，电话13812345678"


def agent_answers(share: bool, note: str = ""):
    def exec_(dialog: FeedbackDialog) -> int:
        assert dialog.text_edit.toPlainText() == MESSAGE  # the copied message, to edit if needed
        dialog.note_edit.setText(note)
        dialog.share_box.setChecked(share)
        if share:
            assert "13812345678" not in dialog.preview.text() and "[电话]" in dialog.preview.text()
        return QDialog.DialogCode.Accepted

    return exec_


def test_the_copied_message_is_filed_locally_and_shared_redacted_only_when_ticked(
        qtbot, monkeypatch, tmp_path: Path, services: Services, settings: SettingsBridge) -> None:
    share = tmp_path / "share"
    share.mkdir()
    feature = FeedbackFeature(ImmediateTaskRunner(services), settings, lambda: share)
    qtbot.addWidget(feature.button)
    borrowed: list[bool] = []
    feature.keyboard_requested.connect(borrowed.append)
    statuses: list[str] = []
    feature.status.connect(statuses.append)
    assert not feature.button.isEnabled() and feature.button.focusPolicy() == Qt.FocusPolicy.NoFocus

    feature.on_message_copied(f"小猪佩奇2019：{MESSAGE}")  # who said it stays on this PC
    assert feature.button.isEnabled() and (feature.buyer, feature.message) == ("小猪佩奇2019", MESSAGE)
    feature.menu.aboutToShow.emit()
    departments = [action.text() for action in feature.menu.actions()]
    assert departments == ["仓储", "运营", "财务", "产品", "物流"]

    monkeypatch.setattr(FeedbackDialog, "exec", agent_answers(share=False))
    feature.menu.actions()[4].trigger()  # 物流
    assert borrowed == [True, False]
    assert [(i.department, i.buyer, i.shared_at) for i in FeedbackRepository(services.store.db).all()] == [
        ("物流", "小猪佩奇2019", None)]
    assert list_shared_feedback(share)[0] == [] and statuses[-1] == "已记下反馈（物流）"

    monkeypatch.setattr(FeedbackDialog, "exec", agent_answers(share=True, note="家住6楼没电梯"))
    feature.ask("物流")
    shared, _skipped = list_shared_feedback(share)
    assert len(shared) == 1 and statuses[-1] == "反馈已发给组长"
    assert "13812345678" not in shared[0].text and "小猪佩奇" not in shared[0].text
    assert FeedbackRepository(services.store.db).all()[0].shared_at is not None


def test_an_offline_share_keeps_the_feedback_and_says_so(qtbot, monkeypatch, tmp_path: Path, services: Services,
                                                         settings: SettingsBridge) -> None:
    feature = FeedbackFeature(ImmediateTaskRunner(services), settings, lambda: tmp_path / "gone")
    qtbot.addWidget(feature.button)
    statuses: list[str] = []
    feature.status.connect(statuses.append)
    feature.on_message_copied(MESSAGE)
    monkeypatch.setattr(FeedbackDialog, "exec", agent_answers(share=True))
    feature.ask("仓储")
    assert "团队文件夹不可用" in statuses[-1]
    assert [i.shared_at for i in FeedbackRepository(services.store.db).all()] == [None]


def test_the_lead_sees_departments_and_weeks_marks_and_exports(qtbot, tmp_path: Path, services: Services) -> None:
    from desktop.sync.feedback import share_feedback

    share = tmp_path / "share"
    share.mkdir()
    today = dt.date.today()
    share_feedback(share, "aaaaaaaa", "小美", "物流", "送不上门", "", today)
    share_feedback(share, "bbbbbbbb", "小丽", "财务", "要专票", "", today - dt.timedelta(days=8))
    exported = tmp_path / "汇总"
    review = FeedbackReview(ImmediateTaskRunner(services), lambda: share,
                            ask_save_path=lambda _parent, _title, _filters: str(exported))
    qtbot.addWidget(review)
    review.load()
    assert review.tree.topLevelItemCount() == 2 and "共 2 条，待处理 2 条" in review.summary.text()

    first = review.tree.topLevelItem(0).child(0).child(0)  # 物流 → this week → the item
    assert first.text(1) == "送不上门"
    first.setSelected(True)
    review.handed_over_button.click()
    assert first.text(4) == "已转交"
    states = FeedbackRepository(services.store.db).review_states()
    assert list(states.values()) == [FeedbackState.HANDED_OVER]

    review.export_xlsx_button.click()
    sheets = load_workbook(exported.with_name("汇总.xlsx")).worksheets
    assert sorted(s.title for s in sheets) == ["物流", "财务"]
    review.export_html_button.click()
    assert "已转交" in exported.with_name("汇总.html").read_text(encoding="utf-8")
    review.load()  # the marks survive a reload
    assert "待处理 1 条" in review.summary.text()
