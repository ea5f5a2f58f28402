"""`kuaida suggest --json`: each suggestion says whether the engine is sure of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


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
