"""The manifest: the one small file agents poll. It names the current pack, its hash and size, and is signed.

The signature covers every other field (canonical JSON), and so the pack through its SHA-256: a reader
that verifies the manifest and then the pack's size and hash has verified the whole library.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from desktop.core.sync.canonical import canonical_bytes, parse_json_object, sha256_hex
from desktop.core.sync.keys import KeyFileError, PublicKey, SigningKey
from desktop.core.sync.pack import FORMAT_VERSION, PackError, check_kind_and_format

MANIFEST_KIND = "kuaida-team-manifest"
MANIFEST_NAME = "manifest.json"
MAX_MANIFEST_BYTES = 64 * 1024
MAX_PACK_BYTES = 512 * 1024 * 1024
# The highest version any Kuaida publishes or accepts. The pack-name rule below is built from it, so a
# version that passes one rule always passes the other (a 13-digit version would be published and then
# refused by every agent for its name).
MAX_LIBRARY_VERSION = 999_999_999_999
_VERSION_DIGITS = len(str(MAX_LIBRARY_VERSION))
# The only pack names a manifest may point at: no separators, no "..", nothing a share could misread.
PACK_NAME = re.compile(rf"packs/v(\d{{6,{_VERSION_DIGITS}}})-([0-9a-f]{{16}})\.json")


def is_valid_version(library_version: int) -> bool:
    return 1 <= library_version <= MAX_LIBRARY_VERSION


def pack_name(library_version: int, pack_sha256: str) -> str:
    if not is_valid_version(library_version):
        raise ValueError(f"团队库版本 v{library_version} 超出范围（1 – {MAX_LIBRARY_VERSION}）")
    return f"packs/v{library_version:06d}-{pack_sha256[:16]}.json"


@dataclass(frozen=True)
class Manifest:
    format: int
    library_version: int
    published_at: str  # UTC ISO time from the publisher's clock: shown, never compared
    publisher: str
    pack: str
    pack_sha256: str
    pack_size: int
    public_key: str  # base64 of the raw key, so an agent configured with a fingerprint can pin it
    signature: str = ""

    def signed_part(self) -> bytes:
        fields = asdict(self)
        del fields["signature"]
        return canonical_bytes({"kind": MANIFEST_KIND, **fields})

    def to_bytes(self) -> bytes:
        return canonical_bytes({"kind": MANIFEST_KIND, **asdict(self)})

    @property
    def key(self) -> PublicKey:
        return PublicKey.from_text(self.public_key)


def build_manifest(
    pack: bytes, library_version: int, key: SigningKey, publisher: str, now: dt.datetime | None = None
) -> Manifest:
    digest = sha256_hex(pack)
    unsigned = Manifest(
        format=FORMAT_VERSION, library_version=library_version,
        published_at=(now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds"),
        publisher=publisher[:100], pack=pack_name(library_version, digest), pack_sha256=digest,
        pack_size=len(pack), public_key=base64.b64encode(key.public.raw).decode("ascii"),
    )
    signature = base64.b64encode(key.sign(unsigned.signed_part())).decode("ascii")
    return Manifest(**{**asdict(unsigned), "signature": signature})


def decode_manifest(data: bytes) -> Manifest:
    """Parse manifest bytes (not yet verified); PackError on anything malformed, FormatTooNewError first."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise PackError("团队库清单过大，不是快答的清单")
    raw = parse_json_object(data, "团队库清单", PackError)
    check_kind_and_format(raw, MANIFEST_KIND, "团队库清单")
    fields: dict[str, Any] = {}  # each checked against its field's type just below
    for name, kind in (("format", int), ("library_version", int), ("published_at", str), ("publisher", str),
                       ("pack", str), ("pack_sha256", str), ("pack_size", int), ("public_key", str),
                       ("signature", str)):
        value = raw.get(name)
        if not isinstance(value, kind) or isinstance(value, bool) or (isinstance(value, str) and len(value) > 200):
            raise PackError(f"团队库清单字段 {name} 格式不对")
        fields[name] = value
    manifest = Manifest(**fields)
    if not is_valid_version(manifest.library_version):
        raise PackError("团队库清单的版本号无效")
    match = PACK_NAME.fullmatch(manifest.pack)
    if match is None or int(match.group(1)) != manifest.library_version or \
            not manifest.pack_sha256.startswith(match.group(2)):
        raise PackError("团队库清单指向的文件名无效")
    if not re.fullmatch(r"[0-9a-f]{64}", manifest.pack_sha256) or not 0 < manifest.pack_size <= MAX_PACK_BYTES:
        raise PackError("团队库清单的校验信息无效")
    return manifest


def verify_manifest(manifest: Manifest, trusted: PublicKey) -> None:
    """Raise PackError unless the manifest carries `trusted` and a valid signature by it."""
    try:
        key = manifest.key
        signature = base64.b64decode(manifest.signature, validate=True)
    except (KeyFileError, binascii.Error, ValueError) as error:
        raise PackError("团队库清单的签名无效") from error
    if key != trusted:
        raise PackError(f"团队库由另一把密钥签名（指纹 {key.fingerprint}），与本机信任的密钥不符")
    if not trusted.verify(signature, manifest.signed_part()):
        raise PackError("团队库清单的签名无效（文件被改动或损坏）")


def verify_pack_bytes(manifest: Manifest, pack: bytes) -> None:
    if len(pack) != manifest.pack_size:
        raise PackError(f"团队库文件不完整（{len(pack)} / {manifest.pack_size} 字节）")
    if sha256_hex(pack) != manifest.pack_sha256:
        raise PackError("团队库文件的校验值不符（文件被改动或损坏）")

