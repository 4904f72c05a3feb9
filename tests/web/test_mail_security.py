"""The mail form cannot be turned against the planner.

Against fake SMTP servers (aiosmtpd) that record every login and message: the
kept password never follows a changed server, port or user; it is never sent
unencrypted unless the planner ticked the local-relay exception; a refused
login marks nothing as sent; and the page never repeats what a server said (a
port that is no mail server would show its banner).
"""

from __future__ import annotations

import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from starlette.testclient import TestClient

from herplan.app.mailer import SENT_LOG
from herplan.app.stores import mail_settings
from tests.app.test_outbox import Mailbox, free_port
from tests.web.test_planner import NAME, example_data
from tests.web.test_web import app, token

SECRET = "geheim-wachtwoord-123"


class Listener(Mailbox):
    """A mail server that takes any login over plain text and records the passwords."""

    def __init__(self, accept: bool = True) -> None:
        super().__init__()
        self.logins: list[tuple[str, str]] = []
        self.accept = accept

    def __call__(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=self.accept, handled=False)


@pytest.fixture
def listener(request):
    box = Listener(accept=getattr(request, "param", True))
    controller = Controller(
        box, hostname="127.0.0.1", port=free_port(), authenticator=box, auth_require_tls=False
    )
    controller.start()
    box.address = f"127.0.0.1:{controller.port}"  # type: ignore[attr-defined]
    yield box
    controller.stop()


@pytest.fixture
def page(planned_example, tmp_path, monkeypatch):
    monkeypatch.delenv(mail_settings.PASSWORD_ENV, raising=False)
    data = example_data(planned_example, tmp_path)
    with TestClient(app(data, time_limit=4, reproducible=True)) as client:
        yield client, data


def set_server(client: TestClient, address: str, **more: str):
    host, port = address.rsplit(":", 1)
    fields = {"csrf": token(client), "server": host, "poort": port} | more
    return client.post(f"/p/{NAME}/smtp?taal=nl", data=fields, follow_redirects=False)


def send(client: TestClient) -> str:
    answer = client.post(f"/p/{NAME}/versturen?taal=nl", data={"csrf": token(client)})
    assert answer.status_code == 200
    return answer.text


def sent_log(data) -> str:
    path = data / NAME / "planning" / SENT_LOG
    return path.read_text() if path.exists() else ""


def test_changing_server_port_or_user_drops_the_kept_password(page):
    client, data = page
    set_server(client, "127.0.0.1:2525", gebruiker="planner", wachtwoord=SECRET)
    set_server(client, "127.0.0.1:2525", gebruiker="planner")  # unchanged: kept
    assert mail_settings.password(data) == SECRET
    for changed in (
        {"address": "127.0.0.1:2526"},
        {"address": "evil.example:2525"},
        {"gebruiker": "iemand-anders"},
    ):
        set_server(client, "127.0.0.1:2525", gebruiker="planner", wachtwoord=SECRET)
        fields = {"address": "127.0.0.1:2525", "gebruiker": "planner"} | changed
        set_server(client, fields.pop("address"), **fields)
        assert mail_settings.password(data) is None, changed
        assert not (data / mail_settings.SECRET).exists()
    # a new password given with the new server is kept
    set_server(client, "127.0.0.1:2599", gebruiker="planner", wachtwoord="nieuw-wachtwoord-1")
    assert mail_settings.password(data) == "nieuw-wachtwoord-1"


def test_the_password_never_goes_unencrypted_to_a_listener(page, listener):
    client, data = page
    set_server(client, "127.0.0.1:2525", gebruiker="planner", wachtwoord=SECRET)
    # the attack: the same user, the kept password, another port without TLS
    set_server(client, listener.address, gebruiker="planner")
    html = send(client)
    assert listener.logins == [] and listener.received == [] and sent_log(data) == ""
    # even with the password typed in again: no TLS, no login
    set_server(client, listener.address, gebruiker="planner", wachtwoord=SECRET)
    html = send(client)
    assert listener.logins == [] and listener.received == [] and sent_log(data) == ""
    assert "het wachtwoord is niet verstuurd" in html
    # STARTTLS asked of a server that has none: still nothing
    set_server(client, listener.address, gebruiker="planner", starttls="1")
    send(client)
    assert listener.logins == [] and sent_log(data) == ""


def test_the_local_relay_exception_is_the_planners_explicit_choice(page, listener):
    client, data = page
    html = client.get(f"/p/{NAME}").text
    assert 'name="zonder_tls"' in html and "iedereen op het netwerk" in html
    set_server(client, listener.address, gebruiker="planner", wachtwoord=SECRET, zonder_tls="1")
    assert mail_settings.load(data).auth_without_tls
    send(client)
    assert listener.logins == [("planner", SECRET)]
    assert listener.received and sent_log(data)


