"""The closed sets of codes herplan writes and compares, one type each (README, Outputs).

A member equals its value (``StrEnum``), so ``plan.json``, the workbooks and the
words catalogue (keys such as ``cause_nee``, ``with_client``) keep reading and
writing the same strings, while a misspelt code is a type error. The values are
part of the files: an earlier ``plan.json`` must still read on a rerun and the
same input must give the same bytes, so they stay as written, a few of the
causes in English; the member names are English throughout, like the code.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a reassessment could not be planned (README, The rules), in the order a
    provider can act on them: the first a reassessment has is its main reason."""

    WITHDRAWN = "geannuleerd"  # status geannuleerd in the input
    PERIOD_OVER = "periode_voorbij"  # no working day of the period is left after today
    ENDS_BEFORE_PERIOD = "einddatum_voor_periode"  # rule 7
    NO_SUPPORT_PLAN = "geen_ondersteuningsplan"  # rule 6
    SUPPORT_PLAN_EXPIRED = "ondersteuningsplan_verlopen"  # rule 6
    LOCATION_CLOSED = "locatie_gesloten"  # rule 5
    CLIENT_UNAVAILABLE = "client_niet_beschikbaar"  # rule 9, or a provider's nee
    NO_CONSULTANT = "geen_consulent_beschikbaar"  # rules 2 and 4
    SUPPORT_WORKER_BUSY = "begeleider_bezet"  # rule 8: the begeleider's day is elsewhere
    CAPACITY = "capaciteit"  # every morning it could use is full
    NOT_FITTED = "niet_ingepast"  # there was room: the search ended before it fitted


class ChangeKind(StrEnum):
    """What happened to an appointment since the previous revision (sheet Wijzigingen)."""

    MOVED = "verplaatst"
    CANCELLED = "geannuleerd"
    NEW = "nieuw"
    NO_LONGER_PLANNABLE = "niet_meer_inplanbaar"
    CONFIRMED = "bevestigd"
    NOT_POSSIBLE = "niet_mogelijk"  # a provider's request that the plan could not grant


class Cause(StrEnum):
    """Why an appointment changed (``Change.cause``), or why the reassessment it made room
    for needed a place (``Change.room_cause``)."""

    DECLINED = "nee"  # the provider answered nee
    SAME_DAY = "same_day"  # the provider answered zelfde dag, andere tijd
    ABSENT = "absent"  # the consultant is away that day
    LOCATION_CLOSED = "locatie_gesloten"  # rule 5
    CLIENT_UNAVAILABLE = "client_niet_beschikbaar"  # rule 9
    MOVED_LOCATION = "moved_location"  # the reassessment belongs to another location now
    RULE = "rule"  # it no longer fits that morning (changed data)
    TIME = "time"  # another time in the same morning, to make room
    MORE = "more"  # moved so that more reassessments are planned
    NEW = "new"  # not planned before
    WITHDRAWN = "withdrawn"  # status geannuleerd in the input
    GONE = "gone"  # no longer in the input
    CONFIRMED = "confirmed"  # the provider answered ja
    CHOSEN = "chosen"  # a place the planner chose, or a move by hand


class AnswerCode(StrEnum):
    """A provider's answer on an appointment: ``Haalbaar`` in its workbook, or online."""

    YES = "ja"
    NO = "nee"
    SAME_DAY = "zelfde_dag"  # zelfde dag, andere tijd: keep the day, not the time


class Attendance(StrEnum):
    """Who attends the interview with the consultant (``with`` in ``plan.json``; rule 9)."""

    CLIENT = "client"
    SUPPORT_WORKER = "begeleider"  # the client cannot come: the begeleider speaks for them


class InvitationKind(StrEnum):
    """Which calendar entry an invitation is for."""

    INTERVIEW = "gesprek"
    WRITEUP = "uitwerking"  # the consultant's write-up block in the afternoon


class Role(StrEnum):
    """Whom an invitation is for."""

    SUPPORT_WORKER = "begeleider"
    CONTACT = "contactpersoon"  # the location's contact, when no begeleider e-mail is known
    CONSULTANT = "consulent"


class DayPart(StrEnum):
    """The part of a day a consultant is away (sheet Afwezigheid, ``Absence.part``)."""

    DAY = "dag"
    MORNING = "ochtend"
    AFTERNOON = "middag"


class CorrectionKind(StrEnum):
    """What a provider proposes to correct in the input (README, Corrections)."""

    SUPPORT_PLAN = "ondersteuningsplan"  # a new support plan, or when one is expected
    OUT_OF_CARE = "niet_in_zorg"  # the client is no longer in care, and why
    SUPPORT_WORKER = "begeleider"  # another begeleider (name and e-mail)
    UNAVAILABLE = "niet_beschikbaar"  # days the client cannot come
    MISSING = "ontbreekt"  # a client missing from the list


class CorrectionStatus(StrEnum):
    """Where a proposed correction stands (the correction store)."""

    OPEN = "open"
    TAKEN = "taken"  # written into a new revision of the input
    REJECTED = "rejected"
    REPLACED = "replaced"  # a later proposal for the same client and kind counts


class PhaseStatus(StrEnum):
    """How a solver phase ended (CP-SAT's own status names, as ``plan.json`` keeps them)."""

    OPTIMAL = "OPTIMAL"  # proven best
    FEASIBLE = "FEASIBLE"  # a plan, not proven best within the phase's time
    INFEASIBLE = "INFEASIBLE"
    UNKNOWN = "UNKNOWN"  # no plan found in the phase's time
    MODEL_INVALID = "MODEL_INVALID"
    NOT_RUN = "NOT_RUN"  # decided before it ran: its bound was already reached

    @property
    def found_a_plan(self) -> bool:
        return self in (PhaseStatus.OPTIMAL, PhaseStatus.FEASIBLE)
