"""The ⚠ question offers the word list's fixed text; F pastes it, and adoption counts what was pasted."""

from __future__ import annotations

import dataclasses

from desktop.services.library import sensitive_checks

from ..conftest import WECHAT, Overlay


def test_the_fixed_text_is_offered_and_pasted(qtbot, overlay: Overlay) -> None:
    find, fix = sensitive_checks()
    overlay.controller.set_library(dataclasses.replace(overlay.controller.library, find_sensitive=find,
                                                       fix_sensitive=fix))
    asked: list[tuple[list[str], str]] = []
    answers = iter(["fixed", None])
    def confirm(_parent: object, words: list[str], fixed: str) -> str | None:
        asked.append((words, fixed))
        return next(answers)

    overlay.controller.pipeline.confirm_sensitive_fixed = confirm
    overlay.copy("能便宜点吗")
    overlay.hotkeys.press("pick:2")  # 加微信可以给您返现哦
    fixed = "亲，有问题在这里随时问我哦可以给您期待您的真实评价哦"
    assert asked == [(["加微", "微信", "返现"], fixed)]
    qtbot.waitUntil(lambda: overlay.paster.texts == [fixed])
    overlay.hotkeys.press("pick:2")  # cancelled this time: nothing more is pasted
    assert overlay.paster.texts == [fixed] and len(asked) == 2
    assert WECHAT.id == "t-risky"
