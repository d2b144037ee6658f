"""Checking what callers pass, once, with messages that say what was wrong and where.

Client options are checked at construction (never at the first request), per-call options and
argument types before anything is sent. Values are never echoed back (they may be secrets):
only their type is named.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from typing import Any, NoReturn, cast
from urllib.parse import urlsplit

from ._exceptions import VpsConfigError
from ._types import NotGiven

DEFAULT_BASE_URL = "https://admin.vps.org/api/v1"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2

_HEADER_NAME = re.compile(r"^[!#$%&'*+.^`|~\w-]+$")
_BAD_HEADER_VALUE = re.compile(r"[\r\n\0]")


def fail(message: str, where: str = "VpsClient") -> NoReturn:
    raise VpsConfigError(f"{where}: {message}")


def type_name(value: object) -> str:
    return "None" if value is None else type(value).__name__


def check_token(token: str | None, where: str) -> str:
    if token is None:
        token = os.environ.get("VPS_API_TOKEN")
        if token is None:
            fail(
                "no API token. Pass token=... or set the VPS_API_TOKEN environment variable.", where
            )
    if not isinstance(token, str):
        fail(f"the token must be a str, got {type_name(token)}", where)
    if not token.strip():
        fail(
            "the API token is empty. Pass token=... or set the VPS_API_TOKEN environment variable.",
            where,
        )
    if _BAD_HEADER_VALUE.search(token) or token != token.strip():
        fail(
            "the API token contains whitespace or a line break at its ends or inside; "
            "check how it was read",
            where,
        )
    return token


def check_base_url(base_url: object, where: str) -> str:
    if not isinstance(base_url, str):
        fail(f"base_url must be a str, got {type_name(base_url)}", where)
    try:
        parts = urlsplit(base_url)
    except ValueError:
        fail(f"base_url must be an absolute http(s) URL, got {base_url!r}", where)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(f"base_url must be an absolute http(s) URL, got {base_url!r}", where)
    if parts.username or parts.password:
        # They would put a secret in every error message; the token goes in token=.
        fail(
            "base_url must not contain a user name or password; the API token goes in token=", where
        )
    if parts.query or parts.fragment or "?" in base_url or "#" in base_url:
        # Paths are appended to the base URL: a query or fragment in it would swallow them.
        fail("base_url must not contain a query (?) or fragment (#)", where)
    return base_url.rstrip("/")


def check_timeout(value: object, what: str, where: str) -> float | None:
    """Seconds per attempt; ``None`` or ``math.inf`` for none."""
    if value is None or value == math.inf:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail(f"{what} must be a number of seconds (or None), got {type_name(value)}", where)
    if not math.isfinite(value) or value <= 0:
        fail(f"{what} must be a positive number of seconds (or None), got {value!r}", where)
    return float(value)


def check_max_retries(value: object, what: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        shown = repr(value) if isinstance(value, int | float) else type_name(value)
        fail(f"{what} must be a whole number >= 0, got {shown}", where)
    return value


def check_delay(value: object, what: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail(f"{what} must be a number of seconds >= 0, got {type_name(value)}", where)
    if not math.isfinite(value) or value < 0:
        fail(f"{what} must be a number of seconds >= 0, got {value!r}", where)
    return float(value)


def check_headers(headers: object, what: str, where: str) -> dict[str, str]:
    """A mapping of header names to str values; never echoes a value."""
    if not isinstance(headers, Mapping):
        fail(f"{what} must be a mapping of header names to str, got {type_name(headers)}", where)
    checked: dict[str, str] = {}
    for name, value in cast("Mapping[object, object]", headers).items():
        if not isinstance(name, str) or not _HEADER_NAME.match(name):
            fail(f"{name!r} in {what} is not a valid header name", where)
        if not isinstance(value, str):
            fail(f"header {name!r} must be a str, got {type_name(value)}", where)
        if _BAD_HEADER_VALUE.search(value):
            fail(f"header {name!r} contains a line break or NUL", where)
        if name.lower() == "authorization":
            fail("headers cannot set Authorization; the token goes in token=", where)
        checked[name] = value
    return checked


def check_user_agent(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        fail(f"user_agent must be a str, got {type_name(value)}", where)
    if _BAD_HEADER_VALUE.search(value):
        fail("user_agent contains a line break or NUL", where)
    return value


def check_idempotency_key(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or _BAD_HEADER_VALUE.search(value):
        fail("idempotency_key must be a non-empty str without line breaks", where)
    return value


def given(value: Any) -> bool:
    return not isinstance(value, NotGiven)
