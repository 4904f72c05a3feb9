"""The server as it listens, on a real uvicorn.

Proxy headers are ignored unless a trusted proxy is named: a forged
``X-Forwarded-For`` neither escapes the throttles nor writes the audit log's
``from``. Slow clients cannot hold connections: unfinished headers and bodies
sent a byte at a time are closed within the limits, and the page keeps
answering. ``herplan serve`` passes these settings to uvicorn.
"""

from __future__ import annotations

import json
import re
import socket
import time
from contextlib import contextmanager, suppress

import httpx2 as httpx
import pytest
import uvicorn
from click.testing import CliRunner

from herplan.app.cli import main
from herplan.app.web import create_app, server_config
from herplan.app.web.accounts import Accounts
from herplan.app.web.provider_page import REQUESTS_PER_MINUTE
from herplan.app.web.serving import LOCAL_PROXY, Limits, trusted, uvicorn_config
from tests.conftest import PLANNED_AS
from tests.webserver import free_port


@contextmanager
def serving(app, trusted_proxies=(), limits=None):
    import threading

    port = free_port()
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, trusted_proxies, limits))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _app(data):
    Accounts(data).add("planner", "een-lang-wachtwoord")
    return create_app(server_config(data, host="127.0.0.1", today=PLANNED_AS))


def _login(client: httpx.Client, forged: str):
    page = client.get("/inloggen")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    fields = {"csrf": csrf.group(1), "naam": "planner", "wachtwoord": "fout-wachtwoord"}
    return client.post("/inloggen", data=fields, headers={"x-forwarded-for": forged})


def test_a_forged_forwarded_for_is_ignored(tmp_path):
    data = tmp_path / "data"
    with serving(_app(data)) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
        codes = [_login(c, f"10.0.0.{n}").status_code for n in range(6)]
        assert codes[:3] == [401] * 3 and 429 in codes[3:]  # one address, whatever it says
        guesses = [
            c.get(f"/a/{'x' * 30}{n}", headers={"x-forwarded-for": f"10.1.0.{n}"})
            for n in range(REQUESTS_PER_MINUTE + 5)
        ]
        assert guesses[-1].status_code == 429
    log = [json.loads(line) for line in (data / "audit.log").read_text().splitlines()]
    assert log and {e["from"] for e in log} == {"127.0.0.1"}


def test_a_named_proxy_is_believed(tmp_path):
    data = tmp_path / "data"
    with (
        serving(_app(data), trusted_proxies=("127.0.0.1",)) as port,
        httpx.Client(base_url=f"http://127.0.0.1:{port}") as c,
    ):
        _login(c, "192.0.2.7")
    log = [json.loads(line) for line in (data / "audit.log").read_text().splitlines()]
    assert log[-1]["from"] == "192.0.2.7"
    assert trusted(False, ()) == () and trusted(True, ()) == LOCAL_PROXY
    assert trusted(True, ("10.0.0.5",)) == ("10.0.0.5",)


SLOW_BODY = (
    b"POST /inloggen HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
    b"application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
)


def _closed(sock: socket.socket) -> bool:
    sock.settimeout(0.1)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def test_slow_headers_and_bodies_are_cut_off(tmp_path):
    limits = Limits(header_seconds=1.0, body_seconds=2.0, max_per_address=64)
    with serving(_app(tmp_path / "data"), limits=limits) as port:
        idle, headers, bodies = [], [], []
        for _ in range(10):
            idle.append(socket.create_connection(("127.0.0.1", port)))
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            headers.append(s)
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(SLOW_BODY)
            bodies.append(s)
        started = time.monotonic()
        while time.monotonic() - started < 4:  # a byte at a time: never enough
            for s in headers + bodies:
                with suppress(OSError):
                    s.sendall(b"a")
            time.sleep(0.2)
        assert all(_closed(s) for s in idle + headers + bodies)
        for s in idle + headers + bodies:
            s.close()
        answer = httpx.get(f"http://127.0.0.1:{port}/inloggen", timeout=5)
        assert answer.status_code == 200  # the page still answers


def test_the_server_settings_limit_connections():
    config = uvicorn_config(object(), "127.0.0.1", 8000)
    limits = Limits()
    assert config.proxy_headers is False
    assert config.limit_concurrency == limits.max_connections
    assert config.timeout_keep_alive == limits.keep_alive_seconds
    assert config.h11_max_incomplete_event_size == limits.max_header_bytes
    assert limits.header_seconds <= 10 and limits.body_seconds <= 120
    assert limits.max_per_address * 2 <= limits.max_connections


@pytest.fixture
def kept_umask():
    import os

    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


