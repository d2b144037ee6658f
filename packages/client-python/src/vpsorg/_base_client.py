"""The transport: one request-building and decision core, two thin I/O shells.

``ClientCore`` holds the settings and turns a generated method's arguments into a ``Call``.
A ``Call`` decides everything about one call: the request it sends, whether and how long to
wait before another attempt (retries of connection errors, timeouts, 408/409/429/5xx, with
backoff and jitter, ``Retry-After``/``retry-after-ms`` and ``x-should-retry``; a POST or PATCH
only with an idempotency key), and what the answer becomes (a model, ``None``, an
``APIResponse`` or an error). ``SyncTransport`` and ``AsyncTransport`` only send and sleep.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import Any, NoReturn, TypeVar

import httpx
import pydantic

from ._exceptions import (
    VpsConnectionError,
    VpsInvalidResponseError,
    VpsTimeoutError,
    error_for_status,
)
from ._generated._version import __version__
from ._logging import logger
from ._operation import Operation, build_body, build_path, build_query
from ._options import (
    check_headers,
    check_idempotency_key,
    check_max_retries,
    check_timeout,
)
from ._redact import Redactor
from ._response import APIResponse
from ._retry import (
    IDEMPOTENT_METHODS,
    RetryEvent,
    RetryPolicy,
    backoff_delay,
    is_retryable_status,
    retry_after,
    should_retry_header,
)
from ._types import NotGiven

T = TypeVar("T")

SDK_NAME = "vpsorg-python"
SDK = f"{SDK_NAME}/{__version__}"


def _timeout_extension(seconds: float | None) -> dict[str, Any]:
    return {"timeout": httpx.Timeout(seconds).as_dict()}


class ClientCore:
    """The settings of one client and the factory of its calls (shared by sync and async)."""

    __slots__ = ("base_url", "headers", "max_retries", "redactor", "retry", "timeout")

    def __init__(
        self,
        *,
        token: str,
        base_url: str,
        timeout: float | None,
        max_retries: int,
        headers: Mapping[str, str],
        user_agent: str | None,
        retry: RetryPolicy,
    ) -> None:
        self.redactor = Redactor(token)
        self.base_url = base_url
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry = retry
        self.headers = {
            "Accept": "application/json",
            **headers,
            "User-Agent": f"{user_agent} {SDK}" if user_agent else SDK,
            "X-Client": SDK,
            "Authorization": f"Bearer {token}",
        }

    def redact(self, url: str) -> str:
        return self.redactor.url(url)

    def __repr__(self) -> str:
        return f"ClientCore(base_url={self.redact(self.base_url)!r})"

    def __reduce__(self) -> NoReturn:
        raise TypeError("a VPS.org client cannot be pickled: it holds your API token")

    def prepare(
        self,
        op: Operation[Any],
        path: tuple[object, ...],
        query: Mapping[str, object] | None,
        body: Mapping[str, object] | None,
        *,
        timeout: float | NotGiven | None,
        max_retries: int | NotGiven,
        headers: Mapping[str, str] | None,
        idempotency_key: str | None,
        raw: bool,
    ) -> Call:
        """Checks the arguments and per-call options (raising before anything is sent)."""
        url = self.base_url + build_path(op, path)
        params = build_query(op, query) if query is not None else None
        content = build_body(op, body) if body is not None else None
        request_headers = self.headers
        attempt_timeout = self.timeout
        retries = self.max_retries
        if (
            headers is not None
            or idempotency_key is not None
            or content is not None
            or not isinstance(timeout, NotGiven)
            or not isinstance(max_retries, NotGiven)
        ):
            request_headers = dict(request_headers)
            if content is not None:
                request_headers["Content-Type"] = "application/json"
            if headers is not None:
                request_headers.update(check_headers(headers, "headers", op.where))
            key = check_idempotency_key(idempotency_key, op.where)
            if key is not None:
                request_headers["Idempotency-Key"] = key
            if not isinstance(timeout, NotGiven):
                attempt_timeout = check_timeout(timeout, "timeout", op.where)
            if not isinstance(max_retries, NotGiven):
                retries = check_max_retries(max_retries, "max_retries", op.where)
        return Call(self, op, url, params, request_headers, content, attempt_timeout, retries, raw)


class Call:
    """One call: its request, its retry decisions and what its answer becomes."""

    __slots__ = (
        "_core",
        "attempt",
        "can_retry",
        "content",
        "headers",
        "max_retries",
        "method",
        "op",
        "params",
        "raw",
        "shown_url",
        "started",
        "timeout",
        "url",
    )

    def __init__(
        self,
        core: ClientCore,
        op: Operation[Any],
        url: str,
        params: list[tuple[str, str | int | float | bool | None]] | None,
        headers: dict[str, str],
        content: bytes | None,
        timeout: float | None,
        max_retries: int,
        raw: bool,
    ) -> None:
        self._core = core
        self.op = op
        self.method = op.method
        self.url = url
        self.params = params
        self.headers: dict[str, str] | None = headers
        self.content = content
        self.timeout = timeout
        self.max_retries = max_retries
        self.raw = raw
        self.attempt = 0
        # POST and PATCH are retried only with an idempotency key: a retry could act twice.
        self.can_retry = max_retries > 0 and (
            op.method in IDEMPOTENT_METHODS
            or any(name.lower() == "idempotency-key" for name in headers)
        )
        full = url if params is None else str(httpx.URL(url, params=params))
        self.shown_url = core.redact(full)
        self.started = time.monotonic()

    def build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request, built once and sent as it is on every attempt (the body is bytes)."""
        request = http.build_request(
            self.method,
            self.url,
            params=self.params,
            headers=self.headers,
            content=self.content,
            extensions=_timeout_extension(self.timeout),
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "request %s %s headers=%s body=%s",
                self.method,
                self.shown_url,
                self._core.redactor.headers(request.headers.multi_items()),
                self._shown_body(self.content),
            )
        self.headers = None  # the request holds them now; the call keeps no copy of the token
        return request

    # --- decisions ----------------------------------------------------------------------------

    def after_error(self, error: Exception) -> float:
        """The wait before the next attempt after a connection error or timeout; else raises."""
        failure: VpsConnectionError
        if isinstance(error, httpx.TimeoutException):
            seconds: float = self.timeout if self.timeout is not None else 0.0
            failure = VpsTimeoutError(
                f"{self.method} {self.shown_url} timed out after {seconds:g} s",
                method=self.method,
                url=self.shown_url,
                timeout=seconds,
            )
        else:
            reason = self._core.redact(str(error) or type(error).__name__)
            failure = VpsConnectionError(
                f"{self.method} {self.shown_url} failed: could not connect or the connection "
                f"broke ({type(error).__name__}: {reason})",
                method=self.method,
                url=self.shown_url,
            )
        if not self.can_retry or self.attempt >= self.max_retries:
            logger.info("%s", failure)
            raise failure from _detached(error)
        delay = backoff_delay(self.attempt + 1, self._core.retry)
        self._retrying(delay, None, failure)
        return delay

    def after_response(self, response: httpx.Response) -> float | None:
        """The wait before the next attempt after this answer, or None to keep the answer."""
        status = response.status_code
        if status < 300 and status >= 200:
            return None
        if not self.can_retry or self.attempt >= self.max_retries:
            return None
        verdict = should_retry_header(response.headers)
        if verdict is False or (verdict is None and not is_retryable_status(status)):
            return None
        asked = retry_after(response.headers)
        policy = self._core.retry
        delay = (
            backoff_delay(self.attempt + 1, policy)
            if asked is None
            else min(asked, policy.max_retry_after)
        )
        self._retrying(delay, status, None)
        return delay

    def _retrying(self, delay: float, status: int | None, error: Exception | None) -> None:
        self.attempt += 1
        cause = f"{status}" if status is not None else str(error)
        logger.info(
            "retrying %s %s in %.2f s (retry %d of %d) after %s",
            self.method,
            self.shown_url,
            delay,
            self.attempt,
            self.max_retries,
            cause,
        )
        on_retry = self._core.retry.on_retry
        if on_retry is not None:
            on_retry(RetryEvent(self.method, self.shown_url, self.attempt, delay, status, error))

    # --- the answer ---------------------------------------------------------------------------

    def finish(self, response: httpx.Response) -> Any:
        """The call's result: the parsed model (or None, or an APIResponse); raises ApiError."""
        status = response.status_code
        headers = response.headers
        content = response.content
        if logger.isEnabledFor(logging.INFO):
            self._log_answer(status, headers, content)
        if not 200 <= status < 300:
            body: Any = None
            if content:
                try:
                    body = json.loads(content)
                except ValueError:
                    body = content.decode("utf-8", errors="replace")
            raise error_for_status(status)(
                status=status,
                body=self._core.redactor.value(body),
                method=self.method,
                url=self.shown_url,
                request_id=headers.get("x-request-id"),
            )
        if self.raw:
            return APIResponse[Any](self, status, headers, content)
        return self.parse(status, headers, content)

    def parse(self, status: int, headers: httpx.Headers, content: bytes) -> Any:
        model = self.op.result
        if model is None:
            return None
        try:
            if not content:
                raise ValueError("the body is empty")
            if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
                return model.model_validate_json(content)
            return _adapter(model).validate_json(content)
        except (ValueError, pydantic.ValidationError) as error:
            redactor = self._core.redactor
            reason = _short_reason(error)
            raise VpsInvalidResponseError(
                f"{self.method} {self.shown_url} answered {status} with a body that is not the "
                f"expected {getattr(model, '__name__', model)} ({redactor.text(reason)})",
                status=status,
                body=redactor.text(content.decode("utf-8", errors="replace")),
                method=self.method,
                url=self.shown_url,
                request_id=headers.get("x-request-id"),
            ) from None

    def _log_answer(self, status: int, headers: httpx.Headers, content: bytes) -> None:
        elapsed = (time.monotonic() - self.started) * 1000
        request_id = headers.get("x-request-id")
        logger.info(
            "%s %s -> %d (%.0f ms%s%s)",
            self.method,
            self.shown_url,
            status,
            elapsed,
            f", {self.attempt} retries" if self.attempt else "",
            f", request id {request_id}" if request_id else "",
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "response %d headers=%s body=%s",
                status,
                self._core.redactor.headers(headers.multi_items()),
                self._shown_body(content),
            )

    def _shown_body(self, content: bytes | None) -> str:
        if not content:
            return "(none)"
        text = self._core.redactor.text(content.decode("utf-8", errors="replace"))
        return text if len(text) <= 2000 else f"{text[:2000]}… ({len(content)} bytes)"


