"""``plan.json`` read back as the page's records: every field as ``plan_json`` wrote it."""

from __future__ import annotations

import json

from herplan.findings import Code, Finding, Subject, text
from herplan.io.finding_words import english
from herplan.io.plan_reader import read_plan, saved_plan


def test_the_records_hold_what_plan_json_wrote(planned_example):
    out, _ = planned_example
    raw = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    plan = read_plan(out)
    assert plan is not None and plan.revision == raw["revision"]
    assert plan.settings.period_start.isoformat() == raw["settings"]["periode_start"]
    assert plan.settings.language == raw["settings"]["taal"]
    assert plan.settings.answer_workdays == raw["settings"]["reactie_werkdagen"]
    assert [
        (a.dossier, a.date, a.start, a.end, a.consultant, a.client, a.begeleider)
        for a in plan.appointments
    ] == [
        (
            a["dossier"],
            a["date"],
            a["start"],
            a["end"],
            a["consultant"],
            a["client"],
            a["begeleider"],
        )
        for a in raw["appointments"]
    ]
    assert plan.appointments[0].place == "{date}@{consultant}@{start}".format(
        **raw["appointments"][0]
    )
    assert [
        (u.dossier, list(u.reasons), u.explanation_in, u.provider) for u in plan.unscheduled
    ] == [
        (u["dossier"], u["reasons"], u["explanation_in"], u["provider"]) for u in raw["unscheduled"]
    ]
    assert [(r.dossier, r.needed_by) for r in plan.support_plans] == [
        (r["dossier"], r["needed_by"]) for r in raw["support_plans"]
    ]
    assert {c: (p.name, list(p.away)) for c, p in plan.consultants.items()} == {
        c: (p["name"], p["away"]) for c, p in raw["consultants"].items()
    }
    assert [(loc.name, loc.address, list(loc.closed)) for loc in plan.locations] == [
        (loc["name"], loc["address"], loc["closed"]) for loc in raw["locations"]
    ]
    assert [i.uid for i in plan.invitations] == [i["uid"] for i in raw["invitations"]]
    assert plan.file_names == raw["file_names"]
    stats = raw["stats"]
    assert (plan.stats.scheduled, plan.stats.visits, plan.stats.location_days) == (
        stats["scheduled"],
        stats["visits"],
        stats["location_days"],
    )
    assert [(p.name, p.objective, p.bound) for p in plan.stats.phases] == [
        (p["name"], p["objective"], p["bound"]) for p in stats["phases"]
    ]


def test_a_change_keeps_where_it_was_and_goes(tmp_path):
    change = {
        "dossier": "D1",
        "provider": "P",
        "kind": "verplaatst",
        "cause": "nee",
        "reason": "r",
        "reason_in": {"nl": "r", "en": "e"},
        "made_room_for": None,
        "before": {"date": "2026-12-09", "start": "09:00", "end": "09:45", "consultant": "AB"},
        "after": None,
    }
    data = {
        "revision": 2,
        "settings": {"periode_start": "2026-12-01", "periode_eind": "2026-12-23"},
        "changes": [change],
    }
    plan = saved_plan(data, tmp_path / "plan.json")
    (c,) = plan.changes
    assert (c.kind, c.cause, c.reason_in["en"], c.after) == ("verplaatst", "nee", "e", None)
    assert c.before is not None and (c.before.date, c.before.consultant) == ("2026-12-09", "AB")
    assert plan.appointments == () and plan.settings.language == "nl"
    assert read_plan(tmp_path) is None  # no plan.json: nothing to read


def test_a_reruns_notes_are_findings_and_an_older_files_english_is_said_as_it_is(tmp_path):
    note = Finding.of(Code.PICKED_ONLINE_TAKEN, Subject(dossier="D1"), place="2026-12-09@AB@09:00")
    settings = {"periode_start": "2026-12-01", "periode_eind": "2026-12-23"}
    data = {"revision": 2, "settings": settings, "answer_conflicts": english([note])}
    written = {**data, "answer_conflict_findings": [note.as_dict()]}
    assert saved_plan(written, tmp_path / "plan.json").answer_conflicts == (note,)
    (before,) = saved_plan(data, tmp_path / "plan.json").answer_conflicts
    assert before == text(english([note])[0])
    assert saved_plan({"settings": settings}, tmp_path).answer_conflicts == ()