def test_serve_passes_the_limits_and_proxies_to_uvicorn(tmp_path, monkeypatch, kept_umask):
    import os

    seen = {}

    def run(server, sockets=None):
        seen["config"] = server.config
        seen["umask"] = os.umask(0o077)

    monkeypatch.setattr(uvicorn.Server, "run", run)
    data = tmp_path / "data"
    done = CliRunner().invoke(main, ["serve", "--data", str(data), "--port", "8123"])
    assert done.exit_code == 0, done.output
    assert seen["config"].proxy_headers is False and seen["umask"] == 0o077
    assert seen["config"].limit_concurrency == Limits().max_connections
    done = CliRunner().invoke(
        main, ["serve", "--data", str(data), "--behind-https", "--trusted-proxy", "10.0.0.5"]
    )
    assert done.exit_code == 0, done.output
    assert seen["config"].proxy_headers is True
    assert seen["config"].forwarded_allow_ips == ["10.0.0.5"]


def _get_css(port: int, source: str) -> bytes:
    """``GET /static/herplan.css`` over a connection from ``source`` (another address on
    the loopback network), the status line of the answer."""
    with socket.socket() as s:
        s.bind((source, 0))
        s.settimeout(5)
        s.connect(("127.0.0.1", port))
        s.sendall(
            b"GET /static/herplan.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        return s.recv(64).split(b"\r\n")[0]


def test_one_address_with_many_slow_bodies_leaves_the_page_to_the_others(tmp_path):
    """63 bodies trickled from one address took all of the server's 64 connections: every
    request from anyone got 503. Now that address gets 503 beyond its share only."""
    limits = Limits()
    with serving(_app(tmp_path / "data"), limits=limits) as port:
        slow = []
        for _ in range(limits.max_connections - 1):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(SLOW_BODY)
            slow.append(s)
        try:
            time.sleep(0.3)
            for _ in range(3):
                for s in slow:
                    with suppress(OSError):
                        s.sendall(b"a")
                assert _get_css(port, "127.0.0.2") == b"HTTP/1.1 200 OK"
                time.sleep(0.2)
            refused = [s for s in slow if _closed_with_503(s)]
            assert len(refused) == len(slow) - limits.max_per_address
            with socket.create_connection(("127.0.0.1", port)) as more:
                assert _closed_with_503(more)  # the slow address itself: still its share only
        finally:
            for s in slow:
                s.close()
        time.sleep(0.3)
        assert _get_css(port, "127.0.0.1") == b"HTTP/1.1 200 OK"  # its share back once closed


def _closed_with_503(sock: socket.socket) -> bool:
    sock.settimeout(0.1)  # a refusal is written at once
    try:
        first = sock.recv(1024)
    except (TimeoutError, OSError):
        return False
    return first.startswith(b"HTTP/1.1 503")


def test_a_body_that_trickles_is_cut_early(tmp_path):
    """A body must bring ``min_body_bytes`` per ``body_rate_seconds``, long before the
    whole body's time is up; a body at an honest pace is taken."""
    limits = Limits(body_rate_seconds=1.0, min_body_bytes=100, body_seconds=60.0)
    with serving(_app(tmp_path / "data"), limits=limits) as port:
        trickle = socket.create_connection(("127.0.0.1", port))
        trickle.sendall(SLOW_BODY)
        honest = socket.create_connection(("127.0.0.1", port))
        honest.sendall(SLOW_BODY)
        started = time.monotonic()
        for _ in range(9):  # 3.6 s: a byte per 0.4 s, and 110 bytes per 0.4 s
            with suppress(OSError):
                trickle.sendall(b"a")
            honest.sendall(b"a" * 110)
            time.sleep(0.4)
        assert _closed(trickle) and time.monotonic() - started < 10
        honest.sendall(b"a" * (1000 - 9 * 110))
        honest.settimeout(5)
        assert honest.recv(64).startswith(b"HTTP/1.1 403")  # read and answered (no token)
        trickle.close()
        honest.close()


def test_a_body_the_page_has_not_read_yet_is_not_slow():
    """While the page itself has paused reading (its buffer full), a quiet body is not the
    client's fault: it is taken once the page reads on."""
    import asyncio

    async def late_reader(scope, receive, send):
        if scope["type"] != "http":
            return
        await asyncio.sleep(2.5)  # busy: the body waits, reading paused
        size, more = 0, True
        while more:
            message = await receive()
            size += len(message.get("body", b""))
            more = message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(size).encode()})

    limits = Limits(body_rate_seconds=0.5, min_body_bytes=100)
    body = b"a" * 300_000
    with (
        serving(late_reader, limits=limits) as port,
        socket.create_connection(("127.0.0.1", port)) as s,
    ):
        s.sendall(
            b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )
        s.settimeout(10)
        answer = b""
        with suppress(OSError):
            while b"300000" not in answer and (part := s.recv(1024)):
                answer += part
        assert answer.startswith(b"HTTP/1.1 200") and b"300000" in answer


def test_a_trusted_proxy_is_not_capped_per_address(tmp_path):
    """Behind a proxy every connection comes from the proxy: it caps per client, not we."""
    limits = Limits()
    with serving(_app(tmp_path / "data"), trusted_proxies=("127.0.0.1",)) as port:
        held = [
            socket.create_connection(("127.0.0.1", port)) for _ in range(limits.max_per_address + 4)
        ]
        try:
            time.sleep(0.3)
            assert not any(_closed_with_503(s) for s in held)
        finally:
            for s in held:
                s.close()
