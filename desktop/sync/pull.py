"""Pulling the team library from the share: read the manifest, verify it, fetch and verify the pack.

`pull` only reads the share (it runs on the I/O worker); applying the result is the store's job, on the
DB worker. `sync_once` does both in a row for the command line.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.sync.canonical import canonical_bytes, parse_json_object, sha256_hex
from desktop.core.sync.keys import KeyFileError, PublicKey, normalise_fingerprint
from desktop.core.sync.manifest import (
    MAX_MANIFEST_BYTES,
    Manifest,
    decode_manifest,
    verify_manifest,
    verify_pack_bytes,
)
from desktop.core.sync.pack import FormatTooNewError, PackError, TeamLibrary, decode_pack
from desktop.core.ui_text import QT_TRANSLATE_NOOP
from desktop.store.team import MirrorState, TeamRepository
from desktop.sync.folder import FileTooLargeError, ShareOfflineError, TeamFolder, read_limited
from desktop.sync.gc_pause import CollectorPause
from desktop.sync.status import SyncState, SyncStatus

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class PullOutcome:
    state: SyncState
    reason: str = ""
    manifest: Manifest | None = None
    manifest_sha256: str = ""
    library: TeamLibrary | None = None  # set only when there is a verified library to apply
    key: PublicKey | None = None  # the key that verified it, to pin
    fingerprint: str = ""  # of the unconfirmed key, for UNTRUSTED
    # With a library: the collector stays paused until whoever frees the library ends this (see gc_pause).
    collector_pause: CollectorPause | None = field(default=None, compare=False, repr=False)


class _RefusedError(Exception):
    def __init__(self, state: SyncState, reason: str, fingerprint: str = "") -> None:
        super().__init__(reason)
        self.outcome = PullOutcome(state, reason, fingerprint=fingerprint)


def resolve_trust(manifest: Manifest, mirror: MirrorState, configured: str = "", trust: str = "") -> PublicKey:
    """The key to verify against: IT's setting, else an explicit confirmation, else the pinned key."""
    key = _trusted_key(manifest.public_key, mirror, configured, trust)
    if key == mirror.pinned_key and not (configured.strip() or trust.strip()):
        _offer_changed_key(manifest, key)
    return key


def _offer_changed_key(manifest: Manifest, pinned: PublicKey) -> None:
    """A manifest properly signed by another key than the pinned one is refused as before, but carrying the
    new fingerprint, so the agent can compare it with the lead's and confirm it (设置 → 团队 shows old and
    new): a lead who lost team.key publishes with a new one. A forged or badly signed one just fails."""
    try:
        offered = manifest.key
        if offered == pinned:
            return
        verify_manifest(manifest, offered)
    except (KeyFileError, PackError):
        return
    raise _RefusedError(SyncState.REJECTED, f"团队库由另一把密钥签名（指纹 {offered.fingerprint}），与本机信任的密钥"
                        "不符；主管确实换了密钥时，请核对新指纹后确认", offered.fingerprint)


def _trusted_key(offered_text: object, mirror: MirrorState, configured: str, trust: str) -> PublicKey:
    try:
        if not isinstance(offered_text, str):
            raise KeyFileError("not a key")
        offered = PublicKey.from_text(offered_text)
    except KeyFileError as error:
        raise _RefusedError(SyncState.REJECTED, QT_TRANSLATE_NOOP("SyncStatus", "团队库清单中的公钥无效")) from error
    if configured.strip():
        try:
            return PublicKey.from_text(configured)
        except KeyFileError:
            pass
        try:
            wanted = normalise_fingerprint(configured)
        except KeyFileError as error:
            raise _RefusedError(
                SyncState.REJECTED, QT_TRANSLATE_NOOP("SyncStatus", "“团队公钥”设置既不是公钥也不是指纹")) from error
        return _matching(offered, wanted)
    if trust.strip():
        try:
            return _matching(offered, normalise_fingerprint(trust))
        except KeyFileError as error:
            raise _RefusedError(SyncState.REJECTED, str(error)) from error
    if mirror.pinned_key is not None:
        return mirror.pinned_key
    raise _RefusedError(SyncState.UNTRUSTED, QT_TRANSLATE_NOOP("SyncStatus", "尚未确认团队密钥"), offered.fingerprint)


def _matching(offered: PublicKey, fingerprint: str) -> PublicKey:
    if offered.fingerprint != fingerprint:
        raise _RefusedError(SyncState.REJECTED, f"团队库的签名密钥（指纹 {offered.fingerprint}）与确认的指纹不符")
    return offered


def pull(folder_path: Path, mirror: MirrorState, configured_key: str = "", trust: str = "") -> PullOutcome:
    """One look at the share. An unchanged manifest costs one small read; nothing here writes anywhere."""
    folder = TeamFolder(folder_path)
    try:
        return _pull(folder, mirror, configured_key, trust)
    except _RefusedError as refused:
        return refused.outcome
    except FormatTooNewError as error:
        return PullOutcome(SyncState.NEEDS_UPDATE, str(error))
    except PackError as error:
        return PullOutcome(SyncState.REJECTED, str(error))
    except FileTooLargeError as error:
        return PullOutcome(SyncState.REJECTED, f"文件过大或不是普通文件（{error}）")
    except OSError as error:  # the share went away mid-read, or a timeout from the network redirector
        return PullOutcome(SyncState.OFFLINE, _offline_reason(error))


