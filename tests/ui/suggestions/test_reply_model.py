"""The reply list model (suggestions and search hits): Qt's model contract, roles, lazy rendering."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.engine import Suggestion
from desktop.services.values import RenderValues
from desktop.ui.suggestions.reply_model import (
    GroupRole,
    NumberRole,
    PhraseRole,
    RenderedTextRole,
    ReplyListModel,
    SensitiveSpansRole,
    SourceRole,
    SureRole,
)

from ..conftest import GIFT, SHIP, WECHAT, find_wechat

WITH_NAME = RenderValues.of({"客服": "小美", "店铺": ""})


def test_suggestion_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ReplyListModel(WITH_NAME, find_wechat)
    model.set_suggestions([Suggestion(SHIP, 0.9), Suggestion(WECHAT, 0.5)])
    qtmodeltester.check(model)
    model.set_suggestions([])
    qtmodeltester.check(model)


def test_rows_show_the_text_as_it_will_be_pasted_with_number_group_and_marks() -> None:
    model = ReplyListModel(WITH_NAME, find_wechat)
    model.set_suggestions([Suggestion(SHIP, 0.9), Suggestion(WECHAT, 0.5)])
    first, second = model.index(0), model.index(1)
    assert first.data() == "亲，小美这边看了，付款后48小时内发货哦～📦"
    assert first.data(RenderedTextRole) == first.data(Qt.ItemDataRole.DisplayRole)
    assert (first.data(NumberRole), second.data(NumberRole)) == (1, 2)
    assert first.data(GroupRole) == "发货物流"
    assert first.data(PhraseRole) is SHIP
    assert first.data(SensitiveSpansRole) == []
    assert second.data(SensitiveSpansRole) == [(3, 5)]
    assert second.data(SourceRole) == "team"


def test_only_the_first_nine_rows_have_numbers() -> None:
    model = ReplyListModel(WITH_NAME)
    model.set_phrases([SHIP.with_changes(id=f"t-{n}") for n in range(12)])
    assert [model.index(row).data(NumberRole) for row in range(12)] == [*range(1, 10), 0, 0, 0]


def test_new_values_re_render_every_row_and_says_so(qtbot) -> None:
    model = ReplyListModel(WITH_NAME)
    model.set_phrases([SHIP])
    assert "小美" in model.index(0).data()
    with qtbot.waitSignal(model.dataChanged):
        model.set_values(RenderValues.of({"客服": "阿花"}))
    assert "阿花" in model.index(0).data()


def test_a_phrase_with_thousands_of_nested_brackets_is_shown(qtmodeltester) -> None:
    """Issue 11 #7: such a team phrase raised RecursionError inside data() and then crashed the list."""
    from desktop.core.phrases import Phrase

    hostile = Phrase("t-hostile", "亲" + "（" * 1200 + "{买家}" + "）" * 1200 + "您好", "未分组", source="team")
    model = ReplyListModel(RenderValues())
    model.set_phrases([hostile, SHIP])
    qtmodeltester.check(model)
    assert model.index(0).data() == "亲您好"


def test_guesses_are_marked_less_sure_and_library_rows_are_not() -> None:
    model = ReplyListModel(WITH_NAME, find_wechat)
    model.set_suggestions([Suggestion(SHIP, 0.9), Suggestion(GIFT, 0.4, sure=False)])
    assert (model.index(0).data(SureRole), model.index(1).data(SureRole)) == (True, False)
    model.set_phrases([SHIP])
    assert model.index(0).data(SureRole) is True
