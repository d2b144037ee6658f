"""``wait_for``: poll an item until its status is one asked for, on the spec's x-lifecycle.

The decisions (which statuses, when to give up) are made once here; ``wait_for`` and
``async_wait_for`` only poll and sleep.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ._exceptions import VpsWaitTimeoutError
from ._options import check_delay, check_timeout, fail, type_name

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """A resource's lifecycle, from the spec's x-lifecycle (generated)."""

    #: ``Server``: how messages name an item.
    noun: str
    #: ``servers.wait_for``: where argument errors are reported.
    where: str
    #: The item's status property.
    field: str
    states: tuple[str, ...]
    #: The statuses that do not change by themselves (no timed transition from them).
    settled: tuple[str, ...]


class _Waiter:
    __slots__ = ("deadline", "expected", "id", "interval", "last", "lifecycle", "timeout")

    def __init__(
        self,
        lifecycle: Lifecycle,
        id: int | str,
        status: str | Sequence[str] | None,
        timeout: float | None,
        interval: float,
    ) -> None:
        where = lifecycle.where
        if status is None:
            expected = lifecycle.settled
        elif isinstance(status, str):
            expected = (status,)
        elif isinstance(status, Sequence) and status and all(isinstance(s, str) for s in status):
            expected = tuple(status)
        else:
            fail(f"status must be a str or a non-empty list of str, got {type_name(status)}", where)
        unknown = [s for s in expected if s not in lifecycle.states]
        if unknown:
            fail(
                f"{', '.join(map(repr, unknown))} is not a {lifecycle.field} of the spec "
                f"({', '.join(lifecycle.states)})",
                where,
            )
        self.lifecycle = lifecycle
        self.id = id
        self.expected = expected
        self.timeout = check_timeout(timeout, "timeout", where)
        self.interval = check_delay(interval, "interval", where)
        self.deadline = None if self.timeout is None else time.monotonic() + self.timeout
        self.last: str | None = None

    def reached(self, item: Any) -> bool:
        status = getattr(item, self.lifecycle.field, None)
        self.last = status if isinstance(status, str) else None
        return status in self.expected

    def pause(self) -> float:
        """Seconds to sleep before the next poll; raises when the time is up."""
        if self.deadline is None:
            return self.interval
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self._timed_out()
        return min(self.interval, remaining)

    def check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise self._timed_out()

    def _timed_out(self) -> VpsWaitTimeoutError:
        return VpsWaitTimeoutError(
            self.lifecycle.noun, self.id, self.expected, self.last, self.timeout or 0.0
        )


def wait_for(
    get: Callable[[Any], T],
    id: Any,
    status: str | Sequence[str] | None,
    lifecycle: Lifecycle,
    *,
    timeout: float | None,
    interval: float,
) -> T:
    waiter = _Waiter(lifecycle, id, status, timeout, interval)
    while True:
        item = get(id)
        if waiter.reached(item):
            return item
        time.sleep(waiter.pause())
        waiter.check_deadline()


async def async_wait_for(
    get: Callable[[Any], Awaitable[T]],
    id: Any,
    status: str | Sequence[str] | None,
    lifecycle: Lifecycle,
    *,
    timeout: float | None,
    interval: float,
) -> T:
    import anyio

    waiter = _Waiter(lifecycle, id, status, timeout, interval)
    while True:
        item = await get(id)
        if waiter.reached(item):
            return item
        await anyio.sleep(waiter.pause())
        waiter.check_deadline()
