"""Approval of a runbook version: an approver's signature over the file's sha256, beside the file.

``FILE.md.approval.json`` holds who approved, when, the file's sha256, runbook id and version,
and an Ed25519 signature by the approving laptop's device key (``core/log/identity``). Any edit of
the file changes its sha256 and so voids the approval; an edited approval file fails its
signature. The signature shows *which device* vouched for *which bytes*; that the name belongs to
someone allowed to approve is for the organisation to check (the fingerprint is shown with it).

The runbook's ``review-by`` date (front matter) makes an approved runbook *review due* after it.
"""

from __future__ import annotations

import datetime
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.atomic import atomic_path
from runbook_assistant.core.errors import RunbookAssistantError

if TYPE_CHECKING:
    from runbook_assistant.core.log.identity import DeviceIdentity

# The signing code (cryptography) and the parser are imported where used: ``list`` asks every
# runbook for its approval, and most have none to check.

SUFFIX = ".approval.json"
FORMAT = 1
_DOMAIN = b"runbook-assistant approval\n"  # a signature over this can mean nothing else
MAX_APPROVAL_BYTES = 64 * 1024
_NEVER: tuple[None, str, str] = (None, "never approved", "never")  # no approval file


class ApprovalError(RunbookAssistantError):
    """A runbook cannot be approved (it has errors, it cannot be read or written)."""


class State(StrEnum):
    """What the library shows."""

    APPROVED = "approved"
    NOT_APPROVED = "not-approved"  # never approved, or edited since (``void``), or forged
    REVIEW_DUE = "review-due"  # approved, but its review-by date has passed


@dataclass(frozen=True)
class Approval:
    """One signed approval, as stored in ``FILE.approval.json``."""

    file: str  # the file's name when approved
    sha256: str
    runbook_id: str
    version: int
    approved_by: str
    approved_at: str  # UTC, ISO-8601
    device_id: str
    public_key: str
    signature: str = ""
    format: int = FORMAT

    def signed_bytes(self) -> bytes:
        data = {k: v for k, v in asdict(self).items() if k != "signature"}
        return _DOMAIN + json.dumps(data, sort_keys=True, ensure_ascii=False,
                                    separators=(",", ":")).encode("utf-8")

    @property
    def fingerprint(self) -> str:
        from runbook_assistant.core.log.identity import fingerprint_of

        return fingerprint_of(self.public_key)

    def valid_signature(self) -> bool:
        from runbook_assistant.core.log.identity import key_matches_device, verify_signature

        return (key_matches_device(self.device_id, self.public_key)
                and verify_signature(self.public_key, self.signed_bytes(), self.signature))


@dataclass(frozen=True)
class Status:
    """A runbook file's approval as the library and a run's start see it."""

    state: State
    approval: Approval | None = None  # the valid approval of exactly these bytes
    reason: str = ""  # why it is not approved (empty when approved)
    review_by: str = ""
    review_due: bool = False
    # The reason as a word, for translations: never | edited | signature | damaged | unreadable
    why: str = ""
    void: Approval | None = None  # the signed approval an edit voided (``why`` "edited")

    def record(self) -> dict[str, Any]:
        """What a run's ``run_started`` event keeps of the approval it ran under."""
        data: dict[str, Any] = {"state": self.state.value}
        if self.approval is not None:
            data |= {"approved_by": self.approval.approved_by,
                     "approved_at": self.approval.approved_at,
                     "sha256": self.approval.sha256,
                     "fingerprint": self.approval.fingerprint,
                     "signature": self.approval.signature}
        if self.void is not None:
            data |= {"void_approved_by": self.void.approved_by,
                     "void_approved_at": self.void.approved_at,
                     "void_sha256": self.void.sha256}
        if self.reason:
            data["reason"] = self.reason
            data["why"] = self.why
        if self.review_by:
            data["review_by"] = self.review_by
        return data

    def warnings(self) -> list[str]:
        """What starting a run of this version should warn about (empty: nothing)."""
        found = []
        if self.approval is None:
            found.append(f"this version is not approved ({self.reason})")
        if self.review_due:
            found.append(f"its review was due on {self.review_by}")
        return found


def approval_path(path: str | os.PathLike[str]) -> Path:
    """Where the approval of the runbook file at ``path`` is kept."""
    file = Path(path)
    return file.with_name(file.name + SUFFIX)