def _offline_reason(error: OSError) -> str:
    return str(error) if isinstance(error, ShareOfflineError) else f"共享文件夹读取失败（{error.strerror or error}）"


def _pull(folder: TeamFolder, mirror: MirrorState, configured_key: str, trust: str) -> PullOutcome:
    folder.require_reachable()
    try:
        manifest_bytes = read_limited(folder.manifest, MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        folder.require_reachable()  # the folder may have vanished between the two calls
        return PullOutcome(SyncState.EMPTY, QT_TRANSLATE_NOOP("SyncStatus", "共享文件夹中还没有团队库"))
    manifest_sha = sha256_hex(manifest_bytes)
    # Content, not timestamps: SMB caches file times for seconds, and clocks on PCs disagree.
    if manifest_sha == mirror.manifest_sha256 and not trust and not configured_key:
        return PullOutcome(SyncState.UNCHANGED, manifest_sha256=manifest_sha)
    try:
        manifest = decode_manifest(manifest_bytes)
    except FormatTooNewError:
        _require_signed_newer_format(manifest_bytes, mirror, configured_key, trust)
        raise
    key = resolve_trust(manifest, mirror, configured_key, trust)
    verify_manifest(manifest, key)
    if manifest_sha == mirror.manifest_sha256:
        return PullOutcome(SyncState.UNCHANGED, manifest=manifest, manifest_sha256=manifest_sha, key=key)
    if mirror.applied_version is not None and manifest.library_version < mirror.applied_version:
        raise _RefusedError(SyncState.REJECTED, f"共享文件夹中的 v{manifest.library_version} 比本机的 "
                                           f"v{mirror.applied_version} 旧")
    try:
        pack_bytes = read_limited(folder.root / manifest.pack, manifest.pack_size)
    except FileNotFoundError:
        folder.require_reachable()
        raise _RefusedError(SyncState.REJECTED, f"清单指向的团队库文件 {manifest.pack} 不存在") from None
    except FileTooLargeError as error:
        raise _RefusedError(
            SyncState.REJECTED, QT_TRANSLATE_NOOP("SyncStatus", "团队库文件比清单记录的大（文件被改动）")) from error
    verify_pack_bytes(manifest, pack_bytes)
    pause = CollectorPause()
    try:
        version, library = decode_pack(pack_bytes)
        if version != manifest.library_version:
            raise _RefusedError(SyncState.REJECTED, QT_TRANSLATE_NOOP("SyncStatus", "团队库文件的版本与清单不符"))
    except BaseException:
        pause.end()
        raise
    return PullOutcome(SyncState.UPDATED, manifest=manifest, manifest_sha256=manifest_sha, library=library, key=key,
                       collector_pause=pause)


def _require_signed_newer_format(data: bytes, mirror: MirrorState, configured_key: str, trust: str) -> None:
    """Only the team key may tell agents to update Kuaida: a manifest in a format we cannot read is checked
    the one way every format is signed (Ed25519 over the canonical JSON of every other field) first.
    An unsigned "format: 2" written by anyone is refused as such instead of showing 请更新快答."""
    raw = parse_json_object(data, "团队库清单", PackError)
    key = _trusted_key(raw.get("public_key"), mirror, configured_key, trust)
    unverified = _RefusedError(
        SyncState.REJECTED, "团队库清单自称来自新版快答，但没有团队密钥的有效签名（未经验证，已忽略）")
    try:
        signature = base64.b64decode(str(raw.get("signature", "")), validate=True)
        signed = canonical_bytes({name: value for name, value in raw.items() if name != "signature"})
    except (binascii.Error, ValueError) as error:
        raise unverified from error
    if PublicKey.from_text(str(raw["public_key"])) != key or not key.verify(signature, signed):
        raise unverified


def apply_outcome(team: TeamRepository, outcome: PullOutcome, now: dt.datetime) -> SyncStatus:
    """Apply a pulled library (one transaction) and record the resulting status; runs on the DB worker."""
    previous = SyncStatus.from_json(team.last_status())
    local = team.mirror_state().applied_version
    remote = outcome.manifest.library_version if outcome.manifest else None
    if outcome.library is not None and outcome.manifest is not None and outcome.key is not None:
        result = team.apply(outcome.library, outcome.manifest.library_version, outcome.manifest_sha256, outcome.key)
        local = result.version
    elif outcome.state is SyncState.UNCHANGED and outcome.key is not None and outcome.key != team.pinned_key():
        team.pin_key(outcome.key)  # a newly confirmed key for the library we already have
    status = SyncStatus(outcome.state, local, remote, outcome.reason, outcome.fingerprint, now).following(previous)
    team.record_status(status.to_json())
    return status


def sync_once(
    folder_path: Path, team: TeamRepository, configured_key: str = "", trust: str = "", clock: Clock | None = None,
) -> SyncStatus:
    outcome = pull(folder_path, team.mirror_state(), configured_key, trust)
    try:
        return apply_outcome(team, outcome, (clock or _utc_now)())
    finally:
        if outcome.collector_pause is not None:
            outcome.collector_pause.end()


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
