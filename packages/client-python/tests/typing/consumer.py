"""A program that relies on the SDK's inferred types; mypy --strict and pyright strict check it.

Never run by pytest (the name does not start with test_): type checkers read it, and
tests/test_typing.py checks that a misuse of the same API is reported.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import vpsorg
from vpsorg import APIResponse, AsyncVpsClient, NotFoundError, VpsClient
from vpsorg.types import ActionResult, Server, ServerCreated, ServerList, ServerStatus


def sync_program(client: VpsClient) -> tuple[int, str, datetime]:
    listing = client.servers.list(status="active", location="us-west")
    count: int = listing.count
    names = [summary.name for summary in listing.results]
    created = client.servers.create(name="web-02", plan_id=1, os_id=5, location="us-west")
    ready = client.servers.wait_for(created.id, "active", timeout=600, interval=5)
    status: ServerStatus = ready.status
    patched: Server = client.servers.patch(ready.id, name="web-02b")
    replaced: Server = client.servers.update(
        ready.id, name="a", hostname="a.example.com", backups_enabled=False
    )
    action: ActionResult = client.servers.reboot(ready.id, idempotency_key="reboot-1")
    client.servers.delete(ready.id)
    raw: APIResponse[Server] = client.servers.with_raw_response.get(12345)
    parsed: Server = raw.parse()
    request_id: str | None = raw.request_id
    try:
        client.servers.get(99999, timeout=5.0, max_retries=0, headers={"X-Trace": "1"})
    except NotFoundError as error:
        code: int = error.status
        print(code, error.request_id, error.body)
    print(
        count,
        names,
        status,
        patched.name,
        replaced.hostname,
        action.server.status,
        parsed.id,
        request_id,
    )
    return (len(names), created.message, created.created_at)


async def async_program() -> ServerCreated:
    async with AsyncVpsClient("token", base_url="http://127.0.0.1:4010") as client:
        listing: ServerList = await client.servers.list()
        first = listing.results[0]
        server = await client.servers.wait_for(first.id)
        raw = await client.servers.with_raw_response.start(server.id)
        started: ActionResult = raw.parse()
        print(started.message)
        return await client.servers.create(name="web-03", plan_id=1, os_id=5, location="us-west")


def main() -> None:
    with VpsClient(max_retries=3, retry=vpsorg.RetryPolicy(base_delay=0.1)) as client:
        sync_program(client)
    asyncio.run(async_program())
