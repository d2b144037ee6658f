"""The base of the generated resource classes, and the typing of ``with_raw_response``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import ParamSpec, TypeVar, cast

from ._base_client import AsyncTransport, SyncTransport
from ._operation import Operation
from ._response import APIResponse
from ._types import NotGiven

P = ParamSpec("P")
T = TypeVar("T")


class SyncAPIResource:
    """A group of operations (``client.servers``) on a sync client."""

    __slots__ = ("__dict__", "_raw", "_transport")

    def __init__(self, transport: SyncTransport, *, raw: bool = False) -> None:
        self._transport = transport
        self._raw = raw

    def _request(
        self,
        op: Operation[T],
        path: tuple[object, ...] = (),
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        *,
        timeout: float | NotGiven | None,
        max_retries: int | NotGiven,
        headers: Mapping[str, str] | None,
        idempotency_key: str | None,
    ) -> T:
        result: T = self._transport.request(
            op,
            path,
            query,
            body,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
            raw=self._raw,
        )
        return result

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class AsyncAPIResource:
    """A group of operations (``client.servers``) on an async client."""

    __slots__ = ("__dict__", "_raw", "_transport")

    def __init__(self, transport: AsyncTransport, *, raw: bool = False) -> None:
        self._transport = transport
        self._raw = raw

    async def _request(
        self,
        op: Operation[T],
        path: tuple[object, ...] = (),
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        *,
        timeout: float | NotGiven | None,
        max_retries: int | NotGiven,
        headers: Mapping[str, str] | None,
        idempotency_key: str | None,
    ) -> T:
        result: T = await self._transport.request(
            op,
            path,
            query,
            body,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
            raw=self._raw,
        )
        return result

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def to_raw(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """A method of a raw twin resource (its transport returns APIResponses), typed as such."""
    return cast("Callable[P, APIResponse[T]]", method)


def to_raw_async(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    """The async ``to_raw``."""
    return cast("Callable[P, Awaitable[APIResponse[T]]]", method)
