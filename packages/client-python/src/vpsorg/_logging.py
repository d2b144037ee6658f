"""The SDK's logging: the standard ``logging`` module, logger ``vpsorg``.

``VPS_LOG=debug`` (every request and response, headers included, secrets redacted) or
``VPS_LOG=info`` (one line per request, and each retry) turns it on without any code: the
first client made sends ``vpsorg``'s records to stderr unless the application configured the
logger itself. The token never reaches a record: headers and bodies are redacted first.
"""

from __future__ import annotations

import logging
import os

from ._options import fail

logger = logging.getLogger("vpsorg")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}
_configured = False


def setup_logging_from_env(where: str) -> None:
    """Apply ``VPS_LOG`` once per process (a typo in it is an error that says so)."""
    global _configured
    value = os.environ.get("VPS_LOG", "").strip().lower()
    if not value or value == "off":
        return
    level = _LEVELS.get(value)
    if level is None:
        fail(f"VPS_LOG must be one of debug, info, warning, off; got {value!r}", where)
    if _configured:
        return
    _configured = True
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
