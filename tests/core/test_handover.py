"""The shared handover file: what it carries (note, buyer nick, promise, due time), and that a damaged, forged
or oversized one is refused whole with HandoverError."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.handover import (
    MAX_PROMISES,
    HandoverError,
    SharedPromise,
    decode_handover,
    encode_handover,
    handover_file_name,
    new_handover,
)
from desktop.sync.folder import is_safe_name

T0 = dt.datetime(2026, 11, 23, 15, 30, tzinfo=dt.UTC)


def test_a_handover_round_trips_with_only_note_and_promises() -> None:
    promises = [SharedPromise("小猪佩奇", "周五前发货", T0 + dt.timedelta(days=1)), SharedPromise("b", "加赠品")]
    handover = new_handover("0123456789abcdef", T0, "  3 单待付款  ", promises)
    data = encode_handover(handover)
    assert set(json.loads(data)) == {"kind", "format", "id", "agent", "written_at", "note", "promises"}
    assert set(json.loads(data)["promises"][0]) == {"buyer", "text", "due"}
    assert decode_handover(data) == handover and handover.note == "3 单待付款"


def test_only_a_recent_handover_is_fresh() -> None:
    handover = new_handover("0123456789abcdef", T0, "x", [])
    assert handover.is_fresh(T0 + dt.timedelta(hours=47))
    assert not handover.is_fresh(T0 + dt.timedelta(hours=49))
    assert not handover.is_fresh(T0 - dt.timedelta(hours=2))  # written "in the future": a broken clock or forged


def test_file_names_are_per_shop_and_safe_on_the_share() -> None:
    assert handover_file_name("快答小店") != handover_file_name("另一家店")
    assert handover_file_name(" 快答小店 ") == handover_file_name("快答小店")
    assert is_safe_name(handover_file_name("../con\\aux"))


@pytest.mark.parametrize("data", [
    b"", b"\xff\xfe", b"[]", b"{" * 100_000, b'{"kind": "kuaida-handover", "format": 2}',
    json.dumps({"kind": "kuaida-handover", "format": 1, "id": "0" * 32, "agent": "0" * 16,
                "written_at": "2026-11-23T15:30:00", "note": "", "promises": []}).encode(),  # no time zone
    json.dumps({"kind": "kuaida-handover", "format": 1, "id": "0" * 32, "agent": "0" * 16,
                "written_at": "2026-11-23T15:30:00+00:00", "note": "", "promises": [{}] * (MAX_PROMISES + 1)}).encode(),
    json.dumps({"kind": "kuaida-handover", "format": 1, "id": "0" * 32, "agent": "0" * 16,
                "written_at": "2026-11-23T15:30:00+00:00", "note": "x" * 5000, "promises": []}).encode(),
    b" " * (300 * 1024),
])
def test_a_damaged_or_forged_file_is_refused_whole(data: bytes) -> None:
    with pytest.raises(HandoverError):
        decode_handover(data)


@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_give_a_handover_or_handover_error(data: bytes) -> None:
    with contextlib.suppress(HandoverError):
        decode_handover(data)
