"""The service guard the window consults around each suggestion list and each paste (Qt-free).

Three checks, each a setting: the duplicate-send guard (send_guard.py), the 质检 service timers and the
high-risk guard rails (service_rules.py). It arranges a suggestion list, answers "is this a repeat?" before
a paste, and says after one what to store (a digest) and whether a follow-up is due. It holds no Qt and does
no I/O: the window runs the store calls on its DB worker (desktop/ui/suggestions/guard_hooks.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from desktop.core.engine import Suggestion
from desktop.core.phrases import Phrase
from desktop.core.send_guard import (
    CONVERSATION_WINDOW,
    ConversationTracker,
    SentToday,
    Variants,
    next_variant,
    rotate_greetings,
)
from desktop.core.service_rules import (
    FOLLOW_UP_AFTER,
    REPLY_ALARM,
    RiskPolicy,
    ServiceClock,
    apology_first,
    flag_index,
    guard_high_risk,
    split_list,
)

Render = Callable[[Phrase], str]
Getter = Callable[[str], object]


@dataclass(frozen=True)
class GuardOptions:
    duplicates: bool = True
    timers: bool = False
    high_risk: bool = True
    conversation_window: dt.timedelta = CONVERSATION_WINDOW
    reply_alarm: dt.timedelta = REPLY_ALARM
    follow_up_after: dt.timedelta = FOLLOW_UP_AFTER
    risk: RiskPolicy = field(default_factory=RiskPolicy)

    @classmethod
    def from_settings(cls, get: Getter) -> GuardOptions:
        return cls(
            duplicates=bool(get("duplicate_guard")), timers=bool(get("service_timers")),
            high_risk=bool(get("high_risk_guard")),
            conversation_window=dt.timedelta(minutes=int(str(get("duplicate_guard_window_minutes")))),
            reply_alarm=dt.timedelta(minutes=int(str(get("reply_alarm_minutes")))),
            follow_up_after=dt.timedelta(minutes=int(str(get("follow_up_minutes")))),
            risk=RiskPolicy(frozenset(split_list(str(get("high_risk_intents")))),
                            split_list(str(get("high_risk_words"))), frozenset(split_list(str(get("sales_groups"))))),
        )


def rails_only(get: Getter) -> GuardOptions:
    """The guard a stateless caller applies (`kuaida suggest`): the high-risk guard rails; no duplicates or
    timers, which need a conversation."""
    return replace(GuardOptions.from_settings(get), duplicates=False, timers=False)


SETTING_KEYS = ("duplicate_guard", "service_timers", "high_risk_guard", "duplicate_guard_window_minutes",
                "reply_alarm_minutes", "follow_up_minutes", "high_risk_intents", "high_risk_words", "sales_groups")


@dataclass(frozen=True)
class Arranged:
    suggestions: list[Suggestion]
    high_risk: bool = False  # calming and escalation phrases lead, sales phrases held back
    apology: bool = False  # the buyer waited past the alarm: an apology leads


@dataclass(frozen=True)
class Repeat:
    """The phrase about to be pasted already went to this buyer today."""

    phrase: Phrase
    variant: Phrase | None  # the next variant of the same intent not sent yet
    nick: str  # "" when the buyer is only known as the chat of the last replies


@dataclass(frozen=True)
class FollowUp:
    nick: str
    due: dt.datetime


@dataclass(frozen=True)
class Pasted:
    day: dt.date
    digest: str | None  # to store (None with the guard off or no buyer known yet)
    follow_up: FollowUp | None  # a 稍等查询 phrase was pasted (with the timers on)


class ServiceGuard:
    def __init__(self, options: GuardOptions, key: bytes = b"", today: dt.date | None = None) -> None:
        self.options = options
        self.conversation = ConversationTracker(options.conversation_window)
        self.sent = SentToday(key, today or dt.date.today())
        self.clock = ServiceClock()
        self._warned: tuple[str, str] | None = None  # (buyer, phrase id) warned about: the next pick pastes
        self._indexed: tuple[Sequence[Phrase], Variants, dict[str, list[Phrase]]] | None = None

    def _index(self, library: Sequence[Phrase]) -> tuple[Variants, dict[str, list[Phrase]]]:
        """Variants and flagged phrases of `library`, built once per library (10,000 phrases: ~5 ms a scan)."""
        if self._indexed is None or self._indexed[0] is not library:
            self._indexed = (library, Variants(library), flag_index(library))
        return self._indexed[1], self._indexed[2]

    def configure(self, options: GuardOptions) -> None:
        self.options = options
        self.conversation.window = options.conversation_window

    def load(self, key: bytes, day: dt.date, digests: Sequence[str]) -> None:
        """Today's digests from the store (and the installation's secret they are keyed with)."""
        self.sent = SentToday(key, day, digests)

    # a copy ----------------------------------------------------------------------------------------
    def copied(self, nick: str, now: dt.datetime) -> None:
        self.sent.roll_to(_local_day(now))
        self.conversation.copied(nick, now)
        self.clock.copied(now)
        self._warned = None

    def card_named(self, nick: str) -> None:
        self.conversation.card_named(nick)

    @property
    def nick(self) -> str:
        return self.conversation.nick

    def _unsent(self, render: Render) -> Callable[[Phrase], bool]:
        buyer = self.conversation.buyer
        return lambda phrase: not self.sent.was_sent(buyer, render(phrase))

    def arrange(self, suggestions: list[Suggestion], message: str, library: Sequence[Phrase], render: Render,
                now: dt.datetime, pinned: Sequence[str] = ()) -> Arranged:
        """The list the agent sees: guard rails, then an apology after a late reply, greetings rotated."""
        if not suggestions and not message:
            return Arranged(suggestions)
        phrases = [s.phrase for s in suggestions]
        variants, flagged = self._index(library)
        top_intent = phrases[0].intents[0] if phrases and phrases[0].intents else None
        risky = self.options.high_risk and bool(message) and self.options.risk.is_high_risk(message, top_intent)
        if risky:
            phrases = guard_high_risk(phrases, flagged, self.options.risk, pinned)
        late = self.options.timers and self.clock.overdue(now, self.options.reply_alarm)
        if late:
            phrases = apology_first(phrases, flagged)
        if self.options.duplicates and self.conversation.buyer:
            phrases = rotate_greetings(phrases, variants, self._unsent(render))
        if not risky and not late and [p.id for p in phrases] == [s.phrase.id for s in suggestions]:
            return Arranged(suggestions)
        by_id = {s.phrase.id: s for s in suggestions}
        sure = all(s.sure for s in suggestions)
        arranged = [by_id.get(p.id) or Suggestion(p, 0.0, sure) for p in phrases][:max(len(suggestions), 1)]
        return Arranged(arranged, risky, late)

    # a paste ---------------------------------------------------------------------------------------
    def check(self, phrase: Phrase, text: str, library: Sequence[Phrase], render: Render) -> Repeat | None:
        """Before pasting: a Repeat the first time a phrase already sent to this buyer today is picked;
        picked again right after the warning, it goes through (the guard never blocks)."""
        buyer = self.conversation.buyer
        if not self.options.duplicates or not self.sent.was_sent(buyer, text):
            return None
        if self._warned == (buyer, phrase.id):
            self._warned = None
            return None
        self._warned = (buyer, phrase.id)
        variant = next_variant(phrase, self._index(library)[0], self._unsent(render))
        return Repeat(phrase, variant, self.conversation.nick)

    def pasted(self, phrase: Phrase | None, text: str, now: dt.datetime) -> Pasted:
        self._warned = None
        self.clock.pasted()
        self.conversation.pasted(now)
        day = _local_day(now)
        self.sent.roll_to(day)
        digest = None
        # (not before the store's secret has come: a digest keyed otherwise would never match again)
        if self.options.duplicates and self.conversation.buyer and self.sent.key:
            digest = self.sent.digest(self.conversation.buyer, text)
            self.sent.add(digest)
        follow_up = None
        if self.options.timers and phrase is not None and phrase.has_flag("wait"):
            follow_up = FollowUp(self.conversation.nick, now + self.options.follow_up_after)
        return Pasted(day, digest, follow_up)

    def waiting(self, now: dt.datetime) -> dt.timedelta | None:
        """How long the buyer has waited (for the discreet timer), None when answered or timers are off."""
        return self.clock.waiting(now) if self.options.timers else None


def _local_day(now: dt.datetime) -> dt.date:
    """The agent's calendar day: "today" is the shop's working day as the PC's clock shows it."""
    return now.astimezone().date() if now.tzinfo else now.date()
