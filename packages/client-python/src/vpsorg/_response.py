"""``with_raw_response``: the status, headers and request id of a call, and its parsed body.

``client.servers.with_raw_response.get(12345)`` returns an ``APIResponse[Server]``; ``.parse()``
gives the ``Server`` (the Stainless convention). It keeps the response's bytes, never the request
(whose headers hold the token).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

if TYPE_CHECKING:
    from ._base_client import Call

T = TypeVar("T")

__all__ = ["APIResponse"]


class APIResponse(Generic[T]):
    """A successful response, read in full: what ``with_raw_response`` methods return."""

    __slots__ = ("_call", "_parsed", "content", "headers", "method", "status_code", "url")

    status_code: int
    headers: httpx.Headers
    content: bytes
    method: str
    #: The redacted URL the request went to.
    url: str

    def __init__(self, call: Call, status_code: int, headers: httpx.Headers, content: bytes):
        self._call = call
        self._parsed: list[T] = []
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.method = call.method
        self.url = call.shown_url

    @property
    def request_id(self) -> str | None:
        """The ``X-Request-Id`` response header."""
        value: str | None = self.headers.get("x-request-id")
        return value

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return json.loads(self.content)

    def parse(self) -> T:
        """The body as the operation's model (``None`` for an operation without a body)."""
        if not self._parsed:
            self._parsed.append(self._call.parse(self.status_code, self.headers, self.content))
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.method} {self.url}>"

    def __reduce__(self) -> Any:
        raise TypeError("APIResponse cannot be pickled; pickle response.parse() instead")
