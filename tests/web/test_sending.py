"""Sending the invitations from the planning page: the outbox per recipient,
a message to read, the mail server entered once (the password never shown, kept 0600 or
taken from the environment), and *Versturen* with the same once-and-only-once record as
``herplan send``, against a local SMTP server (aiosmtpd)."""

from __future__ import annotations

import json
import re
import stat

import pytest
from starlette.testclient import TestClient

from herplan.app.mailer import SENT_LOG
from herplan.app.stores import mail_settings
from tests.app.test_outbox import smtp  # noqa: F401 (the local SMTP server, a fixture)
from tests.web.test_planner import NAME, example_data
from tests.web.test_web import app, token

SECRET = "geheim-wachtwoord-123"


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


def test_the_outbox_is_shown_per_recipient_with_a_message_to_read(page):
    client, data = page
    html = client.get(f"/p/{NAME}").text
    messages = list((data / NAME / "planning" / "uitgaand").glob("*.eml"))
    assert f"{len(messages)} berichten klaar om te versturen" in html
    assert re.search(r'id="send"[^>]*disabled', html)  # no mail server yet
    recipients = html.split('id="outbox"><summary>')[1].split("(")[1].split(")")[0]
    # Versturen confirms first, saying what it will do.
    assert f"{len(messages)} berichten aan {recipients} ontvangers." in html
    link = html.split('id="outbox"')[1].split('href="')[1].split('"')[0]
    message = client.get(link.replace("&amp;", "&"))
    assert message.status_code == 200 and "Onderwerp" in message.text and "@" in message.text
    for bad in ("plan.json", "../invoer/invoer.xlsx", "uitgaand/../plan.json"):
        assert client.get(f"/p/{NAME}/bericht/{bad}").status_code == 404


def test_the_mail_server_is_kept_and_the_password_never_shown(page):
    client, data = page
    answer = set_server(client, "127.0.0.1:2525", gebruiker="planner", wachtwoord=SECRET)
    assert answer.status_code == 303 and answer.headers["location"].endswith("#versturen")
    kept = mail_settings.load(data)
    assert (kept.host, kept.port, kept.user) == ("127.0.0.1", 2525, "planner")
    secret = data / mail_settings.SECRET
    assert secret.read_text() == SECRET
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE((data / mail_settings.FILE).stat().st_mode) == 0o600
    assert SECRET not in (data / mail_settings.FILE).read_text()
    html = client.get(f"/p/{NAME}").text
    assert SECRET not in html and "Er is een wachtwoord bewaard" in html
    set_server(client, "127.0.0.1:2525", gebruiker="planner")  # empty: the password stays
    assert mail_settings.password(data) == SECRET
    set_server(client, "127.0.0.1:2525", wachtwoord_vergeten="1")
    assert mail_settings.password(data) is None and not secret.exists()
    bad = set_server(client, "127.0.0.1:x")
    assert bad.status_code == 400 and "Vul eerst de mailserver in" in bad.text


def test_the_password_may_come_from_the_environment(page, monkeypatch):
    client, data = page
    monkeypatch.setenv(mail_settings.PASSWORD_ENV, "uit-de-omgeving")
    set_server(client, "127.0.0.1:2525", gebruiker="planner")
    assert mail_settings.password(data) == "uit-de-omgeving"
    assert not (data / mail_settings.SECRET).exists()
    assert "HERPLAN_SMTP_PASSWORD" in client.get(f"/p/{NAME}").text


def test_sending_from_the_page_delivers_each_message_once(page, smtp):  # noqa: F811
    client, data = page
    planning = data / NAME / "planning"
    messages = list((planning / "uitgaand").glob("*.eml"))
    set_server(client, smtp.address)
    answer = client.post(
        f"/p/{NAME}/versturen?taal=nl", data={"csrf": token(client)}, follow_redirects=False
    )
    assert answer.status_code == 303
    html = client.get(answer.headers["location"]).text
    assert re.search(rf"{len(messages)} berichten verstuurd aan \d+ ontvangers, 0 mislukt\.", html)
    assert html.index('id="send-report"') < html.index('id="sections"')  # at the top
    assert "Alles is verstuurd." in html
    assert len(smtp.received) == len(messages)
    log = [json.loads(line) for line in (planning / SENT_LOG).read_text().splitlines()]
    assert len(log) == len(messages)
    client.post(f"/p/{NAME}/versturen", data={"csrf": token(client)})  # again: nothing new
    assert len(smtp.received) == len(messages)


def test_a_refused_address_is_reported_and_sent_the_next_time(page, smtp):  # noqa: F811
    client, data = page
    planning = data / NAME / "planning"
    messages = list((planning / "uitgaand").glob("*.eml"))
    first = next(p for p in messages if "begeleider" in p.name)
    to = next(line for line in first.read_text().splitlines() if line.startswith("To:"))
    smtp.refuse = {to.split("<")[-1].rstrip(">").split()[-1]}
    set_server(client, smtp.address)
    answer = client.post(f"/p/{NAME}/versturen?taal=en", data={"csrf": token(client)})
    assert "failed." in answer.text and "refused one or more messages or addresses" in answer.text
    assert "550" not in answer.text  # a fixed sentence, never what the server said
    smtp.refuse = set()
    before = len(smtp.received)
    client.post(f"/p/{NAME}/versturen", data={"csrf": token(client)})
    assert len(smtp.received) > before
    assert "Alles is verstuurd." in client.get(f"/p/{NAME}").text
