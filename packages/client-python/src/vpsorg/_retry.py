"""When and how long to wait before retrying: pure functions, the same rules as @vpsorg/client.

The transport shells (sync and async) only do the waiting.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

#: Methods that may be retried without the caller's say-so: repeating them changes nothing more.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True, slots=True)
class RetryEvent:
    """What ``RetryPolicy.on_retry`` is told before each retry's wait (no headers, no token)."""

    method: str
    #: The redacted URL.
    url: str
    #: 1 for the first retry.
    retry: int
    #: Seconds about to be waited.
    delay: float
    #: The status that caused the retry, or ``None`` after a connection error or timeout.
    status: int | None
    error: Exception | None


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Advanced: tuning of the retry waits (the defaults suit the API; tests make them small)."""

    #: First backoff cap in seconds; retry n waits a random time in [0, min(max, base * 2^(n-1))).
    base_delay: float = 0.5
    #: Largest backoff in seconds.
    max_delay: float = 8.0
    #: Largest wait honoured from ``Retry-After`` / ``retry-after-ms``, in seconds.
    max_retry_after: float = 60.0
    #: Called before each retry's wait, e.g. to count or log retries.
    on_retry: Callable[[RetryEvent], Any] | None = None


def is_retryable_status(status: int) -> bool:
    return status in (408, 409, 429) or status >= 500


def should_retry_header(headers: Mapping[str, str]) -> bool | None:
    """The server's own verdict, from ``x-should-retry: true|false``, if it gave one."""
    value = headers.get("x-should-retry")
    if value == "true":
        return True
    if value == "false":
        return False
    return None


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asked us to wait: ``retry-after-ms``, then ``Retry-After``."""
    ms = headers.get("retry-after-ms")
    if ms is not None and ms.strip():
        try:
            value = float(ms)
        except ValueError:
            value = math.nan
        if math.isfinite(value) and value >= 0:
            return value / 1000
    raw = (headers.get("retry-after") or "").strip()
    if not raw:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if math.isfinite(seconds):
        return seconds if seconds >= 0 else None
    # An HTTP date names its day and month; anything else is not one.
    try:
        date = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if date.tzinfo is None:
        return None
    return max(0.0, date.timestamp() - (time.time() if now is None else now))


def backoff_delay(
    retry: int, policy: RetryPolicy, rand: Callable[[], float] = random.random
) -> float:
    """Exponential backoff with full jitter for retry number ``retry`` (1 for the first)."""
    cap: float = min(policy.max_delay, policy.base_delay * 2.0 ** (retry - 1))
    return rand() * cap
