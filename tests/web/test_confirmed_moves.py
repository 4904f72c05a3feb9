"""A confirmed appointment is not moved by hand unless the planner says so: the check refuses a
``ja`` as "confirmed by the provider"; the page keeps such a move only when the planner ticks
the confirmation and gives a reason."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import date
from pathlib import Path

from herplan.app.hand_moves import CONFIRMED
from herplan.io import hand_moves
from tests.web.test_planner import (  # noqa: F401 (page: a fixture)
    NAME,
    an_allowed_move,
    check,
    move,
    page,
    plan_of,
)
from tests.web.test_web import token, wait


def _confirm(folder: Path, dossier: str) -> None:
    """The appointment as confirmed in an earlier revision (a ``ja``)."""
    path = folder / "planning" / "plan.json"
    plan = json.loads(path.read_text(encoding="utf-8"))
    for a in plan["appointments"]:
        if a["dossier"] == dossier:
            a["pinned"] = True
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")


def test_the_check_refuses_a_confirmed_appointment_unless_told(page):  # noqa: F811
    _client, folder = page
    dossier, consultant, day = an_allowed_move(folder)
    _confirm(folder, dossier)
    refused = check(folder, dossier, consultant, date.fromisoformat(day))
    assert not refused.allowed and [r.rule for r in refused.refusals] == [CONFIRMED]
    from herplan.app.hand_moves import check_move
    from tests.conftest import PLANNED_AS

    told = check_move(
        folder / "planning",
        dossier,
        consultant,
        date.fromisoformat(day),
        input_path=folder / "invoer" / "invoer.xlsx",
        today=PLANNED_AS,
        confirmed_ok=True,
    )
    assert told.allowed


def test_the_page_moves_a_confirmed_appointment_only_with_a_reason(page):  # noqa: F811
    client, folder = page
    dossier, consultant, day = an_allowed_move(folder)
    _confirm(folder, dossier)
    plain = move(client, dossier, consultant, day)
    assert plain.status_code == 409 and "Bevestigd door de aanbieder" in plain.text
    no_reason = move(client, dossier, consultant, day, ja_verplaatsen="1", reden="  ")
    assert no_reason.status_code == 400 and "alleen met een reden" in no_reason.text
    assert hand_moves.pending(folder) == []
    kept = move(
        client,
        dossier,
        consultant,
        day,
        ja_verplaatsen="1",
        reden="De consulent is die ochtend ziek",
    )
    assert kept.status_code == 303
    (edit,) = hand_moves.pending(folder)
    assert edit.dossier == dossier and edit.reason == "De consulent is die ochtend ziek"


def test_the_provider_gets_a_new_invitation_with_the_reason(page):  # noqa: F811
    client, folder = page
    dossier, consultant, day = an_allowed_move(folder)
    _confirm(folder, dossier)
    reason = "De consulent is die ochtend ziek"
    assert (
        move(client, dossier, consultant, day, ja_verplaatsen="1", reden=reason).status_code == 303
    )
    client.post(f"/p/{NAME}/wijzigingen", data={"csrf": token(client)})
    assert wait(client, NAME)["errors"] == []
    moved = next(a for a in plan_of(folder)["appointments"] if a["dossier"] == dossier)
    assert (moved["date"], moved["consultant"]) == (day, consultant)
    texts = {}
    for path in (folder / "planning" / "uitgaand").glob("*.eml"):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        texts[path.name] = body.get_content() if body is not None else ""
    with_reason = [n for n, t in texts.items() if reason in t]
    assert with_reason and all(dossier in texts[n] for n in with_reason)
    assert any("consulent" not in n for n in with_reason)  # the provider's side, not only ours
    assert hand_moves.pending(folder) == []
