"""The 建议 list feeds the adoption counts: a message with suggestions, a paste by rank, an edited re-copy."""

from __future__ import annotations

from desktop.store.adoption import AdoptionRepository

from ..conftest import GIFT, Overlay


def outcomes(overlay: Overlay) -> dict[tuple[str, str], int]:
    return {(phrase, outcome): n for _day, phrase, outcome, n in AdoptionRepository(overlay.services.store.db).counts()}


def test_a_pick_by_rank_an_edited_recopy_and_a_miss_are_counted(overlay: Overlay) -> None:
    overlay.copy("什么时候发货")
    overlay.hotkeys.press("pick:2")
    overlay.copy(GIFT.text + "，今天就发")  # the agent re-copies what it sent, edited: no buyer message
    overlay.copy("什么时候发货")
    overlay.controller.adoption.flush()
    assert outcomes(overlay) == {("", "message"): 2, ("", "shown"): 2, (GIFT.id, "edited"): 1, ("", "no_pick"): 1}


def test_a_paste_from_search_counts_as_search_and_the_next_message_closes_it(qtbot, overlay: Overlay) -> None:
    from PySide6.QtCore import Qt

    overlay.copy("运费险有吗")
    overlay.hotkeys.press("search")
    box = overlay.window.suggestions.search_box
    qtbot.keyClicks(box, "yfx")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(overlay.paster.requests) == 1)
    overlay.copy("好的谢谢")  # a new buyer message: the search paste was sent unchanged
    counts = outcomes(overlay)
    assert counts[("", "message")] == 2 and counts[("", "shown")] == 1
    assert [outcome for (phrase, outcome) in counts if phrase and phrase != ""] == ["search"]
