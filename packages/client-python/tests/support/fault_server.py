"""A real HTTP server on 127.0.0.1 that answers each request as the test scripted it.

Each request takes the next action of the script (the last one repeats): an answer, a connection
reset, a hang (until the server stops), or a body cut off mid-way. Every request is recorded.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: bytes | str | Any = b""
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, str]:
        if isinstance(self.body, bytes):
            return self.body, self.headers.get("Content-Type", "application/json")
        if isinstance(self.body, str):
            return self.body.encode(), self.headers.get("Content-Type", "text/html")
        return json.dumps(self.body).encode(), "application/json"


@dataclass
class Reset:
    """Close the connection with a TCP reset before answering."""


@dataclass
class Hang:
    """Never answer (until the server stops)."""


@dataclass
class CutBody:
    """Send the headers announcing a 200 with a long body, part of it, then close."""

    status: int = 200


Action = Answer | Reset | Hang | CutBody


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class FaultServer:
    def __init__(self, actions: list[Action]) -> None:
        self.actions = list(actions)
        self.requests: list[Received] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def script(self, *actions: Action) -> None:
        with self._lock:
            self.actions = list(actions)

    def _next(self) -> Action:
        with self._lock:
            return self.actions.pop(0) if len(self.actions) > 1 else self.actions[0]

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        buffer = b""
        try:
            while not self._stop.is_set():
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, buffer = buffer.split(b"\r\n\r\n", 1)
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0"))
                while len(buffer) < length:
                    buffer += conn.recv(65536)
                body, buffer = buffer[:length], buffer[length:]
                with self._lock:
                    self.requests.append(Received(method, path, headers, body))
                if not self._act(conn, self._next()):
                    return
        except OSError:
            return
        finally:
            conn.close()

    def _act(self, conn: socket.socket, action: Action) -> bool:
        """Carries out one action; False when the connection is done with."""
        if isinstance(action, Reset):
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if isinstance(action, Hang):
            self._stop.wait()
            return False
        if isinstance(action, CutBody):
            conn.sendall(
                f"HTTP/1.1 {action.status} OK\r\nContent-Type: application/json\r\n"
                "Content-Length: 1000\r\n\r\n".encode()
                + b'{"id": 12345, "na'
            )
            return False
        body, content_type = action.encoded()
        headers = {"Content-Type": content_type, **action.headers, "Content-Length": str(len(body))}
        if action.status == 204:
            headers.pop("Content-Type", None)
        head = f"HTTP/1.1 {action.status} X\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()
        )
        conn.sendall(head.encode() + b"\r\n" + body)
        return True

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._accepting.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)


@contextmanager
def fault_server(*actions: Action) -> Iterator[FaultServer]:
    server = FaultServer(list(actions) or [Answer()])
    try:
        yield server
    finally:
        server.close()


def free_port() -> int:
    """A port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
