"""A laptop's side of a team hub: push what the hub lacks, pull what others recorded.

Both travel as ordinary sync bundles: a push is ``export_bundle`` of the runs in which this
laptop holds events the hub lacks, which the hub checks and merges as ``sync import`` does; a
pull is a bundle of the runs changed since this laptop's cursor, made and signed by the hub,
merged here through ``import_into`` like a bundle from a USB stick. Both are safe to repeat.

The hub's key is pinned the first time this database meets that hub (trust on first use, as with
a laptop), and every receipt and pulled bundle must be signed with it. The cursor and the pinned
key live in a small JSON file beside the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runbook_assistant.core.errors import ExportError, SyncError, Words
from runbook_assistant.core.log.chain import ChainHead
from runbook_assistant.core.log.identity import DeviceIdentity, device_id_of, fingerprint_of
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.log.witness import (
    hub_witness_json,
    statement_from_json,
    statement_signed,
)
from runbook_assistant.core.sync.bundle import Bundle, bundle_bytes
from runbook_assistant.core.sync.exchange import ImportResult, collect_bundle, import_into
from runbook_assistant.core.sync.hub_protocol import (
    API,
    BUNDLE_TYPE,
    HEADER_CURSOR,
    Receipt,
    signed_headers,
)
from runbook_assistant.core.sync.merge import StoreTarget

TIMEOUT = 60.0  # seconds for one request; a full pull of a big organisation takes a few
# The hub's heads are asked at most this often; receipts and pulls keep them current between,
# and a push the hub refuses because it holds other than remembered asks again at once.
HEADS_TTL = 60.0


class HubUnreachable(SyncError):
    """The hub could not be reached (no network, hub down): the laptop records on locally."""


class HubRefused(SyncError):
    """The hub answered and refused (not enrolled, tampered push, forked history, ...)."""

    status = 0  # the HTTP status of the refusal (0: refused here, e.g. a bad receipt)


@dataclass(frozen=True)
class PushResult:
    url: str
    runs: int  # runs sent
    events: int  # events sent (whole runs)
    receipt: Receipt | None  # None: the hub already had everything

    @property
    def new_events(self) -> int:
        return int(self.receipt.body["new_events"]) if self.receipt else 0


@dataclass(frozen=True)
class PullResult:
    url: str
    cursor: int
    imported: ImportResult | None  # None: nothing new on the hub

    @property
    def new_events(self) -> int:
        return self.imported.merged.new_events if self.imported else 0


def normalise_url(url: str) -> str:
    """``http(s)://host[:port][/prefix]`` without a trailing slash; ``SyncError`` otherwise."""
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SyncError.of("hub_bad_address", url=url)
    return url.strip().rstrip("/")


