"""话术优化 for the lead: ask a few common questions (the topics the team most often had no phrase for are
offered), publish the round signed with team.key, then compare the answers side by side with how often each
answer's phrase was used, and adopt the best into the team library (the editor opens with it selected)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.rounds import Round, RoundError, answers_by_question, new_round
from desktop.core.sync.keys import KeyFileError, PublicKey, SigningKey, load_signing_key
from desktop.services.rounds import common_topics
from desktop.services.team import is_foreign_key
from desktop.store.team import TeamRepository
from desktop.sync.rounds import list_answers, list_rounds, publish_round
from desktop.sync.usage import read_team_usage
from desktop.ui.runtime.tasks import SHARE_TIMEOUT_MS, Runner
from desktop.ui.widgets.language import LiveText
from desktop.ui.widgets.plain_text import plain_label
from desktop.ui.widgets.trees import tree_items

TextRole = Qt.ItemDataRole.UserRole + 1
ShownRole = Qt.ItemDataRole.UserRole + 2  # what a line says beside the data: answers given, or (agent, times used)


class RoundsWindow(QWidget):
    adopt_requested = Signal(str, str)  # the chosen answer's text, the question it answers

    def __init__(self, runner: Runner, folder: Callable[[], Path | None], parent: QWidget | None = None,
                 pick_key_file: Callable[[QWidget], str] | None = None,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.runner = runner
        self.folder = folder
        self.clock = clock
        self.key: SigningKey | None = None
        self.rounds: list[Round] = []
        self.uses: Counter[str] = Counter()
        self._pick_key_file = pick_key_file or (lambda parent: QFileDialog.getOpenFileName(
            parent, self.tr("打开团队私钥"), "", self.tr("团队私钥 (team.key);;所有文件 (*)"))[0])

        self.title_edit = QLineEdit(self)  # the texts are set in retranslate()
        self.questions_edit = QPlainTextEdit(self)
        self.questions_edit.setMaximumHeight(self.fontMetrics().height() * 6)
        self.topics_row = QHBoxLayout()
        self.topics_label = plain_label(parent=self)
        self.topics_label.setProperty("role", "muted")
        self.topics_row.addWidget(self.topics_label)
        self.topics_row.addStretch(1)
        self.publish_button = QPushButton(self)
        self.publish_button.clicked.connect(self.publish)
        self.round_box = QComboBox(self)
        self.round_box.currentIndexChanged.connect(self.load_answers)
        self.answers_tree = QTreeWidget(self)
        self.answers_tree.setColumnCount(3)
        self.answers_tree.setWordWrap(True)
        self.adopt_button = QPushButton(self)
        self.adopt_button.clicked.connect(self.adopt_selected)
        self.status_label = plain_label(parent=self)
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        self._status = LiveText(self.status_label, self.status_label.setText)

        publish_row = QHBoxLayout()
        publish_row.addWidget(self.title_edit, 1)
        publish_row.addWidget(self.publish_button)
        answers_row = QHBoxLayout()
        self.answers_label = plain_label(parent=self)
        answers_row.addWidget(self.answers_label)
        answers_row.addWidget(self.round_box, 1)
        answers_row.addWidget(self.adopt_button)
        layout = QVBoxLayout(self)
        self.new_round_label = plain_label(parent=self)
        layout.addWidget(self.new_round_label)
        layout.addLayout(publish_row)
        layout.addWidget(self.questions_edit)
        layout.addLayout(self.topics_row)
        layout.addLayout(answers_row)
        layout.addWidget(self.answers_tree, 1)
        layout.addWidget(self.status_label)
        self.resize(860, 600)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("话术优化"))
        self.title_edit.setPlaceholderText(self.tr("这一轮的名字（例如：第 12 周）"))
        self.questions_edit.setPlaceholderText(self.tr("买家常问的问题，每行一个（最多 10 个）"))
        self.topics_label.setText(self.tr("常见的没有合适短语："))
        for index in range(1, self.topics_row.count() - 1):  # the topics' buttons, between label and stretch
            if (topic := self.topics_row.itemAt(index)) is not None and (button := topic.widget()) is not None:
                button.setToolTip(self.tr("把这个话题加入问题"))
        self.publish_button.setText(self.tr("发布这一轮…"))
        self.answers_tree.setHeaderLabels([self.tr("问题 / 客服（名字未经验证）"), self.tr("回答"),
                                           self.tr("这条短语被用过")])
        self.adopt_button.setText(self.tr("采用为团队短语…"))
        self.answers_label.setText(self.tr("答案："))
        self.new_round_label.setText(self.tr("新一轮"))
        for item in tree_items(self.answers_tree):  # questions and answers
            self._name_answer(item)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _name_answer(self, item: QTreeWidgetItem) -> None:
        """A question's line (3 人回答) or an answer's (who, and how often its phrase was used)."""
        shown = item.data(0, ShownRole)
        if isinstance(shown, int):
            item.setText(1, self.tr("%1 人回答").replace("%1", str(shown)))
        elif isinstance(shown, tuple):
            agent, used = shown
            item.setText(0, agent or self.tr("（未署名）"))
            item.setText(2, self.tr("（新写的）") if used is None else str(used))


    # loading ----------------------------------------------------------------------------------------
    def load(self) -> None:
        folder = self.folder()
        if folder is None:
            self._status.say(lambda: self.tr("没有设置团队共享文件夹"))
            return
        today = self.clock().date()

        def usage_read(usage: Any) -> None:
            self.uses = usage.uses
            self._show_topics(common_topics(usage.no_match))

        self.runner.io(lambda: read_team_usage(folder, since=today - dt.timedelta(days=30), today=today), usage_read,
                       self._failed, owner=self, timeout_ms=SHARE_TIMEOUT_MS)

        def read(key: Any) -> None:
            if key is None:
                self._status.say(lambda: self.tr("这台电脑还没有信任团队密钥：先同步一次"))
                return
            self.runner.io(lambda: list_rounds(folder, key)[0], self._show_rounds, self._failed, owner=self,
                           timeout_ms=SHARE_TIMEOUT_MS)

        self.runner.db(lambda services: TeamRepository(services.store.db).pinned_key(), read, self._failed,
                       owner=self)

    def _show_topics(self, topics: list[tuple[str, int]]) -> None:
        while self.topics_row.count() > 2:  # the label and the stretch stay
            item = self.topics_row.takeAt(1)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for topic, count in topics[:6]:
            button = QPushButton(f"{topic} ({count})", self)
            button.setFlat(True)
            button.setToolTip(self.tr("把这个话题加入问题"))
            button.clicked.connect(lambda _checked=False, t=topic: self._add_topic(t))
            self.topics_row.insertWidget(self.topics_row.count() - 1, button)

    def _add_topic(self, topic: str) -> None:
        self._add_question(self.tr("关于%1：").replace("%1", topic))

    def _add_question(self, text: str) -> None:
        current = self.questions_edit.toPlainText().rstrip("\n")
        self.questions_edit.setPlainText(f"{current}\n{text}" if current else text)

    def _show_rounds(self, rounds: list[Round]) -> None:
        self.rounds = rounds
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for round_ in rounds:
            self.round_box.addItem(f"{round_.created_at.astimezone():%m-%d} {round_.title}", round_.id)
        self.round_box.blockSignals(False)
        self.load_answers()

    def load_answers(self) -> None:
        folder, round_ = self.folder(), self._current_round()
        self.answers_tree.clear()
        if folder is None or round_ is None:
            return
        self.runner.io(lambda: list_answers(folder, round_.id)[0], lambda answers: self._show_answers(round_, answers),
                       self._failed, owner=self, timeout_ms=SHARE_TIMEOUT_MS)

    def _current_round(self) -> Round | None:
        round_id = self.round_box.currentData()
        return next((r for r in self.rounds if r.id == round_id), None)

    def _show_answers(self, round_: Round, answers: list[Any]) -> None:
        self.answers_tree.clear()
        for number, (question, given) in enumerate(zip(round_.questions, answers_by_question(round_, answers),
                                                      strict=True)):
            top = QTreeWidgetItem([f"{number + 1}. {question}"])
            top.setData(0, ShownRole, len(given))
            self._name_answer(top)
            self.answers_tree.addTopLevelItem(top)
            for answer in given:
                text, phrase_id = answer.texts[number], answer.phrase_ids[number]
                # A team phrase's uses come from the stats; a personal one's from its agent's answer.
                own = answer.uses[number] if number < len(answer.uses) else 0
                item = QTreeWidgetItem(["", text])
                item.setData(0, TextRole, (text, question))
                item.setData(0, ShownRole, (answer.agent, (self.uses.get(phrase_id) or own) if phrase_id else None))
                self._name_answer(item)
                item.setToolTip(1, text)
                top.addChild(item)
            top.setExpanded(True)
        self.answers_tree.resizeColumnToContents(0)

    # acting -----------------------------------------------------------------------------------------
    def publish(self) -> None:
        folder = self.folder()
        try:
            round_ = new_round(self.title_edit.text(), self.questions_edit.toPlainText().splitlines(), self.clock())
        except RoundError as error:
            message = str(error)  # Chinese from the core, as before
            self._status.say(lambda: message)
            return
        if folder is None:
            self._status.say(lambda: self.tr("没有设置团队共享文件夹"))
            return
        if self.key is not None:
            self._publish_with(self.key, folder, round_)
            return
        path = self._pick_key_file(self)
        if not path:
            return

        def loaded(key: SigningKey) -> None:
            self.key = key
            self._publish_with(key, folder, round_)

        def unreadable(error: BaseException) -> None:
            if not isinstance(error, KeyFileError):
                self._failed(error)
                return
            message = str(error)  # Chinese from the core, as before
            self._status.say(lambda: message)

        # The key file may sit on a network drive or a USB stick: read off the UI thread, like the share.
        self.runner.io(lambda: load_signing_key(Path(path)), loaded, unreadable, owner=self,
                       timeout_ms=SHARE_TIMEOUT_MS)

    def _publish_with(self, key: SigningKey, folder: Path, round_: Round) -> None:
        """Publish once the key is known to be the team's (pinned on this PC)."""

        def checked(team_key: PublicKey | None) -> None:
            if is_foreign_key(key, team_key):  # the agents' PCs would never show the round
                self.key = None
                self.status_label.setText(self.tr("这把私钥不是团队正在使用的密钥（指纹 %1），客服不会看到它发布的问题")
                                          .replace("%1", key.public.fingerprint))
                return
            self.runner.io(lambda: publish_round(folder, round_, key), published, self._failed, owner=self,
                           timeout_ms=SHARE_TIMEOUT_MS)

        def published(_path: object) -> None:
            self.questions_edit.clear()
            self.title_edit.clear()
            self._status.say(lambda: self.tr("已发布「%1」：客服下次同步后会看到").replace("%1", round_.title))
            self.load()

        self.runner.db(lambda services: TeamRepository(services.store.db).pinned_key(), checked, self._failed,
                       owner=self)

    def adopt_selected(self) -> None:
        chosen = next((item.data(0, TextRole) for item in self.answers_tree.selectedItems()
                       if item.data(0, TextRole)), None)
        if chosen:
            text, question = chosen
            self.adopt_requested.emit(text, question)

    def _failed(self, error: BaseException) -> None:
        self._status.say(lambda: self.tr("没有完成：%1").replace("%1", str(error)))
