"""The hub's HTTP service (Starlette, served by uvicorn): thin, stateless, over PostgreSQL.

``GET /health``; signed by an enrolled laptop: ``GET /v1/heads``, ``POST /v1/push`` (a sync
bundle; answered with a receipt signed by the hub), ``GET /v1/pull?cursor=N`` (a sync bundle of
the runs changed since the cursor, signed by the hub; 204 when nothing changed, so laptops may
ask every few seconds), ``GET /v1/witness`` (the hub's signed statement of every chain head it
holds of the caller's organisation: a witness for ``verify``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from runbook_assistant.core.errors import RunbookAssistantError, SyncError
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.witness import hub_witness_json
from runbook_assistant.core.sync.exchange import import_into
from runbook_assistant.core.sync.hub_protocol import (
    API,
    BUNDLE_TYPE,
    HEADER_CURSOR,
    HEADER_DEVICE,
    sign_receipt,
)
from runbook_assistant.hub.auth import Caller, Refused, authenticate, is_enrolled
from runbook_assistant.hub.db import check_schema, open_pool
from runbook_assistant.hub.records import heads, load_hub_identity, pull_bundle, witness_now
from runbook_assistant.hub.target import PgTarget

log = logging.getLogger("runbook_assistant.hub")


class Call(NamedTuple):
    """The body and query of the request being served."""

    body: bytes
    args: Any


Work = Callable[[Caller, psycopg.Connection, Call], Response]
MAX_BODY = 512 * 1024 * 1024  # one push: a bundle of a few hundred thousand events at most
SMALL_BODY = 1024 * 1024  # read before the signature is checked; larger: enrolled devices only


class Hub:
    """What every request needs: the pool and the hub's key (read from the database)."""

    def __init__(self, url: str, pool_size: int = 10) -> None:
        self.url = url
        self.pool_size = pool_size
        self.pool: ConnectionPool | None = None
        self.identity: DeviceIdentity | None = None

    def start(self) -> None:
        self.pool = open_pool(self.url, max_size=self.pool_size)
        with self.pool.connection() as conn:
            check_schema(conn)
            self.identity = load_hub_identity(conn)

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.close()

    def run(self, work: Callable[[psycopg.Connection], Any]) -> Any:
        assert self.pool is not None
        with self.pool.connection() as conn:
            return work(conn)