def test_switching_tls_off_drops_the_kept_password(page, listener):
    """The same server, port and user, but now without TLS: the password kept for an
    encrypted login must not go out in clear text."""
    client, data = page
    set_server(client, listener.address, gebruiker="planner", wachtwoord=SECRET, starttls="1")
    assert mail_settings.password(data) == SECRET
    set_server(client, listener.address, gebruiker="planner", zonder_tls="1")
    assert mail_settings.password(data) is None
    send(client)
    assert listener.logins == [("planner", "")]  # tried without it (this listener takes any)
    set_server(client, listener.address, gebruiker="planner", wachtwoord=SECRET, zonder_tls="1")
    set_server(client, listener.address, gebruiker="planner")  # the exception undone: dropped
    assert mail_settings.password(data) is None


def test_the_environments_password_never_goes_without_tls(page, listener, monkeypatch):
    """``HERPLAN_SMTP_PASSWORD`` is tied to no host: not even the local-relay exception
    lets it go unencrypted to whatever server the form names."""
    client, data = page
    monkeypatch.setenv(mail_settings.PASSWORD_ENV, SECRET)
    set_server(client, listener.address, gebruiker="planner", zonder_tls="1")
    assert mail_settings.load(data).auth_without_tls
    html = send(client)
    assert listener.logins == [] and listener.received == [] and sent_log(data) == ""
    assert "het wachtwoord is niet verstuurd" in html
    assert SECRET not in (data / "audit.log").read_text()


@pytest.mark.parametrize("listener", [False], indirect=True)
def test_a_refused_login_marks_nothing_as_sent(page, listener):
    client, data = page
    set_server(
        client,
        listener.address,
        gebruiker="planner",
        wachtwoord="fout-wachtwoord-1",
        zonder_tls="1",
    )
    html = send(client)
    assert listener.logins and listener.received == []
    assert sent_log(data) == ""
    assert "de mailserver weigerde het inloggen" in html
    assert "535" not in html and "Authentication" not in html  # nothing the server said


@pytest.fixture
def ssh_port():
    """Something that is no mail server: an SSH-like banner, then it waits."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def answer() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conn.sendall(b"SSH-2.0-OpenSSH_9.6 internal-db-host\r\n")
            conn.close()

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    server.close()


def test_the_page_never_shows_what_a_server_answered(page, ssh_port):
    client, data = page
    set_server(client, ssh_port)
    html = send(client)
    assert "OpenSSH" not in html and "internal-db-host" not in html and "SSH-2.0" not in html
    assert "0 berichten verstuurd" in html and sent_log(data) == ""
    closed = f"127.0.0.1:{free_port()}"
    set_server(client, closed)
    html = send(client)
    assert "geen verbinding met een mailserver" in html
    assert "Connection refused" not in html and "Errno" not in html


def test_a_port_that_is_no_number_is_refused_not_a_crash(page):
    client, _ = page
    for port in ("²", "٣", "99999", "-1", "x"):
        answer = set_server(client, f"127.0.0.1:{port}")
        assert answer.status_code == 400, port
        assert "Vul eerst de mailserver in" in answer.text


def test_the_mail_form_cannot_write_the_audit_logs_own_fields(page):
    import json

    client, data = page
    set_server(client, "127.0.0.1:2525", gebruiker="bert", wachtwoord=SECRET)
    lines = [json.loads(x) for x in (data / "audit.log").read_text().splitlines()]
    line = next(x for x in lines if x["action"] == "smtp-settings")
    assert line["user"] == "" and line["smtp_user"] == "bert"  # no planner signed in here


def test_a_detail_never_overwrites_an_own_field_of_the_audit_line(tmp_path):
    import json
    from types import SimpleNamespace

    from herplan.app.web import audit

    request = SimpleNamespace(
        app=SimpleNamespace(state=SimpleNamespace(config=SimpleNamespace(data=tmp_path))),
        scope={"session": {"user": "planner"}},
        client=SimpleNamespace(host="127.0.0.1"),
    )
    audit.record(request, "send", user="bert", **{"from": "10.0.0.9", "action": "delete"})
    (line,) = [json.loads(x) for x in (tmp_path / "audit.log").read_text().splitlines()]
    assert (line["user"], line["from"], line["action"]) == ("planner", "127.0.0.1", "send")
    assert (line["given_user"], line["given_from"], line["given_action"]) == (
        "bert",
        "10.0.0.9",
        "delete",
    )


def test_a_detail_from_a_form_is_cut_to_a_sane_size_in_the_audit_log(page):
    import json

    client, data = page
    set_server(client, "127.0.0.1:2525", gebruiker="b" * 100_000, wachtwoord=SECRET)
    log = (data / "audit.log").read_text()
    line = next(json.loads(x) for x in log.splitlines() if '"smtp-settings"' in x)
    assert len(line["smtp_user"]) <= 200 and line["smtp_user"].startswith("bbb")
    assert len(log) < 5_000
