"""A rule checked without the solver, as Timefold's ConstraintVerifier does it.

``verify(RULE).given(appointment, ...)`` builds the finished plan the rules
check (``PlanFacts``) and ``.flags()`` says what the rule's ``violations``
finds in it: a plan that breaks the rule is flagged, one that keeps it is not.
``at(...)`` makes an appointment on a tiny region (``tests.conftest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from herplan.constraints.base import Rule
from herplan.domain.appointment import Appointment
from herplan.domain.problem import Problem
from herplan.facts import PlanFacts
from herplan.findings import Code, Finding

TUE = date(2026, 12, 1)


def at(
    dossier: str,
    consultant: str = "AH",
    day: date = TUE,
    start: str = "09:00",
    minutes: int = 45,
    writeup: str = "13:00",
    location: str = "Noord",
    with_: str = "client",
    begeleider: str = "",
) -> Appointment:
    """An appointment of ``dossier`` (client ``A.B.`` of Yulius) as a plan would hold it."""
    hour, minute = map(int, start.split(":"))
    up_hour, up_minute = map(int, writeup.split(":"))
    begin, up = hour * 60 + minute, up_hour * 60 + up_minute
    return Appointment(
        f"{dossier}@test",
        dossier,
        "A.B.",
        "Yulius",
        location,
        consultant,
        day,
        begin,
        begin + minutes,
        up,
        up + 45,
        with_,
        begeleider,
    )


@dataclass
class Verifier:
    rule: Rule
    problem: Problem
    appointments: tuple[Appointment, ...] = ()
    held: dict = field(default_factory=dict)
    pinned: dict = field(default_factory=dict)

    def given(self, *appointments: Appointment, held=None, pinned=None) -> Verifier:
        return Verifier(self.rule, self.problem, appointments, held or {}, pinned or {})

    def flags(self) -> list[Finding]:
        assert self.rule.violations is not None
        facts = PlanFacts(self.problem, self.appointments, self.held, self.pinned)
        return self.rule.violations(facts)

    def codes(self) -> list[Code]:
        """What the rule found, by kind (``herplan.findings.Code``)."""
        return [f.code for f in self.flags()]


def verify(rule: Rule, problem: Problem) -> Verifier:
    return Verifier(rule, problem)
