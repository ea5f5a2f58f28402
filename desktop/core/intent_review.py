"""Which intents imported phrases answer: written in the file, inferred from their own text, or none.

`kuaida library import` and the window's 导入短语… report it; the lead's editor and the phrase dialog show the
inferred ones (marked 推断) for confirming or correcting, which stores them as the phrase's intents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.phrases import Phrase, intents

INFERRED_MARK = "推断："


@dataclass
class IntentReport:
    given: list[Phrase] = field(default_factory=list)  # intents in the file, or kept from an earlier import
    inferred: list[tuple[Phrase, tuple[str, ...]]] = field(default_factory=list)
    without: list[Phrase] = field(default_factory=list)  # neither: never suggested for a buyer message

    @property
    def with_intents(self) -> int:
        return len(self.given) + len(self.inferred)

    def summary(self) -> str:
        return (
            f"{self.with_intents} 条有意图（文件中写明 {len(self.given)} 条，推断 {len(self.inferred)} 条），"
            f"{len(self.without)} 条没有意图"
        )


def review_intents(phrases: Iterable[Phrase]) -> IntentReport:
    report = IntentReport()
    for phrase in phrases:
        if phrase.intents:
            report.given.append(phrase)
        elif inferred := infer_phrase_intents(phrase):
            report.inferred.append((phrase, inferred))
        else:
            report.without.append(phrase)
    return report


def intent_names(ids: Iterable[str]) -> str:
    """Intent ids as their Chinese names, joined by 、 (unknown ids as they are)."""
    names = {i.id: i.name_zh for i in intents()}
    return "、".join(names.get(i, i) for i in ids)


def inferred_label(phrase: Phrase) -> str:
    """"推断：物流查询" for a phrase without intents whose text says one; "" otherwise."""
    if phrase.intents:
        return ""
    inferred = infer_phrase_intents(phrase)
    return INFERRED_MARK + intent_names(inferred) if inferred else ""


def phrase_line(phrase: Phrase, width: int = 40) -> str:
    """One line naming a phrase in a report: its code, group and the start of its text."""
    text = " ".join(phrase.text.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return f"{phrase.code or '-'}\t[{phrase.group}]\t{text}"
