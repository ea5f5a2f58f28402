"""话术优化 in the window: the agent is told once and answers when ready; the lead publishes, compares, adopts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.core.phrases import Phrase
from desktop.core.rounds import new_round
from desktop.core.sync.keys import SigningKey
from desktop.services.context import Services
from desktop.store.rounds import RoundRepository
from desktop.store.team import TeamRepository
from desktop.sync.rounds import list_answers, list_rounds, publish_round
from desktop.testing.fakes import FakeNotifier
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.rounds.answer_dialog import RoundAnswerDialog
from desktop.ui.rounds.feature import RoundsFeature
from desktop.ui.rounds.lead_window import RoundsWindow

KEY = SigningKey.generate()
NOW = dt.datetime.now(dt.UTC)


def test_a_new_round_is_announced_once_and_waits_until_answered(qtbot, monkeypatch, tmp_path: Path,
                                                                 services: Services) -> None:
    share = tmp_path / "share"
    share.mkdir()
    TeamRepository(services.store.db).pin_key(KEY.public)
    services.phrases.save_all([Phrase("p-mine", "亲，今天下单明天就发哦", "发货", source="personal")])
    round_ = new_round("第一轮", ["什么时候发货？", "能便宜点吗？"], NOW)
    publish_round(share, round_, KEY)
    publish_round(share, new_round("伪造", ["加微信"], NOW + dt.timedelta(seconds=1)), SigningKey.generate())
    notifier = FakeNotifier()
    feature = RoundsFeature(ImmediateTaskRunner(services), lambda: share, notifier, clock=lambda: NOW)
    qtbot.addWidget(feature.button)

    feature.check()
    assert [r.id for r in feature.waiting] == [round_.id]  # the forged round is not shown
    assert not feature.button.isHidden() and "(1)" in feature.button.text()
    assert len(notifier.notifications) == 1
    feature.check()  # the next sync: still waiting, not announced again
    assert len(notifier.notifications) == 1 and not feature.button.isHidden()

    def answer(dialog: RoundAnswerDialog) -> int:
        dialog.pickers[0].setCurrentIndex(1)
        dialog.pickers[0].activated.emit(1)  # picks the agent's own phrase for question 1
        assert dialog.edits[0].toPlainText() == "亲，今天下单明天就发哦"
        dialog.edits[1].setPlainText("亲，现在下单送运费险哦")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RoundAnswerDialog, "exec", answer)
    statuses: list[str] = []
    feature.status.connect(statuses.append)
    feature.button.click()
    answers, _skipped = list_answers(share, round_.id)
    assert [(a.texts, a.phrase_ids) for a in answers] == [
        (("亲，今天下单明天就发哦", "亲，现在下单送运费险哦"), ("p-mine", ""))]
    assert feature.button.isHidden() and statuses[-1] == "答案已交给组长，谢谢！"
    assert RoundRepository(services.store.db).answered() == {round_.id}


def test_the_lead_publishes_compares_and_adopts(qtbot, tmp_path: Path, services: Services) -> None:
    from desktop.core.rounds import answer_body
    from desktop.sync.rounds import submit_answer

    share = tmp_path / "share"
    share.mkdir()
    key_file = tmp_path / "team.key"
    key_file.write_bytes(KEY.private_pem())
    TeamRepository(services.store.db).pin_key(KEY.public)
    window = RoundsWindow(ImmediateTaskRunner(services), lambda: share, pick_key_file=lambda _parent: str(key_file),
                          clock=lambda: NOW)
    qtbot.addWidget(window)
    window.load()
    window.title_edit.setText("第一轮")
    window.questions_edit.setPlainText("什么时候发货？\n\n能便宜点吗？")
    window.publish_button.click()
    rounds, _ = list_rounds(share, KEY.public)
    assert [r.questions for r in rounds] == [("什么时候发货？", "能便宜点吗？")]
    assert "已发布" in window.status_label.text() and window.round_box.count() == 1

    submit_answer(share, "aaaa", answer_body(rounds[0], "小美", ["亲，48小时内发货", ""], ["", ""]))
    submit_answer(share, "bbbb", answer_body(rounds[0], "小丽", ["今天就发", "亲，价格很实在了"], ["", ""]))
    window.load_answers()
    first = window.answers_tree.topLevelItem(0)
    assert first.childCount() == 2 and window.answers_tree.topLevelItem(1).childCount() == 1
    adopted: list[tuple[str, str]] = []
    window.adopt_requested.connect(lambda text, question: adopted.append((text, question)))
    first.child(0).setSelected(True)
    window.adopt_button.click()
    assert adopted == [(first.child(0).text(1), "什么时候发货？")]
