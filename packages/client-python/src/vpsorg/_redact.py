"""Taking secrets out of what ends up in errors and logs: URLs, bodies, headers.

The token is replaced whole (``REDACTED``), and only where it stands as a whole token: never a
prefix or suffix of it is shown, and a short token does not mangle the words that contain it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

REDACTED = "REDACTED"
_SECRET_PARAM = re.compile(r"token|key|secret|passw|pwd|auth|sig|credential|session|code", re.I)
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
# Characters a token is made of (RFC 6750's b64token, less the separators): the token is found
# only where it is not next to one of them.
_TOKEN_CHAR = r"A-Za-z0-9_\-~+"


class Redactor:
    """Replaces one client's token wherever it appears whole."""

    __slots__ = ("_pattern",)

    def __init__(self, secret: str) -> None:
        forms = sorted(
            {re.escape(secret), re.escape(quote(secret, safe=""))}, key=len, reverse=True
        )
        self._pattern = re.compile(rf"(?<![{_TOKEN_CHAR}])(?:{'|'.join(forms)})(?![{_TOKEN_CHAR}])")

    def text(self, text: str) -> str:
        return self._pattern.sub(REDACTED, text)

    def value(self, value: Any) -> Any:
        """A parsed body or its text, with the token replaced in every string."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in cast("list[object]", value)]
        if isinstance(value, dict):
            fields = cast("dict[object, object]", value)
            return {self.value(k): self.value(v) for k, v in fields.items()}
        return value

    def url(self, url: str) -> str:
        """The URL with user:password and secret-looking query values replaced, token taken out."""
        result = url
        if "?" in url or "@" in url:
            try:
                parts = urlsplit(url)
                netloc = parts.netloc
                if "@" in netloc:
                    netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
                query = parts.query
                if query:
                    pairs = parse_qsl(query, keep_blank_values=True)
                    query = urlencode(
                        [(k, REDACTED if _SECRET_PARAM.search(k) else v) for k, v in pairs]
                    )
                result = urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
            except ValueError:
                result = url.split("?", 1)[0]
        return self.text(result)

    def headers(self, headers: Iterable[tuple[str, str]]) -> dict[str, str]:
        """Headers for a log line: credentials replaced whole, the token taken out of the rest."""
        shown: dict[str, str] = {}
        for name, value in headers:
            lower = name.lower()
            if lower in SECRET_HEADERS:
                scheme = value.split(" ", 1)[0] if " " in value else ""
                shown[lower] = f"{scheme} {REDACTED}".strip()
            else:
                shown[lower] = self.text(value)
        return shown
