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

from runbook_assistant.core.errors import ExportError, SyncError
from runbook_assistant.core.log.chain import EVENT_COLUMNS
from runbook_assistant.core.log.identity import DeviceIdentity, device_id_of, fingerprint_of
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.sync.bundle import Bundle, write_bundle
from runbook_assistant.core.sync.exchange import ImportResult, collect_bundle, import_into
from runbook_assistant.core.sync.hub_protocol import (
    API,
    BUNDLE_TYPE,
    HEADER_CURSOR,
    Receipt,
    signed_headers,
)
from runbook_assistant.core.sync.merge import StoreTarget
from runbook_assistant.core.sync.tails import complete_bundle, trim_bundle

TIMEOUT = 60.0  # seconds for one request; a full pull of a big organisation takes a few


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
        raise SyncError(f"'{url}' is not a hub address",
                        "Give it as http(s)://host:port, e.g. https://hub.example.nl.")
    return url.strip().rstrip("/")


class HubClient:
    """Requests to one hub, signed with the store's device key."""

    def __init__(self, store: Store, url: str, timeout: float = TIMEOUT) -> None:
        self.store = store
        self.url = normalise_url(url)
        self.timeout = timeout
        self.state_path = Path(store.path).with_name(Path(store.path).name + ".hub.json")

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
        return HubUnreachable(f"the hub at {self.url} cannot be reached ({why})",
                              "Work goes on locally; sync again when the network is back.")

    def _refused(self, status: int, data: bytes) -> HubRefused:
        answer = _json(data)
        if status == 503:
            return HubRefused(f"the hub at {self.url} is unavailable: {answer['error']}",
                              answer.get("hint") or None)
        message = answer.get("error") or f"it answered HTTP {status}"
        refused = HubRefused(f"the hub refused: {message}", answer.get("hint") or None)
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
            raise HubRefused(f"{self.url} does not answer as a Runbook Assistant hub") from exc
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

    def push(self) -> PushResult:
        """Send every run the hub lacks part of, as one bundle without the events the hub
        holds (the hub puts them back before checking it whole); the hub's signed receipt."""
        key = self.hub_key()
        theirs = self.hub_heads()
        run_ids = self.runs_to_push(theirs)
        if not run_ids:
            return PushResult(self.url, 0, 0, None)
        try:
            bundle = collect_bundle(self.store, run_ids)
        except ExportError as exc:
            raise SyncError(f"cannot push: {exc.message.removeprefix('cannot export: ')}",
                            exc.hint) from exc
        trimmed = trim_bundle(bundle, theirs)
        try:
            data = self._post_bundle(trimmed)
        except HubRefused as exc:
            if exc.status != 422 or len(trimmed.events) == len(bundle.events):
                raise
            data = self._post_bundle(bundle)  # the hub lacked what it said it held: all of it
        try:
            receipt = Receipt.from_json(_json(data))
        except (KeyError, TypeError) as exc:
            raise HubRefused(f"the hub at {self.url} gave no receipt") from exc
        if not receipt.holds(key) or receipt.body.get("device") != self.store.device_id:
            raise HubRefused(f"the receipt of the hub at {self.url} is not signed with the "
                             f"hub key pinned here ({fingerprint_of(key)})",
                             "Someone else may answer at that address; ask the hub's "
                             "administrator for its fingerprint.")
        return PushResult(self.url, len(bundle.runs), bundle.manifest.event_count, receipt)

    def _post_bundle(self, bundle: Bundle) -> bytes:
        with tempfile.TemporaryDirectory(prefix="runbook-push-") as folder:
            path = Path(folder) / "push.sqlite"
            write_bundle(path, bundle)
            body = path.read_bytes()
        return self.request("POST", f"{API}/push", body, BUNDLE_TYPE)[2]

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
        if new_cursor != cursor:
            self._remember(cursor=new_cursor)
        return PullResult(self.url, new_cursor, imported)

    def _pull(self, key: str, path: str, cursor: int) -> tuple[int, ImportResult | None]:
        status, headers, data = self.request("GET", path)
        new_cursor = int(headers.get(HEADER_CURSOR.lower()) or cursor)
        if status != 200 or not data:
            return new_cursor, None
        with tempfile.TemporaryDirectory(prefix="runbook-pull-") as folder:
            answer = Path(folder) / "pull.sqlite"
            answer.write_bytes(data)
            try:
                with StoreTarget(self.store) as target:
                    return new_cursor, import_into(
                        target, answer, maker=device_id_of(bytes.fromhex(key)),
                        complete=self._complete)
            except SyncError as exc:
                raise type(exc)(exc.message.replace(str(answer), f"the answer of {self.url}"),
                                exc.hint) from exc

    def _complete(self, bundle: Bundle) -> Bundle:
        """Put back the events of the pulled runs this laptop holds (the hub left them out)."""
        run_ids = [r.id for r in bundle.runs]
        rows = self.store.conn.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE run_id IN "
            f"({', '.join('?' * len(run_ids))})", run_ids).fetchall() if run_ids else []
        return complete_bundle(bundle, rows)


def _json(data: bytes) -> dict[str, Any]:
    with contextlib.suppress(ValueError):
        value = json.loads(data.decode("utf-8"))
        if isinstance(value, dict):
            return value
    return {}


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
