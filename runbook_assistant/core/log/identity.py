"""This laptop's identity: an Ed25519 signing key, the device id derived from it, a fingerprint.

The private key lives in one PEM file (mode 0600) in the user data folder. The device id is
derived from the public key, so the id and the key can never drift apart (as with SSH host keys or
Syncthing device ids), and a key swapped into the ``devices`` table of a database no longer matches
the device id on the events. People compare the short fingerprint, read aloud.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from runbook_assistant.core.errors import StoreError

KEY_FILE_NAME = "device-key.pem"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # base32 without I, L, O, U: easy to read aloud
_DEVICE_ID_DOMAIN = b"runbook-assistant device id\n"


def device_id_of(public_key: bytes) -> str:
    """The device id (a UUID, version 8 = derived) that belongs to a raw 32-byte public key."""
    digest = bytearray(hashlib.sha256(_DEVICE_ID_DOMAIN + public_key).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x80  # version 8: custom, here "derived from the key"
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    return str(uuid.UUID(bytes=bytes(digest)))


def fingerprint_of(public_key_hex: str) -> str:
    """A short fingerprint of a public key (hex), e.g. ``K7F2-9XQA-3M1D`` (60 bits, base32)."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).digest()
    bits = int.from_bytes(digest[:8], "big") >> 4  # the first 60 bits
    chars = [_CROCKFORD[(bits >> shift) & 0x1F] for shift in range(55, -1, -5)]
    return "-".join("".join(chars[i:i + 4]) for i in (0, 4, 8))


@lru_cache(maxsize=256)
def _public_key(public_key_hex: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))


def verify_signature(public_key_hex: str, data: bytes, sig_hex: str) -> bool:
    """True when ``sig_hex`` is a valid Ed25519 signature of ``data`` by that public key."""
    try:
        _public_key(public_key_hex).verify(bytes.fromhex(sig_hex), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def key_matches_device(device_id: str, public_key_hex: str) -> bool:
    """True when the public key (hex) is the one the device id was derived from."""
    try:
        return device_id_of(bytes.fromhex(public_key_hex)) == device_id
    except (ValueError, TypeError):
        return False


@dataclass(frozen=True)
class DeviceIdentity:
    """One device's signing key; ``device_id`` and ``fingerprint`` follow from it."""

    private_key: Ed25519PrivateKey = field(repr=False, compare=False)
    public_key: bytes = field(init=False)
    device_id: str = field(init=False)

    def __post_init__(self) -> None:
        raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        object.__setattr__(self, "public_key", raw)
        object.__setattr__(self, "device_id", device_id_of(raw))

    @property
    def public_key_hex(self) -> str:
        return self.public_key.hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key_hex)

    def sign(self, data: bytes) -> str:
        """The Ed25519 signature of ``data``, hex."""
        return self.private_key.sign(data).hex()

    @classmethod
    def generate(cls) -> DeviceIdentity:
        """A new identity held in memory only (tests, tools)."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load(cls, folder: Path) -> DeviceIdentity | None:
        """The identity stored in ``folder``, or None when there is none yet."""
        path = folder / KEY_FILE_NAME
        try:
            pem = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError.of("key_unreadable", path=path, why=exc.strerror) from exc
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as exc:
            raise StoreError.of("key_damaged", path=path) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise StoreError.of("key_not_ed25519", path=path)
        return cls(key)

    @classmethod
    def load_or_create(cls, folder: Path | None = None) -> DeviceIdentity:
        """This device's identity from ``folder`` (default: the user data folder); made once."""
        if folder is None:
            from runbook_assistant.core import paths

            folder = paths.user_data_dir()
        existing = cls.load(folder)
        if existing is not None:
            return existing
        identity = cls.generate()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the key's folder: private
            _write_new_key(folder / KEY_FILE_NAME, identity.private_key)
        except FileExistsError:
            pass  # another process made one first: everyone uses that one
        except OSError as exc:
            raise StoreError.of("key_cannot_save", folder=folder, why=exc.strerror) from exc
        loaded = cls.load(folder)
        assert loaded is not None
        return loaded


def _write_new_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Write the key to ``path`` (0600) only if no key is there; raises FileExistsError otherwise.

    The key is written and fsync'd under a temporary name, then hard-linked into place: linking
    fails when the name exists, so two processes starting at once never both win, and nobody
    ever reads a half-written key.
    """
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
            out.flush()
            os.fsync(out.fileno())
        os.link(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    if hasattr(os, "O_DIRECTORY"):  # make the new name itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
