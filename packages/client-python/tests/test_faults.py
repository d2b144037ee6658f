"""Retries, Retry-After, timeouts, connection resets and malformed bodies, against real loopback
servers that answer as each test scripts them (tests/support/fault_server.py). Sync and async run
the same scenarios: the decisions are made once, in the shared core."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import vpsorg
from vpsorg import (
    AsyncVpsClient,
    InternalServerError,
    RateLimitError,
    RetryEvent,
    RetryPolicy,
    VpsClient,
    VpsConnectionError,
    VpsInvalidResponseError,
    VpsTimeoutError,
)
from vpsorg._retry import backoff_delay, retry_after

from support.fault_server import Answer, CutBody, FaultServer, Hang, Reset, fault_server, free_port

SERVER = {
    "id": 12345,
    "name": "web-server-01",
    "hostname": None,
    "status": "active",
    "ip_address": "203.0.113.10",
    "ipv6_address": None,
    "location": "us-west",
    "plan": {
        "id": 1,
        "name": "Standard VPS",
        "vcpus": 2,
        "memory": 4096,
        "storage": 80,
        "bandwidth": 2048,
    },
    "os": {"id": 5, "name": "Ubuntu 22.04 LTS"},
    "backups_enabled": True,
    "resource_usage": {"cpu_percent": 1.5, "memory_used": 1, "disk_used": 1, "bandwidth_used": 1},
    "created_at": "2025-01-10T14:30:00Z",
    "updated_at": "2025-01-10T14:30:00Z",
}
CREATED = {
    **{k: v for k, v in SERVER.items() if k not in ("ipv6_address", "resource_usage")},
    "message": "ok",
}
CREATE = {"name": "web-01", "plan_id": 1, "os_id": 5, "location": "us-west"}
ERROR = {"code": "internal_error", "message": "boom"}


class Retries:
    """Collects the retry events, and keeps the waits tiny."""

    def __init__(self) -> None:
        self.events: list[RetryEvent] = []

    def policy(self, **overrides: float) -> RetryPolicy:
        settings: dict[str, float] = {
            "base_delay": 0.01,
            "max_delay": 0.02,
            "max_retry_after": 0.3,
            **overrides,
        }
        return RetryPolicy(on_retry=self.events.append, **settings)


Run = Callable[[FaultServer, Retries, Callable[[Any], Any]], Any]


def run_sync(
    server: FaultServer, retries: Retries, call: Callable[[Any], Any], **options: Any
) -> Any:
    with VpsClient("test-token", base_url=server.url, retry=retries.policy(), **options) as client:
        return call(client)


def run_async(
    server: FaultServer, retries: Retries, call: Callable[[Any], Any], **options: Any
) -> Any:
    import anyio

    async def main() -> Any:
        async with AsyncVpsClient(
            "test-token", base_url=server.url, retry=retries.policy(), **options
        ) as client:
            result = call(client)
            return await result if isinstance(result, Awaitable) else result

    return anyio.run(main)


both = pytest.mark.parametrize("run", [run_sync, run_async], ids=["sync", "async"])


@both
def test_a_503_then_a_200_is_retried(run: Any) -> None:
    with fault_server(Answer(503, ERROR), Answer(200, SERVER)) as server:
        retries = Retries()
        server_ = run(server, retries, lambda c: c.servers.get(12345))
        assert server_.id == 12345
        assert len(server.requests) == 2
        assert [(e.retry, e.status) for e in retries.events] == [(1, 503)]


@both
@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried_up_to_max_retries(run: Any, status: int) -> None:
    with fault_server(Answer(status, ERROR)) as server:
        with pytest.raises(vpsorg.ApiError) as raised:
            run(server, Retries(), lambda c: c.servers.get(12345), max_retries=3)
        assert raised.value.status == status
        assert len(server.requests) == 4


@both
@pytest.mark.parametrize("status", [400, 401, 402, 404, 422])
def test_other_statuses_are_not_retried(run: Any, status: int) -> None:
    with fault_server(Answer(status, ERROR)) as server:
        with pytest.raises(vpsorg.ApiError):
            run(server, Retries(), lambda c: c.servers.get(12345))
        assert len(server.requests) == 1


@both
def test_x_should_retry_overrides_the_status(run: Any) -> None:
    with fault_server(Answer(503, ERROR, {"x-should-retry": "false"})) as server:
        with pytest.raises(InternalServerError):
            run(server, Retries(), lambda c: c.servers.get(12345))
        assert len(server.requests) == 1
    with fault_server(
        Answer(400, ERROR, {"x-should-retry": "true"}), Answer(200, SERVER)
    ) as server:
        assert run(server, Retries(), lambda c: c.servers.get(12345)).id == 12345
        assert len(server.requests) == 2


@both
def test_post_is_retried_only_with_an_idempotency_key_the_same_on_every_attempt(run: Any) -> None:
    with fault_server(Answer(503, ERROR), Answer(201, CREATED)) as server:
        with pytest.raises(InternalServerError):
            run(server, Retries(), lambda c: c.servers.create(**CREATE))
        assert len(server.requests) == 1
    with fault_server(Answer(503, ERROR), Reset(), Answer(201, CREATED)) as server:
        created = run(
            server, Retries(), lambda c: c.servers.create(**CREATE, idempotency_key="key-1")
        )
        assert created.id == 12345
        assert [r.headers.get("idempotency-key") for r in server.requests] == ["key-1"] * 3
        assert len({r.body for r in server.requests}) == 1
    with fault_server(
        Reset(),
        Answer(
            200,
            {
                "status": "success",
                "message": "m",
                "server": {"id": 1, "name": "a", "status": "rebooting"},
            },
        ),
    ) as server:
        with pytest.raises(VpsConnectionError):
            run(server, Retries(), lambda c: c.servers.reboot(1))
        assert len(server.requests) == 1


@both
def test_retry_after_seconds_and_retry_after_ms_set_the_wait(run: Any) -> None:
    with fault_server(
        Answer(429, ERROR, {"Retry-After": "0.2"}),
        Answer(429, ERROR, {"retry-after-ms": "30", "Retry-After": "9"}),
        Answer(200, SERVER),
    ) as server:
        retries = Retries()
        run(server, retries, lambda c: c.servers.get(12345))
        assert [round(e.delay, 3) for e in retries.events] == [0.2, 0.03]


@both
def test_retry_after_as_a_date_is_capped_by_max_retry_after(run: Any) -> None:
    later = email.utils.formatdate(time.time() + 3600, usegmt=True)
    with fault_server(Answer(429, ERROR, {"Retry-After": later}), Answer(200, SERVER)) as server:
        retries = Retries()
        run(server, retries, lambda c: c.servers.get(12345))
        assert [e.delay for e in retries.events] == [0.3]


def test_retry_after_parsing() -> None:
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after({"retry-after": "12"}, now) == 12
    assert retry_after({"retry-after": date}, now) == 30
    assert retry_after({"retry-after": email.utils.formatdate(now - 30, usegmt=True)}, now) == 0
    assert retry_after({"retry-after-ms": "250", "retry-after": "12"}, now) == 0.25
    assert retry_after({"retry-after": "-5"}, now) is None
    assert retry_after({"retry-after": "soon"}, now) is None
    assert retry_after({"retry-after-ms": "x", "retry-after": "2"}, now) == 2
    assert retry_after({}, now) is None


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    policy = RetryPolicy()
    assert [
        backoff_delay(n, policy, lambda: 0.999999) for n in (1, 2, 3, 4, 5, 6)
    ] == pytest.approx([0.5, 1, 2, 4, 8, 8], rel=1e-5)
    assert backoff_delay(3, policy, lambda: 0.0) == 0


@both
def test_connection_reset_then_success(run: Any) -> None:
    with fault_server(Reset(), Answer(200, SERVER)) as server:
        retries = Retries()
        assert run(server, retries, lambda c: c.servers.get(12345)).id == 12345
        assert retries.events[0].status is None
        assert isinstance(retries.events[0].error, VpsConnectionError)


@both
def test_a_body_cut_off_midway_is_a_connection_error_and_retried(run: Any) -> None:
    with fault_server(CutBody(), Answer(200, SERVER)) as server:
        assert run(server, Retries(), lambda c: c.servers.get(12345)).id == 12345
    with fault_server(CutBody()) as server:
        with pytest.raises(VpsConnectionError, match="could not connect or the connection broke"):
            run(server, Retries(), lambda c: c.servers.get(12345), max_retries=1)
        assert len(server.requests) == 2


@both
def test_a_refused_connection(run: Any) -> None:
    port = free_port()

    class Nowhere:
        url = f"http://127.0.0.1:{port}"

    with pytest.raises(VpsConnectionError) as raised:
        run(Nowhere(), Retries(), lambda c: c.servers.get(12345), max_retries=1)
    assert not isinstance(raised.value, VpsTimeoutError)
    assert raised.value.method == "GET"
    assert raised.value.url == f"http://127.0.0.1:{port}/servers/12345/"


@both
def test_a_hanging_server_times_out_each_attempt(run: Any) -> None:
    with fault_server(Hang()) as server:
        retries = Retries()
        with pytest.raises(VpsTimeoutError) as raised:
            run(server, retries, lambda c: c.servers.get(12345), timeout=0.2, max_retries=1)
        assert isinstance(raised.value, TimeoutError)
        assert raised.value.timeout == 0.2
        assert "timed out after 0.2 s" in str(raised.value)
        assert len(server.requests) == 2
        assert len(retries.events) == 1


@both
def test_per_call_timeout_and_max_retries_override_the_clients(run: Any) -> None:
    with fault_server(Hang()) as server:
        with pytest.raises(VpsTimeoutError):
            run(
                server,
                Retries(),
                lambda c: c.servers.get(12345, timeout=0.1, max_retries=0),
                timeout=60,
            )
        assert len(server.requests) == 1


@both
@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (Answer(200, b'{"id": 12345, "name"'), "not the expected Server"),
        (Answer(200, b""), "the body is empty"),
        (Answer(200, "<html>gateway</html>"), "not the expected Server"),
        (Answer(200, {"id": "not-a-number"}), "not the expected Server"),
    ],
    ids=["truncated-json", "empty", "html", "wrong-shape"],
)
def test_malformed_success_bodies(run: Any, answer: Answer, says: str) -> None:
    with fault_server(answer) as server:
        with pytest.raises(VpsInvalidResponseError) as raised:
            run(server, Retries(), lambda c: c.servers.get(12345))
        assert says in str(raised.value)
        assert raised.value.status == 200


@both
def test_non_json_error_bodies_keep_their_text(run: Any) -> None:
    with fault_server(
        Answer(502, "<html><body>Bad gateway</body></html>", {"X-Request-Id": "req-1"})
    ) as server:
        with pytest.raises(InternalServerError) as raised:
            run(server, Retries(), lambda c: c.servers.get(12345), max_retries=0)
        assert raised.value.body == "<html><body>Bad gateway</body></html>"
        assert raised.value.request_id == "req-1"
        assert "failed with 502: <html><body>Bad gateway</body></html> (request id req-1)" in str(
            raised.value
        )


@both
def test_rate_limit_after_the_retries(run: Any) -> None:
    with fault_server(
        Answer(429, {"code": "rate_limited", "message": "slow down"}, {"retry-after-ms": "1"})
    ) as server:
        with pytest.raises(RateLimitError):
            run(server, Retries(), lambda c: c.servers.list(), max_retries=2)
        assert len(server.requests) == 3


def test_what_is_sent(token: str) -> None:
    with fault_server(Answer(201, CREATED)) as server:
        with VpsClient(
            token, base_url=server.url + "/api/v1/", user_agent="fleet/2.1", headers={"X-Team": "a"}
        ) as client:
            client.servers.create(**CREATE, headers={"X-Call": "b"}, idempotency_key="k")
        [sent] = server.requests
    assert (sent.method, sent.path) == ("POST", "/api/v1/servers/")
    assert sent.headers["authorization"] == f"Bearer {token}"
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["user-agent"] == f"fleet/2.1 vpsorg-python/{vpsorg.__version__}"
    assert sent.headers["x-client"] == f"vpsorg-python/{vpsorg.__version__}"
    assert (sent.headers["x-team"], sent.headers["x-call"], sent.headers["idempotency-key"]) == (
        "a",
        "b",
        "k",
    )
    assert sent.body == b'{"name":"web-01","plan_id":1,"os_id":5,"location":"us-west"}'


def test_query_parameters_are_sent_only_when_given() -> None:
    with fault_server(Answer(200, {"count": 0, "results": []})) as server:
        with VpsClient("t0ken", base_url=server.url) as client:
            client.servers.list()
            client.servers.list(status="stopped")
            client.servers.list(status="active", location="us-west")
        assert [r.path for r in server.requests] == [
            "/servers/",
            "/servers/?status=stopped",
            "/servers/?status=active&location=us-west",
        ]
