"""The whole lifecycle against the stateful sandbox, sync and async: create, wait_for with the
sandbox's clock advanced, stop, a refused start, reboot, delete, then NotFoundError. Each test
has a token, so a world, of its own."""

from __future__ import annotations

import threading

import anyio
import httpx
import pytest

from vpsorg import (
    AsyncVpsClient,
    BadRequestError,
    NotFoundError,
    VpsClient,
    VpsConfigError,
    VpsWaitTimeoutError,
)
from vpsorg.types import Server

NEW = {"name": "web-01", "plan_id": 1, "os_id": 5, "location": "us-west"}


def advance(sandbox_url: str, token: str, seconds: int) -> None:
    """Moves this token's sandbox clock forward (the sandbox's control API)."""
    response = httpx.post(
        f"{sandbox_url}/__sandbox/advance",
        json={"seconds": seconds},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text


def test_lifecycle_sync(sandbox_url: str, token: str) -> None:
    with VpsClient(token, base_url=sandbox_url) as client:
        created = client.servers.create(**NEW, backups_enabled=True)
        assert (created.status, created.ip_address, created.backups_enabled) == (
            "provisioning",
            None,
            True,
        )

        # The clock does not move by itself for two minutes: the wait gives up, saying what it saw.
        with pytest.raises(VpsWaitTimeoutError) as timed_out:
            client.servers.wait_for(created.id, "active", timeout=0.3, interval=0.05)
        assert timed_out.value.last_status == "provisioning"
        assert timed_out.value.expected_status == ("active",)
        assert f"Server {created.id} did not reach status active" in str(timed_out.value)

        # Waiting in a thread while the clock moves: only the advance can end this wait.
        result: dict[str, Server] = {}

        def wait() -> None:
            result["server"] = client.servers.wait_for(
                created.id, "active", timeout=120, interval=0.05
            )

        waiter = threading.Thread(target=wait)
        waiter.start()
        assert client.servers.get(created.id).status == "provisioning"
        advance(sandbox_url, token, 300)
        waiter.join(timeout=120)
        active = result["server"]
        assert active.status == "active"
        assert active.ip_address is not None

        assert client.servers.stop(created.id).server.status == "stopping"
        advance(sandbox_url, token, 10)
        assert (
            client.servers.wait_for(created.id).status == "stopped"
        )  # settles: no timed transition

        with pytest.raises(BadRequestError) as refused:
            client.servers.stop(created.id)
        assert refused.value.body["code"] == "invalid_state"

        assert client.servers.start(created.id).server.status == "starting"
        with pytest.raises(BadRequestError) as refused:
            client.servers.start(created.id)
        assert (refused.value.status, refused.value.body["code"]) == (400, "invalid_state")
        advance(sandbox_url, token, 10)
        assert client.servers.wait_for(created.id, ["active", "stopped"]).status == "active"

        assert (
            client.servers.reboot(created.id, idempotency_key="reboot-1").server.status
            == "rebooting"
        )
        advance(sandbox_url, token, 20)
        assert client.servers.wait_for(created.id, "active", interval=0.05).status == "active"

        renamed = client.servers.patch(created.id, name="web-01b")
        assert renamed.name == "web-01b"
        replaced = client.servers.update(
            created.id, name="web-01c", hostname="web.example.com", backups_enabled=False
        )
        assert (replaced.hostname, replaced.backups_enabled) == ("web.example.com", False)

        assert client.servers.delete(created.id) is None
        with pytest.raises(NotFoundError) as gone:
            client.servers.get(created.id)
        assert gone.value.body["code"] == "not_found"
        with pytest.raises(NotFoundError):
            client.servers.wait_for(created.id, "active")


@pytest.mark.anyio
async def test_lifecycle_async(sandbox_url: str, token: str) -> None:
    async with AsyncVpsClient(token, base_url=sandbox_url) as client:
        created = await client.servers.create(**NEW)
        assert created.status == "provisioning"
        async with anyio.create_task_group() as group:
            found: list[str] = []

            async def wait() -> None:
                server = await client.servers.wait_for(
                    created.id, "active", timeout=120, interval=0.05
                )
                found.append(server.status)

            group.start_soon(wait)
            assert (await client.servers.get(created.id)).status == "provisioning"
            await anyio.to_thread.run_sync(advance, sandbox_url, token, 300)
        assert found == ["active"]

        assert (await client.servers.stop(created.id)).server.status == "stopping"
        await anyio.to_thread.run_sync(advance, sandbox_url, token, 10)
        with pytest.raises(BadRequestError) as refused:
            await client.servers.reboot(created.id)
        assert refused.value.body["code"] == "invalid_state"
        assert (await client.servers.start(created.id)).server.status == "starting"
        await anyio.to_thread.run_sync(advance, sandbox_url, token, 10)
        assert (await client.servers.reboot(created.id)).server.status == "rebooting"
        await client.servers.delete(created.id)
        with pytest.raises(NotFoundError):
            await client.servers.get(created.id)


def test_two_tokens_are_isolated(sandbox_url: str, token: str) -> None:
    other = f"{token}-other"
    with (
        VpsClient(token, base_url=sandbox_url) as mine,
        VpsClient(other, base_url=sandbox_url) as theirs,
    ):
        created = mine.servers.create(**NEW)
        assert created.id in [s.id for s in mine.servers.list().results]
        assert created.id not in [s.id for s in theirs.servers.list().results]
        with pytest.raises(NotFoundError):
            theirs.servers.get(created.id)
        with pytest.raises(NotFoundError):
            theirs.servers.delete(created.id)
        assert mine.servers.get(created.id).id == created.id


def test_list_filters(sandbox_url: str, token: str) -> None:
    with VpsClient(token, base_url=sandbox_url) as client:
        created = client.servers.create(**{**NEW, "location": "eu-north"})
        assert [s.id for s in client.servers.list(location="eu-north").results] == [created.id]
        assert created.id not in [s.id for s in client.servers.list(status="active").results]


def test_wait_for_refuses_a_status_the_spec_does_not_have(sandbox_url: str, token: str) -> None:
    with VpsClient(token, base_url=sandbox_url) as client:
        with pytest.raises(
            VpsConfigError, match=r"servers.wait_for: 'running' is not a status of the spec"
        ):
            client.servers.wait_for(12345, "running")  # type: ignore[arg-type]
        with pytest.raises(VpsConfigError, match="interval must be a number of seconds"):
            client.servers.wait_for(12345, "active", interval=-1)
