"""Every answer leaves a trace (README, Rerun after cancellations): a *zelfde dag* gets
another time that day or is listed as asked and not possible, every remark reaches
the change list, and a move made for another case names it."""

from __future__ import annotations

from datetime import date

from herplan.domain.appointment import Appointment
from herplan.domain.revisions import Rerun, Verdict
from herplan.io.plan_json import plan_dict
from herplan.io.sentences import answer_summary, change_reason
from herplan.scheduler.planner import make_plan
from tests.checker import check_plan, check_rerun
from tests.conftest import PLANNED_AS, START, case, options, problem, short_morning


def booked(dossier: str, day: date = START, start: int = 9 * 60, cid: str = "AH") -> Appointment:
    return Appointment(
        uid=f"{dossier}@test",
        dossier=dossier,
        client="A.B.",
        provider="Yulius",
        location="Noord",
        consultant=cid,
        day=day,
        start=start,
        end=start + 45,
        writeup_start=13 * 60 + (start - 9 * 60),
        writeup_end=13 * 60 + (start - 9 * 60) + 45,
        with_="client",
    )


def rerun_with(previous: list[Appointment], *verdicts: Verdict) -> Rerun:
    return Rerun(previous=tuple(previous), revision=1, today=PLANNED_AS, verdicts=verdicts)


def test_zelfde_dag_gets_another_time_that_day_and_the_remark_travels():
    p = problem([case("D1"), case("D2")])
    before = [booked("D1"), booked("D2", start=10 * 60)]
    rerun = rerun_with(before, Verdict("D1", False, "liever na 10:30", same_day=True))
    plan = make_plan(p, options(2), rerun=rerun)
    after = next(a for a in plan.appointments if a.dossier == "D1")
    assert after.day == START and (after.end <= 9 * 60 or after.start >= 9 * 60 + 45)
    change = next(c for c in plan.changes if c.dossier == "D1")
    assert (change.kind, change.cause) == ("verplaatst", "same_day")
    assert change.remark == "liever na 10:30"
    assert "liever na 10:30" in change_reason(change, "nl")
    assert "nu " in answer_summary(change, "nl")
    shown = plan_dict(plan)
    assert check_plan(p, shown) == []


def test_zelfde_dag_with_no_other_time_stays_and_is_listed_as_not_possible():
    # A morning of 50 minutes holds one interview; one consultant works that week.
    p = problem([case("D1", unavailable_weekdays=frozenset({2, 3, 4}))], morning=short_morning(50))
    rerun = rerun_with([booked("D1")], Verdict("D1", False, "om 11 uur graag", same_day=True))
    plan = make_plan(p, options(2), rerun=rerun)
    (kept,) = plan.appointments
    assert (kept.day, kept.start) == (START, 9 * 60)
    (change,) = plan.changes
    assert (change.kind, change.cause, change.remark) == (
        "niet_mogelijk",
        "same_day",
        "om 11 uur graag",
    )
    said = change_reason(change, "nl")
    assert "om 11 uur graag" in said and "blijft om 09:00" in said
    assert "blijft om 09:00" in answer_summary(change, "nl")
    assert "stays at 09:00" in change_reason(change, "en")


def test_the_checker_finds_a_zelfde_dag_left_at_its_time_without_a_line():
    p = problem([case("D1")])
    before = plan_dict(make_plan(p, options(2), today=PLANNED_AS))
    after = {**before, "changes": [], "revision": 2}
    assert any(
        "zelfde dag" in v for v in check_rerun(p, before, after, {"D1": "zelfde_dag"}, PLANNED_AS)
    )
