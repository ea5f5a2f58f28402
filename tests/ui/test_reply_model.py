"""The suggestion list model and the search proxy: Qt's model contract, roles, lazy rendering."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.engine import Suggestion
from desktop.ui.reply_model import (
    GroupRole,
    NumberRole,
    PhraseRole,
    RenderedTextRole,
    ReplyListModel,
    SearchProxyModel,
    SensitiveSpansRole,
    SourceRole,
    SureRole,
)

from .conftest import GIFT, MINE, PHRASES, SHIP, WECHAT, find_wechat


def render_with_name(text: str) -> str:
    return text.replace("{客服}", "小美").replace("{店铺}", "")


def test_suggestion_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ReplyListModel(render_with_name, find_wechat)
    model.set_suggestions([Suggestion(SHIP, 0.9), Suggestion(WECHAT, 0.5)])
    qtmodeltester.check(model)
    model.set_suggestions([])
    qtmodeltester.check(model)


def test_rows_show_the_text_as_it_will_be_pasted_with_number_group_and_marks() -> None:
    model = ReplyListModel(render_with_name, find_wechat)
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
    model = ReplyListModel(render_with_name)
    model.set_phrases([SHIP.with_changes(id=f"t-{n}") for n in range(12)])
    assert [model.index(row).data(NumberRole) for row in range(12)] == [*range(1, 10), 0, 0, 0]


def test_a_new_renderer_re_renders_every_row_and_says_so(qtbot) -> None:
    model = ReplyListModel(render_with_name)
    model.set_phrases([SHIP])
    assert "小美" in model.index(0).data()
    with qtbot.waitSignal(model.dataChanged):
        model.set_renderer(lambda text: text.replace("{客服}", "阿花"))
    assert "阿花" in model.index(0).data()


def make_proxy() -> tuple[ReplyListModel, SearchProxyModel]:
    source = ReplyListModel(render_with_name, find_wechat)
    source.set_phrases(list(PHRASES))
    proxy = SearchProxyModel()
    proxy.setSourceModel(source)
    return source, proxy


def test_search_proxy_passes_the_model_tester(qtmodeltester) -> None:
    _source, proxy = make_proxy()
    proxy.set_hits("亲", [GIFT, SHIP])
    qtmodeltester.check(proxy)
    proxy.set_hits("nothing", [])
    qtmodeltester.check(proxy)


def test_search_proxy_keeps_the_engines_order_and_numbers_its_own_rows() -> None:
    _source, proxy = make_proxy()
    proxy.set_hits("亲", [MINE, GIFT])
    assert [proxy.phrase(row).id for row in range(proxy.rowCount())] == [MINE.id, GIFT.id]
    assert [proxy.index(row, 0).data(NumberRole) for row in range(proxy.rowCount())] == [1, 2]
    assert proxy.query() == "亲"


def test_search_proxy_shows_nothing_without_a_query_or_hits() -> None:
    _source, proxy = make_proxy()
    proxy.set_hits("", [])
    assert proxy.rowCount() == 0
    proxy.set_hits("zzz", [])
    assert proxy.rowCount() == 0


def test_guesses_are_marked_less_sure_and_library_rows_are_not() -> None:
    model = ReplyListModel(render_with_name, find_wechat)
    model.set_suggestions([Suggestion(SHIP, 0.9), Suggestion(GIFT, 0.4, sure=False)])
    assert (model.index(0).data(SureRole), model.index(1).data(SureRole)) == (True, False)
    model.set_phrases([SHIP])
    assert model.index(0).data(SureRole) is True
