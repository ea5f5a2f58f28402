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
