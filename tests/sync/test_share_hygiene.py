"""Publishing cleans up only what Kuaida itself wrote, and never follows a link out of the share."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.phrases import Phrase
from desktop.sync.atomic import is_own_temporary, temp_name_for
from desktop.sync.folder import TeamFolder
from desktop.sync.inbox import list_proposals, propose, remove_proposal
from desktop.sync.publish import publish
from desktop.sync.usage import read_team_usage

LONG_AGO = (1_000_000_000, 1_000_000_000)


def old_file(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, LONG_AGO)
    return path


def test_other_programs_files_in_the_share_survive_publishing(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    foreign = [old_file(share / name) for name in (
        ".DS_Store", "~$团队话术.xlsx", ".~lock.团队话术.xlsx#", "下载中.partial", ".foreign.partial",
        "._manifest.json", ".manifest.json.not-hex.partial")]
    foreign += [old_file(share / sub / ".DS_Store") for sub in ("packs", "inbox", "stats")]
    ours = [old_file(temp_name_for(share / "manifest.json")),
            old_file(temp_name_for(share / "stats" / "0123456789abcdef.json")),
            old_file(temp_name_for(share / "inbox" / "20261204T101010-agent-0a1b2c3d.json"))]
    publish(share, make_library(2), signing_key, "主管")
    assert all(path.exists() for path in foreign)
    assert not any(path.exists() for path in ours)


@pytest.mark.parametrize("sub", ["inbox", "stats"])
def test_a_linked_subfolder_is_never_followed(tmp_path, signing_key, make_library, sub):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    elsewhere = tmp_path / "elsewhere"
    victims = [old_file(temp_name_for(elsewhere / "0123456789abcdef.json")),
               old_file(elsewhere / "v000001-0123456789abcdef.json")]
    (share / sub).symlink_to(elsewhere, target_is_directory=True)
    publish(share, make_library(2), signing_key, "主管")
    assert all(path.exists() for path in victims)


def test_a_linked_inbox_is_neither_listed_nor_emptied(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proposal_id = propose(elsewhere, Phrase(id="", text="亲，在的"), "abc")  # a real proposal file …
    victim = elsewhere / "inbox" / f"{proposal_id}.json"
    share = tmp_path / "share"
    share.mkdir()
    (share / "inbox").symlink_to(elsewhere / "inbox", target_is_directory=True)  # … reached through a link
    assert list_proposals(share) == ([], 0)
    remove_proposal(share, proposal_id)
    assert victim.exists()
    (share / "stats").symlink_to(elsewhere, target_is_directory=True)
    assert read_team_usage(share).agents == 0


def test_only_kuaidas_own_temporary_names_count_as_its_own():
    assert is_own_temporary(temp_name_for(Path("manifest.json")).name)
    assert is_own_temporary(".probe-" + "0" * 32 + ".partial")
    for name in (".DS_Store", "x.partial", ".x.partial", ".manifest.json.partial", "~$a.xlsx",
                 ".../..." + "0" * 32 + ".partial", ".manifest.json." + "0" * 31 + ".partial"):
        assert not is_own_temporary(name), name


def test_a_team_folder_layout_is_unchanged_by_cleanup(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    for count in range(1, 4):
        publish(share, make_library(count), signing_key, "主管")
    assert sorted(p.name for p in share.iterdir()) == ["manifest.json", "packs"]
    assert len(list(TeamFolder(share).packs.iterdir())) == 3