_ADAPTERS: dict[object, pydantic.TypeAdapter[Any]] = {}


def _adapter(result: Any) -> pydantic.TypeAdapter[Any]:
    """A validator for a success body that is not a model (a list of them, a scalar), made once."""
    adapter = _ADAPTERS.get(result)
    if adapter is None:
        adapter = _ADAPTERS[result] = pydantic.TypeAdapter[Any](result)
    return adapter


def _short_reason(error: Exception) -> str:
    if isinstance(error, pydantic.ValidationError):
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "body"
        more = f" and {error.error_count() - 1} more" if error.error_count() > 1 else ""
        return f"{where}: {first.get('msg', 'invalid')}{more}"
    return str(error)


def _detached(error: Exception) -> Exception:
    """The httpx error without its request (whose headers hold the token), as the cause."""
    if isinstance(error, httpx.RequestError):
        copy = type(error)(str(error))
        copy.__cause__ = error.__cause__ or error.__context__
        return copy
    return error


class SyncTransport:
    """Sends calls with an ``httpx.Client`` and sleeps with ``time.sleep``."""

    __slots__ = ("core", "http", "owns_http")

    def __init__(self, core: ClientCore, http: httpx.Client, owns_http: bool) -> None:
        self.core = core
        self.http = http
        self.owns_http = owns_http

    def request(
        self,
        op: Operation[Any],
        path: tuple[object, ...] = (),
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        *,
        timeout: float | NotGiven | None,
        max_retries: int | NotGiven,
        headers: Mapping[str, str] | None,
        idempotency_key: str | None,
        raw: bool = False,
    ) -> Any:
        call = self.core.prepare(
            op,
            path,
            query,
            body,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
            raw=raw,
        )
        request = call.build(self.http)
        while True:
            outcome = self._send(request)
            if isinstance(outcome, httpx.RequestError):
                delay = call.after_error(outcome)
            else:
                wait = call.after_response(outcome)
                if wait is None:
                    return call.finish(outcome)
                delay = wait
            time.sleep(delay)

    def _send(self, request: httpx.Request) -> httpx.Response | httpx.RequestError:
        # The failure is returned, not raised: the SDK's error is raised outside any except
        # block, so it never chains the httpx error, whose request holds the token.
        try:
            return self.http.send(request)
        except httpx.RequestError as error:
            return error