def approve(path: str | os.PathLike[str], name: str, identity: DeviceIdentity,
            now: datetime.datetime) -> Approval:
    """Sign the runbook at ``path`` as approved by ``name``; raises ``ApprovalError``."""
    name = " ".join(name.split())
    if not name:
        raise ApprovalError.of("approve_no_name")
    from runbook_assistant.core.runbook.parser import parse_file

    result = parse_file(path)
    if result.runbook is None or result.errors:
        first = result.errors[0] if result.errors else None
        raise ApprovalError.of("approve_errors", name=Path(path).name,
                               why=first if first else "it cannot be read")
    runbook = result.runbook
    if runbook.foreign:
        raise ApprovalError.of("approve_foreign", name=Path(path).name)
    unsigned = Approval(
        file=Path(path).name, sha256=runbook.sha256, runbook_id=runbook.id,
        version=runbook.version, approved_by=name,
        approved_at=now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        device_id=identity.device_id, public_key=identity.public_key_hex)
    signed = Approval(**{**asdict(unsigned), "signature": identity.sign(unsigned.signed_bytes())})
    text = json.dumps(asdict(signed), ensure_ascii=False, indent=2) + "\n"
    with atomic_path(approval_path(path), example="runbook.md.approval.json") as temp:
        temp.write_text(text, encoding="utf-8")
    return signed


def read_approval(path: str | os.PathLike[str]) -> tuple[Approval | None, str, str]:
    """The approval stored for the runbook at ``path`` and, when there is none, why (in words,
    and as one word: never, damaged or unreadable)."""
    target = approval_path(path)
    try:
        with target.open("rb") as handle:
            data = handle.read(MAX_APPROVAL_BYTES + 1)
    except FileNotFoundError:
        return _NEVER
    except OSError as exc:
        return None, f"the approval file cannot be read: {exc.strerror or exc}", "unreadable"
    try:
        if len(data) > MAX_APPROVAL_BYTES:
            raise ValueError("too large")
        raw = json.loads(data.decode("utf-8"))
        names = {f.name for f in fields(Approval)}
        if not isinstance(raw, dict) or not names - {"signature", "format"} <= raw.keys():
            raise ValueError("fields missing")
        approval = Approval(**{k: v for k, v in raw.items() if k in names})
        if not all(isinstance(getattr(approval, f.name), str)
                   for f in fields(Approval) if f.name not in ("version", "format")):
            raise ValueError("wrong types")
    except (ValueError, TypeError, UnicodeDecodeError):
        return None, f"the approval file {target.name} is damaged", "damaged"
    return approval, "", ""


def approval_statuses(files: Iterable[tuple[str | os.PathLike[str], str, str]],
                      today: datetime.date | None = None) -> list[Status]:
    """``approval_status`` of many (path, sha256, review_by) at once, for a list of runbooks.

    Each folder is listed once: a runbook with no approval file beside it (the usual case) costs
    no open. Names are compared case- and normalisation-blind (a file system may be either), so
    the listing only rules a file out; a file it cannot rule out is read as ``approval_status``
    reads it, and a folder that cannot be listed is left to it too.
    """
    today = today or datetime.date.today()
    listed: dict[str, frozenset[str] | None] = {}
    never: dict[str, Status] = {}  # by review-by date: a Status is frozen, so one serves all
    statuses = []
    for path, sha256, review_by in files:
        folder, name = os.path.split(os.fspath(path))
        if folder not in listed:
            try:
                listed[folder] = frozenset(_name_key(entry) for entry in os.listdir(folder or "."))
            except OSError:
                listed[folder] = None
        names = listed[folder]
        if names is not None and _name_key(name + SUFFIX) not in names:
            status = never.get(review_by)
            if status is None:
                status = never[review_by] = _status(_NEVER, sha256, review_by, today)
            statuses.append(status)
        else:
            statuses.append(_status(read_approval(path), sha256, review_by, today))
    return statuses


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def approval_status(path: str | os.PathLike[str], sha256: str, review_by: str = "",
                    today: datetime.date | None = None) -> Status:
    """The approval state of the runbook file at ``path`` whose bytes hash to ``sha256``."""
    return _status(read_approval(path), sha256, review_by, today or datetime.date.today())


def _status(read: tuple[Approval | None, str, str], sha256: str, review_by: str,
            today: datetime.date) -> Status:
    due = bool(review_by) and review_by < today.isoformat()
    approval, reason, why = read
    void = None
    if approval is not None:
        if not approval.valid_signature():
            approval, reason, why = None, "the approval's signature does not match", "signature"
        elif approval.sha256 != sha256:
            void, approval, reason, why = approval, None, (
                f"edited since {approval.approved_by} approved it on "
                f"{approval.approved_at[:10]}: the approval is void"), "edited"
    if approval is None:
        return Status(State.NOT_APPROVED, None, reason, review_by, due, why, void)
    return Status(State.REVIEW_DUE if due else State.APPROVED, approval, "", review_by, due)
