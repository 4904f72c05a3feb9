"""Invitations by e-mail (README, Calendars; iMIP) and ``herplan send`` against a real SMTP server.

A generated region is planned; its outbox must hold exactly one message per
recipient and event, each one RFC 6047 e-mail with one event; ``herplan send``
delivers them to a local SMTP server (aiosmtpd) once and only once, also
across a failure halfway. After a rerun with a withdrawal and a consultant's
absence, moved appointments get a REQUEST with a higher SEQUENCE, removed
ones a CANCEL, unchanged ones nothing. Every message and every ``.ics`` file
is then judged by libical's iTIP restriction check and parsed by ical.js
(``test_real_parsers``).
"""

from __future__ import annotations

import email
import email.policy
import json
import shutil
import socket
from datetime import date
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

import icalendar
import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from benchmarks.instances import Shape, withdraw_and_absent, write
from herplan.app.cli import main

TODAY = "2026-11-30"
OFFICE = "planning@sdd.example.nl"
SETTINGS = {
    "organisator_naam": "Planning Herindicaties",
    "organisator_email": OFFICE,
    "planner_naam": "M. de Groot",
    "planner_telefoon": "078 770 1234",
}
SHAPE = Shape(reassessments=60, consultants=4, locations=10, settings=SETTINGS)


def run(*args: str, code: int = 0):
    if args[0] == "send" and "--today" not in args:  # sent as of the day it was planned as
        args = (*args, "--today", TODAY)
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def plan_json(folder: Path) -> dict:
    return json.loads((folder / "plan.json").read_text(encoding="utf-8"))


def parse(data: bytes) -> tuple[EmailMessage, icalendar.Calendar, str]:
    """The message, its calendar part, and its plain text."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    parts = {p.get_content_type(): p for p in msg.walk()}
    assert msg.get_content_type() == "multipart/alternative"
    calendar_part = parts["text/calendar"]
    cal = icalendar.Calendar.from_ical(calendar_part.get_payload(decode=True))
    assert calendar_part.get_param("method") == str(cal["METHOD"])
    return msg, cal, parts["text/plain"].get_content()


def outbox(folder: Path) -> dict[str, tuple[EmailMessage, icalendar.Calendar, str]]:
    return {p.name: parse(p.read_bytes()) for p in sorted((folder / "uitgaand").glob("*.eml"))}


def event_of(cal: icalendar.Calendar) -> icalendar.Event:
    events = cal.walk("VEVENT")
    assert len(events) == 1, "one event (one UID) per message"
    return events[0]


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    base = tmp_path_factory.mktemp("outbox")
    source = write(base / "invoer.xlsx", SHAPE, seed=3)
    run(
        "plan",
        "--today",
        "2026-11-30",
        str(source),
        "--out",
        str(base / "planning"),
        "--reproducible",
        "--time-limit",
        "5",
    )
    return base


@pytest.fixture
def workspace(first, tmp_path):
    shutil.copy(first / "invoer.xlsx", tmp_path / "invoer.xlsx")
    shutil.copytree(first / "planning", tmp_path / "planning")
    return tmp_path


class Mailbox:
    """An aiosmtpd handler that keeps what it receives and refuses chosen addresses."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    box.address = f"127.0.0.1:{controller.port}"  # type: ignore[attr-defined]
    yield box
    controller.stop()


def test_every_new_appointment_invites_begeleider_and_consultant(first):
    folder = first / "planning"
    plan = plan_json(folder)
    messages = outbox(folder)
    by_uid: dict[str, list[tuple[str, str, int]]] = {}
    for name, (msg, cal, text) in messages.items():
        event = event_of(cal)
        assert str(cal["METHOD"]) == "REQUEST"
        to = parseaddr(str(msg["To"]))[1]
        assert parseaddr(str(msg["From"]))[1] == OFFICE
        assert str(event["ORGANIZER"]) == f"mailto:{OFFICE}"
        assert [str(a) for a in [event["ATTENDEE"]]] == [f"mailto:{to}"]
        by_uid.setdefault(str(event["UID"]), []).append((name, to, int(event["SEQUENCE"])))
        assert "Planning Herindicaties" in text and "078 770 1234" in text
    for a in plan["appointments"]:
        interview = by_uid.pop(a["uid"])
        writeup = by_uid.pop(a["uid"].replace("@", "-uitwerking@"))
        roles = sorted(name.rsplit("-", 1)[1] for name, _to, _seq in interview)
        assert roles in (
            ["begeleider.eml", "consulent.eml"],
            ["consulent.eml", "contactpersoon.eml"],
        ), interview
        assert [name.split("-", 1)[1] for name, _to, _seq in writeup] == [
            "uitwerking-consulent.eml"
        ]
        assert {seq for _n, _to, seq in interview + writeup} == {0}
    assert by_uid == {}, "no message for anything that is not planned"
    recorded = {(i["uid"], i["to"]) for i in plan["invitations"]}
    assert len(recorded) == len(messages)