class AsyncTransport:
    """Sends calls with an ``httpx.AsyncClient`` and sleeps with ``anyio.sleep``."""

    __slots__ = ("core", "http", "owns_http")

    def __init__(self, core: ClientCore, http: httpx.AsyncClient, owns_http: bool) -> None:
        self.core = core
        self.http = http
        self.owns_http = owns_http

    async def request(
        self,
        op: Operation[Any],
        path: tuple[object, ...] = (),
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        *,
        timeout: float | NotGiven | None,
        max_retries: int | NotGiven,
        headers: Mapping[str, str] | None,
        idempotency_key: str | None,
        raw: bool = False,
    ) -> Any:
        call = self.core.prepare(
            op,
            path,
            query,
            body,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
            raw=raw,
        )
        request = call.build(self.http)
        while True:
            outcome = await self._send(request)
            if isinstance(outcome, httpx.RequestError):
                delay = call.after_error(outcome)
            else:
                wait = call.after_response(outcome)
                if wait is None:
                    return call.finish(outcome)
                delay = wait
            await _async_sleep(delay)

    async def _send(self, request: httpx.Request) -> httpx.Response | httpx.RequestError:
        try:
            return await self.http.send(request)
        except httpx.RequestError as error:
            return error


async def _async_sleep(seconds: float) -> None:
    import anyio  # only once something is retried: keeps `import vpsorg` light

    await anyio.sleep(seconds)
