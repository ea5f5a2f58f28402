"""`kuaida suggest` reads messages from stdin in UTF-8 or in the console's code page (GBK on Chinese Windows)."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli import main

MESSAGES = ["什么时候发货", "亲，可以便宜点吗？"]


def _stdin_as_windows_decodes_it(data: bytes) -> io.TextIOWrapper:
    # Windows' Python decodes a piped stdin with the ANSI code page; Chinese Windows: GBK (cp936).
    return io.TextIOWrapper(io.BytesIO(data), encoding="gbk", errors="surrogateescape")


@pytest.mark.parametrize("data", [
    "\n".join(MESSAGES).encode("utf-8"),  # a UTF-8 file or script: crashed in OpenCC on Windows
    "\ufeff".encode() + "\r\n".join(MESSAGES).encode("utf-8") + b"\r\n",  # Notepad's UTF-8, CRLF
    "\r\n".join(MESSAGES).encode("gbk"),  # cmd.exe's own pipe
], ids=["utf-8", "utf-8-bom-crlf", "gbk"])
def test_messages_piped_in_any_encoding_arrive_intact(tmp_path, monkeypatch, capsys, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", _stdin_as_windows_decodes_it(data))
    assert main(["--data-dir", str(tmp_path), "suggest", "--json"]) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [answer["message"] for answer in answers] == MESSAGES
    assert answers[0]["suggestions"]
