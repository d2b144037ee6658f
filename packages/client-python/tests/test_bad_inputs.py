"""The bad inputs of @vpsorg/mock's suite (packages/mock/test/bad-inputs.test.js), made through
the Python SDK: a wrong Python type (or a missing, unknown or extra argument) is refused by the
SDK before anything is sent; a wrong value reaches the API, and the static mock and the sandbox
both answer 400 naming the field, raised as BadRequestError."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from vpsorg import BadRequestError, VpsClient, VpsConfigError

from support.fault_server import fault_server

CREATE: dict[str, Any] = {
    "name": "web-server-02",
    "plan_id": 1,
    "os_id": 5,
    "location": "us-west",
    "hostname": "web02.example.com",
    "backups_enabled": True,
}
REPLACE: dict[str, Any] = {
    "name": "web-server-updated",
    "hostname": "web-updated.example.com",
    "backups_enabled": True,
}
Call = Callable[[VpsClient], object]


def without(body: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in names}


# name (as in the mock's suite), the call, who refuses it ("sdk" or the field the API names)
CASES: list[tuple[str, Call, str]] = [
    ("unknown status filter", lambda c: c.servers.list(status="deleted"), "status"),  # type: ignore[arg-type]
    (
        "location filter breaking its pattern",
        lambda c: c.servers.list(location="US West"),
        "location",
    ),
    ("non-integer server_id (word)", lambda c: c.servers.get("abc"), "sdk"),  # type: ignore[arg-type]
    ("non-integer server_id (decimal)", lambda c: c.servers.get(1.5), "sdk"),  # type: ignore[arg-type]
    ("negative server_id", lambda c: c.servers.get(-1), "server_id"),
    ("zero server_id", lambda c: c.servers.delete(0), "server_id"),
    *[
        (
            f"server_id spelled with a {kind} ({value})",
            (lambda v: lambda c: c.servers.get(v))(value),
            "sdk",
        )
        for kind, value in [
            ("exponent", "1e3"),
            ("hexadecimal", "0x10"),
            ("plus sign", "+5"),
            ("leading zero", "01"),
        ]
    ],
    (
        "server_id with a control character and characters beyond Latin-1",
        lambda c: c.servers.start("\u0091\u00d9\nl\U00012498"),  # type: ignore[arg-type]
        "sdk",
    ),
    ("server_id beyond 2^53 - 1", lambda c: c.servers.get(9007199254740992), "server_id"),
    ("empty location filter", lambda c: c.servers.list(location=""), "location"),
    (
        "empty status filter",
        lambda c: c.servers.list(status="", location="us-west"),  # type: ignore[arg-type]
        "status",
    ),
    ("non-integer server_id on an action", lambda c: c.servers.start("web-01"), "sdk"),  # type: ignore[arg-type]
    (
        "create without the required name",
        lambda c: c.servers.create(**without(CREATE, "name")),
        "sdk",
    ),
    (
        "create without plan_id, os_id and location",
        lambda c: c.servers.create(name="web-01"),
        "sdk",
    ),  # type: ignore[call-arg]
    (
        "name breaking the pattern",
        lambda c: c.servers.create(**{**CREATE, "name": "web server!"}),
        "name",
    ),
    (
        "name starting with a hyphen",
        lambda c: c.servers.create(**{**CREATE, "name": "-web"}),
        "name",
    ),
    (
        "name longer than 63 characters",
        lambda c: c.servers.create(**{**CREATE, "name": "a" * 64}),
        "name",
    ),
    ("plan_id as a string", lambda c: c.servers.create(**{**CREATE, "plan_id": "1"}), "sdk"),
    ("os_id of zero", lambda c: c.servers.create(**{**CREATE, "os_id": 0}), "os_id"),
    ("negative ssh_key_id", lambda c: c.servers.create(**CREATE, ssh_key_id=-3), "ssh_key_id"),
    (
        "backups_enabled as a string",
        lambda c: c.servers.create(**{**CREATE, "backups_enabled": "yes"}),
        "sdk",
    ),
    (
        "location in upper case",
        lambda c: c.servers.create(**{**CREATE, "location": "US-WEST"}),
        "location",
    ),
    (
        "hostname that is not an FQDN",
        lambda c: c.servers.create(**{**CREATE, "hostname": "localhost"}),
        "hostname",
    ),
    (
        "unknown (misspelt) property",
        lambda c: c.servers.create(**CREATE, backup_enabled=True),
        "sdk",
    ),
    (
        "unknown property whose name has characters beyond Latin-1",
        lambda c: c.servers.patch(12345, **{"nom\U0001f600": [[True, "\u0087x"]]}),  # type: ignore[arg-type]
        "sdk",
    ),
    ("body that is an array", lambda c: c.servers.create(*[CREATE]), "sdk"),  # type: ignore[misc]
    ("create without a body", lambda c: c.servers.create(), "sdk"),  # type: ignore[call-arg]
    (
        "wrong content type",
        lambda c: c.servers.create(**CREATE, headers={"Content-Type": "text/plain"}),
        "Content-Type",
    ),
    (
        "PUT without backups_enabled (all fields are required)",
        lambda c: c.servers.update(12345, **without(REPLACE, "backups_enabled")),
        "sdk",
    ),
    (
        "PUT with a null hostname",
        lambda c: c.servers.update(12345, **{**REPLACE, "hostname": None}),
        "sdk",
    ),
    ("empty PATCH body", lambda c: c.servers.patch(12345), "sdk"),
    ("PATCH with a read-only property", lambda c: c.servers.patch(12345, status="active"), "sdk"),  # type: ignore[call-arg]
    ("PATCH with an empty name", lambda c: c.servers.patch(12345, name=""), "name"),
]
SDK_CASES = [c for c in CASES if c[2] == "sdk"]
API_CASES = [c for c in CASES if c[2] != "sdk"]


def test_the_table_has_at_least_20_cases_on_each_side() -> None:
    assert len(CASES) >= 27
    assert len(SDK_CASES) >= 10
    assert len(API_CASES) >= 10


@pytest.mark.parametrize(("name", "call", "_who"), SDK_CASES, ids=[c[0] for c in SDK_CASES])
def test_refused_before_sending(name: str, call: Call, _who: str) -> None:
    with fault_server() as server, VpsClient("test-token", base_url=server.url) as client:
        with pytest.raises(TypeError) as raised:
            call(client)
        assert server.requests == [], f"{name}: a request was sent"
    if isinstance(raised.value, VpsConfigError):
        # Says where, what and the type it got, never the value (it could be a secret).
        assert str(raised.value).startswith("servers.")
        assert "must be" in str(raised.value) or "give at least one of" in str(raised.value)


@pytest.mark.parametrize("mode", ["mock", "sandbox"])
@pytest.mark.parametrize(("name", "call", "field"), API_CASES, ids=[c[0] for c in API_CASES])
def test_refused_by_the_api(
    request: pytest.FixtureRequest, mode: str, name: str, call: Call, field: str, token: str
) -> None:
    base_url = request.getfixturevalue("mock_url" if mode == "mock" else "sandbox_url")
    with VpsClient(token, base_url=base_url) as client, pytest.raises(BadRequestError) as raised:
        call(client)
    error = raised.value
    assert error.status == 400
    assert error.body["code"] == "invalid_request"
    assert field in [d["field"] for d in error.body["details"]], f"{name}: {error.body}"
