"""The errors the SDK raises, the same classes and fields as @vpsorg/client's.

None of them ever holds the API token: they carry the method, a redacted URL, the status and the
parsed (redacted) body, never the request, its headers or the httpx response.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "VpsApiError",
    "VpsConfigError",
    "VpsConnectionError",
    "VpsError",
    "VpsInvalidResponseError",
    "VpsTimeoutError",
    "VpsWaitTimeoutError",
    "error_for_status",
]


class VpsError(Exception):
    """Base of every error a call can end in."""


class VpsConfigError(TypeError, ValueError):
    """A bad argument (a client option, a per-call option, a wrong type), raised before sending.

    Its message starts with where it was given: ``VpsClient: ...``, ``servers.get: ...``.
    """


def _describe_body(body: object) -> str:
    if isinstance(body, dict):
        fields = cast("dict[str, object]", body)
        parts = [fields.get("code"), fields.get("message")]
        words = [p for p in parts if isinstance(p, str) and p]
        if words:
            return ": ".join(words)
    if isinstance(body, str) and body.strip():
        text = " ".join(body.split())
        return text if len(text) <= 200 else f"{text[:200]}…"
    return ""


class ApiError(VpsError):
    """The API answered with a status that is not a success."""

    status: int
    #: The parsed JSON body, else its text, else ``None`` when empty.
    body: Any
    method: str
    url: str
    #: The ``X-Request-Id`` response header: quote it when contacting support.
    request_id: str | None

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int,
        body: Any,
        method: str,
        url: str,
        request_id: str | None,
    ) -> None:
        if message is None:
            detail = _describe_body(body)
            message = f"{method} {url} failed with {status}" + (f": {detail}" if detail else "")
            if request_id:
                message += f" (request id {request_id})"
        super().__init__(message)
        self.status = status
        self.body = body
        self.method = method
        self.url = url
        self.request_id = request_id

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


def _rebuild(cls: type[ApiError], message: str, fields: dict[str, Any]) -> ApiError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(fields)
    return error


#: The name @vpsorg/client uses for the same class.
VpsApiError = ApiError


class BadRequestError(ApiError):
    """400: the request is invalid, or the server's status does not allow the action."""


class AuthenticationError(ApiError):
    """401: the API token is missing or invalid."""


class PaymentRequiredError(ApiError):
    """402: the account has too few credits."""


class PermissionDeniedError(ApiError):
    """403: the token may not do this."""


class NotFoundError(ApiError):
    """404: no such server."""


class ConflictError(ApiError):
    """409: the request conflicts with the resource's current state."""


class UnprocessableEntityError(ApiError):
    """422: the request is well-formed but its content is not acceptable."""


class RateLimitError(ApiError):
    """429: too many requests (after the retries, if any)."""


class InternalServerError(ApiError):
    """5xx: something went wrong on VPS.org's side (after the retries, if any)."""


class VpsInvalidResponseError(ApiError):
    """A success status whose body is not what the operation promises (malformed or empty)."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_for_status(status: int) -> type[ApiError]:
    """The error class of an HTTP status; statuses without their own class get ApiError."""
    return _BY_STATUS.get(status) or (InternalServerError if status >= 500 else ApiError)


class VpsConnectionError(VpsError):
    """The API could not be reached, or the connection broke before a full response arrived."""

    method: str
    url: str

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_plain, (type(self), str(self), dict(self.__dict__)))


def _rebuild_plain(cls: type[Exception], message: str, fields: dict[str, Any]) -> Exception:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(fields)
    return error


class VpsTimeoutError(VpsConnectionError, TimeoutError):
    """An attempt took longer than the timeout (a VpsConnectionError and a TimeoutError)."""

    timeout: float

    def __init__(self, message: str, *, method: str, url: str, timeout: float) -> None:
        super().__init__(message, method=method, url=url)
        self.timeout = timeout


class VpsWaitTimeoutError(VpsError, TimeoutError):
    """``wait_for`` gave up: the item did not reach the status in time."""

    id: int | str
    expected_status: tuple[str, ...]
    #: The last status seen, or ``None`` when no poll completed.
    last_status: str | None
    timeout: float

    def __init__(
        self,
        what: str,
        id: int | str,
        expected: Sequence[str],
        last_status: str | None,
        timeout: float,
    ) -> None:
        seen = (
            f"last status seen: {last_status}"
            if last_status
            else "no status was seen (no poll completed)"
        )
        super().__init__(
            f"{what} {id} did not reach status {' or '.join(expected)} within {timeout:g} s; {seen}"
        )
        self.id = id
        self.expected_status = tuple(expected)
        self.last_status = last_status
        self.timeout = timeout

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_plain, (type(self), str(self), dict(self.__dict__)))
