"""A server that answers one byte at a time, forever, still ends the call within the budget:
the budget bounds the whole exchange, not each read."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from cleanclaim.caqhcore import X12_270_REQUEST, ClearinghouseDidNotAnswer

from .conftest import client_for

BUDGET = 1.5


@pytest.fixture
def trickling_port():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def serve():
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                b"Content-Length: 100000\r\n\r\n"
            )
            while not stop.wait(0.2):
                try:
                    conn.sendall(b"x")
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    listener.close()


def test_it_gives_up_at_the_budget(trickling_port, x12_270):
    client = client_for(f"http://127.0.0.1:{trickling_port}/core", budget=BUDGET)
    start = time.monotonic()
    with pytest.raises(ClearinghouseDidNotAnswer):
        client.exchange(X12_270_REQUEST, x12_270)
    assert time.monotonic() - start < BUDGET + 0.5