def create_app(url: str, *, pool_size: int = 10) -> Starlette:
    """The ASGI application serving the hub database at ``url``."""
    hub = Hub(url, pool_size)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(hub.start)
        try:
            yield
        finally:
            await run_in_threadpool(hub.stop)

    async def health(_request: Request) -> Response:
        def check(conn: psycopg.Connection) -> int:
            row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
            return int(row[0]) if row else 0

        try:
            version = await run_in_threadpool(hub.run, check)
        except (psycopg.Error, PoolTimeout):
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        identity = hub.identity
        assert identity is not None
        return JSONResponse({"status": "ok", "schema": version, "hub_device": identity.device_id,
                             "hub_key": identity.public_key_hex,
                             "hub_fingerprint": identity.fingerprint})

    async def heads_route(request: Request) -> Response:
        return await _serve(request, lambda caller, conn, _call: JSONResponse(
            {"org": caller.org, "heads": heads(conn, caller.org)}))

    async def push(request: Request) -> Response:
        return await _serve(request, _push)

    def _push(caller: Caller, conn: psycopg.Connection, call: Call) -> Response:
        body = call.body
        identity = hub.identity
        assert identity is not None
        try:
            target = PgTarget(conn, caller.org, identity)
            result = import_into(target, f"the push of device {caller.device_id}",
                                 held=target.held, data=body)
        except SyncError as exc:
            log.info("push refused: %s", exc.message)
            raise Refused(422, exc.message, exc.hint or "") from exc
        merged = result.merged
        receipt = sign_receipt(identity, {
            "hub": identity.device_id, "org": caller.org, "device": caller.device_id,
            "received_at": format_wall_time(datetime.now(UTC)),
            "bundle_sha256": hashlib.sha256(body).hexdigest(),
            "events_offered": merged.events_offered, "new_events": merged.new_events,
            "new_runs": sorted(r.id for r in merged.new_runs),
            "new_events_by_run": merged.new_events_by_run,
            # what the hub holds of the pushed runs now: the laptop's witness (``verify``)
            "heads": [[h.device_id, h.run_id, h.seq, h.hash] for h in result.heads],
            # the statement the hub recorded of this merge (None: nothing was new)
            "witness": target.statement and hub_witness_json(
                target.statement, hub_key=identity.public_key_hex)["statement"]})
        return JSONResponse(receipt.to_json())

    async def witness(request: Request) -> Response:
        def state(caller: Caller, conn: psycopg.Connection, _call: Call) -> Response:
            identity = hub.identity
            assert identity is not None
            statement = witness_now(conn, caller.org, identity)
            return JSONResponse(hub_witness_json(statement, hub_key=identity.public_key_hex))

        return await _serve(request, state)

    async def pull(request: Request) -> Response:
        return await _serve(request, _pull)

    def _pull(caller: Caller, conn: psycopg.Connection, call: Call) -> Response:
        identity = hub.identity
        assert identity is not None
        cursor = _cursor(call.args)
        whole = call.args.get("whole") == "1"
        with tempfile.TemporaryDirectory(prefix="runbook-hub-") as folder:
            answer = pull_bundle(conn, caller.org, cursor, identity, Path(folder) / "pull.sqlite",
                                 whole=whole)
            headers = {HEADER_CURSOR: str(answer.cursor)}
            if answer.path is None:
                return Response(status_code=204, headers=headers)
            return Response(answer.path.read_bytes(), media_type=BUNDLE_TYPE, headers=headers)

    async def _serve(request: Request, work: Work) -> Response:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        try:
            if request.method == "POST" and int(
                    request.headers.get("content-length") or MAX_BODY) > SMALL_BODY:
                # Only an enrolled device may make the hub take in a large body.
                device = request.headers.get(HEADER_DEVICE, "")
                if not await run_in_threadpool(hub.run, lambda c: is_enrolled(c, device)):
                    raise Refused(403, f"device {device or '(none)'} is not enrolled on this hub",
                                  "An administrator enrols it with `runbook-assistant hub enrol`.")
            body = await _read_body(request)

            def handle(conn: psycopg.Connection) -> Response:
                caller = authenticate(conn, request.method, path, body, request.headers)
                return work(caller, conn, Call(body, request.query_params))

            return await run_in_threadpool(hub.run, handle)
        except Refused as exc:
            return _refusal(exc)
        except RunbookAssistantError as exc:
            return _refusal(Refused(422, exc.message, exc.hint or ""))
        except (psycopg.OperationalError, PoolTimeout) as exc:
            log.warning("database unavailable: %s", exc)
            return _refusal(Refused(503, "the hub's database is unavailable",
                                    "Try again shortly; nothing was stored."))

    return Starlette(routes=[
        Route("/health", health),
        Route(f"{API}/heads", heads_route),
        Route(f"{API}/push", push, methods=["POST"]),
        Route(f"{API}/pull", pull),
        Route(f"{API}/witness", witness),
    ], lifespan=lifespan)


async def _read_body(request: Request) -> bytes:
    """The request body, refused (413) past ``MAX_BODY`` whether or not it says its length."""
    if int(request.headers.get("content-length") or 0) > MAX_BODY:
        raise Refused(413, "the push is too large for one request")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise Refused(413, "the push is too large for one request")
    return bytes(body)


def _cursor(args: Any) -> int:
    try:
        return max(0, int(args.get("cursor", "0")))
    except ValueError as exc:
        raise Refused(400, "cursor must be a whole number") from exc


def _refusal(exc: Refused) -> JSONResponse:
    return JSONResponse({"error": exc.message, "hint": exc.hint}, status_code=exc.status)


def app_from_environment() -> Starlette:
    """The application for ``hub serve`` (uvicorn's factory, in each worker process)."""
    return create_app(os.environ["RUNBOOK_HUB_DATABASE"])
