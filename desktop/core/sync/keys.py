"""The team's Ed25519 signing key: generating, saving, loading, fingerprints, signing and verifying.

The private key (team.key) stays with the team lead; agents hold only the public key (team.pub) or its
fingerprint, which is what a person compares by eye or over the phone before trusting it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.core.sync.private_file import create_private_file

PUBLIC_KEY_PREFIX = "kuaida-team-key ed25519 "
PRIVATE_FILE = "team.key"
PUBLIC_FILE = "team.pub"
_FINGERPRINT_GROUPS = 8  # 8 groups of 4 hex digits: 128 bits, short enough to read out loud
_HEX = re.compile(r"[0-9a-f]+")


class KeyFileError(ValueError):
    """A key file or key text cannot be read; the message says which and why."""


@dataclass(frozen=True)
class PublicKey:
    raw: bytes  # the 32 raw Ed25519 bytes

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.raw).hexdigest()[: 4 * _FINGERPRINT_GROUPS]
        return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))

    @property
    def text(self) -> str:
        return PUBLIC_KEY_PREFIX + base64.b64encode(self.raw).decode("ascii")

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        """Read `kuaida-team-key ed25519 <base64>` or just the base64 of the 32 raw bytes."""
        body = text.strip().removeprefix(PUBLIC_KEY_PREFIX).strip()
        try:
            raw = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError) as error:
            raise KeyFileError("团队公钥格式不对") from error
        if len(raw) != 32:
            raise KeyFileError("团队公钥长度不对")
        return cls(raw)


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        raw = self.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return PublicKey(raw)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    def private_pem(self) -> bytes:
        return self.private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )


def normalise_fingerprint(text: str) -> str:
    """Accept a fingerprint typed with any spacing, dashes or colons, in either case."""
    digits = "".join(ch for ch in text.lower() if ch not in " -:\t")
    if len(digits) != 4 * _FINGERPRINT_GROUPS or not _HEX.fullmatch(digits):
        raise KeyFileError("指纹应为 32 位十六进制数字")
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def write_key_pair(folder: Path, key: SigningKey | None = None) -> tuple[Path, Path]:
    """Write DIR/team.key (its owner alone may read it: 0600, an owner-only ACL on Windows) and DIR/team.pub;
    refuse to overwrite an existing key."""
    key = key or SigningKey.generate()
    folder.mkdir(parents=True, exist_ok=True)
    private_path, public_path = folder / PRIVATE_FILE, folder / PUBLIC_FILE
    # Never silently replace a team's key (every agent would reject the next pack): FileExistsError.
    create_private_file(private_path, key.private_pem())
    public_path.write_text(key.public.text + "\n", encoding="ascii")
    return private_path, public_path


def load_signing_key(path: Path) -> SigningKey:
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise KeyFileError(f"无法读取私钥文件 {path}：{error.strerror or error}") from error
    except (ValueError, TypeError) as error:
        raise KeyFileError(f"{path} 不是有效的团队私钥") from error
    if not isinstance(private, Ed25519PrivateKey):
        raise KeyFileError(f"{path} 不是 Ed25519 私钥")
    return SigningKey(private)


def load_public_key(path: Path) -> PublicKey:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(f"无法读取公钥文件 {path}") from error
    return PublicKey.from_text(text)
