"""The built wheel, as a user gets it: installed by name into a new virtual environment (offline,
from the set-up's cache: no test reaches the package index), where the README's quick start runs
against the sandbox, sync and async, and mypy --strict checks it against the installed package."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent


def quick_start(kind: str) -> str:
    readme = (PACKAGE / "README.md").read_text()
    found = re.search(rf"<!-- quickstart:{kind} -->\n```python\n(.*?)```", readme, re.S)
    assert found, f"README.md has no quick start marked {kind}"
    return found.group(1)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = sorted((PACKAGE / "dist").glob("vpsorg-*-py3-none-any.whl"))
    if not wheels:
        pytest.fail("no wheel in dist/: run `pnpm build` first (turbo runs it before the tests)")
    uv = os.environ.get("VPSORG_UV")
    if not uv:
        pytest.fail(
            "VPSORG_UV is not set: run the suite with `pnpm --filter @vpsorg/client-python test`"
        )
    where = tmp_path_factory.mktemp("user") / "venv"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("UV_", "VIRTUAL_ENV"))},
        "UV_OFFLINE": "1",
        "UV_PYTHON_DOWNLOADS": "never",
        "UV_NO_PROGRESS": "1",
    }
    python = where / "bin" / "python"
    # The dependencies as uv.lock pins them, from uv's cache (what the set-up downloaded);
    # then vpsorg by name, from the folder the wheel is in; then a check that the wheel's own
    # requirements (httpx, pydantic) are met by what is installed.
    sync = ["sync", "--frozen", "--offline", "--quiet", "--package", "vpsorg", "--no-dev"]
    subprocess.run(
        [uv, *sync, "--no-install-workspace", "--python", sys.executable],
        env={**env, "UV_PROJECT_ENVIRONMENT": str(where)},
        cwd=PACKAGE.parent.parent,
        check=True,
    )
    install = ["pip", "install", "--quiet", "--offline", "--no-deps", "--python", str(python)]
    subprocess.run(
        [uv, *install, "--find-links", str(wheels[-1].parent), "vpsorg"], env=env, check=True
    )
    subprocess.run([uv, "pip", "check", "--quiet", "--python", str(python)], env=env, check=True)
    return python


def run(python: Path, code: str, **env: str) -> str:
    done = subprocess.run(
        [str(python), "-c", code],
        env={"PATH": "/usr/bin:/bin", **env},
        cwd=python.parent,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_installed_by_name_not_from_the_source_tree(venv: Path) -> None:
    where = run(
        venv, "import vpsorg, pydantic, httpx; print(vpsorg.__file__); print(vpsorg.__version__)"
    )
    path, version = where.split()
    assert path.startswith(str(venv.parent.parent)), path
    assert "site-packages" in path
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", version)
    assert Path(path).with_name("py.typed").exists()


def test_the_quick_start_runs_against_the_sandbox(venv: Path, sandbox_url: str, token: str) -> None:
    out = run(venv, quick_start("sync"), VPS_BASE_URL=sandbox_url, VPS_API_TOKEN=token)
    lines = out.splitlines()
    assert lines[0] == "1 ['web-server-01']"
    assert lines[1] == "12347 provisioning"
    assert lines[2].startswith("404 not_found")
    out = run(venv, quick_start("async"), VPS_BASE_URL=sandbox_url, VPS_API_TOKEN=token)
    assert out.splitlines() == ["web-server-01 active 2", "rebooting"]


def test_mypy_strict_accepts_the_quick_start_against_the_installed_package(
    venv: Path, tmp_path: Path
) -> None:
    for kind in ("sync", "async"):
        (tmp_path / f"quick_{kind}.py").write_text(quick_start(kind))
    (tmp_path / "consumer.py").write_text(
        (PACKAGE / "tests" / "typing" / "consumer.py").read_text()
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            str(venv),
            ".",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
