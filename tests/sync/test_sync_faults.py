"""The faults are the point: damaged, forged, missing, future and hostile files on the share, and shares
that vanish. Whatever happens, the agent keeps the last good library and the status says why."""

from __future__ import annotations

import base64
import dataclasses
import os
from pathlib import Path

import pytest

from desktop.core.sync.canonical import sha256_hex
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.manifest import Manifest, build_manifest, decode_manifest
from desktop.core.sync.pack import encode_pack
from desktop.sync import pull as pull_module
from desktop.sync.folder import TeamFolder, read_limited
from desktop.sync.publish import publish
from desktop.sync.pull import sync_once
from desktop.sync.status import SyncState


@pytest.fixture
def followed(tmp_path, signing_key, make_library, team):
    """A share at v1 that the agent follows, and v2 published on top (not yet pulled)."""
    share = tmp_path / "share"
    publish(share, make_library(3), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 1
    result = publish(share, make_library(4, tag="v2"), signing_key, "主管")
    return share, share / result.manifest.pack


def _assert_kept_v1(team, status, state=SyncState.REJECTED):
    assert status.state is state, status
    assert status.local_version == 1
    assert team.mirror_state().applied_version == 1
    assert team.phrases.count("team") == 3
    assert status.text().endswith("使用本地副本 v1")


@pytest.mark.parametrize("keep", [0, 1, 100, -1])
def test_a_truncated_pack_is_rejected(followed, team, keep):
    _share, pack = followed
    data = pack.read_bytes()
    pack.write_bytes(data[: keep if keep >= 0 else len(data) + keep])
    status = sync_once(followed[0], team)
    _assert_kept_v1(team, status)
    assert "不完整" in status.reason


def test_a_pack_grown_by_one_byte_is_rejected(followed, team):
    _share, pack = followed
    pack.write_bytes(pack.read_bytes() + b" ")
    _assert_kept_v1(team, sync_once(followed[0], team))


@pytest.mark.parametrize("position", [0, 10, 200, -2])
def test_a_pack_with_one_byte_changed_is_rejected(followed, team, position):
    _share, pack = followed
    data = bytearray(pack.read_bytes())
    data[position] ^= 0x01
    pack.write_bytes(bytes(data))
    status = sync_once(followed[0], team)
    _assert_kept_v1(team, status)
    assert "校验值不符" in status.reason


def test_every_single_byte_change_in_the_manifest_is_refused(followed, team):
    share, _pack = followed
    manifest = TeamFolder(share).manifest
    original = manifest.read_bytes()
    for position in range(len(original)):
        data = bytearray(original)
        data[position] ^= 0x01
        manifest.write_bytes(bytes(data))
        status = sync_once(share, team)
        assert status.state is SyncState.REJECTED, (position, status)  # even "format":3: nobody signed it
        assert team.mirror_state().applied_version == 1
    manifest.write_bytes(original)
    assert sync_once(share, team).local_version == 2


@pytest.mark.parametrize("keep", [0, 1, 50, -1])
def test_a_truncated_manifest_is_rejected(followed, team, keep):
    share, _pack = followed
    manifest = TeamFolder(share).manifest
    data = manifest.read_bytes()
    manifest.write_bytes(data[: keep if keep >= 0 else len(data) + keep])
    _assert_kept_v1(team, sync_once(share, team))


def test_a_manifest_of_garbage_or_the_wrong_kind_is_rejected(followed, team):
    share, _pack = followed
    manifest = TeamFolder(share).manifest
    for garbage in (b"\xff\xfe\x00", b"[]", b'{"kind": "something-else", "format": 1}', b"{" * 100_000):
        manifest.write_bytes(garbage)
        _assert_kept_v1(team, sync_once(share, team))


def test_a_library_signed_with_another_key_is_rejected_naming_its_fingerprint(tmp_path, followed, team,
                                                                               make_library):
    share, _pack = followed
    intruder = SigningKey.generate()
    publish(share, make_library(9), intruder, "冒充者")
    status = sync_once(share, team)
    _assert_kept_v1(team, status)
    assert intruder.public.fingerprint in status.reason


def test_a_manifest_re_signed_by_another_key_after_editing_the_hash_is_rejected(followed, team, make_library):
    share, _pack = followed
    forged_pack = encode_pack(make_library(1, tag="假"), 2)
    forged = build_manifest(forged_pack, 2, SigningKey.generate(), "主管")
    (share / forged.pack).write_bytes(forged_pack)
    TeamFolder(share).manifest.write_bytes(forged.to_bytes())
    _assert_kept_v1(team, sync_once(share, team))


def test_an_unsigned_manifest_is_rejected(followed, team, signing_key):
    share, _pack = followed
    manifest = decode_manifest(TeamFolder(share).manifest.read_bytes())
    TeamFolder(share).manifest.write_bytes(dataclasses.replace(manifest, signature="").to_bytes())
    _assert_kept_v1(team, sync_once(share, team))


def test_a_manifest_pointing_to_a_missing_pack_is_rejected(followed, team):
    share, pack = followed
    pack.unlink()
    status = sync_once(share, team)
    _assert_kept_v1(team, status)
    assert "不存在" in status.reason


def _signed(manifest: Manifest, key: SigningKey) -> bytes:
    unsigned = dataclasses.replace(manifest, signature="")
    signature = base64.b64encode(key.sign(unsigned.signed_part())).decode("ascii")
    return dataclasses.replace(unsigned, signature=signature).to_bytes()


def test_a_format_from_the_future_asks_to_update_kuaida(followed, team, signing_key):
    share, _pack = followed
    manifest = decode_manifest(TeamFolder(share).manifest.read_bytes())
    TeamFolder(share).manifest.write_bytes(_signed(dataclasses.replace(manifest, format=2), signing_key))
    status = sync_once(share, team)
    _assert_kept_v1(team, status, SyncState.NEEDS_UPDATE)
    assert status.text().startswith("请更新快答")
    assert status.exit_code == 5


def test_a_pack_from_the_future_behind_a_current_manifest_asks_to_update(followed, team, signing_key):
    share, pack = followed
    future_pack = pack.read_bytes().replace(b'"format":1', b'"format":7')
    manifest = build_manifest(future_pack, 3, signing_key, "主管")
    (share / manifest.pack).write_bytes(future_pack)
    TeamFolder(share).manifest.write_bytes(manifest.to_bytes())
    _assert_kept_v1(team, sync_once(share, team), SyncState.NEEDS_UPDATE)


def test_a_replayed_old_manifest_is_refused_after_an_update(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(3), signing_key, "主管")
    v1 = TeamFolder(share).manifest.read_bytes()
    sync_once(share, team, trust=signing_key.public.fingerprint)
    publish(share, make_library(4), signing_key, "主管")
    assert sync_once(share, team).local_version == 2
    TeamFolder(share).manifest.write_bytes(v1)
    status = sync_once(share, team)
    assert (status.state, status.local_version) == (SyncState.REJECTED, 2)
    assert "旧" in status.reason


@pytest.mark.parametrize("hostile", [
    "../secret.json", "packs/../../x.json", "/etc/passwd", "packs\\v000002-0123456789abcdef.json",
    "packs/v000002-0123456789abcdef.json/../../x", "C:\\Windows\\win.ini", "packs/v000002-ZZZZ.json",
    "\\\\server\\share\\p.json", "packs/v000002-0123456789abcdef.json\x00",
])
def test_hostile_pack_names_in_a_validly_signed_manifest_are_refused(followed, team, signing_key, hostile):
    share, _pack = followed
    manifest = decode_manifest(TeamFolder(share).manifest.read_bytes())
    TeamFolder(share).manifest.write_bytes(_signed(dataclasses.replace(manifest, pack=hostile), signing_key))
    status = sync_once(share, team)
    _assert_kept_v1(team, status)
    assert "文件名无效" in status.reason


def test_an_unreachable_share_is_offline_and_keeps_the_local_copy(tmp_path, followed, team):
    status = sync_once(tmp_path / "no-such-drive", team)
    _assert_kept_v1(team, status, SyncState.OFFLINE)
    assert status.text() == "离线 · 使用本地副本 v1"
    assert status.exit_code == 3


def test_the_share_vanishing_between_manifest_and_pack_is_offline(followed, team, monkeypatch):
    share, _pack = followed
    real_read = pull_module.read_limited

    def vanishing_read(path: Path, limit: int) -> bytes:
        if path.parent.name == "packs":
            share.rename(share.with_name("unplugged"))
        return real_read(path, limit)

    monkeypatch.setattr(pull_module, "read_limited", vanishing_read)
    _assert_kept_v1(team, sync_once(share, team), SyncState.OFFLINE)


def test_a_read_error_mid_pack_is_offline(followed, team, monkeypatch):
    share, _pack = followed
    real_read = pull_module.read_limited

    def failing_read(path: Path, limit: int) -> bytes:
        if path.parent.name == "packs":
            raise OSError(5, "Input/output error")
        return real_read(path, limit)

    monkeypatch.setattr(pull_module, "read_limited", failing_read)
    _assert_kept_v1(team, sync_once(share, team), SyncState.OFFLINE)


def test_leftover_temporary_files_never_reach_agents(followed, team):
    share, pack = followed
    (share / ".manifest.json.0123.partial").write_bytes(b"half a manifest")
    (pack.parent / f".{pack.name}.0123.partial").write_bytes(b"half a pack")
    assert sync_once(share, team).local_version == 2


def test_an_unchanged_manifest_costs_one_small_read(followed, team, monkeypatch):
    share, _pack = followed
    assert sync_once(share, team).local_version == 2
    reads: list[str] = []
    real_read = pull_module.read_limited
    monkeypatch.setattr(pull_module, "read_limited", lambda p, limit: reads.append(p.name) or real_read(p, limit))
    assert sync_once(share, team).state is SyncState.UNCHANGED
    assert reads == ["manifest.json"]


def test_a_fifty_thousand_phrase_pack_round_trips(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    result = publish(share, make_library(50_000), signing_key, "主管")
    assert result.manifest.pack_size > 1_000_000
    status = sync_once(share, team, trust=signing_key.public.fingerprint)
    assert (status.state, status.local_version) == (SyncState.UPDATED, 1)
    assert team.phrases.count("team") == 50_000
    assert sha256_hex((share / result.manifest.pack).read_bytes()) == result.manifest.pack_sha256


@pytest.mark.parametrize("nofollow", ["as the OS has it", "without O_NOFOLLOW, as on Windows"])
def test_a_symlinked_manifest_is_not_followed(followed, team, tmp_path, monkeypatch, nofollow):
    share, _pack = followed
    outside = tmp_path / "outside.json"
    outside.write_bytes(TeamFolder(share).manifest.read_bytes())
    TeamFolder(share).manifest.unlink()
    try:
        TeamFolder(share).manifest.symlink_to(outside)
    except OSError as error:  # Windows without the privilege (or Developer Mode) to create symbolic links
        pytest.skip(f"cannot create a symbolic link here: {error}")
    if not TeamFolder(share).manifest.exists():  # Wine 8 writes a Unix link to the Windows path: it dangles
        pytest.skip("the symbolic link created here does not resolve (Wine); the Linux run covers this")
    if nofollow.startswith("without"):
        monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)
    with pytest.raises(OSError):
        read_limited(TeamFolder(share).manifest, 1 << 20)
    status = sync_once(share, team)
    assert status.state in {SyncState.OFFLINE, SyncState.REJECTED}
    assert team.mirror_state().applied_version == 1
