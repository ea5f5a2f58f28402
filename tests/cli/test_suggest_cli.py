"""`kuaida suggest`: one message a line on stdin (as ../shared/eval/score.py calls it), copied blocks too;
each suggestion says whether the engine is sure of it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli import main

BLOCK = ("小猪佩奇 2024-05-01 10:21:33\r\n在吗\r\n好物小店:小美 2024-05-01 10:21:40\r\n在的亲\r\n"
         "小猪佩奇 2024-05-01 10:21:52\r\n什么时候发货")


def suggest(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path, *argv: str,
            stdin: str = "") -> list[dict]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["--data-dir", str(home), "suggest", "--json", *argv]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_stdin_is_one_message_a_line(tmp_path: Path, capsys, monkeypatch) -> None:
    answers = suggest(capsys, monkeypatch, tmp_path, stdin="什么时候发货\n好的\n小猪佩奇 2024-05-01 10:21:33\n")
    assert [a["message"] for a in answers] == ["什么时候发货", "好的", "小猪佩奇 2024-05-01 10:21:33"]
    assert "ship_time" in answers[0]["suggestions"][0]["intents"]
    assert all("question" not in a for a in answers)


def test_an_argument_may_be_a_block_copied_from_the_chat_client(tmp_path: Path, capsys, monkeypatch) -> None:
    (answer,) = suggest(capsys, monkeypatch, tmp_path, BLOCK)
    assert (answer["question"], answer["buyer"]) == ("什么时候发货", "小猪佩奇")
    assert "ship_time" in answer["suggestions"][0]["intents"]


def test_block_reads_all_of_stdin_as_one_copy(tmp_path: Path, capsys, monkeypatch) -> None:
    (answer,) = suggest(capsys, monkeypatch, tmp_path, "--block", stdin=BLOCK)
    assert answer["question"] == "什么时候发货"


def test_the_text_output_names_the_buyer_and_the_question_read(tmp_path: Path, capsys, monkeypatch) -> None:
    assert main(["--data-dir", str(tmp_path), "suggest", BLOCK]) == 0
    out = capsys.readouterr().out
    assert out.startswith("» 【小猪佩奇】什么时候发货\n")
    assert "  1. " in out


def _suggest(capsys: pytest.CaptureFixture[str], home: Path, message: str) -> list[dict]:
    assert main(["--data-dir", str(home), "suggest", "--json", message]) == 0
    return json.loads(capsys.readouterr().out.splitlines()[-1])["suggestions"]


def test_a_clear_question_is_sure_and_an_unclear_one_is_marked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clear = _suggest(capsys, tmp_path, "什么时候发货")
    assert clear and all(s["sure"] for s in clear)
    assert _suggest(capsys, tmp_path, "哈哈哈哈") == []
    unclear = _suggest(capsys, tmp_path, "怎么办")
    assert unclear and all(s["sure"] is False for s in unclear)
