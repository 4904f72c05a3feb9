"""Once and only once (README, Calendars): a cancellation goes only to whom the event
stands in the calendar of (a defect the December simulation found: an appointment
taken from a consultant, given back and taken again before the next send cancelled
it a second time)."""

from __future__ import annotations

from pathlib import Path

from herplan.app.mailer import Outgoing, plan_sending

UID, TO = "e1@herplan", "td04@sociaaldienst.example.nl"


def message(n: int, method: str, sequence: int, revision: int) -> Outgoing:
    return Outgoing(
        Path(f"{n}.eml"),
        revision,
        f"<m{n}@sdd>",
        "planning@sdd.example.nl",
        TO,
        UID,
        method,
        sequence,
    )


def logged(m: Outgoing) -> dict:
    return {
        "message_id": m.message_id,
        "uid": m.uid,
        "to": m.to,
        "method": m.method,
        "sequence": m.sequence,
    }


def test_an_event_cancelled_already_is_not_cancelled_again():
    invite, cancel = message(1, "REQUEST", 0, 1), message(2, "CANCEL", 1, 2)
    back, again = message(3, "REQUEST", 2, 3), message(4, "CANCEL", 3, 4)
    report = plan_sending([invite, cancel, back, again], [logged(invite), logged(cancel)])
    assert report.pending == [] and report.not_needed == [again]
    assert report.superseded == [back]  # never sent: the calendar never held it again


def test_an_event_invited_again_is_cancelled_when_it_goes():
    invite, cancel = message(1, "REQUEST", 0, 1), message(2, "CANCEL", 1, 2)
    back, again = message(3, "REQUEST", 2, 3), message(4, "CANCEL", 3, 4)
    sent = [logged(invite), logged(cancel), logged(back)]
    assert plan_sending([invite, cancel, back, again], sent).pending == [again]
