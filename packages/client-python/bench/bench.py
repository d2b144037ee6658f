"""`pnpm bench` (Python SDK part), as ratios measured in one run.

1. Per request: ``client.servers.get(12345)`` against raw httpx (one ``httpx.Client``, the same
   headers, ``response.json()``) on one loopback server in another process; the variants take
   turns within each round, and each one's figure is the median over rounds of its mean time per
   request. Aim: the SDK at most 1.15x raw httpx.
2. Import: ``import vpsorg`` against ``import httpx, pydantic``, each in fresh interpreters taking
   turns, minus an interpreter that imports nothing. Aim: at most 1.3x.

Usage: python bench.py URL [--rounds N] [--batch N] [--warmup N] [--imports N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx

from vpsorg import VpsClient
from vpsorg.types import Server

REQUEST_AIM = 1.15
IMPORT_AIM = 1.3


def per_request(url: str, rounds: int, batch: int, warmup: int) -> float:
    headers = {
        "Authorization": "Bearer bench-token",
        "Accept": "application/json",
        "User-Agent": "bench",
        "X-Client": "bench",
    }
    raw = httpx.Client(timeout=60)
    sdk = VpsClient("bench-token", base_url=url)
    target = f"{url}/servers/12345/"

    def raw_httpx() -> Any:
        return raw.get(target, headers=headers).json()

    def raw_httpx_pydantic() -> Any:
        return Server.model_validate_json(raw.get(target, headers=headers).content)

    def sdk_get() -> Any:
        return sdk.servers.get(12345)

    variants: dict[str, Callable[[], Any]] = {
        "raw httpx": raw_httpx,
        "raw httpx + pydantic model": raw_httpx_pydantic,
        "SDK servers.get": sdk_get,
    }
    for name, run in variants.items():
        result = run()
        found = result["id"] if isinstance(result, dict) else result.id
        if found != 12345:
            raise SystemExit(f"{name} did not return the server: {result!r}")
        for _ in range(warmup):
            run()
    times: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            run = variants[name]
            start = time.perf_counter()
            for _ in range(batch):
                run()
            times[name].append((time.perf_counter() - start) / batch * 1e6)
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["raw httpx"]
    print(f"{rounds} rounds x {batch} sequential GET /servers/12345/ per variant", end=", ")
    print(f"after {warmup} warm-up requests each")
    print(f"Python {sys.version.split()[0]}, httpx {httpx.__version__}", end=", ")
    print(f"server in a separate process on {url}\n")
    print("variant                       median µs/request   vs raw httpx")
    for name in names:
        print(f"{name:<30}{medians[name]:>18.1f}{medians[name] / base:>15.3f}")
    ratio = medians["SDK servers.get"] / base
    verdict = "MET" if ratio <= REQUEST_AIM else "NOT MET"
    print(f"\nSDK/raw httpx = {ratio:.3f} (aim <= {REQUEST_AIM:.2f}): {verdict}")
    raw.close()
    sdk.close()
    return ratio


def imports(count: int) -> float:
    programs = {
        "nothing": "pass",
        "httpx, pydantic": "import httpx, pydantic",
        "vpsorg": "import vpsorg",
    }
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(count):
        for name, code in programs.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in times.items()}
    empty = medians["nothing"]
    print(f"\nimport time, median of {count} fresh interpreters each (taking turns):")
    for name in programs:
        alone = max(0.0, medians[name] - empty) * 1000
        print(f"  {name:<18}{medians[name] * 1000:>8.1f} ms   (import alone {alone:.1f} ms)")
    ratio = (medians["vpsorg"] - empty) / max(1e-9, medians["httpx, pydantic"] - empty)
    whole = medians["vpsorg"] / medians["httpx, pydantic"]
    verdict = "MET" if ratio <= IMPORT_AIM else "NOT MET"
    print(f"import vpsorg / import httpx, pydantic = {ratio:.3f}", end=" ")
    print(f"(aim <= {IMPORT_AIM:.1f}): {verdict}", end="; ")
    print(f"whole processes: {whole:.3f}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--imports", type=int, default=15)
    args, _ = parser.parse_known_args()
    per_request(args.url, args.rounds, args.batch, args.warmup)
    imports(args.imports)


if __name__ == "__main__":
    main()
