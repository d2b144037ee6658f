"""``VpsClient`` and ``AsyncVpsClient``: the options, the connection pool, the resource groups."""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import NoReturn, Self

import httpx

from ._base_client import SDK, AsyncTransport, ClientCore, SyncTransport
from ._generated.resources import AsyncResources, SyncResources
from ._logging import setup_logging_from_env
from ._options import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    check_base_url,
    check_delay,
    check_headers,
    check_max_retries,
    check_timeout,
    check_token,
    check_user_agent,
    fail,
    type_name,
)
from ._retry import RetryPolicy

__all__ = ["AsyncVpsClient", "VpsClient"]


def _core(
    where: str,
    token: str | None,
    base_url: str | None,
    timeout: float | None,
    max_retries: int,
    headers: Mapping[str, str] | None,
    user_agent: str | None,
    retry: RetryPolicy | None,
) -> ClientCore:
    """The client's settings, every one checked here, at construction."""
    setup_logging_from_env(where)
    if retry is None:
        retry = RetryPolicy()
    elif not isinstance(retry, RetryPolicy):
        fail(f"retry must be a vpsorg.RetryPolicy, got {type_name(retry)}", where)
    else:
        for name in ("base_delay", "max_delay", "max_retry_after"):
            check_delay(getattr(retry, name), f"retry.{name}", where)
        if retry.on_retry is not None and not callable(retry.on_retry):
            fail("retry.on_retry must be callable", where)
    return ClientCore(
        token=check_token(token, where),
        base_url=check_base_url(
            os.environ.get("VPS_BASE_URL") or DEFAULT_BASE_URL if base_url is None else base_url,
            where,
        ),
        timeout=check_timeout(timeout, "timeout", where),
        max_retries=check_max_retries(max_retries, "max_retries", where),
        headers=check_headers({} if headers is None else headers, "headers", where),
        user_agent=check_user_agent(user_agent, where),
        retry=retry,
    )


def _describe(client: VpsClient | AsyncVpsClient) -> str:
    return f"{type(client).__name__}(base_url={client.base_url!r}, sdk={SDK!r})"


class VpsClient(SyncResources):
    """The VPS.org Servers API, synchronously: ``client.servers.list()``, ``.get(12345)``, ...

    Args:
        token: Your API token (sent as ``Authorization: Bearer ...``); default ``VPS_API_TOKEN``.
        base_url: Default ``VPS_BASE_URL`` from the environment, else ``https://admin.vps.org/api/v1``.
        timeout: Seconds each attempt may take (connect, send, each read); None for no limit.
        max_retries: Retries after the first attempt; 0 disables them.
        headers: Headers sent with every request (not ``Authorization``).
        user_agent: Your application (``fleet-manager/2.1``), put before the SDK's User-Agent.
        http_client: Your own ``httpx.Client`` (a proxy, certificates, transports); you close it.
        retry: Advanced: the retry waits (``RetryPolicy``).

    Use it as a context manager, or call ``close()``, to close its connection pool.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        user_agent: str | None = None,
        http_client: httpx.Client | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        where = "VpsClient"
        core = _core(where, token, base_url, timeout, max_retries, headers, user_agent, retry)
        if http_client is not None and not isinstance(http_client, httpx.Client):
            hint = (
                " (AsyncVpsClient takes that one)"
                if isinstance(http_client, httpx.AsyncClient)
                else ""
            )
            fail(f"http_client must be an httpx.Client, got {type_name(http_client)}{hint}", where)
        owns = http_client is None
        http = httpx.Client(follow_redirects=False) if http_client is None else http_client
        self._transport = SyncTransport(core, http, owns)
        self._init_resources(self._transport)

    @property
    def base_url(self) -> str:
        return self._transport.core.redact(self._transport.core.base_url)

    def close(self) -> None:
        """Close the connection pool (not an ``http_client`` you passed: that one is yours)."""
        if self._transport.owns_http:
            self._transport.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return _describe(self)

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            "VpsClient cannot be pickled: it holds your API token and a connection pool"
        )

    def __getstate__(self) -> NoReturn:
        self.__reduce__()


class AsyncVpsClient(AsyncResources):
    """The VPS.org Servers API with asyncio: ``await client.servers.get(12345)``.

    The same options as ``VpsClient``; ``http_client`` is an ``httpx.AsyncClient``. Use it as an
    async context manager, or call ``await client.close()``, to close its connection pool.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        user_agent: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        where = "AsyncVpsClient"
        core = _core(where, token, base_url, timeout, max_retries, headers, user_agent, retry)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            hint = " (VpsClient takes that one)" if isinstance(http_client, httpx.Client) else ""
            fail(
                f"http_client must be an httpx.AsyncClient, got {type_name(http_client)}{hint}",
                where,
            )
        owns = http_client is None
        http = httpx.AsyncClient(follow_redirects=False) if http_client is None else http_client
        self._transport = AsyncTransport(core, http, owns)
        self._init_resources(self._transport)

    @property
    def base_url(self) -> str:
        return self._transport.core.redact(self._transport.core.base_url)

    async def close(self) -> None:
        """Close the connection pool (not an ``http_client`` you passed: that one is yours)."""
        if self._transport.owns_http:
            await self._transport.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return _describe(self)

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            "AsyncVpsClient cannot be pickled: it holds your API token and a connection pool"
        )

    def __getstate__(self) -> NoReturn:
        self.__reduce__()
