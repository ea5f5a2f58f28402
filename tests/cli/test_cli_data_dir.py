"""`--data-dir` before or after the sub-command, for every command, nested ones (`library import`) included."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import build_parser, main


def _command_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
        tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from _command_parsers(sub, (*path, name))


def test_every_sub_command_takes_data_dir_without_overwriting_the_one_given_before() -> None:
    found = list(_command_parsers(build_parser()))
    assert {path[0] for path, _ in found} >= {"suggest", "check", "library", "store", "sync", "orders", "doctor"}
    for path, parser in found:
        action = parser._option_string_actions.get("--data-dir")
        assert action is not None, f"kuaida {' '.join(path)} does not take --data-dir"
        assert action.default is argparse.SUPPRESS, f"kuaida {' '.join(path)} would reset --data-dir"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["library", "import", "F.csv", "--data-dir", "D"], "D"),
        (["library", "--data-dir", "D", "list"], "D"),
        (["--data-dir", "D", "library", "list"], "D"),
        (["--data-dir", "A", "store", "check", "--data-dir", "B"], "B"),
        (["sync", "status", "--data-dir=D"], "D"),
        (["suggest", "什么时候发货", "--data-dir", "D"], "D"),
        (["doctor"], None),
        (["library", "list"], None),
    ],
)
def test_data_dir_is_read_wherever_it_stands(argv: list[str], expected: str | None) -> None:
    assert build_parser().parse_args(argv).data_dir == expected


def test_a_library_imported_with_data_dir_after_the_command_lands_in_that_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    file = tmp_path / "mine.csv"
    file.write_text("快捷编码,快捷短语,快捷短语分组\nfh,亲，今天下午发货哦,发货\n", encoding="utf-8")
    assert main(["library", "import", str(file), "--data-dir", str(home)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(home), "library", "list", "--source", "personal", "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [entry["text"] for entry in listed] == ["亲，今天下午发货哦"]
    assert (home / "kuaida.sqlite3").exists() or any(home.glob("*.sqlite3"))