class HubClient:
    """Requests to one hub, signed with the store's device key."""

    def __init__(self, store: Store, url: str, timeout: float = TIMEOUT) -> None:
        self.store = store
        self.url = normalise_url(url)
        self.timeout = timeout
        self.state_path = state_path(Path(store.path))

    # --- transport ----------------------------------------------------------------------
    def request(self, method: str, path: str, body: bytes = b"",
                content_type: str | None = None) -> tuple[int, dict[str, str], bytes]:
        signed = signed_headers(self.store.identity, method, path, body, int(time.time()))
        if content_type:
            signed["Content-Type"] = content_type
        request = urllib.request.Request(self.url + path, data=body if method == "POST" else None,
                                         headers=signed, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                headers = {k.lower(): v for k, v in answer.headers.items()}
                return answer.status, headers, answer.read()
        except urllib.error.HTTPError as exc:
            data = exc.read()
            if exc.code in (502, 503, 504) and not _json(data).get("error"):
                raise self._unreachable(f"it answered {exc.code}") from exc
            raise self._refused(exc.code, data) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise self._unreachable(str(reason)) from exc

    def _unreachable(self, why: str) -> HubUnreachable:
        return HubUnreachable.of("hub_unreachable", url=self.url, why=why)

    def _refused(self, status: int, data: bytes) -> HubRefused:
        answer = _json(data)
        if status == 503:
            return HubRefused.of("hub_unavailable", url=self.url, error=answer["error"],
                                 hub_hint=answer.get("hint") or "")
        hub_hint = answer.get("hint") or ""
        refused = (HubRefused.of("hub_refused", error=answer["error"], hub_hint=hub_hint)
                   if answer.get("error") else
                   HubRefused.of("hub_refused_status", status=status, hub_hint=hub_hint))
        refused.status = status
        return refused

    # --- the hub's key, pinned ------------------------------------------------------------
    def _state(self) -> dict[str, Any]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save_state(self, state: dict[str, Any]) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.state_path.parent, prefix=".hub-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(state, out, indent=1, sort_keys=True)
        os.replace(tmp, self.state_path)

    def _remember(self, **values: Any) -> None:
        state = self._state()
        state.setdefault(self.url, {}).update(values)
        self._save_state(state)

    def health(self) -> dict[str, Any]:
        _, _, data = self.request("GET", "/health")
        return _json(data)

    def hub_key(self) -> str:
        """The hub's public key: pinned on first contact, then required to stay the same."""
        pinned = self._state().get(self.url, {}).get("hub_key")
        if pinned:
            return str(pinned)
        key = str(self.health().get("hub_key") or "")
        try:
            device_id_of(bytes.fromhex(key))
        except ValueError as exc:
            raise HubRefused.of("hub_not_a_hub", url=self.url) from exc
        self._remember(hub_key=key)
        return key

    # --- push and pull --------------------------------------------------------------------
    def hub_heads(self) -> dict[tuple[str, str], tuple[int, str]]:
        """(seq, hash) of the last event the hub holds of each (device, run) chain."""
        _, _, data = self.request("GET", f"{API}/heads")
        return {(str(d), str(r)): (int(s), str(h)) for d, r, s, h in _json(data)["heads"]}

    def runs_to_push(self, theirs: dict[tuple[str, str], tuple[int, str]] | None = None
                     ) -> list[str]:
        """The runs in which this laptop holds a chain the hub lacks or holds shorter."""
        if theirs is None:
            theirs = self.hub_heads()
        ours = self.store.conn.execute(
            "SELECT device_id, run_id, seq, hash FROM chain_heads").fetchall()
        wanted = set()
        for device_id, run_id, seq, digest in ours:
            hub = theirs.get((str(device_id), str(run_id)))
            if hub is None or hub[0] < seq or (hub[0] == seq and hub[1] != digest):
                wanted.add(str(run_id))
        return sorted(wanted)

    def known_heads(self) -> tuple[dict[tuple[str, str], tuple[int, str]], bool]:
        """The hub's heads as last asked (at most ``HEADS_TTL`` seconds ago) and kept up to
        date by receipts and pulls since, or asked now; and whether they came from memory."""
        state = self._state().get(self.url, {})
        if time.time() - float(state.get("heads_at") or 0) < HEADS_TTL:
            with contextlib.suppress(TypeError, ValueError):
                return {(str(d), str(r)): (int(s), str(h))
                        for d, r, s, h in state.get("heads") or []}, True
        heads = self.hub_heads()
        self._remember(heads=[[*k, *v] for k, v in sorted(heads.items())], heads_at=time.time())
        return heads, False

    def _learn_heads(self, heads: list[ChainHead]) -> None:
        """The hub now holds these chains up to these heads (a receipt, a pulled bundle)."""
        state = self._state().get(self.url, {})
        with contextlib.suppress(TypeError, ValueError):
            known = {(str(d), str(r)): [int(s), str(h)] for d, r, s, h in state.get("heads") or []}
            for head in heads:
                have = known.get((head.device_id, head.run_id))
                if have is None or have[0] < head.seq:
                    known[(head.device_id, head.run_id)] = [head.seq, head.hash]
            self._remember(heads=[[*k, *v] for k, v in sorted(known.items())])

    def push(self) -> PushResult:
        """Send every run the hub lacks part of, as one bundle without the events the hub
        holds (it checks what is sent from what it holds); the hub's signed receipt."""
        key = self.hub_key()
        theirs, remembered = self.known_heads()
        run_ids = self.runs_to_push(theirs)
        if not run_ids:
            return PushResult(self.url, 0, 0, None)
        bundle = self._collect(run_ids, theirs)
        try:
            data = self._post_bundle(bundle)
        except HubRefused as exc:
            if exc.status != 422 or len(bundle.events) == bundle.manifest.event_count:
                raise
            if remembered:  # the hub holds other than remembered (restored?): ask it
                self._remember(heads_at=0)
                return self.push()
            # The hub lacked what it said it held: send the runs whole.
            bundle = self._collect(run_ids, None)
            data = self._post_bundle(bundle)
        try:
            receipt = Receipt.from_json(_json(data))
        except (KeyError, TypeError) as exc:
            raise HubRefused.of("hub_no_receipt", url=self.url) from exc
        if not receipt.holds(key) or receipt.body.get("device") != self.store.device_id:
            raise HubRefused.of("hub_receipt_unsigned", url=self.url,
                                fingerprint=fingerprint_of(key))
        self._learn_heads(bundle.heads)
        return PushResult(self.url, len(bundle.runs), bundle.manifest.event_count, receipt)

    def _collect(self, run_ids: list[str],
                 theirs: dict[tuple[str, str], tuple[int, str]] | None) -> Bundle:
        try:
            return collect_bundle(self.store, run_ids, receiver=theirs)
        except ExportError as exc:
            raise SyncError.of("push_refused", error=exc.params.get("error", exc),
                               path=self.store.path) from exc

    def _post_bundle(self, bundle: Bundle) -> bytes:
        return self.request("POST", f"{API}/push", bundle_bytes(bundle), BUNDLE_TYPE)[2]

    def witness(self) -> dict[str, Any]:
        """The hub's signed statement of every chain head it holds of this laptop's
        organisation (``witness.hub_witness_json``), checked against the pinned hub key."""
        key = self.hub_key()
        data = _json(self.request("GET", f"{API}/witness")[2])
        try:
            statement = statement_from_json(data.get("statement"))
        except ValueError as exc:
            raise HubRefused.of("hub_no_witness", url=self.url) from exc
        if data.get("hub_key") != key or not statement_signed(key, statement):
            raise HubRefused.of("hub_witness_unsigned", url=self.url,
                                fingerprint=fingerprint_of(key))
        return hub_witness_json(statement, hub_key=key, url=self.url)

    def pull(self) -> PullResult:
        """Merge the runs changed on the hub since the last pull (checked whole, as a bundle)."""
        key = self.hub_key()
        cursor = int(self._state().get(self.url, {}).get("cursor", 0))
        try:
            new_cursor, imported = self._pull(key, f"{API}/pull?cursor={cursor}", cursor)
        except HubUnreachable:
            raise
        except SyncError:
            if cursor == 0:
                raise
            # This database lacks events the hub thought it had (restored from a backup?):
            # ask for the changed runs whole.
            new_cursor, imported = self._pull(key, f"{API}/pull?cursor={cursor}&whole=1",
                                              cursor)
        if imported is not None:
            self._learn_heads(imported.heads)
        if new_cursor != cursor:
            self._remember(cursor=new_cursor)
        return PullResult(self.url, new_cursor, imported)

    def _pull(self, key: str, path: str, cursor: int) -> tuple[int, ImportResult | None]:
        status, headers, data = self.request("GET", path)
        new_cursor = int(headers.get(HEADER_CURSOR.lower()) or cursor)
        if status != 200 or not data:
            return new_cursor, None
        answer = f"the answer of {self.url}"
        try:
            with StoreTarget(self.store) as target:
                return new_cursor, import_into(target, answer,
                                               maker=device_id_of(bytes.fromhex(key)),
                                               held=target.held, data=data)
        except SyncError as exc:
            if exc.code is None:
                raise
            said = Words(answer, f"het antwoord van {self.url}")  # the name in both languages
            params = {k: said if v == answer else v for k, v in exc.params.items()}
            raise type(exc).of(exc.code, **params) from exc


def _json(data: bytes) -> dict[str, Any]:
    with contextlib.suppress(ValueError):
        value = json.loads(data.decode("utf-8"))
        if isinstance(value, dict):
            return value
    return {}


def state_path(db_path: Path) -> Path:
    """``FILE.hub.json`` beside the database: pinned hub keys, cursors, the hubs' heads."""
    return Path(db_path).with_name(Path(db_path).name + ".hub.json")


def pinned_hub_keys(db_path: Path) -> set[str]:
    """The keys of every hub the database at ``db_path`` has pinned (in ``FILE.hub.json``)."""
    try:
        state = json.loads(state_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(state, dict):
        return set()
    return {str(v["hub_key"]) for v in state.values() if isinstance(v, dict) and v.get("hub_key")}


@dataclass(frozen=True)
class SyncOutcome:
    pushed: PushResult
    pulled: PullResult


def sync_database(db_path: Path, url: str, identity: DeviceIdentity | None = None, *,
                  timeout: float = TIMEOUT) -> SyncOutcome:
    """Push, then pull, over a connection of its own: safe to call from a worker thread while
    another connection (the app's) keeps recording in the same database."""
    store = Store.open(db_path, identity=identity)
    try:
        client = HubClient(store, url, timeout)
        return SyncOutcome(client.push(), client.pull())
    finally:
        store.close()
