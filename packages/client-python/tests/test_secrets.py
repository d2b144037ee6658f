"""The token never shows: not in repr or str of the client, its errors, its log records (even at
debug level, headers and bodies included), nor in pickles; a server echoing it back gets it
replaced. Only whole occurrences are replaced: a short token does not mangle other words."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator

import pytest

from vpsorg import (
    AsyncVpsClient,
    AuthenticationError,
    NotFoundError,
    VpsClient,
    VpsConfigError,
    VpsConnectionError,
)

from support.fault_server import Answer, Reset, fault_server

TOKEN = "vps_live_3f9c2a7b1e8d4c6f"


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def records() -> Iterator[Records]:
    logger = logging.getLogger("vpsorg")
    handler = Records()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_client_repr_and_pickle() -> None:
    client = VpsClient(TOKEN, base_url="http://127.0.0.1:9/api")
    assert TOKEN not in repr(client)
    assert TOKEN not in str(vars(client))
    assert (
        repr(client)
        == "VpsClient(base_url='http://127.0.0.1:9/api', sdk='vpsorg-python/"
        + client.base_url[:0]
        + repr(client).split("vpsorg-python/")[1]
    )
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(client)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(AsyncVpsClient(TOKEN))
    client.close()


def test_an_echoed_token_is_redacted_in_errors_logs_and_pickles(records: Records) -> None:
    echo = {
        "code": "unauthorized",
        "message": f"token {TOKEN} is invalid",
        "details": [{"field": TOKEN, "message": TOKEN}],
    }
    with (
        fault_server(Answer(401, echo, {"X-Echo": f"Bearer {TOKEN}"})) as server,
        VpsClient(TOKEN, base_url=server.url) as client,
    ):
        with pytest.raises(AuthenticationError) as raised:
            client.servers.get(12345)
        assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    error = raised.value
    assert error.body["message"] == "token REDACTED is invalid"
    assert error.body["details"] == [{"field": "REDACTED", "message": "REDACTED"}]
    for shown in (str(error), repr(error), str(error.body), str(error.args), str(vars(error))):
        assert TOKEN not in shown
    copy = pickle.loads(pickle.dumps(error))
    assert TOKEN.encode() not in pickle.dumps(error)
    assert (type(copy), copy.status, copy.body, str(copy)) == (
        AuthenticationError,
        401,
        error.body,
        str(error),
    )
    text = "\n".join(records.lines)
    assert TOKEN not in text
    assert "'authorization': 'Bearer REDACTED'" in text
    assert "'x-echo': 'Bearer REDACTED'" in text
    assert "token REDACTED is invalid" in text


def test_connection_errors_hold_no_request(records: Records) -> None:
    with (
        fault_server(Reset()) as server,
        VpsClient(TOKEN, base_url=server.url, max_retries=0) as client,
        pytest.raises(VpsConnectionError) as raised,
    ):
        client.servers.get(1)
    error = raised.value
    chain = [error, error.__cause__, error.__context__]
    for link in chain:
        assert getattr(link, "_request", None) is None
    assert TOKEN.encode() not in pickle.dumps(error)
    assert TOKEN not in "\n".join(records.lines)


def test_only_whole_occurrences_are_replaced() -> None:
    body = {"message": "latest testing results for test"}
    with (
        fault_server(Answer(404, body)) as server,
        VpsClient("test", base_url=server.url) as client,
        pytest.raises(NotFoundError) as raised,
    ):
        client.servers.get(1)
    assert raised.value.body == {"message": "latest testing results for REDACTED"}
    assert "http://127.0.0.1" in str(raised.value)


def test_bad_tokens_are_refused_without_echoing_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VPS_API_TOKEN", raising=False)
    with pytest.raises(
        VpsConfigError, match=r"no API token\. Pass token=\.\.\. or set the VPS_API_TOKEN"
    ):
        VpsClient()
    with pytest.raises(VpsConfigError, match="the API token is empty"):
        VpsClient("  ")
    with pytest.raises(VpsConfigError, match="whitespace or a line break") as raised:
        VpsClient(f"{TOKEN}\n")
    assert TOKEN not in str(raised.value)
    monkeypatch.setenv("VPS_API_TOKEN", TOKEN)
    assert VpsClient().base_url == "https://admin.vps.org/api/v1"
