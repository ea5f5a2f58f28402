"""Version poisoning: every agent can write the share, so only a manifest the team key signed moves versions."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.sync.canonical import sha256_hex
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.manifest import (
    MAX_LIBRARY_VERSION,
    PACK_NAME,
    Manifest,
    build_manifest,
    decode_manifest,
    pack_name,
)
from desktop.core.sync.pack import PackError, encode_pack
from desktop.sync.folder import TeamFolder
from desktop.sync.publish import PublishRefusedError, publish
from desktop.sync.pull import sync_once
from desktop.sync.status import SyncState


def forged_manifest(share, library, version: int, key: SigningKey | None = None, *, sign: bool = True) -> Manifest:
    """What a hostile agent writes: a pack and a manifest with a version of its choosing and a matching name."""
    pack = encode_pack(library, version)
    digest = sha256_hex(pack)
    signer = key or SigningKey.generate()
    manifest = build_manifest(pack, 1, signer, "坏人")
    manifest = dataclasses.replace(manifest, library_version=version, pack=f"packs/v{version:06d}-{digest[:16]}.json")
    if not sign:
        manifest = dataclasses.replace(manifest, signature=manifest.signature[::-1])
    folder = TeamFolder(share)
    folder.packs.mkdir(parents=True, exist_ok=True)
    (share / manifest.pack).write_bytes(pack)
    folder.manifest.write_bytes(manifest.to_bytes())
    return manifest


@pytest.mark.parametrize("signed_by_stranger", [False, True], ids=["bad-signature", "another-key"])
def test_an_unsigned_manifest_with_a_huge_version_does_not_move_the_next_publish(
        tmp_path, signing_key, make_library, team, signed_by_stranger):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    publish(share, make_library(2), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 2
    forged_manifest(share, make_library(1), MAX_LIBRARY_VERSION, sign=signed_by_stranger)

    result = publish(share, make_library(3), signing_key, "主管", known_version=2)

    assert result.manifest.library_version == 3
    assert result.replaced_untrusted
    assert result.previous_version == 0  # nothing on the share was trusted
    status = sync_once(share, team)
    assert (status.state, status.local_version) == (SyncState.UPDATED, 3)


def test_an_unsigned_manifest_does_not_block_the_editors_expected_version(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    forged_manifest(share, make_library(1), 999_999, sign=False)
    result = publish(share, make_library(2), signing_key, "主管", expected_version=1, known_version=1)
    assert result.manifest.library_version == 2


def test_a_manifest_signed_by_the_pinned_key_still_counts_after_a_key_change(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    publish(share, make_library(1), signing_key, "主管")
    new_key = SigningKey.generate()
    result = publish(share, make_library(2), new_key, "主管", trusted=(signing_key.public,))
    assert (result.previous_version, result.manifest.library_version) == (2, 3)
    assert not result.replaced_untrusted


def test_the_pack_name_rule_and_the_version_rule_agree():
    digest = "ab" * 32
    highest = pack_name(MAX_LIBRARY_VERSION, digest)
    assert PACK_NAME.fullmatch(highest)
    for bad in (0, -1, MAX_LIBRARY_VERSION + 1):
        with pytest.raises(ValueError):
            pack_name(bad, digest)
    # A manifest whose 13-digit name and version agree with each other is still refused by its version.
    key = SigningKey.generate()
    manifest = build_manifest(b"x", 1, key, "主管")
    too_far = dataclasses.replace(manifest, library_version=MAX_LIBRARY_VERSION + 1,
                                  pack=f"packs/v{MAX_LIBRARY_VERSION + 1}-{manifest.pack_sha256[:16]}.json")
    with pytest.raises(PackError):
        decode_manifest(too_far.to_bytes())


def test_a_publish_past_the_highest_version_is_refused_and_changes_nothing(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    before = TeamFolder(share).manifest.read_bytes()
    with pytest.raises(PublishRefusedError, match="超出范围"):
        publish(share, make_library(2), signing_key, "主管", known_version=MAX_LIBRARY_VERSION)
    assert TeamFolder(share).manifest.read_bytes() == before
    assert len(list(TeamFolder(share).packs.iterdir())) == 1


def test_the_local_mirror_never_records_a_version_out_of_range(team, signing_key, make_library):
    with pytest.raises(ValueError):
        team.apply(make_library(1), MAX_LIBRARY_VERSION + 1, "0" * 64, signing_key.public)
    assert team.mirror_state().applied_version is None
