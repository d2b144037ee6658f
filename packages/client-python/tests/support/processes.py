"""The mocks of @vpsorg/mock as real processes, started with the Node that runs the suite."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SUPPORT = Path(__file__).parent


def node() -> str:
    """The Node binary `pnpm test` runs on (scripts/test.mjs passes it): never one from PATH."""
    path = os.environ.get("VPSORG_NODE")
    if not path:
        pytest.fail(
            "VPSORG_NODE is not set: run the suite with `pnpm --filter @vpsorg/client-python test` "
            "(it passes the Node binary the mocks run on)"
        )
    return path


@contextmanager
def running_mock(*, stateful: bool) -> Iterator[str]:
    """The mock's base URL while it runs; stopped (its whole process group) afterwards."""
    args = [node(), str(SUPPORT / "mock-server.mjs"), *(["--stateful"] if stateful else [])]
    process = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=SUPPORT, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            process.wait(timeout=30)
            pytest.fail(f"the mock did not start (exit {process.returncode}); see its stderr above")
        yield json.loads(line)["url"]
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
