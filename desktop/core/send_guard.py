"""Duplicate-send guard: who is being answered, and whether a reply already went to that buyer today.

The platforms punish the same text sent twice to one buyer (千牛's and 拼多多's 服务态度提醒: "您已向当前消费者发送
2条相同内容的消息"). Kuaida remembers, per day, a keyed hash of buyer + reply, never the reply or the buyer's
words, and forgets yesterday's. Pure logic: the store keeps the digests (desktop/store/sent_log.py), the
window asks before a repeat (desktop/ui/suggestions/guard_hooks.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from desktop.core.normalize import normalize
from desktop.core.phrases import Phrase

DIGEST_BYTES = 12
# Without a buyer nick, a copy within this long of the last paste is taken as the same conversation: as
# long as the 3-minute reply standard, since agents switch between buyers all the time.
CONVERSATION_WINDOW = dt.timedelta(minutes=3)
GREETING_INTENT = "greeting"
GREETING_GROUPS = frozenset({"欢迎语"})


@lru_cache(maxsize=4096)  # the same rendered phrases are checked again and again
def comparable(text: str) -> str:
    """Near-identical replies compare equal: case, width, Traditional characters, punctuation, emoji, spaces
    and order numbers make no difference (亲，在的～😊 and 亲在的 are the same message to the buyer)."""
    return normalize(text).replace(" ", "")


def sent_digest(key: bytes, day: dt.date, buyer: str, text: str) -> str:
    """The one thing stored per reply sent: a keyed hash of day, buyer and the reply's comparable text."""
    digest = hashlib.blake2b(digest_size=DIGEST_BYTES, key=key[:64])
    digest.update(f"{day.isoformat()}\x1f{buyer}\x1f{comparable(text)}".encode())
    return digest.hexdigest()


class ConversationTracker:
    """Which buyer the agent is answering: the nick a copied block names, else the customer card's buyer,
    else the buyer of the last pasted reply if it was pasted within `window`, else a new anonymous chat."""

    def __init__(self, window: dt.timedelta = CONVERSATION_WINDOW) -> None:
        self.window = window
        self.buyer = ""  # "n:<nick>" or "a:<random>" (an anonymous chat), "" before the first copy
        self.nick = ""  # the buyer's nick when known
        self._last_paste: dt.datetime | None = None
        self._named_by_copy = False

    def copied(self, named: str, now: dt.datetime) -> None:
        self._named_by_copy = bool(named)
        if named:
            self.buyer, self.nick = f"n:{named}", named
        elif not (self._last_paste is not None and now - self._last_paste <= self.window and self.buyer):
            self.buyer, self.nick = f"a:{secrets.token_hex(6)}", ""

    def card_named(self, nick: str) -> None:
        """The customer card found the buyer in the copy (a nick or an order number): better than a guess
        from the time of the last paste, not better than a nick the copied block names."""
        if nick and not self._named_by_copy:
            self.buyer, self.nick = f"n:{nick}", nick

    def pasted(self, now: dt.datetime) -> None:
        self._last_paste = now


class SentToday:
    """Today's digests (loaded from the store at start, added to as replies are pasted)."""

    def __init__(self, key: bytes, day: dt.date, digests: Iterable[str] = ()) -> None:
        self.key = key
        self.day = day
        self._digests = set(digests)

    def roll_to(self, day: dt.date) -> bool:
        """A new day forgets yesterday's replies; True when it did (the store prunes too)."""
        if day == self.day:
            return False
        self.day, self._digests = day, set()
        return True

    def digest(self, buyer: str, text: str) -> str:
        return sent_digest(self.key, self.day, buyer, text)

    def was_sent(self, buyer: str, text: str) -> bool:
        return bool(buyer) and self.digest(buyer, text) in self._digests

    def add(self, digest: str) -> None:
        self._digests.add(digest)


def is_greeting(phrase: Phrase) -> bool:
    return GREETING_INTENT in phrase.intents or phrase.group in GREETING_GROUPS


def _kin_key(phrase: Phrase) -> str:
    """Variants of each other: the same first intent, or for phrases without intents, the same group."""
    return f"i:{phrase.intents[0]}" if phrase.intents else f"g:{phrase.group}"


class Variants:
    """The library grouped into variants of each other, built once per library (a lookup per phrase after)."""

    def __init__(self, library: Sequence[Phrase]) -> None:
        self._kin: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in library:
            self._kin[_kin_key(phrase)].append(phrase)

    def siblings(self, phrase: Phrase) -> list[Phrase]:
        """Variants of `phrase` in library order, starting after it and wrapping round."""
        kin = self._kin.get(_kin_key(phrase), [])
        at = next((i for i, p in enumerate(kin) if p.id == phrase.id), -1)
        return [p for p in kin[at + 1:] + kin[:max(at, 0)] if p.id != phrase.id]


def next_variant(phrase: Phrase, variants: Variants, unsent: Callable[[Phrase], bool]) -> Phrase | None:
    """The next variant of the same intent not yet sent to this buyer today, if any."""
    return next((p for p in variants.siblings(phrase) if unsent(p)), None)


def rotate_greetings(phrases: list[Phrase], variants: Variants, unsent: Callable[[Phrase], bool]) -> list[Phrase]:
    """A greeting already sent to this buyer today gives its place to the next one not sent yet (the buyer
    should not read the same 在的呢 twice); other phrases stay where they are."""
    shown = {p.id for p in phrases}
    rotated = []
    for phrase in phrases:
        if is_greeting(phrase) and not unsent(phrase):
            variant = next((p for p in variants.siblings(phrase) if p.id not in shown and unsent(p)), None)
            if variant is not None:
                shown.add(variant.id)
                phrase = variant
        rotated.append(phrase)
    return rotated
