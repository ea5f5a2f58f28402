"""UiText: the Chinese source and its fields, formatted untranslated (CLI) or through a translate function (UI)."""

from __future__ import annotations

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText


def test_fields_fill_their_placeholders_once_and_in_any_order() -> None:
    text = UiText("Ctx", QT_TRANSLATE_NOOP("Ctx", "%2 与 %1"), ("甲%2", "乙"))
    assert str(text) == "乙 与 甲%2"  # a field's own "%2" is the buyer's text, not a placeholder
    english = {("Ctx", "%2 与 %1"): "%1 and %2"}
    assert text.format(lambda context, source: english[context, source]) == "甲%2 and 乙"


def test_ten_fields_do_not_confuse_percent_one_with_percent_ten() -> None:
    fields = tuple(str(n) for n in range(1, 11))
    assert str(UiText("Ctx", "%10-%1", fields)) == "10-1"