def test_a_message_holds_only_its_own_client(first):
    plan = plan_json(first / "planning")
    dossiers = {a["dossier"] for a in plan["appointments"]}
    dossiers |= {u["dossier"] for u in plan["unscheduled"]}
    for name, (msg, cal, text) in outbox(first / "planning").items():
        own = str(event_of(cal)["UID"])
        case = next(a for a in plan["appointments"] if own.startswith(a["uid"].split("@")[0]))
        whole = msg.as_string() + text + cal.to_ical().decode()
        others = {d for d in dossiers if d != case["dossier"] and d in whole}
        assert others == set(), f"{name} mentions {others}"


def test_send_delivers_each_message_once(workspace, smtp):
    folder = workspace / "planning"
    files = sorted((folder / "uitgaand").glob("*.eml"))
    dry = run("send", str(folder), "--smtp", smtp.address, "--dry-run")
    assert smtp.received == [] and "Zou versturen" in dry.output
    result = run("send", str(folder), "--smtp", smtp.address)
    assert f"Verstuurd {len(files)}".split() == result.output.split()[:2]
    assert len(smtp.received) == len(files)
    sent = {
        parse(content)[0]["Message-ID"]: (sender, rcpt) for sender, rcpt, content in smtp.received
    }
    for path in files:
        msg, _cal, _text = parse(path.read_bytes())
        assert sent[msg["Message-ID"]] == (OFFICE, [parseaddr(str(msg["To"]))[1]])
    again = run("send", str(folder), "--smtp", smtp.address)
    assert len(smtp.received) == len(files), "a second send sends nothing again"
    assert "Niets te versturen" in again.output


def test_nothing_goes_out_for_an_interview_on_or_before_the_day_it_is_sent(workspace, smtp):
    """A send on 9 December (revision 1 never sent): the interviews of 1-9 December are
    held or too close; their messages stay unsent and are counted as such (README, Today)."""
    folder = workspace / "planning"
    files = sorted((folder / "uitgaand").glob("*.eml"))
    days = {p: parse(p.read_bytes())[1].walk("VEVENT")[0]["DTSTART"].dt.date() for p in files}
    later = [p for p, day in days.items() if day > date(2026, 12, 9)]
    assert 0 < len(later) < len(files)
    result = run("send", str(folder), "--smtp", smtp.address, "--today", "2026-12-09")
    assert len(smtp.received) == len(later)
    (line,) = [x for x in result.output.splitlines() if "vandaag of al geweest" in x]
    assert int(line.split()[-1]) == len(files) - len(later)
    sent_days = {
        parse(content)[1].walk("VEVENT")[0]["DTSTART"].dt.date()
        for _s, _r, content in smtp.received
    }
    assert min(sent_days) > date(2026, 12, 9)


def test_a_failure_halfway_loses_nothing_and_sends_nothing_twice(workspace, smtp):
    folder = workspace / "planning"
    files = sorted((folder / "uitgaand").glob("*.eml"))
    down = run("send", str(folder), "--smtp", f"127.0.0.1:{free_port()}", code=1)
    assert "no connection to the mail server" in down.output
    assert not (folder / "verzonden.jsonl").exists()
    bad = parseaddr(str(parse(files[3].read_bytes())[0]["To"]))[1]
    smtp.refuse.add(bad)
    partly = run("send", str(folder), "--smtp", smtp.address, code=1)
    refused = [f for f in files if parseaddr(str(parse(f.read_bytes())[0]["To"]))[1] == bad]
    assert len(smtp.received) == len(files) - len(refused)
    assert f"{refused[0].name} → {bad}: 550" in partly.output
    smtp.refuse.clear()
    run("send", str(folder), "--smtp", smtp.address)
    assert len(smtp.received) == len(files)
    ids = [parse(content)[0]["Message-ID"] for _s, _r, content in smtp.received]
    assert len(set(ids)) == len(ids), "nothing was sent twice"


