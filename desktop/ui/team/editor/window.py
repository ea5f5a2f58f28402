"""The team lead's library editor (团队短语库): edit, import, review proposals, see team usage, publish.

Anyone can open it to read the team library; holding the team's signing key (team.key) unlocks lead mode,
the only mode with 发布. All share and store work goes through the TaskRunner; the window never waits.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.default_library import is_bundled
from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.intent_review import intent_names
from desktop.core.phrases import UNGROUPED, Phrase, intents
from desktop.core.sync.diff import LibraryDiff, diff_libraries
from desktop.core.sync.draft import (
    EMOJI,
    PREVIEW_VALUES,
    DraftError,
    LibraryDraft,
    featured_from_fields,
    promotions_from_text,
    promotions_to_text,
    words_from_text,
    words_to_text,
)
from desktop.core.sync.keys import KeyFileError, PublicKey, SigningKey, load_signing_key
from desktop.core.sync.pack import TeamLibrary
from desktop.core.templates import render
from desktop.failures import failure_message
from desktop.store.team import TeamRepository
from desktop.sync.inbox import Proposal, list_proposals, remove_proposal
from desktop.sync.library_file import read_library_file
from desktop.sync.publish import PublishRefusedError, PublishResult, publish
from desktop.sync.usage import TeamUsage, read_team_usage
from desktop.ui.runtime.tasks import PUBLISH_TIMEOUT_MS, SHARE_TIMEOUT_MS, IoTimeoutError
from desktop.ui.team.sync_controller import services_team
from desktop.ui.widgets.inferred_intents import show_inferred
from desktop.ui.widgets.plain_text import as_tooltip, message_box, plain_label

log = logging.getLogger(__name__)

Confirm = Callable[[str, str, str], bool]  # (title, text, accept-button label) -> accepted?
ALL_GROUPS = "__all__"


def _confirm_with_dialog(parent: QWidget) -> Confirm:
    def confirm(title: str, text: str, accept: str) -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, parent)  # phrase texts: anyone's writing
        ok = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    return confirm


class DraftPhraseModel(QAbstractTableModel):
    """The draft's phrases as a table; edits go through `LibraryDraft` and are announced with dataChanged."""

    COLUMNS = ("快捷编码", "快捷短语", "分组", "意图")
    PhraseIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, draft: LibraryDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self._intent_names = {i.id: i.name_zh for i in intents()}
        self._inferred: dict[tuple[str, str, tuple[str, ...]], tuple[str, ...]] = {}

    def inferred(self, phrase: Phrase) -> tuple[str, ...]:
        """What the phrase would be filed under without intents of its own (cached: the table repaints often)."""
        if phrase.intents:
            return ()
        key = (phrase.text, phrase.group, phrase.keywords)
        if key not in self._inferred:
            self._inferred[key] = infer_phrase_intents(phrase)
        return self._inferred[key]

    def set_draft(self, draft: LibraryDraft) -> None:
        self.beginResetModel()
        self.draft = draft
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.draft.phrases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.draft.phrases):
            return None
        phrase = self.draft.phrases[index.row()]
        if role == self.PhraseIdRole:
            return phrase.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cell_text(phrase, index.column(), role)
            # a proposal's or a file's text: a tooltip shows it as text, never as HTML
            return as_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole and text else text
        if index.column() == 3 and not phrase.intents:
            # Inferred (or missing) intents look provisional: italic, in the palette's muted text colour.
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QPalette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    def _cell_text(self, phrase: Phrase, column: int, role: Qt.ItemDataRole) -> str | None:
        tooltip = role == Qt.ItemDataRole.ToolTipRole
        if column == 0:
            return phrase.code
        if column == 1:
            return phrase.text if tooltip else " ".join(phrase.text.split())
        if column == 2:
            return phrase.group
        if phrase.intents:
            return "、".join(self._intent_names.get(i, i) for i in phrase.intents)
        if inferred := self.inferred(phrase):
            label = self.tr("推断：%1").replace("%1", intent_names(inferred))
            return label + self.tr("（未确认，选中后可确认或改正）") if tooltip else label
        return None if tooltip else self.tr("（无，不会被推荐）")

    def row_of(self, phrase_id: str) -> int:
        return self.draft.index_of(phrase_id)

    def phrase_changed(self, phrase_id: str) -> None:
        row = self.row_of(phrase_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def append(self, text: str = "", group: str = UNGROUPED) -> Phrase:
        row = len(self.draft.phrases)
        self.beginInsertRows(QModelIndex(), row, row)
        phrase = self.draft.add(text, group)
        self.endInsertRows()
        return phrase

    def remove(self, phrase_id: str) -> None:
        row = self.row_of(phrase_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        self.draft.remove(phrase_id)
        self.endRemoveRows()


class PhraseForm(QWidget):
    """Edits one draft phrase: text with an emoji picker, group, code, two intents, keywords, live preview."""

    edited = Signal(str, dict)  # phrase id, the changed fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phrase_id = ""
        self._loading = False
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("回复内容，可用 {买家}、{客服}、{店铺}、{活动} 等变量"))
        self.emoji_button = QToolButton(self)
        self.emoji_button.setText("😊")
        self.emoji_button.setToolTip(self.tr("插入表情"))
        self.emoji_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        emoji_menu = QMenu(self.emoji_button)
        for emoji in EMOJI:
            emoji_menu.addAction(emoji).triggered.connect(lambda _checked=False, e=emoji: self.insert_emoji(e))
        self.emoji_button.setMenu(emoji_menu)
        self.group_box = QComboBox(self)
        self.group_box.setEditable(True)
        self.code_edit = QLineEdit(self)
        self.intent_boxes = [QComboBox(self), QComboBox(self)]
        for box in self.intent_boxes:
            box.addItem(self.tr("（无）"), "")
            for intent in intents():
                box.addItem(intent.name_zh, intent.id)
        self.inferred_label = plain_label(parent=self)
        self.inferred_label.setProperty("role", "muted")
        self.confirm_inferred_button = QPushButton(self.tr("确认"), self)
        self.confirm_inferred_button.setToolTip(self.tr("采用推断的意图；也可以在上面直接改选"))
        self.confirm_inferred_button.clicked.connect(self.confirm_inferred)
        self._inferred: tuple[str, ...] = ()
        self.keywords_edit = QLineEdit(self)
        self.keywords_edit.setPlaceholderText(self.tr("用 | 分隔，如 发货|几天到"))
        self.preview_label = plain_label(parent=self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = plain_label(parent=self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setProperty("role", "warning")
        self._promotion = ""
        self._check: Callable[[str], list[str]] = lambda _text: []

        text_row = QHBoxLayout()
        text_row.addWidget(self.text_edit, 1)
        text_row.addWidget(self.emoji_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout(self)
        form.addRow(self.tr("内容"), text_row)
        form.addRow(self.tr("分组"), self.group_box)
        form.addRow(self.tr("快捷编码"), self.code_edit)
        form.addRow(self.tr("意图"), self.intent_boxes[0])
        form.addRow("", self.intent_boxes[1])
        inferred_row = QHBoxLayout()
        inferred_row.addWidget(self.inferred_label, 1)
        inferred_row.addWidget(self.confirm_inferred_button)
        form.addRow("", inferred_row)
        form.addRow(self.tr("关键词"), self.keywords_edit)
        form.addRow(self.tr("预览"), self.preview_label)
        form.addRow("", self.warning_label)

        self.text_edit.textChanged.connect(self._on_field_edited)
        self.group_box.currentTextChanged.connect(self._on_field_edited)
        self.code_edit.textEdited.connect(self._on_field_edited)
        self.keywords_edit.textEdited.connect(self._on_field_edited)
        for box in self.intent_boxes:
            box.currentIndexChanged.connect(self._on_field_edited)
        self.setEnabled(False)

    def set_context(self, groups: list[str], promotion: str, check: Callable[[str], list[str]]) -> None:
        """Groups to offer, the campaign that fills {活动} in the preview, and the sensitive-word check."""
        self._loading = True
        current = self.group_box.currentText()
        self.group_box.clear()
        self.group_box.addItems(sorted({*groups, UNGROUPED}))
        self.group_box.setCurrentText(current)
        self._loading = False
        self._promotion = promotion
        self._check = check

    def show_phrase(self, phrase: Phrase | None) -> None:
        self._loading = True
        self._phrase_id = phrase.id if phrase else ""
        self.setEnabled(phrase is not None)
        phrase = phrase or Phrase(id="", text="")
        self.text_edit.setPlainText(phrase.text)
        self.group_box.setCurrentText(phrase.group)
        self.code_edit.setText(phrase.code)
        for box, intent in zip(self.intent_boxes, [*phrase.intents, "", ""], strict=False):
            box.setCurrentIndex(max(0, box.findData(intent)))
        self.keywords_edit.setText("|".join(phrase.keywords))
        self._loading = False
        self._refresh_preview()
        self._refresh_inferred(phrase)

    def _refresh_inferred(self, phrase: Phrase) -> None:
        """Without intents of its own, the phrase is filed under what its text, group and keywords suggest:
        shown as 推断 until the lead confirms it (or picks others above), which stores them."""
        self._inferred = () if phrase.intents or not phrase.id else infer_phrase_intents(phrase)
        missing = self.tr("没有意图：不会按买家消息推荐，请在上面选择") if phrase.id and not phrase.intents else ""
        show_inferred(self.inferred_label, self.confirm_inferred_button, self._inferred,
                      self.tr("推断：%1（未确认）"), missing)

    def confirm_inferred(self) -> None:
        """Store the inferred intents as the phrase's own (so they are kept, published and survive re-import)."""
        if not self._inferred:
            return
        self._loading = True
        for box, intent in zip(self.intent_boxes, [*self._inferred, "", ""], strict=False):
            box.setCurrentIndex(max(0, box.findData(intent)))
        self._loading = False
        self._on_field_edited()

    def insert_emoji(self, emoji: str) -> None:
        self.text_edit.insertPlainText(emoji)
        self.text_edit.setFocus()

    def _on_field_edited(self, *_args: object) -> None:
        if self._loading or not self._phrase_id:
            return
        chosen = [box.currentData() for box in self.intent_boxes]
        changes = {
            "text": self.text_edit.toPlainText(),
            "group": self.group_box.currentText().strip() or UNGROUPED,
            "code": self.code_edit.text().strip(),
            "intents": tuple(dict.fromkeys(i for i in chosen if i)),
            "keywords": tuple(k.strip() for k in self.keywords_edit.text().replace("｜", "|").split("|") if k.strip()),
        }
        self._refresh_preview()
        self.edited.emit(self._phrase_id, changes)
        self._refresh_inferred(Phrase(id=self._phrase_id, **changes))

    def _refresh_preview(self) -> None:
        text = self.text_edit.toPlainText()
        self.preview_label.setText(render(text, {**PREVIEW_VALUES, "活动": self._promotion}))
        words = self._check(text)
        self.warning_label.setText(self.tr("含敏感词：{0}").format("、".join(words)) if words else "")


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: at a large font on a 768-pixel screen it scrolls, never squeezes."""
    area = QScrollArea(widget.parentWidget())
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class LibraryEditor(QMainWindow):
    """The window. Signals: `published(int)` with the new version; `status_reported(str)` for the status bar."""

    published = Signal(int)
    status_reported = Signal(str)

    def __init__(
        self,
        runner: Any,
        settings: Any,
        folder: Callable[[], Path],
        *,
        team_of: Callable[[Any], TeamRepository] = services_team,
        key: SigningKey | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("团队短语库"))
        self.resize(980, 640)
        self._runner = runner
        self._settings = settings
        self._folder = folder
        self._team_of = team_of
        self._key: SigningKey | None = None
        self._team_key: PublicKey | None = None  # the key this PC's copy was verified with
        self._published = TeamLibrary()
        self._base_version: int | None = None
        self.draft = LibraryDraft(TeamLibrary())
        self.proposals: list[Proposal] = []
        self.usage = TeamUsage()
        self.confirm: Confirm = _confirm_with_dialog(self)
        self.pick_file: Callable[[str, str], str] = self._pick_file_with_dialog

        self.model = DraftPhraseModel(self.draft, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(2)
        self.proxy.setDynamicSortFilter(False)  # a phrase moved to another group stays in view while edited
        self.group_list = QListWidget(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # The text takes what is left; code, group and intents (the column the lead reviews after an import)
        # keep their width, so the intents are never scrolled out of sight on a 1366-pixel screen.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 72), (2, 88), (3, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        # Two lines a row, wrapped (the rest of a long phrase on hover and in the form): one elided line cut
        # most phrases in half. A fixed height, not ResizeToContents, which measures every row of a big library.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 10)
        self.form = PhraseForm(self)
        editor = QSplitter(self)
        editor.addWidget(self.group_list)
        editor.addWidget(self.table)
        # The form scrolls rather than squeezing its text box and preview at a large font on a 768-pixel screen.
        self.form.text_edit.setMinimumHeight(5 * self.form.fontMetrics().lineSpacing())
        self.form.setMinimumHeight(self.form.sizeHint().height() + 4 * self.form.fontMetrics().lineSpacing())
        editor.addWidget(scrolling(self.form))
        editor.setStretchFactor(0, 0)
        editor.setStretchFactor(1, 3)
        editor.setStretchFactor(2, 2)
        editor.setSizes([130, 700, 420])

        self.tabs = QTabWidget(self)
        self.tabs.addTab(editor, self.tr("短语"))
        self.tabs.addTab(scrolling(self._build_team_tab()), self.tr("活动与敏感词"))
        self.tabs.addTab(self._build_proposals_tab(), self.tr("客服建议"))
        self.tabs.addTab(self._build_usage_tab(), self.tr("使用统计"))
        self.setCentralWidget(self.tabs)
        self._build_toolbar()

        self.group_list.currentItemChanged.connect(self._on_group_list_current_item_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.form.edited.connect(self._on_form_edited)
        self.status_reported.connect(self.statusBar().showMessage)
        self.set_signing_key(key)

    # building ---------------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("短语库"), self)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.add_action = QAction(self.tr("新增短语"), self)
        self.remove_action = QAction(self.tr("删除短语"), self)
        self.import_action = QAction(self.tr("从 Excel/CSV 导入…"), self)
        self.confirm_all_action = QAction(self.tr("确认全部推断意图"), self)
        self.confirm_all_action.setToolTip(self.tr("把没有意图的短语按推断的意图保存（可逐条改正）"))
        self.diff_action = QAction(self.tr("查看改动"), self)
        self.unlock_action = QAction(self.tr("主管模式：打开团队私钥…"), self)
        self.publish_action = QAction(self.tr("发布"), self)
        for action in (self.add_action, self.remove_action, self.import_action, self.confirm_all_action,
                       self.diff_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.unlock_action)
        toolbar.addAction(self.publish_action)
        self.add_action.triggered.connect(self.add_phrase)
        self.remove_action.triggered.connect(self.remove_current_phrase)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.confirm_all_action.triggered.connect(self.confirm_all_inferred)
        self.diff_action.triggered.connect(self.show_diff)
        self.unlock_action.triggered.connect(self._on_unlock_action_triggered)
        self.publish_action.triggered.connect(lambda: self.publish())

    def _build_team_tab(self) -> QWidget:
        page = QWidget(self)
        self.words_edit = QPlainTextEdit(page)
        self.words_edit.setPlaceholderText(self.tr("一行一个：敏感词<Tab>类别"))
        self.promotions_edit = QPlainTextEdit(page)
        self.promotions_edit.setPlaceholderText(self.tr("一行一个：名称 | 2026-11-01 | 2026-11-11 | 要点；要点"))
        self.featured_box = QComboBox(page)
        # Its items are whole phrases: sized to them, the tab grew wider than a 1366-pixel screen at 125 %.
        self.featured_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.featured_box.setMinimumContentsLength(24)
        self.featured_product = QLineEdit(page)
        self.featured_start = QLineEdit(page)
        self.featured_end = QLineEdit(page)
        for edit in (self.featured_start, self.featured_end):
            edit.setPlaceholderText("2026-11-16")
        self.team_problem = plain_label(parent=page)
        self.team_problem.setWordWrap(True)
        apply_button = QPushButton(self.tr("应用到草稿"), page)
        apply_button.clicked.connect(self.apply_team_settings)
        form = QFormLayout(page)
        form.addRow(self.tr("团队敏感词"), self.words_edit)
        form.addRow(self.tr("活动（填入 {活动}）"), self.promotions_edit)
        form.addRow(self.tr("本周主推款短语"), self.featured_box)
        form.addRow(self.tr("主推商品"), self.featured_product)
        form.addRow(self.tr("开始日期"), self.featured_start)
        form.addRow(self.tr("结束日期"), self.featured_end)
        form.addRow(self.team_problem, apply_button)
        return page

    def _build_proposals_tab(self) -> QWidget:
        page = QWidget(self)
        self.proposal_list = QListWidget(page)
        self.accept_button = QPushButton(self.tr("采纳（加入草稿后可编辑）"), page)
        self.reject_button = QPushButton(self.tr("不采纳"), page)
        refresh = QPushButton(self.tr("刷新"), page)
        self.accept_button.clicked.connect(lambda: self.accept_proposal(self.proposal_list.currentRow()))
        self.reject_button.clicked.connect(lambda: self.reject_proposal(self.proposal_list.currentRow()))
        refresh.clicked.connect(self.load_proposals)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, refresh):
            buttons.addWidget(button)
        # Anyone with the share can write a proposal under any name: say so, and say what was left out.
        self.proposals_note = plain_label(parent=page)
        self.proposals_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.proposal_list)
        layout.addWidget(self.proposals_note)
        layout.addLayout(buttons)
        return page

    def _build_usage_tab(self) -> QWidget:
        page = QWidget(self)
        self.most_table = QTableWidget(0, 2, page)
        self.least_table = QTableWidget(0, 2, page)
        self.no_match_table = QTableWidget(0, 2, page)
        for table, headers in ((self.most_table, ("最常用", "次数")), (self.least_table, ("最少用", "次数")),
                               (self.no_match_table, ("没有合适短语的意图", "次数"))):
            table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
            table.horizontalHeader().setStretchLastSection(False)
            table.setColumnWidth(0, 260)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.usage_label = plain_label(parent=page)
        refresh = QPushButton(self.tr("刷新"), page)
        refresh.clicked.connect(self.load_usage)
        tables = QHBoxLayout()
        for table in (self.most_table, self.least_table, self.no_match_table):
            tables.addWidget(table)
        layout = QVBoxLayout(page)
        layout.addLayout(tables)
        row = QHBoxLayout()
        row.addWidget(self.usage_label, 1)
        row.addWidget(refresh)
        layout.addLayout(row)
        self.versions_label = plain_label(parent=page)
        self.versions_label.setWordWrap(True)
        layout.addWidget(self.versions_label)
        return page

    # lead mode --------------------------------------------------------------------------------------
    @property
    def lead_mode(self) -> bool:
        return self._key is not None

    def set_signing_key(self, key: SigningKey | None) -> None:
        """Holding the team's signing key is what makes a lead: only then is 发布 offered."""
        self._key = key
        self.publish_action.setVisible(key is not None)
        self.unlock_action.setVisible(key is None)
        self.setWindowTitle(self.tr("团队短语库（主管模式）") if key else self.tr("团队短语库"))

    def _on_unlock_action_triggered(self) -> None:
        path = self.pick_file(self.tr("打开团队私钥"), self.tr("团队私钥 (team.key);;所有文件 (*)"))
        if not path:
            return
        try:
            self.set_signing_key(load_signing_key(Path(path)))
        except KeyFileError as error:
            self.status_reported.emit(str(error))

    def _pick_file_with_dialog(self, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self, title, "", filters)[0]

    # loading ----------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the local mirror (what was last published) as the starting draft, then proposals and usage."""

        def read(ctx: Any) -> tuple[TeamLibrary, int | None, PublicKey | None]:
            team = self._team_of(ctx)
            mirror = team.mirror_state()
            return team.library(), mirror.applied_version, mirror.pinned_key

        self._runner.db(read, self._on_library_loaded, self._on_task_failed, owner=self)
        self.load_proposals()
        self.load_usage()

    def _on_library_loaded(self, result: tuple[TeamLibrary, int | None, PublicKey | None]) -> None:
        library, version, team_key = result
        self._published = library
        self._base_version = version
        self._team_key = team_key
        self._set_draft(LibraryDraft(library))
        self.status_reported.emit(self.tr("已载入团队库 v{0}，{1} 条短语").format(version or 0, len(library.phrases)))

    def _set_draft(self, draft: LibraryDraft) -> None:
        self.draft = draft
        self.model.set_draft(draft)
        self._refresh_groups()
        self._refresh_team_tab()
        self.form.show_phrase(None)

    def _refresh_groups(self) -> None:
        self._refresh_group_list()
        promotion = next((p.name for p in self.draft.promotions), "")
        self.form.set_context(self.draft.groups(), promotion, self._sensitive_words_in)

    def _listed_groups(self) -> list[str]:
        return [self.group_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(1, self.group_list.count())]

    def _refresh_group_list(self) -> None:
        current = self.group_list.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current else ALL_GROUPS
        self.group_list.blockSignals(True)
        self.group_list.clear()
        everything = QListWidgetItem(self.tr("全部"), self.group_list)
        everything.setData(Qt.ItemDataRole.UserRole, ALL_GROUPS)
        for group in self.draft.groups():
            item = QListWidgetItem(group, self.group_list)
            item.setData(Qt.ItemDataRole.UserRole, group)
        self.group_list.blockSignals(False)
        rows = [self.group_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.group_list.count())]
        self.group_list.setCurrentRow(rows.index(chosen) if chosen in rows else 0)

    def _sensitive_words_in(self, text: str) -> list[str]:
        from desktop.core.sensitive import SensitiveWords

        hits = SensitiveWords.with_team(self.draft.sensitive_words).find(text)
        return list(dict.fromkeys(hit.word for hit in hits))

    # editing ----------------------------------------------------------------------------------------
    def current_phrase_id(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(DraftPhraseModel.PhraseIdRole)) if index.isValid() else ""

    def select_phrase(self, phrase_id: str) -> None:
        self.group_list.setCurrentRow(0)
        source = self.model.index(self.model.row_of(phrase_id), 1)
        self.table.setCurrentIndex(self.proxy.mapFromSource(source))

    def add_phrase(self) -> Phrase:
        current = self.group_list.currentItem()
        group = current.data(Qt.ItemDataRole.UserRole) if current else ALL_GROUPS
        phrase = self.model.append(self.tr("亲，"), UNGROUPED if group == ALL_GROUPS else group)
        self.select_phrase(phrase.id)
        self.form.text_edit.setFocus()
        return phrase

    def remove_current_phrase(self) -> None:
        phrase_id = self.current_phrase_id()
        if phrase_id:
            self.model.remove(phrase_id)
            self.form.show_phrase(None)

    def _on_form_edited(self, phrase_id: str, changes: dict) -> None:
        self.draft.update(phrase_id, **changes)
        self.model.phrase_changed(phrase_id)
        if self._listed_groups() != self.draft.groups():
            self._refresh_group_list()  # not the form's choices: the lead may be typing a group name there

    def _on_group_list_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        group = current.data(Qt.ItemDataRole.UserRole) if current else ALL_GROUPS
        if group == ALL_GROUPS:
            self.proxy.setFilterRegularExpression(QRegularExpression())
        else:
            self.proxy.setFilterRegularExpression(QRegularExpression(f"^{QRegularExpression.escape(group)}$"))

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        phrase_id = current.data(DraftPhraseModel.PhraseIdRole) if current.isValid() else None
        self.form.show_phrase(self.draft.phrases[self.draft.index_of(phrase_id)] if phrase_id else None)

    def confirm_all_inferred(self) -> int:
        """Store every inferred intent as its phrase's own; phrases nothing can be inferred for are counted."""
        confirmed = 0
        for phrase in list(self.draft.phrases):
            if inferred := self.model.inferred(phrase):
                self.draft.update(phrase.id, intents=inferred)
                self.model.phrase_changed(phrase.id)
                confirmed += 1
        left = sum(1 for p in self.draft.phrases if not p.intents)
        self.form.show_phrase(self._current_phrase())
        message = self.tr("已确认 {0} 条推断的意图；{1} 条没有意图，请逐条选择")
        self.status_reported.emit(message.format(confirmed, left))
        return confirmed

    def _current_phrase(self) -> Phrase | None:
        phrase_id = self.current_phrase_id()
        return self.draft.phrases[self.draft.index_of(phrase_id)] if phrase_id else None

    # team settings ----------------------------------------------------------------------------------
    def _refresh_team_tab(self) -> None:
        self.words_edit.setPlainText(words_to_text(self.draft.sensitive_words))
        self.promotions_edit.setPlainText(promotions_to_text(self.draft.promotions))
        self.featured_box.clear()
        self.featured_box.addItem(self.tr("（无）"), "")
        for phrase in self.draft.phrases:
            self.featured_box.addItem(" ".join(phrase.text.split())[:40], phrase.id)
        featured = self.draft.featured
        if featured is not None:
            self.featured_box.setCurrentIndex(max(0, self.featured_box.findData(featured.phrase_id)))
            self.featured_product.setText(featured.product)
            self.featured_start.setText(featured.start.isoformat())
            self.featured_end.setText(featured.end.isoformat())

    def apply_team_settings(self) -> bool:
        try:
            promotions = promotions_from_text(self.promotions_edit.toPlainText())
            featured = featured_from_fields(str(self.featured_box.currentData() or ""), self.featured_product.text(),
                                            self.featured_start.text(), self.featured_end.text())
        except DraftError as error:
            self.team_problem.setText(str(error))
            return False
        self.draft.sensitive_words = words_from_text(self.words_edit.toPlainText())
        self.draft.promotions = promotions
        self.draft.featured = featured
        self.team_problem.setText(self.tr("已应用到草稿，发布后生效"))
        self._refresh_groups()
        return True

    # import and diff --------------------------------------------------------------------------------
    def _on_import_action_triggered(self) -> None:
        path = self.pick_file(self.tr("导入短语库"), self.tr("短语库 (*.csv *.xlsx *.txt);;所有文件 (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Replace the draft's phrases with the file's (ids kept where rows match); shows what will change."""
        current = list(self.draft.phrases)
        self._runner.io(lambda: read_library_file(path, current), self._on_file_read, self._on_task_failed,
                        owner=self)

    def _on_file_read(self, result: tuple[list[Phrase], list[str]]) -> None:
        phrases, skipped = result
        imported_ids = {p.id for p in phrases}
        bundled_left_out = [p for p in self.draft.phrases if is_bundled(p) and p.id not in imported_ids]
        if bundled_left_out and self._keep_bundled(len(bundled_left_out)):
            phrases = [*phrases, *bundled_left_out]
        self.model.beginResetModel()
        self.draft.replace_phrases(phrases)
        self.model.endResetModel()
        self._refresh_groups()
        self._refresh_team_tab()
        note = self.tr("，跳过 {0} 行").format(len(skipped)) if skipped else ""
        without = [p for p in self.draft.phrases if not p.intents]
        inferred = sum(1 for p in without if self.model.inferred(p))
        if without:
            note += self.tr("；{0} 条没有意图（推断出 {1} 条，请确认或改正）").format(len(without), inferred)
        self.status_reported.emit(self.tr("已导入：{0}{1}").format(self.diff().summary(), note))

    def _keep_bundled(self, count: int) -> bool:
        """Asked after importing the shop's own library over one holding Kuaida's bundled defaults."""
        text = self.tr("导入的短语库里没有快答自带的 {0} 条默认短语。不保留时，发布后客服只会看到你们自己的短语"
                       "（默认短语里的 48小时、中通、满99包邮 未必和你们店一样）。要保留默认短语吗？").format(count)
        return self.confirm(self.tr("快答自带的默认短语"), text, self.tr("保留默认短语"))

    def diff(self) -> LibraryDiff:
        return diff_libraries(self._published, self.draft.library())

    def show_diff(self) -> None:
        diff = self.diff()
        self.confirm(self.tr("将要发布的改动"), diff.summary() + "\n\n" + "\n".join(diff.lines(limit=40)),
                     self.tr("关闭"))

    # publishing -------------------------------------------------------------------------------------
    def publish(self, *, override_sensitive: bool | None = None) -> bool:
        """Check, confirm and start publishing. False when something blocked it (the reason is reported)."""
        if self._key is None:
            self.status_reported.emit(self.tr("只有持有团队私钥的主管可以发布"))
            return False
        if self._team_key is not None and self._key.public != self._team_key:
            message = self.tr("这把私钥不是团队正在使用的密钥（指纹 {0}），客服会拒绝它发布的版本")
            self.status_reported.emit(message.format(self._key.public.fingerprint))
            return False
        problems = self.draft.problems()
        if problems:
            self.select_phrase(problems[0][0])
            self.status_reported.emit(self.tr("有 {0} 条短语需要先修改：{1}").format(len(problems), problems[0][1][0]))
            return False
        warnings = self.draft.sensitive_warnings()
        if warnings and override_sensitive is not True:
            listing = "\n".join(
                f"· {self._short_text(w.phrase_id)}（{w.describe()}）" for w in warnings[:10]
            )
            allowed = override_sensitive is None and self.confirm(
                self.tr("短语含敏感词"),
                self.tr("{0} 条短语含敏感词，发布后客服可能被平台处罚：\n{1}").format(len(warnings), listing),
                self.tr("仍然发布"),
            )
            if not allowed:
                self.select_phrase(warnings[0].phrase_id)
                self.status_reported.emit(self.tr("未发布：请先修改含敏感词的短语"))
                return False
        diff = self.diff()
        if not self.confirm(self.tr("发布团队库"),
                            diff.summary() + "\n\n" + "\n".join(diff.lines(limit=30)), self.tr("发布")):
            return False
        self._start_publish()
        return True

    def _short_text(self, phrase_id: str) -> str:
        text = self.draft.phrases[self.draft.index_of(phrase_id)].text
        return " ".join(text.split())[:30]

    def _start_publish(self) -> None:
        key, library, expected = self._key, self.draft.library(), self._base_version
        trusted = (self._team_key,) if self._team_key is not None else ()
        assert key is not None
        folder = self._folder  # resolved on the I/O worker
        publisher = str(self._settings.get("agent_name") or "") or getpass.getuser()
        self.publish_action.setEnabled(False)
        self.status_reported.emit(self.tr("正在发布…"))
        self._runner.io(lambda: publish(folder(), library, key, publisher, expected_version=expected,
                                        known_version=expected, trusted=trusted),
                        lambda result: self._on_published(library, result), self._on_publish_failed, owner=self,
                        timeout_ms=PUBLISH_TIMEOUT_MS)

    def _on_published(self, library: TeamLibrary, result: PublishResult) -> None:
        from desktop.core.sync.canonical import sha256_hex

        manifest, key = result.manifest, self._key
        assert key is not None

        def mirror(ctx: Any) -> None:  # the lead's own copy is exactly what was just published
            self._team_of(ctx).apply(library, manifest.library_version, sha256_hex(manifest.to_bytes()), key.public)

        self._runner.db(mirror, owner=self)
        self._published = library
        self._base_version = manifest.library_version
        self.publish_action.setEnabled(True)
        self.status_reported.emit(self.tr("已发布团队库 v{0}").format(manifest.library_version))
        self.published.emit(manifest.library_version)

    def _on_publish_failed(self, error: BaseException) -> None:
        self.publish_action.setEnabled(True)
        if isinstance(error, PublishRefusedError | IoTimeoutError):
            self.status_reported.emit(str(error))
        else:
            self.status_reported.emit(self.tr("发布失败：共享文件夹无法写入"))

    def _on_task_failed(self, error: BaseException) -> None:
        log.warning("library editor task failed: %s", type(error).__name__)
        self.status_reported.emit(failure_message(error))

    # proposals --------------------------------------------------------------------------------------
    def load_proposals(self) -> None:
        folder = self._folder
        self._runner.io(lambda: list_proposals(folder()), self._on_proposals_loaded, self._on_task_failed, owner=self,
                        timeout_ms=SHARE_TIMEOUT_MS)

    def _on_proposals_loaded(self, result: tuple[list[Proposal], int]) -> None:
        self.proposals, skipped = result
        note = self.tr("建议由客服写入共享文件夹，署名未经验证。")
        if skipped:
            note += self.tr("另有 {0} 个文件未显示（无法读取、不是快答的建议或超出上限）。").format(skipped)
        self.proposals_note.setText(note)
        self.proposal_list.clear()
        for proposal in self.proposals:
            who = proposal.agent or self.tr("客服")
            note = f"（{proposal.note}）" if proposal.note else ""
            QListWidgetItem(f"{who}：{' '.join(proposal.phrase.text.split())}{note}", self.proposal_list)
        self.tabs.setTabText(2, self.tr("客服建议 ({0})").format(len(self.proposals)))

    def accept_proposal(self, row: int) -> Phrase | None:
        if not 0 <= row < len(self.proposals):
            return None
        proposal = self.proposals[row]
        phrase = self.model.append(proposal.phrase.text, proposal.phrase.group)
        self.draft.update(phrase.id, code=proposal.phrase.code, intents=proposal.phrase.intents[:2],
                          keywords=proposal.phrase.keywords)
        self._refresh_groups()
        self._forget_proposal(row)
        self.tabs.setCurrentIndex(0)
        self.select_phrase(phrase.id)
        return phrase

    def reject_proposal(self, row: int) -> None:
        if 0 <= row < len(self.proposals):
            self._forget_proposal(row)

    def _forget_proposal(self, row: int) -> None:
        proposal = self.proposals.pop(row)
        self.proposal_list.takeItem(row)
        self.tabs.setTabText(2, self.tr("客服建议 ({0})").format(len(self.proposals)))
        folder = self._folder
        self._runner.io(lambda: remove_proposal(folder(), proposal.id), on_error=self._on_task_failed, owner=self,
                        timeout_ms=SHARE_TIMEOUT_MS)

    # usage ------------------------------------------------------------------------------------------
    def load_usage(self) -> None:
        folder = self._folder
        self._runner.io(lambda: read_team_usage(folder()), self._on_usage_loaded, self._on_task_failed, owner=self,
                        timeout_ms=SHARE_TIMEOUT_MS)

    def _on_usage_loaded(self, usage: TeamUsage) -> None:
        self.usage = usage
        texts = {p.id: " ".join(p.text.split()) for p in self.draft.phrases}
        names = {i.id: i.name_zh for i in intents()} | {"other": self.tr("其他")}
        self._fill(self.most_table, [(texts.get(pid, pid), n) for pid, n in usage.most_used(20) if pid in texts])
        self._fill(self.least_table, [(texts[pid], n) for pid, n in usage.least_used(texts, 20)])
        self._fill(self.no_match_table, [(names.get(i, i), n) for i, n in usage.no_match.most_common(20)])
        text = self.tr("{0} 位客服的统计（客服各自写入，未经验证；只有次数，不含买家信息）").format(usage.agents)
        if usage.skipped_files:
            text += self.tr("；{0} 个统计文件不可信或超出上限，未计入").format(usage.skipped_files)
        self.usage_label.setText(text)
        self.versions_label.setText(self._versions_text(usage))
        # Agent ids are random (kuaida doctor shows a PC's own); the versions passed VERSION_TEXT, so no markup.
        self.versions_label.setToolTip("\n".join(
            f"{agent}: {v.kuaida or '?'} · v{v.library if v.library is not None else '?'}"
            for agent, v in sorted(usage.versions.items())))

    def _versions_text(self, usage: TeamUsage) -> str:
        unknown = self.tr("未知")
        kuaida = "、".join(f"{version or unknown} × {n}" for version, n in usage.kuaida_versions().most_common())
        library = "、".join(f"{'v' + str(version) if version is not None else unknown} × {n}"
                           for version, n in usage.library_versions().most_common())
        if not usage.versions:
            return ""
        return self.tr("各客服自报的版本（未经验证）：快答 {0}；团队短语库 {1}").format(kuaida, library)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, int]]) -> None:
        table.setRowCount(len(rows))
        for row, (label, count) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(label))
            table.setItem(row, 1, QTableWidgetItem(str(count)))
