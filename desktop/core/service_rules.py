"""质检 self-check and high-risk guard rails: what leads the suggestion list, as pure rules.

Quality inspection (质检) scores agents on a reply later than 3 minutes without an apology and on a "稍等，
我去查查" with no follow-up within 15 minutes; serious tools put guard rails on refund, complaint,
compensation, bad-review and privacy chats, where a sales phrase does damage. The defaults below are the
sources' practice; every one is a setting a shop can change (desktop/settings.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from desktop.core.default_library import is_bundled
from desktop.core.normalize import normalize
from desktop.core.phrases import Phrase

REPLY_ALARM = dt.timedelta(minutes=3)
FOLLOW_UP_AFTER = dt.timedelta(minutes=15)
# The engine's intents for 退款 and 投诉; 赔偿, 差评 and 隐私 are no intents of their own, so words mark them.
HIGH_RISK_INTENTS = ("refund", "complaint")
HIGH_RISK_WORDS = ("差评", "赔偿", "赔钱", "投诉", "12315", "消协", "工商", "曝光", "举报", "隐私", "泄露")
SALES_GROUPS = ("主推",)
SALES_INTENTS = frozenset({"promotion"})
LEADING_PER_FLAG = 1  # approved calming and escalation phrases put first: one of each


@dataclass
class ServiceClock:
    """From the moment a buyer message is copied until a reply is pasted."""

    copied_at: dt.datetime | None = None
    answered: bool = True

    def copied(self, now: dt.datetime) -> None:
        if self.answered:  # a second message before any reply: the buyer has been waiting since the first
            self.copied_at = now
        self.answered = False

    def pasted(self) -> None:
        self.answered = True

    def waiting(self, now: dt.datetime) -> dt.timedelta | None:
        """How long the buyer has waited for a reply, or None when answered."""
        return None if self.answered or self.copied_at is None else max(now - self.copied_at, dt.timedelta(0))

    def overdue(self, now: dt.datetime, alarm: dt.timedelta = REPLY_ALARM) -> bool:
        waited = self.waiting(now)
        return waited is not None and waited >= alarm


@dataclass(frozen=True)
class RiskPolicy:
    intents: frozenset[str] = frozenset(HIGH_RISK_INTENTS)
    words: tuple[str, ...] = HIGH_RISK_WORDS
    sales_groups: frozenset[str] = frozenset(SALES_GROUPS)

    @cached_property
    def _normalized_words(self) -> tuple[str, ...]:
        return tuple(w for w in (normalize(word).replace(" ", "") for word in self.words) if w)

    def is_high_risk(self, message: str, top_intent: str | None) -> bool:
        if top_intent in self.intents:
            return True
        text = normalize(message).replace(" ", "")
        return any(word in text for word in self._normalized_words)

    def is_sales(self, phrase: Phrase, pinned: Iterable[str] = ()) -> bool:
        return phrase.group in self.sales_groups or bool(SALES_INTENTS & set(phrase.intents)) or phrase.id in pinned


def split_list(text: str) -> tuple[str, ...]:
    """A setting's list (`差评|赔偿`, also with ｜ or commas) → its items."""
    for separator in ("｜", ",", "，"):
        text = text.replace(separator, "|")
    return tuple(dict.fromkeys(item.strip() for item in text.split("|") if item.strip()))


def flag_index(library: Sequence[Phrase]) -> dict[str, list[Phrase]]:
    """Flag → the library's phrases with it, the shop's own before the bundled defaults (built once per library)."""
    index: dict[str, list[Phrase]] = {}
    for phrase in library:
        for flag in phrase.flags:
            index.setdefault(flag, []).append(phrase)
    return {flag: sorted(phrases, key=is_bundled) for flag, phrases in index.items()}


def guard_high_risk(phrases: list[Phrase], by_flag: Mapping[str, Sequence[Phrase]], policy: RiskPolicy,
                    pinned: Iterable[str] = ()) -> list[Phrase]:
    """Calming (安抚) and escalation (升级) phrases first, then the answers, sales phrases held back.

    A flagged phrase leads only where it fits: one written for the message's top intent first, then one for
    no intent in particular, then one for another high-risk intent (a refund's calming words do not answer a
    broken item); among equals one already suggested (it fits the message), then the shop's own."""
    pinned = tuple(pinned)
    top = phrases[0].intents[0] if phrases and phrases[0].intents else None
    leading = [_best(by_flag.get(flag, ()), phrases, _fit_rank(top, policy.intents)) for flag in ("calm", "escalate")]
    return _unique([*(p for p in leading if p is not None), *(p for p in phrases if not policy.is_sales(p, pinned))])


def apology_first(phrases: list[Phrase], by_flag: Mapping[str, Sequence[Phrase]]) -> list[Phrase]:
    """After a late reply the list opens with an apology (致歉) phrase."""
    apology = _best(by_flag.get("apology", ()), phrases, lambda p: 0)
    return _unique([apology, *phrases]) if apology is not None else phrases


def _fit_rank(top: str | None, risky: frozenset[str]) -> Callable[[Phrase], int | None]:
    def rank(phrase: Phrase) -> int | None:
        if top is not None and top in phrase.intents:
            return 0
        if not phrase.intents:
            return 1
        return 2 if phrase.intents[0] in risky else None  # None: does not fit

    return rank


def _best(candidates: Sequence[Phrase], shown: list[Phrase], rank: Callable[[Phrase], int | None]) -> Phrase | None:
    """The best-fitting candidate (lowest rank), one already shown first among equals, else in order (the
    candidates come shop's own first)."""
    ids = {p.id for p in shown}
    best: tuple[int, int] | None = None
    chosen = None
    for phrase in candidates:
        fit = rank(phrase)
        if fit is None:
            continue
        key = (fit, phrase.id not in ids)
        if best is None or key < best:
            best, chosen = key, phrase
            if key == (0, False):
                break
    return chosen


def _unique(phrases: Iterable[Phrase]) -> list[Phrase]:
    seen: set[str] = set()
    return [p for p in phrases if not (p.id in seen or seen.add(p.id))]  # type: ignore[func-returns-value]
