"""vpsorg: the Python SDK of the VPS.org Servers API, generated from its OpenAPI spec.

``with VpsClient() as client: client.servers.get(12345)`` (the token from ``VPS_API_TOKEN``).
"""

from ._client import AsyncVpsClient, VpsClient
from ._exceptions import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    VpsApiError,
    VpsConfigError,
    VpsConnectionError,
    VpsError,
    VpsInvalidResponseError,
    VpsTimeoutError,
    VpsWaitTimeoutError,
)
from ._generated import types as _generated_types
from ._generated._version import __version__
from ._generated.types import *  # noqa: F403 (every schema under its short name)
from ._options import DEFAULT_BASE_URL
from ._response import APIResponse
from ._retry import RetryEvent, RetryPolicy
from ._types import NOT_GIVEN, NotGiven

__all__ = [
    "DEFAULT_BASE_URL",
    "NOT_GIVEN",
    "APIResponse",
    "ApiError",
    "AsyncVpsClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryEvent",
    "RetryPolicy",
    "UnprocessableEntityError",
    "VpsApiError",
    "VpsClient",
    "VpsConfigError",
    "VpsConnectionError",
    "VpsError",
    "VpsInvalidResponseError",
    "VpsTimeoutError",
    "VpsWaitTimeoutError",
    "__version__",
]
__all__ += _generated_types.__all__
