"""Every operation of the spec against the static Prism mock, sync and async: the spec's examples
come back as the models, and every documented error (forced with `Prefer`) as its error class."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

import vpsorg
import vpsorg._generated.resources
from vpsorg import AsyncVpsClient, VpsClient
from vpsorg._operation import Operation
from vpsorg.types import ActionResult, Server, ServerCreated, ServerList

# (method, positional args, keyword args, what comes back)
CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any], Callable[[Any], None]]] = []


def expects(method: str, *args: Any, **kwargs: Any) -> Callable[[Callable[[Any], None]], None]:
    def register(check: Callable[[Any], None]) -> None:
        CALLS.append((method, args, kwargs, check))

    return register


@expects("list", status="active", location="us-west")
def _list(result: Any) -> None:
    assert isinstance(result, ServerList)
    assert result.count == 2
    assert [s.id for s in result.results] == [12345, 12346]
    assert result.results[0].plan.name == "Standard VPS"
    assert result.results[0].created_at == datetime(2025, 1, 10, 14, 30, tzinfo=UTC)


@expects(
    "create",
    name="web-server-02",
    plan_id=1,
    os_id=5,
    location="us-west",
    hostname="web02.example.com",
    backups_enabled=True,
)
def _create(result: Any) -> None:
    assert isinstance(result, ServerCreated)
    assert (result.id, result.status, result.ip_address) == (12347, "provisioning", None)
    assert result.message.startswith("Server is being provisioned")


@expects("get", 12345)
def _get(result: Any) -> None:
    assert isinstance(result, Server)
    assert result.plan.bandwidth == 2048
    assert result.resource_usage.cpu_percent == 23.5


@expects(
    "update",
    12345,
    name="web-server-updated",
    hostname="web-updated.example.com",
    backups_enabled=True,
)
def _update(result: Any) -> None:
    assert isinstance(result, Server)
    assert result.name == "web-server-updated"


@expects("patch", 12345, name="new-server-name")
def _patch(result: Any) -> None:
    assert isinstance(result, Server)
    assert result.name == "new-server-name"


@expects("delete", 12345)
def _delete(result: Any) -> None:
    assert result is None


@expects("start", 12345)
def _start(result: Any) -> None:
    assert isinstance(result, ActionResult)
    assert (result.status, result.server.status) == ("success", "starting")


@expects("stop", 12345)
def _stop(result: Any) -> None:
    assert isinstance(result, ActionResult)
    assert result.server.status == "stopping"


@expects("reboot", 12345)
def _reboot(result: Any) -> None:
    assert isinstance(result, ActionResult)
    assert result.server.status == "rebooting"


def test_every_operation_of_the_spec_is_covered() -> None:
    generated = vars(vpsorg._generated.resources).values()
    operations = {op.where for op in generated if isinstance(op, Operation)}
    assert operations == {f"servers.{call[0]}" for call in CALLS}


@pytest.mark.parametrize(("method", "args", "kwargs", "check"), CALLS, ids=[c[0] for c in CALLS])
def test_sync(
    mock_url: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    check: Callable[[Any], None],
) -> None:
    with VpsClient("test-token", base_url=mock_url) as client:
        check(getattr(client.servers, method)(*args, **kwargs))


@pytest.mark.anyio
@pytest.mark.parametrize(("method", "args", "kwargs", "check"), CALLS, ids=[c[0] for c in CALLS])
async def test_async(
    mock_url: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    check: Callable[[Any], None],
) -> None:
    async with AsyncVpsClient("test-token", base_url=mock_url) as client:
        check(await getattr(client.servers, method)(*args, **kwargs))


DOCUMENTED_ERRORS = [
    ("get", (12345,), {}, 404, vpsorg.NotFoundError, "not_found"),
    ("get", (12345,), {}, 401, vpsorg.AuthenticationError, "unauthorized"),
    (
        "create",
        (),
        {"name": "web-01", "plan_id": 1, "os_id": 5, "location": "us-west"},
        402,
        vpsorg.PaymentRequiredError,
        "payment_required",
    ),
    ("start", (12345,), {}, 400, vpsorg.BadRequestError, "invalid_state"),
    ("list", (), {}, 429, vpsorg.RateLimitError, "rate_limited"),
    ("delete", (12345,), {}, 500, vpsorg.InternalServerError, "internal_error"),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "status", "error", "code"),
    DOCUMENTED_ERRORS,
    ids=[f"{e[0]}-{e[3]}" for e in DOCUMENTED_ERRORS],
)
def test_documented_errors_sync(
    mock_url: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    status: int,
    error: type[vpsorg.ApiError],
    code: str,
) -> None:
    with (
        VpsClient("test-token", base_url=mock_url, max_retries=0) as client,
        pytest.raises(error) as raised,
    ):
        getattr(client.servers, method)(*args, **kwargs, headers={"Prefer": f"code={status}"})
    assert raised.value.status == status
    assert raised.value.body["code"] == code
    assert raised.value.method in ("GET", "POST", "DELETE")
    assert raised.value.url.startswith(mock_url)
    assert raised.value.request_id == "req_8f14e45fceea167a"
    assert f"failed with {status}: {code}" in str(raised.value)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("method", "args", "kwargs", "status", "error", "code"),
    DOCUMENTED_ERRORS,
    ids=[f"{e[0]}-{e[3]}" for e in DOCUMENTED_ERRORS],
)
async def test_documented_errors_async(
    mock_url: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    status: int,
    error: type[vpsorg.ApiError],
    code: str,
) -> None:
    async with AsyncVpsClient("test-token", base_url=mock_url, max_retries=0) as client:
        with pytest.raises(error) as raised:
            await getattr(client.servers, method)(
                *args, **kwargs, headers={"Prefer": f"code={status}"}
            )
    assert raised.value.status == status
    assert raised.value.body["code"] == code


def test_raw_response_sync(mock_url: str) -> None:
    with VpsClient("test-token", base_url=mock_url) as client:
        raw = client.servers.with_raw_response.get(12345)
        assert raw.status_code == 200
        assert raw.headers["content-type"].startswith("application/json")
        assert raw.request_id == raw.headers.get("x-request-id")
        server = raw.parse()
        assert isinstance(server, Server)
        assert server.id == 12345
        assert raw.parse() is server
        assert raw.json()["id"] == 12345
        deleted = client.servers.with_raw_response.delete(12345)
        assert (deleted.status_code, deleted.content, deleted.parse()) == (204, b"", None)


@pytest.mark.anyio
async def test_raw_response_async(mock_url: str) -> None:
    async with AsyncVpsClient("test-token", base_url=mock_url) as client:
        raw = await client.servers.with_raw_response.create(
            name="web-01", plan_id=1, os_id=5, location="us-west"
        )
        assert raw.status_code == 201
        created = raw.parse()
        assert isinstance(created, ServerCreated)
        with pytest.raises(vpsorg.NotFoundError):
            await client.servers.with_raw_response.get(12345, headers={"Prefer": "code=404"})
