"""Client and per-call options are checked before anything is sent, with messages that say
where, what and what was given; the environment (VPS_API_TOKEN, VPS_BASE_URL, VPS_LOG) is read."""

from __future__ import annotations

import logging
import math
import subprocess
import sys
from typing import Any

import httpx
import pytest

import vpsorg
from vpsorg import AsyncVpsClient, VpsClient, VpsConfigError

from support.fault_server import Answer, fault_server

BAD_CLIENT_OPTIONS: list[tuple[dict[str, Any], str]] = [
    ({"token": 42}, "VpsClient: the token must be a str, got int"),
    ({"base_url": "admin.vps.org"}, "base_url must be an absolute http(s) URL"),
    ({"base_url": "ftp://admin.vps.org"}, "base_url must be an absolute http(s) URL"),
    ({"base_url": "https://user:pw@admin.vps.org"}, "must not contain a user name or password"),
    ({"base_url": "https://admin.vps.org/api?x=1"}, "must not contain a query (?) or fragment (#)"),
    ({"timeout": 0}, "timeout must be a positive number of seconds (or None), got 0"),
    ({"timeout": "5"}, "timeout must be a number of seconds (or None), got str"),
    ({"max_retries": -1}, "max_retries must be a whole number >= 0, got -1"),
    ({"max_retries": 1.5}, "max_retries must be a whole number >= 0, got 1.5"),
    ({"headers": {"X-A": 1}}, "header 'X-A' must be a str, got int"),
    ({"headers": {"X A": "1"}}, "'X A' in headers is not a valid header name"),
    ({"headers": {"X-A": "a\r\nInjected: 1"}}, "header 'X-A' contains a line break or NUL"),
    ({"headers": {"Authorization": "Bearer other"}}, "headers cannot set Authorization"),
    ({"headers": [("X-A", "1")]}, "headers must be a mapping of header names to str, got list"),
    ({"user_agent": "a\nb"}, "user_agent contains a line break or NUL"),
    (
        {"http_client": httpx.AsyncClient()},
        "http_client must be an httpx.Client, got AsyncClient (AsyncVpsClient takes that one)",
    ),
    ({"retry": {"base_delay": 1}}, "retry must be a vpsorg.RetryPolicy, got dict"),
    (
        {"retry": vpsorg.RetryPolicy(max_delay=-1)},
        "retry.max_delay must be a number of seconds >= 0, got -1",
    ),
]


@pytest.mark.parametrize(
    ("options", "says"), BAD_CLIENT_OPTIONS, ids=[s for _, s in BAD_CLIENT_OPTIONS]
)
def test_bad_client_options(options: dict[str, Any], says: str) -> None:
    options = {"token": "t0ken", **options}
    with pytest.raises(VpsConfigError) as raised:
        VpsClient(**options)
    assert says in str(raised.value)
    assert str(raised.value).startswith("VpsClient: ")
    assert isinstance(raised.value, TypeError)
    assert isinstance(raised.value, ValueError)


def test_async_client_checks_the_same() -> None:
    with pytest.raises(
        VpsConfigError,
        match=r"AsyncVpsClient: http_client must be an httpx\.AsyncClient, got Client",
    ):
        AsyncVpsClient("t0ken", http_client=httpx.Client())
    with pytest.raises(TypeError, match="unexpected keyword argument 'baseURL'"):
        AsyncVpsClient("t0ken", baseURL="x")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"timeout": -1}, "servers.get: timeout must be a positive number of seconds"),
        ({"max_retries": "2"}, "servers.get: max_retries must be a whole number >= 0, got str"),
        ({"headers": {"X-A": None}}, "servers.get: header 'X-A' must be a str, got None"),
        ({"idempotency_key": ""}, "servers.get: idempotency_key must be a non-empty str"),
    ],
)
def test_bad_call_options_are_refused_before_sending(options: dict[str, Any], says: str) -> None:
    with fault_server() as server, VpsClient("t0ken", base_url=server.url) as client:
        with pytest.raises(VpsConfigError, match=says.replace("(", r"\(")):
            client.servers.get(12345, **options)
        assert server.requests == []


def test_timeout_none_and_infinity_mean_no_limit() -> None:
    with fault_server(Answer(200, {"count": 0, "results": []})) as server:
        for timeout in (None, math.inf):
            with VpsClient("t0ken", base_url=server.url, timeout=timeout) as client:
                assert client.servers.list().count == 0


def test_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with fault_server(Answer(200, {"count": 0, "results": []})) as server:
        monkeypatch.setenv("VPS_BASE_URL", server.url + "/v1/")
        with VpsClient("t0ken") as client:
            assert client.base_url == server.url + "/v1"
            client.servers.list()
        assert server.requests[0].path == "/v1/servers/"


def test_your_own_http_client_is_used_and_left_open() -> None:
    seen: list[httpx.Request] = []
    with fault_server(Answer(200, {"count": 0, "results": []})) as server:
        http = httpx.Client(event_hooks={"request": [seen.append]}, headers={"X-Proxy-Hint": "1"})
        with VpsClient("t0ken", base_url=server.url, http_client=http) as client:
            client.servers.list()
        assert not http.is_closed
        http.get(server.url)
        http.close()
        assert server.requests[0].headers["x-proxy-hint"] == "1"
    assert len(seen) == 2


def test_the_context_manager_closes_its_own_pool() -> None:
    with VpsClient("t0ken") as client:
        pass
    assert client._transport.http.is_closed


def test_vps_log_turns_logging_on(tmp_path: Any) -> None:
    with fault_server(
        Answer(200, {"count": 0, "results": []}, {"X-Request-Id": "req-9"})
    ) as server:
        program = (
            "import vpsorg\n"
            f"c = vpsorg.VpsClient('sEcReT-t0ken-value', base_url={server.url!r})\n"
            "c.servers.list(status='active')\n"
        )
        for level, wanted, unwanted in [
            ("info", "GET " + server.url + "/servers/?status=active -> 200", "headers="),
            ("debug", "'authorization': 'Bearer REDACTED'", None),
        ]:
            env = {"VPS_LOG": level, "PATH": "/usr/bin:/bin"}
            done = subprocess.run(
                [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
            )
            assert wanted in done.stderr
            assert "request id req-9" in done.stderr
            assert "sEcReT-t0ken-value" not in done.stderr
            if unwanted:
                assert unwanted not in done.stderr
        bad = subprocess.run(
            [sys.executable, "-c", program], env={"VPS_LOG": "loud"}, capture_output=True, text=True
        )
        assert bad.returncode == 1
        assert "VPS_LOG must be one of debug, info, warning, off; got 'loud'" in bad.stderr
    assert logging.getLogger("vpsorg").handlers == []
