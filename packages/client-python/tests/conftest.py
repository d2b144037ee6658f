"""Fixtures: the real mocks (one static Prism mock and one sandbox per session), fresh tokens."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support.processes import running_mock


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """The static mock: every answer is the spec's example."""
    with running_mock(stateful=False) as url:
        yield url


@pytest.fixture(scope="session")
def sandbox_url() -> Iterator[str]:
    """The stateful sandbox: each token has its own servers and virtual clock."""
    with running_mock(stateful=True) as url:
        yield url


@pytest.fixture
def token() -> str:
    """A token of its own per test: a world of its own in the sandbox."""
    return f"test-{uuid.uuid4().hex}"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