def test_rerun_sends_only_what_changed(workspace, smtp):
    folder = workspace / "planning"
    run("send", str(folder), "--smtp", smtp.address)
    first_count = len(smtp.received)
    before = plan_json(folder)
    old = {a["dossier"]: a for a in before["appointments"]}
    gone = before["appointments"][2]
    away = next(a for a in before["appointments"] if a["consultant"] != gone["consultant"])
    withdraw_and_absent(
        workspace / "invoer.xlsx",
        [gone["dossier"]],
        (away["consultant"], date.fromisoformat(away["date"])),
    )
    run(
        "plan",
        str(workspace / "invoer.xlsx"),
        "--out",
        str(folder),
        "--today",
        TODAY,
        "--reproducible",
    )
    after = plan_json(folder)
    new = {a["dossier"]: a for a in after["appointments"]}
    invited = {(i["uid"], i["to"]): i for i in before["invitations"]}
    messages = outbox(folder)
    seen: set[tuple[str, str]] = set()
    for name, (msg, cal, _text) in messages.items():
        event = event_of(cal)
        uid, to = str(event["UID"]), parseaddr(str(msg["To"]))[1]
        seen.add((uid, to))
        dossier = name.split("-")[0].upper()
        if str(cal["METHOD"]) == "CANCEL":
            assert (uid, to) in invited, f"{name}: a CANCEL for something never sent"
            assert int(event["SEQUENCE"]) > invited[(uid, to)]["sequence"]
            assert str(event["STATUS"]) == "CANCELLED"
        else:
            assert dossier in new
            if (uid, to) in invited:
                assert int(event["SEQUENCE"]) > invited[(uid, to)]["sequence"], name
    # moved → REQUEST; removed → CANCEL to everyone invited; unchanged → nothing
    moved = {d for d, a in new.items() if d in old and a != {**old[d], "pinned": a["pinned"]}}
    assert gone["dossier"] not in new
    cancelled = {k for k, i in invited.items() if i["dossier"] == gone["dossier"]}
    assert cancelled <= seen
    for key, i in invited.items():
        if i["dossier"] not in moved and i["dossier"] != gone["dossier"]:
            assert key not in seen, f"{i['dossier']} did not change but got a message"
    assert moved, "the absence moved at least one appointment"
    for dossier in moved:
        assert any(name.startswith(dossier.lower()) for name in messages), dossier
    run("send", str(folder), "--smtp", smtp.address)
    assert len(smtp.received) == first_count + len(messages)
    run("send", str(folder), "--smtp", smtp.address)
    assert len(smtp.received) == first_count + len(messages)


def test_unsent_invitations_of_an_earlier_revision_still_go_out(workspace, smtp):
    folder = workspace / "planning"
    before = plan_json(folder)
    gone = before["appointments"][0]
    withdraw_and_absent(workspace / "invoer.xlsx", [gone["dossier"]])
    run(
        "plan",
        str(workspace / "invoer.xlsx"),
        "--out",
        str(folder),
        "--today",
        TODAY,
        "--reproducible",
    )
    result = run("send", str(folder), "--smtp", smtp.address)
    after = plan_json(folder)
    assert len(smtp.received) == len(after["invitations"])
    assert "annulering van iets dat nooit verstuurd is" in result.output
    kinds = {str(parse(c)[1]["METHOD"]) for _s, _r, c in smtp.received}
    assert kinds == {"REQUEST"}, "nothing to cancel: the withdrawn one was never sent"


def test_without_organiser_there_is_no_outbox_and_the_summary_says_why(tmp_path):
    source = write(
        tmp_path / "invoer.xlsx", Shape(reassessments=12, consultants=2, locations=3), seed=1
    )
    result = run(
        "plan",
        "--today",
        "2026-11-30",
        str(source),
        "--out",
        str(tmp_path / "planning"),
        "--reproducible",
        "--time-limit",
        "3",
    )
    assert not (tmp_path / "planning" / "uitgaand").exists()
    assert "vul organisator_email in" in result.output
    assert plan_json(tmp_path / "planning")["invitations"] == []


def test_send_refuses_a_folder_that_is_not_a_planning(tmp_path):
    result = CliRunner().invoke(main, ["send", str(tmp_path)])
    assert result.exit_code == 2 and "not a planning folder" in result.output
