"""The type checkers see the SDK's types: mypy --strict and pyright strict pass on the consumer
program (tests/typing/consumer.py, also part of `pnpm typecheck`) and report each misuse below."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent

MISUSES = {
    "wrong_id": "client.servers.get('12345')",
    "unknown_field": "client.servers.create(name='a', plan_id=1, os_id=5, location='x', nme='b')",
    "missing_field": "client.servers.create(name='a', plan_id=1, os_id=5)",
    "wrong_status": "client.servers.list(status='deleted')",
    "wrong_result": "x: vpsorg.ServerList = client.servers.get(1)",
    "raw_is_not_the_model": "y: vpsorg.Server = client.servers.with_raw_response.get(1)",
    "wait_for_unknown_status": "client.servers.wait_for(1, 'running')",
    "none_hostname": "client.servers.update(1, name='a', hostname=None, backups_enabled=True)",
}


@pytest.fixture(scope="module")
def misuse_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("misuse")
    for name, line in MISUSES.items():
        (folder / f"{name}.py").write_text(
            f"import vpsorg\n\nclient = vpsorg.VpsClient('t')\n{line}\n"
        )
    return folder


def test_mypy_strict_passes_on_the_consumer_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "tests/typing/consumer.py"],
        cwd=PACKAGE,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


def test_mypy_reports_every_misuse(misuse_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *[f"{n}.py" for n in MISUSES]],
        cwd=misuse_dir,
        capture_output=True,
        text=True,
    )
    flagged = {line.split(".py:")[0] for line in done.stdout.splitlines() if ".py:4: error" in line}
    assert flagged == set(MISUSES), done.stdout


def test_pyright_reports_every_misuse(misuse_dir: Path) -> None:
    node = os.environ.get("VPSORG_NODE")
    if not node:
        pytest.fail(
            "VPSORG_NODE is not set: run the suite with `pnpm --filter @vpsorg/client-python test`"
        )
    pyright = PACKAGE / "node_modules" / "pyright" / "index.js"
    done = subprocess.run(
        [
            node,
            str(pyright),
            "--pythonpath",
            sys.executable,
            "--outputjson",
            *[f"{n}.py" for n in MISUSES],
        ],
        cwd=misuse_dir,
        capture_output=True,
        text=True,
    )
    import json

    report = json.loads(done.stdout)
    flagged = {
        Path(d["file"]).stem for d in report["generalDiagnostics"] if d["severity"] == "error"
    }
    assert flagged == set(MISUSES)
